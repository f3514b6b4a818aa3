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
import { compile, hydrate, mergeEntity, entityFromSource, SpellingKind, type CompiledDictionary, type Entity } from '../dictionary/compile.js'
import type { DictionarySource } from '../dictionary/schema.js'
import { BUILTIN_INDEX, ENGLISH_WORDS, GIVEN_NAMES, TOWNS } from '../dictionary/paths.js'
import { normalizeName, skeleton, skeletonNeighbours } from './normalize.js'

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
      builtinCache = hydrate(JSON.parse(readFileSync(BUILTIN_INDEX, 'utf8')) as CompiledDictionary)
    } catch (error) {
      throw new Error(`namelint: the built-in dictionary index is missing or unreadable (${BUILTIN_INDEX}); run \`npm run build\`. ${(error as Error).message}`)
    }
  }
  return builtinCache
}

function lineSet(file: string): Set<string> {
  try {
    return new Set(readFileSync(file, 'utf8').split('\n'))
  } catch {
    return new Set()
  }
}

let townsCache: Set<string> | undefined
/** Normalised names of small towns: known, so never flagged, but never suggested. */
export function loadTowns(): Set<string> {
  return (townsCache ??= lineSet(TOWNS))
}

let givenCache: Set<string> | undefined
/** Normalised English given names. */
export function loadGivenNames(): Set<string> {
  return (givenCache ??= lineSet(GIVEN_NAMES))
}

let englishCache: Set<string> | undefined
export function loadEnglish(): Set<string> {
  if (!englishCache) {
    try {
      englishCache = new Set(readFileSync(ENGLISH_WORDS, 'utf8').split('\n'))
    } catch {
      englishCache = new Set()
    }
  }
  return englishCache
}

export class NameIndex {
  readonly layers: CompiledDictionary[]
  /** `${layer}:${entity}` keys switched off or shadowed by a later layer. */
  readonly disabled = new Set<string>()
  readonly maxWords: number
  private english: Set<string> | undefined
  private lowerEnglish: Set<string> | undefined

  constructor(layers: CompiledDictionary[], disabled: Iterable<string> = [], english?: Set<string>) {
    this.layers = layers
    for (const d of disabled) this.disabled.add(d)
    this.maxWords = Math.max(1, ...layers.map((l) => l.maxWords))
    this.english = english
  }

  /** The built-in dictionary with user dictionaries over it. */
  static create(options: { builtin?: boolean; user?: UserDictionary[]; english?: Set<string> } = {}): NameIndex {
    const base = options.builtin === false ? compile([]) : loadBuiltin()
    const user = options.user ?? []
    if (user.length === 0) return new NameIndex([base], [], options.english)
    const byId = new Map<string, number>()
    base.entities.forEach((e, i) => byId.set(e.id, i))
    const disabled: string[] = []
    const overlay = new Map<string, Entity>()
    for (const { file, source } of user) {
      const name = source.meta?.name ?? file
      for (const entry of source.entities) {
        const builtinIndex = byId.get(entry.id)
        const previous = overlay.get(entry.id) ?? (builtinIndex === undefined ? undefined : base.entities[builtinIndex])
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
    const layer = this.layers[layerIndex]
    for (const s of spellingIndices) {
      const e = layer.spellingEntity[s]
      const entityKey = `${layerIndex}:${e}`
      if (this.disabled.has(entityKey)) continue
      out.push({ spelling: layer.spellings[s], kind: layer.spellingKind[s], entity: layer.entities[e], entityKey })
    }
  }

  /** Every known spelling equal to `text` after normalisation. */
  lookup(text: string): SpellingHit[] {
    return this.lookupKey(normalizeName(text))
  }

  lookupKey(key: string): SpellingHit[] {
    const out: SpellingHit[] = []
    for (let i = 0; i < this.layers.length; i++) this.hits(i, this.layers[i].exact[key], out)
    return out
  }

  /**
   * Fuzzy candidates: spellings whose skeleton is within one edit of the
   * skeleton of `text`. Deduplicated by spelling and entity.
   */
  candidates(text: string): SpellingHit[] {
    const key = skeleton(text)
    if (key.length === 0) return []
    // Very short skeletons would match half the gazetteer: only exact skeletons and deletions then.
    const keys = key.length < 3 ? [key, ...[...key].map((_, i) => key.slice(0, i) + key.slice(i + 1)).filter(Boolean)] : skeletonNeighbours(key)
    const out: SpellingHit[] = []
    const seen = new Set<string>()
    for (let i = 0; i < this.layers.length; i++) {
      const map = this.layers[i].skeletons
      for (const k of keys) {
        const list = map[k]
        if (!list) continue
        const found: SpellingHit[] = []
        this.hits(i, list, found)
        for (const hit of found) {
          const id = hit.entityKey + '\u0000' + hit.spelling
          if (seen.has(id)) continue
          seen.add(id)
          out.push(hit)
        }
      }
    }
    return out
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

  /** Is `text` the name of a small town (known, but not an entity)? */
  isKnownTown(text: string): boolean {
    return loadTowns().has(normalizeName(text))
  }

  /** Is `text` a common given name ("Andrea", "Kenny")? */
  isGivenName(text: string): boolean {
    return loadGivenNames().has(normalizeName(text))
  }

  /** Is `word` an ordinary English word (written in lower case in the English dictionary)? */
  isEnglishWord(word: string): boolean {
    if (!this.english) this.english = loadEnglish()
    if (!this.lowerEnglish) {
      this.lowerEnglish = new Set()
      for (const w of this.english) if (w && w === w.toLowerCase()) this.lowerEnglish.add(w)
    }
    return this.lowerEnglish.has(word.toLowerCase())
  }

  /** Is `word` in the English dictionary as a capitalised (proper) word? */
  isEnglishProperNoun(word: string): boolean {
    if (!this.english) this.english = loadEnglish()
    const cap = word[0].toUpperCase() + word.slice(1).toLowerCase()
    return this.english.has(cap) || this.english.has(word)
  }
}
