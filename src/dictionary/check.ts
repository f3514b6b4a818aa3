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
import path from 'node:path'
import { distance } from 'fastest-levenshtein'
import { loadCurated } from './curated.js'
import { DictionaryError } from './errors.js'
import { SOURCE_DIR } from './paths.js'
import { SpellingKind, compile, entityFromSource, entityIds, type Entity } from './compile.js'
import { normalizeName } from '../matcher/normalize.js'
import { loadBuiltin, loadEnglish, NameIndex, type UserDictionary } from '../matcher/name-index.js'
import { entryLine, loadDictionaryFile } from './load.js'
import { overlayProblems } from './overlay.js'

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
  const warn = (_entity: Entity, text: string) => {
    warnings++
    lines.push(`warning ${text}`)
  }
  namesOneEditApart(entities, warn)
  englishNames(entities, warn)
  redundantSpellings(entities, warn)
  lines.push(`${entities.length} curated entities checked: ${errors} errors, ${warnings} warnings`)
  return { errors, warnings, text: lines.join('\n') + '\n' }
}

/** Canonical names of one type a small edit apart (a typo in the data?). */
function namesOneEditApart(entities: Entity[], warn: (entity: Entity, text: string) => void): void {
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
          if (distance(a.key, b.key) === 1) warn(b.e, `${type} names one edit apart: "${a.e.name}" (${a.e.id}) and "${b.e.name}" (${b.e.id})`)
        }
      }
    }
  }
}

/** One-word names and forms that are ordinary English words: never flagged, and weak evidence. */
function englishNames(entities: Entity[], warn: (entity: Entity, text: string) => void): void {
  const english = loadEnglish()
  for (const e of entities) {
    for (const spelling of [e.name, ...e.forms]) {
      if (!spelling.includes(' ') && english.has(spelling.toLowerCase())) warn(e, `"${spelling}" (${e.id}) is also an ordinary English word`)
    }
  }
}

/** Variants and forms that normalise to a spelling the entity has already (case, diacritics, apostrophes, hyphens, "&"). */
function redundantSpellings(entities: Entity[], warn: (entity: Entity, text: string) => void): void {
  for (const e of entities) {
    const seen = new Map<string, string>([[normalizeName(e.name), e.name]])
    for (const spelling of [...e.variants, ...e.forms]) {
      const key = normalizeName(spelling)
      const same = seen.get(key)
      if (same !== undefined) warn(e, `"${spelling}" (${e.id}) is "${same}" once normalised: not needed`)
      else seen.set(key, spelling)
    }
  }
}

/**
 * `namelint dict check FILE...`: lint user dictionaries as `--dictionary` loads them, in order, over the built-in
 * data (unless `builtin` is false). Each file that does not load is an error and the others are still checked;
 * so is every overlay that points nowhere. Warnings, each with the file and line of the entry:
 * - a spelling the file gives as a name or variant that another entity (built-in or user) has as its name or
 *   variant, or that the built-in data lists as deprecated (which one is meant?);
 * - the checks of the curated data, on the file's entries: names one edit apart, English words, redundant spellings.
 */
export function checkUserDictionaries(files: string[], options: { builtin?: boolean; cwd?: string } = {}): CheckReport {
  const builtin = options.builtin !== false
  const lines: string[] = []
  let errors = 0
  const loaded: UserDictionary[] = []
  for (const file of files) {
    try {
      loaded.push({ file, source: loadDictionaryFile(path.resolve(options.cwd ?? process.cwd(), file), file) })
    } catch (error) {
      if (!(error instanceof DictionaryError)) throw error
      errors++
      lines.push(located(error))
    }
  }
  const known = new Set(builtin ? entityIds(loadBuiltin()) : [])
  const problems = overlayProblems(loaded, known, builtin)
  for (const problem of problems) {
    errors++
    lines.push(located(problem))
  }
  // Entries with a broken overlay are left out: the index would not load with them.
  const broken = new Set(problems.map((p) => `${p.file}\u0000${p.entry}`))
  const usable = loaded.map(({ file, source }) => ({ file, source, keep: source.entities.map((e) => !broken.has(`${file}\u0000${e.id}`)) }))
  const index = NameIndex.create({ builtin, user: usable.map(({ file, source, keep }) => ({ file, source: { ...source, entities: source.entities.filter((_, i) => keep[i]) } })) })
  // Warnings in file order, then line order, as a linter lists them.
  const found: Array<{ file: number; line: number; text: string }> = []
  const place = new Map<Entity, { file: number; line: number; at: string }>()
  const written: Entity[] = []
  usable.forEach(({ file, source, keep }, fileIndex) => {
    const name = source.meta?.name ?? file
    source.entities.forEach((entry, i) => {
      if (!keep[i] || entry.disabled) return
      const line = entryLine(source, i) ?? 1
      const at = `${file}:${line}: `
      const warn = (text: string) => found.push({ file: fileIndex, line, text: `${at}warning ${text}` })
      // The spellings this entry itself writes: an overlay's own lists, not the built-in entity's.
      const parsed = entityFromSource({ ...entry, name: entry.name ?? entry.id }, name)
      // An overlay without a name keeps the built-in one: only its forms and variants are its own.
      const entity = entry.name === undefined ? { ...parsed, name: '' } : parsed
      place.set(entity, { file: fileIndex, line, at })
      written.push(entity)
      const claimed = new Set<string>()
      for (const spelling of [...(entry.name === undefined ? [] : [entry.name]), ...(entry.variants ?? [])]) {
        const key = normalizeName(spelling)
        if (claimed.has(key)) continue
        claimed.add(key)
        const others = new Map<string, string>()
        for (const hit of index.lookupKey(key)) {
          const other = hit.entity
          if (other.id === entry.id) continue
          const what = `${other.id} (${other.name}${other.description ? `, ${other.description}` : ''}; ${other.source})`
          if (hit.kind === SpellingKind.Name || hit.kind === SpellingKind.Variant) others.set(other.id, `the name or a variant of ${what}`)
          else if (hit.kind === SpellingKind.Deprecated) others.set(other.id, `a deprecated spelling of ${what}`)
        }
        if (others.size > 0) warn(`"${spelling}" (${entry.id}) is also ${[...others.values()].join(' and ')}: which is meant? To add to that entity, use its id; to replace it, switch it off (\`disabled: true\`)`)
      }
    })
  })
  const report = (entity: Entity, text: string) => {
    const where = place.get(entity)
    if (where) found.push({ file: where.file, line: where.line, text: `${where.at}warning ${text}` })
  }
  namesOneEditApart(written.filter((e) => e.name !== ''), report)
  englishNames(written, report)
  redundantSpellings(written, report)
  found.sort((a, b) => a.file - b.file || a.line - b.line)
  lines.push(...found.map((f) => f.text))
  const warnings = found.length
  lines.push(`${files.length} dictionar${files.length === 1 ? 'y' : 'ies'} checked${builtin ? ' over the built-in data' : ''}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  return { errors, warnings, text: lines.join('\n') + '\n' }
}

/** A dictionary error as a report line: `file:line[:column]: error entry `id`: message`. */
function located(error: DictionaryError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}${error.column === undefined ? '' : `:${error.column}`}`
  return `${where}: error ${error.message.slice(where.length + 2)}`
}
