import { describe, expect, it } from 'vitest'
import { ParseLatin } from 'parse-latin'
import { toString } from 'nlcst-to-string'
import { visit } from 'unist-util-visit'
import type { Root } from 'nlcst'
import { CHUNK, parseChunked } from '../src/parser.js'

function words(tree: Root) {
  const out: Array<[string, number, number, number]> = []
  visit(tree, 'WordNode', (node) => {
    out.push([toString(node), node.position!.start.offset!, node.position!.start.line, node.position!.start.column])
  })
  return out
}

describe('chunked parser', () => {
  it('maps positions back exactly for long documents', () => {
    const paragraph = 'Sergei Shoigu met officials in Pyongyang on Wednesday, the agency said.\n'
    const text = paragraph.repeat(Math.ceil((CHUNK * 3) / paragraph.length))
    const chunked = parseChunked(text)
    for (const [word, offset, line, column] of words(chunked)) {
      expect(text.slice(offset, offset + word.length)).toBe(word)
      const before = text.slice(0, offset).split('\n')
      expect(line).toBe(before.length)
      expect(column).toBe(before[before.length - 1].length + 1)
    }
    expect(toString(chunked)).toBe(text)
  })
  it('handles one huge line', () => {
    const text = 'Kim Jong Un visited Moscow. '.repeat(Math.ceil((CHUNK * 2) / 28))
    const tree = parseChunked(text)
    expect(toString(tree)).toBe(text)
    for (const [word, offset] of words(tree)) expect(text.slice(offset, offset + word.length)).toBe(word)
  })
  it('equals the plain parser on short documents', () => {
    const text = 'The North Korean leader met Shoigu.'
    expect(parseChunked(text)).toEqual(new ParseLatin().parse(text))
  })
})
