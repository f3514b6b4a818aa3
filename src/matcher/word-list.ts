/**
 * A sorted list of words, searched by bisection. The word lists namelint
 * ships (English words, small towns, given names) are sorted at build time
 * and loaded as one string split into lines: no hash set of 100k strings to
 * build at start-up, where a CLI run looks up a few hundred words.
 */
import { readFileSync } from 'node:fs'

/** Sort order shared by the build and the search (UTF-16 code units, as `<` compares). */
export function sortWords(words: Iterable<string>): string[] {
  return [...new Set(words)].filter(Boolean).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

export class WordList {
  /** The words, one per line, in sort order; searched in place (no 100k strings to allocate and collect). */
  private readonly text: string
  /** Where each line starts in `text`, and one past the last line's end. */
  private readonly starts: Int32Array

  constructor(sortedWords: string[] | string) {
    this.text = typeof sortedWords === 'string' ? sortedWords : sortedWords.join('\n')
    const text = this.text
    let count = text.length === 0 ? 0 : 1
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++
    const starts = new Int32Array(count + 1)
    let line = 0
    if (count > 0) {
      starts[line++] = 0
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1
    }
    starts[count] = text.length + 1
    this.starts = starts
  }

  /** Load a file of sorted lines; a missing file is an empty list. */
  static load(file: string): WordList {
    try {
      return new WordList(readFileSync(file).toString('utf8'))
    } catch {
      return new WordList('')
    }
  }

  get size(): number {
    return this.starts.length - 1
  }

  /** Membership, by bisection in the text. */
  has(word: string): boolean {
    return this.indexOf(word) >= 0
  }

  /** Line `i` compared with `word` in UTF-16 code units (the order `<` and the build's sort use). */
  private compareAt(i: number, word: string): number {
    const text = this.text
    const start = this.starts[i]
    const length = this.starts[i + 1] - 1 - start
    const n = Math.min(length, word.length)
    for (let k = 0; k < n; k++) {
      const d = text.charCodeAt(start + k) - word.charCodeAt(k)
      if (d !== 0) return d
    }
    return length - word.length
  }

  /** The line number of `word`, or -1. */
  indexOf(word: string): number {
    let lo = 0
    let hi = this.size - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const c = this.compareAt(mid, word)
      if (c === 0) return mid
      if (c < 0) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  /** Line `i`. */
  at(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1] - 1)
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.size; i++) yield this.at(i)
  }
}

/** What the matcher reads of a key -> value table: a Map, or a SortedMap loaded from the prebuilt index. */
export interface KeyTable<V> {
  get(key: string): V | undefined
  has(key: string): boolean
  keys(): Iterable<string>
  /** Every key with its value, in the table's order (no lookup per key). */
  entries(): Iterable<[string, V]>
  readonly size: number
}

/** Lookups a SortedMap answers by bisection before it builds a hash map (a CLI run makes a few thousand). */
const HASH_AFTER = 20_000

/**
 * A read-only map over sorted keys (one per line of a text) and their
 * values: ready as soon as its text is, where a Map of 40k keys costs tens of
 * milliseconds of a cold start to build. Long runs (a batch, an editor
 * session) soon pass HASH_AFTER lookups and get the Map after all.
 */
export class SortedMap<V> implements KeyTable<V> {
  private readonly list: WordList
  private readonly values: V[]
  private lookups = 0
  private hash: Map<string, V> | undefined

  constructor(sortedKeys: string, values: V[]) {
    this.list = new WordList(sortedKeys)
    this.values = values
    if (this.list.size !== values.length) throw new Error(`index table has ${this.list.size} keys but ${values.length} values`)
  }

  get size(): number {
    return this.values.length
  }

  get(key: string): V | undefined {
    if (this.hash) return this.hash.get(key)
    if (++this.lookups > HASH_AFTER) {
      const hash = new Map<string, V>()
      for (let i = 0; i < this.values.length; i++) hash.set(this.list.at(i), this.values[i])
      this.hash = hash
      return hash.get(key)
    }
    const i = this.list.indexOf(key)
    return i < 0 ? undefined : this.values[i]
  }

  has(key: string): boolean {
    return this.get(key) !== undefined
  }

  keys(): Iterable<string> {
    return this.list
  }

  *entries(): Iterable<[string, V]> {
    for (let i = 0; i < this.values.length; i++) yield [this.list.at(i), this.values[i]]
  }
}
