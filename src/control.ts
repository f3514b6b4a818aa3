/**
 * Inline control comments, with unified-message-control:
 *
 *   <!-- namelint-disable -->                   no messages from here on
 *   <!-- namelint-enable -->                    messages again
 *   <!-- namelint-disable corrupted-name -->    only these rules (space- or comma-separated)
 *   <!-- namelint-ignore-next -->               no messages in the next node
 *   <!-- namelint-ignore-next preferred-name --> (a paragraph, heading, list item, element...)
 *
 * Markdown: HTML comments (block or inline). HTML: comments. The next node is
 * the next block, element or non-blank text. Plain text: a line holding only such a
 * comment; the next node is the next paragraph (up to a blank line).
 */
import type { Node, Parent, Point } from 'unist'
import { VFile } from 'vfile'
import { location } from 'vfile-location'
import { messageControl, type Marker } from 'unified-message-control'
import { RULE_IDS } from './rules.js'
import { fatalFor, SOURCE, type Severity } from './rule.js'
import type { Syntax } from './markup.js'

const DIRECTIVE = /^\s*namelint-(disable|enable|ignore-next)(?:\s+([\s\S]*?))?\s*$/
const LOOKS_LIKE_DIRECTIVE = /^\s*namelint-/
const PLAIN_MARKER_LINE = /^[ \t]*<!--([\s\S]*?)-->[ \t]*$/

interface CommentNode extends Node {
  type: 'comment'
  value: string
}

/** The inside of a comment node (hast `comment`, mdast `html` holding one comment). */
function commentValue(node: Node): string | undefined {
  if (node.type === 'comment') return (node as CommentNode).value
  if (node.type === 'html') {
    const m = /^\s*<!--([\s\S]*?)-->\s*$/.exec((node as Node & { value: string }).value)
    return m ? m[1] : undefined
  }
  return undefined
}

/** Whether a document may hold control comments at all (a cheap test first). */
export function mayHaveDirectives(text: string): boolean {
  return text.includes('namelint-')
}

/**
 * Plain text with each control comment line blanked (spaces, same length),
 * so that the rules do not read it; the text itself when it has none.
 */
export function blankDirectiveLines(text: string): string {
  if (!mayHaveDirectives(text)) return text
  return text.replace(/^[ \t]*<!--[^\n]*?-->[ \t]*(?=\r?$)/gm, (line) => {
    const inner = PLAIN_MARKER_LINE.exec(line)
    return inner && LOOKS_LIKE_DIRECTIVE.test(inner[1]) ? ' '.repeat(line.length) : line
  })
}

/** Plain text as a tree of paragraphs and marker lines, for message control. */
export function plainTextTree(text: string): Parent {
  const place = location(text)
  const point = (offset: number): Point => place.toPoint(offset) ?? { line: 1, column: 1, offset }
  const children: Node[] = []
  let paragraphStart = -1
  let paragraphEnd = -1
  const flush = () => {
    if (paragraphStart !== -1) children.push({ type: 'paragraph', position: { start: point(paragraphStart), end: point(paragraphEnd) } } as Node)
    paragraphStart = -1
  }
  let offset = 0
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset)
    const lineEnd = newline === -1 ? text.length : newline
    const contentEnd = lineEnd > offset && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd
    const line = text.slice(offset, contentEnd)
    const marker = PLAIN_MARKER_LINE.exec(line)
    if (marker && LOOKS_LIKE_DIRECTIVE.test(marker[1])) {
      flush()
      children.push({ type: 'comment', value: marker[1], position: { start: point(offset), end: point(contentEnd) } } as CommentNode)
    } else if (line.trim() === '') {
      flush()
    } else {
      if (paragraphStart === -1) paragraphStart = offset
      paragraphEnd = contentEnd
    }
    offset = newline === -1 ? text.length : newline + 1
  }
  flush()
  return { type: 'root', children, position: { start: point(0), end: point(text.length) } } as Parent
}

/**
 * A copy of an mdast or hast tree fit for message control: nodes the parser
 * implied (no position: `html`, `head`, `body` of an HTML fragment) are
 * replaced by their children, and blank text is dropped, so that "the next
 * node" after a comment is the next element, block or non-blank text.
 */
export function controlTree(root: Node): Parent {
  function clean(node: Node): Node[] {
    if (node.type === 'text' && /^\s*$/.test((node as Node & { value: string }).value)) return []
    const children = 'children' in node ? ((node as Parent).children as Node[]).flatMap(clean) : undefined
    if (!node.position) return children ?? []
    return [children ? ({ ...node, children } as Parent) : node]
  }
  const children = 'children' in root ? ((root as Parent).children as Node[]).flatMap(clean) : []
  return { ...root, children } as Parent
}

/**
 * Apply the control comments of a document to its namelint messages. `tree`
 * is the mdast or hast tree of a Markdown or HTML file, undefined for plain
 * text. `file.value` must be the original text. `reportUnused`: report, at
 * that severity, each disable or ignore-next comment that silenced nothing.
 */
export function applyControl(file: VFile, syntax: Syntax, tree: Node | undefined, text: string, reportUnused: Severity = 'off'): void {
  if (!mayHaveDirectives(text)) return
  const control = syntax !== 'text' && tree ? controlTree(tree) : plainTextTree(text)
  const unknown: Node[] = []
  const parsed = (node: Node): { verb: string; ids: string } | undefined => {
    const value = commentValue(node)
    if (value === undefined) return undefined
    const m = DIRECTIVE.exec(value)
    if (!m) {
      if (LOOKS_LIKE_DIRECTIVE.test(value)) unknown.push(node)
      return undefined
    }
    return { verb: m[1] === 'ignore-next' ? 'ignore' : m[1], ids: (m[2] ?? '').replace(/,/g, ' ').trim() }
  }
  // A disable or enable of every rule names them all: unified-message-control 5 reads a bare `disable` as "from here
  // on, all off" and then applies that state to the messages *before* the comment too (its `reset` flag is read
  // after the walk), so one bare disable at the end of a document silenced the whole of it.
  const markerOf = (node: Node, { verb, ids }: { verb: string; ids: string }) =>
    ({ name: 'namelint', attributes: `${verb} ${ids || (verb === 'ignore' ? '' : RULE_IDS.join(' '))}`.trim(), parameters: {}, node }) as unknown as Marker
  const marker = (node: Node): Marker | null => {
    const directive = parsed(node)
    return directive ? markerOf(node, directive) : null
  }
  const unused = reportUnused === 'off' ? [] : unusedDirectives(file, control, parsed, markerOf)
  unknown.length = 0
  const before = new Set(file.messages)
  messageControl(control as never, {
    file,
    marker: marker as never,
    name: 'namelint',
    test: (node: Node) => node.type === 'comment' || node.type === 'html',
    known: [...RULE_IDS],
    source: SOURCE,
  })
  // unified-message-control's own warnings (an unknown rule id): namelint's, rule `control`.
  for (const message of file.messages) {
    if (!before.has(message) && message.source === 'unified-message-control') {
      message.source = SOURCE
      message.ruleId = 'control'
      // Its comment node is no use in reports (and would be printed whole in JSON).
      message.ancestors = undefined
    }
  }
  for (const node of unknown) {
    const message = file.message(`Unknown namelint directive \`${commentValue(node)?.trim()}\` (use namelint-disable, namelint-enable or namelint-ignore-next)`, {
      place: node.position,
      ruleId: 'control',
      source: SOURCE,
    })
    message.fatal = false
  }
  for (const { node, verb, ids } of unused) {
    const what = `namelint-${verb === 'ignore' ? 'ignore-next' : 'disable'}${ids ? ` ${ids}` : ''}`
    const rules = ids ? `${ids.split(/\s+/).join(', ')} ` : ''
    const message = file.message(`Unused \`${what}\` comment: no ${rules}message ${verb === 'ignore' ? 'in the next node' : 'after it'} to silence; remove it`, {
      place: node.position,
      ruleId: 'unused-directive',
      source: SOURCE,
    })
    message.fatal = fatalFor(reportUnused)
  }
}

/**
 * The disable and ignore-next comments that silence no message: each is applied alone (with every enable comment,
 * which ends a disable's reach) to a copy of the messages, and silences nothing there.
 */
function unusedDirectives(
  file: VFile,
  control: Parent,
  parsed: (node: Node) => { verb: string; ids: string } | undefined,
  markerOf: (node: Node, directive: { verb: string; ids: string }) => Marker,
): Array<{ node: Node; verb: string; ids: string }> {
  const directives: Array<{ node: Node; verb: string; ids: string }> = []
  const walk = (node: Node) => {
    const directive = parsed(node)
    if (directive && directive.verb !== 'enable') directives.push({ node, ...directive })
    if ('children' in node) for (const child of (node as Parent).children as Node[]) walk(child)
  }
  walk(control)
  return directives.filter((directive) => {
    const probe = new VFile({ path: file.path, value: file.value })
    probe.messages = [...file.messages]
    messageControl(control as never, {
      file: probe,
      marker: ((node: Node) => {
        if (node === directive.node) return markerOf(node, directive)
        const other = parsed(node)
        return other?.verb === 'enable' ? markerOf(node, other) : null
      }) as never,
      name: 'namelint',
      test: (node: Node) => node.type === 'comment' || node.type === 'html',
      source: SOURCE,
    })
    const kept = new Set(probe.messages)
    return file.messages.every((message) => kept.has(message))
  })
}
