/**
 * The name index: exact lookup of every known spelling, and fuzzy candidate
 * generation by transliteration skeleton (hash lookups of the skeleton and its
 * one-edit neighbours, never a scan of the dictionary).
 *
 * An index is a stack of compiled layers: the prebuilt built-in dictionary
 * first, then user dictionaries. A user entity with a built-in id shadows
 * (replaces) the built-in one; `disabled: true` removes it.
 */
import { readFileSync } from 'node:fs'
import { WordList, type KeyTable } from './word-list.js'
import { LetterModel } from './letter-model.js'
import { americanForms } from '../dictionary/british.js'
import { compile, deserialize, entityAt, entityIds, mergeEntity, entityFromSource, SpellingKind, type CompiledDictionary, type Entity } from '../dictionary/compile.js'
import type { DictionarySource } from '../dictionary/schema.js'
import { LETTER_MODEL, BUILTIN_ENTITIES, BUILTIN_INDEX, COMMON_GIVEN_NAMES, ENGLISH_WORDS, GIVEN_NAMES, PERSON_NAMES, TOWNS } from '../dictionary/paths.js'
import { compactKey, digraphReadings, normalizeName, pairExpansions, skeleton, skeletonNeighbours, skeletonsClose, SKELETON_ALPHABET, spellingVariantKey, translitKey } from './normalize.js'

export interface SpellingHit {
  spelling: string
  kind: SpellingKind
  entity: Entity
  /** Global id of the entity within this index (layer and position). */
  entityKey: string
}

export interface UserDictionary {
  file: string
  source: DictionarySource
}

let builtinCache: CompiledDictionary | undefined
export function loadBuiltin(): CompiledDictionary {
  if (!builtinCache) {
    try {
      // Read as bytes and decoded apart: faster than readFileSync's own decoding on Node 20.
      builtinCache = deserialize(readFileSync(BUILTIN_INDEX).toString('utf8'), readFileSync(BUILTIN_ENTITIES))
    } catch (error) {
      throw new Error(`namelint: the built-in dictionary index is missing or unreadable (${BUILTIN_INDEX}); run \`npm run build\`. ${(error as Error).message}`)
    }
  }
  return builtinCache
}

let townsCache: WordList | undefined
/** Normalised names of small towns: known, so never flagged, but never suggested. */
export function loadTowns(): WordList {
  return (townsCache ??= WordList.load(TOWNS))
}

let givenCache: WordList | undefined
/** Normalised English given names. */
export function loadGivenNames(): WordList {
  return (givenCache ??= WordList.load(GIVEN_NAMES))
}

let commonGivenCache: WordList | undefined
/** Normalised given names many people bear. */
export function loadCommonGivenNames(): WordList {
  return (commonGivenCache ??= WordList.load(COMMON_GIVEN_NAMES))
}

let personNamesCache: WordList | undefined
/** Normalised first and last names of people at large, less the given names. */
export function loadPersonNames(): WordList {
  return (personNamesCache ??= WordList.load(PERSON_NAMES))
}

let englishCache: WordList | undefined
/** The English word list (dictionary-en), lower-case words and capitalised ones as they are listed. */
export function loadEnglish(): WordList {
  return (englishCache ??= WordList.load(ENGLISH_WORDS))
}

/** Searches answered by probing every neighbouring key before the deletion index is built. */
const DELETION_INDEX_AFTER = 60

/**
 * Answers about a word, remembered by the word as written: the text's own
 * strings come back again and again (a token is asked about by several
 * rules and steps), and a string already hashed is found at once, where
 * normalising it first would make a new string to hash at every question.
 */
export function remember(memo: Map<string, boolean>, word: string, answer: () => boolean): boolean {
  let known = memo.get(word)
  if (known === undefined) {
    if (memo.size >= 50_000) memo.clear()
    known = answer()
    memo.set(word, known)
  }
  return known
}

/** Bumped to forget every index's remembered neighbour keys (benchmarks measure cold searches). */
let neighbourEpoch = 0
export function clearNeighbourCaches(): void {
  neighbourEpoch++
}

/**
 * The spellings of a layer that fuzzy searches have reached, laid out one skeleton key's list after another in
 * flat arrays (a list is a range of them): a search walks these lists for every new word, and a range of three
 * arrays shared by all lists is read in sequence, where a list object with arrays of its own cost a hop through
 * memory per array for every key searched.
 */
export class ListPool {
  /** Spelling numbers of the layer, each list most probable entity first. */
  spellings = new Int32Array(1024)
  /** The prior of each spelling's entity. */
  priors = new Float64Array(1024)
  /** What a search reads of each spelling before the spelling itself, in one number: see `shapeOf`. */
  shapes = new Uint32Array(1024)
  /** compactKey of each spelling. */
  compacts: string[] = []
  size = 0

  /** Append one list; returns where it starts. */
  append(count: number, item: (j: number) => { spelling: number; prior: number; shape: number; compact: string }): number {
    const start = this.size
    if (start + count > this.spellings.length) this.grow(start + count)
    for (let j = 0; j < count; j++) {
      const x = item(j)
      this.spellings[start + j] = x.spelling
      this.priors[start + j] = x.prior
      this.shapes[start + j] = x.shape
      this.compacts.push(x.compact)
    }
    this.size += count
    return start
  }

  private grow(needed: number): void {
    let capacity = this.spellings.length * 2
    while (capacity < needed) capacity *= 2
    const spellings = new Int32Array(capacity)
    spellings.set(this.spellings)
    const priors = new Float64Array(capacity)
    priors.set(this.priors)
    const shapes = new Uint32Array(capacity)
    shapes.set(this.shapes)
    this.spellings = spellings
    this.priors = priors
    this.shapes = shapes
  }
}

/** Words in the normalised spelling (bits 0-7), length of its compactKey (8-15, at most 255), char code of that key's first letter (16-31). */
export function shapeOf(words: number, compact: string): number {
  return (Math.min(words, 255) | (Math.min(compact.length, 255) << 8) | (compact.charCodeAt(0) << 16)) >>> 0
}
export const shapeWords = (shape: number): number => shape & 0xff
export const shapeLength = (shape: number): number => (shape >>> 8) & 0xff
export const shapeFirst = (shape: number): number => shape >>> 16

/**
 * One skeleton key of the index: its spelling lists per layer, and the same laid out for a search (on first use)
 * with what bounds them all: a search passes over a key none of whose spellings could reach its bar.
 */
export interface NeighbourEntry {
  key: string
  raw: Array<number[] | undefined>
  /**
   * Where each layer's list lies in that layer's `ListPool`, set on first use: layer, start and end of the first
   * layer that has one in the entry itself (a search reads them for every key it visits, most of them of one layer),
   * the same for any later layers in `more`.
   */
  laidOut: boolean
  layer: number
  start: number
  end: number
  more: number[] | undefined
  /** The highest prior of the key's spellings (set when laid out). */
  maxPrior: number
  /** The shortest and longest compactKey of the key's spellings (set when laid out). */
  minLength: number
  maxLength: number
}

/** An entry not yet laid out for a search (one shape for all, bounds set with the lists). */
function newEntry(key: string, raw: Array<number[] | undefined>): NeighbourEntry {
  return { key, raw, laidOut: false, layer: 0, start: 0, end: 0, more: undefined, maxPrior: 0, minLength: 0, maxLength: 0 }
}

/** Visit one entry or each of several, as the deletion index stores them. */
function forEachEntry(found: NeighbourEntry | NeighbourEntry[] | undefined, visit: (entry: NeighbourEntry) => unknown): void {
  if (found === undefined) return
  if (Array.isArray(found)) for (const e of found) visit(e)
  else visit(found)
}

/** The answer of a lookup that finds nothing. */
const NO_HITS: SpellingHit[] = []

export class NameIndex {
  readonly layers: CompiledDictionary[]
  /** `${layer}:${entity}` keys switched off or shadowed by a later layer. */
  readonly disabled = new Set<string>()
  readonly maxWords: number
  private english: WordList | undefined

  constructor(layers: CompiledDictionary[], disabled: Iterable<string> = [], english?: WordList) {
    this.layers = layers
    for (const d of disabled) this.disabled.add(d)
    this.maxWords = Math.max(1, ...layers.map((l) => l.maxWords))
    this.english = english
  }

  /** The built-in dictionary with user dictionaries over it. */
  static create(options: { builtin?: boolean; user?: UserDictionary[]; english?: WordList } = {}): NameIndex {
    const base = options.builtin === false ? compile([]) : loadBuiltin()
    const user = options.user ?? []
    if (user.length === 0) return new NameIndex([base], [], options.english)
    const byId = new Map<string, number>()
    entityIds(base).forEach((id, i) => byId.set(id, i))
    const disabled: string[] = []
    const overlay = new Map<string, Entity>()
    for (const { file, source } of user) {
      const name = source.meta?.name ?? file
      for (const entry of source.entities) {
        const builtinIndex = byId.get(entry.id)
        const previous = overlay.get(entry.id) ?? (builtinIndex === undefined ? undefined : entityAt(base, builtinIndex))
        if (builtinIndex !== undefined) disabled.push(`0:${builtinIndex}`)
        if (entry.disabled) {
          overlay.delete(entry.id)
          continue
        }
        overlay.set(entry.id, previous ? mergeEntity(previous, entry, name) : entityFromSource(entry, name))
      }
    }
    return new NameIndex([base, compile([...overlay.values()])], disabled, options.english)
  }

  private hits(layerIndex: number, spellingIndices: number[] | undefined, out: SpellingHit[]) {
    if (!spellingIndices) return
    for (const s of spellingIndices) {
      const hit = this.hit(layerIndex, s)
      if (this.disabled.size > 0 && this.disabled.has(hit.entityKey)) continue
      out.push(hit)
    }
  }

  /** Every known spelling equal to `text` after normalisation. */
  lookup(text: string): SpellingHit[] {
    return this.lookupKey(normalizeName(text))
  }

  /** Hits of one built-in spelling list, made once (the list object is the key: no string to hash again). */
  private listHits = new WeakMap<number[], SpellingHit[]>()

  /** Every known spelling whose key is `key`. The array is shared between calls: never modify it. */
  lookupKey(key: string): SpellingHit[] {
    if (this.layers.length === 1) {
      const list = this.layers[0].exact.get(key)
      if (!list) return NO_HITS
      let hits = this.listHits.get(list)
      if (!hits) {
        hits = []
        this.hits(0, list, hits)
        this.listHits.set(list, hits)
      }
      return hits
    }
    const out: SpellingHit[] = []
    for (let i = 0; i < this.layers.length; i++) this.hits(i, this.layers[i].exact.get(key), out)
    return out
  }

  /**
   * Fuzzy candidates: spellings whose skeleton is within one edit of the
   * skeleton of `text`. Deduplicated by spelling and entity.
   */
  candidates(text: string): SpellingHit[] {
    const key = skeleton(text)
    if (key.length === 0) return []
    const out: SpellingHit[] = []
    const seen = new Set<string>()
    for (const k of this.neighbourKeys(key)) {
      this.forEachSkeleton(k, (layer, s) => {
        const hit = this.hit(layer, s)
        const id = hit.entityKey + '\u0000' + hit.spelling
        if (seen.has(id)) return
        seen.add(id)
        out.push(hit)
      })
    }
    return out
  }

  /** The most words a known spelling starting with the (normalised) `word` has. */
  maxWordsFrom(word: string): number {
    let max = 1
    for (const layer of this.layers) {
      const n = layer.firstWords.get(word)
      if (n !== undefined && n > max) max = n
    }
    return max
  }

  private nameWordSlots: WordList[] | undefined
  /**
   * Is the normalised `word` the `position`-th word of some suggestible name of
   * `count` words? A multi-word span is only worth a fuzzy search when all its
   * words but the doubtful one stand where a known name has them.
   */
  isNameWordAt(word: string, position: number, count: number): boolean {
    this.nameWordSlots ??= this.layers.map((layer) => new WordList(layer.nameWordSlots))
    const slot = `${word} ${position} ${count}`
    return this.nameWordSlots.some((list) => list.has(slot))
  }

  private skeletonMaps(): Array<KeyTable<number[]>> {
    return (this.skeletonLists ??= this.layers.map((layer) => layer.skeletons))
  }
  private skeletonLists: Array<KeyTable<number[]>> | undefined

  private wordCounts: Uint8Array[] = []
  /** Words in the normalised spelling, computed once per spelling. */
  spellingWords(layer: number, spelling: number): number {
    let counts = this.wordCounts[layer]
    if (!counts) counts = this.wordCounts[layer] = new Uint8Array(this.layers[layer].spellings.length)
    let n = counts[spelling]
    if (n === 0) n = counts[spelling] = Math.min(255, normalizeName(this.layers[layer].spellings[spelling]).split(' ').length)
    return n
  }

  private translitKeys: string[][] = []
  /** translitKey of a spelling, computed once per spelling. */
  spellingTranslit(layer: number, spelling: number): string {
    const keys = (this.translitKeys[layer] ??= [])
    return (keys[spelling] ??= translitKey(this.layers[layer].spellings[spelling]))
  }

  private variantKeys: string[][] = []
  /** spellingVariantKey of a spelling, computed once per spelling. */
  spellingVariant(layer: number, spelling: number): string {
    const keys = (this.variantKeys[layer] ??= [])
    return (keys[spelling] ??= spellingVariantKey(this.layers[layer].spellings[spelling]))
  }

  private compactKeys: string[][] = []
  /** compactKey of a spelling, computed once per spelling. */
  spellingCompact(layer: number, spelling: number): string {
    const keys = (this.compactKeys[layer] ??= [])
    return (keys[spelling] ??= compactKey(this.layers[layer].spellings[spelling]))
  }

  private deletionIndex: Map<string, NeighbourEntry | NeighbourEntry[]> | undefined
  /** Every skeleton key of the index with its lists, made with the deletion index. */
  private entries: Map<string, NeighbourEntry> | undefined
  /**
   * Skeleton key less one letter -> the keys it comes from, with their lists
   * (SymSpell-style, built on first use): a neighbour found through it needs
   * no second probe of the skeleton tables.
   */
  private deletions(): Map<string, NeighbourEntry | NeighbourEntry[]> {
    if (!this.deletionIndex) {
      const map = new Map<string, NeighbourEntry | NeighbourEntry[]>()
      const entries = new Map<string, NeighbourEntry>()
      const maps = this.skeletonMaps()
      for (let i = 0; i < maps.length; i++) {
        // Keys with their lists in one pass: a lookup per key would pass the table's hash-building threshold.
        for (const [key, list] of maps[i].entries()) {
          let entry = entries.get(key)
          if (entry) {
            entry.raw[i] = list
            continue
          }
          entry = newEntry(key, new Array(maps.length).fill(undefined))
          entry.raw[i] = list
          entries.set(key, entry)
          if (key.length < 3) continue
          let previous = ''
          for (let k = 0; k < key.length; k++) {
            const d = key.slice(0, k) + key.slice(k + 1)
            if (d === previous) continue
            previous = d
            // Most deletions come from one key only: that entry is stored as it is, an array made only for a second.
            const found = map.get(d)
            if (found === undefined) map.set(d, entry)
            else if (Array.isArray(found)) found.push(entry)
            else map.set(d, [found, entry])
          }
        }
      }
      this.entries = entries
      this.deletionIndex = map
    }
    return this.deletionIndex
  }

  /** The entry of one skeleton key, or undefined when no layer files a spelling under it. */
  private entryFor(key: string): NeighbourEntry | undefined {
    if (this.entries) return this.entries.get(key)
    const maps = this.skeletonMaps()
    let raw: Array<number[] | undefined> | undefined
    for (let i = 0; i < maps.length; i++) {
      const list = maps[i].get(key)
      if (list) (raw ??= new Array(maps.length).fill(undefined))[i] = list
    }
    return raw && newEntry(key, raw)
  }

  /** Neighbour caches are forgotten when `clearNeighbourCaches` bumps the epoch. */
  private epoch = neighbourEpoch
  private checkEpoch(): void {
    if (this.epoch === neighbourEpoch) return
    this.epoch = neighbourEpoch
    this.neighbourListCache.clear()
  }

  private neighbourSearches = 0
  /**
   * The skeleton keys in the index within one edit of `key` (for keys under
   * three letters only the key, its deletions and, for two letters, its
   * insertions: substitutions of short keys would match half the gazetteer).
   */
  neighbourKeys(key: string): string[] {
    return this.neighbourLists(key).map((n) => n.key)
  }

  /**
   * The entries of the keys within one edit of `key`, in a fixed order: the key, its deletions, the keys one
   * letter longer, the keys of its length one substitution or swap away. Found through the deletion index, so
   * 2(n+1) hash probes rather than one per possible neighbour.
   */
  private possibleNeighbours(key: string): NeighbourEntry[] {
    const out = new Set<NeighbourEntry>()
    // Probed keys, once each: before the deletion index is built an entry is made anew at each probe, and one key may
    // be reached two ways ("ttl" by inserting a t before or after the t of "tl"; a digraph reading that is a deletion).
    const probed = new Set<string>()
    const probe = (k: string) => {
      if (probed.has(k)) return
      probed.add(k)
      const entry = this.entryFor(k)
      if (entry) out.add(entry)
    }
    // Few searches so far (one short document): probing every one-edit key is cheaper than building the deletion
    // index. Decided first: once the index is built, probes return its shared entries, so no key is found twice.
    const probeAll = key.length >= 3 && !this.deletionIndex && this.neighbourSearches++ < DELETION_INDEX_AFTER
    const deletionIndex = key.length >= 3 && !probeAll ? this.deletions() : undefined
    probe(key)
    const dels: string[] = []
    for (let i = 0; i < key.length; i++) {
      const d = key.slice(0, i) + key.slice(i + 1)
      if (d.length > 0 && !dels.includes(d)) dels.push(d)
    }
    for (const d of dels) probe(d)
    // A letter slipped in between two of the same ("Palestiniabn", plstnbn; "Abvbas", bvbs): without it they count
    // once, as in the names' own keys (plstn, bs).
    for (let i = 1; i + 1 < key.length; i++) if (key[i - 1] === key[i + 1]) probe(key.slice(0, i) + key.slice(i + 2))
    // A slip on the first letter of a digraph ("Frenvh", frnvh): the key with the digraph whole (frnC).
    if (key.includes('h')) for (const reading of digraphReadings(key)) probe(reading)
    // A letter lost between two of the same, which then count once ("Reuers", rs, for Reuters, rtrs): the key with
    // that letter doubled is a deletion of the name's key.
    if (key.length >= 2) {
      const index = deletionIndex ?? this.deletionIndex
      if (index) {
        for (let i = 0; i < key.length; i++) {
          const doubled = key.slice(0, i + 1) + key.slice(i)
          forEachEntry(index.get(doubled), (e) => e.key.length === key.length + 2 && skeletonsClose(key, e.key) && out.add(e))
        }
      } else for (const k of pairExpansions(key)) probe(k)
    }
    if (probeAll) {
      for (const k of skeletonNeighbours(key)) probe(k)
    } else if (deletionIndex) {
      // Keys one letter longer: `key` is one of their deletions.
      forEachEntry(deletionIndex.get(key), (e) => out.add(e))
      // Keys of the same length differing in one letter (or by a swap of two neighbours) share a deletion.
      for (const d of dels) forEachEntry(deletionIndex.get(d), (e) => e.key.length === key.length && skeletonsClose(key, e.key) && out.add(e))
    } else if (key.length === 2) {
      // A two-letter key also reaches the keys one letter longer ("Italiaj", tl, is a slip of Italian, tln): few
      // enough to search. Of the keys one substitution away, which would double the time of every short search, only
      // those one slip of the finger away ("Urufuay", rf, for Uruguay, rg).
      if (this.deletionIndex) forEachEntry(this.deletionIndex.get(key), (e) => out.add(e))
      else for (let i = 0; i <= key.length; i++) for (const c of SKELETON_ALPHABET) probe(key.slice(0, i) + c + key.slice(i))
      // The substitutions the shared neighbourhood (`skeletonsClose`) lets in.
      for (let i = 0; i < 2; i++) {
        for (const c of SKELETON_ALPHABET) {
          const k = i === 0 ? c + key[1] : key[0] + c
          if (k !== key && skeletonsClose(key, k)) probe(k)
        }
      }
    }
    return [...out]
  }

  /**
   * Visit the fuzzy-eligible spellings filed under one skeleton key, most
   * probable entity first; `visit` returns false to stop (the rest have lower priors).
   */
  forEachSkeleton(key: string, visit: (layer: number, spelling: number, prior: number) => boolean | void): void {
    const maps = this.skeletonMaps()
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i]
      const list = maps[i].get(key)
      if (!list) continue
      for (const s of list) {
        const e = layer.spellingEntity[s]
        if (this.disabled.size > 0 && this.disabled.has(`${i}:${e}`)) continue
        if (visit(i, s, layer.entityPriors[e]) === false) break
      }
    }
  }

  private neighbourListCache = new Map<string, NeighbourEntry[]>()
  /**
   * The skeleton keys within one edit of `key` with their spelling lists, per
   * layer (what a fuzzy search walks; remembered, so a repeated search makes
   * no hash probe at all, and a new one one probe per possible key).
   * Each spelling is filed under one key, so no spelling appears twice.
   */
  neighbourLists(key: string): NeighbourEntry[] {
    this.checkEpoch()
    let out = this.neighbourListCache.get(key)
    if (!out) {
      out = this.possibleNeighbours(key)
      for (const entry of out) if (!entry.laidOut) this.layOut(entry)
      if (this.neighbourListCache.size > 50_000) this.neighbourListCache.clear()
      this.neighbourListCache.set(key, out)
    }
    return out
  }

  /** Each layer's laid-out lists (see `ListPool`). */
  readonly pools: ListPool[] = []
  /** Where each list was laid out in its layer's pool. */
  private listStarts = new WeakMap<number[], number>()

  /** Lay an entry's lists out in the pools, and set its bounds. */
  private layOut(entry: NeighbourEntry): void {
    const ranges: number[] = []
    let maxPrior = 0
    let minLength = Infinity
    let maxLength = 0
    entry.raw.forEach((list, layer) => {
      if (!list) return
      const pool = (this.pools[layer] ??= new ListPool())
      // Once per list: before the deletion index is built, an entry is made anew at each probe.
      let start = this.listStarts.get(list)
      if (start === undefined) {
        start = pool.append(list.length, (j) => {
          const s = list[j]
          const compact = this.spellingCompact(layer, s)
          return { spelling: s, prior: this.priorOf(layer, s), shape: shapeOf(this.spellingWords(layer, s), compact), compact }
        })
        this.listStarts.set(list, start)
      }
      ranges.push(layer, start, start + list.length)
      for (let j = start; j < start + list.length; j++) {
        const length = shapeLength(pool.shapes[j])
        if (pool.priors[j] > maxPrior) maxPrior = pool.priors[j]
        if (length < minLength) minLength = length
        if (length > maxLength) maxLength = length
      }
    })
    entry.maxPrior = maxPrior
    entry.minLength = minLength === Infinity ? 0 : minLength
    entry.maxLength = maxLength
    entry.laidOut = true
    if (ranges.length > 0) [entry.layer, entry.start, entry.end] = ranges
    if (ranges.length > 3) entry.more = ranges.slice(3)
  }

  /** Is the entity of a spelling switched off or shadowed (only user dictionaries do that)? */
  isDisabled(layer: number, spelling: number): boolean {
    return this.disabled.size > 0 && this.disabled.has(`${layer}:${this.layers[layer].spellingEntity[spelling]}`)
  }

  /** The prior of the entity of one spelling of a layer. */
  priorOf(layer: number, spelling: number): number {
    const l = this.layers[layer]
    return l.entityPriors[l.spellingEntity[spelling]]
  }

  /** The entity of one spelling of a layer. */
  entityOf(layer: number, spelling: number): Entity {
    const l = this.layers[layer]
    return entityAt(l, l.spellingEntity[spelling])
  }

  private entitySpellingCache = new Map<string, Array<{ hit: SpellingHit; compact: string; skeleton: string; words: number }>>()
  /** Every spelling of one entity (by entity key), with its compact key and skeleton. */
  entitySpellings(entityKey: string): Array<{ hit: SpellingHit; compact: string; skeleton: string; words: number }> {
    let cached = this.entitySpellingCache.get(entityKey)
    if (!cached) {
      if (this.entitySpellingCache.size > 20_000) this.entitySpellingCache.clear()
      this.entitySpellingCache.set(entityKey, (cached = this.spellingsOfEntity(entityKey)))
    }
    return cached
  }

  private spellingsOfEntity(entityKey: string): Array<{ hit: SpellingHit; compact: string; skeleton: string; words: number }> {
    const [layer, entity] = entityKey.split(':').map(Number)
    const owners = this.layers[layer]?.spellingEntity ?? []
    // The compiler adds each entity's spellings together, in entity order: they are one run of the sorted array.
    let lo = 0
    let hi = owners.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (owners[mid] < entity) lo = mid + 1
      else hi = mid
    }
    const spellings: number[] = []
    for (let s = lo; s < owners.length && owners[s] === entity; s++) spellings.push(s)
    return spellings.map((s) => ({
      hit: this.hit(layer, s),
      compact: this.spellingCompact(layer, s),
      skeleton: skeleton(this.layers[layer].spellings[s]),
      words: this.spellingWords(layer, s),
    }))
  }

  private hitCache: SpellingHit[][] = []
  /** The hit for one spelling of a layer, made once. */
  hit(layer: number, spelling: number): SpellingHit {
    const cache = (this.hitCache[layer] ??= [])
    let hit = cache[spelling]
    if (!hit) {
      const l = this.layers[layer]
      const e = l.spellingEntity[spelling]
      hit = cache[spelling] = { spelling: l.spellings[spelling], kind: l.spellingKind[spelling], entity: entityAt(l, e), entityKey: `${layer}:${e}` }
    }
    return hit
  }

  /** Entities that have `acronym` (case-sensitive, as acronyms are written). */
  acronym(acronym: string): Array<{ entity: Entity; expansion: string }> {
    const out: Array<{ entity: Entity; expansion: string }> = []
    for (const hit of this.lookup(acronym)) {
      if (hit.kind !== SpellingKind.Acronym) continue
      for (const a of hit.entity.acronyms) if (a.acronym === hit.spelling) out.push({ entity: hit.entity, expansion: a.expansion })
    }
    return out
  }

  /** Is the word a first or last name of people at large (a name of its own, weak evidence)? */
  isPersonName(text: string): boolean {
    return remember(this.personWords, text, () => loadPersonNames().has(normalizeName(text)))
  }
  private personWords = new Map<string, boolean>()

  /** Is `text` the name of a small town (known, but not an entity)? */
  isKnownTown(text: string): boolean {
    return remember(this.townWords, text, () => loadTowns().has(normalizeName(text)))
  }
  private townWords = new Map<string, boolean>()

  /** Is `text` a given name many people bear ("John", "Sergei"; not "Naftali", which one known person bears)? */
  isCommonGivenName(text: string): boolean {
    return remember(this.commonGivenWords, text, () => loadCommonGivenNames().has(normalizeName(text)))
  }
  private commonGivenWords = new Map<string, boolean>()

  /** Is `text` a common given name ("Andrea", "Kenny")? */
  isGivenName(text: string): boolean {
    return remember(this.givenWords, text, () => loadGivenNames().has(normalizeName(text)))
  }
  private givenWords = new Map<string, boolean>()

  private letterModel: LetterModel | null | undefined
  /** How name-like a spelling reads (higher is more usual); 0 without the model. */
  plausibility(spelling: string): number {
    if (this.letterModel === undefined) this.letterModel = LetterModel.load(LETTER_MODEL) ?? null
    return this.letterModel ? this.letterModel.plausibility(spelling) : 0
  }

  /** The rarest letter triple of `spelling` that `other` lacks (see `LetterModel.rarestTripleNotIn`); 0 without the model. */
  rarestTripleNotIn(spelling: string, other: string): number {
    if (this.letterModel === undefined) this.letterModel = LetterModel.load(LETTER_MODEL) ?? null
    return this.letterModel ? this.letterModel.rarestTripleNotIn(spelling, other) : 0
  }

  /** Is `word` an ordinary English word (written in lower case in the English dictionary)? */
  isEnglishWord(word: string): boolean {
    return remember(this.englishWords, word, () => {
      this.english ??= loadEnglish()
      // The list holds lower-case words in lower case, so the lower-cased word is there only if it is one.
      return this.english.has(word.toLowerCase())
    })
  }
  private englishWords = new Map<string, boolean>()

  /**
   * An English word in American or British spelling: the list is American, and a British spelling ("Defence",
   * "Organisation") is a word when an American form of it is one. Not a word of four letters or fewer, where a
   * rewrite makes another word of a slip ("Roem", REM, for Rome). (The spelling checker has its own, finer rules.)
   */
  isEnglishInAnySpelling(word: string): boolean {
    return remember(this.anySpellingWords, word, () => {
      if (this.isEnglishWord(word)) return true
      const lower = word.toLowerCase()
      return lower.length >= 5 && americanForms(lower).some((w) => this.isEnglishWord(w))
    })
  }
  private anySpellingWords = new Map<string, boolean>()

  /** Is `word` in the English dictionary as a capitalised (proper) word? */
  isEnglishProperNoun(word: string): boolean {
    this.english ??= loadEnglish()
    const cap = word[0].toUpperCase() + word.slice(1).toLowerCase()
    return this.english.has(cap) || this.english.has(word)
  }
}
