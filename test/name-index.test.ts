import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NameIndex } from '../src/matcher/name-index.js'
import { compile, entityFromSource } from '../src/dictionary/compile.js'

const small = compile(
  [
    { id: 'person-test-shoigu', type: 'person' as const, name: 'Sergei Shoigu', forms: ['Shoigu'], variants: ['Sergey Shoygu'], description: 'test' },
    { id: 'place-test-bryansk', type: 'place' as const, name: 'Bryansk', variants: ['Briansk'] },
    { id: 'place-test-kyiv', type: 'place' as const, name: 'Kyiv', deprecated: [{ spelling: 'Kiev', preferred: 'Kyiv' }] },
  ].map((e) => entityFromSource(e, 'test')),
)

describe('NameIndex', () => {
  const index = new NameIndex([small])
  it('finds names, variants and forms exactly, whatever the case or diacritics', () => {
    expect(index.lookup('sergey shoygu')[0].entity.id).toBe('person-test-shoigu')
    expect(index.lookup('SHOIGU')[0].entity.id).toBe('person-test-shoigu')
    expect(index.lookup('Kiev')[0].entity.id).toBe('place-test-kyiv')
    expect(index.lookup('Shuigu')).toEqual([])
  })
  it('generates fuzzy candidates from the skeleton index', () => {
    expect(index.candidates('Shuigu').map((h) => h.spelling)).toContain('Shoigu')
    expect(index.candidates('Shog').map((h) => h.spelling)).toContain('Shoigu')
    expect(index.candidates('Brianssk').map((h) => h.spelling)).toContain('Bryansk')
  })
  it('finds a name again after any one-letter change to its consonant frame (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.constantFrom('b', 'd', 'm', 'r', 't'), (pos, letter) => {
        const word = 'Shoigu'
        const mutated = word.slice(0, pos) + letter + word.slice(pos)
        return index.candidates(mutated).some((h) => h.spelling === 'Shoigu')
      }),
    )
  })
})

describe('the built-in index', () => {
  const index = NameIndex.create()
  it('knows countries, demonyms and capitals', () => {
    expect(index.lookup('North Korea').length).toBeGreaterThan(0)
    expect(index.lookup('North Korean').some((h) => h.entity.type === 'demonym')).toBe(true)
    expect(index.lookup('Pyongyang').length).toBeGreaterThan(0)
  })
  it('lists every spelling of an entity, and only its own (the prebuilt index keeps them together)', () => {
    const kp = index.lookup('North Korea').find((h) => h.entity.id === 'country-kp')!
    const spellings = index.entitySpellings(kp.entityKey).map((x) => x.hit.spelling)
    expect(spellings).toContain('North Korea')
    expect(spellings).toContain("Democratic People's Republic of Korea")
    expect(index.entitySpellings(kp.entityKey).every((x) => x.hit.entity.id === 'country-kp')).toBe(true)
    expect(index.lookup('Bryansk').length).toBeGreaterThan(0)
    const bryansk = index.lookup('Bryansk')[0]
    expect(index.entitySpellings(bryansk.entityKey).map((x) => x.hit.spelling)).toContain('Bryansk')
  })
  it('reaches the keys one letter longer from a two-letter key, whether or not the deletion index is built yet', () => {
    // "Italiaj" (skeleton tl) is a slip of Italian (tln); of a two-letter key's substitutions only the keys one slip of
    // the finger away are searched ("Urufuay", rf, for Uruguay, rg): tk (k beside l), not tm.
    const fresh = NameIndex.create()
    const early = fresh.neighbourKeys('tl')
    expect(early).toContain('tln')
    expect(early).toContain('tk')
    expect(early).not.toContain('tm')
    expect(fresh.neighbourKeys('rf')).toContain('rg')
    // Enough searches of longer keys to build the deletion index: the answer is the same.
    for (let i = 0; i < 80; i++) fresh.neighbourKeys('brnsk' + 'bdfgklmnprstv'[i % 13] + 'kmnprst'[i % 7])
    const fresh2 = NameIndex.create()
    for (let i = 0; i < 80; i++) fresh2.neighbourKeys('brnsk' + 'bdfgklmnprstv'[i % 13] + 'kmnprst'[i % 7])
    expect([...fresh2.neighbourKeys('tl')].sort()).toEqual([...early].sort())
  })
  it('knows ordinary English words apart from names', () => {
    expect(index.isEnglishWord('Meanwhile')).toBe(true)
    expect(index.isEnglishWord('Shuigu')).toBe(false)
  })
  it('knows British spellings of English words as English words, but not a short slip a rewrite turns into one', () => {
    for (const word of ['Defence', 'Organisation', 'Theatre', 'Programme', 'Harbour']) expect(index.isEnglishInAnySpelling(word), word).toBe(true)
    // "Roem" would read as "rem" with its oe made e: it is a slip of Rome.
    expect(index.isEnglishInAnySpelling('Roem')).toBe(false)
    // The list itself stays American (the spelling checker has its own British rules).
    expect(index.isEnglishWord('Defence')).toBe(false)
  })
  it('lets a user dictionary add a variant and switch an entity off', () => {
    const user = NameIndex.create({
      user: [
        { file: 'house.yaml', source: { entities: [{ id: 'country-kp', variants: ['Choson'] }, { id: 'country-fr', disabled: true }] } },
      ],
    })
    expect(user.lookup('Choson').some((h) => h.entity.id === 'country-kp')).toBe(true)
    expect(user.lookup('North Korea').some((h) => h.entity.id === 'country-kp')).toBe(true)
    expect(user.lookup('France').some((h) => h.entity.id === 'country-fr')).toBe(false)
  })
})
