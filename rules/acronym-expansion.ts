/**
 * acronym-expansion: an acronym's expansion written next to it that is not
 * the acronym's expansion ("South Korea Central Press (KCNA)" -> "Korean
 * Central News Agency"; "the Democratic Republic (DPRK)" -> "Democratic
 * People's Republic of Korea").
 */
import { describeEntity, type Entity } from '../src/dictionary/compile.js'
import {
  acronymLetters,
  alignWords,
  isConnector,
  canForm,
  compareExpansions,
  contentKey,
  findAcronymSites,
  placeQualifier,
  sameExpansion,
  initialsForm,
  knownExpansions,
  nameWords,
  wordsAlike,
  type AcronymSite,
  type ExpansionComparison,
  type KnownExpansion,
  type TextWord,
} from '../src/matcher/acronyms.js'
import type { NameIndex } from '../src/matcher/name-index.js'
import { defineRule } from '../src/rule.js'
import type { VFile } from 'vfile'

export interface AcronymExpansionOptions {
  /** Minimum confidence (0..1) to report. */
  threshold: number
  /** Also report expansions of acronyms the dictionary lacks whose words cannot spell the acronym (confidence 0.5-0.55). */
  unknown: boolean
}

export interface AcronymFinding {
  start: number
  end: number
  actual: string
  acronym: string
  /** Known expansions, best first (empty for an acronym the dictionary lacks). */
  expected: KnownExpansion[]
  confidence: number
  comparison?: ExpansionComparison
  form: AcronymSite['form']
}

/** Connectors that join their neighbours into one name ("Department of Defense"), unlike "and". */
const BINDING = new Set(['of', 'for', 'de', 'del', 'della', 'da', 'di', 'du', 'des', 'do', 'dos', 'das'])

/** Name rules whose messages an expansion may already carry. */
const NAME_RULES = new Set(['corrupted-name', 'preferred-name', 'inconsistent-name'])

const parts = (words: TextWord[]): string[] => words.flatMap((w) => w.parts)

/** Words before (and including) a leading possessive, and a sentence-initial ordinary word the letters do not need, are not part of the expansion. */
function leadingNoise(words: TextWord[], index: NameIndex, belongs: (w: TextWord) => boolean, letters: number): number {
  const contentFrom = (i: number) => words.slice(i).filter((w) => !w.connector).length
  let from = 0
  for (let i = 0; i < words.length - 1; i++) {
    const w = words[i]
    if (w.possessive && !belongs(w)) from = i + 1
  }
  while (from < words.length - 1) {
    const w = words[from]
    if (w.connector) {
      from++
      continue
    }
    // "Most European League (EU)", "Envoys of the Democratic Republic (DPRK)", but not "Allied Nations (UN)": the
    // rest must still be long enough for the letters, or the word heads a phrase of its own.
    const enough = contentFrom(from + 1) >= letters || words[from + 1].connector
    if (w.initial && !belongs(w) && w.parts.length === 1 && enough && index.isEnglishWord(w.parts[0]) && index.lookup(w.text).length === 0) {
      from++
      continue
    }
    break
  }
  while (from < words.length - 1 && words[from].connector) from++
  return from
}

/** Normalised words of a span, with acronyms the dictionary knows spelt out ("UN Children's Fund"). */
function spelledOut(words: TextWord[], index: NameIndex): string[] {
  const out: string[] = []
  for (const w of words) {
    if (w.text.length >= 2 && w.text.length <= 6 && w.text === w.text.toUpperCase() && w.text !== w.text.toLowerCase()) {
      // The shortest expansion its letters spell: "UK" -> "United Kingdom", not the official long form.
      const letters = acronymLetters(w.text)
      const expansion = knownExpansions(index, w.text)
        .filter((e) => canForm(e.words, letters))
        .sort((a, b) => a.words.length - b.words.length)[0]
      if (expansion) {
        out.push(...expansion.words)
        continue
      }
    }
    out.push(...w.parts)
  }
  return out
}

/**
 * Is a name a country, for a place qualifier ("of China")? One the writer adds must be the
 * entity's own country ("Public Investment Fund of Saudi Arabia"), not another one ("United States of Mexico").
 */
function qualifierFor(index: NameIndex, entity?: Entity): (name: string, side: 'written' | 'known') => boolean {
  return (name, side) => {
    const countries = index.lookup(name).filter((h) => h.entity.type === 'place' && (h.entity.id.startsWith('country-') || h.entity.description === 'country'))
    if (countries.length === 0) return false
    return side === 'known' || !entity?.country || countries.some((h) => h.entity.country === entity.country)
  }
}

/** Does the text around the run complete a known expansion ("Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)", "Office for National (ONS) Statistics")? */
function completedAround(text: string, site: AcronymSite, targets: KnownExpansion[]): boolean {
  if (site.form !== 'before') return false
  const first = site.words[0]
  const last = site.words[site.words.length - 1]
  const before = nameWords(text.slice(Math.max(0, first.start - 150), last.end).split(/[\n.;:!?]/).pop() ?? '')
  const close = text.indexOf(')', site.acronymEnd)
  const afterText = close < 0 ? '' : (text.slice(close + 1, close + 80).split(/[\n.,;:!?()]/)[0] ?? '')
  const after = [...parts(site.words), ...nameWords(afterText)]
  const written = parts(site.words).length
  for (const t of targets) {
    const key = contentKey(t.words)
    const n = t.words.length
    if (n > written && before.length >= n && contentKey(before.slice(before.length - n)) === key) return true
    for (let k = written + 1; k <= Math.min(after.length, written + 3); k++) if (contentKey(after.slice(0, k)) === key) return true
  }
  return false
}

const BRITISH = /isation|labour|centre|defence|programme|colour|favour|honour/gi
const AMERICAN = /ization|labor\b|center|defense|\bprogram\b|color|favor|honor/gi
/** 1 when a text spells the British way ("organisation", "labour"), -1 the American way, 0 when it does not tell. */
function britishStyle(text: string): number {
  return Math.sign((text.match(BRITISH)?.length ?? 0) - (text.match(AMERICAN)?.length ?? 0))
}

/** Drop a trailing place qualifier ("of China") that only one side has. */
function withoutLoneQualifier(written: string[], known: string[], isPlace: (name: string, side: 'written' | 'known') => boolean): [string[], string[]] {
  const qw = placeQualifier(written, (name) => isPlace(name, 'written'))
  const qk = placeQualifier(known, (name) => isPlace(name, 'known'))
  if (qw >= 0 && qk < 0) return [written.slice(0, qw), known]
  if (qk >= 0 && qw < 0) return [written, known.slice(0, qk)]
  return [written, known]
}

function checkKnown(text: string, site: AcronymSite, targets: KnownExpansion[], index: NameIndex): AcronymFinding | undefined {
  const words = site.words
  const starts = words.map((w, i) => (w.connector ? -1 : i)).filter((i) => i >= 0)
  // "United States of (US)": a name does not end in a connector; a word was lost.
  const dangling = words[words.length - 1].connector ? words[words.length - 1].parts[0] : undefined
  // Accepted: a suffix of the run is a known expansion (connectors, case, hyphens, apostrophes, diacritics,
  // spelling slips, generic words and place qualifiers aside).
  // Where the run opens with a sentence's ordinary words ("Shares of Sumitomo Mitsui Financial (SMFG)"), the name starts after them.
  const noiseEnd = leadingNoise(words, index, () => false, site.letters.length)
  for (const i of dangling ? [] : starts) {
    // Not a suffix bound to what precedes it ("Union of | Homeland Security"): that is one name.
    if (i > 0 && i !== noiseEnd && BINDING.has(words[i - 1].parts[0] ?? '')) continue
    const raw = parts(words.slice(i))
    const written = spelledOut(words.slice(i), index)
    for (const t of targets) {
      if (!(t.plausible || i === 0)) continue
      const isPlace = qualifierFor(index, t.entity)
      if (sameExpansion(raw, t.words, isPlace) || sameExpansion(written, t.words, isPlace)) return undefined
    }
  }
  if (!dangling && completedAround(text, site, targets)) return undefined
  let candidates = targets.some((t) => t.plausible) ? targets.filter((t) => t.plausible) : targets
  if (dangling && candidates.some((t) => t.words.slice(0, -1).includes(dangling))) candidates = candidates.filter((t) => t.words.slice(0, -1).includes(dangling))
  const targetWords = new Set(candidates.flatMap((t) => t.words))
  const belongs = (w: TextWord) => w.parts.some((p) => [...targetWords].some((t) => wordsAlike(p, t)))
  const from = leadingNoise(words, index, belongs, site.letters.length)
  let best: { start: number; target: KnownExpansion; cmp: ExpansionComparison; score: number } | undefined
  for (const i of starts) {
    if (i < from) continue
    const spelled = spelledOut(words.slice(i), index)
    for (const target of candidates) {
      const [written, known] = withoutLoneQualifier(spelled, target.words, qualifierFor(index, target.entity))
      const cmp = compareExpansions(written, known)
      const first = written[0][0] === site.letters[0] ? 0.5 : 0
      const score = 2 * cmp.matched + 0.25 * (cmp.matchedAll - cmp.matched) - 0.5 * cmp.strayConnectors - Math.abs(cmp.written - cmp.known) + first + (target.listed ? 0.01 : 0)
      if (!best || score > best.score + 1e-9) best = { start: i, target, cmp, score }
    }
  }
  if (!best) return undefined
  const { cmp } = best
  const span = words.slice(best.start)
  const [written] = withoutLoneQualifier(spelledOut(span, index), best.target.words, qualifierFor(index, best.target.entity))
  // Must look like an attempt at this expansion: a content word in common, half the words alike, and
  // more than one word unless the expansion has at most two.
  if (cmp.matched === 0) return undefined
  if (cmp.matchedAll / Math.min(cmp.allWritten, cmp.allKnown) < 0.5) return undefined
  if (cmp.written < 2 && cmp.known > 2) return undefined
  // The written words are the name of another entity ("the European Commission"): not a garbled expansion.
  const others = index.lookup(span.map((w) => w.text).join(' ')).filter((h) => !targets.some((t) => t.entity === h.entity))
  if (others.length > 0 && written.length > 1) return undefined
  // "ACR, the Long Name," is also how descriptions are written: the same number of words, only words
  // missing, or at least two words in common and the acronym's first letter.
  if (site.form === 'appositive' && !(cmp.written === cmp.known || cmp.matched === cmp.written || (cmp.matched >= 2 && written[0][0] === site.letters[0]))) {
    return undefined
  }
  let confidence = 0.6 + 0.3 * (cmp.matchedAll / Math.max(cmp.allWritten, cmp.allKnown))
  // Initials that spell the acronym may be another organisation's name ("British National Party" for the
  // Bangladesh Nationalist Party's BNP): only one word may differ then.
  if (initialsForm(written, site.letters) && alignWords(written.filter((w) => !isConnector(w)), best.target.words.filter((w) => !isConnector(w))).onlyA.length > 0) {
    if (cmp.written < 3 || cmp.exact < cmp.written - 1) return undefined
    confidence -= 0.15
  }
  if (site.form === 'appositive') confidence -= 0.1
  // Of spellings that differ only in British/American style, the one the document uses.
  const style = britishStyle(text)
  const same = candidates.filter((t) => t.entity === best!.target.entity && t.words.join(' ') === best!.target.words.join(' '))
  const top = style === 0 ? best.target : same.find((t) => Math.sign(britishStyle(t.text)) === style) ?? best.target
  const ranked = [top, ...candidates.filter((t) => t !== top)]
  return {
    start: span[0].start,
    end: span[span.length - 1].end,
    actual: '',
    acronym: site.acronym,
    expected: ranked,
    confidence: Math.max(0, Math.min(0.95, confidence)),
    comparison: cmp,
    form: site.form,
  }
}

/**
 * `expansion` with the writer's choice of space or hyphen between its words, where the written expansion has as
 * many words ("Agence Monaco Presse" -> "Agence France Presse", not "Agence France-Presse"): namelint treats the
 * two as one spelling, so a correction changes the wrong words, not the house style.
 */
export function withSeparatorsOf(written: string, expansion: string): string {
  const writtenParts = written.split(/([\s\-‐‑]+)/)
  const parts = expansion.split(/([\s\-‐‑]+)/)
  if (writtenParts.length !== parts.length) return expansion
  return parts.map((part, i) => (i % 2 === 0 ? part : /-|‐|‑/.test(writtenParts[i]) ? '-' : ' ')).join('')
}

/** Initials of the words company names drop: Group, Limited, Corporation/Company, Holdings, Inc. */
const CORPORATE_INITIALS = new Set(['g', 'l', 'c', 'h', 'i'])

/** An acronym the dictionary lacks: flag only expansions whose words clearly cannot spell it. */
function checkUnknown(site: AcronymSite, index: NameIndex): AcronymFinding | undefined {
  const letters = site.letters
  const core = site.acronym.replace(/s$/, '')
  if (site.form !== 'before' || letters.length < 3 || !/^[a-z]+$/.test(letters) || core !== core.toUpperCase() || !/^[^.0-9&]+$/.test(core)) return undefined
  const words = site.words
  if (words.some((w) => !w.capitalised && !w.connector)) return undefined
  const from = leadingNoise(words, index, () => false, letters.length)
  const starts: number[] = []
  for (let i = from; i < words.length; i++) if (!words[i].connector && words[i].parts[0]?.[0] === letters[0]) starts.push(i)
  if (starts.length === 0) return undefined
  // A company name may leave out its last word ("Hindustan Aeronautics (HAL)" for ... Limited).
  const optionalLast = CORPORATE_INITIALS.has(letters[letters.length - 1])
  let chosen = -1
  for (const i of starts) {
    const written = parts(words.slice(i))
    if (canForm(written, letters) || (optionalLast && canForm(written, letters.slice(0, -1)))) return undefined
    // A known name ("Federal Protective Service") whose acronym the dictionary lacks is no error.
    if (index.lookup(words.slice(i).map((w) => w.text).join(' ')).length > 0) return undefined
    const content = words.slice(i).filter((w) => !w.connector).length
    if (content <= letters.length + 1 && chosen < 0) chosen = i
  }
  if (chosen < 0) return undefined
  const written = parts(words.slice(chosen))
  // A body named with its country ("Supreme Federal Court of Brazil (STF)") has its own language's acronym.
  if (placeQualifier(written, (name) => qualifierFor(index)(name, 'known')) >= 0) return undefined
  // Initials in another order: a slip in the acronym itself ("Tax Cuts and Jobs Act (TJCA)"), not in the expansion.
  const initials = words.slice(chosen).filter((w) => !w.connector).map((w) => w.parts[0]?.[0] ?? '')
  if (initials.length === letters.length && [...initials].sort().join('') === [...letters].sort().join('')) return undefined
  // A letter spelt by a word before the expansion ("Brazilian Institute for Geography and Statistics (IBGE)"):
  // the acronym is in another language or word order, not a wrong expansion.
  for (let i = 0; i < chosen; i++) if (!words[i].connector && letters.includes(words[i].parts[0]?.[0] ?? '')) return undefined
  const span = words.slice(chosen)
  const content = span.filter((w) => !w.connector).length
  if (content < 2) return undefined
  return {
    start: span[0].start,
    end: span[span.length - 1].end,
    actual: '',
    acronym: site.acronym,
    expected: [],
    confidence: content === letters.length ? 0.55 : 0.5,
    form: site.form,
  }
}

export function findExpansionErrors(text: string, index: NameIndex, options: { unknown: boolean } = { unknown: true }): AcronymFinding[] {
  const cache = new Map<string, KnownExpansion[]>()
  const targetsOf = (acronym: string) => {
    let t = cache.get(acronym)
    if (!t) {
      t = knownExpansions(index, acronym)
      // "U.S." is the acronym "US" written with stops.
      if (t.length === 0 && acronym.includes('.')) t = knownExpansions(index, acronym.replace(/\./g, ''))
      cache.set(acronym, t)
    }
    return t
  }
  const findings: AcronymFinding[] = []
  for (const site of findAcronymSites(text, (a) => targetsOf(a).length > 0)) {
    const targets = targetsOf(site.acronym)
    const finding = targets.length > 0 ? checkKnown(text, site, targets, index) : options.unknown ? checkUnknown(site, index) : undefined
    if (!finding) continue
    finding.actual = text.slice(finding.start, finding.end)
    findings.push(finding)
  }
  return findings
}

interface Placed {
  start?: { offset?: number }
  end?: { offset?: number }
  offset?: number
}

/** Earlier name-rule messages inside a span. */
function earlierMessages(file: VFile, start: number, end: number) {
  return file.messages.filter((m) => {
    if (m.source !== 'namelint' || !NAME_RULES.has(m.ruleId ?? '')) return false
    const place = m.place as Placed | undefined
    const s = place?.start?.offset ?? place?.offset
    const e = place?.end?.offset ?? s
    return s !== undefined && e !== undefined && s < end && e > start
  })
}

function describe(finding: AcronymFinding): string {
  const top = finding.expected[0]
  if (!top) {
    return (
      `${finding.acronym} is not in the dictionary, and the initials of "${finding.actual}" cannot spell it ` +
      `(a word may be wrong or missing). Confidence ${finding.confidence.toFixed(2)}.`
    )
  }
  const entity = top.entity
  const others = finding.expected.slice(1).map((e) => e.text).filter((t, i, all) => all.indexOf(t) === i && t !== top.text)
  return [
    `${entity.name}: ${describeEntity(entity)}.`,
    `${finding.acronym} stands for "${top.text}"${others.length ? ` (also written ${others.map((o) => `"${o}"`).join(', ')})` : ''}.`,
    `Confidence ${finding.confidence.toFixed(2)}.`,
  ].join(' ')
}

const acronymExpansion = defineRule<AcronymExpansionOptions>(
  { id: 'acronym-expansion', defaultSeverity: 'warning', description: 'Check the expansion written next to an acronym against the acronym’s known expansions' },
  { threshold: 0.5, unknown: true },
  ({ file, index, options, report }) => {
    const text = String(file.value ?? '')
    if (!text.includes('(') && !text.includes(', the ')) return
    for (const finding of findExpansionErrors(text, index, { unknown: options.unknown })) {
      if (finding.confidence < options.threshold) continue
      const top = finding.expected[0]
      // A name rule already corrected a word of the expansion, and with that fix it is a known expansion: one message is enough.
      const earlier = earlierMessages(file, finding.start, finding.end)
      if (earlier.length > 0 && top) {
        let fixed = finding.actual
        for (const m of earlier) if (m.actual && m.expected?.[0]) fixed = fixed.replace(m.actual, m.expected[0])
        const key = contentKey(nameWords(fixed))
        if (finding.expected.some((t) => contentKey(t.words) === key)) continue
      }
      const expected = [...new Set(finding.expected.filter((t) => t.plausible).map((t) => withSeparatorsOf(finding.actual, t.text)))]
      report({
        reason: top
          ? `Unexpected \`${finding.actual}\` for \`${finding.acronym}\`, expected \`${withSeparatorsOf(finding.actual, top.text)}\``
          : `Unexpected \`${finding.actual}\` for \`${finding.acronym}\`: its initials cannot spell \`${finding.acronym}\``,
        start: finding.start,
        end: finding.end,
        actual: finding.actual,
        expected: top ? (expected.length ? expected : [withSeparatorsOf(finding.actual, top.text)]) : [],
        note: describe(finding),
        data: { confidence: Number(finding.confidence.toFixed(3)), entity: top?.entity.id, acronym: finding.acronym, letters: acronymLetters(finding.acronym) },
      })
    }
  },
)

export default acronymExpansion
