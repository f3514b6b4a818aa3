/**
 * Compile the built-in dictionaries into dist/dict/ (run by `npm run build`
 * and `npm run build:dict`): the curated sources in dictionaries/, plus
 * countries, cities and regions from open-data npm packages, plus the
 * expanded English word list used to tell names from ordinary words.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { compile, serialize, type Entity } from '../src/dictionary/compile.js'
import { loadCurated } from '../src/dictionary/curated.js'
import { adminEntities, cityEntities, countryEntities } from '../src/dictionary/sources.js'
import { BUILTIN_INDEX, COMPILED_DIR, ENGLISH_WORDS, TOWNS } from '../src/dictionary/paths.js'
import { normalizeName } from '../src/matcher/normalize.js'
import { DictionaryError } from '../src/dictionary/errors.js'

const require = createRequire(import.meta.url)

async function englishWords(): Promise<string[]> {
  const nspell = require('nspell') as (d: { aff: Uint8Array; dic: Uint8Array }) => { data: Record<string, unknown> }
  const dictionary = (await import('dictionary-en')).default
  return Object.keys(nspell(dictionary).data)
}

async function main() {
  const started = Date.now()
  let curated: Entity[]
  try {
    curated = loadCurated()
  } catch (error) {
    if (error instanceof DictionaryError) {
      console.error(`namelint build:dict: ${error.message}`)
      process.exit(2)
    }
    throw error
  }
  const countries = countryEntities()
  const known = new Set<string>()
  for (const e of [...curated, ...countries]) {
    if (e.type !== 'place' || !e.country) continue
    for (const s of [e.name, ...e.variants]) known.add(`${e.country}:${normalizeName(s)}`)
  }
  const admins = adminEntities(known)
  for (const e of admins) for (const s of [e.name, ...e.variants]) known.add(`${e.country}:${normalizeName(s)}`)
  const { entities: cities, towns } = cityEntities(known)
  const entities = [...countries, ...curated, ...admins, ...cities]
  const compiled = compile(entities)
  mkdirSync(COMPILED_DIR, { recursive: true })
  writeFileSync(BUILTIN_INDEX, serialize(compiled))
  writeFileSync(TOWNS, towns.join('\n'))
  const words = await englishWords()
  writeFileSync(ENGLISH_WORDS, words.join('\n'))
  console.log(
    `namelint: compiled ${entities.length} entities (${curated.length} curated, ${countries.length} from world-countries, ` +
      `${admins.length + cities.length} from GeoNames, ${towns.length} small towns), ${compiled.spellings.length} spellings, ` +
      `${Object.keys(compiled.skeletons).length} skeleton keys, ${words.length} English words in ${Date.now() - started} ms`,
  )
}

await main()
