import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sortWords, WordList } from '../src/matcher/word-list.js'

describe('WordList', () => {
  it('finds exactly the words it holds, by bisection in its text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 8 }).filter((w) => !w.includes('\n'))), fc.array(fc.string({ maxLength: 8 })), (words, probes) => {
        const list = new WordList(sortWords(words))
        const set = new Set(words)
        for (const w of [...words, ...probes]) expect(list.has(w)).toBe(set.has(w))
        expect([...list]).toEqual(sortWords(words))
        expect(list.size).toBe(set.size)
      }),
    )
  })

  it('answers for words with letters outside ASCII and for prefixes of listed words', () => {
    const list = new WordList(sortWords(['kyiv', 'köln', 'kharkiv', 'zürich', 'ōsaka']))
    expect(list.has('köln')).toBe(true)
    expect(list.has('ōsaka')).toBe(true)
    expect(list.has('kyi')).toBe(false)
    expect(list.has('kyivs')).toBe(false)
    expect(list.has('')).toBe(false)
  })

  it('is empty for an empty text', () => {
    const list = new WordList('')
    expect(list.size).toBe(0)
    expect(list.has('a')).toBe(false)
  })
})
