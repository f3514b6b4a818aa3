/**
 * Fixes: replace the span of each fixable message with its best suggestion.
 *
 * A message is fixable when it has `actual`, a non-empty `expected`, a place
 * with start and end offsets, the text at that span is exactly `actual`, and its
 * confidence (`data.confidence`, 1 when absent) reaches the threshold.
 * Fixes work on the exact original string: nothing outside the fixed spans
 * changes, so a byte order mark, CRLF line endings, trailing whitespace and
 * the rest of the text stay as they were.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { VFileMessage } from 'vfile-message'

export const DEFAULT_FIX_THRESHOLD = 0.7

export interface FixOptions {
  /** Minimum confidence (0..1) of a message to fix it; default 0.7. */
  threshold?: number
}

/** The parts of a vfile message fixing reads (a `VFileMessage` has them all). */
export interface FixableMessageLike {
  actual?: string | null
  expected?: string[] | null
  place?: VFileMessage['place']
  data?: unknown
}

export interface Fix<M extends FixableMessageLike = VFileMessage> {
  message: M
  /** Offsets of the replaced span in the original text. */
  start: number
  end: number
  actual: string
  replacement: string
}

export interface SkippedFix<M extends FixableMessageLike = VFileMessage> {
  message: M
  reason: 'low-confidence' | 'overlap'
}

export interface FixResult<M extends FixableMessageLike = VFileMessage> {
  /** The fixed text (the input itself when nothing was fixed). */
  output: string
  /** Fixes applied, in text order. */
  applied: Fix<M>[]
  /** Fixable messages that were not applied, and why. */
  skipped: SkippedFix<M>[]
}

/** Confidence of a message: `data.confidence` when it is a number, else 1. */
export function confidenceOf(message: FixableMessageLike): number {
  const data = message.data
  if (data && typeof data === 'object' && 'confidence' in data) {
    const value = (data as { confidence?: unknown }).confidence
    if (typeof value === 'number' && Number.isFinite(value)) return value
  }
  return 1
}

/** The span and replacement of a message, when it can be fixed in `text` at all (ignoring confidence). */
export function fixFor<M extends FixableMessageLike>(text: string, message: M): Fix<M> | undefined {
  const { actual, expected, place } = message
  if (typeof actual !== 'string' || actual === '') return undefined
  if (!Array.isArray(expected) || typeof expected[0] !== 'string' || expected[0] === '') return undefined
  if (!place || !('start' in place) || !place.end) return undefined
  const start = place.start.offset
  const end = place.end.offset
  if (typeof start !== 'number' || typeof end !== 'number') return undefined
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end - start !== actual.length) return undefined
  if (text.slice(start, end) !== actual) return undefined
  const replacement = keepWhitespace(actual, expected[0])
  if (replacement === actual) return undefined
  return { message, start, end, actual, replacement }
}

/**
 * When `actual` and `replacement` have the same number of words, keep the
 * whitespace between the words of `actual` ("Angela   Merkle" -> "Angela   Merkel",
 * a name wrapped over a CRLF line break keeps the CRLF). Otherwise the replacement as is.
 */
export function keepWhitespace(actual: string, replacement: string): string {
  const actualParts = actual.split(/(\s+)/)
  const replacementParts = replacement.split(/(\s+)/)
  if (actualParts.length !== replacementParts.length || actualParts.length === 1) return replacement
  // Leading or trailing whitespace in either: leave the replacement alone.
  if (actualParts[0] === '' || replacementParts[0] === '' || actualParts.at(-1) === '' || replacementParts.at(-1) === '') return replacement
  return replacementParts.map((part, i) => (i % 2 === 1 ? actualParts[i] : part)).join('')
}

/**
 * Apply the fixable messages at or above the confidence threshold to `text`.
 * Fixes are taken in text order (for the same start: higher confidence, then
 * longer span, then message order); a fix overlapping one already taken is
 * skipped.
 */
export function applyFixes<M extends FixableMessageLike>(text: string, messages: readonly M[], options: FixOptions = {}): FixResult<M> {
  const threshold = options.threshold ?? DEFAULT_FIX_THRESHOLD
  const candidates: Fix<M>[] = []
  const skipped: SkippedFix<M>[] = []
  for (const message of messages) {
    const fix = fixFor(text, message)
    if (!fix) continue
    if (!(confidenceOf(message) >= threshold)) {
      skipped.push({ message, reason: 'low-confidence' })
      continue
    }
    candidates.push(fix)
  }
  // Text order; for spans starting at the same place the more confident, then
  // the longer one first; then message order (the sort is stable).
  candidates.sort((a, b) => a.start - b.start || confidenceOf(b.message) - confidenceOf(a.message) || b.end - a.end)
  const applied: Fix<M>[] = []
  let lastEnd = -1
  for (const fix of candidates) {
    if (fix.start < lastEnd) {
      skipped.push({ message: fix.message, reason: 'overlap' })
      continue
    }
    applied.push(fix)
    lastEnd = fix.end
  }
  if (applied.length === 0) return { output: text, applied, skipped }
  let output = ''
  let cursor = 0
  for (const fix of applied) {
    output += text.slice(cursor, fix.start) + fix.replacement
    cursor = fix.end
  }
  output += text.slice(cursor)
  return { output, applied, skipped }
}

/** Files `writeFileAtomic` has written in this process. */
let written = 0

/**
 * Make a folder and the folders above it that are missing, one by one (`mkdirSync` with `recursive` loops forever
 * on some paths it cannot make, such as one under /proc, in Node 20).
 */
export function makeFolders(folder: string): void {
  const missing: string[] = []
  for (let dir = path.resolve(folder); !fs.existsSync(dir); dir = path.dirname(dir)) {
    missing.push(dir)
    if (path.dirname(dir) === dir) break
  }
  for (const dir of missing.reverse()) fs.mkdirSync(dir)
}

/**
 * Write `text` (UTF-8) to `file` atomically: write a temporary file in the same
 * folder, fsync it, give it the original's mode (and owner, when allowed), and
 * rename it over the original. A symbolic link is followed, so the link stays
 * a link and its target gets the new content.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  let target = path.resolve(file)
  try {
    target = fs.realpathSync(target)
  } catch {
    // A file that does not exist yet: write it where asked.
  }
  let stats: fs.Stats | undefined
  try {
    stats = fs.statSync(target)
  } catch {
    stats = undefined
  }
  const folder = path.dirname(target)
  const temp = path.join(folder, `.${path.basename(target)}.namelint-${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
  let fd: number | undefined
  try {
    fd = fs.openSync(temp, 'wx', stats ? stats.mode & 0o7777 : 0o666)
    fs.writeFileSync(fd, text)
    if (stats) {
      // `open` applies the umask: set the mode (and owner) exactly.
      fs.fchmodSync(fd, stats.mode & 0o7777)
      if (typeof process.getuid === 'function' && (stats.uid !== process.getuid() || (typeof process.getgid === 'function' && stats.gid !== process.getgid()))) {
        try {
          fs.fchownSync(fd, stats.uid, stats.gid)
        } catch {
          // Not allowed to give the file away: keep our ownership.
        }
      }
    }
    fs.fsyncSync(fd)
    fs.closeSync(fd)
    fd = undefined
    fs.renameSync(temp, target)
    written++
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd)
      } catch {
        // Already failing.
      }
    }
    try {
      fs.unlinkSync(temp)
    } catch {
      // Never created or already renamed.
    }
    throw error
  }
  // Make the rename itself durable; not possible on every platform.
  try {
    const dir = fs.openSync(folder, 'r')
    try {
      fs.fsyncSync(dir)
    } finally {
      fs.closeSync(dir)
    }
  } catch {
    // Windows and some file systems cannot fsync a folder.
  }
}

/**
 * Handle SIGINT and SIGTERM in JavaScript, then end by the same signal,
 * instead of being killed wherever the process is.
 * `writeFileAtomic` is synchronous from the temporary file to the rename, and
 * a handler only runs between two pieces of JavaScript, so an interrupted
 * `--fix` stops between two files: each file is either as it was or fully
 * fixed, and no temporary file is left behind. (SIGKILL and power loss cannot
 * be caught: they may leave a `.NAME.namelint-*.tmp` file, never a
 * half-written NAME.) Installed for `--fix` only: a handler also undoes a
 * signal's being ignored (a background job of a script ignores SIGINT).
 */
export function exitBetweenWrites(log: (text: string) => void = (text) => process.stderr.write(text)): void {
  // Not SIGHUP: a handler would undo `nohup`, which ignores it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`namelint: interrupted (${signal})${written > 0 ? `; ${written} file${written === 1 ? '' : 's'} written, each completely; the others are unchanged` : ''}\n`)
      // The signal again, now with its default action: the process ends at once, with the status a
      // shell expects (130 for Ctrl-C). process.exit would wait for a read blocked in the thread pool.
      process.kill(process.pid, signal)
    })
  }
}

/**
 * Read a file for fixing: its text when it is valid UTF-8 (a BOM is kept as
 * U+FEFF), or undefined when decoding and re-encoding would change its bytes
 * (another encoding, invalid sequences), which fixing must not do.
 */
export function readUtf8Exact(file: string): string | undefined {
  const bytes = fs.readFileSync(file)
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined
}

/* ------------------------------------------------------------------------ */
/* Unified diff (for --fix-dry-run)                                           */

/**
 * Split text into lines at `\n`, each keeping its ending (`\n` or `\r\n`), as
 * diff and patch tools do: a lone `\r` stays inside its line.
 */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? []
}

type Edit = { kind: ' ' | '-' | '+'; line: string }

/** Myers' O(ND) line diff: the shortest edit script from `a` to `b`. */
function diffLines(a: string[], b: string[]): Edit[] {
  // Trim the common head and tail first: fixes touch few lines.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const A = a.slice(head, a.length - tail)
  const B = b.slice(head, b.length - tail)
  const n = A.length
  const m = B.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = n === 0 && m === 0
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && A[x] === B[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
  }
  // Walk back through the trace.
  const middle: Edit[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d]
    const k = x - y
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1
    const prevX = d === 0 ? 0 : vd[offset + prevK]
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      middle.push({ kind: ' ', line: A[--x] })
      y--
    }
    if (d === 0) break
    if (x === prevX) middle.push({ kind: '+', line: B[--y] })
    else middle.push({ kind: '-', line: A[--x] })
  }
  while (x > 0 && y > 0) {
    middle.push({ kind: ' ', line: A[--x] })
    y--
  }
  middle.reverse()
  return [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ]
}

/**
 * A unified diff of `before` -> `after` with git-style `a/` and `b/` headers
 * (apply with `git apply` or `patch -p1`). Empty when nothing changed. Lines
 * are printed byte for byte, so CRLF line endings appear as they are.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  if (before === after) return ''
  const name = file.split(path.sep).join('/')
  const edits = diffLines(splitLines(before), splitLines(after))
  const changed = edits.map((e, i) => (e.kind === ' ' ? -1 : i)).filter((i) => i >= 0)
  // Group changes whose context windows touch into hunks.
  const groups: Array<[number, number]> = []
  for (const i of changed) {
    const last = groups.at(-1)
    if (last && i - last[1] <= 2 * context + 1) last[1] = i
    else groups.push([i, i])
  }
  // Line numbers in a and b before each edit.
  const aLine: number[] = []
  const bLine: number[] = []
  let ai = 0
  let bi = 0
  for (const e of edits) {
    aLine.push(ai)
    bLine.push(bi)
    if (e.kind !== '+') ai++
    if (e.kind !== '-') bi++
  }
  let out = `--- a/${name}\n+++ b/${name}\n`
  for (const [first, last] of groups) {
    const from = Math.max(0, first - context)
    const to = Math.min(edits.length - 1, last + context)
    let aCount = 0
    let bCount = 0
    let body = ''
    for (let i = from; i <= to; i++) {
      const e = edits[i]
      if (e.kind !== '+') aCount++
      if (e.kind !== '-') bCount++
      body += e.kind + e.line
      if (!e.line.endsWith('\n')) body += '\n\\ No newline at end of file\n'
    }
    const aStart = aCount === 0 ? aLine[from] : aLine[from] + 1
    const bStart = bCount === 0 ? bLine[from] : bLine[from] + 1
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n${body}`
  }
  return out
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`
}
