/**
 * Load dictionary source files (YAML or JSON; JSON is read as YAML so both
 * keep positions) and validate them. Every error names the file, the line
 * and the entry.
 */
import { readFileSync } from 'node:fs'
import { LineCounter, parseDocument, isNode } from 'yaml'
import type { ZodError } from 'zod'
import { dictionarySchema, type DictionarySource } from './schema.js'
import { DictionaryError } from './errors.js'

/** The line of each entity of a parsed dictionary, for messages about entries (overlay.ts). */
const entryLines = new WeakMap<DictionarySource, number[]>()

/** The line where entity `index` of a dictionary parsed here starts, when known. */
export function entryLine(source: DictionarySource, index: number): number | undefined {
  return entryLines.get(source)?.[index]
}

/** JSON's own syntax error, with its line and column (a `.json` file must be JSON, not just YAML). */
function checkJson(text: string, file: string): void {
  try {
    JSON.parse(text)
  } catch (error) {
    const message = (error as Error).message
    const m = /at position (\d+)/.exec(message)
    const position = m ? Number(m[1]) : /end of JSON/i.test(message) ? text.length : undefined
    let line: number | undefined
    let column: number | undefined
    if (position !== undefined) {
      const before = text.slice(0, position)
      line = before.split('\n').length
      column = before.length - before.lastIndexOf('\n')
    }
    // V8's text, without the position it already gives as line and column.
    const what = message.replace(/\s*(?:in JSON )?at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)/, '')
    throw new DictionaryError(`cannot parse JSON: ${what}; fix the syntax (a YAML dictionary goes in a .yaml file)`, file, line, column)
  }
}

export function parseDictionary(text: string, file: string): DictionarySource {
  if (/\.json$/i.test(file)) checkJson(text, file)
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' })
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const pos = lineCounter.linePos(error.pos[0])
    throw new DictionaryError(`cannot parse: ${error.message.split('\n')[0]}`, file, pos.line, pos.col)
  }
  let data: unknown
  try {
    data = doc.toJS()
  } catch (error) {
    // An alias to no anchor, or aliases that would blow up (the yaml library throws here, not as a parse error).
    const message = (error as Error).message.split('\n')[0]
    const alias = /alias[^:]*: (\S+)$/i.exec(message)?.[1]
    const at = alias === undefined ? -1 : text.indexOf(`*${alias}`)
    const pos = at >= 0 ? lineCounter.linePos(at) : undefined
    throw new DictionaryError(`cannot parse: ${message}`, file, pos?.line, pos?.col)
  }
  // Not a dictionary at all (empty, a list, a string): say what one looks like.
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const got = data === null || data === undefined ? (text.trim() === '' ? 'an empty file' : 'nothing') : Array.isArray(data) ? 'a list' : `a ${typeof data}`
    const pos = doc.contents && isNode(doc.contents) && doc.contents.range ? lineCounter.linePos(doc.contents.range[0]) : undefined
    throw new DictionaryError(`expected a mapping with an \`entities\` list (see dictionaries/FORMAT.md), got ${got}`, file, pos?.line ?? 1, pos?.col)
  }
  const result = dictionarySchema.safeParse(data)
  if (!result.success) throw zodToDictionaryError(result.error, doc, lineCounter, file, data)
  const seen = new Map<string, number>()
  result.data.entities.forEach((entity, index) => {
    const first = seen.get(entity.id)
    if (first !== undefined) {
      const node = doc.getIn(['entities', index], true)
      const line = isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined
      throw new DictionaryError(`duplicate id (first used by entry ${first + 1}); give each entity one id`, file, line, undefined, entity.id)
    }
    seen.set(entity.id, index)
  })
  entryLines.set(
    result.data,
    result.data.entities.map((_, index) => {
      const node = doc.getIn(['entities', index], true)
      return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : 0
    }),
  )
  return result.data
}

function zodToDictionaryError(error: ZodError, doc: ReturnType<typeof parseDocument>, lineCounter: LineCounter, file: string, data: unknown): DictionaryError {
  const issue = error.issues[0]
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
  // Walk up the path until a node with a position is found.
  let line: number | undefined
  let column: number | undefined
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) {
      const pos = lineCounter.linePos(node.range[0])
      line = pos.line
      column = pos.col
      break
    }
  }
  let entry: string | undefined
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const entities = (data as { entities?: Array<{ id?: unknown }> }).entities
    const id = entities?.[path[1]]?.id
    entry = typeof id === 'string' ? id : `#${path[1] + 1}`
  }
  const field = path.slice(path[0] === 'entities' ? 2 : 0).join('.')
  const message = issue.code === 'unrecognized_keys'
    ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} (see dictionaries/FORMAT.md for the allowed keys)`
    : `${field ? `\`${field}\`: ` : ''}${issue.message}`
  return new DictionaryError(message, file, line, column, entry)
}

/** `shownAs`: the name errors give the file (as the user wrote it, where `file` is resolved). */
export function loadDictionaryFile(file: string, shownAs = file): DictionarySource {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new DictionaryError(`cannot read dictionary: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, shownAs)
  }
  return parseDictionary(text, shownAs)
}
