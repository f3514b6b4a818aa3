/**
 * parse-latin's parser with a faster tokenizer: the same trees (node types,
 * values, positions, and which point objects are shared), built with a
 * character-class table instead of three regular expression tests and a
 * `charAt` per character.
 */
import { ParseLatin } from 'parse-latin'
import type { SentenceContent } from 'nlcst'
import type { Point } from 'unist'

const WORD = 1
const WHITE_SPACE = 2
const PUNCTUATION = 3
const SYMBOL = 4
const TYPES = ['', 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'] as const

const stockTokenize = ParseLatin.prototype.tokenize

/**
 * The class of each UTF-16 code unit, 0 until first seen. A code unit's class
 * is what stock parse-latin makes of it alone (its own expressions, tested on
 * `charAt`), so the table cannot disagree with it.
 */
const classes = new Uint8Array(0x10000)

function classify(code: number): number {
  const type = stockTokenize.call(ParseLatin.prototype, String.fromCharCode(code))[0].type
  const kind = TYPES.indexOf(type as (typeof TYPES)[number])
  if (kind < 1) throw new Error(`parse-latin: unexpected token type ${type}`)
  classes[code] = kind
  return kind
}

// ASCII up front: nearly every character of news text.
for (let code = 0; code < 0x80; code++) classify(code)

export class FastLatin extends ParseLatin {
  override tokenize(value?: string | null): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    const length = value.length
    let line = 1
    let column = 1
    let from = 0
    let start: Point = { line: 1, column: 1, offset: 0 }
    let previousType = 0
    let previous = -1
    for (let index = 0; index < length; index++) {
      const code = value.charCodeAt(index)
      const type = classes[code] || classify(code)
      // Words and white space continue; so do runs of one punctuation or
      // symbol character, and surrogates (astral characters) of either.
      if (
        index > 0 &&
        !(
          previousType === type &&
          (type === WORD || type === WHITE_SPACE || code === previous || (code >= 0xd800 && code <= 0xdfff))
        )
      ) {
        children.push(node(previousType, value.slice(from, index), start, line, column, index))
        from = index
        start = { line, column, offset: index }
      }
      // CRLF, CR or LF is one line break.
      if (code === 13 || (code === 10 && previous !== 13)) {
        line++
        column = 1
      } else if (code !== 10) {
        column++
      }
      previousType = type
      previous = code
    }
    children.push(node(previousType, value.slice(from), start, line, column, length))
    return children
  }
}

/** parse-latin's `createNode`: the start point is shared, each end is its own object. */
function node(type: number, value: string, start: Point, line: number, column: number, offset: number): SentenceContent {
  if (type === WORD) {
    return {
      type: 'WordNode',
      children: [{ type: 'TextNode', value, position: { start, end: { line, column, offset } } }],
      position: { start, end: { line, column, offset } },
    }
  }
  return { type: TYPES[type] as 'WhiteSpaceNode', value, position: { start, end: { line, column, offset } } }
}
