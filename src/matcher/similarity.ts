/**
 * How alike two spellings of a name are, modelled on how names break in
 * translation and transcription rather than on keyboard typos alone: vowels are
 * dropped, swapped or re-guessed (Shoigu/Shuigu), k/q/c, y/i/j, w/v, s/z, f/ph,
 * kh/h alternate, doubled letters are lost or added (Pigott/Piggott), final
 * clusters drop (Bryansk/Briance), OCR confuses l/I, e/c, rn/m, cl/d.
 */
import { distance as levenshtein } from 'fastest-levenshtein'
import { compactKey, isVowel } from './normalize.js'
import { adjacentKeys } from './keyboard.js'

const CLASSES: string[][] = [
  ['k', 'q', 'c', 'g'],
  ['y', 'i', 'j'],
  ['w', 'v', 'u'],
  ['w', 'o'], // one letter (vav) in Persian and Arabic script
  ['s', 'z', 'c'],
  ['f', 'p', 'v'],
  ['d', 't'],
  ['b', 'p'],
  ['l', 'i'], // OCR: I read as l after lowercasing
  ['e', 'c'], // OCR
  ['m', 'n'],
  ['h', 'k'],
  ['x', 'k'],
]
const CLASS_OF = new Map<string, Set<string>>()
for (const group of CLASSES) {
  for (const c of group) {
    const set = CLASS_OF.get(c) ?? new Set<string>()
    for (const d of group) if (d !== c) set.add(d)
    CLASS_OF.set(c, set)
  }
}


/**
 * Is `found` one keyboard slip away from `known` (both compact keys): a key next
 * to the intended one struck instead of it (Oxvam/Oxfam), a neighbouring key
 * struck as well (Fdrance/France), two letters swapped (Beriln/Berlin), or a
 * consonant left out (Hollyood/Hollywood)? Only slips that touch a consonant
 * count (vowel changes are the transliteration model's), and never on the first
 * letter, the one writers check.
 */
export function keyboardSlip(found: string, known: string): boolean {
  const n = found.length
  const m = known.length
  if (Math.abs(n - m) > 1 || n < 3 || m < 3) return false
  let i = 0
  while (i < n && i < m && found.charCodeAt(i) === known.charCodeAt(i)) i++
  if (i === 0 || (i === n && i === m)) return false
  // Tails are compared in place: this runs for most candidates of every fuzzy search.
  if (n === m) {
    const a = found[i]
    const b = known[i]
    // Letters romanisation alternates (k/c, s/z, Ukrainian h for g) are the transliteration model's, not slips.
    // Nor is a double moved to another letter (Asaad/Assad): that is the doubling model's. (A key struck for its
    // neighbour beside the same letter is a slip: "Reutees".)
    if (sameTail(found, i + 1, known, i + 1)) {
      if ((a === found[i - 1] || a === found[i + 1]) && (b === known[i - 1] || b === known[i + 1])) return false
      return !(isVowel(a) && isVowel(b)) && adjacentKeys(a, b) && !CLASS_OF.get(a)?.has(b) && !((a === 'g' && b === 'h') || (a === 'h' && b === 'g'))
    }
    // Two neighbouring letters swapped.
    return i + 1 < n && found[i + 1] === b && known[i + 1] === a && !(isVowel(a) && isVowel(b)) && sameTail(found, i + 2, known, i + 2)
  }
  if (n === m + 1) {
    // A letter struck with its neighbour: next to the letter before or after it on the keyboard (a doubled letter is no slip of this kind).
    // Not a letter added at the end: that makes another word ("YouTuber").
    const extra = found[i]
    if (i === n - 1 || !sameTail(found, i + 1, known, i)) return false
    if (isVowel(extra) || extra === found[i - 1] || extra === found[i + 1]) return false
    return adjacentKeys(extra, found[i - 1]) || (i + 1 < n && adjacentKeys(extra, found[i + 1]))
  }
  // A consonant left out (not a doubled one, not the last letter).
  const missing = known[i]
  if (!sameTail(found, i, known, i + 1)) return false
  return i < m - 1 && !isVowel(missing) && missing !== known[i - 1] && missing !== known[i + 1]
}

/** Is `x` from `i` on the same as `y` from `j` on (both to their ends)? */
function sameTail(x: string, i: number, y: string, j: number): boolean {
  if (x.length - i !== y.length - j) return false
  for (; i < x.length; i++, j++) if (x.charCodeAt(i) !== y.charCodeAt(j)) return false
  return true
}

export function substitutionCost(a: string, b: string): number {
  if (a === b) return 0
  // i and y are one letter to romanisation (Briansk/Bryansk, Yulia/Iulia).
  if ((a === 'i' && b === 'y') || (a === 'y' && b === 'i')) return 0.1
  const va = isVowel(a)
  const vb = isVowel(b)
  if (va && vb) return 0.25
  if (CLASS_OF.get(a)?.has(b)) return 0.45
  if (adjacentKeys(a, b)) return 0.6
  return 1
}

// Substitution costs of the ASCII letters and digits as a table: the distance
// runs for every candidate, so its inner loop must not build strings or sets.
const TABLE_SIZE = 128
const SUB = new Float64Array(TABLE_SIZE * TABLE_SIZE)
for (let x = 0; x < TABLE_SIZE; x++) {
  for (let y = 0; y < TABLE_SIZE; y++) SUB[x * TABLE_SIZE + y] = substitutionCost(String.fromCharCode(x), String.fromCharCode(y))
}
const ADJACENT = new Uint8Array(TABLE_SIZE * TABLE_SIZE)
for (let x = 97; x <= 122; x++) for (let y = 97; y <= 122; y++) if (x !== y && adjacentKeys(String.fromCharCode(x), String.fromCharCode(y))) ADJACENT[x * TABLE_SIZE + y] = 1
const VOWEL_CODE = new Uint8Array(TABLE_SIZE)
for (const c of 'aeiouy') VOWEL_CODE[c.charCodeAt(0)] = 1
const H = 104, Q = 113, U = 117, K = 107, C = 99, E = 101, S = 115, R = 114, N = 110, M = 109, L = 108, D = 100, T = 116


/** Deletion/insertion cost of each letter of `s` in context (vowel, h, doubled, final). */
function indelCosts(s: string, out: Float64Array): void {
  const n = s.length
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c < TABLE_SIZE && VOWEL_CODE[c]) out[i] = 0.3
    else if (c === H) out[i] = 0.45
    // The t that French and German romanisations put before "ch" (Tchad, Chad; Tchaikovsky, Chaikovsky).
    else if (c === T && s.charCodeAt(i + 1) === C && s.charCodeAt(i + 2) === H) out[i] = 0.2
    else if ((i > 0 && s.charCodeAt(i - 1) === c) || (i + 1 < n && s.charCodeAt(i + 1) === c)) out[i] = 0.25 // doubled letter
    else if (i === n - 1) out[i] = i > 0 && !(s.charCodeAt(i - 1) < TABLE_SIZE && VOWEL_CODE[s.charCodeAt(i - 1)]) ? 0.35 : 0.6 // final letter lost: cheap at the end of a cluster (Bryansk/Bryans)
    // A letter struck with the key beside its neighbour (Fdrance, France): a slip of the finger, as a neighbouring key is.
    else if (c < TABLE_SIZE && ((i > 0 && ADJACENT[c * TABLE_SIZE + s.charCodeAt(i - 1)] === 1) || ADJACENT[c * TABLE_SIZE + s.charCodeAt(i + 1)] === 1)) out[i] = 0.6
    else out[i] = 1
  }
}

let rowsSize = 0
let row0 = new Float64Array(0)
let row1 = new Float64Array(0)
let row2 = new Float64Array(0)
let costA = new Float64Array(0)
let costB = new Float64Array(0)
let digraphA = new Uint8Array(0)
let digraphB = new Uint8Array(0)
/** The string whose costs and digraph ends `costA` and `digraphA` hold. */
let costsOf: string | undefined
let digraphsOfA = false
function ensure(n: number, m: number): void {
  const size = Math.max(n, m) + 2
  if (size <= rowsSize) return
  rowsSize = Math.max(size, rowsSize * 2, 32)
  costsOf = undefined
  row0 = new Float64Array(rowsSize)
  row1 = new Float64Array(rowsSize)
  row2 = new Float64Array(rowsSize)
  costA = new Float64Array(rowsSize)
  costB = new Float64Array(rowsSize)
  digraphA = new Uint8Array(rowsSize)
  digraphB = new Uint8Array(rowsSize)
}

/**
 * Weighted Damerau-style distance between two normalised compact keys.
 * Transpositions cost 0.6; "qu" for k 0.3; a final "ce" for s 0.2; OCR
 * digraphs rn/m and cl/d 0.4. Returns Infinity as soon as the distance must
 * exceed `max` (no path can pass two consecutive rows above it).
 */
export function weightedDistance(a: string, b: string, max = Infinity): number {
  const n = a.length
  const m = b.length
  ensure(n, m)
  // A search compares one span with many spellings: the span's costs are worked out once.
  if (a !== costsOf) {
    indelCosts(a, costA)
    // Most letters start no digraph the model knows: the cells of those rows and columns skip its rules.
    digraphsOfA = digraphEnds(a, digraphA)
    costsOf = a
  }
  indelCosts(b, costB)
  const digraphsA = digraphsOfA
  const digraphsB = digraphEnds(b, digraphB)
  // prev2 = row i-2, prev = row i-1, cur = row i.
  let prev2 = row0
  let prev = row1
  let cur = row2
  prev[0] = 0
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + costB[j - 1]
  let lastRowMin = 0
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1)
    const ai1 = i > 1 ? a.charCodeAt(i - 2) : -1
    const delA = costA[i - 1]
    // Row i ends a digraph of a (its last letter is a[i-1]).
    const digraphRow = digraphsA && digraphA[i - 1] === 1
    const subRow = ai < TABLE_SIZE ? ai * TABLE_SIZE : -1
    cur[0] = prev[0] + delA
    let rowMin = cur[0]
    let bj1 = -1
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1)
      let best = prev[j] + delA
      const ins = cur[j - 1] + costB[j - 1]
      if (ins < best) best = ins
      if (ai === bj) {
        const sub = prev[j - 1]
        if (sub < best) best = sub
      } else {
        const sub = prev[j - 1] + (subRow >= 0 && bj < TABLE_SIZE ? SUB[subRow + bj] : substitutionCost(a[i - 1], b[j - 1]))
        if (sub < best) best = sub
        // Two neighbouring letters swapped.
        if (ai === bj1 && ai1 === bj) {
          const t = prev2[j - 2] + 0.6
          if (t < best) best = t
        }
      }
      if (digraphRow) {
        // "qu" written for "k" (Quaran/Korean)
        if (ai1 === Q && ai === U && (bj === K || bj === C)) {
          const t = prev2[j - 1] + 0.3
          if (t < best) best = t
        }
        // "ch" written for "k" (Lynk/Lynch), "th" for "s" (Asens/Athens): one sound, two spellings.
        if (ai === H && ((ai1 === C && bj === K) || (ai1 === T && bj === S))) {
          const t = prev2[j - 1] + 0.3
          if (t < best) best = t
        }
        // A final "ce" for "s"/"sk" (Briance/Bryansk): the e is silent, the c is s.
        if (i === n && ai1 === C && ai === E && bj === S) {
          const t = prev2[j - 1] + 0.2
          if (t < best) best = t
        }
        if ((ai1 === R && ai === N && bj === M) || (ai1 === C && ai === L && bj === D)) {
          const t = prev2[j - 1] + 0.4
          if (t < best) best = t
        }
      }
      if (digraphsB && digraphB[j - 1] === 1) {
        if (bj1 === Q && bj === U && (ai === K || ai === C)) {
          const t = prev[j - 2] + 0.3
          if (t < best) best = t
        }
        if (bj === H && ((bj1 === C && ai === K) || (bj1 === T && ai === S))) {
          const t = prev[j - 2] + 0.3
          if (t < best) best = t
        }
        if (j === m && bj1 === C && bj === E && ai === S) {
          const t = prev[j - 2] + 0.2
          if (t < best) best = t
        }
        // OCR digraphs: "rn" read for "m", "cl" for "d" (either direction).
        if ((bj1 === R && bj === N && ai === M) || (bj1 === C && bj === L && ai === D)) {
          const t = prev[j - 2] + 0.4
          if (t < best) best = t
        }
      }
      cur[j] = best
      if (best < rowMin) rowMin = best
      bj1 = bj
    }
    // Every path crosses row i-1 or row i (jumps span at most two rows).
    if (rowMin > max && lastRowMin > max) return Infinity
    lastRowMin = rowMin
    const t = prev2
    prev2 = prev
    prev = cur
    cur = t
  }
  return prev[m]
}

/**
 * Mark in `out` each letter of `s` that ends a digraph the distance has a rule for (qu, ch, th, ce, rn, cl);
 * true if there is any.
 */
function digraphEnds(s: string, out: Uint8Array): boolean {
  let any = false
  out[0] = 0
  for (let i = 1; i < s.length; i++) {
    const x = s.charCodeAt(i - 1)
    const y = s.charCodeAt(i)
    const digraph = (x === Q && y === U) || (y === H && (x === C || x === T)) || (x === C && (y === E || y === L)) || (x === R && y === N)
    out[i] = digraph ? 1 : 0
    if (digraph) any = true
  }
  return any
}

export interface Similarity {
  /** 0..1, 1 = same spelling. */
  score: number
  /** Weighted transliteration distance. */
  weighted: number
  /** Plain Levenshtein distance. */
  edits: number
  /** First letters agree (after folding). */
  sameInitial: boolean
  /** One keyboard slip apart (see `keyboardSlip`). */
  slip?: boolean
  /** The score bonus the slip earns, where a fuzzy search worked it out (see `slipBonusOf`). */
  slipBonus?: number
}

/** Compare a spelling found in text with a dictionary spelling. */
export function similarity(found: string, known: string): Similarity {
  const a = compactKey(found)
  const b = compactKey(known)
  const weighted = weightedDistance(a, b)
  const edits = levenshtein(a, b)
  const len = Math.max(a.length, b.length, 1)
  const score = Math.max(0, 1 - weighted / (0.2 * len + 1.6))
  return { score, weighted, edits, sameInitial: a[0] === b[0] }
}
