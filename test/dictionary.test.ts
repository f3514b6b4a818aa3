import { describe, expect, it } from 'vitest'
import { parseDictionary } from '../src/dictionary/load.js'
import { DictionaryError } from '../src/dictionary/errors.js'

function errorOf(text: string): DictionaryError {
  try {
    parseDictionary(text, 'names.yaml')
  } catch (error) {
    if (error instanceof DictionaryError) return error
    throw error
  }
  throw new Error('expected a DictionaryError')
}

describe('dictionary validation', () => {
  it('accepts a well-formed dictionary', () => {
    const d = parseDictionary('entities:\n  - id: place-kyiv\n    type: place\n    name: Kyiv\n    deprecated:\n      - spelling: Kiev\n        since: "2019"\n', 'ok.yaml')
    expect(d.entities[0].name).toBe('Kyiv')
  })
  it('names the file, line and entry of a wrong type', () => {
    const e = errorOf('entities:\n  - id: person-a\n    name: A Person\n  - id: person-b\n    type: persn\n    name: B\n')
    expect(e.file).toBe('names.yaml')
    expect(e.line).toBe(5)
    expect(e.entry).toBe('person-b')
    expect(e.message).toMatch(/names\.yaml:5/)
  })
  it('reports unknown keys', () => {
    const e = errorOf('entities:\n  - id: x\n    name: X\n    nickname: Y\n')
    expect(e.message).toMatch(/unknown key `nickname`/)
  })
  it('reports duplicate ids with the line of the second', () => {
    const e = errorOf('entities:\n  - id: x\n    name: X\n  - id: x\n    name: Y\n')
    expect(e.message).toMatch(/duplicate id/)
    expect(e.line).toBe(4)
  })
  it('reports malformed YAML and JSON with a position', () => {
    expect(errorOf('entities:\n  - id: [x\n').message).toMatch(/cannot parse/)
    expect(errorOf('{"entities": [{"id": "x",}').line).toBeGreaterThan(0)
  })
})

describe('prebuilt index serialisation', () => {
  it('round-trips entities, decoding each only when it is asked for', async () => {
    const { compile, deserialize, entityAt, entityFromSource, entityIds, serialize } = await import('../src/dictionary/compile.js')
    const { NameIndex } = await import('../src/matcher/name-index.js')
    const sources = [
      { id: 'place-kyiv', type: 'place' as const, name: 'Kyiv', deprecated: [{ spelling: 'Kiev', preferred: 'Kyiv' }] },
      { id: 'person-zelensky', type: 'person' as const, name: 'Volodymyr Zelensky', variants: ['Volodymyr Zelenskyy'], forms: ['Zelensky'], description: 'President of Ukraine' },
      { id: 'place-dnipro', type: 'place' as const, name: 'Dnipro', native: ['Дніпро'] },
    ]
    const compiled = compile(sources.map((s) => entityFromSource(s, 'test')))
    const { index, entities } = serialize(compiled)
    const loaded = deserialize(index, Buffer.from(entities))
    expect(loaded.entities.filter(Boolean)).toHaveLength(0)
    expect(entityIds(loaded)).toEqual(['place-kyiv', 'person-zelensky', 'place-dnipro'])
    expect(entityAt(loaded, 2).native).toEqual(['Дніпро'])
    expect(entityAt(loaded, 1)).toEqual(compiled.entities[1])
    const hits = new NameIndex([loaded]).lookup('Volodymyr Zelenskyy')
    expect(hits[0].entity.description).toBe('President of Ukraine')
  })
})

describe('GeoNames regions', () => {
  it('weighs a first-level region by the people of its towns and cities', async () => {
    const { adminEntities, regionPrior } = await import('../src/dictionary/sources.js')
    expect(regionPrior(0)).toBe(0.35)
    expect(regionPrior(100_000)).toBeCloseTo(0.5)
    expect(regionPrior(50_000_000)).toBe(0.75)
    const florida = adminEntities(new Set()).filter((e) => e.name === 'Florida')
    const byCountry = Object.fromEntries(florida.map((e) => [e.country, e.prior]))
    // The US state of millions over the Uruguayan department and the Puerto Rican municipality of the same name.
    expect(byCountry.US).toBeGreaterThan(0.7)
    expect(byCountry.US).toBeGreaterThan(byCountry.UY)
    expect(byCountry.UY).toBeGreaterThan(byCountry.PR)
  })
})

describe('GeoNames cities', () => {
  it('know a city by the name news uses, without its river or region ("Frankfurt am Main" as Frankfurt)', async () => {
    const { cityEntities } = await import('../src/dictionary/sources.js')
    // Brandenburg is a German state already: Brandenburg an der Havel does not get that name.
    const { entities } = cityEntities(new Set(['DE:brandenburg']))
    const named = (name: string) => entities.filter((e) => e.country === 'DE' && (e.name === name || e.variants.includes(name)))
    // The short name goes to the larger of the two Frankfurts only.
    expect(named('Frankfurt').map((e) => e.name)).toEqual(['Frankfurt am Main'])
    expect(named('Marburg').map((e) => e.name)).toEqual(['Marburg an der Lahn'])
    expect(named('Brandenburg')).toEqual([])
  })
})

describe('dict check', () => {
  it('reports doubtful data: a shared spelling, near-identical names, English words, spellings the matcher reads as one', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const path = await import('node:path')
    const { checkDictionaries } = await import('../src/dictionary/check.js')
    const dir = mkdtempSync(path.join(tmpdir(), 'namelint-check-'))
    writeFileSync(
      path.join(dir, 'desk.yaml'),
      [
        'entities:',
        '  - {id: org-a, type: organization, name: "Hartley & Sons", variants: ["Hartley and Sons", "Hartley Group"]}',
        '  - {id: org-b, type: organization, name: "Hartley Group Holdings", variants: ["Hartley Group"]}',
        '  - {id: person-c, type: person, name: "Ada Quenby", forms: [Quenby]}',
        '  - {id: person-d, type: person, name: "Ada Quenbi"}',
        '  - {id: place-e, type: place, name: Bridge}',
      ].join('\n') + '\n',
    )
    const report = checkDictionaries(dir)
    expect(report.errors).toBe(0)
    expect(report.text).toMatch(/"hartley group" is a name or variant of org-a \(desk\) and org-b \(desk\)/)
    expect(report.text).toMatch(/person names one edit apart: "Ada Quenbi" \(person-d\) and "Ada Quenby" \(person-c\)/)
    expect(report.text).toMatch(/"Bridge" \(place-e\) is also an ordinary English word/)
    expect(report.text).toMatch(/"Hartley and Sons" \(org-a\) is "Hartley & Sons" once normalised: not needed/)
    expect(report.warnings).toBe(4)
  })
})
