/**
 * Where a key of a configuration file is, for error messages: the file
 * re-read and parsed with positions (JSON is read as YAML, which keeps
 * them). Best effort: undefined for modules (`.namelintrc.js`), unreadable
 * or unparsable files.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isNode, LineCounter, parseDocument } from 'yaml'

/** The line of the value at `keys` in `file` (or of the nearest enclosing value that is there). */
export function lineOf(file: string, keys: ReadonlyArray<PropertyKey>): number | undefined {
  if (/\.[cm]?js$/i.test(file)) return undefined
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false })
  if (doc.errors.length > 0) return undefined
  const full = [...(path.basename(file) === 'package.json' ? ['namelint'] : []), ...keys.filter((k): k is string | number => typeof k !== 'symbol')]
  for (let depth = full.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(full.slice(0, depth), true)
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
  }
  return undefined
}

/** `file:line` when the line of `keys` is known, else `file`. */
export function located(file: string, keys: ReadonlyArray<PropertyKey>): string {
  const line = lineOf(file, keys)
  return line === undefined ? file : `${file}:${line}`
}
