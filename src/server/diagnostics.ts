/**
 * vfile messages to LSP diagnostics. Kept free of any runtime dependency on
 * the language server libraries (types only), so that other outputs (the
 * CLI's LSP-shaped format, for one) can use the same mapping.
 *
 * A message first becomes a `LintMessage`: a plain, structured-cloneable
 * record (it crosses from the lint worker to the server), with its place
 * already turned into an LSP range against the text that was linted.
 */
import type { Diagnostic } from 'vscode-languageserver-protocol'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { LineIndex, type LspRange } from './positions.js'

export const SOURCE = 'namelint'

export interface LintMessage {
  range: LspRange
  /** 0-based UTF-16 offsets into the linted text, when the message has them. */
  start?: number
  end?: number
  reason: string
  ruleId?: string
  source?: string
  /** true: error, false: warning, undefined: info (vfile's convention). */
  fatal?: boolean
  actual?: string
  expected?: string[]
  note?: string
  url?: string
  confidence?: number
  entity?: string
  /** A configuration or dictionary problem rather than a finding in the text. */
  problem?: boolean
}

/** What a namelint diagnostic carries in `data` (code actions read it back). */
export interface DiagnosticData {
  actual?: string
  expected: string[]
  confidence?: number
  entity?: string
}

// LSP DiagnosticSeverity values (not imported, to stay runtime-free).
const ERROR = 1
const WARNING = 2
const INFORMATION = 3

function isConfigProblem(message: VFileMessage): boolean {
  return !message.ruleId && (message.fatal === true || message.cause instanceof Error)
}

export function toLintMessage(message: VFileMessage, lines: LineIndex): LintMessage {
  const place = message.place
  const range = lines.placeToRange(place)
  const out: LintMessage = { range, reason: message.reason }
  if (place && 'start' in place) {
    if (typeof place.start.offset === 'number') out.start = place.start.offset
    if (place.end && typeof place.end.offset === 'number') out.end = place.end.offset
  } else if (place && typeof place.offset === 'number') {
    out.start = out.end = place.offset
  }
  if (message.ruleId) out.ruleId = message.ruleId
  if (message.source) out.source = message.source
  if (message.fatal === true || message.fatal === false) out.fatal = message.fatal
  if (message.actual !== undefined) out.actual = message.actual
  if (message.expected) out.expected = [...message.expected]
  if (message.note) out.note = message.note
  if (message.url) out.url = message.url
  const data = (message as VFileMessage & { data?: { confidence?: unknown; entity?: unknown } }).data
  if (data && typeof data.confidence === 'number') out.confidence = data.confidence
  if (data && typeof data.entity === 'string') out.entity = data.entity
  if (isConfigProblem(message)) {
    out.problem = true
    out.fatal = true
    // unified-engine wraps the real problem ("Cannot process file" <- "Cannot parse file" <- ConfigError): name the innermost.
    let cause = message.cause as (Error & { cause?: unknown }) | undefined
    let seen = 0
    while (cause instanceof Error && seen++ < 10) {
      if (cause.message) out.reason = cause.message
      cause = cause.cause as (Error & { cause?: unknown }) | undefined
    }
  }
  return out
}

export function lintMessageToDiagnostic(message: LintMessage): Diagnostic {
  const severity = message.fatal === true ? ERROR : message.fatal === false ? WARNING : INFORMATION
  const diagnostic: Diagnostic = {
    range: message.range,
    severity: severity as Diagnostic['severity'],
    source: message.source ?? SOURCE,
    message: message.problem ? `namelint: ${message.reason}` : message.reason,
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = { href: message.url }
  if (message.expected || message.actual !== undefined) {
    const data: DiagnosticData = { expected: message.expected ?? [] }
    if (message.actual !== undefined) data.actual = message.actual
    if (message.confidence !== undefined) data.confidence = message.confidence
    if (message.entity !== undefined) data.entity = message.entity
    diagnostic.data = data
  }
  return diagnostic
}

/** The LSP diagnostics of a linted file (its messages, in document order). */
export function fileToDiagnostics(file: VFile, text: string = String(file.value ?? '')): Diagnostic[] {
  const lines = new LineIndex(text)
  return file.messages.map((m) => lintMessageToDiagnostic(toLintMessage(m, lines)))
}
