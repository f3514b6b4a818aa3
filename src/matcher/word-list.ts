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
  private readonly words: string[]

  constructor(sortedWords: string[]) {
    this.words = sortedWords
  }

  /** Load a file of sorted lines; a missing file is an empty list. */
  static load(file: string): WordList {
    try {
      return new WordList(readFileSync(file, 'utf8').split('\n'))
    } catch {
      return new WordList([])
    }
  }

  get size(): number {
    return this.words.length
  }

  private recent = new Map<string, boolean>()

  /** Membership, by bisection; answers are remembered, as text repeats its words. */
  has(word: string): boolean {
    let known = this.recent.get(word)
    if (known === undefined) {
      if (this.recent.size >= 20_000) this.recent.clear()
      known = this.search(word)
      this.recent.set(word, known)
    }
    return known
  }

  private search(word: string): boolean {
    const words = this.words
    let lo = 0
    let hi = words.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const w = words[mid]
      if (w === word) return true
      if (w < word) lo = mid + 1
      else hi = mid - 1
    }
    return false
  }

  [Symbol.iterator](): Iterator<string> {
    return this.words[Symbol.iterator]()
  }
}
