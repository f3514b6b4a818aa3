import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameIndex } from '../src/matcher/name-index.js'
import { SpellingChecker } from '../src/spelling/checker.js'

// Plain lower-case words are answered from a hash table probed while the text is scanned; everything
// else goes through `known`. Both paths must report exactly the words `known` rejects.
describe('SpellingChecker.misspellings, plain lower-case words', () => {
  const index = NameIndex.create()
  const reference = new SpellingChecker(index)
  const words = ['the', 'minister', 'said', 'goverment', 'annoucement', 'election', 'recieved', 'budget', 'oposition', 'farmers', 'tarif', 'talks']

  it('reports what a word-by-word check of the same words reports, text after text', () => {
    const checker = new SpellingChecker(index)
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }), (picked) => {
        // Each word once: a word used twice in a document is never reported.
        const unique = [...new Set(picked)]
        const text = unique.join(' ') + '.\n'
        const expected = unique.filter((w) => !reference.known(w))
        expect(checker.misspellings(text).map((m) => m.word)).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })

  it('still answers right after its table fills and starts again', () => {
    const checker = new SpellingChecker(index)
    // Enough made-up words to fill the table (65,536) and start it again.
    const filler: string[] = []
    for (let i = 0; filler.length < 70_000; i++) filler.push('vazq' + i.toString(26).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]))
    for (let i = 0; i < filler.length; i += 5_000) checker.misspellings(filler.slice(i, i + 5_000).join(' '))
    const text = 'The minister said the goverment budget was recieved well by farmers.\n'
    expect(checker.misspellings(text).map((m) => m.word)).toEqual(['goverment', 'recieved'])
    // A made-up word seen before the table started again is still unknown.
    expect(checker.misspellings(`Officials said ${filler[3]} talks.`).map((m) => m.word)).toEqual([filler[3]])
  })
})

describe('SpellingChecker, British spellings', () => {
  const index = NameIndex.create()
  const checker = new SpellingChecker(index)

  it('knows British spellings, but suggests only words the list (or its British rules) knows', () => {
    for (const word of ['defence', 'organisation', 'theatre', 'colour']) expect(checker.known(word), word).toBe(true)
    // "homoe" is no word, though "oe" made "e" would read "home": it is never suggested.
    expect(checker.suggest('homie')).not.toContain('homoe')
    expect(checker.suggest('ridiculuous')[0]).toBe('ridiculous')
  })
})
