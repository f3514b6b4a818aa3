/**
 * The two plugins around the namelint rules that let them lint Markdown and
 * HTML as they lint plain text:
 *
 * - `namelintSyntax` (first): the parser. By the file's extension it parses
 *   plain text with retext's (chunked) parser, or extracts the prose of a
 *   Markdown or HTML file (`markup.ts`), makes that the file's value while
 *   the rules run (they read `String(file.value)` and place messages by its
 *   offsets), and parses it. Plain text with control comment lines gets them
 *   blanked the same way (same length, so positions do not move).
 * - `namelintFinish` (last): puts the original text back, maps each rule
 *   message's place to the original file, applies inline control comments,
 *   and records the fix threshold of the file's configuration.
 *
 * A message whose span crosses markup ("**Sergei** Shuigu") is narrowed to
 * the words that change when that lies in one run of text ("Shuigu" ->
 * "Shoigu"); otherwise it keeps the text as read in `actual`, which then
 * differs from the file's text at the span, so it is reported but not fixed.
 * Replacements (`expected`) are escaped for the syntax (`&amp;` in HTML).
 */
import type { Root } from 'nlcst'
import type { Processor, Transformer } from 'unified'
import type { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'
import { parseChunked } from './parser.js'
import { escapeFor, extract, mapOffset, mapSpan, sameLength, syntaxOf, type Extraction, type Syntax } from './markup.js'
import { applyControl, blankDirectiveLines } from './control.js'
import type { Severity } from './rule.js'

declare module 'vfile' {
  interface DataMap {
    /** The fix threshold of the file's configuration (`fixThreshold`), when set. */
    namelintFixThreshold: number
    /** The syntax the file was linted as. */
    namelintSyntax: Syntax
  }
}

interface State {
  syntax: Syntax
  extraction?: Extraction
  original: string
  originalValue: VFile['value']
  /** Messages before this index were there before the rules ran. */
  firstMessage: number
}

const states = new WeakMap<VFile, State>()

/** The text of a file as the rules read it. */
function textOf(file: VFile, doc: string): string {
  return typeof file.value === 'string' ? file.value : doc
}

/** unified plugin: parse by syntax (see the module comment). */
export function namelintSyntax(this: Processor) {
  this.parser = ((doc: string, file: VFile): Root => {
    const syntax = syntaxOf(file.path)
    file.data.namelintSyntax = syntax
    const original = textOf(file, doc)
    if (syntax === 'text') {
      // Control comment lines are not prose: the rules read them as blank.
      const blanked = blankDirectiveLines(original)
      if (blanked === original) {
        states.set(file, { syntax, original, originalValue: file.value, firstMessage: file.messages.length })
        return parseChunked(doc)
      }
    }
    const extraction = syntax === 'text' ? sameLength(original, blankDirectiveLines(original)) : extract(syntax, original)
    states.set(file, { syntax, extraction, original, originalValue: file.value, firstMessage: file.messages.length })
    file.value = extraction.text
    return parseChunked(extraction.text)
  }) as never
  // A linter's output is its input: the original text, whatever the syntax.
  this.compiler = ((_tree: unknown, file: VFile) => (typeof file.value === 'string' ? file.value : String(file.value ?? ''))) as never
}

export interface FinishOptions {
  /** The fix threshold to record on the file (from the configuration). */
  fixThreshold?: number
  /** The severity of unused control comments (off by default). */
  reportUnusedDirectives?: Severity
}

/** unified plugin: restore the original text, map messages, apply control comments (see the module comment). */
export function namelintFinish(options: FinishOptions = {}): Transformer {
  return (_tree, file) => {
    const state = states.get(file)
    states.delete(file)
    let text: string
    if (state?.extraction) {
      file.value = state.originalValue
      text = state.original
      remap(file, state, state.extraction)
    } else {
      text = state?.original ?? (typeof file.value === 'string' ? file.value : String(file.value ?? ''))
    }
    applyControl(file, state?.syntax ?? 'text', state?.syntax === 'text' ? undefined : state?.extraction?.tree, text, options.reportUnusedDirectives)
    if (options.fixThreshold !== undefined) file.data.namelintFixThreshold = options.fixThreshold
  }
}

type Place = NonNullable<VFileMessage['place']>

function offsetsOf(place: Place): { start?: number; end?: number } {
  if ('start' in place) return { start: place.start.offset, end: place.end?.offset }
  return { start: place.offset }
}

/** Map the places of the messages the rules made from the linted text to the original file. */
function remap(file: VFile, state: State, extraction: Extraction): void {
  const { original, syntax } = state
  const place = location(original)
  const point = (offset: number) => place.toPoint(offset) ?? { line: 1, column: 1, offset }
  for (const message of file.messages.slice(state.firstMessage)) {
    if (!message.place) continue
    const { start, end } = offsetsOf(message.place)
    if (typeof start !== 'number') continue
    if (typeof end === 'number' && end > start) {
      let span = mapSpan(extraction, original, start, end)
      if (span && !span.exact) {
        const narrowed = narrow(extraction, original, start, end, message)
        if (narrowed) {
          span = narrowed.span
          message.actual = narrowed.actual
          message.expected = narrowed.expected
        }
      }
      if (span) {
        message.place = { start: point(span.start), end: point(span.end) }
      } else {
        const at = mapOffset(extraction, start) ?? 0
        message.place = { start: point(at), end: point(at) }
      }
    } else {
      const at = mapOffset(extraction, start) ?? 0
      message.place = 'start' in message.place ? { start: point(at), end: point(at) } : point(at)
    }
    const first = 'start' in message.place ? message.place.start : message.place
    message.line = first.line
    message.column = first.column
    if (message.expected) message.expected = message.expected.map((e) => escapeFor(syntax, e))
  }
}

interface Word {
  start: number
  end: number
  text: string
}

function words(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length, text: m[0] }))
}

/**
 * A span that crosses markup, narrowed to the words that differ between what
 * is written and every suggestion ("Sergei Shuigu" / "Sergei Shoigu" ->
 * "Shuigu" / "Shoigu"), when those lie exactly in the file's text.
 */
function narrow(extraction: Extraction, original: string, from: number, to: number, message: VFileMessage) {
  const written = extraction.text.slice(from, to)
  if (message.actual !== written || !message.expected || message.expected.length === 0) return undefined
  const own = words(written)
  const alternatives = message.expected.map(words)
  if (own.length < 2 || alternatives.some((a) => a.length === 0)) return undefined
  let head = 0
  while (head < own.length - 1 && alternatives.every((a) => head < a.length - 1 && a[head].text === own[head].text)) head++
  let tail = 0
  while (tail < own.length - 1 - head && alternatives.every((a) => tail < a.length - 1 - head && a[a.length - 1 - tail].text === own[own.length - 1 - tail].text)) tail++
  if (head === 0 && tail === 0) return undefined
  const first = own[head]
  const last = own[own.length - 1 - tail]
  const span = mapSpan(extraction, original, from + first.start, from + last.end)
  if (!span?.exact) return undefined
  return {
    span,
    actual: written.slice(first.start, last.end),
    expected: message.expected.map((e, k) => {
      const a = alternatives[k]
      return e.slice(a[head].start, a[a.length - 1 - tail].end)
    }),
  }
}
