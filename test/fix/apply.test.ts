/**
 * applyFixes on its own: which messages are fixed, and property tests that a
 * fix never touches text outside the fixed spans.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyFixes, confidenceOf, fixFor, keepWhitespace, type FixableMessageLike } from '../../src/fix.js'

/** A message as the rules report it, at offsets start..end of text (line/column are not read by fixing). */
function message(text: string, start: number, end: number, expected: string[], confidence?: number, actual = text.slice(start, end)): FixableMessageLike {
  return {
    actual,
    expected,
    place: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: end + 1, offset: end } },
    data: confidence === undefined ? { entity: 'x' } : { confidence },
  }
}

function at(text: string, needle: string, expected: string[], confidence?: number): FixableMessageLike {
  const start = text.indexOf(needle)
  if (start < 0) throw new Error(`no ${needle} in ${text}`)
  return message(text, start, start + needle.length, expected, confidence)
}

describe('applyFixes', () => {
  it('replaces the span with expected[0]', () => {
    const text = 'The North Quaran leader met officials in Pyongyang.'
    const result = applyFixes(text, [at(text, 'North Quaran', ['North Korean', 'North Korea'], 0.9)])
    expect(result.output).toBe('The North Korean leader met officials in Pyongyang.')
    expect(result.applied).toHaveLength(1)
    expect(result.applied[0]).toMatchObject({ start: 4, end: 16, actual: 'North Quaran', replacement: 'North Korean' })
  })

  it('fixes only at or above the threshold (default 0.7); no confidence counts as 1', () => {
    const text = 'Talks in Kiev with Angela Merkle and Sergei Shuigu.'
    const messages = [at(text, 'Kiev', ['Kyiv']), at(text, 'Angela Merkle', ['Angela Merkel'], 0.7), at(text, 'Sergei Shuigu', ['Sergei Shoigu'], 0.69)]
    expect(confidenceOf(messages[0])).toBe(1)
    const result = applyFixes(text, messages)
    expect(result.output).toBe('Talks in Kyiv with Angela Merkel and Sergei Shuigu.')
    expect(result.skipped).toEqual([{ message: messages[2], reason: 'low-confidence' }])
    expect(applyFixes(text, messages, { threshold: 0.6 }).output).toBe('Talks in Kyiv with Angela Merkel and Sergei Shoigu.')
    expect(applyFixes(text, messages, { threshold: 1 }).output).toBe('Talks in Kyiv with Angela Merkle and Sergei Shuigu.')
  })

  it('skips messages whose actual is not the text at the span, or that have no suggestion or offsets', () => {
    const text = 'Sergei Shuigu spoke.'
    const stale = message(text, 0, 13, ['Sergei Shoigu'], 1, 'Sergei Shoygu')
    const noExpected = message(text, 0, 13, [], 1)
    const outside = message(text, 15, 40, ['x'], 1, 'oke.')
    const noOffsets: FixableMessageLike = { actual: 'Sergei Shuigu', expected: ['Sergei Shoigu'], place: { start: { line: 1, column: 1 }, end: { line: 1, column: 14 } } }
    const point: FixableMessageLike = { actual: 'Sergei Shuigu', expected: ['Sergei Shoigu'], place: { line: 1, column: 1, offset: 0 } }
    for (const m of [stale, noExpected, outside, noOffsets, point]) expect(fixFor(text, m)).toBeUndefined()
    expect(applyFixes(text, [stale, noExpected, outside, noOffsets, point]).output).toBe(text)
  })

  it('keeps the first of overlapping fixes (in text order)', () => {
    const text = 'Vladimir Poutine arrived.'
    const whole = at(text, 'Vladimir Poutine', ['Vladimir Putin'], 0.9)
    const part = at(text, 'Poutine', ['Putin'], 1)
    const result = applyFixes(text, [part, whole])
    expect(result.output).toBe('Vladimir Putin arrived.')
    expect(result.applied.map((f) => f.message)).toEqual([whole])
    expect(result.skipped).toEqual([{ message: part, reason: 'overlap' }])
    // Same start: the more confident, then the longer span wins.
    const text3 = 'Kim Jong Oon spoke.'
    const short = at(text3, 'Kim Jong', ['Kim Dae-jung'], 0.74)
    const long = at(text3, 'Kim Jong Oon', ['Kim Jong Un'], 1)
    expect(applyFixes(text3, [short, long]).output).toBe('Kim Jong Un spoke.')
    const sameConfidence = at(text3, 'Kim Jong', ['Kim Dae-jung'], 1)
    expect(applyFixes(text3, [sameConfidence, long]).output).toBe('Kim Jong Un spoke.')
    // Adjacent spans do not overlap.
    const text2 = 'KievKiev'
    expect(applyFixes(text2, [message(text2, 0, 4, ['Kyiv']), message(text2, 4, 8, ['Kyiv'])]).output).toBe('KyivKyiv')
  })

  it('keeps a byte order mark and CRLF line endings', () => {
    const text = '\uFEFFIn Kiev,\r\nAngela Merkle said.\r\n\r\nKiev\r\n'
    const last = text.lastIndexOf('Kiev')
    const messages = [message(text, 4, 8, ['Kyiv']), at(text, 'Angela Merkle', ['Angela Merkel'], 0.95), message(text, last, last + 4, ['Kyiv'])]
    expect(text.slice(4, 8)).toBe('Kiev')
    const result = applyFixes(text, messages)
    expect(result.output).toBe('\uFEFFIn Kyiv,\r\nAngela Merkel said.\r\n\r\nKyiv\r\n')
  })

  it('keeps the whitespace between the words of a span', () => {
    expect(keepWhitespace('Angela   Merkle', 'Angela Merkel')).toBe('Angela   Merkel')
    expect(keepWhitespace('Vladimir\r\nPoutine', 'Vladimir Putin')).toBe('Vladimir\r\nPutin')
    expect(keepWhitespace('Poutine', 'Vladimir Putin')).toBe('Vladimir Putin')
    expect(keepWhitespace('Kim Jong un', 'Kim Jong-un')).toBe('Kim Jong-un')
    const text = 'Talks with Vladimir\r\nPoutine.'
    expect(applyFixes(text, [at(text, 'Vladimir\r\nPoutine', ['Vladimir Putin'], 0.9)]).output).toBe('Talks with Vladimir\r\nPutin.')
  })

  it('returns the very same string when nothing applies', () => {
    const text = 'Nothing to see.\r\n'
    const result = applyFixes(text, [])
    expect(result.output).toBe(text)
    expect(result.applied).toEqual([])
  })
})

/* ------------------------------------------------------------------------ */
/* Properties                                                                 */

// Text with the characters that matter: ASCII, CRLF/LF/CR, a BOM, astral characters (surrogate pairs), accents.
const char = fc.constantFrom('a', 'b', 'K', 'i', 'e', 'v', ' ', '\t', '\n', '\r', '\r\n', '\uFEFF', 'é', '\u0301', '😀', '.', ',', '-', "'")
const textArb = fc.array(char, { maxLength: 80 }).map((chars) => chars.join(''))

interface Spec {
  start: number
  length: number
  replacement: string
  confidence: number | undefined
  /** When true, `actual` deliberately differs from the text at the span. */
  stale: boolean
}
const specArb = fc.record({
  start: fc.nat(100),
  length: fc.nat(12),
  replacement: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('Kyiv', 'North Korean', 'Angela\r\nMerkel', '')),
  confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
  stale: fc.boolean(),
})

function buildMessages(text: string, specs: Spec[]): FixableMessageLike[] {
  return specs.map((s) => {
    const start = Math.min(s.start, text.length)
    const end = Math.min(start + s.length, text.length)
    const actual = s.stale ? text.slice(start, end) + 'x' : text.slice(start, end)
    return message(text, start, end, s.replacement === '' ? [] : [s.replacement, 'other'], s.confidence, actual)
  })
}

describe('applyFixes properties', () => {
  it('never changes text outside the fixed spans', () => {
    fc.assert(
      fc.property(textArb, fc.array(specArb, { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (text, specs, threshold) => {
        const messages = buildMessages(text, specs)
        const { output, applied } = applyFixes(text, messages, { threshold })
        // Walk the output: every stretch between fixed spans is the original stretch, byte for byte.
        let cursorIn = 0
        let cursorOut = 0
        for (const fix of applied) {
          expect(fix.start).toBeGreaterThanOrEqual(cursorIn)
          const between = text.slice(cursorIn, fix.start)
          expect(output.slice(cursorOut, cursorOut + between.length)).toBe(between)
          cursorOut += between.length
          expect(output.slice(cursorOut, cursorOut + fix.replacement.length)).toBe(fix.replacement)
          cursorOut += fix.replacement.length
          cursorIn = fix.end
        }
        expect(output.slice(cursorOut)).toBe(text.slice(cursorIn))
        // Each applied fix was eligible.
        for (const fix of applied) {
          expect(text.slice(fix.start, fix.end)).toBe(fix.actual)
          expect(fix.actual).toBe(fix.message.actual)
          expect(confidenceOf(fix.message)).toBeGreaterThanOrEqual(threshold)
        }
        // Greedy and maximal: every eligible message not applied overlaps an applied one.
        for (const m of messages) {
          const fix = fixFor(text, m)
          if (!fix || confidenceOf(m) < threshold || applied.some((a) => a.message === m)) continue
          expect(applied.some((a) => a.start < fix.end && fix.start < a.end)).toBe(true)
        }
        if (applied.length === 0) expect(output).toBe(text)
      }),
      { numRuns: 500 },
    )
  })

  it('keeps a leading BOM and every line ending outside the spans', () => {
    fc.assert(
      fc.property(textArb, fc.array(specArb, { maxLength: 6 }), (body, specs) => {
        const text = '\uFEFF' + body
        const messages = buildMessages(text, specs).filter((m) => (m.place as { start: { offset: number } }).start.offset > 0)
        const { output, applied } = applyFixes(text, messages, { threshold: 0 })
        expect(output.charCodeAt(0)).toBe(0xfeff)
        // Line endings outside the spans survive in order: remove the spans and compare.
        const outsideIn = strip(text, applied.map((f) => [f.start, f.end]))
        let pos = 0
        const outRanges: Array<[number, number]> = []
        for (const f of applied) {
          const s = f.start + pos
          outRanges.push([s, s + f.replacement.length])
          pos += f.replacement.length - (f.end - f.start)
        }
        const outsideOut = strip(output, outRanges)
        expect(outsideOut).toBe(outsideIn)
        expect(outsideOut.match(/\r\n|\r|\n/g) ?? []).toEqual(outsideIn.match(/\r\n|\r|\n/g) ?? [])
      }),
      { numRuns: 300 },
    )
  })

  it('is idempotent: fixing again with the messages of the fixed text changes nothing', () => {
    // After a fix, the span holds expected[0]; a message about it (as a re-lint would give,
    // actual = the new text there) with the same suggestion is not a change any more.
    fc.assert(
      fc.property(textArb, fc.array(specArb, { maxLength: 6 }), (text, specs) => {
        const first = applyFixes(text, buildMessages(text, specs), { threshold: 0 })
        let shift = 0
        const again = first.applied.map((f) => {
          const start = f.start + shift
          shift += f.replacement.length - (f.end - f.start)
          return message(first.output, start, start + f.replacement.length, [f.replacement], 1)
        })
        const second = applyFixes(first.output, again, { threshold: 0 })
        expect(second.applied).toEqual([])
        expect(second.output).toBe(first.output)
      }),
      { numRuns: 300 },
    )
  })
})

function strip(text: string, ranges: Array<[number, number]>): string {
  let out = ''
  let cursor = 0
  for (const [start, end] of ranges) {
    out += text.slice(cursor, start) + '\u0000'
    cursor = end
  }
  return out + text.slice(cursor)
}
