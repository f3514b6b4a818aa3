/**
 * `npm run eval:synthetic`: recall of the name rules on slips made in clean
 * news that the devset does not hold (../shared/corpus: BBC 2025, Reuters,
 * WMT22 references). One slip per article, of one of four kinds (typo,
 * doubled letter, abjad round trip, OCR confusion), seeded and repeatable;
 * a find is a name-rule message covering the slip, top1 its first expected
 * spelling. Also counts the other name-rule messages (false alarms, or real
 * slips of the source) per 10k words. Skips cleanly when ../shared is absent.
 *
 *   SYNTH_TARGET=known|unlisted|multiword   what to corrupt (default: all three, one table each)
 *   SYNTH_DOCS=400                          articles per corpus file
 *   SYNTH_SEED=1                            seed of the slips
 *   SYNTH_MISSES=1                          list the misses and the other messages
 *
 * known: a single word that is a known name; unlisted: a capitalised word the
 * dictionaries do not know that the article uses at least twice (the other
 * uses keep the right spelling); multiword: a later word of a known name of
 * two or three words. Tuning to these exact slips is no better than tuning to
 * the devset: use it to find kinds of miss, then fix them in general.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { createProcessor } from '../src/processor.js'
import { indexFor } from '../src/preset-data.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const corpus = path.resolve(root, '..', 'shared', 'corpus')
const FILES = ['bbc-2025.jsonl', 'reuters-2017.jsonl', 'wmt22-refs.jsonl']
const NAME_RULES = new Set(['corrupted-name', 'inconsistent-name', 'acronym-expansion', 'preferred-name'])
const WORD = /(?<![\p{L}'’-])\p{Lu}\p{Ll}{3,}(?![\p{L}'’-])/gu
const PHRASE = /(?<![\p{L}'’-])\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,2}(?![\p{L}'’-])/gu

type Target = 'known' | 'unlisted' | 'multiword'
type Kind = 'typo' | 'double' | 'abjad' | 'ocr'

/** A small linear congruential generator: the same slips on every run with one seed. */
function generator(seed: number) {
  let state = seed >>> 0
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
  return { next, pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)] }
}

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
function keyNeighbours(c: string): string[] {
  for (const row of KEY_ROWS) {
    const i = row.indexOf(c)
    if (i >= 0) return [row[i - 1], row[i + 1]].filter((x): x is string => Boolean(x))
  }
  return []
}
const VOWELS = 'aeiou'

/** One slip of `word` of the given kind (never on the first letter), or undefined when the kind has no slip to make. */
function slip(word: string, kind: Kind, rnd: ReturnType<typeof generator>): string | undefined {
  const at = 1 + Math.floor(rnd.next() * (word.length - 1))
  const c = word[at].toLowerCase()
  switch (kind) {
    case 'typo': {
      const op = Math.floor(rnd.next() * 4)
      const near = keyNeighbours(c)
      if (op === 0 && near.length) return word.slice(0, at) + rnd.pick(near) + word.slice(at + 1)
      if (op === 1) return word.slice(0, at) + word.slice(at + 1)
      if (op === 2 && near.length) return word.slice(0, at) + rnd.pick(near) + word.slice(at)
      if (at < word.length - 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
      return undefined
    }
    case 'double': {
      if (word[at - 1] === word[at] && !VOWELS.includes(c)) return word.slice(0, at) + word.slice(at + 1)
      if (!VOWELS.includes(c) && word[at + 1] !== word[at] && word[at - 1] !== word[at]) return word.slice(0, at) + word[at] + word.slice(at)
      return undefined
    }
    case 'abjad': {
      const rules: Array<[RegExp, string]> = [[/[aeiou](?=[^aeiou])/, ''], [/a/, 'e'], [/o/, 'u'], [/e/, 'i'], [/k/, 'q'], [/c(?=[aou])/, 'k'], [/y/, 'i'], [/v/, 'w'], [/w/, 'v'], [/i/, 'y']]
      const body = word.slice(1)
      const usable = rules.filter(([re]) => re.test(body))
      if (usable.length === 0) return undefined
      const [re, to] = rnd.pick(usable)
      const m = rnd.pick([...body.matchAll(new RegExp(re.source, 'g'))])
      return word[0] + body.slice(0, m.index) + to + body.slice((m.index ?? 0) + m[0].length)
    }
    case 'ocr': {
      const usable = ([['m', 'rn'], ['rn', 'm'], ['d', 'cl'], ['l', 'I'], ['e', 'c']] as const).filter(([from]) => word.indexOf(from, 1) > 0)
      if (usable.length === 0) return undefined
      const [from, to] = rnd.pick([...usable])
      const i = word.indexOf(from, 1)
      return word.slice(0, i) + to + word.slice(i + from.length)
    }
  }
}

interface Candidate {
  word: string
  index: number
}

async function run(target: Target, docs: number, seed: number, listMisses: boolean): Promise<void> {
  const index = indexFor()
  const processor = createProcessor()
  const rnd = generator(seed)
  const kinds: Kind[] = ['typo', 'double', 'abjad', 'ocr']
  const table = new Map<string, { n: number; found: number; top1: number }>()
  let others = 0
  let words = 0
  const misses: string[] = []
  const known = (w: string) => index.lookupKey(w.toLowerCase()).some((h) => h.kind <= 2 && h.entity.prior >= 0.5)
  for (const file of FILES) {
    const source = path.join(corpus, file)
    if (!existsSync(source)) continue
    const lines = readFileSync(source, 'utf8').split('\n').filter(Boolean)
    for (let d = 0; d < Math.min(docs, lines.length); d++) {
      const text = (JSON.parse(lines[(d * 7) % lines.length]) as { text: string }).text
      const candidates: Candidate[] = []
      if (target === 'multiword') {
        for (const m of text.matchAll(PHRASE)) {
          if (!known(m[0])) continue
          const parts = m[0].split(' ')
          const k = 1 + Math.floor(rnd.next() * (parts.length - 1))
          if (parts[k].length >= 4 && !index.isEnglishWord(parts[k])) candidates.push({ word: parts[k], index: (m.index ?? 0) + parts.slice(0, k).join(' ').length + 1 })
        }
      } else {
        const all = [...text.matchAll(WORD)]
        const counts = new Map<string, number>()
        for (const m of all) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1)
        for (const m of all) {
          const at = m.index ?? 0
          if (index.isEnglishWord(m[0])) continue
          if (target === 'known' && known(m[0])) candidates.push({ word: m[0], index: at })
          // Unlisted: used twice or more, not a name, word, proper noun or given name the dictionaries know, not opening a sentence.
          if (target === 'unlisted' && (counts.get(m[0]) ?? 0) >= 2 && index.lookupKey(m[0].toLowerCase()).length === 0 && !index.isEnglishProperNoun(m[0]) && !index.isGivenName(m[0]) && at > 0 && !/[.!?"“]\s*$/.test(text.slice(Math.max(0, at - 3), at))) candidates.push({ word: m[0], index: at })
        }
      }
      if (candidates.length === 0) continue
      const chosen = rnd.pick(candidates)
      const kind = rnd.pick(kinds)
      const bad = slip(chosen.word, kind, rnd)
      if (!bad || bad.toLowerCase() === chosen.word.toLowerCase() || index.lookupKey(bad.toLowerCase()).length > 0 || index.isEnglishWord(bad)) continue
      const slipped = text.slice(0, chosen.index) + bad + text.slice(chosen.index + chosen.word.length)
      const vfile = new VFile({ value: slipped })
      await processor.run(processor.parse(vfile), vfile)
      words += slipped.split(/\s+/).length
      const row = table.get(kind) ?? { n: 0, found: 0, top1: 0 }
      table.set(kind, row)
      row.n++
      let found = false
      let right = false
      for (const message of vfile.messages) {
        if (!NAME_RULES.has(message.ruleId ?? '')) continue
        const start = message.place && 'start' in message.place ? message.place.start.offset ?? -1 : -1
        const end = message.place && 'end' in message.place ? message.place.end.offset ?? -1 : -1
        if (start <= chosen.index && end >= chosen.index + bad.length) {
          found = true
          if ((message.expected?.[0] ?? '').toLowerCase().includes(chosen.word.toLowerCase())) right = true
        } else if (message.ruleId !== 'preferred-name') {
          others++
          if (listMisses) misses.push(`  other: ${file} ${message.ruleId} "${message.actual}" -> "${message.expected?.[0] ?? ''}" (slip "${bad}" for "${chosen.word}")`)
        }
      }
      // One slip is one find, however many messages cover it.
      if (found) row.found++
      if (right) row.top1++
      if (!found && listMisses) misses.push(`  ${file} ${kind} "${bad}" -> "${chosen.word}": ${slipped.slice(Math.max(0, chosen.index - 50), chosen.index + bad.length + 20).replace(/\s+/g, ' ')}`)
    }
  }
  let n = 0
  let found = 0
  let top1 = 0
  console.log(`== ${target} (${docs} articles per file, seed ${seed})`)
  console.log('kind      slips  recall    top1')
  for (const [kind, row] of table) {
    n += row.n
    found += row.found
    top1 += row.top1
    console.log(`${kind.padEnd(8)} ${String(row.n).padStart(6)}   ${(row.found / row.n).toFixed(3)}   ${(row.top1 / row.n).toFixed(3)}`)
  }
  console.log(`${'all'.padEnd(8)} ${String(n).padStart(6)}   ${(found / Math.max(1, n)).toFixed(3)}   ${(top1 / Math.max(1, n)).toFixed(3)}   other name-rule messages: ${others} (${((others / Math.max(1, words)) * 1e4).toFixed(2)} per 10k words)`)
  if (listMisses) console.log(misses.join('\n'))
}

if (!existsSync(corpus)) {
  console.log(`namelint eval:synthetic: ${corpus} not found; nothing to measure (skipped).`)
} else {
  const targets = (process.env.SYNTH_TARGET ?? 'known,unlisted,multiword').split(',') as Target[]
  for (const target of targets) await run(target, Number(process.env.SYNTH_DOCS ?? 400), Number(process.env.SYNTH_SEED ?? 1), process.env.SYNTH_MISSES === '1')
}
