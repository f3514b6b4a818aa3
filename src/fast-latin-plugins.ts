/**
 * parse-latin 7.0.0's tree transforms (lib/plugin/*.js, MIT, © Titus Wormer),
 * as plain loops. The originals run through unist-util-modify-children and
 * array-iterate, two extra calls per node per transform over every token of
 * the document; these do the same steps in the same order, including where
 * the iteration goes next, so the trees are the same object for object.
 */
import type { Point } from 'unist'
import { numerical, terminalMarker, wordSymbolInner } from './latin-expressions.js'

interface Position {
  start: Point
  end: Point
}
interface Node {
  type: string
  value?: string
  children: Node[]
  position?: Position
}
type Transform = (parent: Node) => void

/** nlcst-to-string's `toString`. */
function text(node: Node): string {
  if ('value' in node) return node.value as string
  const children = node.children || []
  let out = ''
  for (let index = 0; index < children.length; index++) {
    const value = text(children[index])
    if (value != null) out += value
  }
  return out
}

/** Where array-iterate goes after a transform returns `index`: there (a negative one is the start). */
function next(index: number): number {
  return (index < 0 ? 0 : index) - 1
}

function isSymbol(node: Node): boolean {
  return node.type === 'SymbolNode' || node.type === 'PunctuationNode'
}

// Sentence transforms.

export const mergeInitialWordSymbol: Transform = (parent) => {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!isSymbol(child) || text(child) !== '&') continue
    const following = children[index + 1]
    if ((index > 0 && children[index - 1].type === 'WordNode') || !(following && following.type === 'WordNode')) continue
    children.splice(index, 1)
    following.children.unshift(child)
    if (following.position && child.position) following.position.start = child.position.start
    index = next(index - 1)
  }
}

export const mergeFinalWordSymbol: Transform = (parent) => {
  const children = parent.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!(index > 0 && isSymbol(child) && text(child) === '-')) continue
    const previous = children[index - 1]
    const following = children[index + 1]
    if ((!following || following.type !== 'WordNode') && previous && previous.type === 'WordNode') {
      children.splice(index, 1)
      previous.children.push(child)
      if (previous.position && child.position) previous.position.end = child.position.end
      index = next(index)
    }
  }
}

export const mergeInnerWordSymbol: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (!(index > 0 && isSymbol(child))) continue
    const previous = siblings[index - 1]
    if (!(previous && previous.type === 'WordNode')) continue
    let position = index - 1
    const tokens: Node[] = []
    let queue: Node[] = []
    while (siblings[++position]) {
      const sibling = siblings[position]
      if (sibling.type === 'WordNode') {
        tokens.push(...queue, ...sibling.children)
        queue = []
      } else if (isSymbol(sibling) && wordSymbolInner.test(text(sibling))) {
        queue.push(sibling)
      } else {
        break
      }
    }
    if (tokens.length > 0) {
      if (queue.length > 0) position -= queue.length
      siblings.splice(index, position - index)
      previous.children.push(...tokens)
      const last = tokens[tokens.length - 1]
      if (previous.position && last.position) previous.position.end = last.position.end
      index = next(index)
    }
  }
}

export const mergeInnerWordSlash: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    const previous = siblings[index - 1]
    if (!(previous && previous.type === 'WordNode' && isSymbol(child) && text(child) === '/')) continue
    const previousValue = text(previous)
    let tail = child
    const queue = [child]
    let count = 1
    let nextValue = ''
    const following = siblings[index + 1]
    if (following && following.type === 'WordNode') {
      nextValue = text(following)
      tail = following
      queue.push(...following.children)
      count++
    }
    if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
      previous.children.push(...queue)
      siblings.splice(index, count)
      if (previous.position && tail.position) previous.position.end = tail.position.end
      index = next(index)
    }
  }
}

export const mergeInitialisms: Transform = (parent) => {
  const children = parent.children
  loop: for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!(index > 0 && child.type === 'PunctuationNode' && text(child) === '.')) continue
    const previous = children[index - 1]
    if (!(previous.type === 'WordNode' && previous.children && previous.children.length !== 1 && previous.children.length % 2 !== 0)) continue
    let position = previous.children.length
    let isAllDigits = true
    while (previous.children[--position]) {
      const value = text(previous.children[position])
      if (position % 2 === 0) {
        // Initialisms consist of one character values.
        if (value.length > 1) continue loop
        if (!numerical.test(value)) isAllDigits = false
      } else if (value !== '.') {
        if (position < previous.children.length - 2) break
        else continue loop
      }
    }
    if (!isAllDigits) {
      children.splice(index, 1)
      previous.children.push(child)
      if (previous.position && child.position) previous.position.end = child.position.end
      index = next(index)
    }
  }
}

// Paragraph and root transforms.

/** Two or more line breaks (CRLF, CR or LF): `split(/\r\n|\r|\n/).length >= 3`. */
function twoLineBreaks(value: string): boolean {
  let breaks = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 13) {
      if (value.charCodeAt(index + 1) === 10) index++
    } else if (code !== 10) continue
    if (++breaks === 2) return true
  }
  return false
}

export const breakImplicitSentences: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (child.type !== 'SentenceNode') continue
    const children = child.children
    let position = 0
    while (++position < children.length - 1) {
      const node = children[position]
      if (node.type !== 'WhiteSpaceNode' || !twoLineBreaks(text(node))) continue
      child.children = children.slice(0, position)
      const insertion: Node = { type: 'SentenceNode', children: children.slice(position + 1) }
      const tail = children[position - 1]
      const head = children[position + 1]
      parent.children.splice(index + 1, 0, node, insertion)
      if (child.position && tail.position && head.position) {
        const end = child.position.end
        child.position.end = tail.position.end
        insertion.position = { start: head.position.start, end }
      }
      index = next(index + 1)
      break
    }
  }
}

export const mergeRemainingFullStops: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (!('children' in child)) continue
    let position = child.children.length
    let hasFoundDelimiter = false
    while (child.children[--position]) {
      const grandchild = child.children[position]
      if (!isSymbol(grandchild)) {
        // A sentence without terminal marker: as if one was found.
        if (grandchild.type === 'WordNode') hasFoundDelimiter = true
        continue
      }
      if (!terminalMarker.test(text(grandchild))) continue
      // The last terminal marker stays.
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true
        continue
      }
      if (text(grandchild) !== '.') continue
      const previous = child.children[position - 1]
      const following = child.children[position + 1]
      if (previous && previous.type === 'WordNode') {
        const nextNext = child.children[position + 2]
        // `{.} .`
        if (following && nextNext && following.type === 'WhiteSpaceNode' && text(nextNext) === '.') continue
        child.children.splice(position, 1)
        previous.children.push(grandchild)
        if (grandchild.position && previous.position) previous.position.end = grandchild.position.end
        position--
      } else if (following && following.type === 'WordNode') {
        child.children.splice(position, 1)
        following.children.unshift(grandchild)
        if (grandchild.position && following.position) following.position.start = grandchild.position.start
      }
    }
  }
}

export const makeInitialWhiteSpaceSiblings: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (!('children' in child && child.children)) continue
    const head = child.children[0]
    if (head && head.type === 'WhiteSpaceNode') {
      child.children.shift()
      parent.children.splice(index, 0, head)
      const following = child.children[0]
      if (following && following.position && child.position) child.position.start = following.position.start
    }
  }
}

export const makeFinalWhiteSpaceSiblings: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if (!('children' in child)) continue
    const tail = child.children[child.children.length - 1]
    if (tail && tail.type === 'WhiteSpaceNode') {
      child.children.pop()
      parent.children.splice(index + 1, 0, tail)
      const previous = child.children[child.children.length - 1]
      if (previous && previous.position && child.position) child.position.end = previous.position.end
      index = next(index)
    }
  }
}

export const removeEmptyNodes: Transform = (parent) => {
  const siblings = parent.children
  for (let index = 0; index < siblings.length; index++) {
    const child = siblings[index]
    if ('children' in child && child.children.length === 0) {
      parent.children.splice(index, 1)
      index = next(index)
    }
  }
}

/** patchPosition: only the first and the last child can set the parent's start and end. */
export const patchPosition: Transform = (node) => {
  const siblings = node.children
  if (siblings.length > 0) patch(node, siblings[0], 0)
  if (siblings.length > 1) patch(node, siblings[siblings.length - 1], siblings.length - 1)
}

function patch(node: Node, child: Node, index: number) {
  const siblings = node.children
  if (child.position && index < 1 && (!node.position || !node.position.start)) {
    if (!node.position) node.position = {} as Position
    node.position.start = child.position.start
  }
  if (child.position && index === siblings.length - 1 && (!node.position || !node.position.end)) {
    if (!node.position) node.position = {} as Position
    node.position.end = child.position.end
  }
}
