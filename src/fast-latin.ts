/**
 * parse-latin's parser with a faster tokenizer: the same trees (node types,
 * values, positions, and which point objects are shared), built with a
 * character-class table instead of three regular expression tests and a
 * `charAt` per character.
 */
import { ParseLatin } from 'parse-latin'
import type { SentenceContent } from 'nlcst'
import type { Point } from 'unist'
import * as fast from './fast-latin-plugins.js'

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

type Plugins = Pick<ParseLatin, 'tokenizeSentencePlugins' | 'tokenizeParagraphPlugins' | 'tokenizeRootPlugins'>
const stock: Plugins = ParseLatin.prototype

/**
 * parse-latin's transforms with the costly ones swapped for the loops of
 * fast-latin-plugins.ts, by place in parse-latin 7's lists; another layout
 * (an upgrade) keeps them all.
 */
function plugins(): Plugins {
  const sentence: unknown[] = stock.tokenizeSentencePlugins
  const paragraph: unknown[] = stock.tokenizeParagraphPlugins
  const root: unknown[] = stock.tokenizeRootPlugins
  const known =
    sentence.length === 6 &&
    paragraph.length === 12 &&
    root.length === 4 &&
    // the transforms the three lists share sit where parse-latin 7 has them
    paragraph[7] === root[0] &&
    paragraph[8] === root[1] &&
    paragraph[10] === root[2] &&
    paragraph[11] === root[3] &&
    sentence[5] === root[3]
  if (!known) return stock
  const cast = <T>(list: unknown[]) => list as T
  return {
    tokenizeSentencePlugins: cast([
      fast.mergeInitialWordSymbol,
      fast.mergeFinalWordSymbol,
      fast.mergeInnerWordSymbol,
      fast.mergeInnerWordSlash,
      fast.mergeInitialisms,
      fast.patchPosition,
    ]),
    tokenizeParagraphPlugins: cast([
      ...paragraph.slice(0, 6),
      fast.mergeRemainingFullStops,
      fast.makeInitialWhiteSpaceSiblings,
      fast.makeFinalWhiteSpaceSiblings,
      fast.breakImplicitSentences,
      fast.removeEmptyNodes,
      fast.patchPosition,
    ]),
    tokenizeRootPlugins: cast([
      fast.makeInitialWhiteSpaceSiblings,
      fast.makeFinalWhiteSpaceSiblings,
      fast.removeEmptyNodes,
      fast.patchPosition,
    ]),
  }
}
const fastPlugins = plugins()

export class FastLatin extends ParseLatin {
  constructor(doc?: string | null, file?: ConstructorParameters<typeof ParseLatin>[1]) {
    super(doc, file)
    this.tokenizeSentencePlugins = [...fastPlugins.tokenizeSentencePlugins]
    this.tokenizeParagraphPlugins = [...fastPlugins.tokenizeParagraphPlugins]
    this.tokenizeRootPlugins = [...fastPlugins.tokenizeRootPlugins]
  }

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
