/**
 * Property tests on generated Markdown and HTML news copy (names, corrupted
 * names, deprecated spellings, inline markup, code, links, URLs, escapes,
 * character references, lists, quotes, front matter, CRLF):
 *
 * - every prose word is read, at exactly its place in the file; nothing in
 *   code, URLs, front matter, attributes or scripts is read;
 * - every message of the real linter points into the file: where it can be
 *   fixed, the file's text at its span is exactly `actual`;
 * - fixes change nothing outside the reported spans, keep the markup (the
 *   syntax tree has the same shape), never touch code or URLs, and settle: a
 *   second lint-and-fix changes nothing.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { createProcessor } from '../../src/processor.js'
import { applyFixes, fixFor } from '../../src/fix.js'
import { expectOnlySpansChanged } from '../fix/helpers.js'
import { extract, parseHtml, parseMarkdown, type Extraction } from '../../src/markup.js'

/** A word that must never be read (it sits in code, URLs, front matter, attributes, scripts). */
const HIDDEN = 'Zqxhidden'

const canonical = ['Kyiv', 'Xi Jinping', 'Angela Merkel', 'Vladimir Putin', 'Moscow', 'Sergei Shoigu', 'North Korean', 'Pyongyang']
const corrupted = ['Xi Jinpin', 'Angela Merkle', 'Vladimir Poutine', 'Moskow', 'Sergei Shuigu', 'North Quaran', 'Boris Jonson']
const filler = ['the', 'leader', 'met', 'officials', 'in', 'said', 'on Monday', 'talks', 'with', 'and', 'The minister', 'a', 'visit', 'to']

const phrase = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...filler) },
  { weight: 2, arbitrary: fc.constantFrom(...canonical) },
  { weight: 3, arbitrary: fc.constantFrom(...corrupted) },
  { weight: 1, arbitrary: fc.constant('Kiev') },
)

/** A piece of source with the prose words in it (offsets relative to the piece). */
interface Piece {
  source: string
  words: Array<{ at: number; word: string }>
}

function prose(text: string, prefix = '', suffix = ''): Piece {
  const words: Piece['words'] = []
  for (const m of text.matchAll(/[\p{L}]+/gu)) words.push({ at: prefix.length + (m.index ?? 0), word: m[0] })
  return { source: prefix + text + suffix, words }
}

function join(pieces: Piece[], separator: string): Piece {
  let source = ''
  const words: Piece['words'] = []
  pieces.forEach((piece, i) => {
    if (i > 0) source += separator
    for (const w of piece.words) words.push({ at: source.length + w.at, word: w.word })
    source += piece.source
  })
  return { source, words }
}

function wrap(piece: Piece, prefix: string, suffix: string): Piece {
  return { source: prefix + piece.source + suffix, words: piece.words.map((w) => ({ at: w.at + prefix.length, word: w.word })) }
}

/* Markdown ------------------------------------------------------------------ */

/** A two-word name with markup around its first word ("**Sergei** Shuigu"). */
function split(open: string, close: string): fc.Arbitrary<Piece> {
  return fc.constantFrom(...canonical, ...corrupted).filter((n) => n.includes(' ')).map((name) => {
    const [first, ...rest] = name.split(' ')
    const head = prose(first, open, close)
    return join([head, prose(rest.join(' '))], ' ')
  })
}

const mdInline: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: phrase.map((p) => prose(p)) },
  { weight: 1, arbitrary: split('**', '**') },
  { weight: 1, arbitrary: fc.tuple(phrase, fc.constantFrom('', "'s", ',', '.')).map(([p, s]) => prose(p, '', s)) },
  { weight: 1, arbitrary: phrase.map((p) => prose(p, '**', '**')) },
  { weight: 1, arbitrary: phrase.map((p) => prose(p, '_', '_')) },
  { weight: 1, arbitrary: phrase.map((p) => prose(p, '[', `](https://example.com/${HIDDEN})`)) },
  { weight: 1, arbitrary: fc.constant(prose('', `\`${HIDDEN} code\``)) },
  { weight: 1, arbitrary: fc.constant(prose('', `<https://example.com/${HIDDEN}>`)) },
  { weight: 1, arbitrary: fc.constant(prose('', `https://example.org/${HIDDEN}/page`)) },
  { weight: 1, arbitrary: fc.constantFrom(prose('', '\\*'), prose('', '&amp;'), prose('', '\\&'), prose('', '&mdash;')) },
)

const mdLine = fc.array(mdInline, { minLength: 1, maxLength: 6 }).map((pieces) => join(pieces, ' '))

function mdBlock(eol: string): fc.Arbitrary<Piece> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(mdLine, { minLength: 1, maxLength: 3 }).map((lines) => join(lines, eol)) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), mdLine).map(([n, line]) => wrap(line, '#'.repeat(n) + ' ', '')) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(mdLine, fc.option(mdLine, { nil: undefined })), { minLength: 1, maxLength: 3 })
        .map((items) => join(items.map(([first, more]) => (more ? join([wrap(first, '- ', ''), wrap(more, '  ', '')], eol) : wrap(first, '- ', ''))), eol)),
    },
    { weight: 1, arbitrary: fc.array(mdLine, { minLength: 1, maxLength: 3 }).map((lines) => join(lines.map((l) => wrap(l, '> ', '')), eol)) },
    { weight: 1, arbitrary: fc.constant(prose('', `\`\`\`${eol}${HIDDEN} fenced Sergei Shuigu${eol}\`\`\``)) },
    { weight: 1, arbitrary: fc.constant(prose('', `<div>${eol}${HIDDEN} Kiev${eol}</div>`)) },
  )
}

/** A byte order mark, sometimes. */
const bom = (doc: fc.Arbitrary<Piece>) => fc.tuple(fc.boolean(), doc).map(([b, d]) => (b ? wrap(d, '\uFEFF', '') : d))

const markdownDoc = bom(
  fc.constantFrom('\n', '\r\n').chain((eol) =>
    fc
      .tuple(fc.boolean(), fc.array(mdBlock(eol), { minLength: 1, maxLength: 5 }))
      .map(([front, blocks]) => {
        const body = join(blocks, eol + eol)
        return front ? wrap(body, `---${eol}title: ${HIDDEN} Kiev${eol}---${eol}${eol}`, eol) : wrap(body, '', eol)
      }),
  ),
)

/* HTML ---------------------------------------------------------------------- */

const htmlInline: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: phrase.map((p) => prose(p)) },
  { weight: 1, arbitrary: split('<i>', '</i>') },
  { weight: 1, arbitrary: fc.tuple(phrase, fc.constantFrom('', "'s", ',', '.')).map(([p, s]) => prose(p, '', s)) },
  { weight: 1, arbitrary: phrase.map((p) => prose(p, '<b>', '</b>')) },
  { weight: 1, arbitrary: phrase.map((p) => prose(p, '<em class="x">', '</em>')) },
  { weight: 1, arbitrary: phrase.map((p) => prose(p, `<a href="https://example.com/${HIDDEN}" title="${HIDDEN}">`, '</a>')) },
  { weight: 1, arbitrary: fc.constant(prose('', `<code>${HIDDEN} Kiev</code>`)) },
  { weight: 1, arbitrary: fc.constant(prose('', `<img alt="${HIDDEN}" src="x.png">`)) },
  { weight: 1, arbitrary: fc.constant(prose('', `<!-- ${HIDDEN} -->`)) },
  { weight: 1, arbitrary: fc.constantFrom(prose('', '&amp;'), prose('', '&mdash;'), prose('', '&#8212;'), prose('', '<br>')) },
)

const htmlLine = fc.array(htmlInline, { minLength: 1, maxLength: 6 }).map((pieces) => join(pieces, ' '))

function htmlBlock(eol: string): fc.Arbitrary<Piece> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.array(htmlLine, { minLength: 1, maxLength: 3 }).map((lines) => wrap(join(lines, eol), '<p>', '</p>')) },
    { weight: 1, arbitrary: htmlLine.map((line) => wrap(line, '<h2>', '</h2>')) },
    { weight: 1, arbitrary: fc.array(htmlLine, { minLength: 1, maxLength: 3 }).map((items) => wrap(join(items.map((i) => wrap(i, '<li>', '</li>')), eol), `<ul>${eol}`, `${eol}</ul>`)) },
    { weight: 1, arbitrary: htmlLine.map((line) => wrap(line, '<blockquote><p>', '</p></blockquote>')) },
    { weight: 1, arbitrary: fc.constant(prose('', `<pre>${HIDDEN} Sergei Shuigu</pre>`)) },
    { weight: 1, arbitrary: fc.constant(prose('', `<script>var ${HIDDEN} = "Kiev"</script>`)) },
  )
}

const htmlDoc = bom(
  fc.constantFrom('\n', '\r\n').chain((eol) =>
    fc
      .tuple(fc.boolean(), fc.array(htmlBlock(eol), { minLength: 1, maxLength: 5 }))
      .map(([full, blocks]) => {
        const body = join(blocks, eol)
        return full ? wrap(body, `<!doctype html>${eol}<html><head><style>.${HIDDEN}{}</style></head>${eol}<body>${eol}`, `${eol}</body></html>${eol}`) : wrap(body, '', eol)
      }),
  ),
)

/* Checks -------------------------------------------------------------------- */

/** Every generated prose word is read, at exactly its place; nothing hidden is read. */
function checkExtraction(doc: Piece, extraction: Extraction) {
  expect(extraction.text).not.toContain(HIDDEN)
  const bySource = new Map<number, number>()
  for (let i = 0; i < extraction.text.length; i++) if (extraction.start[i] !== -1 && extraction.end[i] - extraction.start[i] === 1) bySource.set(extraction.start[i], i)
  for (const { at, word } of doc.words) {
    const first = bySource.get(at)
    expect(first, `word \`${word}\` at ${at} is read`).toBeDefined()
    expect(extraction.text.slice(first!, first! + word.length)).toBe(word)
    for (let k = 0; k < word.length; k++) expect(extraction.start[first! + k]).toBe(at + k)
  }
}

const processor = createProcessor()

async function lint(text: string, path: string): Promise<VFileMessage[]> {
  const file = new VFile({ value: text, path })
  await processor.process(file)
  expect(file.value).toBe(text) // the file keeps its text
  return file.messages
}

function offsets(message: VFileMessage): [number, number] {
  const place = message.place as { start: { offset: number }; end: { offset: number } }
  return [place.start.offset, place.end.offset]
}

/** Messages point into the file; fixable ones at exactly `actual`. */
function checkMessages(text: string, messages: VFileMessage[]): number {
  let exact = 0
  for (const message of messages) {
    if (message.source !== 'namelint' || !message.actual) continue
    const [start, end] = offsets(message)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeLessThanOrEqual(text.length)
    expect(text.slice(start, end)).not.toContain(HIDDEN)
    // The point agrees with the offset.
    const before = text.slice(0, start)
    expect(message.line).toBe(before.split('\n').length)
    if (text.slice(start, end) === message.actual) exact++
    else expect(fixFor(text, message), `message at ${start}-${end} (${message.actual}) is not fixable`).toBeUndefined()
  }
  return exact
}

/** The shape of a syntax tree: node types, depth first (text values left out). */
function shape(node: { type: string; tagName?: string; children?: unknown[] }): string {
  const children = (node.children ?? []) as Array<{ type: string; tagName?: string; children?: unknown[] }>
  return `${node.type}${node.tagName ? `:${node.tagName}` : ''}(${children.filter((c) => c.type !== 'text').map(shape).join(',')})`
}

async function checkFixes(text: string, path: string, messages: VFileMessage[], parse: (doc: string) => { type: string }) {
  const { output, applied } = applyFixes(text, messages)
  // Outside the spans: unchanged, in order.
  expectOnlySpansChanged(text, output, applied, expect)
  expect(output.split(HIDDEN).length).toBe(text.split(HIDDEN).length)
  expect(shape(parse(output) as never)).toBe(shape(parse(text) as never))
  // Fixing settles in a few passes; then a lint-and-fix changes nothing.
  let current = output
  for (let pass = 0; pass < 4; pass++) {
    const next = applyFixes(current, await lint(current, path))
    if (next.applied.length === 0) return applied.length
    current = next.output
  }
  expect(applyFixes(current, await lint(current, path)).applied).toEqual([])
  return applied.length
}

describe.each([
  ['Markdown', 'story.md', markdownDoc, 'markdown', parseMarkdown],
  ['HTML', 'story.html', htmlDoc, 'html', parseHtml],
] as const)('%s', (_, path, arbitrary, syntax, parse) => {
  it('reads every prose word at its exact place and nothing hidden', () => {
    fc.assert(
      fc.property(arbitrary, (doc) => {
        checkExtraction(doc, extract(syntax, doc.source))
      }),
      { numRuns: 300 },
    )
  })

  it('places messages exactly and fixes only the reported spans, keeping the markup', async () => {
    let exact = 0
    let fixed = 0
    await fc.assert(
      fc.asyncProperty(arbitrary, async (doc) => {
        const messages = await lint(doc.source, path)
        exact += checkMessages(doc.source, messages)
        fixed += await checkFixes(doc.source, path, messages, parse)
      }),
      { numRuns: 120 },
    )
    // Else these properties check little.
    expect(exact).toBeGreaterThan(20)
    expect(fixed).toBeGreaterThan(20)
  }, 120_000)
})
