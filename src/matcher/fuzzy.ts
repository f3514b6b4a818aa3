/**
 * Fuzzy candidate search: the known spellings a doubtful span may be a
 * corruption of, with their similarity.
 *
 * Candidates come from hash lookups of the span's transliteration skeleton and
 * its one-edit neighbours in the compiled index (never a scan). Each is then
 * bounded before the weighted distance runs: the caller says how good a
 * candidate must be (`needed`, the score it must reach before the
 * document-specific bonuses), a candidate's prior caps what it can reach, and
 * the distance stops as soon as it cannot. Skeleton lists are sorted by prior,
 * so a list is left at the first entity too improbable to matter.
 *
 * Results depend only on the span and `needed`, so they are cached per index:
 * news repeats its names, across documents and across an editor's edits.
 */
import { distance as levenshtein } from 'fastest-levenshtein'
import { SpellingKind, type Entity } from '../dictionary/compile.js'
import { clearNeighbourCaches, shapeFirst, shapeLength, shapeWords, type NameIndex, type NeighbourEntry, type SpellingHit } from './name-index.js'
import { compactKey, isVowel, normalizeName, skeleton, spellingVariantKey, spellOutUmlauts, translitKey, wordCount } from './normalize.js'
import { keyboardSlip, weightedDistance, type Similarity } from './similarity.js'
import { isPinyin } from './pinyin.js'

/** Score bonus when the span and the candidate share a skeleton. */
export const SKELETON_BONUS = 0.12
/** Score bonus when the span is one keyboard slip from the candidate (Fdrance/France, Beriln/Berlin). */
export const SLIP_BONUS = 0.15
/**
 * The slip bonus for a consonant left out of a spelling of `LONG_DROP_LENGTH` letters or more ("Victoia",
 * "Sheffied"): the similarity of one letter missing hardly grows with the length, but the odds that another word is
 * exactly one letter short of a long name fall.
 */
export const LONG_DROP_BONUS = 0.25
const LONG_DROP_LENGTH = 8
/** The largest slip bonus a comparison can earn (search bounds). */
export const MAX_SLIP_BONUS = LONG_DROP_BONUS

/** The largest slip bonus a key of length `aLength` can earn against one of `bLength` (`plural`: or its plural, one longer). */
function slipCeiling(aLength: number, bLength: number, plural: boolean): number {
  const long = (bLength >= LONG_DROP_LENGTH && aLength === bLength - 1) || (plural && bLength + 1 >= LONG_DROP_LENGTH && aLength === bLength)
  return long ? LONG_DROP_BONUS : SLIP_BONUS
}

/** The bonus for a consonant struck twice inside a name that has it once ("Lermonntov", "Zakkharova"). */
const DOUBLED_KEY_BONUS = 0.1

/** Is `a` the key `b` with one consonant inside it (not the last) struck once more? */
function doubledKey(a: string, b: string): boolean {
  if (a.length !== b.length + 1 || a.length < 5) return false
  let i = 1
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++
  // a[i] is the extra letter: a copy of the one before it, not at the end, the rest the same.
  if (i >= a.length - 1 || a[i] !== a[i - 1] || isVowel(a[i])) return false
  for (let k = i; k < b.length; k++) if (a.charCodeAt(k + 1) !== b.charCodeAt(k)) return false
  return true
}

/** The bonus for the span's key `a` being one keyboard slip from a known key `b` (0 when it is not). */
export function slipBonusOf(a: string, b: string): number {
  if (!keyboardSlip(a, b)) return doubledKey(a, b) ? DOUBLED_KEY_BONUS : 0
  return b.length >= LONG_DROP_LENGTH && a.length < b.length ? LONG_DROP_BONUS : SLIP_BONUS
}

/** Weight of an entity's improbability (1 - prior) against a suggestion toward it. */
export const PRIOR_WEIGHT = 0.5
/** The smallest weighted distance two different keys can have (i for y). */
const MIN_WEIGHT = 0.1

export interface FuzzyMatch {
  hit: SpellingHit
  /** The replacement: the spelling, or its plural for a demonym written in the plural. */
  output: string
  similarity: Similarity
  skeletonEqual: boolean
  /** The prior penalty the search charged, and the slip bonus it granted: enough to ask the match again at a higher bar. */
  penalty: number
  slipBonus: number
}

export interface FuzzySearch {
  /** The span is an accepted romanisation variant of a known spelling (Aleksey/Alexey). */
  accepted: boolean
  matches: FuzzyMatch[]
}

/** Similarity denominators: a distance is judged against the length of the longer key. */
export function scoreOf(weighted: number, length: number): number {
  return Math.max(0, 1 - weighted / (0.2 * length + 1.6))
}

/** The largest weighted distance that still gives `score`. */
function maxWeightFor(score: number, length: number): number {
  return (1 - score) * (0.2 * length + 1.6)
}

/**
 * Can a key of length `bLength` reach `target` (similarity plus bonuses not
 * yet counted) against a key of length `aLength`? Lengths alone: the distance
 * has at least one cheapest edit per letter of difference. `plural`: the
 * candidate may be compared in the plural, one letter longer.
 */
function reachable(aLength: number, bLength: number, target: number, plural: boolean): boolean {
  const length = Math.max(aLength, bLength)
  const bound = maxWeightFor(target, plural ? length + 1 : length)
  return bound >= MIN_WEIGHT && Math.abs(bLength - aLength) * MIN_WEIGHT <= bound + (plural ? MIN_WEIGHT : 0)
}

/** The old cheap length filter: names of very different lengths are not slips of each other. */
function lengthsClose(aLength: number, bLength: number): boolean {
  return Math.abs(bLength - aLength) <= Math.max(3, aLength * 0.4)
}

/**
 * Might a spelling of compact length `bLength` reach `needed` against the span
 * (compact key length `aLength`) with the most bonus it could earn? The fuzzy
 * search asks this of each spelling before it touches the spelling itself.
 */
function mayCompare(aLength: number, bLength: number, needed: number, skeletonEqual: boolean, pluralPossible: boolean): boolean {
  return lengthsClose(aLength, bLength) && reachable(aLength, bLength, needed - (skeletonEqual ? SKELETON_BONUS : 0) - slipCeiling(aLength, bLength, pluralPossible), pluralPossible)
}

/**
 * Could `compareSpelling` find a spelling of compact length `bLength` and first letter `bFirst` only as a keyboard
 * slip, and can it be none? A slip keeps the first letter and the length within one (of the plural too, where the
 * span may be one): most spellings of a search's lists can reach the bar only with a slip's bonus, and most of those
 * are told apart by these two numbers, without reading the spelling.
 */
function neverReached(a: string, bLength: number, bFirst: number, needed: number, skeletonEqual: boolean, pluralPossible: boolean): boolean {
  if (reachable(a.length, bLength, needed - (skeletonEqual ? SKELETON_BONUS : 0), pluralPossible)) return false
  if (a.charCodeAt(0) !== bFirst) return true
  const d = a.length - bLength
  return !(d >= -1 && d <= 1) && !(pluralPossible && d >= 0 && d <= 2)
}

/** `mayCompare` for some spelling of a compact length from `minLength` to `maxLength`. */
function someMayCompare(aLength: number, minLength: number, maxLength: number, needed: number, skeletonEqual: boolean, pluralPossible: boolean): boolean {
  for (let b = minLength; b <= maxLength; b++) if (mayCompare(aLength, b, needed, skeletonEqual, pluralPossible)) return true
  return false
}

/** Is a demonym's plural made with an s? Not of "Danish", "French", "Chinese", "Swiss" ("Danishs" is no word). */
export function pluralWithS(demonym: string): boolean {
  return !/(?:s|sh|ch|se|x|z)$/i.test(demonym)
}

/** How a span compares with one spelling: `plural`, when it is that spelling's plural (a demonym's, with an s). */
export interface SpellingComparison {
  plural: boolean
  similarity: Similarity
  slipBonus: number
}

/** The replacement a comparison suggests: the spelling, or its plural. */
export function comparedOutput(spelling: string, found: SpellingComparison): string {
  return found.plural ? spelling + 's' : spelling
}

/**
 * Compare the span's compact key `a` with the compact key `b` of one known
 * spelling; undefined when it cannot reach `needed` (similarity plus skeleton
 * bonus). Takes no spelling: a search reads the spelling's text only for the
 * few that match.
 */
export function compareSpelling(a: string, spanKey: string, b: string, demonym: boolean, needed: number, skeletonEqual: boolean): SpellingComparison | undefined {
  if (!lengthsClose(a.length, b.length)) return undefined
  const plural = demonym && spanKey.endsWith('s') && pluralWithS(b)
  const base = needed - (skeletonEqual ? SKELETON_BONUS : 0)
  // Most candidates fail even with a slip's bonus: ask whether they are a slip only when that could matter.
  if (!reachable(a.length, b.length, base - slipCeiling(a.length, b.length, plural), plural)) return undefined
  const slipPlain = slipBonusOf(a, b)
  const slipPlural = plural ? slipBonusOf(a, b + 's') : 0
  const slipBonus = Math.max(slipPlain, slipPlural)
  const target = base - slipBonus
  if (!reachable(a.length, b.length, target, plural)) return undefined
  // A hair over the bar's distance: the score decides below, as a search answered from a lower bar's decides
  // (rounding would otherwise turn away a distance of exactly the bound, 0.6 > 0.5999999999999999).
  const bound = maxWeightFor(target, plural ? Math.max(a.length, b.length) + 1 : Math.max(a.length, b.length)) + 1e-9
  let weighted = weightedDistance(a, b, bound)
  let other = b
  if (plural) {
    const asPlural = weightedDistance(a, b + 's', bound)
    if (asPlural < weighted) {
      weighted = asPlural
      other = b + 's'
    }
  }
  if (weighted > bound) return undefined
  const edits = levenshtein(a, other)
  if (edits === 0 || levenshtein(a, b) === 0) return undefined
  const score = scoreOf(weighted, Math.max(a.length, other.length))
  if (score < target) return undefined
  const slip = other === b ? slipPlain : slipPlural
  return { plural: other !== b, similarity: { score, weighted, edits, sameInitial: a[0] === b[0], slip: slip > 0, slipBonus: slip }, slipBonus }
}

/**
 * Is the span a mainland Chinese name, spelt in pinyin, with a word that is no pinyin ("Xi Jinpyng", "Shanghay")?
 * Pinyin has one spelling of each syllable: another is a slip, not a romanisation (Wade-Giles spellings are listed as
 * variants). Not a place's name that is some person's name: "Daly" is an Irish surname, not Dali in Yunnan.
 */
function breaksPinyin(index: NameIndex, entity: Entity, spanKey: string, spelling: string): boolean {
  if (entity.country !== 'CN' || (entity.type !== 'person' && (entity.type !== 'place' || index.isPersonName(spanKey) || index.isGivenName(spanKey)))) return false
  const words = (s: string) => s.split(/[\s'’-]+/).filter(Boolean)
  return words(normalizeName(spelling)).every(isPinyin) && !words(spanKey).every(isPinyin)
}

const consonantAt = (s: string, i: number) => i >= 0 && i < s.length && !isVowel(s[i])

/**
 * Do two compact keys differ by an i written y, or a y written i, between two consonants ("Putyn", "Ibrahym",
 * "Kyslyak")? Only Ukrainian and Belarusian romanise a vowel so (и as y: Volodymyr, Volodimir); elsewhere it is a slip.
 * (A y for й at a word's end, "Dmitriy", or beside a vowel, "Aleksey", stays a romanisation.)
 */
function vowelYSlip(entity: Entity, a: string, b: string): boolean {
  if (a.length !== b.length || entity.country === 'UA' || entity.country === 'BY') return false
  for (let i = 1; i < a.length - 1; i++) {
    if (a[i] === b[i]) continue
    const pair = (a[i] === 'y' && b[i] === 'i') || (a[i] === 'i' && b[i] === 'y')
    if (pair && consonantAt(a, i - 1) && consonantAt(a, i + 1) && consonantAt(b, i - 1) && consonantAt(b, i + 1)) return true
  }
  return false
}

/**
 * Countries whose names are written in another script than the Latin one (or were until lately, and reach English
 * news through Russian or Arabic spellings: Kazakhstan, Uzbekistan, Azerbaijan), so that English writes them
 * romanised, in more than one way. Names from Latin-script countries have one spelling ("Parys", "Floryda",
 * "Berlyn" are slips, not romanisations).
 */
const NON_LATIN_SCRIPT = new Set([
  // Cyrillic, Greek, Georgian, Armenian
  'RU', 'UA', 'BY', 'BG', 'RS', 'MK', 'ME', 'KZ', 'KG', 'TJ', 'UZ', 'TM', 'AZ', 'MN', 'GR', 'CY', 'GE', 'AM',
  // Arabic, Hebrew, Persian, Urdu, Pashto, Ge'ez
  'EG', 'LY', 'TN', 'DZ', 'MA', 'EH', 'MR', 'SD', 'SO', 'DJ', 'KM', 'ER', 'ET', 'SA', 'YE', 'OM', 'AE', 'QA', 'BH', 'KW',
  'IQ', 'SY', 'LB', 'JO', 'IL', 'PS', 'IR', 'AF', 'PK',
  // South, South-East and East Asian scripts
  'IN', 'BD', 'NP', 'LK', 'BT', 'MV', 'MM', 'TH', 'LA', 'KH', 'CN', 'TW', 'HK', 'MO', 'SG', 'JP', 'KR', 'KP',
])

/**
 * Is the entity's name romanised from another script, so that x/ks, i/y/j, w/v, ph/f, kh/h spellings of it are
 * all accepted (Aleksey/Alexey, Briansk/Bryansk)? English exonyms of countries and their demonyms are fixed
 * ("Sveden" is no way to write Sweden), as are names from countries of the Latin script and places of no one
 * country. A person or organisation of no known country is given the benefit of the doubt.
 */
function romanised(entity: Entity): boolean {
  // Continents, regions and seas of no one country are known by English names ("North America", not "North Ameryca").
  if (entity.type === 'demonym' || entity.id.startsWith('country-') || (entity.type === 'place' && !entity.country)) return false
  return !entity.country || NON_LATIN_SCRIPT.has(entity.country)
}

/** The compact key with umlauts spelt out (ä as ae), as German writes them without the letter. */
function umlautsSpeltOut(value: string): string {
  return compactKey(/[äöüÄÖÜ]/.test(value) ? spellOutUmlauts(value) : value)
}

/** How many letters of a compact key repeat the one before ("Nyyazov": 1). */
function doubledLetters(compact: string): number {
  let n = 0
  for (let i = 1; i < compact.length; i++) if (compact.charCodeAt(i) === compact.charCodeAt(i - 1)) n++
  return n
}

let caches = new WeakMap<NameIndex, Map<string, Map<number, FuzzySearch>>>()
const CACHE_LIMIT = 50_000
/** The commonest answer, shared: nothing to suggest. */
const NOTHING: FuzzySearch = Object.freeze({ accepted: false, matches: Object.freeze([]) as unknown as FuzzyMatch[] })
const ACCEPTED: FuzzySearch = Object.freeze({ accepted: true, matches: Object.freeze([]) as unknown as FuzzyMatch[] })

/** Forget every cached search (benchmarks measure cold searches with it). */
export function clearFuzzyCaches(): void {
  caches = new WeakMap()
  clearNeighbourCaches()
}

/**
 * Known spellings (of entities whose prior allows a suggestion) that `span`
 * may be a corruption of, with the same word count, each able to reach
 * `needed` = similarity + skeleton bonus - prior penalty.
 */
export function searchIndex(index: NameIndex, span: string, needed: number): FuzzySearch {
  let cache = caches.get(index)
  if (!cache) caches.set(index, (cache = new Map()))
  const spanKey = normalizeName(span)
  // Keyed by the span, then by the bar (rounded as the bar is computed from a handful of constants).
  const bar = Math.round(needed * 1000)
  let bySpan = cache.get(spanKey)
  const cached = bySpan?.get(bar)
  if (cached) return cached
  let result = (bySpan && fromLowerBar(bySpan, bar, needed)) ?? search(index, spanKey, needed)
  if (result.matches.length === 0) result = result.accepted ? ACCEPTED : NOTHING
  if (!bySpan) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(spanKey, (bySpan = new Map()))
  }
  bySpan.set(bar, result)
  return result
}

/**
 * The search at `needed` from one of the span's searches at a lower bar, if
 * there is one: that one found every match this one would (the bar only
 * prunes), so its matches are asked again, the way `compareSpelling` asks.
 */
function fromLowerBar(bySpan: Map<number, FuzzySearch>, bar: number, needed: number): FuzzySearch | undefined {
  let lower: number | undefined
  for (const b of bySpan.keys()) if (b < bar && (lower === undefined || b > lower)) lower = b
  if (lower === undefined) return undefined
  const from = bySpan.get(lower)!
  if (from.matches.length === 0) return from
  const matches = from.matches.filter((m) => m.similarity.score >= needed + m.penalty - (m.skeletonEqual ? SKELETON_BONUS : 0) - m.slipBonus)
  return { accepted: from.accepted, matches }
}

function search(index: NameIndex, spanKey: string, needed: number): FuzzySearch {
  const a = compactKey(spanKey)
  const key = skeleton(spanKey)
  const words = wordCount(spanKey)
  const matches: FuzzyMatch[] = []
  if (key.length === 0) return { accepted: false, matches }
  const translit = translitKey(spanKey)
  const variant = spellingVariantKey(spanKey)
  let accepted = false
  // An accepted variant shares the skeleton: look through that whole list first, likeliest entity first. The
  // likeliest entity so spelt decides: "Ukrayne" is no romanisation of Ukraine because a village of that name is one.
  // A letter doubled where the name has it once is a slip, not a romanisation ("Nyyazov", "Beiijng").
  const doubled = doubledLetters(a)
  const neighbours = index.neighbourLists(key)
  // The key's own entry comes first when the index has it.
  const own = neighbours.length > 0 && neighbours[0].key === key ? neighbours[0] : undefined
  if (own) {
    forEachSpelling(index, own, (layer, s, shape) => {
      if (shapeWords(shape) !== words || index.spellingTranslit(layer, s) !== translit) return true
      // A name of the Latin script has one spelling, but for its umlauts spelt out ("Schroeder" for Schröder).
      const spelling = index.layers[layer].spellings[s]
      const entity = index.entityOf(layer, s)
      accepted = romanised(entity)
        ? doubled <= doubledLetters(index.spellingCompact(layer, s)) && !breaksPinyin(index, entity, spanKey, spelling) && !vowelYSlip(entity, a, index.spellingCompact(layer, s))
        : umlautsSpeltOut(spanKey) === umlautsSpeltOut(spelling)
      return false
    })
  }
  if (accepted) return { accepted, matches }
  // British and American spellings, Mac and Mc: house style, never a slip.
  if (variant !== spanKey) {
    for (const entry of neighbours) {
      forEachSpelling(index, entry, (layer, s, shape) => {
        if (shapeWords(shape) !== words || index.spellingVariant(layer, s) !== variant) return true
        accepted = true
        return false
      })
      if (accepted) return { accepted, matches }
    }
  }
  // The best similarity any candidate can have: one cheapest edit on the longest allowed key.
  const longest = a.length + Math.max(3, a.length * 0.4) + 1
  const bestScore = scoreOf(MIN_WEIGHT, longest)
  // Not even the likeliest entity one cheapest edit away could reach the bar: no candidates to look for.
  // The long-drop bonus goes only to a key one letter short of a long spelling.
  const slipMost = a.length >= LONG_DROP_LENGTH - 1 ? LONG_DROP_BONUS : SLIP_BONUS
  if (bestScore + SKELETON_BONUS + slipMost < needed) return { accepted, matches }
  const spanEndsWithS = spanKey.endsWith('s')
  // Each spelling is filed under one skeleton, so the lists hold no spelling twice.
  for (const entry of neighbours) {
    const skeletonEqual = entry.key === key
    const ceiling = bestScore + (skeletonEqual ? SKELETON_BONUS : 0) + slipMost
    // Most keys hold no spelling that could reach the bar, by its prior or its length: passed over untouched.
    const leastPenalty = (1 - entry.maxPrior) * PRIOR_WEIGHT
    if (ceiling - leastPenalty < needed || !someMayCompare(a.length, entry.minLength, entry.maxLength, needed + leastPenalty, skeletonEqual, spanEndsWithS)) continue
    // A key two letters longer is one with a letter lost between two of the same ("Reuers" for Reuters), or struck
    // as a vowel ("Reuyers"): only spellings one letter longer than the span, or as long, can be that slip.
    const lost = entry.key.length === key.length + 2
    if (lost && (a.length + 1 < entry.minLength || a.length > entry.maxLength)) continue
    const walk = (layer: number, start: number, end: number) => {
      const { spellings, priors, shapes, compacts } = index.pools[layer]
      for (let j = start; j < end; j++) {
        const penalty = (1 - priors[j]) * PRIOR_WEIGHT
        // Sorted by prior: every later entity is as improbable or more.
        if (ceiling - penalty < needed) break
        const shape = shapes[j]
        if (shapeWords(shape) !== words || (lost && shapeLength(shape) !== a.length + 1 && shapeLength(shape) !== a.length)) continue
        // Lengths first: the spelling's own string is read only for the few that pass.
        if (!mayCompare(a.length, shapeLength(shape), needed + penalty, skeletonEqual, spanEndsWithS)) continue
        if (neverReached(a, shapeLength(shape), shapeFirst(shape), needed + penalty, skeletonEqual, spanEndsWithS)) continue
        const s = spellings[j]
        if (index.isDisabled(layer, s)) continue
        const found = compareSpelling(a, spanKey, compacts[j], spanEndsWithS && index.entityOf(layer, s).type === 'demonym', needed + penalty, skeletonEqual)
        if (!found) continue
        matches.push({ hit: index.hit(layer, s), output: comparedOutput(index.layers[layer].spellings[s], found), similarity: found.similarity, skeletonEqual, penalty, slipBonus: found.slipBonus })
      }
    }
    walk(entry.layer, entry.start, entry.end)
    if (entry.more) for (let r = 0; r < entry.more.length; r += 3) walk(entry.more[r], entry.more[r + 1], entry.more[r + 2])
  }
  return { accepted, matches }
}

/** Visit the spellings of one entry, most probable entity first, but those switched off; `visit` returns false to stop. */
function forEachSpelling(index: NameIndex, entry: NeighbourEntry, visit: (layer: number, spelling: number, shape: number) => boolean): void {
  const walk = (layer: number, start: number, end: number): boolean => {
    const { spellings, shapes } = index.pools[layer]
    for (let j = start; j < end; j++) {
      if (index.isDisabled(layer, spellings[j])) continue
      if (!visit(layer, spellings[j], shapes[j])) return false
    }
    return true
  }
  if (!walk(entry.layer, entry.start, entry.end) || !entry.more) return
  for (let r = 0; r < entry.more.length; r += 3) if (!walk(entry.more[r], entry.more[r + 1], entry.more[r + 2])) return
}

/** The fuzzy-eligible spellings of one entity (for entities the document names). */
export function entitySpellings(index: NameIndex, entityKey: string): Array<{ hit: SpellingHit; compact: string; skeleton: string }> {
  return index.entitySpellings(entityKey).filter((x) => x.hit.kind <= SpellingKind.Form)
}

export type { Entity }
