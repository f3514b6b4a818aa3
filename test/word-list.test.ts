import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { SortedMap, sortWords, WordList } from '../src/matcher/word-list.js'

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

describe('SortedMap', () => {
  it('answers like a Map, before and after it builds its hash map', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.includes('\n')), fc.integer()), fc.array(fc.string({ maxLength: 6 })), (record, probes) => {
        const keys = sortWords(Object.keys(record))
        const map = new SortedMap(keys.join('\n'), keys.map((k) => record[k]))
        const expected = new Map(Object.entries(record))
        for (const k of [...keys, ...probes]) {
          expect(map.get(k)).toBe(expected.get(k))
          expect(map.has(k)).toBe(expected.has(k))
        }
        expect([...map.keys()]).toEqual(keys)
      }),
      { numRuns: 50 },
    )
  })

  it('keeps answering right once lookups pass the point where it hashes its keys', () => {
    const keys = sortWords(Array.from({ length: 500 }, (_, i) => `key${i}`))
    const map = new SortedMap(keys.join('\n'), keys.map((k) => k.length))
    for (let round = 0; round < 50; round++) {
      for (const k of keys) expect(map.get(k)).toBe(k.length)
      expect(map.get('missing')).toBeUndefined()
    }
  })

  it('refuses a table whose keys and values do not pair up', () => {
    expect(() => new SortedMap('a\nb', [1])).toThrow(/2 keys but 1 values/)
  })
})
