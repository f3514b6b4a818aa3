/**
 * Text normalisation shared by the dictionary compiler and the matcher.
 *
 * `normalizeName` gives the key under which spellings are treated as the same
 * name: case, diacritics, apostrophe style, hyphen-vs-space and "&" for "and"
 * do not count ("Kim Jong-un" = "kim jong un", "Qur’an" = "qur'an",
 * "Marks & Spencer" = "marks and spencer").
 */

import { adjacentKeys } from './keyboard.js'

const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u02BB\u0060\u00B4\u2032]/g
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g
// Apostrophes are folded to the straight one (so possessives can be found);
// name keys drop them altogether ("Qur'an" and "Quran" are one spelling).
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g')

/** Fold typographic variants (curly apostrophes, dashes) without changing length-relevant letters. */
export function foldPunctuation(value: string): string {
  return value.replace(APOSTROPHES, "'").replace(DASHES, '-')
}

/** Strip diacritics and special letters, lowercase. */
export function foldLetters(value: string): string {
  return value
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}


/** A bounded memo: the same spellings recur across tokens and documents. */
function memo(fn: (value: string) => string): (value: string) => string {
  let cache = new Map<string, string>()
  return (value) => {
    let out = cache.get(value)
    if (out === undefined) {
      if (cache.size > 100_000) cache = new Map()
      out = fn(value)
      cache.set(value, out)
    }
    return out
  }
}

/** Is `value` made of ASCII letters only (most words of English text), whose key is its lower case? */
function asciiLetters(value: string): boolean {
  if (value.length === 0) return false
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) | 32
    if (c < 97 || c > 122) return false
  }
  return true
}

const normalizeSlow = memo((value: string) =>
  foldLetters(foldPunctuation(value))
    .replace(/'/g, '')
    .replace(/[-.\s]+/g, ' ')
    .trim()
    // An ampersand standing as a word is "and": "Marks & Spencer" = "Marks and Spencer" ("AT&T" keeps its own).
    .replace(/(?<=^| )&(?= |$)/g, 'and'),
)

/** The matching key of a name. Plain ASCII words skip the memo: lower-casing them costs less than a lookup. */
export function normalizeName(value: string): string {
  return asciiLetters(value) ? value.toLowerCase() : normalizeSlow(value)
}

const compactSlow = memo((value: string) => normalizeName(value).replace(/ /g, ''))

/** Words in a normalised key: its spaces, plus one. */
export function wordCount(key: string): number {
  let n = 1
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++
  return n
}

/** Name key without spaces: "North Korean" -> "northkorean". */
export function compactKey(value: string): string {
  return asciiLetters(value) ? value.toLowerCase() : compactSlow(value)
}

/** Does the word end in a hiss (s, x, z, ch, sh), so that its plural takes "-es" ("Texas", "Texases"; not "Texass")? */
export function endsInHiss(word: string): boolean {
  return /(?:s|x|z|ch|sh)$/.test(word)
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y'])
export function isVowel(c: string): boolean {
  return VOWELS.has(c)
}

/**
 * A transliteration skeleton: the consonant frame of a name after folding the
 * letters that translation and romanisation swap (k/q/c, w/v, ph/f, kh/h, z/s,
 * j/y/i) and dropping vowels and doubled letters. "Shoigu", "Shuigu" and "Shog"
 * share the skeleton "shg"; "North Korean" and "North Quaran" share "nrtkrn".
 * Used as the key of the fuzzy index, so that candidates come from a hash
 * lookup, never a scan.
 */
/** Letter groups folded by romanisation, applied in order (digraphs before single letters). */
const SKELETON_FOLDS: Array<[RegExp, string]> = [
  // A doubled letter counts once, before letter groups are folded ("Scchumer" is Schumer's skeleton, shmr).
  [/[^a-z]/g, ''], [/([a-z])\1+/g, '$1'], [/sch/g, 'sh'], [/tch/g, 'ch'], [/ph/g, 'f'], [/kh/g, 'h'], [/gh/g, 'g'], [/ck/g, 'k'],
  [/qu/g, 'k'], [/q/g, 'k'], [/c(?=[eiy])/g, 's'], [/ch/g, 'C'], [/c/g, 'k'], [/x/g, 'ks'], [/w/g, 'v'],
  [/z/g, 's'], [/j/g, 'y'], [/dh/g, 'd'], [/th/g, 't'],
]

export const skeleton = memo(skeletonOf)
/**
 * The skeleton of each word, joined: letters of two words never fold or count once together ("Andrew Wheeler",
 * ndrv vhlr, is not "Andrew Hayler", ndrv hlr; "Mark Hughes" has no "kh").
 */
function skeletonOf(value: string): string {
  if (!/[\s\-\u2010-\u2014]/.test(value)) return wordSkeleton(value)
  let out = ''
  for (const word of value.split(/[\s\-\u2010-\u2014]+/)) out += wordSkeleton(word)
  return out
}
function wordSkeleton(value: string): string {
  let s = compactKey(value)
  for (const [pattern, replacement] of SKELETON_FOLDS) s = s.replace(pattern, replacement)
  let out = ''
  for (const c of s) {
    if (VOWELS.has(c)) continue
    if (out.length > 0 && out[out.length - 1] === c) continue
    out += c
  }
  return out
}

/** Letters a skeleton can hold, for generating neighbouring keys. */
export const SKELETON_ALPHABET = 'bdfghklmnprstvCs'.split('').filter((c, i, a) => a.indexOf(c) === i)

/** Keys one edit (delete, insert, substitute, swap of neighbours) away from a skeleton, the skeleton included. */
export function skeletonNeighbours(key: string): string[] {
  const out = new Set<string>([key])
  for (let i = 0; i < key.length; i++) {
    out.add(key.slice(0, i) + key.slice(i + 1))
    if (i + 1 < key.length && key[i] !== key[i + 1]) out.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2))
    for (const c of SKELETON_ALPHABET) {
      if (c !== key[i]) out.add(key.slice(0, i) + c + key.slice(i + 1))
    }
  }
  for (let i = 0; i <= key.length; i++) {
    for (const c of SKELETON_ALPHABET) out.add(key.slice(0, i) + c + key.slice(i))
  }
  return [...out]
}

/**
 * The keys of names with a letter between two of the same that a slip dropped, so that the two then count once:
 * "Reuers" (rs) for Reuters (rtrs), "Clinon" (kln) for Clinton (klntn). One letter lost, two out of the skeleton.
 */
export function pairExpansions(key: string): string[] {
  const out: string[] = []
  if (key.length < 2) return out
  for (let i = 0; i < key.length; i++) {
    for (const c of SKELETON_ALPHABET) if (c !== key[i]) out.push(key.slice(0, i + 1) + c + key.slice(i))
  }
  return out
}

const UMLAUT_SPELLED: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' }

/** `value` with every umlaut written out with an e ("Schröder" -> "Schroeder"). */
export function spellOutUmlauts(value: string): string {
  return value.replace(/[äöüÄÖÜ]/g, (c) => UMLAUT_SPELLED[c])
}

/**
 * A key under which romanisation variants of one name coincide (Alexey/Aleksey/
 * Alexei, Yulia/Yulya): x=ks, j=y=i, ph=f, kh=h, ou=u, w=v; an umlaut written
 * out with an e (Schröder/Schroeder, Trollhättan/Trollhaettan); the Russian
 * ending -iy/-y of each word (Volzhskiy/Volzhsky, Dmitriy/Dmitry), and Ye/E at
 * its start (Yesenin/Esenin, Yevgeny/Evgeny). Doubling and dropped
 * vowels still count, so "Tonny" is no variant of "Tony".
 */
export const translitKey = memo((value: string) =>
  compactKey(
    (/[äöüÄÖÜ]/.test(value) ? spellOutUmlauts(value) : value)
      // Word by word: -iy/-ij for -y at a word's end (Dmitriy/Dmitry, Yuriy/Yury), Ye- or E- at its start (Yesenin/Esenin).
      .replace(/i[yj](?=$|[\s\-‐‑–])/giu, 'y')
      .replace(/(^|[\s\-‐‑–])y(?=e)/giu, '$1'),
  )
    .replace(/x/g, 'ks')
    .replace(/[jiy]/g, 'y')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ou/g, 'u')
    .replace(/w/g, 'v'),
)

/**
 * Are two skeletons within one edit, a swap of two neighbouring letters
 * counting as one ("Bronw"/"Brown"; for keys under three letters: equal,
 * `candidate` is `key` less one letter, or of a two-letter key one letter more)? A letter slipped in between two of
 * the same counts as one edit too, since the pair then counts once ("plstnbn"/"plstn"). The same neighbourhood the fuzzy index
 * is searched with, for small in-document lists.
 */
export function skeletonsClose(key: string, candidate: string): boolean {
  if (key === candidate) return true
  const n = key.length
  const m = candidate.length
  // A letter lost between two of the same, which then count once ("Reuers", rs, for Reuters, rtrs).
  if (m === n + 2) return n >= 2 && slippedBetweenPair(candidate, key)
  if (n < 3) {
    // A short key matches its own deletions and, of two letters, the keys one letter longer ("Ronania", rn, is a
    // slip of Romania, rmn), as the fuzzy index is searched; not the keys one substitution away.
    if (m === n - 1) {
      for (let i = 0; i < n; i++) if (sameAfterSkip(key, i, candidate)) return true
    } else if (n === 2 && m === 3) {
      for (let i = 0; i < m; i++) if (sameAfterSkip(candidate, i, key)) return true
    } else if (n === 2 && m === 2) {
      // A two-letter key reaches the keys one slip of the finger away ("Urufuay", rf, for Uruguay, rg): a key next to
      // the one meant, not any letter.
      return (key[0] === candidate[0] && adjacentKeys(key[1], candidate[1])) || (key[1] === candidate[1] && adjacentKeys(key[0], candidate[0]))
    }
    return false
  }
  if (n === m + 2) return slippedBetweenPair(key, candidate)
  if (n === m + 1 && key.includes('h') && digraphReadings(key).includes(candidate)) return true
  if (Math.abs(n - m) > 1) return false
  let i = 0
  while (i < n && i < m && key.charCodeAt(i) === candidate.charCodeAt(i)) i++
  // Compared in place (no slices: this runs for every pair of document spellings).
  if (n === m) {
    // One substitution at i, or two neighbouring letters swapped there.
    if (sameFrom(key, candidate, i + 1)) return true
    return i + 1 < n && key.charCodeAt(i) === candidate.charCodeAt(i + 1) && key.charCodeAt(i + 1) === candidate.charCodeAt(i) && sameFrom(key, candidate, i + 2)
  }
  if (n > m) {
    for (let k = i; k < m; k++) if (key.charCodeAt(k + 1) !== candidate.charCodeAt(k)) return false
    return true
  }
  for (let k = i; k < n; k++) if (key.charCodeAt(k) !== candidate.charCodeAt(k + 1)) return false
  return true
}

/** Do two keys of one length agree from `from` on? */
function sameFrom(a: string, b: string, from: number): boolean {
  for (let k = from; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false
  return true
}

/** What the skeleton folds a digraph into: ch, th, ph, gh, dh, kh. */
export const DIGRAPH_SYMBOLS = ['C', 't', 'f', 'g', 'd', 'h']

/**
 * The keys `key` would have had if a letter "X" before an "h" were the first letter of a digraph it mistyped
 * ("Frenvh", frnvh, for French, frnC), or if an "h" and the letter after it were a digraph written the wrong way
 * round ("Badenohc", bdnhk, for Badenoch, bdnC): a slip there changes the skeleton by two.
 */
export function digraphReadings(key: string): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < key.length; i++) {
    // The two letters of a digraph swapped ("Badenohc", bdnhk, for Badenoch, bdnC).
    const swapped = key[i] === 'h' ? SWAPPED_DIGRAPHS[key[i + 1]] : undefined
    if (swapped) for (const symbol of swapped) {
      const reading = key.slice(0, i) + symbol + key.slice(i + 2)
      if (!out.includes(reading)) out.push(reading)
    }
    if (key[i + 1] !== 'h' || key[i] === 'h') continue
    for (const symbol of DIGRAPH_SYMBOLS) {
      const reading = key.slice(0, i) + symbol + key.slice(i + 2)
      if (reading !== key && !out.includes(reading)) out.push(reading)
    }
  }
  return out
}

/** What "h" and the letter after it fold into when they are a digraph written the wrong way round ("hc" for "ch"). */
const SWAPPED_DIGRAPHS: Record<string, string[]> = { k: ['C', 'h'], t: ['t'], f: ['f'], p: ['f'], g: ['g'], d: ['d'] }

/**
 * Is `key` `candidate` with a letter slipped in between two of the same, which in the candidate count once
 * ("Palestiniabn", plstnbn, and Palestinian, plstn)?
 */
function slippedBetweenPair(key: string, candidate: string): boolean {
  let i = 0
  while (i < candidate.length && key.charCodeAt(i) === candidate.charCodeAt(i)) i++
  // key[i] is the slip, key[i + 1] the second of the pair.
  if (i < 1 || key[i - 1] !== key[i + 1]) return false
  for (let k = i; k < candidate.length; k++) if (key.charCodeAt(k + 2) !== candidate.charCodeAt(k)) return false
  return true
}

/** Is `key` without its letter at `skip` equal to `other`? */
function sameAfterSkip(key: string, skip: number, other: string): boolean {
  if (other.length !== key.length - 1) return false
  for (let k = 0, j = 0; k < key.length; k++) {
    if (k === skip) continue
    if (key.charCodeAt(k) !== other.charCodeAt(j++)) return false
  }
  return true
}

/**
 * A key under which British and American spellings, and Mac/Mc, of one name
 * coincide ("Department of Defence" = "Department of Defense", "MacMahon" =
 * "McMahon", "Centre" = "Center"): house style, not a slip.
 */
export const spellingVariantKey = memo((value: string) =>
  normalizeName(value)
    .split(' ')
    .map((w) =>
      w
        .replace(/^mac(?=[a-z])/, 'mc')
        .replace(/ence$/, 'ense')
        .replace(/([^aeiou])our/g, '$1or')
        .replace(/is(e|ed|es|ation)$/, 'iz$1')
        .replace(/([bcgtv])re$/, '$1er')
        .replace(/ogue$/, 'og'),
    )
    .join(' '),
)
