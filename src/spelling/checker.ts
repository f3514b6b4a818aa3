/**
 * The spelling checker behind the `spelling` rule: ordinary English words,
 * checked against the expanded dictionary-en word list the build already
 * ships for the name rules (`dist/dict/english.txt`, read through
 * `NameIndex.isEnglishWord`), with British spellings, hyphenated and closed
 * compounds, and every name the loaded dictionaries know accepted.
 *
 * No nspell at run time: the affix expansion happened at build time, so a
 * check is a lookup, and suggestions (for reported words only) are the known
 * words one edit away (two when none is one away), generated and looked up
 * directly.
 */
import type { NameIndex } from '../matcher/name-index.js'
import { CONNECTORS } from '../matcher/tokens.js'
import { americanForms } from '../dictionary/british.js'
import { EXTRA_WORDS } from './extra-words.js'

export interface Suggestion {
  word: string
  /** 0: the proper noun of a word written in lower case; 1: a transposition, neighbouring key or doubled letter; 2: another edit; 3: two doublings. */
  cost: number
}

export interface Misspelling {
  start: number
  end: number
  /** The word as checked: lower case, straight apostrophes, no possessive ending. */
  word: string
  /** A capitalised first word of a sentence (suggestions in lower case are capitalised for it). */
  capitalised: boolean
}

/** Lower-case words allowed before a hyphen ("pre-election", "co-chair", "ex-minister"). */
const PREFIXES = new Set([
  'a', 'anti', 'bi', 'co', 'counter', 'cross', 'cyber', 'de', 'e', 'eco', 'ex', 'extra', 'geo', 'hyper', 'inter', 'intra', 'macro', 'mega', 'micro', 'mid',
  'mini', 'multi', 'neo', 'non', 'over', 'post', 'pre', 'pro', 'pseudo', 're', 'self', 'semi', 'socio', 'sub', 'super', 'trans', 'tri', 'ultra', 'un',
  'under', 'vice', 'x',
])

const DERIVING_PREFIXES = ['un', 're', 'non', 'de', 'dis', 'pre', 'mis', 'co', 'over', 'under', 'out', 'sub', 'inter', 'anti', 'counter', 'mid']
/** Regular endings, and whether the stem they go on ends in "e" (abide-d, fund-ed, service-r, fund-er). */
const DERIVING_SUFFIXES: Array<[string, boolean]> = [
  ['ly', false], ['ly', true], ['s', false], ['s', true], ['ed', false], ['d', true], ['ing', false], ['er', false], ['ers', false], ['r', true], ['rs', true],
  ['less', false], ['less', true], ['ness', false], ['ness', true],
]

/** Function words never taken as half of a closed compound ("thenew" is a slip, not a compound). */
const FUNCTION_WORDS = new Set([
  'the', 'and', 'for', 'are', 'was', 'but', 'not', 'you', 'all', 'any', 'can', 'had', 'has', 'her', 'his', 'him', 'its', 'our', 'out', 'she', 'they',
  'them', 'that', 'this', 'with', 'from', 'were', 'been', 'have', 'will', 'would', 'which', 'their', 'there', 'what', 'when', 'who', 'whom', 'than',
  'then', 'into', 'onto', 'upon', 'also', 'only', 'very', 'such', 'some', 'more', 'most', 'much', 'many', 'each', 'both', 'one', 'two', 'our', 'your',
  'may', 'must', 'shall', 'should', 'could', 'did', 'does', 'being', 'these', 'those', 'over', 'under', 'after', 'before', 'about',
])

const APOSTROPHES = /[\u2018\u2019\u02BC\u02BB`\u00B4\u2032]/g
/** Words in Latin letters (an English checker has nothing to say about other scripts); ranges, not \p{L}, which costs a cold start a millisecond or two to compile. */
/** Words as /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F\u0300-\u036F0-9'’-]*\/ finds them: a Latin letter, then letters, marks, digits, apostrophes, hyphens. */
function wordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f)
}
function wordPart(c: number): boolean {
  return wordStart(c) || (c >= 48 && c <= 57) || c === 39 || c === 45 || c === 0x2019 || (c >= 0x300 && c <= 0x36f)
}
// An address starts where its run of non-space starts: `\S+@` tried at every offset of a long run without `@` is quadratic.
const URL = /\b(?:https?:\/\/|www\.)\S+|(?<!\S)[^\s@]+@\S+\.\S+/gi
/** Can `URL` match anywhere in a text? */
const MAY_HOLD_URL = /:\/\/|www\.|@/i

/** FNV-1a, for plain lower-case words hashed as they are scanned. */
const HASH_SEED = 0x811c9dc5
const HASH_PRIME = 0x01000193
/** A second hash (FNV-style with Murmur's multiplier and a shift), to tell apart words the first one confuses. */
const CHECK_SEED = 0x9747b28c
const CHECK_PRIME = 0x5bd1e995
/** Slots of the plain-word table (a power of two). */
const PLAIN_SLOTS = 1 << 17

/** Is `word` (lower case, straight apostrophes) a word the checker accepts? */
export class SpellingChecker {
  private readonly index: NameIndex
  private readonly cache = new Map<string, boolean>()

  constructor(index: NameIndex) {
    this.index = index
  }

  private english(word: string): boolean {
    if (this.index.isEnglishWord(word) || EXTRA_WORDS.has(word)) return true
    // Accents English often drops ("cliché", "protégé", "naïve").
    const plain = word.normalize('NFD').replace(/\p{M}+/gu, '')
    return plain !== word && (this.index.isEnglishWord(plain) || EXTRA_WORDS.has(plain))
  }

  /** A single word (no hyphen): English, a British spelling, a name, a closed compound. */
  private simple(word: string): boolean {
    if (word.length < 2 || this.english(word)) return true
    if (americanForms(word).some((w) => this.english(w))) return true
    if (CONNECTORS.has(word)) return true
    if (this.index.lookup(word).length > 0) return true
    return this.derived(word) || this.compound(word)
  }

  private base(word: string): boolean {
    return this.english(word) || americanForms(word).some((w) => this.english(w))
  }

  /**
   * Regular derivations the word list does not spell out: a prefix on a known
   * word ("unexploded", "demerge"), or a regular ending on one ("financings",
   * "wirelessly", "ramped", "funder"). An ending that English spelling forbids
   * on that stem ("becomeing") is no derivation.
   */
  private derived(word: string): boolean {
    for (const prefix of DERIVING_PREFIXES) {
      if (word.length - prefix.length >= 5 && word.startsWith(prefix) && this.base(word.slice(prefix.length))) return true
    }
    for (const [suffix, afterE] of DERIVING_SUFFIXES) {
      if (!word.endsWith(suffix)) continue
      const stem = word.slice(0, -suffix.length)
      if (stem.length < (suffix.length >= 4 ? 3 : 4) || stem.endsWith('e') !== afterE) continue
      if (suffix === 's' && /s$/.test(stem)) continue
      // ed/ing/er on a single vowel and consonant may need the consonant doubled ("stoped", "occured",
      // "begining"), which cannot be told without the stress; on a doubled one it is a slip ("comming").
      if (/^(ed|ing|ers?)$/.test(suffix) && /[^aeiou][aeiou][b-df-hj-np-tvz]$|([b-df-hj-np-tv-z])\1$/.test(stem)) continue
      // "-ically" ("publically"), and "truely" for a short stem in -e.
      if (suffix === 'ly' && (/ic$/.test(stem) || (afterE && stem.length < 5))) continue
      if (this.base(stem)) return true
    }
    return false
  }

  /** Two known words of four letters or more run together ("frontline", "livestream"), neither a function word. */
  private compound(word: string): boolean {
    if (word.length < 8) return false
    for (let i = 4; i <= word.length - 4; i++) {
      const a = word.slice(0, i)
      const b = word.slice(i)
      // A doubled letter at the joint is a slip ("threshhold", "writting"), not a compound.
      if (a[a.length - 1] === b[0] || FUNCTION_WORDS.has(a) || FUNCTION_WORDS.has(b)) continue
      if ((this.english(a) || americanForms(a).some((w) => this.english(w))) && (this.english(b) || americanForms(b).some((w) => this.english(w)))) return true
    }
    return false
  }

  /**
   * Plain lower-case words (ASCII letters only) by two independent 32-bit
   * hashes: slot 2k holds the first, slot 2k+1 the second with bit 0 the
   * answer and bit 1 "used". A word is found by its hashes alone, so a probe
   * touches one table line and never the text of the words; two different
   * words agreeing on all 62 bits is too unlikely to matter (about one in
   * 10^13 per lookup with the table full).
   */
  private plainSlots = new Int32Array(PLAIN_SLOTS * 2)
  private plainCount = 0

  /** `known` for the plain lower-case word text[start, end), whose hashes the caller computed while scanning it. */
  private knownInText(text: string, start: number, end: number, hash: number, check: number): boolean {
    const tag = check | 2
    const slots = this.plainSlots
    let slot = hash & (PLAIN_SLOTS - 1)
    for (; slots[2 * slot + 1] !== 0; slot = (slot + 1) & (PLAIN_SLOTS - 1)) {
      if (slots[2 * slot] === hash && (slots[2 * slot + 1] | 1) === (tag | 1)) return (slots[2 * slot + 1] & 1) === 1
    }
    const known = this.known(text.slice(start, end))
    // Kept under half full, so probes stay short; full means start again.
    if (this.plainCount >= PLAIN_SLOTS / 2) {
      slots.fill(0)
      this.plainCount = 0
      slot = hash & (PLAIN_SLOTS - 1)
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & (PLAIN_SLOTS - 1)
    }
    slots[2 * slot] = hash
    slots[2 * slot + 1] = (tag & ~1) | (known ? 1 : 0)
    this.plainCount++
    return known
  }

  known(word: string): boolean {
    let result = this.cache.get(word)
    if (result === undefined) {
      result = this.check(word)
      this.cache.set(word, result)
    }
    return result
  }

  private check(word: string): boolean {
    if (this.simple(word)) return true
    if (!word.includes('-')) return false
    // Hyphenated: known as a whole, written closed ("co-ordinator"), or every part known.
    if (this.index.lookup(word).length > 0) return true
    const closed = word.replace(/-/g, '')
    if (this.english(closed) || americanForms(closed).some((w) => this.english(w))) return true
    const parts = word.split('-').filter(Boolean)
    return parts.every((p, i) => (i < parts.length - 1 && PREFIXES.has(p)) || this.simple(p))
  }

  /**
   * Known words one edit away from `word` (Damerau: a transposition, a
   * neighbouring key or a doubled letter first), best first; the proper noun
   * first when the word is one written in lower case ("korean" -> "Korean").
   * About 600 lookups: cheap enough to decide, for each unknown word, whether
   * it looks like a slip at all.
   */
  suggest(word: string, max = 5): string[] {
    return this.suggestions(word, max).map((s) => s.word)
  }

  /** Suggestions with the cost of their slip (1: transposition, neighbouring key, doubled letter; 2: another edit; 3: two doublings). */
  suggestions(word: string, max = 5): Suggestion[] {
    const key = `${max}\u0000${word}`
    let cached = this.suggestionCache.get(key)
    if (!cached) {
      if (this.suggestionCache.size >= 10_000) this.suggestionCache.clear()
      this.suggestionCache.set(key, (cached = this.rank(word, max)))
    }
    return cached
  }

  private readonly suggestionCache = new Map<string, Suggestion[]>()

  private rank(word: string, max: number): Suggestion[] {
    const out: Suggestion[] = []
    if (this.index.isEnglishProperNoun(word) && !this.english(word)) out.push({ word: word[0].toUpperCase() + word.slice(1), cost: 0 })
    const ranked = new Map<string, number>()
    for (const [candidate, cost] of edits(word)) {
      const previous = ranked.get(candidate)
      if (previous !== undefined) {
        if (cost < previous) ranked.set(candidate, cost)
        continue
      }
      if (candidate.length < 2 || !(this.index.isEnglishWord(candidate) || EXTRA_WORDS.has(candidate))) continue
      ranked.set(candidate, cost)
    }
    // Two slips of doubling ("tommorow", "reccomend", "dissapoint"), the commonest pair.
    if (ranked.size === 0) {
      for (const first of doublings(word)) {
        for (const candidate of doublings(first)) {
          if (candidate !== word && (this.index.isEnglishWord(candidate) || EXTRA_WORDS.has(candidate))) ranked.set(candidate, 3)
        }
      }
    }
    const sorted = [...ranked].sort((a, b) => a[1] - b[1] || (a[0][0] === word[0] ? 0 : 1) - (b[0][0] === word[0] ? 0 : 1) || (a[0] < b[0] ? -1 : 1))
    for (const [candidate, cost] of sorted) {
      if (out.length >= max) break
      if (!out.some((s) => s.word === candidate)) out.push({ word: candidate, cost })
    }
    return out
  }

  /** A capitalised word known as a name, a given name, a town or an English proper noun. */
  knownName(word: string): boolean {
    return this.index.lookup(word).length > 0 || this.index.isGivenName(word) || this.index.isKnownTown(word) || this.index.isEnglishProperNoun(word)
  }

  /**
   * Words of a text the checker does not know, by the policy of the
   * `spelling` rule: lower-case words; a capitalised word only at the start
   * of a sentence, when it is no known name, not followed by another
   * capitalised word, and not used again in the document (names recur, slips
   * do not); never a word the document uses twice, a word with digits or
   * inner capitals, an acronym, or part of an address.
   */
  misspellings(text: string, options: { capitalised?: boolean } = {}): Misspelling[] {
    const found: Misspelling[] = []
    const length = text.length
    // Words found by hand (wordStart, wordPart): a regex match object per word of a long text was most of the garbage this rule made.
    for (let start = 0, next = 0; start < length; start = next) {
      next = start + 1
      const first = text.charCodeAt(start)
      if (!wordStart(first)) continue
      // Hashed while scanned: a plain lower-case word (most of them) is answered from the text itself.
      let plain = first >= 97 && first <= 122
      let hash = plain ? Math.imul(HASH_SEED ^ first, HASH_PRIME) : 0
      let check = plain ? Math.imul(CHECK_SEED ^ first, CHECK_PRIME) : 0
      for (let c = 0; next < length && wordPart((c = text.charCodeAt(next))); next++) {
        if (plain && c >= 97 && c <= 122) {
          hash = Math.imul(hash ^ c, HASH_PRIME)
          check = Math.imul(check ^ c, CHECK_PRIME)
          check ^= check >>> 15
        } else plain = false
      }
      // No word under three letters is ever reported (capitalised ones need seven).
      if (next - start < 3) continue
      if (plain) {
        if (!this.knownInText(text, start, next, hash, check)) found.push({ start, end: next, word: text.slice(start, next), capitalised: false })
        continue
      }
      let raw = text.slice(start, next)
      // Trailing hyphens and apostrophes belong to the punctuation ("pre- and post-war", "voters'").
      let k = raw.length
      while (k > 1 && (raw[k - 1] === '-' || raw[k - 1] === "'" || raw[k - 1] === '’')) k--
      if (k < raw.length) raw = raw.slice(0, k)
      let word = raw.includes("'") || raw.includes('’') ? raw.replace(APOSTROPHES, "'") : raw
      if (word.endsWith("'s")) word = word.slice(0, -2)
      const c = raw.charCodeAt(0)
      if ((c >= 97 && c <= 122) || (c > 127 && /^\p{Ll}/u.test(raw))) {
        // Most words: one cached lookup. Words under three letters are never reported (see below): not even that.
        if (word.length < 3 || this.known(word)) continue
        found.push({ start, end: start + raw.length, word, capitalised: false })
        continue
      }
      // Capitalised: only a sentence's first word, written like an ordinary word and long enough not to be
      // a short name ("Nonethless"; not "Vika" or "Lubos").
      if (!options.capitalised || word.length < 7 || !sentenceInitial(text, start) || !/^\p{Lu}\p{Ll}{6,}$/u.test(word)) continue
      const end = start + raw.length
      if (/^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3))) continue
      const lower = word.toLowerCase()
      if (this.known(lower) || this.knownName(word)) continue
      found.push({ start, end, word: lower, capitalised: true })
    }
    if (found.length === 0) return found
    // Addresses, found once and only if the text can have one (most news has no "://", "www." or "@").
    let urls: Array<[number, number]> | undefined
    const inUrl = (start: number, end: number): boolean => {
      if (!urls) {
        urls = []
        if (MAY_HOLD_URL.test(text)) for (const m of text.matchAll(URL)) urls.push([m.index ?? 0, (m.index ?? 0) + m[0].length])
      }
      return urls.some(([s, e]) => start < e && end > s)
    }
    const counts = new Map<string, number>()
    // The text in lower case with straight apostrophes, made once for the counts.
    let lowered: string | undefined
    return found.filter(({ start, end, word }) => {
      const raw = text.slice(start, end)
      const before = text[start - 1] ?? ''
      const after = text[end] ?? ''
      // Words with digits or inner capitals; parts of addresses, handles, file names and numbers.
      if (/\p{N}/u.test(raw) || /.\p{Lu}/u.test(raw)) return false
      if (/[@#/\\_.\p{N}]/u.test(before) || /[@/\\_\p{N}]/u.test(after) || (after === '.' && /[\p{L}\p{N}]/u.test(text[end + 1] ?? ''))) return false
      if (inUrl(start, end)) return false
      // Short words and words without a vowel are mostly abbreviations ("pc", "mln", "kwh"); letters beyond
      // English ones (an unknown "shōnen") mark a foreign word.
      if (word.length < 3 || !/[aeiouy]/i.test(word) || /[^a-z'-]/i.test(word.normalize('NFD').replace(/\p{M}+/gu, ''))) return false
      // A word the document uses more than once is its vocabulary (or a name), not a slip. Counted for the few words
      // that come this far, not for every word of the text.
      let n = counts.get(word)
      if (n === undefined) {
        lowered ??= text.toLowerCase().replace(/’/g, "'")
        n = wholeWordCount(lowered, word.toLowerCase())
        counts.set(word, n)
      }
      return n < 2
    })
  }
}

/** Is the code point ending (`before`) or starting at `index` a letter, mark or digit? Beyond the text: no. */
function wordCharAt(text: string, index: number, before: boolean): boolean {
  if (index < 0 || index >= text.length) return false
  let code = text.charCodeAt(index)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
  // A surrogate pair is read whole, from its end when looking back.
  if (before && code >= 0xdc00 && code <= 0xdfff && index > 0) code = text.codePointAt(index - 1) ?? code
  else code = text.codePointAt(index) ?? code
  return WORD_CHAR.test(String.fromCodePoint(code))
}
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u

/**
 * How often `word` stands in `text` as a whole word (both in lower case). A scan with indexOf: a regular expression
 * with look-arounds per counted word read the whole text each time, a tenth of a lint's time.
 */
export function wholeWordCount(text: string, word: string): number {
  let n = 0
  for (let i = text.indexOf(word); i !== -1; ) {
    if (!wordCharAt(text, i - 1, true) && !wordCharAt(text, i + word.length, false)) {
      n++
      i = text.indexOf(word, i + word.length)
    } else i = text.indexOf(word, i + 1)
  }
  return n
}

function sentenceInitial(text: string, offset: number): boolean {
  let i = offset - 1
  while (i >= 0 && /[\s"“‘'(\[«]/.test(text[i])) {
    if (text[i] === '\n') return true
    i--
  }
  return i < 0 || /[.!?]/.test(text[i])
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'
const KEYBOARD = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const NEIGHBOURS = new Map<string, string>()
for (let r = 0; r < KEYBOARD.length; r++) {
  for (let c = 0; c < KEYBOARD[r].length; c++) {
    let near = ''
    for (let dr = -1; dr <= 1; dr++) {
      const row = KEYBOARD[r + dr]
      if (!row) continue
      for (let dc = -1; dc <= 1; dc++) if ((dr || dc) && row[c + dc]) near += row[c + dc]
    }
    NEIGHBOURS.set(KEYBOARD[r][c], near)
  }
}

/** `word` with one letter doubled or one doubled letter made single. */
function doublings(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i++) {
    if (word[i] === word[i + 1]) out.push(word.slice(0, i) + word.slice(i + 1))
    else if (word[i] !== word[i - 1] && /[b-df-hj-np-tv-z]/.test(word[i])) out.push(word.slice(0, i + 1) + word.slice(i))
  }
  return out
}

/** Strings one edit from `word`, each with a cost: transposition or a neighbouring key 1, else 2. */
function* edits(word: string): Generator<[string, number]> {
  for (let i = 0; i < word.length; i++) {
    const head = word.slice(0, i)
    const c = word[i]
    // Deletion (a doubled letter is the cheapest slip).
    yield [head + word.slice(i + 1), c === word[i - 1] || c === word[i + 1] ? 1 : 2]
    if (i < word.length - 1 && word[i + 1] !== c) yield [head + word[i + 1] + c + word.slice(i + 2), 1]
    for (const r of ALPHABET) if (r !== c) yield [head + r + word.slice(i + 1), NEIGHBOURS.get(c)?.includes(r) ? 1 : 2]
  }
  for (let i = 0; i <= word.length; i++) {
    for (const r of ALPHABET) yield [word.slice(0, i) + r + word.slice(i), r === word[i - 1] || r === word[i] ? 1 : 2]
  }
}
