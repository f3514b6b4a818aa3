import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ParseLatin } from 'parse-latin'
import type { Node } from 'unist'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { FastLatin } from '../src/fast-latin.js'
import * as copied from '../src/latin-expressions.js'
import { parseChunked } from '../src/parser.js'

/** Which objects (nodes, positions, points) the tree shares, as first-seen ids. */
function sharing(tree: Node): string {
  const ids = new Map<object, number>()
  const id = (o: object) => {
    if (!ids.has(o)) ids.set(o, ids.size)
    return ids.get(o)
  }
  const out: unknown[] = []
  const walk = (n: Node & { children?: Node[] }) => {
    out.push(id(n))
    if (n.position) out.push(id(n.position), id(n.position.start), id(n.position.end))
    if (n.children) {
      out.push(id(n.children))
      for (const c of n.children) walk(c)
    }
  }
  walk(tree)
  return out.join(',')
}

function same(text: string) {
  const stock = new ParseLatin().parse(text)
  const fast = new FastLatin().parse(text)
  expect(JSON.stringify(fast)).toBe(JSON.stringify(stock))
  expect(sharing(fast)).toBe(sharing(stock))
}

// Pieces that exercise every branch of the tokenizer and the sentence/paragraph plugins.
const pieces = [
  ...'abcXYZ0189 .,;:!?\'"-/&()[]_@#$%*+=<>~|\\\t\n\r…’‘“”—–«»·¿¡§¶\u00a0\u2028\u3000\u200b\u00ad\u2026éßЖ中ا\u0301¹½²',
  '\r\n', '\n\n', '\r\r', '😀', '👍🏽', '𝒜', '\ud800', '\udfff',
  '...', 'e.g.', 'U.S.', 'Mr.', 'etc.', ' . ', '!?', ', ', '1.5', 'and/or', 'well-known', "don't", 'A&B', '&amp',
]
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join(''))

describe('FastLatin', () => {
  it('builds the same trees as parse-latin on hand-written text', () => {
    same('The minister (who arrived on Tuesday) said: "We will see." Then he left… Did he?')
    same('Dr. Smith met the U.S. envoy at 3 p.m. in St. Petersburg, e.g. near the river.\r\n\r\nNew paragraph 😀 here.')
    same('  Indented line\nsecond line\r\rthird… and/or a-b ’quoted’ ok!!?  ')
    same('')
  })

  it('copies parse-latin\'s expressions exactly', () => {
    // Not in parse-latin's exports: read from its source.
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('parse-latin')), 'lib/expressions.js')
    const source = readFileSync(file, 'utf8')
    for (const [name, expression] of Object.entries(copied)) {
      expect(source, name).toContain(`export const ${name} =`)
      const declared = source.split(`export const ${name} =`)[1].trim().split('\n')[0]
      expect(String(expression), name).toBe(declared)
    }
  })

  it('uses the fast transforms', () => {
    const parser = new FastLatin()
    expect(parser.tokenizeSentencePlugins).not.toEqual(new ParseLatin().tokenizeSentencePlugins)
    expect(parser.tokenizeRootPlugins).not.toEqual(new ParseLatin().tokenizeRootPlugins)
  })

  it('classifies every UTF-16 code unit as parse-latin does', () => {
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code)
      const stock = new ParseLatin().tokenize('a' + c + c + '\ud83d' + c)
      const fast = new FastLatin().tokenize('a' + c + c + '\ud83d' + c)
      if (JSON.stringify(fast) !== JSON.stringify(stock)) expect(fast, `U+${code.toString(16)}`).toEqual(stock)
    }
  })

  it('builds the same trees as parse-latin on random text', () => {
    fc.assert(fc.property(text, (t) => same(t)), { numRuns: 2000 })
  })

  it('builds the same trees as parse-latin on random code units', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (t) => same(t)), { numRuns: 1000 })
  })

  it('gives the same chunked trees as the stock parser', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(JSON.stringify(parseChunked(t, 40))).toBe(JSON.stringify(parseChunked(t, 40, ParseLatin)))
      }),
      { numRuns: 500 },
    )
  })
})
