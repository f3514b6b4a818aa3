/**
 * Code actions: a quick fix per suggestion (preferred when there is exactly
 * one suggestion and it is confident), "add to dictionary" for a name the
 * writer knows is right, and "fix all" (`source.fixAll.namelint`), which
 * applies the best suggestion of every problem in the document.
 */
import type { CodeAction, Command, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol'
import { LineIndex, rangesIntersect } from './positions.js'
import { SOURCE, type DiagnosticData } from './diagnostics.js'
import { wordToAdd } from './dictionary-file.js'

export const QUICK_FIX = 'quickfix'
export const FIX_ALL_KIND = 'source.fixAll.namelint'
export const ADD_TO_DICTIONARY_COMMAND = 'namelint.addToDictionary'
/** A suggestion at least this confident (or from a rule without a confidence, such as preferred-name) is "confident". */
export const CONFIDENT = 0.8
/** Rules whose findings may be names the dictionary does not know yet. */
const ADDABLE_RULES = new Set(['corrupted-name', 'inconsistent-name'])

export interface AddToDictionaryArguments {
  uri: string
  word: string
}

export interface CodeActionInput {
  uri: string
  lines: LineIndex
  /** The server's current diagnostics for the document (in step with `lines`), or undefined when none are current. */
  current?: Diagnostic[]
  /** What the client sent with the request. */
  requested: Diagnostic[]
  range: Range
  only?: string[]
}

export function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as DiagnosticData | undefined
  if (!data || typeof data !== 'object' || !Array.isArray(data.expected)) return undefined
  return data
}

function isOurs(diagnostic: Diagnostic): boolean {
  return diagnostic.source === SOURCE
}

export function isConfident(data: DiagnosticData): boolean {
  return data.confidence === undefined || data.confidence >= CONFIDENT
}

function kindWanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true
  return only.some((o) => kind === o || kind.startsWith(o + '.'))
}

/** Does the text under the diagnostic still read what was flagged? */
function stillThere(diagnostic: Diagnostic, data: DiagnosticData, lines: LineIndex): boolean {
  if (data.actual === undefined) return true
  const text = lines.text.slice(lines.offsetAt(diagnostic.range.start), lines.offsetAt(diagnostic.range.end))
  return text === data.actual
}

const quote = (s: string) => `“${s}”`

export function quickFixes(uri: string, diagnostic: Diagnostic, data: DiagnosticData): CodeAction[] {
  const actions: CodeAction[] = []
  const preferred = data.expected.length === 1 && isConfident(data)
  for (const replacement of data.expected) {
    const title = data.actual !== undefined ? `Change ${quote(data.actual)} to ${quote(replacement)}` : `Change to ${quote(replacement)}`
    const action: CodeAction = {
      title,
      kind: QUICK_FIX,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: diagnostic.range, newText: replacement }] } },
    }
    if (preferred) action.isPreferred = true
    actions.push(action)
  }
  if (typeof diagnostic.code === 'string' && ADDABLE_RULES.has(diagnostic.code) && data.actual) {
    const word = wordToAdd(data.actual)
    if (word) {
      const args: AddToDictionaryArguments = { uri, word }
      const command: Command = { title: `Add ${quote(word)} to the workspace dictionary`, command: ADD_TO_DICTIONARY_COMMAND, arguments: [args] }
      actions.push({ title: command.title, kind: QUICK_FIX, diagnostics: [diagnostic], command })
    }
  }
  return actions
}

/** The edit that applies the best suggestion of every fixable diagnostic (overlapping ones after the first are skipped). */
export function fixAllEdit(uri: string, diagnostics: Diagnostic[], lines: LineIndex): { edit: WorkspaceEdit; fixed: Diagnostic[] } | undefined {
  const fixable: Array<{ diagnostic: Diagnostic; start: number; end: number; newText: string }> = []
  for (const diagnostic of diagnostics) {
    if (!isOurs(diagnostic)) continue
    const data = dataOf(diagnostic)
    if (!data || data.expected.length === 0 || !stillThere(diagnostic, data, lines)) continue
    fixable.push({ diagnostic, start: lines.offsetAt(diagnostic.range.start), end: lines.offsetAt(diagnostic.range.end), newText: data.expected[0] })
  }
  fixable.sort((a, b) => a.start - b.start || a.end - b.end)
  const edits: TextEdit[] = []
  const fixed: Diagnostic[] = []
  let last = -1
  for (const f of fixable) {
    if (f.start < last) continue
    edits.push({ range: f.diagnostic.range, newText: f.newText })
    fixed.push(f.diagnostic)
    last = f.end
  }
  if (edits.length === 0) return undefined
  return { edit: { changes: { [uri]: edits } }, fixed }
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { uri, lines, range, only } = input
  const actions: CodeAction[] = []
  if (kindWanted(only, QUICK_FIX)) {
    // Prefer the server's own current diagnostics; fall back on what the client sent.
    const source = input.current ? input.current.filter((d) => rangesIntersect(d.range, range)) : input.requested.filter(isOurs)
    for (const diagnostic of source) {
      const data = dataOf(diagnostic)
      if (!data || !stillThere(diagnostic, data, lines)) continue
      actions.push(...quickFixes(uri, diagnostic, data))
    }
  }
  const all = input.current ?? input.requested
  // "Fix all" is offered when asked for by kind, or in the quick-fix menu when it would fix more than one problem.
  const explicit = Boolean(only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.')))
  if (explicit || (!only?.length && all.length > 1)) {
    const fix = fixAllEdit(uri, all, lines)
    if (fix && (explicit || fix.fixed.length > 1)) {
      actions.push({ title: `Fix all namelint problems (${fix.fixed.length})`, kind: FIX_ALL_KIND, diagnostics: fix.fixed, edit: fix.edit })
    }
  }
  return actions
}
