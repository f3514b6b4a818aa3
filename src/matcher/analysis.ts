/**
 * Document analysis shared by the name rules: which spans name known
 * entities, which use deprecated spellings, and which are suspected
 * corruptions of a known name (or of a name the document itself uses more
 * often), each with a confidence and the evidence behind it.
 *
 * Edit distance alone cannot decide (most unknown capitalised words of real
 * news lie within two edits of some name in a large gazetteer), so every
 * judgment weighs evidence: transliteration-aware similarity, the prior of the
 * entity (a capital or head of state versus a village), whether the document
 * names the entity elsewhere, whether the word is ordinary English, whether
 * the neighbouring words agree with a multi-word name.
 */
import type { Root } from 'nlcst'
import { describeEntity, MIN_FUZZY_PRIOR, SpellingKind, type Entity } from '../dictionary/compile.js'
import { comparedOutput, compareSpelling, type FuzzySearch, MAX_SLIP_BONUS, pluralWithS, PRIOR_WEIGHT, searchIndex, SKELETON_BONUS, SLIP_BONUS } from './fuzzy.js'
import { remember, type NameIndex, type SpellingHit } from './name-index.js'
import { distance as levenshtein } from 'fastest-levenshtein'
import { compactKey, endsInHiss, normalizeName, skeleton, skeletonsClose, spellOutUmlauts, wordCount } from './normalize.js'
import { similarity, type Similarity } from './similarity.js'
import { CHINESE_FAMILY_NAMES, isPinyin, isPinyinSyllable } from './pinyin.js'
import { capitalisedRuns, CONNECTORS, NAME_PARTICLES, tokenize, type Token } from './tokens.js'
import { lookupSpan, wordFactsOf, type WordFacts } from './word-facts.js'

export interface AnalysisOptions {
  /** Minimum confidence for a suspect to be reported (0..1). */
  threshold: number
  /** Most suggestions per suspect. */
  maxSuggestions: number
  /** Minimum confidence for a suspect whose best suggestion is another spelling in the document. */
  inconsistentThreshold: number
}

/** The default confidence floor of suspects (corrupted-name's default threshold). */
export const DEFAULT_SUSPECT_THRESHOLD = 0.88
/** The default confidence floor of suspects corrected toward another spelling in the document (inconsistent-name's). */
export const DEFAULT_INCONSISTENT_THRESHOLD = 0.75

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { threshold: 0.6, maxSuggestions: 3, inconsistentThreshold: 0.75 }

/** How much more name-like (letter-pair model) a spelling must read to win a tie of counts. */
const PLAUSIBILITY_MARGIN = 0.5
/** How much rarer (log-probability) the rarest letter triple of one spelling must be, where two spellings differ, to decide a tie. */
const TRIPLE_MARGIN = 2

export interface Mention {
  start: number
  end: number
  text: string
  hits: SpellingHit[]
  tokens: [number, number]
}

export interface DeprecatedUse {
  start: number
  end: number
  actual: string
  preferred: string
  entity: Entity
  reason?: string
  since?: string
}

export interface Suggestion {
  /** Replacement text for the span, in the form the text needs. */
  text: string
  entity?: Entity
  confidence: number
  similarity: Similarity
  evidence: string[]
}

export interface Suspect {
  start: number
  end: number
  actual: string
  /** `corrupted-name` when the best suggestion is a known entity, `inconsistent-name` when it is another spelling in the document. */
  kind: 'corrupted-name' | 'inconsistent-name'
  confidence: number
  suggestions: Suggestion[]
}

export interface DocumentAnalysis {
  text: string
  tokens: Token[]
  mentions: Mention[]
  deprecated: DeprecatedUse[]
  suspects: Suspect[]
  /** Entity id -> how often the document names it exactly. */
  entityCounts: Map<string, number>
}

const MAX_FUZZY_WORDS = 4
/** Bonus for a known entity the document names exactly elsewhere. */
const IN_DOCUMENT_BONUS = 0.15
/** Per further use of the name in the document (two at most), toward a spelling one letter off it written once. */
const REPEATED_NAME_BONUS = 0.05
/** Of the penalty of a word that is also a given name, what a candidate the document names in full elsewhere gets back ("Kean" after "Roy Keane"). */
const GIVEN_REFUND = 0.2
/** Bonus for an entity of a country the document is about. */
const COUNTRY_BONUS = 0.1
/** Against a full name whose doubtful word the document repeats three times or more ("Andrew Bayly" is not Andrew Bailey). */
const MULTIWORD_REPEAT_PENALTY = 0.25
/** Against a suggestion of a person, from the surname alone, whom the document never names. */
const LONE_SURNAME_PENALTY = 0.15
/** Against a word followed by another unknown capitalised word: most likely part of a name namelint does not know. */
const BEFORE_UNKNOWN_PENALTY = 0.25
/** Against a known entity, from a single word right after an unknown name word: more likely the rest of that unknown name. */
const AFTER_UNKNOWN_PENALTY = 0.25
/** Surname prefixes that make a name of their own. */
/** An opening bracket after a span, and the words that may introduce the preferred spelling in it ("Bombay (now Mumbai)"). */
const BRACKET_OPENING = /^\s*\((?:now |formerly |or )?/

/** Countries whose names English news writes family name first ("Kim Jong Un", "Xi Jinping", "Nguyen Phu Trong"). */
const FAMILY_NAME_FIRST = new Set(['CN', 'TW', 'HK', 'MO', 'KR', 'KP', 'VN'])

const NAME_PREFIX = /^(o|mc|mac|fitz|de|di|da|van|von|le|la|al|el|ben|bin|abu) ?/
/** The most items of a list whose names count as evidence of one kind (longer: a line-up, a roll of names). */
const MAX_LIST_ITEMS = 5
/** Bonus for a candidate of the same kind and country as a name coordinated with the word. */
const COORDINATION_BONUS = 0.1
const COORDINATORS = new Set(['and', 'or', '&'])
/** Against a demonym (an adjective) for a word that stands as a noun: "recalls Omnia (not her real name)". */
const NOUN_DEMONYM_PENALTY = 0.3
const ARTICLES = new Set(['the', 'a', 'an'])
/** Words that follow a noun, never an adjective's noun ("Omonia on Sunday", "Omnia said"). */
const AFTER_NOUN = new Set([
  'on', 'in', 'at', 'of', 'for', 'to', 'with', 'by', 'from', 'into', 'near', 'after', 'before', 'since', 'until', 'is', 'was',
  'are', 'were', 'has', 'had', 'have', 'said', 'says', 'who', 'which', 'that', 'where', 'when', 'but', 'as',
])
/** Words before a language's name ("speaks Czech", "learning English"; "translated into Japanese"): a demonym there is a noun. */
const LANGUAGE_BEFORE = new Set([
  'speak', 'speaks', 'spoke', 'spoken', 'speaking', 'learn', 'learns', 'learned', 'learnt', 'learning', 'understand',
  'understands', 'understood', 'teach', 'teaches', 'taught', 'teaching', 'fluent', 'native',
])
const LANGUAGE_ADVERBS = new Set(['only', 'fluent', 'good', 'perfect', 'little', 'some', 'basic', 'broken', 'mainly', 'mostly', 'also', 'no'])
const TRANSLATED = /^(?:translat|dubb|render)/
/** An HTML character reference right after a word ("Pel&#233;", "S&atilde;o"). */
const ESCAPED_LETTER = /^&(?:#\d+|#x[\da-f]+|[a-z]+);/i
/** Against a place or demonym of another country than the one whose possessive comes before the span. */
const POSSESSOR_PENALTY = 0.25
/** Against a known entity whose description shares no word with the one the text gives the span ("Tusla, the Irish state agency"). */
const APPOSITIVE_PENALTY = 0.25
/** A description set off after a name, up to the next punctuation and with no possessive in it: ", a migrant rescue charity." */
const APPOSITIVE = /^(?:'s|’s)?,\s+(?:the|a|an)\s+([^,.;:()"“”'’]+)(?=[,.;:()"“”]|$)/
/** Verbs of saying: ", the coach said" after a name opens a clause, not a description. */
const SAYING = /\b(?:said|says|added|adds|told|tells|insisted|insists|warned|warns|explained|explains|claimed|claims|reported|reports|wrote|writes|argued|argues|admitted|admits|noted|notes|asked|asks|replied|announced|announces|confirmed|confirms|stated|states)\b/i
/** Words of a description that say nothing of what a thing is. */
/** Score bonus when the common nouns right after a span say what the candidate is ("the Rautrs news agency"). */
const DESCRIBED_BONUS = 0.1
const WORDS_AFTER = /^(?:['’]s)?[ \t]+([a-z]+(?:[ \t]+[a-z]+){0,2})/

const APPOSITIVE_STOPWORDS = new Set(['which', 'that', 'with', 'from', 'into', 'about', 'after', 'than', 'their', 'there', 'where', 'when', 'while', 'whose', 'been', 'have', 'were', 'will', 'would', 'some', 'most', 'more', 'very', 'also', 'only', 'other', 'former', 'local', 'new'])
/** Words of office that end a role written before a person's name ("Foreign Secretary", "defence minister"). */
const ROLE_WORDS = new Set([
  'minister', 'secretary', 'president', 'chancellor', 'senator', 'governor', 'mayor', 'chairman', 'chairwoman',
  'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'commander', 'general', 'coach', 'manager',
  'captain', 'striker', 'midfielder', 'defender', 'goalkeeper', 'director', 'executive', 'leader', 'premier', 'king',
  'queen', 'prince', 'princess', 'pope', 'judge', 'prosecutor', 'singer', 'actor', 'actress', 'founder', 'chief',
])
/** For a person whose description holds the role the text gives right before the name. */
const ROLE_BONUS = 0.1
/** What a place with no description of its own may be called. */
const PLACE_WORDS = 'city town village capital region province state district county area port island country place'
/**
 * Bonus for a place (or a demonym: "in French", "from German shoppers") after a
 * word that introduces a place ("dates in Shina", "flew in from Peris").
 */
const LOCATIVE_BONUS = 0.08
/** Part of a first name's penalty given back toward a place after a preposition that introduces one. */
const LOCATIVE_GIVEN_REFUND = 0.2
/** For a news agency in the slot of a dateline ("WASHINGTON (Reuters) -"), against anything else there. */
const DATELINE_BONUS = 0.15
/** A dateline up to its agency's slot: a place in capitals opening a line, then a bracket. */
const DATELINE_BEFORE = /(?:^|\n)[ \t]*\p{Lu}[\p{Lu}\p{M} .,'’/-]*[ \t]*\($/u
/** And after the slot: the closing bracket and a dash. */
const DATELINE_AFTER = /^\)[ \t]*[-–—]/
const NEWS_AGENCY = /\bnews agency\b/i
/**
 * Prepositions that introduce a place far more often than anything else. Not "to": as often a person or a
 * cause ("according to", "thank you to Zhanying", "sold to Ryman").
 */
const LOCATIVES = new Set(['in', 'from', 'into', 'across', 'near', 'throughout', 'outside', 'inside', 'via'])
/** How far below the threshold alternative suggestions are still kept. */
const ALTERNATE_MARGIN = 0.05
/** The most letter edits between two spellings of one name (inconsistent-name), or a word and a name the document does not use. */
const MAX_SPELLING_EDITS = 2
/** A word that is some person's first or last name ("Forsythe", "Smit") is a little less likely a slip of another. */
const PERSON_NAME_PENALTY = 0.1

/** Words that announce a person's name. */
/** A capital after a small letter, other than an "I" (an OCR "l"). */
const CAMEL_CASE = /\p{Ll}(?!I)\p{Lu}/u
/** Titles that, in lower case, are mostly adjectives ("the general public", "a chief Palestinian negotiator"). */
const ADJECTIVE_TITLES = new Set(['general', 'gen', 'chief', 'deputy', 'executive'])
const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'minister', 'secretary', 'chancellor',
  'senator', 'sen', 'rep', 'governor', 'gov', 'general', 'gen', 'judge', 'justice', 'rev', 'reverend', 'father', 'pope',
  'king', 'queen', 'prince', 'princess', 'sheikh', 'emir', 'ayatollah', 'mayor', 'chairman', 'spokesman', 'spokeswoman',
  'coach', 'manager', 'captain', 'striker', 'defender', 'midfielder', 'goalkeeper', 'actor', 'actress', 'singer',
  'director', 'chief', 'executive', 'leader', 'premier', 'colonel', 'col', 'lt', 'sergeant', 'officer', 'professor', 'prof',
  'deputy', 'ambassador', 'envoy', 'commander', 'marshal', 'admiral',
])

/** Marks of a team line-up: a substitution with its minute ("(Gallas 45)"), a captain, a bench. */
const LINE_UP_MARK = /\(\p{Lu}[\p{L}'’-]+ \d{1,3}\)|\(capt\)|\bcapt\b|\bSubs\b|\bReplacements\b/u

/** A word for a relative, then a comma, right before a word: the word is that relative's name ("his father, Wilas,"). */
const KIN_BEFORE = /\b(?:father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|cousin|grandfather|grandmother|grandson|granddaughter|nephew|niece|widow|widower|stepfather|stepmother|fiancée?|boyfriend|girlfriend),\s+$/i

/** Endings that make a demonym or adjective of a place name ("Californian", "Tehranis"). */
const DERIVED_MIN_PRIOR = 0.45
const DERIVED_ENDINGS = ['ians', 'ans', 'ns', 'ian', 'an', 'n', 'ese', 'is', 'i', 'ites', 'ite', 'ers', 'er', 's']
/** Endings of demonyms made from a place's name (European, Bengali, Japanese, Danish). */
const DEMONYM_SUFFIXES = ['an', 'n', 'ian', 'ean', 'ese', 'ish', 'i', 'ite', 'er']
/** A Russian adjective of a place name in -sk: the place and the ending. */
const RUSSIAN_ADJECTIVE = /^(.{3,}sk)(?:iy|ii|y|aya|oye|oe)$/
/** Endings that make a word of a person's or organisation's name (followers, doctrines, makers). */
const NAME_ENDINGS = ['ers', 'er', 'rs', 'r', 'isms', 'ism', 'ists', 'ist', 'ites', 'ite', 'esque']

/**
 * The spelling a correction should use: a match on an accepted variant is
 * corrected to the entity's canonical spelling of the same length (Shog ->
 * Shoigu, not Shoygu), keeping a demonym's plural ending.
 */
function preferredOutput(hit: SpellingHit, output: string, spanKey: string, documentSpellings: Map<string, string>): string {
  const words = spanKey.split(' ').length
  // The spelling the document itself uses for the entity comes first, if it is a spelling of the same word
  // (not "British" for a slip of "Brit").
  const own = documentSpellings.get(`${hit.entityKey} ${words}`)
  if (own && similarity(spanKey, own).score >= 0.6) {
    const pluralOutput = output.length > hit.spelling.length && output.endsWith('s')
    if (pluralOutput) return own.endsWith('s') ? own : pluralWithS(own) ? own + 's' : output
    // In the number the span needs: "Ghanaians" elsewhere and "the Ghanian president" here make "Ghanaian".
    if (own.endsWith('s') && !hit.spelling.endsWith('s') && !spanKey.endsWith('s')) return normalizeName(own.slice(0, -1)) === normalizeName(hit.spelling) ? own.slice(0, -1) : output
    return own
  }
  // Otherwise umlauts are written the way the span writes them.
  if (hit.kind !== SpellingKind.Variant) return inWritersUmlauts(output, spanKey)
  const canonical = [hit.entity.name, ...hit.entity.forms].find((s) => normalizeName(s).split(' ').length === words)
  if (!canonical || similarity(spanKey, canonical).score < 0.6) return inWritersUmlauts(output, spanKey)
  // A plural keeps the variant's own where the canonical one takes no s ("Danes", not "Danishs").
  const plural = output.length > hit.spelling.length && output.endsWith('s')
  return inWritersUmlauts(plural ? (pluralWithS(canonical) ? canonical + 's' : output) : canonical, spanKey)
}

/**
 * A correction with its umlauts written the way the span writes them: one
 * that spells them out ("Schroedre") gets "Schroeder", not "Schröder" (both
 * are accepted spellings), when the written-out form is nearer to it. The
 * span's normalised key is enough: an umlaut the span writes is folded there
 * to a bare vowel, which never favours the written-out form.
 */
function inWritersUmlauts(output: string, spanKey: string): string {
  if (!/[äöüÄÖÜ]/.test(output) || !/[aou]e/.test(spanKey)) return output
  const spelled = spellOutUmlauts(output)
  return levenshtein(spanKey, spelled.toLowerCase()) < levenshtein(spanKey, output.toLowerCase()) ? spelled : output
}

/** Letters OCR confuses, as (misread, meant): a capital I for l inside a word, rn for m, cl for d, c for e, vv for w. */
const OCR_CONFUSIONS: Array<[RegExp, string, string]> = [
  [/(?<=\p{L})I(?=\p{Ll})|(?<=\p{Ll})I/gu, 'l', 'I'],
  [/rn/g, 'm', 'rn'],
  // And the other way: "rn" read as one "m" ("Califomia").
  [/(?<=\p{L})m/gu, 'rn', 'm'],
  [/cl/g, 'd', 'cl'],
  [/(?<=\p{L})c/gu, 'e', 'c'],
  [/vv/g, 'w', 'vv'],
]
const OCR_CONFIDENCE = 0.95
/** Confidence that "He Li Feng" is He Lifeng written with the given name split: the letters are the name's own. */
const SPLIT_NAME_CONFIDENCE = 0.95
const OCR_MIN_PRIOR = 0.5

/** Spellings a word may have been before OCR misread it: each confusion undone everywhere, then one place at a time. */
export function ocrReadings(word: string): string[] {
  const out = new Set<string>()
  for (const [pattern, meant, written] of OCR_CONFUSIONS) {
    // Most words hold none of the confusable letters past the first: skip the regex.
    if (word.indexOf(written, 1) < 0) continue
    // A short word with an "m" is as likely a name of its own ("Kem", not Kern).
    if (written === 'm' && word.length < 6) continue
    const all = word.replace(pattern, meant)
    if (all !== word) out.add(all)
    for (const m of word.matchAll(pattern)) out.add(word.slice(0, m.index) + meant + word.slice(m.index + m[0].length))
  }
  out.delete(word)
  return [...out]
}

/** What separates two items of a list: a comma, a conjunction, or a comma-set aside and a conjunction. */
const LIST_SEPARATOR = /^\s*(?:,\s*|(?:,\s*(?:[^,.;:]{1,20},\s*)?)?(?:and|or|&)\s+)$/

/** Last vowels that stand for each other in forms of one name: gender (i/a, o/a) and number (o/i, e/i). */
const INFLECTED_VOWELS = new Set(['ia', 'ai', 'oa', 'ao', 'oi', 'io', 'ei', 'ie'])
/** The letters an inflection adds or changes at the end of a name: a vowel of case or gender, a plural "s". */
const INFLECTION_ENDING = /^[aeious]{1,2}$/

/**
 * Do two keys differ only by an inflected ending (a plural, a case, a gender): "Garda"/"Gardai",
 * "Kuznetsov"/"Kuznetsova", "Kowalski"/"Kowalska"? A consonant dropped or changed at the end, or a letter
 * inserted before the last one, is a slip instead ("Letwi"/"Letwin", "Strau"/"Straw", "Barkly"/"Barkley").
 */
function sharesStemWithEnding(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  if (long.length - short.length > 2) return false
  let common = 0
  while (common < short.length && short[common] === long[common]) common++
  if (common < Math.max(4, short.length - 1) || long.length - common > 2) return false
  const shortEnding = short.slice(common)
  const longEnding = long.slice(common)
  // A plural beside another form of a long stem ("GameBoys", "Gameboyzz"; not "Evers", "Everrs"), but for the stem's
  // last letter doubled before the s, a slip ("Tovalens", "Tovalenns").
  if (shortEnding === 's') return common >= 5 && longEnding !== long[common - 1] + 's'
  // An ending added to the whole word, or a last vowel put for another as genders and numbers do (Kowalski,
  // Kowalska; Rosso, Rossi): not o for u or a for e ("Masangu", "Smithe"), which are slips.
  // (A word ending in a hiss takes "-es": "Barrientoss" is no plural of Barrientos.)
  if (shortEnding === '') return INFLECTION_ENDING.test(longEnding) && !(longEnding === 's' && endsInHiss(short))
  return shortEnding.length === 1 && longEnding.length === 1 && INFLECTED_VOWELS.has(shortEnding + longEnding)
}

/**
 * Is `short` `long` with one or two of its vowels left out ("Sodrbergh", "Soderbergh"; "Okndo", "Okonedo")?
 * Not where the vowel left out is one of a pair ("Aron", "Aaron"): a doubled letter is as common a slip.
 */
function lacksVowelsOf(short: string, long: string): boolean {
  const extra = long.length - short.length
  if (extra < 1 || extra > 2) return false
  let i = 0
  let lost = 0
  for (let j = 0; j < long.length; j++) {
    if (i < short.length && short[i] === long[j]) {
      i++
      continue
    }
    if (!'aeiou'.includes(long[j]) || long[j] === long[j - 1] || long[j] === long[j + 1]) return false
    // A vowel between two vowels was put in, not left out: a slip makes "Deiutsche" of Deutsche, no rewrite drops
    // the i of a name spelt so.
    if (j > 0 && j + 1 < long.length && 'aeiou'.includes(long[j - 1]) && 'aeiou'.includes(long[j + 1])) return false
    lost++
  }
  return i === short.length && lost === extra
}

/** The most vowels in a row in a compact key ("deiutsche": 3). */
function longestVowelRun(key: string): number {
  let longest = 0
  let run = 0
  for (const c of key) {
    run = 'aeiou'.includes(c) ? run + 1 : 0
    if (run > longest) longest = run
  }
  return longest
}

/**
 * Is `misread` `meant` with one or more of its l read as a capital I inside the word ("KrumIov", "Krumlov")? Not
 * after Mc or Mac, where the capital is the name's own ("McIlroy", "MacInnes").
 */
function ocrCapitalI(misread: string, meant: string): boolean {
  return misread.length === meant.length && INNER_CAPITAL_I.test(misread) && !/^Ma?cI/.test(misread) && misread.replace(INNER_CAPITAL_I_ALL, 'l') === meant
}
const INNER_CAPITAL_I = /\p{Ll}I/u
const INNER_CAPITAL_I_ALL = /(?<=\p{Ll})I/gu

/** The consonants of a compact key, in order ("aminudeen": mnd). */
function consonantsOf(key: string): string {
  return key.replace(/[aeiouy]/g, '')
}

/** Is `span` the acronym written in title case ("Unrwa" for UNRWA), as house styles write acronyms of four letters or more? */
function titleCaseOf(acronym: string, span: string): boolean {
  return acronym.length >= 4 && span.length === acronym.length && span === acronym[0] + acronym.slice(1).toLowerCase()
}

function joinTokens(tokens: Token[], from: number, to: number, text: string): string {
  return text.slice(tokens[from].start, tokens[to - 1].start + tokens[to - 1].base.length)
}

export { translitKey } from './normalize.js'

interface DocSpelling {
  text: string
  count: number
  entity?: Entity
  /** Given names or initials written before it ("Ian" in "Ian Fogg"): two different ones mean two people. */
  givenNames: Set<string>
  /** Written after a given name, an initial or a title at least once ("Mr Fuller"): used as a person's name. */
  named: boolean
  /** Written after a name particle at least once ("dal Maso", "van Persie"). */
  afterParticle: boolean
  /** The tokens it is written at. */
  at: number[]
  /** The capitalised words written right after it ("Raju" in "Rakshitha Raju"). */
  before: Set<string>
  /** A name the dictionaries know ("Telford"), written as a person's name. */
  known?: boolean
}

/** A search that found nothing. */
const NO_MATCHES: FuzzySearch = { accepted: false, matches: [] }
/** Months that are surnames or given names too (May, March, June, August...): written alone, the month is meant. */
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'])

/** Whether a word derives from a place or from a name depends on the word and the dictionaries only: remembered per index. */
const derivedCaches = new WeakMap<NameIndex, { place: Map<string, boolean>; name: Map<string, boolean> }>()

export function analyse(tree: Root, text: string, index: NameIndex, options: Partial<AnalysisOptions> = {}): DocumentAnalysis {
  const opts = { ...DEFAULT_ANALYSIS_OPTIONS, ...options }
  const tokens = tokenize(tree)
  const runs = capitalisedRuns(tokens)
  let mentions: Mention[] = []
  const deprecated: DeprecatedUse[] = []
  const entityCounts = new Map<string, number>()
  const unknown: Array<{ token: number; run: [number, number] }> = []
  const maxWords = Math.min(index.maxWords, 8)
  // What the dictionaries say about each token's base, found once per token (spans are joined from the keys).
  const factCache: WordFacts[] = []
  const factsFor = wordFactsOf(index)
  const factsOf = (i: number): WordFacts => (factCache[i] ??= factsFor(tokens[i].base))
  const tokenKey = (i: number): string => factsOf(i).key
  const spanKeyOf = (from: number, to: number): string => {
    if (to - from === 1) return tokenKey(from)
    let out = tokenKey(from)
    for (let k = from + 1; k < to; k++) {
      const part = tokenKey(k)
      if (part) out = out ? out + ' ' + part : part
    }
    return out
  }

  /**
   * Do the tokens [from, to) stand inside a longer capitalised name ("Bombay Stock Exchange", "Salaam Bombay", "Peking
   * Union Medical College")? Such a name keeps its old spelling: it is the name's own, not the place's.
   */
  const insideLongerName = (from: number, to: number, run: [number, number]): boolean => {
    const before = from > run[0] && tokens[from - 1].joinedToNext && tokens[from - 1].capitalised && !(tokens[from - 1].initial && factsOf(from - 1).english)
    const after = to < run[1] && tokens[to - 1].joinedToNext && tokens[to].capitalised
    return before || after
  }

  /** Is the span the old spelling given in brackets beside the preferred one, "Mumbai (Bombay)" or "Bombay (now Mumbai)"? */
  const besideBracketedPreferred = (start: number, end: number, preferred: string): boolean => {
    const before = text.slice(Math.max(0, start - preferred.length - 3), start)
    if (/\(\s*$/.test(before) && before.replace(/\s*\(\s*$/, '').endsWith(preferred)) return true
    const bracket = BRACKET_OPENING.exec(text.slice(end, end + 16))
    return bracket !== null && text.startsWith(`${preferred})`, end + bracket[0].length)
  }

  /** Does a preposition that introduces a place ("in", "from") come right before token `i`? */
  const afterLocative = (i: number): boolean => {
    if (i === 0) return false
    const before = tokens[i - 1]
    return before.sentence === tokens[i].sentence && before.joinedToNext && LOCATIVES.has(before.text)
  }

  /** Count each entity a mention's hits name, once per mention (a list: mentions have a hit or two). */
  const countEntities = (hits: SpellingHit[]) => {
    for (let h = 0; h < hits.length; h++) {
      const key = hits[h].entityKey
      let repeated = false
      for (let k = 0; k < h && !repeated; k++) repeated = hits[k].entityKey === key
      if (!repeated) entityCounts.set(key, (entityCounts.get(key) ?? 0) + 1)
    }
  }

  /**
   * A known Chinese name with its two-syllable given name split in two ("He Li Feng", "Xi Jin Ping"), as machine
   * translation writes them: the known person so spelt, when tokens `i`..`i+2` are three pinyin syllables.
   */
  const splitGivenName = (i: number, run: [number, number]): SpellingHit[] | undefined => {
    if (i + 3 > run[1] || !tokens[i].joinedToNext || !tokens[i + 1].joinedToNext || !isPinyinSyllable(tokens[i].base)) return undefined
    const [g1, g2] = [tokens[i + 1], tokens[i + 2]]
    if (g1.possessive || g1.upper || g2.upper || !isPinyinSyllable(g1.base) || !isPinyinSyllable(g2.base)) return undefined
    const hits = index.lookupKey(`${tokenKey(i)} ${tokenKey(i + 1)}${tokenKey(i + 2)}`).filter((h) => h.entity.type === 'person' && h.kind <= SpellingKind.Form)
    return hits.length > 0 ? hits : undefined
  }
  const splitNames: Suspect[] = []

  // 1. Exact matches, longest first, inside each capitalised run.
  for (const run of runs) {
    let i = run[0]
    while (i < run[1]) {
      const split = splitGivenName(i, run)
      if (split) {
        const end = tokens[i + 2].start + tokens[i + 2].base.length
        const mention: Mention = { start: tokens[i].start, end, text: text.slice(tokens[i].start, end), hits: split, tokens: [i, i + 3] }
        mentions.push(mention)
        countEntities(split)
        const hit = split[0]
        splitNames.push({
          start: mention.start,
          end: tokens[i + 2].end,
          actual: text.slice(mention.start, tokens[i + 2].end),
          kind: 'corrupted-name',
          confidence: SPLIT_NAME_CONFIDENCE,
          suggestions: [
            {
              text: hit.spelling + tokens[i + 2].possessive,
              entity: hit.entity,
              confidence: SPLIT_NAME_CONFIDENCE,
              similarity: similarity(mention.text, hit.spelling),
              evidence: ['the given name written as two words, as pinyin never splits it'],
            },
          ],
        })
        i += 3
        continue
      }
      let matched = 0
      // Only spans as long as some known name starting with this word can match.
      const longest = run[1] - i > 1 ? Math.min(maxWords, run[1] - i, factsOf(i).maxWordsFrom) : 1
      for (let len = longest; len >= 1; len--) {
        const last = i + len - 1
        if (!tokens[last].capitalised && CONNECTORS.has(tokens[last].text.toLowerCase())) continue
        const found = len === 1 ? factsOf(i).hits : lookupSpan(index, spanKeyOf(i, i + len))
        if (found.length === 0) continue
        // After a first name a word is a surname, never a plural ("Kamala Harrys" names no Harrys).
        if (len === 1 && i > run[0] && factsOf(i).exact.length === 0 && tokens[i - 1].joinedToNext && factsOf(i - 1).given) continue
        const span = joinTokens(tokens, i, i + len, text)
        // Acronyms match only as written ("IRQ" is Iraq's code; "Irq" is a slip), or of four letters or more in
        // title case, as house styles write the ones said as words ("Nato", "Unrwa").
        const hits = found.some((h) => h.kind === SpellingKind.Acronym) ? found.filter((h) => h.kind !== SpellingKind.Acronym || h.spelling === span || titleCaseOf(h.spelling, span)) : found
        if (hits.length === 0) continue
        const mention: Mention = { start: tokens[i].start, end: tokens[last].start + tokens[last].base.length, text: span, hits, tokens: [i, i + len] }
        mentions.push(mention)
        countEntities(hits)
        const dep = hits.find((h) => h.kind === SpellingKind.Deprecated)
        // A deprecated spelling that is also an accepted spelling of another entity is left alone.
        // Nor is a place's old spelling after a first name, where it is a person's surname ("Alexander Cherkassy").
        const surname = dep && dep.entity.type !== 'person' && len === 1 && i > 0 && tokens[i - 1].joinedToNext && factsOf(i - 1).given && !factsOf(i - 1).english
        if (dep && !surname && !hits.some((h) => h.kind !== SpellingKind.Deprecated && h.kind !== SpellingKind.Acronym && h.entityKey !== dep.entityKey)) {
          const d = dep.entity.deprecated.find((x) => normalizeName(x.spelling) === normalizeName(dep.spelling))
          if (d && !insideLongerName(i, i + len, run) && !besideBracketedPreferred(mention.start, mention.end, d.preferred)) {
            deprecated.push({ start: mention.start, end: mention.end, actual: text.slice(mention.start, mention.end), preferred: d.preferred, entity: dep.entity, reason: d.reason, since: d.since })
          }
        }
        matched = len
        break
      }
      if (matched === 0) {
        const t = tokens[i]
        if (t.capitalised && !t.upper && !CONNECTORS.has(t.text.toLowerCase())) unknown.push({ token: i, run })
        i++
      } else {
        i += matched
      }
    }
  }

  // A lone surname form that is really a first name ("Hassan Shehata") or a sentence-opening
  // word ("He") names nobody: it must not count as evidence that the document is about that person.
  const mentionStarts = new Set(mentions.map((m) => m.tokens[0]))
  const spurious = (m: Mention): boolean => {
    const [i, end] = m.tokens
    // Surname forms, and gazetteer places that share a common first name ("Hassan", India).
    if (end - i !== 1 || !m.hits.every((h) => (h.kind === SpellingKind.Form && h.entity.type === 'person') || h.entity.source === 'geonames')) return false
    if (tokens[i].initial && factsOf(i).english) return true
    // A function word in title case ("Pirates Of The Caribbean") is no mention of the Turkish town of Of.
    if (CONNECTORS.has(tokenKey(i)) || ARTICLES.has(tokenKey(i))) return true
    // A month ("from May", "in March") names nobody, unless a title makes it a surname ("Mrs May").
    if (MONTHS.has(tokenKey(i)) && !(i > 0 && tokens[i - 1].joinedToNext && PERSON_TITLES.has(tokenKey(i - 1)))) return true
    const next = tokens[i + 1]
    // A family name written first ("Liu Zhonghua", "Kim Sang-woo"): the word after it is the given name of someone
    // namelint may not know, even when that word names a place too.
    const familyFirst = m.hits.every((h) => h.kind === SpellingKind.Form && h.entity.type === 'person' && h.entity.country !== undefined && FAMILY_NAME_FIRST.has(h.entity.country))
    if (familyFirst && next && tokens[i].joinedToNext && next.capitalised && !next.upper) return true
    if (factsOf(i).english) return false // "North", "New": words that open names of places
    return Boolean(next && tokens[i].joinedToNext && next.capitalised && !next.upper && !mentionStarts.has(i + 1) && !factsOf(i + 1).english)
  }
  if (mentions.some(spurious)) {
    mentions = mentions.filter((m) => !spurious(m))
    entityCounts.clear()
    for (const m of mentions) countEntities(m.hits)
  }

  // 2. The document's own spellings: counts of capitalised words, and an index by skeleton.
  /** Is the token written right after a lower-case name particle ("dal Maso")? */
  const afterNameParticle = (ti: number): boolean => ti > 0 && tokens[ti - 1].joinedToNext && NAME_PARTICLES.has(tokens[ti - 1].text)
  const docSpellings = new Map<string, DocSpelling>()
  const knownWritten = new Map<string, { text: string; count: number; at: number[]; named: boolean }>()
  /** The given name or initial written right before token `ti` ("Ian" in "Ian Fogg"), if any. */
  const givenBefore = (ti: number): string | undefined =>
    ti > 0 && tokens[ti - 1].joinedToNext && (factsOf(ti - 1).given || /^\p{Lu}\.?$/u.test(tokens[ti - 1].text)) ? tokenKey(ti - 1) : undefined
  /** Is token `ti` written as a person's name, after a given name, an initial or a title ("Mr Fuller")? */
  const namedAt = (ti: number): boolean => givenBefore(ti) !== undefined || (ti > 0 && tokens[ti - 1].joinedToNext && PERSON_TITLES.has(tokenKey(ti - 1)))
  /** Count one more use of a spelling, at token `ti`. */
  const recordUse = (spelling: DocSpelling, ti: number): void => {
    const t = tokens[ti]
    spelling.at.push(ti)
    if (ti + 1 < tokens.length && t.joinedToNext && tokens[ti + 1].capitalised) spelling.before.add(tokenKey(ti + 1))
    if (afterNameParticle(ti)) spelling.afterParticle = true
    const given = givenBefore(ti)
    if (given) spelling.givenNames.add(given)
    if (namedAt(ti)) spelling.named = true
  }
  const newSpelling = (text: string, count: number): DocSpelling => ({ text, count, givenNames: new Set(), named: false, afterParticle: false, at: [], before: new Set() })
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]
    if (!t.capitalised || t.upper || t.base.length < 4) continue
    if (t.initial && factsOf(ti).english) continue
    const own = tokenKey(ti)
    // Known names are candidates through the index (with their entity), not as bare spellings; an OCR reading may
    // still find them as written ("Shericlan" beside "Andrew Sheridan", a low-prior place too).
    if (factsOf(ti).exact.length > 0) {
      const known = knownWritten.get(own)
      if (known) known.count++
      else knownWritten.set(own, { text: t.base, count: 1, at: [], named: false })
      const entry = known ?? knownWritten.get(own)!
      entry.at.push(ti)
      if (!entry.named && namedAt(ti)) entry.named = true
      continue
    }
    let spelling = docSpellings.get(own)
    if (spelling) spelling.count++
    else docSpellings.set(own, (spelling = newSpelling(t.base, 1)))
    recordUse(spelling, ti)
  }
  // A known name the document writes as a person's name ("Terry Telford", "Mr Lynch") is that person's spelling too:
  // another spelling of it is compared as the document's own ("Mr Talford" beside "Terry Telford").
  for (const [own, known] of knownWritten) {
    if (!known.named) continue
    const spelling: DocSpelling = { ...newSpelling(known.text, known.count), known: true }
    for (const ti of known.at) recordUse(spelling, ti)
    docSpellings.set(own, spelling)
  }
  // How the document spells each entity it names exactly ("entityKey words" -> text), first use first.
  const entitySpellingsInDocument = new Map<string, string>()
  for (const m of mentions) {
    const words = wordCount(spanKeyOf(m.tokens[0], m.tokens[1]))
    for (const h of m.hits) {
      if (h.kind === SpellingKind.Acronym || h.kind === SpellingKind.Deprecated) continue
      const k = `${h.entityKey} ${words}`
      if (!entitySpellingsInDocument.has(k)) entitySpellingsInDocument.set(k, m.text)
    }
  }
  // Every suggestible spelling of the entities the document names: fuzzy candidates with no prior penalty.
  // By word count: a span is only compared with spellings of as many words.
  const mentionedSpellings = new Map<number, Array<{ hit: SpellingHit; compact: string; skeleton: string; words: number }>>()
  for (const entityKey of entityCounts.keys()) {
    for (const x of index.entitySpellings(entityKey)) {
      if (x.hit.kind > SpellingKind.Form || x.hit.entity.prior < MIN_FUZZY_PRIOR) continue
      const list = mentionedSpellings.get(x.words)
      if (list) list.push(x)
      else mentionedSpellings.set(x.words, [x])
    }
  }
  // A person the document names in full is named by the surname alone after that ("Andy Robinson ... Robinson said"),
  // whether or not the dictionary lists the surname as a form (it leaves out common surnames, shared by many).
  // Not for names written family name first (Chinese, Korean, Vietnamese), whose last word is the given name.
  const surnamed = new Set<string>()
  for (const m of mentions) {
    if (m.tokens[1] - m.tokens[0] < 2) continue
    for (const h of m.hits) {
      if (h.entity.type !== 'person' || h.kind > SpellingKind.Form || h.entity.prior < MIN_FUZZY_PRIOR || surnamed.has(h.entityKey)) continue
      if (h.entity.country && FAMILY_NAME_FIRST.has(h.entity.country)) continue
      surnamed.add(h.entityKey)
      const surname = h.spelling.split(/\s+/).pop() ?? ''
      const key = normalizeName(surname)
      if (compactKey(surname).length < 4 || key.includes(' ') || index.entitySpellings(h.entityKey).some((x) => normalizeName(x.hit.spelling) === key)) continue
      const x = { hit: { spelling: surname, kind: SpellingKind.Form, entity: h.entity, entityKey: h.entityKey }, compact: compactKey(surname), skeleton: skeleton(surname), words: 1 }
      const list = mentionedSpellings.get(1)
      if (list) list.push(x)
      else mentionedSpellings.set(1, [x])
    }
  }
  const docSkeletons = new Map<string, string[]>()
  for (const key of docSpellings.keys()) {
    const sk = skeleton(key)
    const list = docSkeletons.get(sk)
    if (list) list.push(key)
    else docSkeletons.set(sk, [key])
  }

  const derived = derivedCaches.get(index) ?? { place: new Map<string, boolean>(), name: new Map<string, boolean>() }
  derivedCaches.set(index, derived)

  // Entities the document names with more than one word ("Roy Keane", not a lone "May" that may be the month).
  const namedInFull = new Set<string>()
  for (const m of mentions) if (m.tokens[1] - m.tokens[0] > 1) for (const h of m.hits) namedInFull.add(h.entityKey)
  const mentionAt = new Map<number, Mention>()
  for (const m of mentions) for (let k = m.tokens[0]; k < m.tokens[1]; k++) mentionAt.set(k, m)
  const unknownSet = new Set(unknown.map((u) => u.token))
  // The words written right before each entity the document names ("Kate" in "Kate Robertson").
  let namesBefore: Map<string, Set<string>> | undefined
  /** Does the document write the entity after this given name or initial? */
  function writtenAfter(entityKey: string, given: string | undefined, initial: string | undefined): boolean {
    if (!namesBefore) {
      namesBefore = new Map()
      for (const m of mentions) {
        const prev = m.tokens[0] - 1
        if (prev < 0 || !tokens[prev].joinedToNext) continue
        for (const h of m.hits) {
          const set = namesBefore.get(h.entityKey) ?? new Set<string>()
          set.add(tokenKey(prev))
          namesBefore.set(h.entityKey, set)
        }
      }
    }
    const before = namesBefore.get(entityKey)
    if (!before) return false
    return [...before].some((w) => (given ? w === given : w[0] === initial))
  }

  /** Is the token most likely part of a person's name by its context? */
  /** A person's title ("Mr", "minister"); "general", "chief" and "deputy" only capitalised ("the general Palestinian population"). */
  function isTitle(ti: number): boolean {
    const word = tokenKey(ti)
    return PERSON_TITLES.has(word) && !(ADJECTIVE_TITLES.has(word) && !tokens[ti].capitalised)
  }

  function personContext(ti: number, run: [number, number]): boolean {
    // "Pongsak's father, Wilas, wept": a relative named in apposition.
    if (KIN_BEFORE.test(text.slice(Math.max(0, tokens[ti].start - 24), tokens[ti].start))) return true
    const prev = ti - 1
    if (prev < 0 || tokens[prev].sentence !== tokens[ti].sentence) return false
    if (isTitle(prev) && tokens[prev].joinedToNext) return true
    // A title, a first name and then the word ("Minister Li Zhaoxing"), but not an English word after the title ("General Motors").
    const title = prev - 1
    if (title >= run[0] && tokens[title].joinedToNext && tokens[prev].joinedToNext && isTitle(title) && !tokens[prev].upper && !factsOf(prev).english) return true
    if (prev >= run[0]) {
      // An initial ("J Fourie"), but not the article or pronoun opening a sentence ("A German firm").
      if (/^\p{Lu}\.?$/u.test(tokens[prev].text) && !(tokens[prev].initial && /^[AI]$/.test(tokens[prev].text))) return true
      // A known given name, unless the word before it is itself a place or demonym ("North").
      // A sentence-initial given name that is also a word ("Will", "May") proves nothing.
      if (factsOf(prev).given && !(tokens[prev].initial && factsOf(prev).english) && !mentionAt.get(prev)?.hits.some((h) => h.entity.type !== 'person')) return true
      // A common Chinese family name before a pinyin word ("Qiu Jianhua", "Gu Tiancheng"): the word is a given name,
      // however like a town's name it reads.
      if (tokens[prev].joinedToNext && CHINESE_FAMILY_NAMES.has(tokenKey(prev)) && isPinyin(tokens[ti].base)) return true
      // Some person's name that is no English word and names no place ("Gao Makong", "Dong Yannan": family name first).
      // Not a word that opens known names of several words ("Los", "San", "Santa").
      if (tokens[prev].joinedToNext && factsOf(prev).person && !factsOf(prev).english && !tokens[prev].initial && factsOf(prev).maxWordsFrom === 1 && !mentionAt.get(prev)?.hits.some((h) => h.entity.type !== 'person')) return true
    }
    return false
  }

  /**
   * Is the token most likely a first name by what follows it: an initial ("Parth R Chauhan") or a known person's
   * surname ("Tirone González")?
   */
  function beforeSurname(ti: number, run: [number, number]): boolean {
    const next = ti + 1
    if (next >= run[1] || !tokens[ti].joinedToNext || tokens[ti].possessive) return false
    const t = tokens[next]
    if (/^\p{Lu}\.?$/u.test(t.text) && next + 1 < run[1] && t.joinedToNext && !tokens[next + 1].upper) return true
    const m = mentionAt.get(next)
    return Boolean(m && m.tokens[0] === next && m.tokens[1] - next === 1 && m.hits.every((h) => h.entity.type === 'person' && h.kind === SpellingKind.Form))
  }

  /**
   * Does the token stand as a noun rather than as an adjective: no article before it, and after it (and after any
   * list of capitalised words it heads: "French, Jordanian and Nigerian nationals") punctuation, the end of the
   * sentence or a word that follows nouns ("on", "said") rather than a noun? A singular demonym is an adjective ("Omani troops"), a noun only with an article.
   */
  /** Does the word stand where a language is named ("speaks Russyan", "translated into Japanse")? */
  function namesLanguage(ti: number): boolean {
    const prev = ti - 1
    if (prev < 0 || tokens[prev].sentence !== tokens[ti].sentence || !tokens[prev].joinedToNext) return false
    const word = tokens[prev].text.toLowerCase()
    if (LANGUAGE_BEFORE.has(word)) return true
    // "speak only Russian", "speaks fluent Czech".
    if (LANGUAGE_ADVERBS.has(word) && prev > 0 && tokens[prev - 1].sentence === tokens[ti].sentence && LANGUAGE_BEFORE.has(tokens[prev - 1].text.toLowerCase())) return true
    return (word === 'into' || word === 'from') && prev > 0 && tokens[prev - 1].sentence === tokens[ti].sentence && TRANSLATED.test(tokens[prev - 1].text.toLowerCase())
  }

  function standsAsNoun(ti: number): boolean {
    const sentence = tokens[ti].sentence
    if (ti > 0 && tokens[ti - 1].sentence === sentence && ARTICLES.has(tokens[ti - 1].text.toLowerCase())) return false
    // Nor an article with one adjective between ("the average American", "a young Briton").
    if (ti > 1 && tokens[ti - 2].sentence === sentence && tokens[ti - 2].joinedToNext && tokens[ti - 1].joinedToNext && !tokens[ti - 1].capitalised && ARTICLES.has(tokens[ti - 2].text.toLowerCase())) return false
    let i = ti
    for (;;) {
      const next = i + 1
      if (next >= tokens.length || tokens[next].sentence !== sentence) return true
      const gap = text.slice(tokens[i].start + tokens[i].text.length, tokens[next].start)
      if (/^\s*,\s*$/.test(gap) && tokens[next].capitalised) {
        i = next
        continue
      }
      if (!/^\s+$/.test(gap)) return true
      const word = tokens[next].text.toLowerCase()
      if (COORDINATORS.has(word) && next + 1 < tokens.length && tokens[next + 1].sentence === sentence && tokens[next + 1].capitalised && /^\s+$/.test(text.slice(tokens[next].start + tokens[next].text.length, tokens[next + 1].start))) {
        i = next + 1
        continue
      }
      return AFTER_NOUN.has(word)
    }
  }

  /**
   * Of two spellings of one name used as often as each other, the likelier, by the first reason that tells them
   * apart: one edit or slip apart, one is a name people are known to bear ("Ian Garnier ... Mr Garrnier"); the
   * letters of one read more like a name (a letter-pair model); one has the vowels the other leaves out ("Steven
   * Soderbergh ... Sodrbergh": a vowel left out is a commoner slip than one put in). 'own' when it is `own`, the
   * reason when it is `other`, undefined when no reason tells.
   */
  function tieWinner(own: string, ownKnown: boolean, other: string, sim: Similarity): 'own' | string | undefined {
    // A capital I inside a word where the other spelling has an l is OCR's misreading ("KrumIov", Krumlov), however
    // name-like its letters read once lower-cased.
    if (ocrCapitalI(own, other)) return 'of which this is an OCR misreading (I for l)'
    if (ocrCapitalI(other, own)) return 'own'
    if (sim.edits <= 1 || sim.slip) {
      const otherKnown = index.isPersonName(other) || index.isGivenName(other)
      if (otherKnown && !ownKnown) return 'a known name'
      if (ownKnown && !otherKnown) return 'own'
    }
    const lead = index.plausibility(other) - index.plausibility(own)
    if (lead >= PLAUSIBILITY_MARGIN) return 'which reads more like a name'
    if (lead <= -PLAUSIBILITY_MARGIN) return 'own'
    const [a, b] = [compactKey(own), compactKey(other)]
    if (lacksVowelsOf(a, b)) return 'with the vowels this spelling lacks'
    if (lacksVowelsOf(b, a)) return 'own'
    // Three vowels in a row where the other spelling has two: rare in names, the mark of a vowel slipped in.
    const [ownRun, otherRun] = [longestVowelRun(a), longestVowelRun(b)]
    if (ownRun >= 3 && otherRun < ownRun) return 'without the run of vowels this spelling has'
    if (otherRun >= 3 && ownRun < otherRun) return 'own'
    // Where they differ, the letters of one are far rarer in names ("Salzbergerr", "Prraktik", "Yatrdeni"). Not where
    // only vowels differ: names from other languages spell vowels as English rarely does ("Aminudeen", "Aminuden").
    if (consonantsOf(a) === consonantsOf(b)) return undefined
    const tripleLead = index.rarestTripleNotIn(own, other) - index.rarestTripleNotIn(other, own)
    if (tripleLead <= -TRIPLE_MARGIN) return 'whose letters are likelier in a name where the two differ'
    if (tripleLead >= TRIPLE_MARGIN) return 'own'
    return undefined
  }

  /**
   * Are two tokens items of one list: "X and Y", "X, Y", "X, seven, and Y" (an item may carry a short aside)?
   * Not two clauses ("met X on Tuesday, and Y promised").
   */
  function listedTogether(a: number, b: number): boolean {
    const [first, last] = a < b ? [a, b] : [b, a]
    if (tokens[first].sentence !== tokens[last].sentence || last - first > 8) return false
    return LIST_SEPARATOR.test(text.slice(tokens[first].end, tokens[last].start))
  }

  /** The content words of a description set off right after the text ending at `end` (", a migrant rescue charity"), if any. */
  function appositiveAfter(end: number): string[] | undefined {
    const m = APPOSITIVE.exec(text.slice(end, end + 120))
    // "back to Manchester, the coach said": a clause with a verb of saying, not a description of the name.
    if (!m || SAYING.test(m[1])) return undefined
    const words = m[1].toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4 && !APPOSITIVE_STOPWORDS.has(w))
    return words.length > 0 ? words.slice(0, 8) : undefined
  }
  /** Up to three lower-case words right after the text ending at `end`, before any punctuation ("news agency"), less stop words and verbs of saying. */
  function wordsAfter(end: number): string[] | undefined {
    const m = WORDS_AFTER.exec(text.slice(end, end + 60))
    if (!m) return undefined
    const words = m[1].split(/[ \t]+/).filter((w) => w.length >= 4 && !APPOSITIVE_STOPWORDS.has(w) && !SAYING.test(w))
    return words.length > 0 ? words : undefined
  }

  /**
   * The one or two words of four letters or more right before token `from`, in its sentence, lower-cased ("defence
   * minister", "carmaker"); with `lowerCaseOnly`, only words written in lower case.
   */
  function wordsBefore(from: number, lowerCaseOnly: boolean): string[] {
    const words: string[] = []
    for (let k = from - 1; k >= 0 && k >= from - 2; k--) {
      if (tokens[k].sentence !== tokens[from].sentence || !tokens[k].joinedToNext) break
      if (lowerCaseOnly && !/^\p{Ll}+$/u.test(tokens[k].text)) break
      const word = tokens[k].text.toLowerCase()
      if (word.length < 4 || APPOSITIVE_STOPWORDS.has(word)) break
      words.unshift(word)
    }
    return words
  }

  /** Two organisations of one kind, by the last word of their descriptions ("German carmaker", "Japanese carmaker"). */
  function sameKindOfBody(a: Entity, b: Entity): boolean {
    const kind = (e: Entity) => /([\p{L}-]{4,})\s*$/u.exec((e.description ?? '').split(/[,;(]/)[0])?.[1].toLowerCase()
    const k = kind(a)
    return k !== undefined && k === kind(b)
  }

  /**
   * The role written right before a name, lower-cased ("foreign secretary" in "Foreign Secretary Jack Straw",
   * "defence minister" in "Russia's defence minister Sergei Shoigu"): up to two words ending in a word of office.
   */
  function roleBefore(from: number): string[] | undefined {
    const words = wordsBefore(from, false)
    return words.length > 0 && ROLE_WORDS.has(words[words.length - 1]) ? words : undefined
  }

  /**
   * Does a description share a word (by its first five letters) with what namelint knows of the entity? With
   * `ownWordsOnly`, a whole word of the entity's own description.
   */
  function describedAs(entity: Entity, words: string[], ownWordsOnly = false): boolean {
    if (ownWordsOnly) {
      // As evidence for a candidate: whole words, in the singular or the plural ("interview" says nothing of "international").
      const own = new Set((entity.description ?? '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4))
      return words.some((w) => own.has(w) || own.has(w.replace(/s$/, '')) || own.has(w + 's'))
    }
    const known = `${describeEntity(entity)} ${entity.type === 'place' ? PLACE_WORDS : ''}`.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4)
    const stems = new Set(known.map((w) => w.slice(0, 5)))
    return words.some((w) => stems.has(w.slice(0, 5)))
  }

  /**
   * Is the token listed between commas ("Gallas, Tiago, Makelele"; a comma on one side only may end a clause:
   * "Mr Waller, Exxon"), beside a known person or first name and beside no known place, demonym or organisation?
   * Then it names a person too.
   */
  function listedWithPeople(ti: number): boolean {
    let people = 0
    for (const [a, b, other] of [[ti - 1, ti, ti - 1], [ti, ti + 1, ti + 1]]) {
      if (a < 0 || b >= tokens.length || tokens[a].sentence !== tokens[b].sentence) return false
      if (!/^\s*,\s*$/.test(text.slice(tokens[a].end, tokens[b].start))) return false
      const m = mentionAt.get(other)
      if (!m) {
        // A known first name the document does not tie to anyone ("Archie, Lili, Harry") names a person too.
        if (factsOf(other).given && !factsOf(other).english) people++
        continue
      }
      if (m.hits.some((h) => h.entity.type !== 'person')) return false
      people++
    }
    return people > 0
  }

  /**
   * Is the token a name in a team line-up ("Cech; Ferreira, Terry (Gallas 45), Bridge; ... Subs Not Used: Pidgeley,
   * Tiago.")? A sentence of five or more names between commas or semicolons with a substitution ("(Gallas 45)"),
   * a captain or a bench, less a word alone in brackets (a club: "(Agen)"). Such names are people's.
   */
  const lineUps = new Map<number, boolean>()
  function inLineUp(ti: number): boolean {
    const sentence = tokens[ti].sentence
    let lineUp = lineUps.get(sentence)
    if (lineUp === undefined) {
      let first = ti
      while (first > 0 && tokens[first - 1].sentence === sentence) first--
      let last = ti
      while (last + 1 < tokens.length && tokens[last + 1].sentence === sentence) last++
      const span = text.slice(tokens[first].start, tokens[last].end)
      const separators = span.match(/[,;]/g)?.length ?? 0
      lineUp = separators >= 4 && LINE_UP_MARK.test(span)
      lineUps.set(sentence, lineUp)
    }
    if (!lineUp) return false
    const before = text.slice(Math.max(0, tokens[ti].start - 1), tokens[ti].start)
    const after = text.slice(tokens[ti].end, tokens[ti].end + 1)
    return !(before === '(' && (after === ')' || after === ','))
  }

  /** The country whose possessive comes right before the token ("Lesotho's" in "Lesotho's Maloti"), if any. */
  function possessorCountry(ti: number): string | undefined {
    const prev = ti - 1
    if (prev < 0 || !tokens[prev].possessive || tokens[prev].sentence !== tokens[ti].sentence) return undefined
    const m = mentionAt.get(prev)
    return m?.hits.find((h) => h.entity.id.startsWith('country-'))?.entity.country
  }

  /** A place name with a demonym ending ("Californians") is a word the text may rightly use. */
  function derivedFromPlace(word: string): boolean {
    return remember(derived.place, word, () => derivedFromPlaceKey(normalizeName(word)))
  }
  /** A word made of a person's or organisation's name and an ending ("YouTuber", "Thatcherism", "Blairite") is a word of its own. */
  function derivedFromName(word: string): boolean {
    return remember(derived.name, word, () => derivedFromNameKey(normalizeName(word)))
  }
  function derivedFromNameKey(key: string): boolean {
    for (const ending of NAME_ENDINGS) {
      if (!key.endsWith(ending) || key.length - ending.length < 4) continue
      const stem = key.slice(0, -ending.length)
      // "-r" only after an "e" ("YouTube-r"), not as a slip on any name ("Putinr").
      if ((ending === 'r' || ending === 'rs') && !stem.endsWith('e')) continue
      if (index.lookupKey(stem).some((h) => h.kind <= SpellingKind.Form && (h.entity.type === 'person' || h.entity.type === 'organization') && h.entity.prior >= DERIVED_MIN_PRIOR)) return true
    }
    return false
  }

  function derivedFromPlaceKey(key: string): boolean {
    // Russian adjectives of places in -sk ("Khabarovsky krai", "Krasnoyarskaya oblast").
    const adjective = RUSSIAN_ADJECTIVE.exec(key)
    if (adjective && index.lookupKey(adjective[1]).some((h) => h.entity.type === 'place' && h.entity.prior >= DERIVED_MIN_PRIOR)) return true
    for (const ending of DERIVED_ENDINGS) {
      if (!key.endsWith(ending) || key.length - ending.length < 4) continue
      const stem = key.slice(0, -ending.length)
      // A bare "-n" follows an "a" (Kenyan, Cuban), not an "o" ("Indion" is no word from Indio).
      if (ending === 'n' && !stem.endsWith('a')) continue
      // A word ending in a hiss takes "-es": "Texass" is no word from Texas.
      if (ending === 's' && endsInHiss(stem)) continue
      // A plural "s" goes on the whole name ("the two Koreas"): "Californis" is no word made from California.
      // An "-i" goes on the whole name or takes the place of its last "a" ("Iraqi", "Bengali", "Somali"); it does not
      // put out an "e" or "y" ("Brisbani", "Sydnei" are slips).
      const stems = ending === 's' ? [stem] : ending === 'i' ? [stem, stem + 'a', stem + 'ia'] : [stem, stem + 'a', stem + 'e', stem + 'o', stem + 'ia', stem + 'y', stem + 'ey', stem + 'land']
      for (const candidate of stems) {
        // Only places big enough to have a demonym in use (not "Indio" for "Indion").
        // Countries are left out: their demonyms are listed, so "Italyan" is a slip of "Italian", not a new word.
        // A demonym takes only a plural "s" ("Kenyans"): "Chinesi" is a slip of Chinese, not a word made from it.
        const hits = index.lookupKey(candidate)
        // A country's name decides, whatever lesser places share it ("Ukraini" is no word made from a village called Ukraine).
        if (hits.some((h) => h.entity.id.startsWith('country-'))) continue
        const place = hits.find((h) => h.entity.type === 'place' && h.entity.prior >= DERIVED_MIN_PRIOR)
        // Where the place's own word is listed ("European", "African"), another word so made is a slip of it: "Europan", "Afrikan".
        // So is any other word made from a place whose demonym is listed ("Europi": the word is "European").
        if (place && !slipOfListedDemonym(key, place.entity.name) && !(ending !== 's' && hasListedDemonym(place.entity.name))) return true
        if (hits.some((h) => h.entity.type === 'demonym' && ending === 's')) return true
      }
    }
    return false
  }

  /** Is a demonym made from the place named `placeName` listed ("European" for Europe, "Bengali" for Bengal)? */
  function hasListedDemonym(placeName: string): boolean {
    const name = normalizeName(placeName)
    for (const stem of [name, name.slice(0, -1)]) {
      for (const suffix of DEMONYM_SUFFIXES) if (index.lookupKey(stem + suffix).some((h) => h.entity.type === 'demonym')) return true
    }
    return false
  }

  /**
   * Does the word share its skeleton with a listed demonym made from the place named `placeName` (one starting as
   * the place does: "European" for Europe, not "Persian" for Paris)?
   */
  function slipOfListedDemonym(key: string, placeName: string): boolean {
    const stem = normalizeName(placeName).slice(0, 4)
    let found = false
    index.forEachSkeleton(skeleton(key), (layer, s) => {
      const spelling = index.layers[layer].spellings[s]
      if (index.entityOf(layer, s).type !== 'demonym' || !normalizeName(spelling).startsWith(stem)) return
      found = true
      return false
    })
    return found
  }

  /** A known name the word becomes when an OCR misreading is undone ("BraziI", "Murnbai", "Lonclon"). */
  function ocrReading(ti: number, run: [number, number]): Suspect | undefined {
    const token = tokens[ti]
    let person: boolean | undefined
    const readings = ocrReadings(token.base)
    if (readings.length === 0) return undefined
    for (const reading of readings) {
      const hit = lookupSpan(index, normalizeName(reading)).find(
        // After a given name or a title ("Paul Mackel", "Mr Mackel") the word is a surname: only a person can be meant.
        (h) => h.kind <= SpellingKind.Form && h.entity.prior >= OCR_MIN_PRIOR && (h.entity.type === 'person' || !(person ??= personContext(ti, run))),
      )
      // Or a spelling the document itself uses elsewhere, as often or more ("Elissa SIotkin" beside "Slotkin"; not
      // three "Bergamasco" beside one "Bergamaseo").
      let written = hit ? undefined : (docSpellings.get(normalizeName(reading)) ?? knownWritten.get(normalizeName(reading)))
      const ownCount = docSpellings.get(tokenKey(ti))?.count ?? 1
      if (written && written.count < ownCount) written = undefined
      else if (written && written.count === ownCount) {
        // In a tie, as for any two spellings (never both); where no reason tells, only a misreading that shortens or
        // keeps the word ("rn" for "m", "I" for "l"; not "m" for "rn"), toward a spelling that reads at least as well.
        const tie = tieWinner(token.base, factsOf(ti).person || factsOf(ti).given, written.text, similarity(token.base, written.text))
        if (tie === 'own' || (tie === undefined && (reading.length > token.base.length || index.plausibility(written.text) < index.plausibility(token.base)))) written = undefined
      }
      if (!hit && !written) continue
      const text = (written ? written.text : reading) + token.possessive
      const suggestion: Suggestion = {
        text,
        entity: hit?.entity,
        confidence: OCR_CONFIDENCE,
        similarity: similarity(token.base, reading),
        evidence: [`read as "${reading}" once an OCR confusion (I/l, rn/m, cl/d, c/e) is undone${written ? ', as the document spells it elsewhere' : ''}`],
      }
      return { start: token.start, end: token.end, actual: token.text, kind: hit ? 'corrupted-name' : 'inconsistent-name', confidence: OCR_CONFIDENCE, suggestions: [suggestion] }
    }
    return ocrReadingInName(ti, run, readings)
  }

  /** The word misread inside a known name of two words, with the word before or after it ("El SaIvador", "The Weekncl"). */
  function ocrReadingInName(ti: number, run: [number, number], readings: string[]): Suspect | undefined {
    const token = tokens[ti]
    for (const [from, to] of [[ti - 1, ti + 1], [ti, ti + 2]]) {
      if (from < run[0] || to > run[1] || !tokens[from].joinedToNext) continue
      const other = from === ti ? tokens[ti + 1] : tokens[from]
      if (other.upper || other.possessive || (to - 1 !== ti && token.possessive)) continue
      // Only where the other word can be part of a known name of two words there (most words cannot: no lookup).
      if (from === ti ? !index.isNameWordAt(tokenKey(ti + 1), 1, 2) : factsOf(from).maxWordsFrom < 2) continue
      for (const reading of readings) {
        const spanText = from === ti ? `${reading} ${other.base}` : `${other.base} ${reading}`
        const hit = index.lookupKey(normalizeName(spanText)).find((h) => h.kind <= SpellingKind.Form && h.entity.prior >= OCR_MIN_PRIOR)
        if (!hit) continue
        const start = tokens[from].start
        const end = tokens[to - 1].start + tokens[to - 1].base.length + (to - 1 === ti ? token.possessive.length : 0)
        const suggestion: Suggestion = {
          text: spanText + (to - 1 === ti ? token.possessive : ''),
          entity: hit.entity,
          confidence: OCR_CONFIDENCE,
          similarity: similarity(token.base, reading),
          evidence: [`read as "${reading}" once an OCR confusion (I/l, rn/m, cl/d, c/e) is undone`, 'the rest of the name matches'],
        }
        return { start, end, actual: text.slice(start, end), kind: 'corrupted-name', confidence: OCR_CONFIDENCE, suggestions: [suggestion] }
      }
    }
    return undefined
  }

  function judge(ti: number, run: [number, number]): Suspect | undefined {
    const token = tokens[ti]
    // "But", "Meanwhile" at the head of a sentence are words, not names, at any bar (a quarter of the words judged).
    const facts = factsOf(ti)
    const english = facts.english
    if (token.initial && english) return undefined
    // An ordinary English word in capitals ("World Cup", "the Prime Minister") belongs to a title or a name. It takes
    // a penalty below that no such word has overcome at the default bar (devset, three news corpora), so at that bar it
    // is let go unsearched (such words took over a quarter of the judging time); a lowered bar still weighs it ("Joe Bidden").
    if (english && atDefaultBar) return undefined
    // "Pel&#233;": a word cut short by an escaped letter is a fragment, not a spelling.
    if (ESCAPED_LETTER.test(text.slice(token.end, token.end + 10))) return undefined
    // An English word anywhere ("Highbury Corner") is written as meant: no OCR reading makes a name of it ("Comer").
    const ocr = english ? undefined : ocrReading(ti, run)
    if (ocr) return ocr
    if (facts.given && !token.possessive && ti + 1 < run[1]) {
      // A first name is known as a name; corruptions of known people are caught on the full name: a given name before
      // a surname (or a name particle), or after a first name or a title ("Stephen Carr of Newcastle", "Princess
      // Marguerite of Romania"), is let go. Not before a lower-case word that only joins the run ("Flinn on Friday").
      // Nor after a word that opens a known name of several words, where the given name may stand for its next word
      // ("Time Werner Inc", "Sao Paolo").
      const afterFirstName = ti > run[0] && tokens[ti - 1].joinedToNext && (factsOf(ti - 1).given || PERSON_TITLES.has(tokenKey(ti - 1)))
      const beforeSurname = tokens[ti + 1].capitalised || NAME_PARTICLES.has(tokens[ti + 1].text)
      const opensKnownName = ti > run[0] && tokens[ti - 1].joinedToNext && !afterFirstName && factsOf(ti - 1).maxWordsFrom >= 2
      if ((beforeSurname || afterFirstName) && !opensKnownName) return undefined
    }
    if (derivedFromPlace(token.base) || derivedFromName(token.base)) return undefined
    // "East Anglian", "North Carolinian": the word with the one before it derives from a place.
    if (ti - 1 >= run[0] && derivedFromPlace(joinTokens(tokens, ti - 1, ti + 1, text))) return undefined
    // Acronym plurals and mixed tokens ("MBEs", "UK-run"), abbreviations ("Pro.").
    if (/\p{Lu}{2}/u.test(token.base) || /[^\p{L}\p{M}'’-]/u.test(token.base)) return undefined
    // Weighed only when a candidate other than a person turns up.
    let personLike: boolean | undefined
    const inPersonContext = () => (personLike ??= personContext(ti, run) || beforeSurname(ti, run) || listedWithPeople(ti) || inLineUp(ti))
    // A span of several words stands where its first word stands and ends where its last word ends: the words around
    // the doubtful one inside it are the name's own ("Rio" in "Rio Grende do Sul" is no first name before it).
    const spanContexts = new Map<number, boolean>()
    const spanInPersonContext = (from: number, to: number): boolean => {
      if (from === ti && to === ti + 1) return inPersonContext()
      let known = spanContexts.get(from * 64 + to - from)
      if (known === undefined) {
        known = personContext(from, run) || beforeSurname(to - 1, run) || listedWithPeople(from) || inLineUp(ti)
        spanContexts.set(from * 64 + to - from, known)
      }
      return known
    }
    let nounPosition: boolean | undefined
    const prevGiven = ti - 1 >= run[0] && factsOf(ti - 1).given ? tokenKey(ti - 1) : undefined
    // "J Fourie": an initial before the word must agree with a suggested person's first name.
    const prevInitial = ti - 1 >= run[0] && /^\p{Lu}\.?$/u.test(tokens[ti - 1].text) && !(tokens[ti - 1].initial && /^[AI]$/.test(tokens[ti - 1].text)) ? tokenKey(ti - 1)[0] : undefined
    // An unknown word followed by another unknown capitalised word is likely a first name of an unknown person.
    // Not before a proper noun of the English dictionary that is no given name ("the Seoull Olympics"; but "Childe Harold").
    const beforeUnknown = ti + 1 < run[1] && unknownSet.has(ti + 1) && !factsOf(ti + 1).english && !(factsOf(ti + 1).properNoun && !factsOf(ti + 1).given)
    // And one after an unknown capitalised word (not an English word, not a known given name) is likely the rest of one.
    const afterUnknown = ti - 1 >= run[0] && tokens[ti - 1].joinedToNext && unknownSet.has(ti - 1) && !factsOf(ti - 1).english && !factsOf(ti - 1).given && !PERSON_TITLES.has(tokenKey(ti - 1))
    const given = facts.given
    const properNoun = !english && !given && facts.properNoun
    const town = facts.town
    const ownKey = tokenKey(ti)
    const ownCount = docSpellings.get(ownKey)?.count ?? 1
    // "Obama-era", "U-Carmen": a hyphenated word with a known name (or a spelling the document uses on its own) as one
    // part is a compound of that name, and a slip only of a name of as many parts ("Bosnia-Herzegovnia").
    const parts = /[-‐‑–]/.test(token.base) ? token.base.split(/[-‐‑–]/).filter(Boolean) : []
    const compoundParts =
      parts.length > 1 && parts.some((p) => p.length >= 3 && /^\p{Lu}/u.test(p) && (index.lookupKey(normalizeName(p)).length > 0 || docSpellings.has(normalizeName(p)) || index.isGivenName(p)))
        ? parts.length
        : 0
    // `tie`: another spelling of the document, used as often as this one.
    const best = new Map<string, Suggestion & { start: number; end: number; score: number; tie: boolean; knownSpelling: boolean }>()

    // A spelling written twice, or three times or more, is likelier the writer's own; less so one that no list knows as
    // a name: machine translation repeats its slip of a name as often as the source names it ("Essenin" for Esenin), and
    // a slip made once is copied with the sentence it is in ("Leicesster" twice).
    const ownPenalty = ownCount >= 3 ? (facts.person || facts.given ? 0.35 : 0.25) : ownCount >= 2 ? (facts.person || facts.given ? 0.2 : 0.12) : 0
    // Letter pairs rarely seen in names ("Lpndon", "Frwnce") are evidence of a slip; not in a well-formed pinyin name
    // ("Xiaoling"), whose letter pairs are rare only in the names the model learnt from.
    const tokenPlausibility = index.plausibility(token.base)
    const oddBonus = tokenPlausibility >= -4.5 || isPinyin(token.base) ? 0 : tokenPlausibility < -5 ? 0.1 : 0.05
    const afterConnector = ti - 1 > run[0] && CONNECTORS.has(tokens[ti - 1].text.toLowerCase()) && !tokens[ti - 1].capitalised
    // "Charles de Gaulle": after a name particle, the word is the rest of a family name.
    const afterParticle = afterConnector && NAME_PARTICLES.has(tokens[ti - 1].text.toLowerCase())
    const particleBefore = afterNameParticle(ti)
    // "the Briance and Kursk regions": entities coordinated with this word suggest one of the same kind.
    // So do the other items of a short list it stands in ("carmakers including Heendai, Toyoya, Suzuki and Ford"); not
    // those of a long one, a line-up or a roll of names, where some surname is always a town somewhere.
    let coordinated: Entity[] = []
    let items = 1
    for (const step of [1, -1]) {
      let k = ti
      while (items <= MAX_LIST_ITEMS) {
        let j = k + step
        const conjunction = j >= 0 && j < tokens.length && COORDINATORS.has(tokens[j].text)
        if (conjunction) j += step
        if (j < 0 || j >= tokens.length || tokens[j].sentence !== token.sentence || !tokens[j].capitalised) break
        const [left, right] = step > 0 ? [k, j] : [j, k]
        if (!LIST_SEPARATOR.test(text.slice(tokens[left].end, tokens[right].start))) break
        items++
        const m = mentionAt.get(j)
        if (m) for (const h of m.hits) coordinated.push(h.entity)
        k = m ? (step > 0 ? m.tokens[1] - 1 : m.tokens[0]) : j
      }
    }
    if (items > MAX_LIST_ITEMS) coordinated = []
    const coordinationBonus = coordinated.length > 0 ? COORDINATION_BONUS : 0
    // "WASHINGTON (Reutes) -": the slot of a dateline holds a news agency.
    // (A bracket right before the word first: most words stand in no bracket, and need no slice of the text.)
    const dateline = text[token.start - 1] === '(' && DATELINE_BEFORE.test(text.slice(Math.max(0, token.start - 60), token.start)) && DATELINE_AFTER.test(text.slice(token.end, token.end + 4))
    const floor = opts.threshold - ALTERNATE_MARGIN

    /** `namedOnly`: only names the document uses are candidates (a span opened by a sentence's first English word). */
    const consider = (from: number, to: number, namedOnly = false) => {
      const span = joinTokens(tokens, from, to, text)
      const locative = afterLocative(from)
      const locativeBonus = locative ? LOCATIVE_BONUS : 0
      const words = to - from
      const spanKey = spanKeyOf(from, to)
      // The same holds for a proper noun of the English dictionary ("January", "Europe", "Tories") on its own.
      if (words === 1 && properNoun && atDefaultBar) return
      if (words > 1) {
        // Only spans whose other words belong to some multi-word name can be one.
        const spanWords = spanKey.split(' ')
        // A candidate is kept below only where this word differs from it and is no English word: an English
        // word ("Party People", "Miami Vice") can never be the doubtful word of a full name. No search.
        if (english && spanWords.length === words) return
        const doubtful = tokenKey(ti).split(' ')
        let position = 0
        for (let k = from; k < to; k++) {
          const own = k === ti ? doubtful : tokenKey(k).split(' ')
          if (k !== ti) for (let w = 0; w < own.length; w++) if (!index.isNameWordAt(own[w], position + w, spanWords.length)) return
          position += own.length
        }
        if (derivedFromPlace(span)) return
      }
      const a = compactKey(spanKey)
      const short = a.length <= 4 ? 0.08 : 0
      // Penalties every candidate of this span takes, whatever it is.
      const spanPenalty =
        (words === 1 ? (english ? 0.35 : 0) + (given ? 0.35 : 0) + (beforeUnknown ? BEFORE_UNKNOWN_PENALTY : 0) : 0) + (properNoun ? (words === 1 ? 0.35 : 0.15) : 0) + (town && words === 1 ? 0.15 : 0) + short
      const multiBonus = words > 1 ? 0.1 : 0
      const candidates: Array<{ spelling: string; output: string; sim: Similarity; skeletonEqual: boolean; entity?: Entity; entityKey?: string; docCount?: number; known?: boolean }> = []
      // The lower-case words right after the span, read once per span (null: none); and right before it.
      let nounsAfter: string[] | null | undefined
      let lowerBefore: string[] | undefined

      // Known entities the document does not name: the prior counts against them.
      // A repeated spelling counts against single words; a full name whose other words agree is judged on them.
      const repeatPenalty = words === 1 ? ownPenalty : ownCount >= 3 ? MULTIWORD_REPEAT_PENALTY : 0
      // What a candidate's similarity (plus skeleton bonus) must reach before the bonuses it may still earn.
      // A first name after "in" or "from" may get part of its penalty back toward a place (see below).
      const locativeRefund = words === 1 && given && locative ? LOCATIVE_GIVEN_REFUND : 0
      const globalNeeded = floor + spanPenalty + repeatPenalty - COUNTRY_BONUS - multiBonus - coordinationBonus - oddBonus - locativeBonus - locativeRefund
      const givenRefund = words === 1 && given && namedInFull.size > 0 ? GIVEN_REFUND : 0
      const docNeeded = floor + spanPenalty - IN_DOCUMENT_BONUS - multiBonus - oddBonus - coordinationBonus - givenRefund - locativeBonus - locativeRefund
      const docSpellingNeeded = words === 1 ? Math.min(floor, opts.inconsistentThreshold - ALTERNATE_MARGIN) + spanPenalty + ownPenalty - 0.1 : Infinity
      // Nothing at all can reach the bar (an English word, a given name...): skip the searches.
      const reachable = 1 + SKELETON_BONUS + MAX_SLIP_BONUS
      if (globalNeeded > reachable && docNeeded > reachable && docSpellingNeeded > reachable) return
      const global = namedOnly ? NO_MATCHES : searchIndex(index, spanKey, globalNeeded)
      if (global.accepted) {
        // A transliteration variant of a known name is accepted, never flagged (Alexey/Aleksey, Yulia/Yulya).
        accepted = true
        return
      }
      for (const m of global.matches) {
        if (entityCounts.has(m.hit.entityKey)) continue
        candidates.push({ spelling: m.hit.spelling, output: preferredOutput(m.hit, m.output, spanKey, entitySpellingsInDocument), sim: m.similarity, skeletonEqual: m.skeletonEqual, entity: m.hit.entity, entityKey: m.hit.entityKey })
      }
      const spanSkeleton = skeleton(spanKey)
      // Entities the document names elsewhere.
      for (const d of mentionedSpellings.get(words) ?? []) {
        // One letter off a name the document uses is close, whatever it does to the skeleton: "Idia" (d) for India
        // (nd), "Iridh" (rd) for Irish (rsh). The list is short: the letters are compared, not only the skeletons.
        if (!skeletonsClose(spanSkeleton, d.skeleton) && !(Math.abs(a.length - d.compact.length) <= 1 && levenshtein(a, d.compact) === 1)) continue
        const skeletonEqual = d.skeleton === spanSkeleton
        const found = compareSpelling(a, spanKey, d.compact, d.hit.entity.type === 'demonym', docNeeded, skeletonEqual)
        if (found) candidates.push({ spelling: d.hit.spelling, output: preferredOutput(d.hit, comparedOutput(d.hit.spelling, found), spanKey, entitySpellingsInDocument), sim: found.similarity, skeletonEqual, entity: d.hit.entity, entityKey: d.hit.entityKey })
      }
      // Other spellings in the same document.
      if (words === 1) {
        for (const [k, others] of docSkeletons) {
          if (!skeletonsClose(spanSkeleton, k)) continue
          for (const other of others) {
            if (other === spanKey) continue
            // "Garda"/"Gardai", "Wiseman"/"Wisemen"-like endings: an inflection, not a second spelling.
            if (sharesStemWithEnding(other, spanKey)) continue
            const d = docSpellings.get(other)!
            // One spelling per document is about names: an ordinary English word ("Life") is another spelling of
            // a name ("Liffe") only where the document uses it as one ("Mr Fuller", "Ann Fuller").
            // Nor is a proper noun of the English dictionary ("America", "Christmas") unless used as a person's name.
            if (!d.named && (index.isEnglishWord(d.text) || index.isEnglishProperNoun(d.text))) continue
            // "D dal Maso" beside "Masi": a family name with its particle is another name than one without.
            if (particleBefore !== d.afterParticle) continue
            // "Amarah, seven, and Amare, three": two names listed together are two people.
            if (d.at.some((k) => listedTogether(k, ti))) continue
            // "Kim Jong Un" and "Kim Yo Jong", "Ian Fogg" and "Ann Fogg": different given names, different people.
            const prevName = prevGiven ?? prevInitial
            const otherPerson = prevName !== undefined && d.givenNames.size > 0 && ![...d.givenNames].some((g) => g === prevName || g[0] === prevName)
            // A first name of a full name ("Mirco Bergamasco") is not compared with other first names, but for one
            // written before the same surname ("Rakshithha Raju" beside "Rakshitha Raju").
            // Nor are two words that each open a name with an English word ("Chigach National Forest" beside "Chugach
            // Powder Guides"), when neither is a first name: they name one place or body.
            if (ti + 1 < run[1] && tokens[ti + 1].capitalised && !CONNECTORS.has(tokens[ti + 1].text.toLowerCase()) && !d.before.has(tokenKey(ti + 1))) {
              const opensName = (next: string) => factsFor(next).english && !factsFor(next).given
              if (!opensName(tokens[ti + 1].base) || given || index.isGivenName(d.text) || ![...d.before].some(opensName)) continue
            }
            const found = compareSpelling(a, spanKey, compactKey(d.text), false, docSpellingNeeded, k === spanSkeleton)
            // Two spellings of one name differ by a slip or two; three edits make two names ("Koi", "Kokko").
            // A family shares a surname ("Declan Laverty ... his mother Samara Lavetry"): with another first name, a
            // spelling one keyboard slip from the surname is still a slip of it.
            if (otherPerson && !found?.similarity.slip) continue
            if (found && found.similarity.edits <= MAX_SPELLING_EDITS) candidates.push({ spelling: d.text, output: comparedOutput(d.text, found), sim: found.similarity, skeletonEqual: k === spanSkeleton, docCount: d.count, known: d.known })
          }
        }
      }
      for (const c of candidates) {
        const sim = c.sim
        const evidence: string[] = []
        let score = sim.score
        // A slip says two spellings are one word, not which is right: it counts toward a known name or the document's usual spelling.
        let slipCounts = true
        const inDoc = c.entityKey ? (entityCounts.get(c.entityKey) ?? 0) > 0 : (c.docCount ?? 0) > 0
        // A word three letter edits from a known name is as likely another name: only one the document uses will do.
        if (words === 1 && c.entity && !inDoc && sim.edits > MAX_SPELLING_EDITS) continue
        const prior = c.entity ? c.entity.prior : 0.6
        if (c.entity && inDoc) {
          score += IN_DOCUMENT_BONUS + (namedInFull.has(c.entityKey!) ? givenRefund : 0)
          // One letter off a name the document uses again and again, written once: the likelier one meant.
          if (ownCount === 1 && sim.edits === 1) score += REPEATED_NAME_BONUS * Math.min(2, (entityCounts.get(c.entityKey!) ?? 1) - 1)
          evidence.push('the document names it elsewhere')
        } else if (!c.entity) {
          // Another spelling in the same document: the majority spelling, or in a tie the one that reads more like a name.
          const docCount = c.docCount ?? 0
          if (docCount >= 2 && docCount > ownCount) {
            score += 0.1
            evidence.push(`the document spells it "${c.spelling}" ${docCount} times`)
          } else {
            // In a tie, one reason decides for one spelling or the other, the same whichever is judged: never both.
            // A spelling the dictionaries know beats one they do not, a slip or one edit apart.
            const tie = docCount !== ownCount ? undefined : c.known && (sim.edits <= 1 || sim.slip) ? 'a name namelint knows' : tieWinner(token.base, facts.person || given, c.spelling, sim)
            if (tie === 'own') continue
            if (tie) evidence.push(`the document also spells it "${c.spelling}", ${tie}`)
            else {
              // Neither spelling is the likelier: only the one that reads less like a name may be reported, at
              // lower confidence; where their letters tell them no apart ("Tarpishchev ... Tarpishchav"), neither.
              if (docCount === ownCount && index.plausibility(c.spelling) <= tokenPlausibility) continue
              score -= 0.3
              slipCounts = false
            }
          }
        } else {
          score -= (1 - prior) * PRIOR_WEIGHT
        }
        if (c.entity && c.entity.type !== 'person' && spanInPersonContext(from, to)) score -= 0.4
        // "Lesotho's Maloti mountains": a place the text puts in one country is no place of another.
        if ((c.entity?.type === 'place' || c.entity?.type === 'demonym') && c.entity.country) {
          const owner = possessorCountry(from)
          if (owner && owner !== c.entity.country) {
            score -= POSSESSOR_PENALTY
            evidence.push(`the text places it in ${owner}`)
          }
        }
        // "Tusla, the Irish state agency": the text says what the span is, and it is not what the candidate is.
        // (Not after an article: "data from the Lberians, the country's GDP rose" is no description.)
        // Nor after a preposition opening the sentence: "In Ukrainne, the operators of the banks..." opens a clause.
        const opensClause = from > 0 && tokens[from - 1].initial && LOCATIVES.has(tokens[from - 1].text.toLowerCase())
        if (c.entity && !(from > 0 && ARTICLES.has(tokens[from - 1].text.toLowerCase())) && !opensClause) {
          const described = appositiveAfter(tokens[to - 1].end)
          // A person's office changes over the years (Gordon Brown, "the chancellor", is described as prime minister):
          // an office proves nothing against him.
          if (described && !describedAs(c.entity, described) && !(c.entity.type === 'person' && described.some((w) => PERSON_TITLES.has(w)))) {
            score -= APPOSITIVE_PENALTY
            evidence.push('the text describes it otherwise')
          }
        }
        // "the Rautrs news agency": common nouns right after the span that say what the candidate is are evidence for it.
        // Not for people, whom lower-case words after the name seldom describe ("Jonh Smith said").
        if (c.entity && c.entity.type !== 'person') {
          const nouns = (nounsAfter ??= wordsAfter(tokens[to - 1].end) ?? null)
          // Only by the words of the candidate's own description: any place may be followed by "region" or "district"
          // ("the Kanto region" is no slip of Kent).
          if (nouns && describedAs(c.entity, nouns, true)) {
            score += DESCRIBED_BONUS
            evidence.push(`the text calls it "${nouns.join(' ')}"`)
          } else {
            // Or right before it: "Chinese carmaker Gely", "the aid agency Oxvam".
            const before = (lowerBefore ??= wordsBefore(from, true))
            if (before.length > 0 && before.every((w) => describedAs(c.entity!, [w], true))) {
              score += DESCRIBED_BONUS
              evidence.push(`the text calls it "${before.join(' ')}"`)
            }
          }
        }
        // A singular demonym for a word that stands as a noun ("in Ermou, Omonia and Syntagma."), unless it names a language ("speaks Czech").
        if (words === 1 && c.entity?.type === 'demonym' && !/s$/i.test(c.output) && (nounPosition ??= standsAsNoun(ti) && !namesLanguage(ti))) {
          score -= NOUN_DEMONYM_PENALTY
          evidence.push('used as a noun')
        }
        if (words === 1 && (prevGiven || prevInitial) && c.entity?.type === 'person') {
          const first = normalizeName(c.entity.name).split(' ')[0]
          // "Rodrigo Rato" is not a misspelling of William Ruto, nor "J Fourie" of Pierre Faurie: the first names disagree.
          // Even toward someone the document names in full, unless it also writes this first name before the surname
          // ("Yolande Moreau" is not Michael Moore because the document names him too; "Ms Robertson" names no one in full).
          if ((prevGiven ? first !== prevGiven : first[0] !== prevInitial) && !(inDoc && (!namedInFull.has(c.entityKey!) || writtenAfter(c.entityKey!, prevGiven, prevInitial)))) score -= 0.3
        }
        // "The Chronicles of Riddick": a word after a connector inside a capitalised run ends a title or an institution, not a person.
        if (words === 1 && c.entity?.type === 'person' && afterConnector && !inDoc) score -= 0.2
        // A word that is some person's name ("Millar", "Parisse") is a little likelier that name than a slip of a person or
        // a place; not where the text makes it a place ("in Peris") or toward a demonym ("Omnia troops").
        if (words === 1 && c.entity && c.entity.type !== 'demonym' && !(locative && c.entity.type === 'place') && !given && facts.person) score -= PERSON_NAME_PENALTY
        // After "in" or "from", a word that is also a first name stands for a place sooner than for a person ("dates in Shina").
        if (locativeRefund > 0 && c.entity?.type === 'place') score += locativeRefund
        // A lone surname toward someone the document never names: a likelier reading is another person of a similar name.
        if (words === 1 && c.entity?.type === 'person' && !inDoc && !prevGiven) score -= LONE_SURNAME_PENALTY
        // "Foreign Secretary Jack Strao": the role the text gives right before the name is the one namelint knows him by.
        if (c.entity?.type === 'person') {
          const role = roleBefore(from)
          if (role && role.every((w) => describedAs(c.entity!, [w]))) {
            score += ROLE_BONUS
            evidence.push(`the role before the name, "${role.join(' ')}", is this person's`)
          }
        }
        // "Touhid Hossain", "Sucheta Dalal": after an unknown name word, most likely the rest of a name namelint does not know;
        // even toward someone the document names in full, if it never writes that word before him or in his name.
        // After a name particle, even toward a name the document uses, unless that name has the particle too
        // ("Charles de Gaulle" is not David Gill, whom the document names).
        if (words === 1 && c.entity) {
          const prevWord = ti > 0 ? tokenKey(ti - 1) : ''
          const inName = inDoc && normalizeName(c.entity.name).split(' ').includes(prevWord)
          const unknownBefore = afterUnknown && (!inDoc || (namedInFull.has(c.entityKey!) && !inName && !writtenAfter(c.entityKey!, prevWord, undefined)))
          if (unknownBefore || (afterParticle && !inName)) score -= AFTER_UNKNOWN_PENALTY
        }
        if (compoundParts > 0 && words === 1 && normalizeName(c.spelling).split(' ').length !== compoundParts) continue
        // "MeToo", "GameBoys": a capital inside the word is styling a slip does not make, unless the name has one too
        // ("McCian", "DeSantos"); an "I" inside may be an OCR "l".
        if (words === 1 && CAMEL_CASE.test(token.base) && !CAMEL_CASE.test(c.spelling)) continue
        // "O'Kelly", "McCann", "Fitzgerald" are names of their own, not slips of "Kelly", "Cann", "Gerald".
        if (NAME_PREFIX.test(spanKey) && spanKey.replace(NAME_PREFIX, '') === normalizeName(c.spelling)) continue
        // "St George's Chapel": with its 's the span is this very name (St. George's), no slip of it.
        if (to - 1 === ti && token.possessive && normalizeName(c.spelling) === normalizeName(span + token.possessive)) continue
        if (c.entity?.country && !inDoc && (countryCounts.get(c.entity.country) ?? 0) >= 2) {
          score += COUNTRY_BONUS
          evidence.push(`the document is about ${c.entity.country}`)
        }
        if (c.entity && coordinated.some((e) => e.id !== c.entity!.id && e.type === c.entity!.type && (e.country === c.entity!.country || (e.type === 'organization' && sameKindOfBody(e, c.entity!))))) {
          score += COORDINATION_BONUS
          evidence.push('it is listed with another name of its kind')
        }
        // A demonym only as an adjective or a language ("from German shoppers", "in French"): people come "from" places.
        if (locative && (c.entity?.type === 'place' || (c.entity?.type === 'demonym' && !(spanKey.endsWith('s') && !normalizeName(c.spelling).endsWith('s'))))) {
          score += LOCATIVE_BONUS
          evidence.push(`"${tokens[from - 1].text}" introduces a place`)
        }
        if (dateline && words === 1) {
          if (c.entity?.type === 'organization' && NEWS_AGENCY.test(c.entity.description ?? '')) {
            score += DATELINE_BONUS
            evidence.push('a news agency stands in a dateline')
          } else score -= DATELINE_BONUS
        }
        if (c.entity && oddBonus > 0) {
          score += oddBonus
          evidence.push('letters rarely seen together in names')
        }
        if (c.skeletonEqual) {
          score += SKELETON_BONUS
          evidence.push('same consonant skeleton')
        }
        if (sim.slip && slipCounts) {
          score += sim.slipBonus ?? SLIP_BONUS
          evidence.push('one keyboard slip away')
        }
        if (words > 1) {
          // Other words of the span agree exactly with the candidate's words.
          const spanWords = spanKey.split(' ')
          const candWords = normalizeName(c.spelling).split(' ')
          // The words that differ must be doubtful ones: this token, not a known name, acronym or English word.
          let doubtful = true
          for (let k = 0; k < words && k < candWords.length; k++) {
            if (spanWords[k] === candWords[k]) {
              if (from + k === ti) doubtful = false
              continue
            }
            const t = tokens[from + k]
            if (t.upper || (from + k !== ti && mentionAt.has(from + k)) || factsOf(from + k).english) doubtful = false
          }
          if (!doubtful) continue
          const agree = spanWords.filter((w, i) => w === candWords[i]).length
          if (agree === words - 1) {
            // A shared common first name ("John Reade", "John Reid") is weak evidence of one person. Only of a person:
            // "North" may be a first name, but not in "North Quaran" for North Korean.
            // A first name only one known person bears ("Naftali Benet") is evidence of him, as a surname is.
            const sharedGivenOnly = c.entity?.type === 'person' && spanWords.every((w, k) => w !== candWords[k] || (from + k < tokens.length && factsOf(from + k).commonGiven))
            if (!sharedGivenOnly) {
              score += 0.1
              evidence.push('the rest of the name matches')
            } else if (inDoc && spanWords[0] === candWords[0]) {
              // Unless the first name is the one that agrees and the document names that very person elsewhere
              // ("Kuznetsova ... Svetlana Koznezova"); not a surname that is a given name too ("Alan Clark", Helen Clark).
              score += 0.1
              evidence.push('the first name matches a person the document names')
            } else evidence.push('the first name matches')
          } else {
            score -= 0.1 * (words - 1 - agree)
          }
        }
        score -= spanPenalty
        if (!sim.sameInitial) score -= 0.05
        // A spelling used several times is most likely the writer's intended one.
        // Even toward a name the document uses, a spelling repeated as written is less likely a slip.
        // Halved toward a name the document uses, unless the document writes this spelling three times or more and
        // more often than that name ("Rinaldi" four times beside one "Ronaldo").
        const outnumbered = ownCount >= 3 && c.entityKey !== undefined && ownCount > (entityCounts.get(c.entityKey) ?? 0)
        score -= c.entity && inDoc && !outnumbered ? repeatPenalty / 2 : repeatPenalty
        const key = c.entityKey ?? `doc:${c.spelling}`
        const previous = best.get(key)
        if (!previous || previous.score < score) {
          best.set(key, {
            text: c.output + (to - 1 === ti ? token.possessive : ''),
            entity: c.entity,
            confidence: Math.max(0, Math.min(1, score)),
            similarity: sim,
            evidence,
            start: tokens[from].start,
            end: tokens[to - 1].start + tokens[to - 1].base.length,
            score,
            tie: !c.entity && c.docCount === ownCount,
            knownSpelling: c.known === true,
          })
        }
      }
    }

    let accepted = false
    for (let from = Math.max(run[0], ti - MAX_FUZZY_WORDS + 1); from <= ti; from++) {
      // A sentence's first word that is an English word opens no name, unless an ampersand ties it to the next ("Marks & Spencer"),
      // or the document uses the name it opens ("Time Warner's deal ... Time Watner shares went higher").
      const namedOnly = from < ti && tokens[from].initial && factsOf(from).english && tokens[from + 1].text !== '&'
      for (let to = ti + 1; to <= Math.min(run[1], from + MAX_FUZZY_WORDS); to++) {
        if (CONNECTORS.has(tokens[to - 1].text.toLowerCase()) && !tokens[to - 1].capitalised) continue
        if (CONNECTORS.has(tokens[from].text.toLowerCase()) && !tokens[from].capitalised) continue
        consider(from, to, namedOnly)
      }
    }
    if (accepted) return undefined
    const ranked = [...best.values()].sort((a, b) => b.score - a.score)
    if (ranked.length === 0 || ranked[0].score < (ranked[0].entity ? opts.threshold : opts.inconsistentThreshold)) return undefined
    // A known name the document writes as a person's is compared as its spelling only where no entity of it is
    // suggested as surely: "Ken Livingstune" is the known Ken Livingstone, a corrupted name.
    const top = (ranked[0].knownSpelling && ranked.find((r) => r.entity && r.score >= opts.threshold && normalizeName(r.text).endsWith(normalizeName(ranked[0].text)))) || ranked[0]
    const suggestions: Suggestion[] = []
    const seenText = new Set<string>()
    for (const r of top === ranked[0] ? ranked : [top, ...ranked]) {
      if (r.start !== top.start || r.end !== top.end) continue
      // Beside a known name, a spelling the document uses only as often as this one is likely another slip of it ("Bler": Blair, not "Blaer").
      if (top.entity && r.tie) continue
      if (seenText.has(r.text)) continue
      seenText.add(r.text)
      suggestions.push({ text: r.text, entity: r.entity, confidence: r.confidence, similarity: r.similarity, evidence: r.evidence })
      if (suggestions.length >= opts.maxSuggestions) break
    }
    return {
      start: top.start,
      end: top.end + (top.end === token.start + token.base.length ? token.possessive.length : 0),
      actual: text.slice(top.start, top.end + (top.end === token.start + token.base.length ? token.possessive.length : 0)),
      kind: top.entity ? 'corrupted-name' : 'inconsistent-name',
      confidence: top.confidence,
      suggestions,
    }
  }

  // Countries the document is about: a candidate from one of them is more plausible.
  const countryCounts = new Map<string, number>()
  for (const m of mentions) {
    // Each country once per mention, however many of its entities the mention may name.
    const counted: string[] = []
    for (const h of m.hits) {
      const c = h.entity.country
      if (!c || counted.includes(c)) continue
      counted.push(c)
      countryCounts.set(c, (countryCounts.get(c) ?? 0) + 1)
    }
  }

  // corrupted-name's default bar or a higher one: words that no evidence has yet lifted over it need not be searched.
  const atDefaultBar = opts.threshold >= DEFAULT_SUSPECT_THRESHOLD
  const suspects: Suspect[] = []
  const covered = new Set<number>()
  for (const { token: ti, run } of unknown) {
    if (covered.has(ti)) continue
    const token = tokens[ti]
    if (compactKey(token.base).length < 3) continue
    const suspect = judge(ti, run)
    if (suspect) {
      suspects.push(suspect)
      // Only the tokens around the suspect (a scan of all tokens per suspect is quadratic on long files).
      let i = ti
      while (i > 0 && tokens[i - 1].start >= suspect.start) i--
      for (; i < tokens.length && tokens[i].start <= suspect.end + 2; i++) if (tokens[i].start >= suspect.start && tokens[i].end <= suspect.end + 2) covered.add(i)
    }
  }

  // The same misspelling elsewhere in the document gets the same correction ("Tommy Piggott ... Piggott said").
  const corrections = new Map<string, { word: string; suspect: Suspect }>()
  for (const suspect of suspects) {
    if (suspect.kind !== 'corrupted-name' || suspect.confidence < opts.threshold) continue
    const written = normalizeName(text.slice(suspect.start, suspect.end)).split(' ')
    const expected = suspect.suggestions[0].text.replace(/('s|’s|')$/, '').split(/[\s-]+/)
    if (written.length !== expected.length) continue
    written.forEach((w, i) => {
      if (w !== normalizeName(expected[i]) && w.length >= 4) corrections.set(w, { word: expected[i], suspect })
    })
  }
  for (const { token: ti } of unknown) {
    if (covered.has(ti)) continue
    const token = tokens[ti]
    const correction = corrections.get(tokenKey(ti))
    if (!correction) continue
    const top = correction.suspect.suggestions[0]
    suspects.push({
      start: token.start,
      end: token.end,
      actual: token.text,
      kind: 'corrupted-name',
      confidence: correction.suspect.confidence,
      suggestions: [{ ...top, text: correction.word + token.possessive, evidence: [...top.evidence, `the document has "${correction.suspect.actual}" for ${top.text}`] }],
    })
    covered.add(ti)
  }
  suspects.push(...splitNames)
  suspects.sort((a, b) => a.start - b.start)

  return { text, tokens, mentions, deprecated, suspects, entityCounts }
}
