/**
 * The workspace dictionary: "Add to dictionary" writes the word there as an
 * entity of its own (dictionaries/FORMAT.md), creating the file when it is
 * missing, and keeping what the file already holds (comments included).
 */
import { mkdir, readFile, writeFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { isMap, isSeq, parseDocument, type Document } from 'yaml'
import { parseDictionary } from '../dictionary/load.js'
import { normalizeName } from '../matcher/normalize.js'

export const DEFAULT_WORKSPACE_DICTIONARY = '.namelint/dictionary.yaml'

const HEADER = `# namelint workspace dictionary: names added from the editor with "Add to dictionary".
# Loaded by the namelint language server for every document of this workspace; to use it
# with the command line as well, list it under \`dictionaries\` in .namelintrc.
# Format: dictionaries/FORMAT.md in the namelint package.
`

/** Strip a possessive ("Shuigu's" -> "Shuigu") and surrounding punctuation from a flagged span. */
export function wordToAdd(actual: string): string {
  return actual
    .trim()
    .replace(/['\u2019]s?$/u, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
}

/** An entity id for a word: `user-` and a lowercase ASCII slug (code points when the word has no Latin letters). */
export function slugFor(word: string): string {
  const ascii = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (ascii) return `user-${ascii}`
  return `user-${[...word].map((c) => c.codePointAt(0)!.toString(16)).join('-')}`
}

export interface AddResult {
  file: string
  id: string
  /** false when the file already had an entity of that name (nothing written). */
  added: boolean
  created: boolean
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

function entityNames(entity: unknown): string[] {
  if (!entity || typeof entity !== 'object') return []
  const e = entity as { name?: unknown; variants?: unknown; forms?: unknown }
  const out: string[] = []
  if (typeof e.name === 'string') out.push(e.name)
  for (const list of [e.variants, e.forms]) if (Array.isArray(list)) for (const v of list) if (typeof v === 'string') out.push(v)
  return out
}

/** Add `word` to the dictionary at `file` as `{id: user-<slug>, type: other, name: word}`. */
export async function addToDictionary(file: string, rawWord: string): Promise<AddResult> {
  const word = wordToAdd(rawWord)
  if (!word) throw new Error(`nothing to add: \`${rawWord}\` has no letters`)
  const existing = await readIfPresent(file)
  const created = existing === undefined
  let doc: Document
  if (existing === undefined || existing.trim() === '') {
    doc = parseDocument(`${HEADER}entities: []\n`)
  } else {
    // Validate first: never rewrite a file namelint cannot read (the error names the line).
    parseDictionary(existing, file)
    doc = parseDocument(existing)
  }
  if (!isMap(doc.contents)) throw new Error(`${file}: expected a mapping with \`entities\``)
  let entities = doc.get('entities')
  if (!isSeq(entities)) {
    doc.set('entities', doc.createNode([]))
    entities = doc.get('entities')
  }
  const seq = entities as import('yaml').YAMLSeq
  const data = (doc.toJS() as { entities?: Array<{ id?: unknown }> }).entities ?? []
  const key = normalizeName(word)
  const same = data.find((e) => entityNames(e).some((n) => normalizeName(n) === key))
  if (same) return { file, id: String(same.id), added: false, created: false }
  const ids = new Set(data.map((e) => String(e.id)))
  const base = slugFor(word)
  let id = base
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`
  const node = doc.createNode({ id, type: 'other', name: word })
  node.flow = false
  seq.flow = false
  seq.add(node)
  const text = doc.toString({ lineWidth: 0 })
  parseDictionary(text, file) // what we write must load
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, text, 'utf8')
  await rename(temporary, file)
  return { file, id, added: true, created }
}
