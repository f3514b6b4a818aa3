/**
 * Lint the curated dictionary data (`namelint dict check`, run in CI):
 * - schema errors and duplicate ids (errors);
 * - one spelling claimed as name or variant by two entities (error: which one is meant?);
 * - two canonical names of one type a small edit apart (warning: a typo in the data?);
 * - names and forms that are ordinary English words (warning: they will never be flagged
 *   and make weak evidence);
 * - variants and forms the matcher reads as another spelling of the same entity (warning:
 *   case, diacritics, apostrophes, hyphens and "&" for "and" do not count, so they are not needed).
 */
import { distance } from 'fastest-levenshtein'
import { loadCurated } from './curated.js'
import { DictionaryError } from './errors.js'
import { SOURCE_DIR } from './paths.js'
import { SpellingKind, compile, type Entity } from './compile.js'
import { normalizeName } from '../matcher/normalize.js'
import { loadEnglish } from '../matcher/name-index.js'

export interface CheckReport {
  errors: number
  warnings: number
  text: string
}

export function checkDictionaries(dir = SOURCE_DIR): CheckReport {
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  let entities: Entity[]
  try {
    entities = loadCurated(dir)
  } catch (error) {
    if (error instanceof DictionaryError) return { errors: 1, warnings: 0, text: `error ${error.message}\n` }
    throw error
  }
  const compiled = compile(entities)
  // A spelling that names (or is a variant of) two entities.
  for (const key of compiled.exact.keys()) {
    const spellings = compiled.exact.get(key) ?? []
    const owners = new Map<string, Entity>()
    for (const s of spellings) {
      const kind = compiled.spellingKind[s]
      if (kind !== SpellingKind.Name && kind !== SpellingKind.Variant) continue
      const e = compiled.entities[compiled.spellingEntity[s]]
      owners.set(e.id, e)
    }
    if (owners.size > 1) {
      const list = [...owners.values()]
      const sameType = list.every((e) => e.type === list[0].type)
      if (sameType) {
        warnings++
        lines.push(`warning "${key}" is a name or variant of ${list.map((e) => `${e.id} (${e.source})`).join(' and ')}`)
      }
    }
  }
  // Canonical names a small edit apart.
  const byType = new Map<string, Entity[]>()
  for (const e of entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e])
  for (const [type, list] of byType) {
    const sorted = list.map((e) => ({ e, key: normalizeName(e.name) })).sort((a, b) => a.key.localeCompare(b.key))
    const buckets = new Map<string, Array<{ e: Entity; key: string }>>()
    for (const item of sorted) {
      const bucket = item.key.slice(0, 2)
      buckets.set(bucket, [...(buckets.get(bucket) ?? []), item])
    }
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i]
          const b = bucket[j]
          if (a.key === b.key || Math.abs(a.key.length - b.key.length) > 1 || a.key.length < 5) continue
          if (distance(a.key, b.key) === 1) {
            warnings++
            lines.push(`warning ${type} names one edit apart: "${a.e.name}" (${a.e.id}) and "${b.e.name}" (${b.e.id})`)
          }
        }
      }
    }
  }
  // Names and forms that are ordinary English words.
  const english = loadEnglish()
  for (const e of entities) {
    for (const spelling of [e.name, ...e.forms]) {
      if (!spelling.includes(' ') && english.has(spelling.toLowerCase())) {
        warnings++
        lines.push(`warning "${spelling}" (${e.id}) is also an ordinary English word`)
      }
    }
  }
  // Variants and forms that normalise to a spelling the entity has already.
  for (const e of entities) {
    const seen = new Map<string, string>([[normalizeName(e.name), e.name]])
    for (const spelling of [...e.variants, ...e.forms]) {
      const key = normalizeName(spelling)
      const same = seen.get(key)
      if (same !== undefined) {
        warnings++
        lines.push(`warning "${spelling}" (${e.id}) is "${same}" once normalised: not needed`)
      } else seen.set(key, spelling)
    }
  }
  lines.push(`${entities.length} curated entities checked: ${errors} errors, ${warnings} warnings`)
  return { errors, warnings, text: lines.join('\n') + '\n' }
}
