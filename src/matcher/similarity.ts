/**
 * How alike two spellings of a name are, modelled on how names break in
 * translation and transcription rather than on keyboard typos alone: vowels are
 * dropped, swapped or re-guessed (Shoigu/Shuigu), k/q/c, y/i/j, w/v, s/z, f/ph,
 * kh/h alternate, doubled letters are lost or added (Pigott/Piggott), final
 * clusters drop (Bryansk/Briance), OCR confuses l/I, e/c, rn/m, cl/d.
 */
import { distance as levenshtein } from 'fastest-levenshtein'
import { compactKey, isVowel } from './normalize.js'

const CLASSES: string[][] = [
  ['k', 'q', 'c', 'g'],
  ['y', 'i', 'j'],
  ['w', 'v', 'u'],
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

const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const KEY_POS = new Map<string, [number, number]>()
KEYBOARD.forEach((row, r) => [...row].forEach((c, i) => KEY_POS.set(c, [r, i + r * 0.5])))
function adjacentKeys(a: string, b: string): boolean {
  const p = KEY_POS.get(a)
  const q = KEY_POS.get(b)
  if (!p || !q) return false
  return Math.abs(p[0] - q[0]) <= 1 && Math.abs(p[1] - q[1]) <= 1
}

export function substitutionCost(a: string, b: string): number {
  if (a === b) return 0
  const va = isVowel(a)
  const vb = isVowel(b)
  if (va && vb) return 0.25
  if (CLASS_OF.get(a)?.has(b)) return 0.45
  if (adjacentKeys(a, b)) return 0.75
  return 1
}

function indelCost(s: string, i: number): number {
  const c = s[i]
  if (isVowel(c)) return 0.3
  if (c === 'h') return 0.45
  if (i > 0 && s[i - 1] === c) return 0.25 // doubled letter
  if (i + 1 < s.length && s[i + 1] === c) return 0.25
  if (i === s.length - 1) return 0.6 // final cluster lost
  return 1
}

/**
 * Weighted Damerau-style distance between two normalised compact keys.
 * Transpositions cost 0.6; OCR digraphs rn/m and cl/d cost 0.4.
 */
export function weightedDistance(a: string, b: string): number {
  const n = a.length
  const m = b.length
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + indelCost(a, i - 1)
  for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + indelCost(b, j - 1)
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = Math.min(
        d[i - 1][j] + indelCost(a, i - 1),
        d[i][j - 1] + indelCost(b, j - 1),
        d[i - 1][j - 1] + substitutionCost(a[i - 1], b[j - 1]),
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2][j - 2] + 0.6)
      }
      // "qu" written for "k" (Quaran/Korean)
      if (i > 1 && a[i - 2] === 'q' && a[i - 1] === 'u' && (b[j - 1] === 'k' || b[j - 1] === 'c')) best = Math.min(best, d[i - 2][j - 1] + 0.3)
      if (j > 1 && b[j - 2] === 'q' && b[j - 1] === 'u' && (a[i - 1] === 'k' || a[i - 1] === 'c')) best = Math.min(best, d[i - 1][j - 2] + 0.3)
      // A final "ce" for "s"/"sk" (Briance/Bryansk): the e is silent, the c is s.
      if (i === n && i > 1 && a[i - 2] === 'c' && a[i - 1] === 'e' && b[j - 1] === 's') best = Math.min(best, d[i - 2][j - 1] + 0.2)
      if (j === m && j > 1 && b[j - 2] === 'c' && b[j - 1] === 'e' && a[i - 1] === 's') best = Math.min(best, d[i - 1][j - 2] + 0.2)
      // OCR digraphs: "rn" read for "m", "cl" for "d" (either direction).
      if (i > 1 && ((a[i - 2] === 'r' && a[i - 1] === 'n' && b[j - 1] === 'm') || (a[i - 2] === 'c' && a[i - 1] === 'l' && b[j - 1] === 'd'))) {
        best = Math.min(best, d[i - 2][j - 1] + 0.4)
      }
      if (j > 1 && ((b[j - 2] === 'r' && b[j - 1] === 'n' && a[i - 1] === 'm') || (b[j - 2] === 'c' && b[j - 1] === 'l' && a[i - 1] === 'd'))) {
        best = Math.min(best, d[i - 1][j - 2] + 0.4)
      }
      d[i][j] = best
    }
  }
  return d[n][m]
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
