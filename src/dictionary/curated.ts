/** The curated dictionary sources in dictionaries/ (build time and `namelint dict check`). */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { loadDictionaryFile } from './load.js'
import { entitiesFromDictionary, type Entity } from './compile.js'
import { DictionaryError } from './errors.js'
import { SOURCE_DIR } from './paths.js'

export function curatedFiles(dir = SOURCE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => path.join(dir, f))
}

export function loadCurated(dir = SOURCE_DIR): Entity[] {
  const out: Entity[] = []
  const ids = new Map<string, string>()
  for (const file of curatedFiles(dir)) {
    const dictionary = loadDictionaryFile(file)
    for (const entity of entitiesFromDictionary(dictionary, path.basename(file).replace(/\.\w+$/, ''))) {
      const other = ids.get(entity.id)
      if (other) throw new DictionaryError(`duplicate id: also defined in ${other}`, file, undefined, undefined, entity.id)
      ids.set(entity.id, file)
      out.push(entity)
    }
  }
  return out
}
