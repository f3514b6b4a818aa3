/**
 * Positions: unist points (1-based line and column, plus a 0-based offset in
 * UTF-16 code units, as JavaScript strings count) to LSP positions (0-based
 * line and UTF-16 character). LSP ends lines at "\n", "\r\n" and "\r"; the
 * mapping goes through the offset, so both agree whatever the line endings.
 */
import type { Point, Position as UnistPosition } from 'unist'

export interface LspPosition {
  line: number
  character: number
}

export interface LspRange {
  start: LspPosition
  end: LspPosition
}

export class LineIndex {
  readonly text: string
  /** Offset at which each line starts. */
  private readonly starts: number[]

  constructor(text: string) {
    this.text = text
    const starts = [0]
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++
        starts.push(i + 1)
      } else if (code === 10 /* \n */) {
        starts.push(i + 1)
      }
    }
    this.starts = starts
  }

  get lineCount(): number {
    return this.starts.length
  }

  /** The LSP position of a 0-based UTF-16 offset (clamped to the text). */
  positionAt(offset: number): LspPosition {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.text.length))
    let low = 0
    let high = this.starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.starts[mid] <= clamped) low = mid
      else high = mid - 1
    }
    return { line: low, character: clamped - this.starts[low] }
  }

  /** The offset of an LSP position (a character past the end of its line is clamped to the line end). */
  offsetAt(position: LspPosition): number {
    if (position.line < 0) return 0
    if (position.line >= this.starts.length) return this.text.length
    const start = this.starts[position.line]
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length
    let end = next
    // Do not step onto the line break itself.
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--
    return Math.min(start + Math.max(0, position.character), end)
  }

  /** The LSP position of a unist point: by offset when it has one, else by line and column. */
  pointToPosition(point: Point): LspPosition {
    if (typeof point.offset === 'number') return this.positionAt(point.offset)
    const line = Math.max(0, (point.line ?? 1) - 1)
    return { line, character: Math.max(0, (point.column ?? 1) - 1) }
  }

  /** The LSP range of a vfile message's place (a point, a position, or nothing: the start of the document). */
  placeToRange(place: Point | UnistPosition | null | undefined): LspRange {
    if (!place) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
    if ('start' in place) {
      const start = this.pointToPosition(place.start)
      const end = place.end ? this.pointToPosition(place.end) : start
      return { start, end }
    }
    const at = this.pointToPosition(place)
    return { start: at, end: at }
  }
}

export function comparePositions(a: LspPosition, b: LspPosition): number {
  return a.line - b.line || a.character - b.character
}

/** Do two ranges overlap or touch (an empty range at a boundary counts)? */
export function rangesIntersect(a: LspRange, b: LspRange): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0
}

export function rangeContains(range: LspRange, position: LspPosition): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0
}
