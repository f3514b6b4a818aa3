/**
 * retext's Latin parser, fed in paragraph-bounded pieces. parse-latin is
 * linear up to ~20 KB a document but quadratic beyond, so long texts are cut
 * at line breaks (or, for a huge single line, at white space) into pieces of
 * at most CHUNK characters, parsed one by one, and the positions mapped back
 * to the whole document.
 */
import type { ParseLatin } from 'parse-latin'
import { FastLatin } from './fast-latin.js'
import type { Root, RootContent } from 'nlcst'
import type { Point } from 'unist'
import type { Processor } from 'unified'

export const CHUNK = 16_000

function cutPoint(doc: string, from: number, chunk: number): number {
  const limit = from + chunk
  if (limit >= doc.length) return doc.length
  const paragraph = doc.lastIndexOf('\n\n', limit)
  if (paragraph > from + chunk / 4) return paragraph + 2
  const line = doc.lastIndexOf('\n', limit)
  if (line > from + chunk / 4) return line + 1
  const space = doc.lastIndexOf(' ', limit)
  if (space > from + chunk / 4) return space + 1
  // No break at all: never between CR and LF (one line break) or inside a surrogate pair (one character).
  const code = doc.charCodeAt(limit)
  const before = doc.charCodeAt(limit - 1)
  if ((before === 0x0d && code === 0x0a) || (before >= 0xd800 && before <= 0xdbff && code >= 0xdc00 && code <= 0xdfff)) return limit + 1
  return limit
}

/** Line breaks as parse-latin and vfile-location count them: CRLF, CR or LF. */
const BREAK = /\r\n|\r|\n/g

/** How many line breaks `text` holds, and how long its last line is. */
function lines(text: string): { breaks: number; last: number } {
  let breaks = 0
  let lastEnd = 0
  for (const m of text.matchAll(BREAK)) {
    breaks++
    lastEnd = (m.index ?? 0) + m[0].length
  }
  return { breaks, last: text.length - lastEnd }
}

function shiftPoint(point: Point, offset: number, lineBase: number, column: number, seen: WeakSet<Point>) {
  // parse-latin shares point objects between parents and children: shift each once.
  if (seen.has(point)) return
  seen.add(point)
  if (point.line === 1) point.column += column - 1
  point.line += lineBase
  if (point.offset !== undefined) point.offset += offset
}

function shift(node: RootContent, offset: number, lineBase: number, column: number, seen: WeakSet<Point>) {
  if (node.position) {
    shiftPoint(node.position.start, offset, lineBase, column, seen)
    shiftPoint(node.position.end, offset, lineBase, column, seen)
  }
  if ('children' in node) for (const child of node.children) shift(child as RootContent, offset, lineBase, column, seen)
}

/** `chunk` and `Parser` are for tests: pieces of another size, the stock parser. */
export function parseChunked(doc: string, chunk = CHUNK, Parser: typeof ParseLatin = FastLatin): Root {
  if (doc.length <= chunk) return new Parser().parse(doc)
  const children: RootContent[] = []
  let offset = 0
  let line = 1
  let column = 1
  while (offset < doc.length) {
    const end = cutPoint(doc, offset, chunk)
    const piece = doc.slice(offset, end)
    const tree = new Parser().parse(piece)
    const seen = new WeakSet<Point>()
    for (const child of tree.children) {
      shift(child, offset, line - 1, column, seen)
      children.push(child)
    }
    const counted = lines(piece)
    if (counted.breaks > 0) {
      line += counted.breaks
      column = counted.last + 1
    } else {
      column += piece.length
    }
    offset = end
  }
  const whole = lines(doc)
  return {
    type: 'RootNode',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: whole.breaks + 1, column: whole.last + 1, offset: doc.length },
    },
  }
}

/** unified plugin: set the chunked parser. */
export default function retextChunkedLatin(this: Processor) {
  this.parser = (doc: string) => parseChunked(doc) as never
}
