import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** The package root, found from this module whether it runs compiled (dist/src/...) or from source (src/...). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('namelint: cannot find its package root')
    dir = parent
  }
  return dir
}

export const PACKAGE_ROOT = packageRoot()
/** Folder of the curated dictionary sources (shipped in the package). */
export const SOURCE_DIR = path.join(PACKAGE_ROOT, 'dictionaries')
/** Folder of the compiled, prebuilt indexes (made by `npm run build:dict`). */
export const COMPILED_DIR = path.join(PACKAGE_ROOT, 'dist', 'dict')
export const BUILTIN_INDEX = path.join(COMPILED_DIR, 'builtin.json')
/** The built-in entities, one JSON object per line, in index order. */
export const BUILTIN_ENTITIES = path.join(COMPILED_DIR, 'entities.jsonl')
export const ENGLISH_WORDS = path.join(COMPILED_DIR, 'english.txt')
export const TOWNS = path.join(COMPILED_DIR, 'towns.txt')
export const GIVEN_NAMES = path.join(COMPILED_DIR, 'given-names.txt')
/** Normalised given names many people bear (English lists, and first names of two curated people or more). */
export const COMMON_GIVEN_NAMES = path.join(COMPILED_DIR, 'common-given-names.txt')
/** Normalised first and last names of people at large (humannames), less the given names. */
export const PERSON_NAMES = path.join(COMPILED_DIR, 'person-names.txt')
/** Letter-pair model of name spellings (see matcher/letter-model.ts). */
export const LETTER_MODEL = path.join(COMPILED_DIR, 'letter-model.json')
