/**
 * Acronyms next to their expansions: finding "Long Name (ACR)", "ACR (Long
 * Name)" and "ACR, the Long Name," in raw text, deciding where the written
 * expansion starts, and comparing it with the expansions the dictionary knows.
 *
 * Standalone over the public NameIndex API (`acronym`, `lookup`,
 * `isEnglishWord`): works on the document's text, not on the nlcst tree, so it
 * does not depend on the shared document analysis.
 */
import { distance } from 'fastest-levenshtein'
import type { Entity } from '../dictionary/compile.js'
import type { NameIndex } from './name-index.js'
import { normalizeName } from './normalize.js'
import { CONNECTORS } from './tokens.js'

/** A word of the text, with its offsets. */
export interface TextWord {
  text: string
  start: number
  end: number
  /** Normalised sub-words (hyphenated words split: "France-Presse" -> france, presse). */
  parts: string[]
  capitalised: boolean
  connector: boolean
  /** Ends in a possessive ('s, ’s or a bare apostrophe after s). */
  possessive: boolean
  /** First word of its sentence. */
  initial: boolean
}

export type AcronymForm = 'before' | 'after' | 'appositive'

/** One place where an acronym stands next to what may be its expansion. */
export interface AcronymSite {
  form: AcronymForm
  /** The acronym as written ("KCNA", "Nato", "U.N.", "PDAs"). */
  acronym: string
  /** Its letters, lower case, plural "s" and dots removed ("pda"). */
  letters: string
  acronymStart: number
  acronymEnd: number
  /** The capitalised run (connectors inside) that may hold the expansion, leading articles removed. */
  words: TextWord[]
}

/** Lower-case words that may stand inside an expansion ("Office of the Deputy Prime Minister"). */
export const EXPANSION_CONNECTORS = new Set([...CONNECTORS, 'to', 'at', '&', 'et', 'fur', 'with', 'without', 'against', 'by', 'over', 'under', 'a', 'an', 'wal', 'wa'])
const ARTICLES = new Set(['the', 'a', 'an'])

// Latin letters by range, and case by toUpperCase/toLowerCase, rather than \p{...} classes: those cost every
// cold start a millisecond or two each to compile.
const WORD = /[A-Za-z\u00C0-\u024F0-9](?:[A-Za-z\u00C0-\u024F\u0300-\u036F0-9'’-]*[A-Za-z\u00C0-\u024F\u0300-\u036F0-9])?['’]?|&/g
const isUpper = (c: string) => c !== c.toLowerCase()
const isLower = (c: string) => c !== c.toUpperCase()
const isWordChar = (c: string | undefined) => c !== undefined && (isUpper(c) || isLower(c) || (c >= '0' && c <= '9'))
/** All-capital acronyms, possibly dotted or with a plural "s": "KCNA", "U.N.", "PDAs", "G7". */
function upperAcronym(value: string): boolean {
  const core = value.length > 2 && value.endsWith('s') ? value.slice(0, -1) : value
  if (core.length < 2) return false
  if (/^(?:[^.]\.){2,6}$/.test(core)) return [...core].every((c, i) => (i % 2 ? c === '.' : isUpper(c)))
  if (core.length > 10 || !isUpper(core[0])) return false
  return [...core].every((c) => isUpper(c) || (c >= '0' && c <= '9') || c === '&') && [...core].filter(isUpper).length >= 2
}
/** Mixed-case acronyms written as words ("Nato", "Wada"): only when the dictionary knows them. */
function wordAcronym(value: string): boolean {
  return value.length >= 3 && value.length <= 8 && isUpper(value[0]) && [...value.slice(1)].every(isLower)
}

/** British and American spellings of the words expansions use count as one. */
const SPELLING_FOLDS: Array<[RegExp, string]> = [
  [/isation$/, 'ization'], [/isations$/, 'izations'], [/ise$/, 'ize'], [/ised$/, 'ized'], [/^labour$/, 'labor'],
  [/^defence$/, 'defense'], [/^centre$/, 'center'], [/^centres$/, 'centers'], [/^programme$/, 'program'],
  [/^programmes$/, 'programs'], [/^councillors?$/, 'councilor'], [/^&$/, 'and'],
  // Company words and their abbreviations ("Oil & Natural Gas Corp", "Oil and Natural Gas Corporation").
  [/^corp$/, 'corporation'], [/^inc$/, 'incorporated'], [/^ltd$/, 'limited'], [/^bros$/, 'brothers'], [/^intl$/, 'international'],
]

/** The comparison key of one (normalised) word. */
export function foldWord(word: string): string {
  let w = word
  for (const [pattern, replacement] of SPELLING_FOLDS) w = w.replace(pattern, replacement)
  return w
}

/** Normalised words of a name, hyphenated words split, British/American spellings folded. */
export function nameWords(text: string): string[] {
  return normalizeName(text.replace(/&/g, ' and ')).split(' ').filter(Boolean).map(foldWord)
}

export function isConnector(word: string): boolean {
  return EXPANSION_CONNECTORS.has(word)
}

/** Content words only: connectors do not decide whether two expansions are the same. */
export function contentKey(words: string[]): string {
  return words.filter((w) => !isConnector(w)).join(' ')
}

function wordsOf(text: string, from: number, to: number): TextWord[] {
  const out: TextWord[] = []
  WORD.lastIndex = from
  let m: RegExpExecArray | null
  while ((m = WORD.exec(text)) && m.index < to) {
    const raw = m[0]
    const end = Math.min(m.index + raw.length, to)
    const value = text.slice(m.index, end)
    const possessive = /['’]s?$/.test(value) && value.length > 2
    const base = possessive ? value.replace(/['’]s?$/, '') : value
    const lower = normalizeName(base)
    out.push({
      text: value,
      start: m.index,
      end,
      parts: nameWords(base),
      capitalised: isUpper(value[0]) || (value[0] >= '0' && value[0] <= '9'),
      connector: isConnector(lower) && !isUpper(value[0]),
      possessive,
      initial: false,
    })
  }
  return out
}

/** Is the text between two offsets only horizontal white space? */
function spaceOnly(text: string, from: number, to: number): boolean {
  return from <= to && /^[ \t\u00A0]*$/.test(text.slice(from, to))
}

function sentenceInitial(text: string, offset: number): boolean {
  let i = offset - 1
  while (i >= 0 && /[\s"“‘'(\[«]/.test(text[i])) {
    if (text[i] === '\n') return true
    i--
  }
  return i < 0 || /[.!?:]/.test(text[i])
}

/**
 * The capitalised run of words ending at offset `end` (exclusive): words joined
 * by spaces only, capitalised or connectors, leading connectors and articles
 * removed. At most `limit` words.
 */
export function runBefore(text: string, end: number, limit = 12): TextWord[] {
  const lineStart = Math.max(text.lastIndexOf('\n', end - 1) + 1, end - 300)
  const all = wordsOf(text, lineStart, end)
  const run: TextWord[] = []
  let boundary = end
  for (let i = all.length - 1; i >= 0 && run.length < limit; i--) {
    const w = all[i]
    if (!spaceOnly(text, w.end, boundary)) break
    if (!(w.capitalised || w.connector)) break
    // An article starts a name ("North Korea the Democratic Republic"), unless it follows a connector ("Committee of the Red Cross").
    if (w.connector && ARTICLES.has(normalizeName(w.text)) && !(i > 0 && all[i - 1].connector && spaceOnly(text, all[i - 1].end, w.start))) break
    run.unshift(w)
    boundary = w.start
  }
  return trimRun(text, run, true)
}

/** The capitalised run starting at `start`, stopping at the first word that is neither capitalised nor a connector. */
export function runAfter(text: string, start: number, limit = 12): { words: TextWord[]; end: number } {
  const lineEnd = text.indexOf('\n', start)
  const all = wordsOf(text, start, Math.min(lineEnd < 0 ? text.length : lineEnd, start + 300))
  const run: TextWord[] = []
  let boundary = start
  for (const w of all) {
    if (run.length >= limit) break
    if (!spaceOnly(text, boundary, w.start)) break
    if (!(w.capitalised || w.connector)) break
    if (run.length > 0 && w.connector && ARTICLES.has(normalizeName(w.text)) && !run[run.length - 1].connector) break
    run.push(w)
    boundary = w.end
  }
  return { words: trimRun(text, run), end: boundary }
}

function trimRun(text: string, run: TextWord[], keepFinalConnector = false): TextWord[] {
  let from = 0
  let to = run.length
  while (from < to && (run[from].connector || ARTICLES.has(normalizeName(run[from].text)))) from++
  // Before an acronym's bracket a final connector is kept: "United States of (US)" lost a word.
  const keep = keepFinalConnector && to - from >= 2 && run[to - 1].connector && !ARTICLES.has(normalizeName(run[to - 1].text)) && !run[to - 2].connector
  while (to > from && run[to - 1].connector && !(keep && to === run.length)) to--
  const out = run.slice(from, to)
  for (const w of out) w.initial = sentenceInitial(text, w.start)
  return out
}

/** Letters of an acronym as written ("U.N." -> "un", "PDAs" -> "pda"), lower case. */
export function acronymLetters(acronym: string): string {
  let a = acronym.replace(/\./g, '')
  if (a.length > 2 && a.endsWith('s') && upperAcronym(a.slice(0, -1))) a = a.slice(0, -1)
  return foldLettersOnly(a)
}

function foldLettersOnly(value: string): string {
  return normalizeName(value).replace(/[^a-z0-9]/g, '')
}

/**
 * Every acronym site in a text. `known(acronym)` tells whether the dictionary
 * has the acronym (mixed-case "Nato" is taken only when it does).
 */
export function findAcronymSites(text: string, known: (acronym: string) => boolean): AcronymSite[] {
  const sites: AcronymSite[] = []
  // "Long Name (ACR)" and "ACR (Long Name)".
  const paren = /\(([^()\n]{1,80})\)/g
  let m: RegExpExecArray | null
  while ((m = paren.exec(text))) {
    const inner = m[1].trim()
    // Neither an acronym nor a name inside, nor an acronym before: nothing to check ("(2004)", "(he said)").
    if (!/^[A-Z\u00C0-\uFFFF]/.test(inner) && !/[A-Z][A-Z.]*[ \t]*$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
    const innerStart = m.index + 1 + m[1].indexOf(inner)
    if (isAcronym(inner, known)) {
      const words = runBefore(text, m.index)
      if (words.length > 0) {
        sites.push({ form: 'before', acronym: inner, letters: acronymLetters(inner), acronymStart: innerStart, acronymEnd: innerStart + inner.length, words })
      }
      continue
    }
    // "ACR (Long Name)": the acronym right before the bracket, the whole bracket a capitalised run.
    const sliceStart = Math.max(0, m.index - 20)
    const before = /([A-Za-z\u00C0-\u024F0-9.&]+)[ \t]*$/.exec(text.slice(sliceStart, m.index))
    if (!before) continue
    const acronymStart = sliceStart + before.index
    if (isWordChar(text[acronymStart - 1])) continue
    const acronym = before[1]
    if (!isAcronym(acronym, known)) continue
    const { words, end } = runAfter(text, innerStart)
    if (words.length === 0 || end < innerStart + inner.length) continue
    sites.push({ form: 'after', acronym, letters: acronymLetters(acronym), acronymStart, acronymEnd: acronymStart + acronym.length, words })
  }
  // "ACR, the Long Name," (known acronyms only; the run must end the clause).
  // Found by a plain search first: unicode patterns cost a few milliseconds to compile, on every cold start.
  for (let at = text.indexOf(', the '); at >= 0; at = text.indexOf(', the ', at + 1)) {
    const head = /[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F0-9.&]{1,9}$/.exec(text.slice(Math.max(0, at - 12), at))
    if (!head) continue
    const acronym = head[0]
    const acronymStart = at - acronym.length
    if (isWordChar(text[acronymStart - 1])) continue
    if (!isAcronym(acronym, known) || !known(acronym)) continue
    const start = at + ', the '.length
    const { words, end } = runAfter(text, start)
    if (words.length === 0 || words[words.length - 1].end !== end) continue
    if (!/^[ \t]*(?:[,.;:)]|$)/.test(text.slice(end, end + 2))) continue
    sites.push({ form: 'appositive', acronym, letters: acronymLetters(acronym), acronymStart, acronymEnd: at, words })
  }
  return sites
}

function isAcronym(value: string, known: (acronym: string) => boolean): boolean {
  if (upperAcronym(value)) return true
  return wordAcronym(value) && known(value)
}

/**
 * Can the words spell the acronym? The first letter must be the first word's
 * initial; each further letter is a later word's initial or a later letter of
 * the word the previous letter came from (letters from inside words:
 * "Islamic State" -> IS, "Anti-Doping" -> AD). Connectors may be skipped.
 */
export function canForm(words: string[], letters: string): boolean {
  if (words.length === 0 || letters.length === 0) return false
  if (words[0][0] !== letters[0]) return false
  const memo = new Map<string, boolean>()
  // At letter i, having used word w up to character c.
  const go = (i: number, w: number, c: number): boolean => {
    if (i === letters.length) return true
    const key = `${i},${w},${c}`
    const cached = memo.get(key)
    if (cached !== undefined) return cached
    let ok = false
    const letter = letters[i]
    // Inside the current word.
    for (let k = c + 1; !ok && k < words[w].length; k++) if (words[w][k] === letter && go(i + 1, w, k)) ok = true
    // Initial of a later word.
    for (let v = w + 1; !ok && v < words.length; v++) if (words[v][0] === letter && go(i + 1, v, 0)) ok = true
    memo.set(key, ok)
    return ok
  }
  return go(1, 0, 0)
}

/** Do the initials of the content words spell the acronym exactly ("Office of Fair Trading" -> OFT)? */
export function initialsForm(words: string[], letters: string): boolean {
  const initials = words.filter((w) => !isConnector(w)).map((w) => w[0]).join('')
  if (initials === letters) return true
  return words.map((w) => w[0]).join('') === letters
}

/** Two words that are one word spelt differently ("Korea"/"Korean", a typo, a transliteration). */
export function wordsAlike(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length < 4 || b.length < 4) return false
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.startsWith(short) && long.length - short.length <= 2) return true
  if (short.length < 5) return false
  const d = distance(a, b)
  // One slip in a shorter word, up to three in a long one ("Accosiation" for "Association").
  return d <= 1 || (short.length >= 8 && d <= 3 && d / long.length <= 0.3) || (short.length >= 6 && d <= 2 && d / long.length <= 0.25)
}

/** Longest common subsequence of two word lists under `wordsAlike`: [all matches, exact matches]. */
function lcs(a: string[], b: string[]): { alike: number; exact: number } {
  const n = a.length
  const m = b.length
  const table: Array<Array<[number, number]>> = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, () => [0, 0] as [number, number]))
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const up = table[i - 1][j]
      const left = table[i][j - 1]
      let best: [number, number] = up[0] > left[0] || (up[0] === left[0] && up[1] >= left[1]) ? up : left
      if (wordsAlike(a[i - 1], b[j - 1])) {
        const diag = table[i - 1][j - 1]
        const cand: [number, number] = [diag[0] + 1, diag[1] + (a[i - 1] === b[j - 1] ? 1 : 0)]
        if (cand[0] > best[0] || (cand[0] === best[0] && cand[1] > best[1])) best = cand
      }
      table[i][j] = best
    }
  }
  return { alike: table[n][m][0], exact: table[n][m][1] }
}

export interface ExpansionComparison {
  /** Content words of the written expansion and of the known one. */
  written: number
  known: number
  /** Content words matched (in order; alike spellings count). */
  matched: number
  /** ... of which spelt exactly alike. */
  exact: number
  /** All words (connectors too) matched. */
  matchedAll: number
  allWritten: number
  allKnown: number
  /** Connectors of the written expansion that the known one lacks ("Japan and the United of America"). */
  strayConnectors: number
}

export function compareExpansions(written: string[], known: string[]): ExpansionComparison {
  const wc = written.filter((w) => !isConnector(w))
  const kc = known.filter((w) => !isConnector(w))
  const content = lcs(wc, kc)
  const all = lcs(written, known)
  const knownConnectors = new Set(known.filter(isConnector))
  return {
    strayConnectors: written.filter((w) => isConnector(w) && !knownConnectors.has(w)).length,
    written: wc.length,
    known: kc.length,
    matched: content.alike,
    exact: content.exact,
    matchedAll: all.alike,
    allWritten: written.length,
    allKnown: known.length,
  }
}

/** A spelling the dictionary accepts as the expansion of an acronym. */
export interface KnownExpansion {
  text: string
  words: string[]
  entity: Entity
  /** Listed as the acronym's expansion (not only a name or variant of the entity). */
  listed: boolean
  /** Its words can spell the acronym. */
  plausible: boolean
}

/** Known expansions of an acronym: listed expansions, names and variants of every entity that has it. */
export function knownExpansions(index: NameIndex, acronym: string): KnownExpansion[] {
  const letters = acronymLetters(acronym)
  const out: KnownExpansion[] = []
  const seen = new Set<string>()
  for (const { entity, expansion } of index.acronym(acronym)) {
    const add = (text: string, listed: boolean) => {
      const words = nameWords(text)
      const key = entity.id + '\u0000' + normalizeName(text)
      if (seen.has(key)) {
        if (listed) for (const e of out) if (e.entity === entity && normalizeName(e.text) === normalizeName(text)) e.listed = true
        return
      }
      seen.add(key)
      out.push({ text, words, entity, listed, plausible: listed || canForm(words, letters) })
    }
    add(expansion, true)
    add(entity.name, false)
    for (const v of entity.variants) add(v, false)
  }
  return out
}

/** Legal-form words a company's name may carry or not ("Mitsubishi UFJ Financial Group Inc"). */
/** Words a company's name may be written with or without at its end: legal forms, "Group", "Holdings" ("Sumitomo Mitsui Financial"). Not "Corporation": "British Broadcasting" is no name of the BBC. */
export const LEGAL_SUFFIXES = new Set(['inc', 'incorporated', 'corp', 'co', 'ltd', 'limited', 'plc', 'llc', 'sa', 'ag', 'nv', 'spa', 'se', 'bv', 'gmbh', 'group', 'holdings'])
/** Words a company's name may be written with at its end though its known name lacks them. */
const COMPANY_WORDS = new Set([...LEGAL_SUFFIXES, 'corporation', 'company'])
/** Head nouns a body is often named without ("Homeland Security" for the Department of Homeland Security). */
export const HEAD_NOUNS = new Set(['department', 'ministry', 'bureau', 'office'])
/** What a party's short name leaves out when it turns its adjective into a noun ("Christian Democrats", "Social Democrats"). */
export const PARTY_NOUNS = new Set(['party', 'union'])

/**
 * Where a trailing place qualifier starts ("Industrial and Commercial Bank of
 * China", "Election Commission of India"): the index of its "of"/"in", or -1.
 */
export function placeQualifier(words: string[], isPlace: (name: string) => boolean): number {
  for (let i = words.length - 2; i >= 1; i--) {
    if (words[i] !== 'of' && words[i] !== 'in') continue
    const rest = words.slice(words[i + 1] === 'the' ? i + 2 : i + 1)
    return rest.length > 0 && rest.length <= 4 && isPlace(rest.join(' ')) ? i : -1
  }
  return -1
}

/** Word-level alignment (longest common subsequence under `wordsAlike`): unmatched words of each side. */
export function alignWords(a: string[], b: string[]): { onlyA: string[]; onlyB: string[]; pairs: Array<[string, string]> } {
  const n = a.length
  const m = b.length
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i][j] = wordsAlike(a[i], b[j]) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1])
    }
  }
  const onlyA: string[] = []
  const onlyB: string[] = []
  const pairs: Array<[string, string]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (wordsAlike(a[i], b[j]) && t[i][j] === t[i + 1][j + 1] + 1) {
      pairs.push([a[i], b[j]])
      i++
      j++
    } else if (t[i + 1][j] >= t[i][j + 1]) onlyA.push(a[i++])
    else onlyB.push(b[j++])
  }
  while (i < n) onlyA.push(a[i++])
  while (j < m) onlyB.push(b[j++])
  return { onlyA, onlyB, pairs }
}

/**
 * Is the written expansion the known one, up to what writers legitimately vary:
 * connectors, spelling slips, a place qualifier one side lacks ("Public
 * Investment Fund of Saudi Arabia"), a legal form ("Mitsubishi UFJ Financial
 * Group Inc"), a leading head noun ("Homeland Security" for the Department of
 * Homeland Security), a party's short name ("Christian Democrats")?
 */
export function sameExpansion(written: string[], known: string[], isPlace: (name: string, side: 'written' | 'known') => boolean): boolean {
  if (written.join('') === known.join('')) return true
  let w = written
  let k = known
  const qw = placeQualifier(w, (name) => isPlace(name, 'written'))
  const qk = placeQualifier(k, (name) => isPlace(name, 'known'))
  if (qw >= 0 && qk < 0) w = w.slice(0, qw)
  if (qk >= 0 && qw < 0) k = k.slice(0, qk)
  const wc = w.filter((x) => !isConnector(x))
  const kc = k.filter((x) => !isConnector(x))
  if (wc.length === 0 || kc.length === 0) return false
  const { onlyA, onlyB, pairs } = alignWords(wc, kc)
  if (pairs.length === 0) return false
  if (onlyA.length > 0 && onlyB.length > 0) return false
  if (onlyA.length === 0 && onlyB.length === 0) return true
  // Extra words: only a legal form at the end.
  const legalTail = (extra: string[], all: string[], words = LEGAL_SUFFIXES) => extra.every((x) => words.has(x)) && all.slice(all.length - extra.length).join(' ') === extra.join(' ')
  // Written with a company word more ("Nippon Steel Corp" for Nippon Steel) is the same name; without one, not always.
  if (onlyA.length > 0) return legalTail(onlyA, wc, COMPANY_WORDS)
  // Missing words: a legal form at the end, a head noun before "of" at the start, or a party's noun when the
  // adjective became a noun. A word dropped anywhere else ("British Broadcasting", "Federal of Investigation")
  // makes another name.
  if (legalTail(onlyB, kc)) return true
  if (onlyB.length === 1 && HEAD_NOUNS.has(onlyB[0]) && k[0] === onlyB[0] && k[1] === 'of') return true
  if (onlyB.length === 1 && PARTY_NOUNS.has(onlyB[0]) && kc[kc.length - 1] === onlyB[0] && pairs.some(([x, y]) => x !== y)) return true
  return false
}
