import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compactKey, digraphReadings, normalizeName, pairExpansions, skeleton, skeletonNeighbours, skeletonsClose, spellingVariantKey } from '../src/matcher/normalize.js'
import { translitKey } from '../src/matcher/analysis.js'
import { adjacentKeys } from '../src/matcher/keyboard.js'

describe('normalizeName', () => {
  it('ignores case, diacritics, apostrophe style and hyphen vs space', () => {
    expect(normalizeName('Kim Jong-un')).toBe(normalizeName('Kim Jong Un'))
    expect(normalizeName('Erdoğan')).toBe('erdogan')
    expect(normalizeName('Qur’an')).toBe(normalizeName("Qur'an"))
    expect(normalizeName('Łódź')).toBe('lodz')
    expect(normalizeName('  Côte  d’Ivoire ')).toBe('cote divoire')
  })
  it('keeps different names apart', () => {
    expect(normalizeName('Kyiv')).not.toBe(normalizeName('Kiev'))
  })
  it('reads an ampersand standing as a word as "and", but not one inside a word', () => {
    expect(normalizeName('Marks & Spencer')).toBe(normalizeName('Marks and Spencer'))
    expect(skeleton('Procter & Gamble')).toBe(skeleton('Procter and Gamble'))
    expect(normalizeName('&')).toBe('and')
    expect(normalizeName('AT&T')).toBe('at&t')
  })
  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeName(normalizeName(s)) === normalizeName(s)))
  })
})

describe('skeleton', () => {
  it('gives transliterations of one name one skeleton', () => {
    expect(skeleton('Shuigu')).toBe(skeleton('Shoigu'))
    expect(skeleton('Shog')).toBe(skeleton('Shoigu'))
    expect(skeleton('North Quaran')).toBe(skeleton('North Korean'))
    expect(skeleton('Piggott')).toBe(skeleton('Pigott'))
    expect(skeleton('Sveden')).toBe(skeleton('Sweden'))
  })
  it('separates unrelated names', () => {
    expect(skeleton('Moscow')).not.toBe(skeleton('Kyiv'))
  })
  it('counts a doubled letter once, even inside a letter group it folds', () => {
    expect(skeleton('Scchumer')).toBe(skeleton('Schumer'))
    expect(skeleton('Mexxico')).toBe(skeleton('Mexico'))
    expect(skeleton('Reccife')).toBe(skeleton('Recife'))
  })
  it('never folds or counts once the letters of two words together', () => {
    // The v of "Andrew" and the w of "Wheeler" are two letters: "Andrew Hayler" is no spelling of Andrew Wheeler.
    expect(skeleton('Andrew Wheeler')).toBe('ndrvvhlr')
    expect(skeleton('Andrew Hayler')).not.toBe(skeleton('Andrew Wheeler'))
    // Nor do a k and an h of two words make "kh" ("Mark Hughes").
    expect(skeleton('Mark Hughes')).toBe(skeleton('Mark') + skeleton('Hughes'))
    expect(skeleton('Kim Jong-un')).toBe(skeleton('Kim Jong Un'))
  })
  it('neighbours include the key and every one-letter deletion', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[bdfgklmnprstv]{1,6}$/), (key) => {
        const n = new Set(skeletonNeighbours(key))
        if (!n.has(key)) return false
        for (let i = 0; i < key.length; i++) if (!n.has(key.slice(0, i) + key.slice(i + 1))) return false
        return true
      }),
    )
  })
})

describe('skeletonsClose', () => {
  it('counts a swap of two neighbouring letters as one edit, in the index neighbourhood too', () => {
    expect(skeletonsClose(skeleton('Bronw'), skeleton('Brown'))).toBe(true)
    expect(skeletonNeighbours(skeleton('Bronw'))).toContain(skeleton('Brown'))
    expect(skeletonsClose('brnv', 'bvrn')).toBe(false)
  })

  it('counts a slip on the first letter of a digraph as one edit', () => {
    expect(skeletonsClose(skeleton('Frenvh'), skeleton('French'))).toBe(true)
    expect(skeletonsClose('frnvh', 'frnk')).toBe(false)
  })

  it('counts the two letters of a digraph written the wrong way round as one edit', () => {
    // "Badenohc" (bdnhk) for Badenoch (bdnC), "Gorsuhc" for Gorsuch.
    expect(skeletonsClose(skeleton('Badenohc'), skeleton('Badenoch'))).toBe(true)
    expect(skeletonsClose(skeleton('Gorsuhc'), skeleton('Gorsuch'))).toBe(true)
    expect(skeletonsClose(skeleton('Badenohc'), skeleton('Badenoma'))).toBe(false)
  })
  it('counts a letter slipped in between two of the same as one edit', () => {
    expect(skeletonsClose(skeleton('Palestiniabn'), skeleton('Palestinian'))).toBe(true)
    expect(skeletonsClose(skeleton('Abvbas'), skeleton('Abbas'))).toBe(true)
    expect(skeletonsClose('bvks', 'bs')).toBe(false)
  })

  it('counts a letter lost between two of the same as one edit, as the index search does', () => {
    // "Reuers" (rs) for Reuters (rtrs), "Johnon" (hn) for Johnson (hnsn).
    expect(skeletonsClose(skeleton('Reuers'), skeleton('Reuters'))).toBe(true)
    expect(skeletonsClose(skeleton('Johnon'), skeleton('Johnson'))).toBe(true)
    expect(pairExpansions(skeleton('Reuers'))).toContain(skeleton('Reuters'))
    // Two letters between, or a pair that was never one: two edits.
    expect(skeletonsClose('rs', 'rtkrs')).toBe(false)
    expect(skeletonsClose('rs', 'rtss')).toBe(false)
  })

  it('lets a two-letter key reach the keys one letter longer, as the index search does, and of its substitutions only slips of the finger', () => {
    // "Ronania" (rn) is a slip of Romania (rmn); "Urufuay" (rf) of Uruguay (rg): g is beside f.
    expect(skeletonsClose(skeleton('Ronania'), skeleton('Romania'))).toBe(true)
    expect(skeletonsClose(skeleton('Urufuay'), skeleton('Uruguay'))).toBe(true)
    expect(skeletonsClose('rn', 'rs')).toBe(false)
    expect(skeletonsClose('rn', 'rmnt')).toBe(false)
  })
})

describe('spellingVariantKey', () => {
  it('merges British and American -re/-er words, not a slip of a name ending in -der', () => {
    expect(spellingVariantKey('Lincoln Centre')).toBe(spellingVariantKey('Lincoln Center'))
    expect(spellingVariantKey('Schroedre')).not.toBe(spellingVariantKey('Schroeder'))
  })
})

describe('translitKey', () => {
  it('merges romanisation variants but not corruptions', () => {
    expect(translitKey('Aleksey Miller')).toBe(translitKey('Alexey Miller'))
    expect(translitKey('Yulya')).toBe(translitKey('Yulia'))
    expect(translitKey('Tonny')).not.toBe(translitKey('Tony'))
    expect(translitKey('Schroeder')).toBe(translitKey('Schröder'))
    expect(translitKey('Trollhaettan')).toBe(translitKey('Trollhättan'))
    expect(translitKey('Volzhsky')).toBe(translitKey('Volzhskiy'))
    expect(translitKey('Schroedre')).not.toBe(translitKey('Schröder'))
    expect(translitKey('Helsinkii')).not.toBe(translitKey('Helsinki'))
    expect(compactKey('North Korean')).toBe('northkorean')
  })
})

describe('skeletonsClose', () => {
  /**
   * The definition: equal, or one substitution, insertion, deletion or swap of neighbours apart (keys under three
   * letters: only their deletions and, of two letters, the keys one letter longer or one keyboard slip away), or a
   * letter slipped in between two of the same or lost from between them (which then count once).
   */
  function reference(key: string, candidate: string): boolean {
    if (key === candidate) return true
    const drop = (s: string, i: number) => s.slice(0, i) + s.slice(i + 1)
    // A letter lost from between two of the same, which then count once (keys of two letters or more).
    const between = (long: string, short: string) => [...long].some((_, i) => i >= 1 && long[i - 1] === long[i + 1] && drop(drop(long, i), i) === short)
    if (candidate.length === key.length + 2) return key.length >= 2 && between(candidate, key)
    if (key.length < 3) {
      if ([...key].some((_, i) => drop(key, i) === candidate)) return true
      if (key.length === 2 && candidate.length === 3 && [...candidate].some((_, i) => drop(candidate, i) === key)) return true
      // Of two letters, one letter a key away on the keyboard.
      return key.length === 2 && candidate.length === 2 && [0, 1].some((i) => key[1 - i] === candidate[1 - i] && adjacentKeys(key[i], candidate[i]))
    }
    const swap = (s: string, i: number) => s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
    if (key.length === candidate.length) return [...key].some((_, i) => drop(key, i) === drop(candidate, i) || (i + 1 < key.length && swap(key, i) === candidate))
    // A deletion, or a slip on the first letter of a digraph: "Xh" for the digraph's one letter.
    if (key.length === candidate.length + 1) return [...key].some((_, i) => drop(key, i) === candidate) || digraphReadings(key).includes(candidate)
    if (candidate.length === key.length + 1) return [...candidate].some((_, i) => drop(candidate, i) === key)
    // A letter slipped in between two of the same, which then count once.
    if (key.length === candidate.length + 2) return between(key, candidate)
    return false
  }
  it('agrees with its definition on any pair of short keys (property)', () => {
    const key = fc.string({ unit: fc.constantFrom('b', 'd', 'k', 's', 'h', 'C'), maxLength: 6 })
    fc.assert(fc.property(key, key, (a, b) => skeletonsClose(a, b) === reference(a, b)), { numRuns: 2000 })
  })
})
