/** Output formats of the CLI. Each turns linted files into text. */
import type { VFile } from 'vfile'
import { reporter } from 'vfile-reporter'
import { reporterJson } from 'vfile-reporter-json'
import { formatGithub } from './github.js'
import { formatLsp } from './lsp.js'
import { formatSarif } from './sarif.js'

export interface FormatOptions {
  quiet?: boolean
  color?: boolean
  cwd: string
}

export const FORMATS = ['stylish', 'json', 'jsonl', 'sarif', 'github', 'lsp'] as const
export type Format = (typeof FORMATS)[number]

/**
 * `--format jsonl`: JSON Lines, one line per file holding exactly the object
 * `--format json` (vfile-reporter-json) has for it. Outputs of several runs
 * (shards) merge by concatenation; `jq -s .` turns the lines into the array
 * `--format json` prints.
 */
export function formatJsonLines(files: VFile[], options: Pick<FormatOptions, 'quiet'>): string {
  const lines: string[] = []
  for (const file of files) {
    const one = reporterJson([file], { quiet: options.quiet })
    if (one !== '[]') lines.push(one.slice(1, -1))
  }
  return lines.join('\n')
}

export function format(name: Format, files: VFile[], options: FormatOptions): string {
  switch (name) {
    case 'json':
      return reporterJson(files, { quiet: options.quiet })
    case 'jsonl':
      return formatJsonLines(files, options)
    case 'sarif':
      return formatSarif(files, options)
    case 'github':
      return formatGithub(files, options)
    case 'lsp':
      return formatLsp(files, options)
    case 'stylish':
    default:
      return reporter(files, { quiet: options.quiet, color: options.color })
  }
}
