/**
 * `node dist/scripts/acronym-check.js [--verbose]`: two measurements of the
 * acronym-expansion rule on the clean news of ../shared/corpus (skipped when
 * it is absent):
 *
 * - false alarms: messages on the unmodified articles, per 10k words;
 * - a synthetic recall check beyond the devset: in each article of BBC 2025,
 *   Reuters 2017 and WMT22 references that mentions an acronym the dictionary
 *   has, the first mention is given a corrupted expansion ("Federal of
 *   Investigation (FBI)": a content word dropped, or replaced by another from a
 *   fixed list, by a seeded generator), and the rule must report it.
 *
 * Runs the rule's checker directly (no parse), so it takes seconds.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findExpansionErrors } from '../rules/acronym-expansion.js'
import { knownExpansions } from '../src/matcher/acronyms.js'
import { NameIndex } from '../src/matcher/name-index.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const corpus = path.resolve(root, '..', 'shared', 'corpus')
const verbose = process.argv.includes('--verbose')

const SUBSTITUTES = ['World', 'Global', 'Federation', 'League', 'Alliance', 'Council', 'Office', 'Agency', 'Bank', 'Union', 'National', 'Joint', 'Allied', 'Power', 'Financial', 'Central', 'Press', 'Countries', 'Republic', 'Service', 'Committee', 'Association', 'International', 'Mexico', 'Monaco']
const CONNECTORS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'de', '&'])

function texts(file: string): string[] {
  const out: string[] = []
  for (const line of readFileSync(path.join(corpus, file), 'utf8').split('\n')) {
    if (!line.trim()) continue
    const text = (JSON.parse(line) as { text?: string }).text
    if (typeof text === 'string') out.push(text)
  }
  return out
}

function main() {
  if (!existsSync(corpus)) {
    console.log(`namelint acronym-check: ${corpus} not found; skipped.`)
    return
  }
  const index = NameIndex.create()
  let words = 0
  let alarms = 0
  for (const file of ['bbc-2004.jsonl', 'bbc-2025.jsonl', 'reuters-2017.jsonl', 'wmt22-refs.jsonl']) {
    if (!existsSync(path.join(corpus, file))) continue
    for (const text of texts(file)) {
      words += text.split(/\s+/).filter(Boolean).length
      for (const f of findExpansionErrors(text, index)) {
        alarms++
        if (verbose) console.log(`  alarm ${file}: ${JSON.stringify(f.actual)} (${f.acronym}) -> ${f.expected[0]?.text ?? '-'}`)
      }
    }
  }
  console.log(`clean news: ${words} words, ${alarms} messages, ${((alarms / Math.max(1, words)) * 1e4).toFixed(3)} per 10k words`)

  let seed = 7
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
  let total = 0
  let detected = 0
  let corrected = 0
  for (const file of ['bbc-2025.jsonl', 'reuters-2017.jsonl', 'wmt22-refs.jsonl']) {
    if (!existsSync(path.join(corpus, file))) continue
    for (const text of texts(file)) {
      const m = /(?<![\p{L}(])([A-Z]{2,6})(?![\p{L})])/u.exec(text.slice(200))
      if (!m) continue
      const acronym = m[1]
      const at = 200 + m.index
      const known = knownExpansions(index, acronym).filter((t) => t.listed)
      if (known.length === 0) continue
      const expansion = known[0].text
      const parts = expansion.split(' ')
      const content = parts.map((w, i) => [w, i] as const).filter(([w]) => !CONNECTORS.has(w.toLowerCase()))
      if (content.length < 2) continue
      const [word, i] = content[Math.floor(random() * content.length)]
      let corrupted: string[]
      if (random() < 0.35) corrupted = parts.filter((_, j) => j !== i)
      else {
        let substitute: string
        do substitute = SUBSTITUTES[Math.floor(random() * SUBSTITUTES.length)]
        while (substitute === word)
        corrupted = parts.map((x, j) => (j === i ? substitute : x))
      }
      const written = corrupted.join(' ')
      const changed = `${text.slice(0, at)}${written} (${acronym})${text.slice(at + acronym.length)}`
      total++
      const found = findExpansionErrors(changed, index).filter((f) => f.start < at + written.length && f.end > at)
      if (found.length > 0) {
        detected++
        if (found[0].start === at && found[0].expected[0]?.text === expansion) corrected++
      } else if (verbose) console.log(`  missed: ${JSON.stringify(written)} (${acronym}) for ${expansion}`)
    }
  }
  console.log(
    `synthetic: ${total} corrupted expansions, ${detected} detected (${(detected / Math.max(1, total)).toFixed(3)}), ` +
      `${corrected} with the exact span and expansion (${(corrected / Math.max(1, total)).toFixed(3)})`,
  )
}

main()
