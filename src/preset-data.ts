/**
 * The dictionary a processor lints with, kept on the processor's data by the
 * `namelintDictionary` plugin and read by every rule. Indexes are memoised by
 * the list of user dictionaries, so the configuration cascade (one processor
 * per file) does not rebuild them per file.
 */
import path from 'node:path'
import type { Processor } from 'unified'
import { loadDictionaryFile } from './dictionary/load.js'
import { checkOverlays } from './dictionary/overlay.js'
import { entityIds } from './dictionary/compile.js'
import { loadBuiltin, NameIndex } from './matcher/name-index.js'

export interface DictionaryOptions {
  /** User dictionary files (YAML or JSON), merged over the built-in ones in order. */
  dictionaries?: string[]
  /** Load the built-in dictionaries (default true). */
  builtin?: boolean
  /** Base folder for relative dictionary paths. */
  cwd?: string
}

const DATA_KEY = 'namelintIndex'
const memo = new Map<string, NameIndex>()

export function indexFor(options: DictionaryOptions = {}): NameIndex {
  const files = (options.dictionaries ?? []).map((f) => path.resolve(options.cwd ?? process.cwd(), f))
  const key = `${options.builtin === false ? 0 : 1}|${files.join('|')}`
  let index = memo.get(key)
  if (!index) {
    const user = files.map((file) => ({ file, source: loadDictionaryFile(file) }))
    // An entry that overlays nothing is an error (overlay.ts).
    if (user.length > 0) checkOverlays(user, new Set(options.builtin === false ? [] : entityIds(loadBuiltin())), options.builtin !== false)
    index = NameIndex.create({ builtin: options.builtin, user })
    memo.set(key, index)
  }
  return index
}

/** Forget memoised indexes (the language server calls this when a dictionary file changes). */
export function clearIndexCache() {
  memo.clear()
}

/** unified plugin: choose the dictionaries the namelint rules check against. */
export function namelintDictionary(this: Processor, options: DictionaryOptions = {}) {
  // Resolve eagerly so that a broken dictionary fails at configuration time, naming its file.
  this.data(DATA_KEY as never, indexFor(options) as never)
}

export function getIndex(processor: Processor): NameIndex {
  const index = processor.data(DATA_KEY as never) as unknown as NameIndex | undefined
  return index ?? indexFor()
}
