import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** Folder of the curated dictionary sources (shipped in the package). */
export const SOURCE_DIR = fileURLToPath(new URL('../../../dictionaries/', import.meta.url))
/** Folder of the compiled, prebuilt indexes (made by `npm run build:dict`). */
export const COMPILED_DIR = fileURLToPath(new URL('../../dict/', import.meta.url))
export const BUILTIN_INDEX = path.join(COMPILED_DIR, 'builtin.json')
export const ENGLISH_WORDS = path.join(COMPILED_DIR, 'english.txt')
export const TOWNS = path.join(COMPILED_DIR, 'towns.txt')
export const GIVEN_NAMES = path.join(COMPILED_DIR, 'given-names.txt')
