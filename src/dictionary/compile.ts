/**
 * Compile validated dictionary sources into the lookup tables the matcher
 * uses. The built-in dictionaries are compiled once at build time
 * (`npm run build:dict`) and shipped as JSON whose objects *are* the hash
 * indexes, so start-up is one JSON.parse; user dictionaries are small and
 * compiled on load with the same code.
 */
import type { DictionarySource, EntitySource, EntityType } from './schema.js'
import { normalizeName, skeleton } from '../matcher/normalize.js'
import { SortedMap, sortWords, type KeyTable } from '../matcher/word-list.js'

export interface Deprecation {
  spelling: string
  preferred: string
  reason?: string
  since?: string
}

export interface Acronym {
  acronym: string
  expansion: string
}

export interface Entity {
  id: string
  type: EntityType
  name: string
  variants: string[]
  forms: string[]
  deprecated: Deprecation[]
  acronyms: Acronym[]
  description?: string
  country?: string
  wikidata?: string
  native?: string[]
  /** For places from GeoNames. */
  population?: number
  /** How readily a doubtful spelling may be corrected toward this entity, 0..1. */
  prior: number
  /** Which dictionary it came from. */
  source: string
}

export const enum SpellingKind {
  Name = 0,
  Variant = 1,
  Form = 2,
  Deprecated = 3,
  Acronym = 4,
}

export interface CompiledDictionary {
  format: 1
  /**
   * The entities. A dictionary loaded from the prebuilt index fills this on
   * demand from `entityJson` (most entities are never looked at in a run), so
   * read it through `entityAt` (and ids through `entityIds`); `entityPriors` is always whole.
   */
  entities: Entity[]
  entityPriors: number[]
  /** Entity records (JSON lines) of a dictionary loaded from the prebuilt index. */
  entityLines?: EntityLines
  /** Every spelling, with its entity and kind, parallel arrays. */
  spellings: string[]
  spellingEntity: number[]
  spellingKind: SpellingKind[]
  /** normalizeName(spelling) -> spelling indices. */
  exact: KeyTable<number[]>
  /** skeleton(spelling) -> spelling indices (names, variants, forms of fuzzy-eligible entities). */
  skeletons: KeyTable<number[]>
  /** Longest spelling, in words. */
  maxWords: number
  /** First word of each multi-word spelling -> the most words a spelling starting with it has. */
  firstWords: KeyTable<number>
  /** Sorted "word position count" slots of the words of multi-word suggestible spellings, one per line (see NameIndex.isNameWordAt). */
  nameWordSlots: string
}

const DEFAULT_PRIOR: Record<EntityType, number> = {
  person: 0.8,
  place: 0.8,
  organization: 0.75,
  demonym: 0.9,
  other: 0.6,
}

/**
 * News agencies are named in nearly every wire story ("WASHINGTON (Reuters) -", "told AFP"): likelier than an
 * organisation at large. Recognised by their description, when the data gives no prior of its own.
 */
const NEWS_AGENCY_PRIOR = 0.9
const NEWS_AGENCY = /\bnews agency\b/i

/** Below this prior an entity is known (never flagged) but never suggested. */
export const MIN_FUZZY_PRIOR = 0.2

export function entityFromSource(source: EntitySource, dictionaryName: string): Entity {
  const name = source.name ?? source.id
  const entity: Entity = {
    id: source.id,
    type: source.type ?? 'other',
    name,
    variants: source.variants ?? [],
    forms: source.forms ?? [],
    deprecated: (source.deprecated ?? []).map((d) =>
      typeof d === 'string'
        ? { spelling: d, preferred: name }
        : { spelling: d.spelling, preferred: d.preferred ?? name, reason: d.reason, since: d.since === undefined ? undefined : String(d.since) },
    ),
    acronyms: (source.acronyms ?? []).map((a) =>
      typeof a === 'string' ? { acronym: a, expansion: name } : { acronym: a.acronym, expansion: a.expansion ?? name },
    ),
    prior: source.prior ?? (source.type === 'organization' && NEWS_AGENCY.test(source.description ?? '') ? NEWS_AGENCY_PRIOR : DEFAULT_PRIOR[source.type ?? 'other']),
    source: dictionaryName,
  }
  if (source.description) entity.description = source.description
  if (source.country) entity.country = source.country
  if (source.wikidata) entity.wikidata = source.wikidata
  if (source.native) entity.native = source.native
  return entity
}

export function entitiesFromDictionary(dictionary: DictionarySource, fallbackName: string): Entity[] {
  const name = dictionary.meta?.name ?? fallbackName
  return dictionary.entities.map((e) => entityFromSource(e, name))
}

/** Merge an overlay entity (same id) into a base entity: lists add up, scalars replace. */
export function mergeEntity(base: Entity, overlay: EntitySource, dictionaryName: string): Entity {
  const over = entityFromSource({ ...overlay, name: overlay.name ?? base.name, type: overlay.type ?? base.type }, dictionaryName)
  const union = <T>(a: T[], b: T[], key: (x: T) => string) => {
    const seen = new Set(a.map(key))
    return [...a, ...b.filter((x) => !seen.has(key(x)))]
  }
  return {
    ...base,
    type: overlay.type ?? base.type,
    name: overlay.name ?? base.name,
    variants: union(overlay.name && overlay.name !== base.name ? [...base.variants, base.name] : base.variants, over.variants, normalizeName),
    forms: union(base.forms, over.forms, normalizeName),
    deprecated: union(base.deprecated, over.deprecated, (d) => normalizeName(d.spelling)),
    acronyms: union(base.acronyms, over.acronyms, (a) => a.acronym + '\u0000' + normalizeName(a.expansion)),
    description: overlay.description ?? base.description,
    country: overlay.country ?? base.country,
    wikidata: overlay.wikidata ?? base.wikidata,
    native: overlay.native ? [...(base.native ?? []), ...overlay.native] : base.native,
    prior: overlay.prior ?? base.prior,
    source: dictionaryName,
  }
}

/** An entity as stored in the prebuilt index: empty lists are dropped, the prior rounded. */
function entityRecord(entity: Entity): string {
  return JSON.stringify(entity, (key, value: unknown) => {
    if (Array.isArray(value) && value.length === 0) return undefined
    if (key === 'prior' && typeof value === 'number') return Math.round(value * 1000) / 1000
    return value
  })
}

/** A table as sorted keys (one per line) and their values; a one-element list is stored as its element. */
type SerializedTable<V> = [string, Array<V | V[]>]

function tableToArrays<V>(table: KeyTable<V | V[]>): SerializedTable<V> {
  const keys = sortWords(table.keys())
  return [keys.join('\n'), keys.map((k) => {
    const v = table.get(k) as V | V[]
    return Array.isArray(v) && v.length === 1 ? (v[0] as V) : v
  })]
}

function listTable(table: SerializedTable<number>): SortedMap<number[]> {
  return new SortedMap(table[0], table[1].map((v) => (typeof v === 'number' ? [v] : v)))
}

/**
 * The prebuilt index as written: tables as sorted key texts searched in
 * place (JSON.parse of 40k-key objects, or building Maps of them, costs a
 * cold start tens of milliseconds), priors in thousandths, where each
 * entity's record starts in the entities file, and nothing but ASCII (a
 * one-byte string reads and parses fastest).
 */
interface SerializedIndex {
  format: 3
  entityPriors: number[]
  entityStarts: number[]
  spellings: string[]
  spellingEntity: number[]
  spellingKind: SpellingKind[]
  exact: SerializedTable<number>
  skeletons: SerializedTable<number>
  maxWords: number
  firstWords: SerializedTable<number>
  nameWordSlots: string
}

/**
 * Serialise for the prebuilt index: the index as JSON, and the entities as
 * lines of JSON, parsed one by one when first needed (parsing 30k small
 * objects, and collecting the garbage, at every start-up would cost more than
 * the whole lint of an article).
 */
export function serialize(dictionary: CompiledDictionary): { index: string; entities: string } {
  const records = dictionary.entities.map(entityRecord)
  const entityStarts: number[] = []
  let offset = 0
  for (const r of records) {
    entityStarts.push(offset)
    offset += Buffer.byteLength(r) + 1
  }
  const index: SerializedIndex = {
    format: 3,
    entityPriors: dictionary.entityPriors.map((p) => Math.round(p * 1000)),
    entityStarts,
    spellings: dictionary.spellings,
    spellingEntity: dictionary.spellingEntity,
    spellingKind: dictionary.spellingKind,
    exact: tableToArrays(dictionary.exact),
    skeletons: tableToArrays(dictionary.skeletons),
    maxWords: dictionary.maxWords,
    firstWords: tableToArrays(dictionary.firstWords),
    nameWordSlots: dictionary.nameWordSlots,
  }
  const ascii = JSON.stringify(index).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
  return { index: ascii, entities: records.join('\n') }
}

/**
 * Entity records as JSON lines in one buffer, decoded one at a time: most
 * entities of the gazetteer are never looked at in a run.
 */
export class EntityLines {
  private readonly buffer: Buffer
  private readonly starts: number[]

  /** `starts`: where each record starts (the prebuilt index has them), or undefined to find them. */
  constructor(buffer: Buffer, starts?: number[]) {
    this.buffer = buffer
    if (starts) {
      this.starts = starts
      return
    }
    this.starts = []
    let start = 0
    while (start <= buffer.length) {
      this.starts.push(start)
      const end = buffer.indexOf(10, start)
      if (end < 0) break
      start = end + 1
    }
  }

  get length(): number {
    return this.starts.length
  }

  line(index: number): string {
    const end = index + 1 < this.starts.length ? this.starts[index + 1] - 1 : this.buffer.length
    return this.buffer.toString('utf8', this.starts[index], end)
  }

  /** The id of record `index`, read without parsing the record (records start with `{"id":"`). */
  id(index: number): string {
    const line = this.line(index)
    const start = line.indexOf('"id":"') + 6
    return JSON.parse(line.slice(start - 1, line.indexOf('"', start) + 1)) as string
  }
}

/** The dictionary from `serialize`'s two parts. */
export function deserialize(index: string, entities: Buffer): CompiledDictionary {
  const raw = JSON.parse(index) as SerializedIndex
  if (raw.format !== 3) throw new Error(`unknown index format ${String(raw.format)}; rebuild with \`npm run build:dict\``)
  const lines = new EntityLines(entities, raw.entityStarts)
  return {
    format: 1,
    entities: new Array<Entity>(lines.length),
    entityLines: lines,
    entityPriors: raw.entityPriors.map((p) => p / 1000),
    spellings: raw.spellings,
    spellingEntity: raw.spellingEntity,
    spellingKind: raw.spellingKind,
    exact: listTable(raw.exact),
    skeletons: listTable(raw.skeletons),
    maxWords: raw.maxWords,
    firstWords: new SortedMap(raw.firstWords[0], raw.firstWords[1] as number[]),
    nameWordSlots: raw.nameWordSlots,
  }
}

function completeEntity(e: Entity): Entity {
  e.variants ??= []
  e.forms ??= []
  e.deprecated ??= []
  e.acronyms ??= []
  return e
}

/** Entity `index` of a dictionary, parsed from the prebuilt index on first use. */
export function entityAt(dictionary: CompiledDictionary, index: number): Entity {
  return (dictionary.entities[index] ??= completeEntity(JSON.parse(dictionary.entityLines!.line(index)) as Entity))
}

/** The ids of every entity, by index. */
export function entityIds(dictionary: CompiledDictionary): string[] {
  const lines = dictionary.entityLines
  return dictionary.entities.length > 0 && lines ? Array.from({ length: lines.length }, (_, i) => dictionary.entities[i]?.id ?? lines.id(i)) : dictionary.entities.map((e) => e.id)
}

/** The description shown in messages. */
export function describeEntity(entity: Entity): string {
  if (entity.description) return entity.description
  if (entity.population !== undefined) return `place in ${entity.country ?? '?'} (population ${entity.population.toLocaleString('en')})`
  return entity.type
}

function push(map: Map<string, number[]>, key: string, value: number) {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else if (list[list.length - 1] !== value) list.push(value)
}

export function compile(entities: Entity[]): CompiledDictionary {
  const exact = new Map<string, number[]>()
  const skeletons = new Map<string, number[]>()
  const firstWords = new Map<string, number>()
  const out: CompiledDictionary = {
    format: 1,
    entities,
    entityPriors: entities.map((e) => e.prior),
    spellings: [],
    spellingEntity: [],
    spellingKind: [],
    exact,
    skeletons,
    maxWords: 1,
    firstWords,
    nameWordSlots: '',
  }
  const slots: string[] = []
  const add = (text: string, entity: number, kind: SpellingKind) => {
    const key = normalizeName(text)
    if (!key) return
    const index = out.spellings.length
    out.spellings.push(text)
    out.spellingEntity.push(entity)
    out.spellingKind.push(kind)
    push(exact, key, index)
    const words = key.split(' ')
    out.maxWords = Math.max(out.maxWords, words.length)
    if (words.length > 1) firstWords.set(words[0], Math.max(firstWords.get(words[0]) ?? 1, words.length))
    if (kind <= SpellingKind.Form && entities[entity].prior >= MIN_FUZZY_PRIOR) {
      const sk = skeleton(text)
      if (sk.length > 0) push(skeletons, sk, index)
      if (words.length > 1) words.forEach((w, i) => slots.push(`${w} ${i} ${words.length}`))
    }
  }
  entities.forEach((entity, i) => {
    const seen = new Set<string>()
    const once = (text: string, kind: SpellingKind) => {
      const key = normalizeName(text) + '\u0000' + kind
      if (seen.has(key)) return
      seen.add(key)
      add(text, i, kind)
    }
    once(entity.name, SpellingKind.Name)
    for (const v of entity.variants) once(v, SpellingKind.Variant)
    for (const f of entity.forms) once(f, SpellingKind.Form)
    for (const d of entity.deprecated) once(d.spelling, SpellingKind.Deprecated)
    for (const a of entity.acronyms) once(a.acronym, SpellingKind.Acronym)
  })
  // Most probable entities first, so that fuzzy search can stop at a prior bound.
  for (const list of skeletons.values()) {
    if (list.length > 1) list.sort((x, y) => entities[out.spellingEntity[y]].prior - entities[out.spellingEntity[x]].prior || x - y)
  }
  out.nameWordSlots = sortWords(slots).join('\n')
  return out
}
