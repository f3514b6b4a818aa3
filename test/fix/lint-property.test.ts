/**
 * Property tests with the real linter: on generated news-like text (canonical
 * names, corrupted names, deprecated spellings, filler, CRLF/LF, a BOM),
 * fixing the linter's messages touches nothing outside their spans, and a
 * second lint-and-fix changes nothing.
 */
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyFixes } from '../../src/fix.js'
import type { NamelintSettings } from '../../src/processor.js'
import { cleanup, cli, expectOnlySpansChanged, lintText, tempDir, write } from './helpers.js'

afterAll(cleanup)

const canonical = ['Kyiv', 'Xi Jinping', 'Angela Merkel', 'Vladimir Putin', 'Moscow', 'Pyongyang', 'Volodymyr Zelensky', 'Sergei Shoigu', 'New Delhi', 'North Korean']
const corrupted = ['Xi Jinpin', 'Angela Merkle', 'Vladimir Poutine', 'Moskow', 'Volodimir Zelensky', 'Sergei Shuigu', 'New Deli', 'North Quaran', 'Boris Jonson', 'Emanuel Macron']
const deprecated = ['Kiev']
const filler = ['the', 'leader', 'met', 'officials', 'in', 'said', 'on Monday', 'talks', 'with', 'and', 'The minister', 'reported', 'a', 'visit', 'to']

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...filler) },
  { weight: 2, arbitrary: fc.constantFrom(...canonical) },
  { weight: 3, arbitrary: fc.constantFrom(...corrupted) },
  { weight: 1, arbitrary: fc.constantFrom(...deprecated) },
)
const token = fc.tuple(word, fc.constantFrom('', '', '', "'s", ',', '.')).map(([w, p]) => w + p)
const separator = fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\r\n', '\r\n\r\n')
const documentArb = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(token, separator), { minLength: 1, maxLength: 24 }), fc.constantFrom('', '\n', '\r\n'))
  .map(([bom, parts, end]) => (bom ? '\uFEFF' : '') + parts.map(([t, s]) => t + s).join('').trimEnd() + end)

// Default settings, and a low rule threshold that also reports doubtful, overlapping suspects.
const LOW = { rules: { 'corrupted-name': ['warning', { threshold: 0.3 }] as ['warning', { threshold: number }] } }

/** Fix, lint again, fix again... until nothing changes, as `namelint --fix` does (at most 10 passes). */
async function fixUntilStable(text: string, settings: NamelintSettings): Promise<{ output: string; passes: number }> {
  let output = text
  for (let pass = 1; pass <= 10; pass++) {
    const next = applyFixes(output, await lintText(output, settings))
    if (next.applied.length === 0) return { output, passes: pass }
    output = next.output
  }
  return { output, passes: 11 }
}

// One lint-and-fix pass is not always stable: the matcher weighs context, so a fix can
// raise another suspect above the thresholds. Found by these properties:
//   "Vladimir Poutine Moskow Sergei Shuigu" (default settings): Moskow is reported only
//   once Putin and Shoigu are fixed (Russian context);
//   "North Quaran North Quaran the" (rule threshold 0.3): fixing the second raises the
//   suggestion "Karen" for the first "Quaran" above 0.7.
// So `--fix` repeats lint-and-fix until nothing changes; that is what must settle.
const REGRESSIONS = ['Vladimir Poutine Moskow Sergei Shuigu', 'North Quaran North Quaran the']

describe.each([
  ['default settings', {}],
  ['corrupted-name threshold 0.3', LOW],
])('fixes on linted text (%s)', (_, settings: NamelintSettings) => {
  it('touch only the reported spans, and a second lint-and-fix changes nothing', async () => {
    let fixedSomething = 0
    await fc.assert(
      fc.asyncProperty(documentArb, async (text) => {
        const messages = await lintText(text, settings)
        const { output, applied } = applyFixes(text, messages)
        // Outside the spans: unchanged, in order; each span was reported with that text.
        expectOnlySpansChanged(text, output, applied, expect)
        for (const fix of applied) expect(fix.message.actual).toBe(text.slice(fix.start, fix.end))
        if (text.startsWith('\uFEFF')) expect(output.startsWith('\uFEFF')).toBe(true)
        expect((output.match(/\r\n/g) ?? []).length).toBe((text.match(/\r\n/g) ?? []).length)
        if (applied.length > 0) fixedSomething++
        // Repeated fixing settles (in a few passes), and then a further lint-and-fix changes nothing.
        const stable = await fixUntilStable(text, settings)
        expect(stable.passes).toBeLessThanOrEqual(4)
        const after = applyFixes(stable.output, await lintText(stable.output, settings))
        expect(after.applied).toEqual([])
      }),
      { numRuns: 80, examples: REGRESSIONS.map((r) => [r] as [string]) },
    )
    expect(fixedSomething).toBeGreaterThan(10)
  }, 120_000)
})

describe('namelint --fix', () => {
  it.each([
    ['default settings', undefined],
    ['corrupted-name threshold 0.3', LOW],
  ])('a second --fix changes nothing (CLI, standard input, %s)', async (_, config) => {
    const dir = tempDir()
    if (config) write(dir, '.namelintrc', JSON.stringify(config))
    const check = async (text: string) => {
      const once = await cli(['--fix'], { cwd: dir, stdin: text })
      const twice = await cli(['--fix'], { cwd: dir, stdin: once.stdout })
      expect(twice.stdout).toBe(once.stdout)
      expect(twice.code).toBe(once.code)
    }
    for (const text of REGRESSIONS) await check(text)
    await fc.assert(fc.asyncProperty(documentArb, check), { numRuns: 15 })
  }, 120_000)
})
