import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameIndex } from '../src/matcher/name-index.js'
import { SpellingChecker, wholeWordCount } from '../src/spelling/checker.js'

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

// A word the document uses twice is its vocabulary. The count is a scan with indexOf; it must agree with the
// definition it replaced: a case-insensitive whole-word match, either apostrophe, letters, marks and digits
// (astral ones too) as word characters.
describe('wholeWordCount', () => {
  const byRegex = (text: string, word: string) => {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]")
    return text.match(new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'giu'))?.length ?? 0
  }
  const count = (text: string, word: string) => wholeWordCount(text.toLowerCase().replace(/’/g, "'"), word.toLowerCase())

  it('counts whole words only, in any case and with either apostrophe', () => {
    const text = 'The goverment said the Goverment’s plan and the govermental office were new. Goverments differ.'
    expect(count(text, 'goverment')).toBe(2)
    expect(count("Ministers' talks: the minister's view", "minister's")).toBe(1)
    expect(count('Rock’n’roll and rock\'n\'roll', "rock'n'roll")).toBe(2)
    expect(count('tarif2 tarif tarifé étarif', 'tarif')).toBe(1)
    expect(count('𝐀tarif tarif𝐀 tarif', 'tarif')).toBe(1)
  })

  it('agrees with the whole-word expression on random text', () => {
    const pieces = ['tarif', 'Tarif', 'TARIF', 'tarifs', 'x', ' ', '-', "'", '’', 'é', '2', '𝐀', '\u0301', '.', 'ta', 'rif']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), fc.constantFrom('tarif', 'ta', "tarif's", 'rif'), (parts, word) => {
        const text = parts.join('')
        expect(count(text, word)).toBe(byRegex(text, word))
      }),
      { numRuns: 500 },
    )
  })
})
