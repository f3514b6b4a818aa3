/**
 * Fuzzing properties, shared by the CI tests (test/robustness/fuzz.test.ts,
 * a few thousand cases) and `npm run fuzz` (scripts/fuzz.ts, as many as
 * FUZZ_RUNS asks), over random Unicode text and name-like text (names the
 * built-in dictionary knows, slips of them, noise, marks, emoji, ZWJ
 * sequences, RTL marks, every kind of line break, Markdown and HTML markup):
 *
 * - the chunked parser (long texts cut into pieces) places every node
 *   exactly, and its leaves spell the text;
 * - the matcher (`analyse`) never throws; every mention, deprecated use and
 *   suspect lies inside the text, its `actual` is the text there, and its
 *   confidences and suggestions are sane;
 * - the whole processor (plain text, Markdown, HTML) never throws; every
 *   message's place lies inside the text with its line and column; a message
 *   with `actual` that `--fix` would apply has exactly that text at its span
 *   (in plain text, every one does);
 * - the dictionary loader and the configuration check, on random and
 *   mutated input, return a result or throw their own error naming the
 *   file (and a line inside it), nothing else;
 * - `applyFixes` never throws on any messages, however malformed, and changes
 *   only the spans it applied;
 * - `--fix` is idempotent: lint-and-fix repeated until nothing changes
 *   settles within the CLI's ten passes, and a further lint-and-fix changes
 *   nothing.
 *
 * Checks use node:assert, so the same code runs under vitest and alone.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import type { VFileMessage } from 'vfile-message'
import { applyFixes, fixFor, type FixableMessageLike } from '../src/fix.js'
import { createProcessor } from '../src/processor.js'
import { CHUNK, parseChunked } from '../src/parser.js'
import { indexFor } from '../src/preset-data.js'
import { analyse } from '../src/matcher/analysis.js'
import type { Syntax } from '../src/markup.js'
import { parse as parseYaml } from 'yaml'
import { parseDictionary } from '../src/dictionary/load.js'
import { DictionaryError } from '../src/dictionary/errors.js'
import { ConfigError, validateConfig } from '../src/config.js'

/* ------------------------------------------------------------------------ */
/* Generators                                                                 */

/** Names the built-in dictionary knows, and slips of them (written for these tests). */
export const NAMES = [
  'Sergei Shoigu', 'Sergei Shuigu', 'Shoigu', 'Kyiv', 'Kiev', 'Beijing', 'Beijjing', 'North Korean', 'North Quaran', 'Kim Jong Un',
  'Angela Merkel', 'Angela Merkle', 'Vladimir Putin', 'Vladimir Poutine', 'Xi Jinping', 'Xi Jinpin', 'Moscow', 'Moskow',
  'Pyongyang', 'Volodymyr Zelensky', 'Emmanuel Macron', 'Emanuel Macron', 'New Delhi', 'New Deli', 'Germany', "Gefmany's",
  'KCNA', 'Korean Central News Agency', 'North Korea Central Press (KCNA)', 'DPRK', 'Democratic Republic (DPRK)',
]
const WORDS = ['the', 'minister', 'met', 'officials', 'in', 'said', 'on Monday', 'talks', 'with', 'and', 'The', 'leader', 'annoucement', 'Nonethless', 'a', 'of', 'Mr', 'President']
const SPACES = [' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\t', '\u00A0', '\u2009', '\u200B', '\u3000', '\u2028', '\f', '\v']
const MARKS = ['\u0301', '\u0308', '\u0327', '\u200D', '\u200C', '\u200E', '\u200F', '\u202E', '\u2066', '\uFE0F', '\u0000', '\uFEFF', '\uFFFD', '\uFFFC']
const EMOJI = ['😀', '👨\u200D👩\u200D👧\u200D👦', '🏳️\u200D🌈', '🇺🇦', '👍🏽', '\uD83D', '\uDE00', '𝔄𝔫𝔤𝔢𝔩𝔞']
const SCRIPTS = ['Сергей Шойгу', 'Шойгу', '김정은', '北京', '\u0627\u0644\u0642\u0627\u0647\u0631\u0629', 'Ελλάδα', 'İstanbul', 'Straße', 'ǅemal', 'ﬁnance']
const PUNCT = ['.', ',', "'s", '’s', '!', '?', ':', ';', '(', ')', '"', '“', '”', '-', '–', '—', '…', '/', '@', '#', '&']

/** A name with a random slip: a letter inserted, dropped, doubled or replaced, or its case changed. */
const slipped = fc
  .tuple(fc.constantFrom(...NAMES), fc.nat(), fc.constantFrom('insert', 'drop', 'double', 'replace', 'upper', 'lower', 'mark'), fc.constantFrom(...'aeiouykhqzxcjwAEIOU\u0301'))
  .map(([name, at, how, c]) => {
    const i = at % Math.max(1, name.length)
    switch (how) {
      case 'insert':
        return name.slice(0, i) + c + name.slice(i)
      case 'drop':
        return name.slice(0, i) + name.slice(i + 1)
      case 'double':
        return name.slice(0, i + 1) + name.slice(i)
      case 'replace':
        return name.slice(0, i) + c + name.slice(i + 1)
      case 'upper':
        return name.toUpperCase()
      case 'lower':
        return name.toLowerCase()
      default:
        return name.slice(0, i) + '\u0301' + name.slice(i)
    }
  })

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n))

/** Random Unicode: any code points (lone surrogates too), any graphemes. */
export const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate, fc.constantFrom(...SPACES, ...MARKS)), maxLength: 80 }),
)

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 4, arbitrary: slipped },
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
)

/** Name-like news text: names, slips of names and words, with noise, marks, emoji and every kind of break between. */
export const nameText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(piece, fc.constantFrom(...SPACES, '', '')), { minLength: 1, maxLength: 30 }))
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.map(([p, s]) => p + s).join(''))

/** Markup around pieces of name-like text. */
const MARKDOWN_WRAP = ['**', '*', '_', '`', '~~', '[', '](https://example.com/Sergei_Shuigu)', '<b>', '</b>', '\\', '&amp;', '&#x4B;', '&nbsp;', '<!-- namelint-ignore-next -->', '<!-- namelint-disable -->', '<!-- namelint-enable -->', '# ', '> ', '- ', '1. ', '```\n', '\n```\n', '    ', '| ', ' |\n| --- |\n', '---\ntitle: Kiev\n---\n', '![Kiev](x.png)', '<https://kiev.example>', '\n\n']
const HTML_WRAP = ['<p>', '</p>', '<b>', '</b>', '<i>', '</i>', '<code>', '</code>', '<pre>', '</pre>', '<script>Kiev</script>', '<style>p{}</style>', '<span translate="no">', '</span>', '&amp;', '&lt;', '&#233;', '&eacute;', '&#x1F600;', '&bogus;', '<!-- namelint-ignore-next -->', '<!-- namelint-disable -->', '<br>', '<a href="https://example.com/Kiev">', '</a>', '<title>', '</title>', '<head>', '<body>', '<img alt="Kiev">', '<', '>', '&']

export const markdownText = fc.array(fc.oneof({ weight: 3, arbitrary: nameText }, { weight: 2, arbitrary: fc.constantFrom(...MARKDOWN_WRAP) }), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''))
export const htmlText = fc.array(fc.oneof({ weight: 3, arbitrary: nameText }, { weight: 2, arbitrary: fc.constantFrom(...HTML_WRAP) }), { minLength: 1, maxLength: 16 }).map((parts) => parts.join(''))

/** Any text: random Unicode or name-like. */
export const anyText = fc.oneof(unicodeText, nameText)

/**
 * Long text, past the parser's piece size (CHUNK): name-like text repeated to
 * 17-40 thousand characters, as it is, on one line, or without any white
 * space (the parser then cuts inside words, even inside a surrogate pair).
 */
export const longText = fc
  .tuple(fc.array(fc.oneof(nameText, unicodeText), { minLength: 3, maxLength: 12 }), fc.integer({ min: CHUNK + 1000, max: 2.5 * CHUNK }), fc.constantFrom('as is', 'one line', 'no space'))
  .map(([parts, target, mode]) => {
    let text = ''
    for (let i = 0; text.length < target; i++) text += parts[i % parts.length] + (mode === 'no space' ? '' : ' ')
    if (mode === 'one line') text = text.replace(/[\r\n\u2028\u2029]/g, ' ')
    if (mode === 'no space') text = text.replace(/\s/g, '')
    return text
  })

/* ------------------------------------------------------------------------ */
/* Checks                                                                     */

let processor: ReturnType<typeof createProcessor> | undefined
const EXTENSION: Record<Syntax, string> = { text: 'txt', markdown: 'md', html: 'html' }

/** Lint `text` as a file of `syntax` with the real processor (default settings, or a low threshold that reports more). */
export async function lintAs(text: string, syntax: Syntax, low = false): Promise<VFileMessage[]> {
  const settings = low ? { rules: { 'corrupted-name': ['warning', { threshold: 0.3 }] as ['warning', { threshold: number }] } } : {}
  const p = low ? createProcessorCached('low', settings) : (processor ??= createProcessor())
  const file = new VFile({ path: `fuzz.${EXTENSION[syntax]}`, value: text })
  await p.run(p.parse(file), file)
  return file.messages
}

const processors = new Map<string, ReturnType<typeof createProcessor>>()
function createProcessorCached(key: string, settings: Parameters<typeof createProcessor>[0]) {
  let p = processors.get(key)
  if (!p) processors.set(key, (p = createProcessor(settings)))
  return p
}

function show(text: string): string {
  return JSON.stringify(text)
}

/** The matcher on `text`: no throw, every span inside, `actual` the text there. */
export function checkMatcher(text: string): void {
  const index = indexFor()
  const analysis = analyse(parseChunked(text), text, index, { threshold: 0.3, inconsistentThreshold: 0.3 })
  const inside = (start: number, end: number, what: string) => {
    assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${what}: span [${start}, ${end}) outside [0, ${text.length}] of ${show(text)}`)
  }
  for (const m of analysis.mentions) inside(m.start, m.end, `mention ${show(m.text)}`)
  for (const d of analysis.deprecated) {
    inside(d.start, d.end, `deprecated ${show(d.actual)}`)
    assert.equal(text.slice(d.start, d.end), d.actual, `deprecated: actual is not the text at its span in ${show(text)}`)
    assert.ok(typeof d.preferred === 'string' && d.preferred.length > 0, 'deprecated: a preferred spelling')
  }
  for (const s of analysis.suspects) {
    inside(s.start, s.end, `suspect ${show(s.actual)}`)
    assert.equal(text.slice(s.start, s.end), s.actual, `suspect: actual is not the text at its span in ${show(text)}`)
    assert.ok(Number.isFinite(s.confidence) && s.confidence >= 0 && s.confidence <= 1, `suspect ${show(s.actual)}: confidence ${s.confidence}`)
    assert.ok(s.suggestions.length > 0, `suspect ${show(s.actual)}: no suggestion`)
    for (const g of s.suggestions) {
      assert.ok(typeof g.text === 'string' && g.text.trim().length > 0, `suspect ${show(s.actual)}: an empty suggestion`)
      assert.ok(Number.isFinite(g.confidence), `suspect ${show(s.actual)}: suggestion confidence ${g.confidence}`)
    }
  }
}

/** The chunked parser: every node's place inside the text with its line and column; the leaves spell the text exactly. */
export function checkParser(text: string): void {
  const tree = parseChunked(text)
  const points = location(text)
  let leaves = ''
  const walk = (node: { type: string; value?: string; children?: unknown[]; position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } } }) => {
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        const offset = point.offset
        assert.ok(typeof offset === 'number' && offset >= 0 && offset <= text.length, `${node.type}: offset ${offset} outside [0, ${text.length}]`)
        const expected = points.toPoint(offset)
        assert.deepEqual({ line: point.line, column: point.column }, { line: expected?.line, column: expected?.column }, `${node.type}: line and column of offset ${offset}`)
      }
      if (typeof node.value === 'string') assert.equal(text.slice(node.position.start.offset, node.position.end.offset), node.value, `${node.type}: the text at its place`)
    }
    if (typeof node.value === 'string') leaves += node.value
    for (const child of node.children ?? []) walk(child as never)
  }
  walk(tree as never)
  assert.equal(leaves, text, 'the leaves do not spell the text')
}

type Place = NonNullable<VFileMessage['place']>

/** Characters of Markdown or HTML syntax that the linted text leaves out or decodes. */
const MARKUP = /[*_`~[\]()<>&\\!#|=+:-]|[\r\n]/

/** The processor on `text` as `syntax`: no throw; every place inside, with its line and column; fixable spans hold `actual`. */
export async function checkProcessor(text: string, syntax: Syntax): Promise<void> {
  const messages = await lintAs(text, syntax)
  const points = location(text)
  const checkPoint = (point: { line: number; column: number; offset?: number }, what: string) => {
    const offset = point.offset
    assert.ok(typeof offset === 'number' && Number.isInteger(offset) && offset >= 0 && offset <= text.length, `${what}: offset ${offset} outside [0, ${text.length}] of ${show(text)}`)
    const expected = points.toPoint(offset)
    assert.deepEqual({ line: point.line, column: point.column }, { line: expected?.line, column: expected?.column }, `${what}: line and column of offset ${offset} in ${show(text)}`)
  }
  for (const message of messages) {
    const what = `${syntax} ${message.ruleId}: ${message.reason}`
    assert.ok(message.place, `${what}: no place`)
    const place = message.place as Place
    if (!('start' in place)) {
      checkPoint(place, what)
      continue
    }
    checkPoint(place.start, `${what} (start)`)
    checkPoint(place.end, `${what} (end)`)
    assert.ok(place.start.offset! <= place.end.offset!, `${what}: start after end`)
    if (typeof message.actual !== 'string') continue
    const there = text.slice(place.start.offset, place.end.offset)
    // Plain text: always the text at the span. Markdown and HTML: unless the span crosses markup (an
    // emphasis mark, an escape, a character reference, a line break with its quote or list markers), in
    // which case the message is reported but `--fix` does not apply it.
    if (syntax === 'text') assert.equal(there, message.actual, `${what}: actual is not the text at its span in ${show(text)}`)
    else if (there !== message.actual) {
      assert.match(there, MARKUP, `${what}: actual ${show(message.actual)} differs from the text at its span, ${show(there)}, which holds no markup (in ${show(text)})`)
      assert.equal(fixFor(text, message), undefined, `${what}: fixable though the text differs`)
    }
  }
}

/** Lint-and-fix until nothing changes, as `namelint --fix` does (at most 10 passes). */
export async function fixUntilStable(text: string, syntax: Syntax, low: boolean): Promise<{ output: string; passes: number }> {
  let output = text
  for (let pass = 1; pass <= 10; pass++) {
    const { output: next, applied } = applyFixes(output, await lintAs(output, syntax, low), { threshold: 0.7 })
    if (applied.length === 0) return { output, passes: pass }
    output = next
  }
  return { output, passes: 11 }
}

/** `--fix` twice is `--fix` once. */
export async function checkFixIdempotent(text: string, syntax: Syntax, low: boolean): Promise<void> {
  const first = await fixUntilStable(text, syntax, low)
  assert.ok(first.passes <= 10, `--fix did not settle in 10 passes on ${show(text)} (${syntax})`)
  const again = applyFixes(first.output, await lintAs(first.output, syntax, low), { threshold: 0.7 })
  assert.deepEqual(
    again.applied.map((f) => [f.actual, f.replacement]),
    [],
    `a second --fix changed ${show(first.output)} (from ${show(text)}, ${syntax})`,
  )
}

/** Messages as anything might make them: out of range, NaN, overlapping, wrong `actual`, empty `expected`... */
export const messagesFor = (length: number) =>
  fc.array(
    fc.record({
      actual: fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.constant('')), { nil: undefined }),
      expected: fc.option(fc.array(fc.string({ unit: 'grapheme', maxLength: 8 }), { maxLength: 2 }), { nil: undefined }),
      start: fc.oneof(fc.integer({ min: -2, max: length + 2 }), fc.constantFrom(Number.NaN, 0.5, Infinity)),
      width: fc.integer({ min: -1, max: 8 }),
      confidence: fc.option(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(Number.NaN)), { nil: undefined }),
      point: fc.boolean(),
    }),
    { maxLength: 8 },
  )

/** `applyFixes` on arbitrary messages: no throw; the text outside the applied spans is unchanged and in order. */
export function checkApplyFixes(text: string, raw: Array<{ actual?: string; expected?: string[]; start: number; width: number; confidence?: number; point: boolean }>, useText: boolean): void {
  const messages: FixableMessageLike[] = raw.map((r) => {
    const start = r.start
    const end = start + r.width
    // Half the time, `actual` is the text at the span (so the fix applies).
    const actual = useText && Number.isInteger(start) && start >= 0 && end <= text.length && end >= start ? text.slice(start, end) : r.actual
    const place = r.point ? { line: 1, column: 1, offset: start } : { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } }
    return { actual, expected: r.expected, place: place as FixableMessageLike['place'], data: r.confidence === undefined ? undefined : { confidence: r.confidence } }
  })
  const { output, applied } = applyFixes(text, messages, { threshold: 0.5 })
  let cursor = 0
  let out = 0
  for (const fix of applied) {
    assert.ok(fix.start >= cursor && fix.end <= text.length && fix.start < fix.end, `applied span [${fix.start}, ${fix.end}) overlaps or is outside ${show(text)}`)
    assert.equal(text.slice(fix.start, fix.end), fix.actual)
    const between = text.slice(cursor, fix.start)
    assert.equal(output.slice(out, out + between.length), between, 'text outside the fixes changed')
    out += between.length
    assert.equal(output.slice(out, out + fix.replacement.length), fix.replacement)
    out += fix.replacement.length
    cursor = fix.end
  }
  assert.equal(output.slice(out), text.slice(cursor), 'the text after the last fix changed')
  if (applied.length === 0) assert.equal(output, text)
}

/** A valid dictionary (YAML), to mutate. */
const DICTIONARY = `meta:
  name: house
entities:
  - id: person-test-writer
    type: person
    name: Test Writer
    variants: [Test Wryter]
    forms: [Writer]
    deprecated: [{ spelling: T. Writer, reason: house style, since: "2024-01" }]
  - id: org-test-agency
    type: organization
    name: Test News Agency
    acronyms: [TNA, { acronym: TANA, expansion: Test Agency of News Agencies }]
    prior: 0.7
  - id: place-kyiv
    deprecated: [Kyyiv]
`

/** Random text, or the dictionary above with random edits (as YAML or as JSON). */
export const dictionaryText = fc.oneof(
  anyText,
  fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.oneof(fc.constantFrom('', ' ', '\n', ':', '-', '[', ']', '{', '}', '"', "'", ',', '#', '\t', '  - ', 'id: x', 'disabled: true', 'name:', '&a', '*a', '!!binary', '---'), fc.string({ maxLength: 4 }))), { minLength: 1, maxLength: 4 }),
    )
    .map(([json, edits]) => {
      let text = json ? JSON.stringify(parseYaml(DICTIONARY), null, 2) : DICTIONARY
      for (const [at, length, insert] of edits) {
        const i = at % (text.length + 1)
        text = text.slice(0, i) + insert + text.slice(i + length)
      }
      return { text, json }
    }),
)

/** The dictionary loader: a dictionary, or a DictionaryError naming the file and a line inside it; nothing else. */
export function checkDictionary(input: string | { text: string; json: boolean }): void {
  const { text, json } = typeof input === 'string' ? { text: input, json: false } : input
  const file = json ? '/fuzz/names.json' : '/fuzz/names.yaml'
  try {
    const source = parseDictionary(text, file)
    assert.ok(Array.isArray(source.entities))
  } catch (error) {
    assert.ok(error instanceof DictionaryError, `not a DictionaryError: ${(error as Error)?.stack ?? String(error)} for ${show(text)}`)
    assert.ok(error.message.startsWith(file), `the message does not name the file: ${error.message}`)
    if (error.line !== undefined) assert.ok(error.line >= 1 && error.line <= text.split(/\r\n|\r|\n/).length + 1, `line ${error.line} outside the file: ${error.message}`)
  }
}

/** The configuration check: a configuration, or a ConfigError; nothing else. */
export function checkConfig(raw: unknown): void {
  try {
    validateConfig(raw, '/fuzz/.namelintrc.json')
  } catch (error) {
    assert.ok(error instanceof ConfigError, `not a ConfigError: ${(error as Error)?.stack ?? String(error)} for ${JSON.stringify(raw)}`)
    assert.ok(error.message.startsWith('/fuzz/.namelintrc.json'), error.message)
  }
}

const configValue = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      rules: fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('corrupted-name', 'spelling', 'nope', '__proto__', 'constructor'), fc.oneof(fc.jsonValue(), fc.tuple(fc.constantFrom('error', 'off', 'eror'), fc.jsonValue())))),
      dictionaries: fc.oneof(fc.jsonValue(), fc.array(fc.string())),
      fixThreshold: fc.oneof(fc.double(), fc.jsonValue()),
      builtin: fc.jsonValue(),
    },
    { requiredKeys: [] },
  ),
)

/* ------------------------------------------------------------------------ */
/* The properties, with their share of the runs                               */

export interface FuzzProperty {
  name: string
  /** Runs at scale 1 (CI); `npm run fuzz` multiplies. */
  runs: number
  property: fc.IRawProperty<never, boolean>
}

export function fuzzProperties(): FuzzProperty[] {
  const list: Array<{ name: string; runs: number; property: unknown }> = [
    { name: 'dictionary loader: random and mutated YAML and JSON', runs: 500, property: fc.property(dictionaryText, checkDictionary) },
    { name: 'configuration: random values', runs: 500, property: fc.property(configValue, checkConfig) },
    { name: 'parser: random Unicode and name-like text', runs: 500, property: fc.property(anyText, checkParser) },
    { name: 'parser: long text, cut into pieces', runs: 40, property: fc.property(longText, checkParser) },
    { name: 'matcher: random Unicode', runs: 600, property: fc.property(unicodeText, checkMatcher) },
    { name: 'matcher: name-like text', runs: 600, property: fc.property(nameText, checkMatcher) },
    { name: 'processor: random Unicode as plain text', runs: 400, property: fc.asyncProperty(unicodeText, (t) => checkProcessor(t, 'text')) },
    { name: 'processor: name-like plain text', runs: 500, property: fc.asyncProperty(nameText, (t) => checkProcessor(t, 'text')) },
    { name: 'processor: long plain text', runs: 15, property: fc.asyncProperty(longText, (t) => checkProcessor(t, 'text')) },
    { name: 'processor: random Unicode as Markdown', runs: 200, property: fc.asyncProperty(unicodeText, (t) => checkProcessor(t, 'markdown')) },
    { name: 'processor: name-like Markdown', runs: 400, property: fc.asyncProperty(markdownText, (t) => checkProcessor(t, 'markdown')) },
    { name: 'processor: random Unicode as HTML', runs: 200, property: fc.asyncProperty(unicodeText, (t) => checkProcessor(t, 'html')) },
    { name: 'processor: name-like HTML', runs: 400, property: fc.asyncProperty(htmlText, (t) => checkProcessor(t, 'html')) },
    {
      name: 'applyFixes: arbitrary messages',
      runs: 2000,
      property: fc.property(
        anyText.chain((text) => fc.tuple(fc.constant(text), messagesFor(text.length), fc.boolean())),
        ([text, raw, useText]) => checkApplyFixes(text, raw, useText),
      ),
    },
    { name: '--fix is idempotent: plain text', runs: 150, property: fc.asyncProperty(nameText, fc.boolean(), (t, low) => checkFixIdempotent(t, 'text', low)) },
    { name: '--fix is idempotent: Markdown', runs: 80, property: fc.asyncProperty(markdownText, (t) => checkFixIdempotent(t, 'markdown', false)) },
    { name: '--fix is idempotent: HTML', runs: 80, property: fc.asyncProperty(htmlText, (t) => checkFixIdempotent(t, 'html', false)) },
  ]
  return list as FuzzProperty[]
}
