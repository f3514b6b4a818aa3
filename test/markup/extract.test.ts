/**
 * The prose of Markdown and HTML files: what is read, what is left out, and
 * exact positions for every character read.
 */
import { describe, expect, it } from 'vitest'
import { align, extractHtml, extractMarkdown, mapSpan, PLACEHOLDER, syntaxOf, type Extraction } from '../../src/markup.js'

/** Every character read maps to the same character of the source, or to an escape or character reference of it. */
function expectExact(doc: string, extraction: Extraction) {
  for (let i = 0; i < extraction.text.length; i++) {
    const s = extraction.start[i]
    if (s === -1) continue
    const source = doc.slice(s, extraction.end[i])
    if (source.length === 1) expect(source).toBe(extraction.text[i])
    else expect(source.startsWith('&') || source.startsWith('\\')).toBe(true)
  }
}

/** The source span of a word of the linted text. */
function spanOf(doc: string, extraction: Extraction, word: string, nth = 0) {
  let from = -1
  for (let k = 0; k <= nth; k++) from = extraction.text.indexOf(word, from + 1)
  expect(from).toBeGreaterThanOrEqual(0)
  const span = mapSpan(extraction, doc, from, from + word.length)!
  return { ...span, source: doc.slice(span.start, span.end) }
}

describe('syntaxOf', () => {
  it('picks the syntax by extension', () => {
    expect(syntaxOf('a.md')).toBe('markdown')
    expect(syntaxOf('news/A.MARKDOWN')).toBe('markdown')
    expect(syntaxOf('a.html')).toBe('html')
    expect(syntaxOf('a.htm')).toBe('html')
    expect(syntaxOf('a.txt')).toBe('text')
    expect(syntaxOf('md')).toBe('text')
    expect(syntaxOf(undefined)).toBe('text')
  })
})

describe('Markdown', () => {
  it('reads headings, paragraphs, lists, quotes and tables as separate paragraphs', () => {
    const doc = '# Talks in Kyiv\nThe envoy arrived.\n\n- First point\n- Second point\n\n> A quote\n\n| Name | Place |\n| --- | --- |\n| Anna | Kyiv |\n'
    const x = extractMarkdown(doc)
    expect(x.text).toBe('Talks in Kyiv\n\nThe envoy arrived.\n\nFirst point\n\nSecond point\n\nA quote\n\nName\n\nPlace\n\nAnna\n\nKyiv')
    expectExact(doc, x)
  })

  it('leaves out front matter, code, HTML blocks, URLs, autolinks, images and definitions', () => {
    const doc = [
      '---',
      'title: Shuigu in YAML',
      '---',
      '',
      'Text with `Shuigu code` and ![Shuigu alt](img.png) and <https://example.com/Shuigu>.',
      'Bare www.example.com/Shuigu and https://example.org/Shuigu?x=1 and mail@shuigu.example too.',
      '',
      '```',
      'Shuigu fenced',
      '```',
      '',
      '    Shuigu indented',
      '',
      '<div>',
      'Shuigu block html',
      '</div>',
      '',
      '[ref]: https://example.com/Shuigu "Shuigu title"',
      '',
    ].join('\n')
    const x = extractMarkdown(doc)
    expect(x.text).not.toMatch(/Shuigu|example|YAML/)
    expect(x.text).toContain(`Text with ${PLACEHOLDER} and ${PLACEHOLDER} and ${PLACEHOLDER}.`)
    expectExact(doc, x)
  })

  it('reads through inline markup and link text, and places each word exactly', () => {
    const doc = 'Minister **Sergei** _Shoigu_ met [Kim Jong Un](https://example.com) in ~~Pyongyang~~ Moscow.\n'
    const x = extractMarkdown(doc)
    expect(x.text).toBe('Minister Sergei Shoigu met Kim Jong Un in Pyongyang Moscow.')
    expectExact(doc, x)
    expect(spanOf(doc, x, 'Shoigu')).toEqual({ start: doc.indexOf('Shoigu'), end: doc.indexOf('Shoigu') + 6, exact: true, source: 'Shoigu' })
    // A span over markup maps to the source span, but is not exact.
    const both = spanOf(doc, x, 'Sergei Shoigu')
    expect(both.source).toBe('Sergei** _Shoigu')
    expect(both.exact).toBe(false)
  })

  it('places words exactly after escapes, character references, list indentation and quote markers', () => {
    const doc = 'Tom \\& Jerry &amp; AT&amp;T met Shoigu.\n\n- Talks with\n  Sergei Shoigu\n\n> Quote from\n> Sergei Shoigu\r\n> ended.\n'
    const x = extractMarkdown(doc)
    expect(x.text).toBe('Tom & Jerry & AT&T met Shoigu.\n\nTalks with\nSergei Shoigu\n\nQuote from\nSergei Shoigu\r\nended.')
    expectExact(doc, x)
    for (let n = 0; n < 3; n++) {
      const span = spanOf(doc, x, 'Shoigu', n)
      expect(span.source).toBe('Shoigu')
      expect(span.exact).toBe(true)
    }
    expect(spanOf(doc, x, 'Sergei Shoigu', 0).exact).toBe(true)
    // A decoded reference is read but not exact (the file holds `&amp;`).
    expect(spanOf(doc, x, 'AT&T').source).toBe('AT&amp;T')
    expect(spanOf(doc, x, 'AT&T').exact).toBe(false)
  })

  it('breaks words at hard breaks and inline HTML', () => {
    const doc = 'Sergei\\\nShoigu and Kim<br>Jong Un\n'
    const x = extractMarkdown(doc)
    expect(x.text).toBe('Sergei\nShoigu and Kim Jong Un')
  })
})

describe('HTML', () => {
  it('reads the title and the body by blocks, leaving out scripts, styles, code, attributes and comments', () => {
    const doc = [
      '<!doctype html><html><head><title>Talks in Kyiv</title><meta name="x" content="Shuigu">',
      '<style>.Shuigu{}</style><script>var Shuigu = 1</script></head>',
      '<body><h1>Headline</h1><p title="Shuigu">First <b>para</b>graph with <code>Shuigu</code>.</p>',
      '<!-- Shuigu comment --><p>Second<br>line <img alt="Shuigu" src="x.png"> and <a href="https://example.com/Shuigu">https://example.com/Shuigu</a>.</p>',
      '<pre>Shuigu pre</pre><p translate="no">Shuigu untranslated</p><ul><li>One</li><li>Two</li></ul></body></html>',
    ].join('\n')
    const x = extractHtml(doc)
    expect(x.text).not.toMatch(/Shuigu/)
    expect(x.text).toContain('Talks in Kyiv\n\n')
    expect(x.text).toContain('Headline\n\nFirst paragraph with ' + PLACEHOLDER + '.\n\nSecond\nline ' + PLACEHOLDER + ' and ' + PLACEHOLDER + '.')
    expect(x.text).toMatch(/One\n\nTwo$/)
    expectExact(doc, x)
  })

  it('places words exactly after character references and in CRLF files', () => {
    const doc = '<p>Fran&ccedil;ois met&nbsp;Sergei Shoigu &amp; Kim&#8217;s envoy.</p>\r\n<p>Again\r\nSergei Shoigu.</p>\r\n'
    const x = extractHtml(doc)
    expect(x.text).toBe('François met\u00a0Sergei Shoigu & Kim’s envoy.\n\nAgain\nSergei Shoigu.')
    expectExact(doc, x)
    for (let n = 0; n < 2; n++) {
      const span = spanOf(doc, x, 'Sergei Shoigu', n)
      expect(span.source).toBe('Sergei Shoigu')
      expect(span.exact).toBe(true)
    }
    expect(spanOf(doc, x, 'François').source).toBe('Fran&ccedil;ois')
    expect(spanOf(doc, x, 'Kim’s').source).toBe('Kim&#8217;s')
  })
})

describe('align', () => {
  it('aligns decoded text with its source, or gives up', () => {
    expect(align('a&b', 'a&amp;b', 0, 7)).toEqual([[0, 1], [1, 6], [6, 7]])
    expect(align('a*b', 'a\\*b', 0, 4)).toEqual([[0, 1], [2, 3], [3, 4]])
    expect(align('a\nb', 'a \n  b', 0, 6)).toEqual([[0, 1], [2, 3], [5, 6]])
    expect(align('–', '&#150;', 0, 6)).toEqual([[0, 6]])
    expect(align('ab', 'ax', 0, 2)).toBeUndefined()
  })
})
