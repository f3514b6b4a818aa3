/**
 * Markdown and HTML: the prose of a document as plain text, with every
 * character mapped back to the original file.
 *
 * The document is parsed (remark-parse with GFM and front matter, or
 * rehype-parse) and its prose — text in paragraphs, headings, list items,
 * quotes, table cells, link text — is written out as a *linted text*: one
 * paragraph per block, separated by blank lines, with inline markup left out
 * ("**Sergei** Shuigu" reads "Sergei Shuigu") and code, URLs, images, front
 * matter, raw HTML blocks, scripts and styles left out or replaced by one
 * placeholder character that ends a name. The rules lint that text, and each
 * message is mapped back to the original file (see `syntax.ts`).
 *
 * Why not remark-retext / rehype-retext: mdast-util-to-nlcst and
 * hast-util-to-nlcst place each word by adding up the lengths of decoded
 * text, so every position after a backslash escape, a character reference,
 * the indentation of a wrapped list item or a `> ` quote marker points at the
 * wrong characters. Here each character of a text node's value is aligned
 * with the source character (or escape, or character reference) it came
 * from, so positions are exact.
 */
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import type { Nodes as HastNodes, Root as HastRoot, Element as HastElement } from 'hast'
import type { Node, Parent } from 'unist'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import rehypeParse from 'rehype-parse'
import { decodeNamedCharacterReference } from 'decode-named-character-reference'

export type Syntax = 'text' | 'markdown' | 'html'

/** Placeholder for content that is left out but ends a name (inline code, a URL, an image). */
export const PLACEHOLDER = '\uFFFC'

export interface Extraction {
  syntax: Syntax
  /** The linted text. */
  text: string
  /** Per character of `text`: offset in the original of the first source character it came from; -1 for separators and placeholders. */
  start: Int32Array
  /** Per character of `text`: offset in the original just after its source (an escape or a character reference spans several). */
  end: Int32Array
  /** The syntax tree (mdast or hast), for inline control comments. */
  tree: Node
}

/** The syntax of a file by its extension: `.md`/`.markdown` Markdown, `.html`/`.htm` HTML, else plain text. */
export function syntaxOf(filePath: string | undefined): Syntax {
  const m = /\.([^./\\]+)$/.exec(filePath ?? '')
  const ext = m ? m[1].toLowerCase() : ''
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (ext === 'html' || ext === 'htm') return 'html'
  return 'text'
}

/* ------------------------------------------------------------------------ */
/* Building the linted text                                                   */

class Builder {
  private parts: string[] = []
  private starts: number[] = []
  private ends: number[] = []
  private length = 0
  /** Whether the text ends with a block break (or is empty). */
  atBlockStart = true

  /** A character taken from the source range [start, end). */
  char(c: string, start: number, end: number) {
    this.parts.push(c)
    this.starts.push(start)
    this.ends.push(end)
    this.length++
    this.atBlockStart = false
  }

  /** Characters that are in no source (separators, placeholders). */
  synthetic(s: string) {
    for (const c of s) {
      // Keep UTF-16 code units one per entry (s is ASCII or the placeholder).
      this.parts.push(c)
      this.starts.push(-1)
      this.ends.push(-1)
      this.length++
    }
    this.atBlockStart = false
  }

  placeholder() {
    // Runs of left-out content need one placeholder.
    if (this.parts[this.parts.length - 1] === PLACEHOLDER) return
    this.synthetic(PLACEHOLDER)
  }

  /** End the current block: the next text starts a new paragraph. */
  block() {
    if (this.atBlockStart) return
    this.synthetic('\n\n')
    this.atBlockStart = true
  }

  finish(syntax: Syntax, tree: Node): Extraction {
    // Drop a trailing block break.
    while (this.length > 0 && this.starts[this.length - 1] === -1 && this.parts[this.length - 1] === '\n') {
      this.parts.pop()
      this.starts.pop()
      this.ends.pop()
      this.length--
    }
    return { syntax, text: this.parts.join(''), start: Int32Array.from(this.starts), end: Int32Array.from(this.ends), tree }
  }
}

/* ------------------------------------------------------------------------ */
/* Aligning a decoded value with its source                                  */

const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/
const CHARACTER_REFERENCE = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{0,31}))(;?)/

/** Windows-1252 replacements HTML makes for numeric references to C1 controls. */
const C1: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6, 0x89: 0x2030,
  0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022,
  0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
}

function decodeNumeric(code: number): string[] {
  const out = new Set<string>()
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) out.add('\uFFFD')
  else {
    out.add(String.fromCodePoint(code))
    if (code in C1) out.add(String.fromCodePoint(C1[code]))
    if (code >= 0x80 && code <= 0x9f) out.add('\uFFFD')
  }
  return [...out]
}

/**
 * The character reference at `doc[j]` that decodes to the start of
 * `value.slice(i)`: its decoded length and its source length; undefined when
 * there is none.
 */
function characterReference(doc: string, j: number, value: string, i: number): [number, number] | undefined {
  const m = CHARACTER_REFERENCE.exec(doc.slice(j, j + 40))
  if (!m) return undefined
  const candidates: Array<[string, number]> = []
  if (m[1] !== undefined || m[2] !== undefined) {
    const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2], 16)
    for (const d of decodeNumeric(code)) candidates.push([d, m[0].length])
  } else {
    const name = m[3]
    if (m[4] === ';') {
      const d = decodeNamedCharacterReference(name)
      if (d) candidates.push([d, m[0].length])
    }
    // HTML also decodes some references without `;` (`&amp`, `&copy`), taking the longest name that works.
    for (let k = name.length; k >= 2; k--) {
      const d = decodeNamedCharacterReference(name.slice(0, k))
      if (d) candidates.push([d, 1 + k])
    }
  }
  for (const [decoded, length] of candidates) {
    if (value.startsWith(decoded, i)) return [decoded.length, length]
  }
  return undefined
}

/**
 * Align the decoded `value` of a text node with the source from `from`: for
 * each character of the value, the source range it came from. Source
 * characters that are not in the value (container indentation, `>` quote
 * markers, white space before a line ending, the backslash of an escape) are
 * skipped. Undefined when the two cannot be aligned.
 */
export function align(value: string, doc: string, from: number, to: number): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = []
  let i = 0
  let j = from
  while (i < value.length) {
    if (j >= doc.length) return undefined
    const c = doc[j]
    const v = value[i]
    // A character reference first: its `&` is not the value's `&` (`&amp;` is).
    if (c === '&') {
      const ref = characterReference(doc, j, value, i)
      if (ref) {
        for (let k = 0; k < ref[0]; k++) out.push([j, j + ref[1]])
        i += ref[0]
        j += ref[1]
        continue
      }
    }
    if (c === v && j < to) {
      out.push([j, j + 1])
      i++
      j++
      continue
    }
    if (c === '\\' && doc[j + 1] === v && ASCII_PUNCTUATION.test(v)) {
      out.push([j + 1, j + 2])
      i++
      j += 2
      continue
    }
    if (j < to && (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '>')) {
      j++
      continue
    }
    return undefined
  }
  return out
}

/** URLs and e-mail addresses inside text: left out of the linted text. */
const URL_PATTERN = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)[^\s<>"'()[\]]+|\bmailto:[^\s<>"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi

/** Write a text node's value: aligned characters, with URLs replaced by a placeholder. */
function writeText(builder: Builder, value: string, doc: string, from: number | undefined, to: number | undefined) {
  // White space between blocks (HTML source formatting) is not prose.
  if (value === '' || (builder.atBlockStart && /^\s*$/.test(value))) return
  const aligned = from === undefined || to === undefined ? undefined : align(value, doc, from, to)
  // A text that cannot be placed exactly is not linted (its positions would be guesses).
  if (!aligned) {
    builder.placeholder()
    return
  }
  const urls: Array<[number, number]> = []
  for (const m of value.matchAll(URL_PATTERN)) {
    // Keep sentence punctuation after a URL ("see www.example.com.").
    const url = m[0].replace(/[.,;:!?]+$/, '')
    urls.push([m.index ?? 0, (m.index ?? 0) + url.length])
  }
  let u = 0
  for (let i = 0; i < value.length; i++) {
    if (u < urls.length && i >= urls[u][0]) {
      if (i === urls[u][0]) builder.placeholder()
      if (i < urls[u][1]) continue
      u++
    }
    builder.char(value[i], aligned[i][0], aligned[i][1])
  }
}

/* ------------------------------------------------------------------------ */
/* Markdown                                                                   */

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])

export function parseMarkdown(doc: string): MdastRoot {
  return markdownParser.parse(doc)
}

function looksLikeUrl(text: string): boolean {
  return /^(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:)\S*$/i.test(text.trim()) || /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(text.trim())
}

function textOf(node: MdastNodes | HastNodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as Array<MdastNodes | HastNodes>).map(textOf).join('')
  return ''
}

export function extractMarkdown(doc: string): Extraction {
  const tree = parseMarkdown(doc)
  const builder = new Builder()

  function phrasing(node: MdastNodes) {
    switch (node.type) {
      case 'text':
        writeText(builder, node.value, doc, node.position?.start.offset, node.position?.end.offset)
        return
      case 'break':
        builder.synthetic('\n')
        return
      case 'html':
        // Inline HTML tags (and comments) end a word but are not read.
        builder.synthetic(' ')
        return
      case 'link': {
        const text = textOf(node)
        // Autolinks (`<https://…>`, bare www. and e-mail links): a URL, not prose.
        if (looksLikeUrl(text) || text === node.url || `mailto:${text}` === node.url || `http://${text}` === node.url) {
          builder.placeholder()
          return
        }
        for (const child of node.children) phrasing(child)
        return
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        builder.placeholder()
        return
      default:
        if ('children' in node) for (const child of node.children as MdastNodes[]) phrasing(child)
        else builder.placeholder()
    }
  }

  function flow(node: MdastNodes) {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell':
        builder.block()
        for (const child of node.children) phrasing(child)
        builder.block()
        return
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        builder.block()
        return
      default:
        if ('children' in node) {
          builder.block()
          for (const child of node.children as MdastNodes[]) flow(child)
          builder.block()
        } else {
          // toml front matter and anything else without prose.
          builder.block()
        }
    }
  }

  flow(tree)
  return builder.finish('markdown', tree)
}

/* ------------------------------------------------------------------------ */
/* HTML                                                                       */

const htmlParser = unified().use(rehypeParse)

export function parseHtml(doc: string): HastRoot {
  return htmlParser.parse(doc)
}

/** Elements whose content is not prose. */
const SKIPPED = new Set([
  'script', 'style', 'code', 'pre', 'kbd', 'samp', 'var', 'tt', 'template', 'noscript', 'svg', 'math', 'textarea',
  'select', 'iframe', 'object', 'embed', 'canvas', 'audio', 'video', 'picture', 'map', 'head',
])
/** Elements that stand for content that is left out (a word break that is not white space). */
const REPLACED = new Set(['img', 'input', 'button', 'meter', 'progress', 'output'])
/** Elements that start and end a paragraph of prose. */
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'ul',
  'legend', 'menu', 'search', 'center',
])

export function extractHtml(doc: string): Extraction {
  const tree = parseHtml(doc)
  const builder = new Builder()

  function visit(node: HastNodes) {
    if (node.type === 'text') {
      writeText(builder, node.value, doc, node.position?.start.offset, node.position?.end.offset)
      return
    }
    if (node.type === 'root') {
      for (const child of node.children) visit(child)
      return
    }
    if (node.type !== 'element') return // comments, doctypes
    const element = node as HastElement
    const name = element.tagName.toLowerCase()
    if (name === 'head') {
      // The document title is prose; the rest of the head is not.
      for (const child of element.children) if (child.type === 'element' && child.tagName === 'title') visit(child)
      return
    }
    if (SKIPPED.has(name) || element.properties?.translate === 'no') {
      if (BLOCKS.has(name) || name === 'pre') builder.block()
      else builder.placeholder()
      return
    }
    if (REPLACED.has(name)) {
      builder.placeholder()
      return
    }
    if (name === 'br') {
      builder.synthetic('\n')
      return
    }
    if (name === 'a') {
      const text = textOf(element)
      const href = typeof element.properties?.href === 'string' ? element.properties.href : undefined
      if (text.trim() !== '' && (looksLikeUrl(text) || text === href)) {
        builder.placeholder()
        return
      }
    }
    const block = BLOCKS.has(name)
    if (block) builder.block()
    for (const child of element.children) visit(child)
    if (block) builder.block()
  }

  visit(tree)
  return builder.finish('html', tree)
}

/** A linted text of the same length as the original, character for character (plain text with blanked lines). */
export function sameLength(doc: string, text: string): Extraction {
  const start = new Int32Array(text.length)
  const end = new Int32Array(text.length)
  for (let i = 0; i < text.length; i++) {
    start[i] = i
    end[i] = i + 1
  }
  return { syntax: 'text', text, start, end, tree: { type: 'root' } }
}

/**
 * Extract the prose of a Markdown or HTML document. The parsers drop a
 * leading byte order mark from their positions; here it counts, as it does
 * for vfile and for `--fix`.
 */
export function extract(syntax: Exclude<Syntax, 'text'>, doc: string): Extraction {
  const bom = doc.charCodeAt(0) === 0xfeff ? 1 : 0
  const body = bom ? doc.slice(1) : doc
  const extraction = syntax === 'markdown' ? extractMarkdown(body) : extractHtml(body)
  if (bom) shiftForBom(extraction)
  return extraction
}

function shiftForBom(extraction: Extraction): void {
  for (let i = 0; i < extraction.text.length; i++) {
    if (extraction.start[i] !== -1) {
      extraction.start[i]++
      extraction.end[i]++
    }
  }
  const seen = new WeakSet<object>()
  const shiftPoint = (point: { line: number; column: number; offset?: number } | undefined) => {
    if (!point || seen.has(point)) return
    seen.add(point)
    if (point.offset !== undefined) point.offset++
    if (point.line === 1) point.column++
  }
  const walk = (node: Node) => {
    if (node.position) {
      shiftPoint(node.position.start)
      shiftPoint(node.position.end)
    }
    if (isParent(node)) for (const child of node.children) walk(child)
  }
  walk(extraction.tree)
}

/* ------------------------------------------------------------------------ */
/* Mapping spans back                                                        */

export interface SourceSpan {
  start: number
  end: number
  /** The original text at [start, end) is exactly the linted text of the span. */
  exact: boolean
}

/** Map a span [from, to) of the linted text to the original; undefined when it holds no source character. */
export function mapSpan(extraction: Extraction, original: string, from: number, to: number): SourceSpan | undefined {
  const { start, end, text } = extraction
  let first = -1
  let last = -1
  let synthetic = false
  for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) {
    if (start[i] === -1) {
      synthetic = true
      continue
    }
    if (first === -1) first = i
    last = i
  }
  if (first === -1) return undefined
  const s = start[first]
  const e = end[last]
  const exact = !synthetic && first === from && last === to - 1 && original.slice(s, e) === text.slice(from, to)
  return { start: s, end: e, exact }
}

/** Map an offset of the linted text (a point between characters) to the original. */
export function mapOffset(extraction: Extraction, offset: number): number | undefined {
  const { start, end, text } = extraction
  for (let i = Math.max(0, offset); i < text.length; i++) if (start[i] !== -1) return start[i]
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) if (end[i] !== -1) return end[i]
  return undefined
}

/** Escape a replacement for the syntax it goes into, so it reads as written. */
export function escapeFor(syntax: Syntax, value: string): string {
  if (syntax === 'html') return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  if (syntax === 'markdown') return value.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)
  return value
}

/** Whether a unist node is a parent (for walking control trees). */
export function isParent(node: Node): node is Parent {
  return 'children' in node && Array.isArray((node as Parent).children)
}
