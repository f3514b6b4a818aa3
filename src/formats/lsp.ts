/**
 * `--format lsp`: Language Server Protocol diagnostics, one entry per file,
 * ready for `textDocument/publishDiagnostics`:
 *
 *   [{"uri": "file:///…/a.txt", "diagnostics": [{"range": …, "severity": 2,
 *     "code": "corrupted-name", "source": "namelint", "message": "…",
 *     "data": {"expected": ["North Korean"]}}]}]
 *
 * Lines and characters are 0-based; characters are UTF-16 code units (the
 * protocol's default position encoding) and do not count a leading byte order
 * mark, which editors strip. Severity: 1 error, 2 warning, 3 information.
 * Standard input without --stdin-filename gets the URI `untitled:stdin`.
 * Files without messages are listed with no diagnostics (so a client clears
 * old ones), except with --quiet.
 */
import type { VFile } from 'vfile'
import { absolutePath, fileUri, levelOf, shown, spanOf, type Point } from './common.js'
import type { FormatOptions } from './index.js'

export interface LspPosition {
  line: number
  character: number
}

export interface LspDiagnostic {
  range: { start: LspPosition; end: LspPosition }
  severity: 1 | 2 | 3 | 4
  code?: string
  codeDescription?: { href: string }
  source: string
  message: string
  data?: { expected?: string[]; actual?: string; confidence?: number }
}

export interface LspFileDiagnostics {
  uri: string
  diagnostics: LspDiagnostic[]
}

const SEVERITY = { error: 1, warning: 2, info: 3 } as const

function position(point: Point): LspPosition {
  return { line: Math.max(0, point.line - 1), character: Math.max(0, point.column - 1) }
}

export function lspDiagnostics(files: VFile[], options: Pick<FormatOptions, 'quiet'> = {}): LspFileDiagnostics[] {
  const result: LspFileDiagnostics[] = []
  for (const file of files) {
    const absolute = absolutePath(file)
    const diagnostics: LspDiagnostic[] = []
    for (const message of file.messages) {
      if (!shown(message, options.quiet)) continue
      const span = spanOf(file, message)
      const start = span ? position(span.start) : { line: 0, character: 0 }
      const end = span ? position(span.end) : start
      const diagnostic: LspDiagnostic = {
        range: { start, end },
        severity: SEVERITY[levelOf(message)],
        source: message.source ?? 'namelint',
        message: String(message.reason),
      }
      if (message.ruleId) diagnostic.code = message.ruleId
      if (message.url) diagnostic.codeDescription = { href: message.url }
      const data: NonNullable<LspDiagnostic['data']> = {}
      if (message.expected && message.expected.length > 0) data.expected = message.expected
      if (typeof message.actual === 'string') data.actual = message.actual
      const confidence = (message as { data?: { confidence?: unknown } }).data?.confidence
      if (typeof confidence === 'number') data.confidence = confidence
      if (Object.keys(data).length > 0) diagnostic.data = data
      diagnostics.push(diagnostic)
    }
    if (options.quiet && diagnostics.length === 0) continue
    result.push({ uri: absolute ? fileUri(absolute) : 'untitled:stdin', diagnostics })
  }
  return result
}

export function formatLsp(files: VFile[], options: FormatOptions): string {
  return JSON.stringify(lspDiagnostics(files, options))
}
