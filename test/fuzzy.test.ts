import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NameIndex } from '../src/matcher/name-index.js'
import { compile, entityFromSource } from '../src/dictionary/compile.js'
import { clearFuzzyCaches, LONG_DROP_BONUS, PRIOR_WEIGHT, SKELETON_BONUS, SLIP_BONUS, searchIndex, slipBonusOf } from '../src/matcher/fuzzy.js'
import { compactKey, digraphReadings, normalizeName, pairExpansions, skeleton, skeletonNeighbours } from '../src/matcher/normalize.js'
import { keyboardSlip, similarity } from '../src/matcher/similarity.js'

const entities = [
  { id: 'person-a', type: 'person' as const, name: 'Sergei Shoigu', forms: ['Shoigu'], prior: 1 },
  { id: 'person-b', type: 'person' as const, name: 'Tommy Pigott', forms: ['Pigott'], prior: 0.8 },
  { id: 'place-a', type: 'place' as const, name: 'Bryansk', prior: 0.6 },
  { id: 'place-b', type: 'place' as const, name: 'Brest', prior: 0.4 },
  { id: 'place-c', type: 'place' as const, name: 'Bratsk', prior: 0.3 },
  { id: 'place-d', type: 'place' as const, name: 'Kursk', prior: 0.7 },
  // Long and improbable: only a keyboard slip's bonus lifts a slip of it over most bars.
  { id: 'place-e', type: 'place' as const, name: 'Novosibirsk', prior: 0.25 },
  { id: 'demonym-a', type: 'demonym' as const, name: 'North Korean', prior: 0.9 },
  { id: 'org-a', type: 'organization' as const, name: 'Korean Central News Agency', prior: 0.9 },
].map((e) => entityFromSource(e, 'test'))
const index = new NameIndex([compile(entities)])

/** Every spelling that could reach `needed` (with a keyboard slip's bonus where it is one), by brute force over the whole dictionary. */
function bruteForce(span: string, needed: number): Set<string> {
  const out = new Set<string>()
  const key = skeleton(span)
  const near = new Set(key.length < 3 ? [key, ...[...key].map((_, i) => key.slice(0, i) + key.slice(i + 1))] : skeletonNeighbours(key))
  const words = normalizeName(span).split(' ').length
  const layer = index.layers[0]
  layer.spellings.forEach((spelling, s) => {
    const entity = layer.entities[layer.spellingEntity[s]]
    if (!near.has(skeleton(spelling)) || normalizeName(spelling).split(' ').length !== words) return
    if (Math.abs(compactKey(spelling).length - compactKey(span).length) > Math.max(3, compactKey(span).length * 0.4)) return
    const sim = similarity(span, spelling)
    if (sim.edits === 0) return
    const slip = slipBonusOf(compactKey(span), compactKey(spelling))
    const score = sim.score + (skeleton(spelling) === key ? SKELETON_BONUS : 0) + slip - (1 - entity.prior) * PRIOR_WEIGHT
    if (score >= needed + 1e-9) out.add(spelling)
  })
  return out
}

const names = ['Shoigu', 'Pigott', 'Bryansk', 'Brest', 'Bratsk', 'Kursk', 'Novosibirsk', 'North Korean']
const mutation = fc.tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('', 'a', 'e', 'o', 'u', 'i', 'k', 'g', 's', 'r', 'n', 'h'), fc.boolean())
const mutate = ([name, at, letter, replace]: [string, number, string, boolean]) => {
  const i = at % (name.length + 1)
  return name.slice(0, i) + letter + name.slice(replace ? i + 1 : i)
}

describe('fuzzy search', () => {
  it('gives a consonant left out of a long name the larger slip bonus', () => {
    expect(slipBonusOf('novosibisk', 'novosibirsk')).toBe(LONG_DROP_BONUS)
    // Short names, letters struck in addition, vowels left out: the usual bonus, or none.
    expect(slipBonusOf('kusk', 'kursk')).toBe(SLIP_BONUS)
    expect(slipBonusOf('novosibirdsk', 'novosibirsk')).toBe(SLIP_BONUS)
    expect(slipBonusOf('novsibirsk', 'novosibirsk')).toBe(0)
    expect(keyboardSlip('novsibirsk', 'novosibirsk')).toBe(false)
  })
  it('gives a consonant struck twice inside a name a smaller slip bonus', () => {
    const doubled = slipBonusOf('lermonntov', 'lermontov')
    expect(doubled).toBeGreaterThan(0)
    expect(doubled).toBeLessThan(SLIP_BONUS)
    // Not a vowel (romanisations double those: "Asaad"), not the last letter (which makes another word).
    expect(slipBonusOf('lermoontov', 'lermontov')).toBe(0)
    expect(slipBonusOf('marcoss', 'marcos')).toBe(0)
  })

  it('finds a transliteration slip of a probable name', () => {
    const found = searchIndex(index, 'shuigu', 0.6).matches.map((m) => m.hit.spelling)
    expect(found).toContain('Shoigu')
    expect(searchIndex(index, 'north quaran', 0.6).matches.map((m) => m.output)).toContain('North Korean')
  })
  it('accepts romanisation variants only of names written in another script', () => {
    const scripts = new NameIndex([
      compile(
        [
          { id: 'place-ru', type: 'place' as const, name: 'Bryansk', country: 'RU', prior: 0.6 },
          { id: 'place-fr', type: 'place' as const, name: 'Paris', country: 'FR', prior: 0.9 },
          { id: 'person-de', type: 'person' as const, name: 'Gerhard Schröder', country: 'DE', prior: 0.8 },
          { id: 'person-ru', type: 'person' as const, name: 'Dmitry Yesenin', country: 'RU', prior: 0.8 },
        ].map((e) => entityFromSource(e, 'test')),
      ),
    ])
    // Russian reaches English in several romanisations; French is written in the Latin script already.
    expect(searchIndex(scripts, 'briansk', 0.6).accepted).toBe(true)
    const parys = searchIndex(scripts, 'parys', 0.6)
    expect(parys.accepted).toBe(false)
    expect(parys.matches.map((m) => m.hit.spelling)).toEqual(['Paris'])
    // Russian -iy for -y at a word's end, and E for Ye at its start, are romanisations too; a letter more is not.
    expect(searchIndex(scripts, 'dmitriy yesenin', 0.6).accepted).toBe(true)
    expect(searchIndex(scripts, 'dmitry esenin', 0.6).accepted).toBe(true)
    expect(searchIndex(scripts, 'dmitry yessenin', 0.6).accepted).toBe(false)
    // A German umlaut spelt out is the same spelling.
    expect(searchIndex(scripts, 'gerhard schroeder', 0.6).accepted).toBe(true)
  })
  it('leaves out improbable entities the bound excludes', () => {
    // Bratsk (prior 0.3) cannot reach a high bar however close the spelling.
    expect(searchIndex(index, 'bratsc', 0.9).matches.map((m) => m.hit.spelling)).not.toContain('Bratsk')
  })
  it('never prunes a candidate that can reach the bound (property)', () => {
    fc.assert(
      fc.property(mutation, fc.double({ min: 0.2, max: 1.1, noNaN: true }), (m, needed) => {
        const span = normalizeName(mutate(m))
        if (!span) return true
        // A known name in the plural ("North Koreans") is an exact match, not a fuzzy one.
        if (index.lookup(span.replace(/s$/, '')).length > 0 && span.endsWith('s')) return true
        const result = searchIndex(index, span, needed)
        if (result.accepted) return true
        const found = new Set(result.matches.map((x) => x.hit.spelling))
        for (const spelling of bruteForce(span, needed)) if (!found.has(spelling)) return false
        return true
      }),
      { numRuns: 2000 },
    )
  })
  it('answers a search at a higher bar from one at a lower bar as a fresh search would (property)', () => {
    fc.assert(
      fc.property(mutation, fc.double({ min: 0.2, max: 1.1, noNaN: true }), fc.double({ min: 0.001, max: 0.4, noNaN: true }), (m, low, step) => {
        const span = normalizeName(mutate(m))
        if (!span) return true
        const describe = (r: ReturnType<typeof searchIndex>) => JSON.stringify([r.accepted, r.matches.map((x) => [x.hit.spelling, x.output, x.similarity])])
        clearFuzzyCaches()
        const fresh = describe(searchIndex(index, span, low + step))
        clearFuzzyCaches()
        searchIndex(index, span, low)
        expect(describe(searchIndex(index, span, low + step))).toBe(fresh)
      }),
      { numRuns: 1000 },
    )
  })
  it('finds the same neighbouring skeleton keys as generating every one-edit key (property)', () => {
    const present = new Set(index.layers[0].skeletons.keys())
    fc.assert(
      fc.property(mutation, (m) => {
        const key = skeleton(mutate(m))
        if (!key) return true
        // Short keys: the key and its deletions, and for two letters its insertions too (no substitutions).
        const deletions = [...key].map((_, i) => key.slice(0, i) + key.slice(i + 1))
        const insertions = key.length === 2 ? skeletonNeighbours(key).filter((k) => k.length === 3) : []
        // And a letter slipped in between two of the same, which then count once.
        const slips = [...key].flatMap((_, i) => (i >= 1 && key[i - 1] === key[i + 1] ? [key.slice(0, i) + key.slice(i + 2)] : []))
        // And a letter lost between two of the same ("Reuers", rs, for Reuters, rtrs).
        const lost = pairExpansions(key)
        const expected = [...(key.length < 3 ? [key, ...deletions, ...insertions] : skeletonNeighbours(key)), ...slips, ...lost, ...digraphReadings(key)].filter((k) => present.has(k))
        expect(new Set(index.neighbourKeys(key))).toEqual(new Set(expected))
      }),
      { numRuns: 300 },
    )
  })
})
