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
      return new WordList(readFileSync(file, 'utf8'))
    } catch {
      return new WordList('')
    }
  }

  get size(): number {
    return this.starts.length - 1
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

  private search(word: string): boolean {
    let lo = 0
    let hi = this.size - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const c = this.compareAt(mid, word)
      if (c === 0) return true
      if (c < 0) lo = mid + 1
      else hi = mid - 1
    }
    return false
  }

  *[Symbol.iterator](): Iterator<string> {
    for (let i = 0; i < this.size; i++) yield this.text.slice(this.starts[i], this.starts[i + 1] - 1)
  }
}
