/**
 * What the dictionaries say about one word as written: its normalised key,
 * whether it is an English word, a given name, a town, an English proper
 * noun, the known spellings it matches. The analysis asks several of these
 * about every capitalised token, and news repeats its words, so the answers
 * live in one record per word, found with one hash lookup per token instead
 * of one per question. Each answer is computed on first use.
 */
import { SpellingKind } from '../dictionary/compile.js'
import type { NameIndex, SpellingHit } from './name-index.js'
import { endsInHiss, normalizeName } from './normalize.js'

export class WordFacts {
  readonly word: string
  /** normalizeName of the word. */
  readonly key: string
  private readonly index: NameIndex
  private englishWord: boolean | undefined
  private givenName: boolean | undefined
  private commonGivenName: boolean | undefined
  private knownTown: boolean | undefined
  private personName: boolean | undefined
  private englishProperNoun: boolean | undefined
  private exactHits: SpellingHit[] | undefined
  private spanHits: SpellingHit[] | undefined
  private longest: number | undefined

  constructor(index: NameIndex, word: string) {
    this.index = index
    this.word = word
    this.key = normalizeName(word)
  }

  /** An ordinary English word (listed in lower case), in American or British spelling. */
  get english(): boolean {
    return (this.englishWord ??= this.index.isEnglishInAnySpelling(this.word))
  }

  /** A common given name. */
  get given(): boolean {
    return (this.givenName ??= this.index.isGivenName(this.word))
  }

  /** A given name many people bear ("John"; not "Naftali", which one known person bears). */
  get commonGiven(): boolean {
    return (this.commonGivenName ??= this.given && this.index.isCommonGivenName(this.word))
  }

  /** A first or last name of people at large. */
  get person(): boolean {
    return (this.personName ??= this.index.isPersonName(this.word))
  }

  /** A small town: known, never suggested. */
  get town(): boolean {
    return (this.knownTown ??= this.index.isKnownTown(this.word))
  }

  /** Listed capitalised in the English dictionary ("January", "Europe"). */
  get properNoun(): boolean {
    return (this.englishProperNoun ??= this.index.isEnglishProperNoun(this.word))
  }

  /** Known spellings whose key is exactly this word's key (shared array: never modify). */
  get exact(): SpellingHit[] {
    return (this.exactHits ??= this.index.lookupKey(this.key))
  }

  /** Known spellings the word is, as `lookupSpan` finds them (plurals too; shared array: never modify). */
  get hits(): SpellingHit[] {
    return (this.spanHits ??= lookupSpan(this.index, this.key))
  }

  /** The most words of a known name that starts with this word's (first) word. */
  get maxWordsFrom(): number {
    if (this.longest === undefined) {
      const space = this.key.indexOf(' ')
      this.longest = this.index.maxWordsFrom(space < 0 ? this.key : this.key.slice(0, space))
    }
    return this.longest
  }
}

/** Exact lookup of a span, trying the plural and plural-possessive forms. */
export function lookupSpan(index: NameIndex, key: string): SpellingHit[] {
  const hits = index.lookupKey(key)
  if (hits.length > 0) return hits
  const last = key.charCodeAt(key.length - 1)
  // Plurals end in "s": nothing else to try for most words.
  if (last !== 115 || key.length <= 3) return hits
  for (const suffix of ['s', 'es']) {
    // "-es" makes plurals of words ending in a hiss or an o ("Bushes", "Negroes"), not of "CNN" ("Cnnes" is no plural of it).
    if (suffix === 'es' && !/(?:s|x|z|ch|sh|o)es$/.test(key)) continue
    if (key.length > suffix.length + 2) {
      // A word ending in a hiss takes "-es": "Texass" is no plural of Texas.
      if (suffix === 's' && endsInHiss(key.slice(0, -1))) continue
      const stem = index.lookupKey(key.slice(0, -suffix.length))
      if (stem.length === 0) continue
      const plural = stem.filter((h) => h.kind !== SpellingKind.Acronym)
      if (plural.length > 0) return plural
    }
  }
  return hits
}

const caches = new WeakMap<NameIndex, Map<string, WordFacts>>()
/** Words remembered per index before starting again (a bound on memory for a long-running server). */
const LIMIT = 50_000

/** The facts of a word (as written) in `index`, each made once; the index's table is found once per call of this (a document asks for every capitalised token). */
export function wordFactsOf(index: NameIndex): (word: string) => WordFacts {
  let cache = caches.get(index)
  if (!cache) caches.set(index, (cache = new Map()))
  const table = cache
  return (word) => {
    let facts = table.get(word)
    if (!facts) {
      if (table.size >= LIMIT) table.clear()
      table.set(word, (facts = new WordFacts(index, word)))
    }
    return facts
  }
}
