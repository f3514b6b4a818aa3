/** Helpers shared by the machine-readable formats (SARIF, GitHub, LSP). */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'

export type Level = 'error' | 'warning' | 'info'

/** vfile's `fatal`: true error, false warning, undefined (or null) info. */
export function levelOf(message: VFileMessage): Level {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

/** Whether a message is shown: `--quiet` drops info messages. */
export function shown(message: VFileMessage, quiet: boolean | undefined): boolean {
  return !quiet || message.fatal === true || message.fatal === false
}

export interface Point {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
  /** 0-based offset, in UTF-16 code units; undefined when unknown. */
  offset?: number
}

export interface Span {
  start: Point
  end: Point
}

/**
 * A message's span as editors and code hosts count it: a leading byte order
 * mark (which vfile counts as the first character) is not counted, because
 * editors, GitHub and language clients do not show it as part of the text.
 * Undefined when the message has no place.
 */
export function spanOf(file: VFile, message: VFileMessage): Span | undefined {
  const place = message.place
  if (!place) return undefined
  const start = 'start' in place ? place.start : place
  const end = 'start' in place ? place.end : place
  if (typeof start.line !== 'number' || typeof start.column !== 'number') return undefined
  const bom = hasBom(file)
  const fix = (p: { line: number; column: number; offset?: number | undefined }): Point => ({
    line: p.line,
    column: bom && p.line === 1 && p.column > 1 ? p.column - 1 : p.column,
    offset: typeof p.offset === 'number' ? (bom && p.offset > 0 ? p.offset - 1 : p.offset) : undefined,
  })
  return { start: fix(start), end: fix(end && typeof end.line === 'number' ? end : start) }
}

export function hasBom(file: VFile): boolean {
  return typeof file.value === 'string' && file.value.charCodeAt(0) === 0xfeff
}

/** The file's absolute path, or undefined (standard input without --stdin-filename). */
export function absolutePath(file: VFile): string | undefined {
  return file.path ? path.resolve(file.cwd, file.path) : undefined
}

/** The file's path relative to `cwd`, with `/` separators (absolute when outside cwd). */
export function displayPath(file: VFile, cwd: string): string | undefined {
  const absolute = absolutePath(file)
  if (!absolute) return undefined
  const relative = path.relative(cwd, absolute)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/')
  return relative.split(path.sep).join('/')
}

export function fileUri(absolute: string): string {
  return pathToFileURL(absolute).href
}

/** Whether a vfile message is a file-level failure (not found, ignored, unreadable) rather than a lint finding. */
export function isFileFailure(message: VFileMessage): boolean {
  return message.fatal === true && !message.ruleId
}
