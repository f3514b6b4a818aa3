/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the pull request:
 *
 *   ::warning file=news/a.txt,line=1,col=5,endLine=1,endColumn=17,title=corrupted-name::Unexpected `North Quaran`...
 *
 * Errors are `::error`, warnings `::warning` and info messages `::notice`.
 * Paths are relative to the working folder (the checkout, in a workflow).
 * Columns are given only for single-line spans (GitHub ignores them otherwise)
 * and do not count a leading byte order mark.
 */
import type { VFile } from 'vfile'
import { displayPath, levelOf, shown, spanOf } from './common.js'
import type { FormatOptions } from './index.js'

const COMMANDS = { error: 'error', warning: 'warning', info: 'notice' } as const

/** Escape a command's message (data). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a command property value. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function formatGithub(files: VFile[], options: FormatOptions): string {
  const lines: string[] = []
  for (const file of files) {
    const name = displayPath(file, options.cwd)
    for (const message of file.messages) {
      if (!shown(message, options.quiet)) continue
      const properties: Array<[string, string | number]> = []
      if (name) properties.push(['file', name])
      const span = spanOf(file, message)
      if (span) {
        properties.push(['line', span.start.line])
        if (span.end.line === span.start.line) properties.push(['col', span.start.column])
        properties.push(['endLine', span.end.line])
        if (span.end.line === span.start.line) properties.push(['endColumn', span.end.column])
      }
      if (message.ruleId) properties.push(['title', message.ruleId])
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',')
      lines.push(`::${COMMANDS[levelOf(message)]}${props ? ' ' + props : ''}::${escapeData(String(message.reason))}`)
    }
  }
  return lines.join('\n')
}
