/**
 * spelling: ordinary misspellings ("annoucement" -> "announcement"), checked
 * against dictionary-en with every name of the loaded dictionaries known.
 * Runs after the name rules and stays off the spans they reported.
 */
import type { VFile } from 'vfile'
import type { NameIndex } from '../src/matcher/name-index.js'
import { defineRule } from '../src/rule.js'
import { SpellingChecker, type Suggestion } from '../src/spelling/checker.js'

export interface SpellingOptions {
  /** Words to accept (case-insensitive), in addition to the dictionaries. */
  words: string[]
  /** Report only words with a known word one edit away (default true): an unknown word far from every word is more often rare than wrong. */
  requireSuggestion: boolean
  /** Also check a sentence's capitalised first word (default true). */
  capitalised: boolean
  /** Most suggestions per message. */
  maxSuggestions: number
}

/** One checker per name index: its cache of checked words lives as long as the index. */
const checkers = new WeakMap<NameIndex, SpellingChecker>()
function checkerFor(index: NameIndex): SpellingChecker {
  let checker = checkers.get(index)
  if (!checker) {
    checker = new SpellingChecker(index)
    checkers.set(index, checker)
  }
  return checker
}

interface Placed {
  start?: { offset?: number }
  end?: { offset?: number }
  offset?: number
}

/** Spans of the namelint messages already on the file (the name rules run first). */
function reportedSpans(file: VFile): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const m of file.messages) {
    if (m.source !== 'namelint' || m.ruleId === 'spelling') continue
    const place = m.place as Placed | undefined
    const start = place?.start?.offset ?? place?.offset
    const end = place?.end?.offset ?? start
    if (start !== undefined && end !== undefined) spans.push([start, Math.max(end, start + 1)])
  }
  return spans
}

const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1)

/**
 * How sure the first suggestion is (what `--fix` compares with its threshold,
 * 0.7 by default): one likely slip (a transposition, a neighbouring key, a
 * doubled letter, a proper noun in lower case) with nothing as close is 0.85;
 * a single other edit 0.75; a best one ahead of the rest 0.6-0.7; a tie 0.45;
 * no suggestion 0.3.
 */
function confidenceOf(ranked: Suggestion[]): number {
  if (ranked.length === 0) return 0.3
  const [top, next] = ranked
  const likely = top.cost <= 1
  if (!next) return likely ? 0.85 : 0.75
  if (next.cost > top.cost) return likely ? 0.7 : 0.6
  return 0.45
}

const spelling = defineRule<SpellingOptions>(
  { id: 'spelling', defaultSeverity: 'warning', description: 'Flag misspelt ordinary words; names are the name rules’ business' },
  { words: [], requireSuggestion: true, capitalised: true, maxSuggestions: 5 },
  ({ file, index, options, report }) => {
    const text = String(file.value ?? '')
    const checker = checkerFor(index)
    const accepted = new Set(options.words.map((w) => w.toLowerCase()))
    const taken = reportedSpans(file)
    for (const miss of checker.misspellings(text, { capitalised: options.capitalised })) {
      if (accepted.has(miss.word)) continue
      if (taken.some(([s, e]) => miss.start < e && miss.end > s)) continue
      const ranked = checker.suggestions(miss.word, options.maxSuggestions)
      if (ranked.length === 0 && options.requireSuggestion) continue
      const suggestions = ranked.map((s) => (miss.capitalised ? capitalise(s.word) : s.word))
      const actual = text.slice(miss.start, miss.end)
      // Keep a possessive ending the check left out ("goverment's" -> "government's").
      const tail = actual.slice(miss.word.length)
      const expected = suggestions.map((s) => s + (/^['’]s$/.test(tail) ? tail : ''))
      report({
        reason: expected.length ? `Unexpected unknown word \`${actual}\`, expected \`${expected[0]}\`` : `Unknown word \`${actual}\``,
        start: miss.start,
        end: miss.end,
        actual,
        expected,
        note: expected.length
          ? `"${miss.word}" is in neither the English dictionary nor the name dictionaries; ${expected.length === 1 ? 'the known word' : 'known words'} one edit away: ${expected.join(', ')}.`
          : `"${miss.word}" is in neither the English dictionary nor the name dictionaries.`,
        data: { confidence: confidenceOf(ranked), word: miss.word },
      })
    }
  },
)

export default spelling
