import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compactKey, normalizeName, skeleton, skeletonNeighbours, skeletonsClose, spellingVariantKey } from '../src/matcher/normalize.js'
import { translitKey } from '../src/matcher/analysis.js'

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
    expect(compactKey('North Korean')).toBe('northkorean')
  })
})
