/**
 * What the CLI lints, checked before linting: files that are too large,
 * binary files, UTF-16 files and files that are not valid UTF-8.
 *
 * unified-engine reads every file as UTF-8. That is right for almost every
 * article, and cheap to confirm: a decoded text without U+FFFD and NUL is
 * what the file holds. Only a text with either is looked at again, from its
 * bytes (the file on disk, or the staged blob):
 *
 * - UTF-16 with a byte order mark (LE or BE) is decoded as such (the mark is
 *   kept as U+FEFF, as a UTF-8 file's is) and linted; `--fix` leaves it alone
 *   (it writes UTF-8 only).
 * - A binary file (more than a tenth of its first 64 KiB control bytes or
 *   invalid UTF-8, as images, archives, executables and UTF-16 without a byte
 *   order mark are) is not linted: a fatal message says so.
 * - Other invalid UTF-8 (a Latin-1 or Windows-1252 article) is linted with
 *   the bad bytes read as U+FFFD, and a warning names the first one; `--fix`
 *   leaves the file alone (it would change bytes it did not mean to).
 *
 * A file larger than the limit (10 MiB, or `NAMELINT_MAX_FILE_SIZE` bytes) is
 * not linted either: a fatal message says so. Linting takes about 2 s per MB
 * of news text, and a file that size is an export or a dump, not an article.
 */
import fs from 'node:fs'
import path from 'node:path'
import { VFile } from 'vfile'
import { location } from 'vfile-location'

declare module 'vfile' {
  interface DataMap {
    /** How the file was decoded, when not plain UTF-8. */
    namelintEncoding: 'utf-16le' | 'utf-16be' | 'invalid-utf-8'
    /** The raw bytes of a staged blob (checked and dropped before linting). */
    namelintBytes: Uint8Array
  }
}

/** The default largest file the CLI lints, in bytes. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024

/** How much of a file the binary check samples. */
const SAMPLE = 64 * 1024
/** More than this share of odd bytes in the sample makes a file binary. */
const BINARY_SHARE = 0.1

/** The size limit: `NAMELINT_MAX_FILE_SIZE` (bytes; 0 for none), else the default. */
export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NAMELINT_MAX_FILE_SIZE?.trim()
  if (!raw) return DEFAULT_MAX_FILE_BYTES
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < 0) return DEFAULT_MAX_FILE_BYTES
  return n === 0 ? Infinity : n
}

/** A size for people: bytes, KB or MB (of 1024). */
function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB']
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${unit}`
}

/** Whether `bytes[i..]` starts a valid UTF-8 sequence; its length, or 0. */
function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]
  if (b < 0x80) return 1
  let n: number
  let min: number
  if (b >= 0xc2 && b <= 0xdf) {
    n = 2
    min = 0x80
  } else if (b >= 0xe0 && b <= 0xef) {
    n = 3
    min = 0x800
  } else if (b >= 0xf0 && b <= 0xf4) {
    n = 4
    min = 0x10000
  } else return 0
  if (i + n > bytes.length) return 0
  let cp = b & (0xff >> (n + 1))
  for (let k = 1; k < n; k++) {
    const c = bytes[i + k]
    if ((c & 0xc0) !== 0x80) return 0
    cp = (cp << 6) | (c & 0x3f)
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0
  return n
}

/** Control bytes that have no place in text (tab, line breaks, form feed and escape do). */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b
}

export interface ByteSurvey {
  /** Bytes that are NUL, other control bytes, or not part of valid UTF-8, in the first `SAMPLE` bytes. */
  odd: number
  sampled: number
  /** Index of the first byte that is not valid UTF-8 (anywhere), or -1. */
  firstInvalid: number
  /** Bytes that are not valid UTF-8 (anywhere). */
  invalid: number
  /** NUL bytes at even and odd indexes in the sample (UTF-16 without a byte order mark has many at one parity). */
  nulEven: number
  nulOdd: number
}

export function surveyBytes(bytes: Uint8Array): ByteSurvey {
  const survey: ByteSurvey = { odd: 0, sampled: Math.min(bytes.length, SAMPLE), firstInvalid: -1, invalid: 0, nulEven: 0, nulOdd: 0 }
  let i = 0
  while (i < bytes.length) {
    const n = utf8Length(bytes, i)
    if (n === 0) {
      if (survey.firstInvalid < 0) survey.firstInvalid = i
      survey.invalid++
      if (i < SAMPLE) survey.odd++
      i++
      continue
    }
    if (n === 1 && i < SAMPLE && isControl(bytes[i])) {
      survey.odd++
      if (bytes[i] === 0) {
        if (i % 2 === 0) survey.nulEven++
        else survey.nulOdd++
      }
    }
    i += n
  }
  return survey
}

export type Screened =
  | { kind: 'text'; text: string; encoding?: 'utf-16le' | 'utf-16be' }
  | { kind: 'invalid-utf-8'; text: string; invalid: number; firstOffset: number }
  | { kind: 'binary'; reason: string }

/** Decide how to read a file's bytes (see the module comment). */
export function decodeBytes(bytes: Uint8Array): Screened {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16le' }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: 'text', text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes), encoding: 'utf-16be' }
  const survey = surveyBytes(bytes)
  if (survey.sampled > 0 && survey.odd > survey.sampled * BINARY_SHARE) {
    const half = survey.sampled / 2
    const utf16 = Math.max(survey.nulEven, survey.nulOdd) > half * 0.3 && Math.min(survey.nulEven, survey.nulOdd) < half * 0.02
    return {
      kind: 'binary',
      reason: utf16
        ? 'not linted: the file looks like UTF-16 without a byte order mark; save it as UTF-8 (or UTF-16 with a byte order mark)'
        : `not linted: binary file (${Math.round((survey.odd / survey.sampled) * 100)}% of its first ${survey.sampled === SAMPLE ? '64 KiB' : `${survey.sampled} bytes`} are control bytes or invalid UTF-8); namelint lints UTF-8 or UTF-16 text`,
    }
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const text = decoder.decode(bytes)
  if (survey.invalid === 0) return { kind: 'text', text }
  return { kind: 'invalid-utf-8', text, invalid: survey.invalid, firstOffset: decoder.decode(bytes.subarray(0, survey.firstInvalid)).length }
}

function fail(file: VFile, reason: string): void {
  const message = file.message(reason)
  message.fatal = true
  message.source = 'namelint'
  // Nothing to lint or fix: let the text go (a 50 MB file need not stay in memory).
  file.value = ''
}

/** Notes for a file's report, by file: made when it is screened, added to the linted result. */
const notes = new WeakMap<VFile, Array<{ reason: string; line: number; column: number; offset: number }>>()

/**
 * Check a file found for linting (its value read as UTF-8 by unified-engine,
 * or a staged blob's text with its bytes in `data.namelintBytes`): too large
 * and binary files get a fatal message and are not linted; UTF-16 files get
 * their text decoded; invalid UTF-8 gets a note for the report.
 */
export function screenFile(file: VFile, limit = maxFileBytes()): VFile {
  const given = file.data.namelintBytes
  delete file.data.namelintBytes
  const failure = file.messages.find((m) => m.fatal === true && !m.ruleId)
  if (failure) {
    // A file found but not read (unreadable, or deleted since): say so plainly, without the stack trace.
    const cause = failure.cause
    if (cause instanceof Error && typeof (cause as NodeJS.ErrnoException).code === 'string') {
      failure.reason = failure.message = `not linted: cannot read the file (${String(cause.message)})`
      failure.cause = undefined
      failure.stack = ''
      failure.source = 'namelint'
    }
    return file
  }
  if (file.value === undefined || file.value === null) return file
  const value = file.value
  const size = typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.byteLength
  // The bytes, when they came with the file (a staged blob); else read again below, only when needed.
  let bytes: Uint8Array | undefined = given ?? (typeof value === 'string' ? undefined : value)
  if (size > limit || (bytes && bytes.byteLength > limit)) {
    fail(file, `not linted: the file is too large (${sizeText(Math.max(size, bytes?.byteLength ?? 0))}; the limit is ${sizeText(limit)}): split it, or raise the limit with NAMELINT_MAX_FILE_SIZE=<bytes>`)
    return file
  }
  if (!bytes) {
    // Read as UTF-8 without a replacement character or NUL: what the file holds.
    if (!(value as string).includes('\uFFFD') && !(value as string).includes('\u0000')) return file
    try {
      bytes = fs.readFileSync(path.resolve(file.cwd, file.path))
    } catch {
      // Gone or unreadable since it was read: lint the text that was read.
      return file
    }
    if (bytes.byteLength > limit) {
      fail(file, `not linted: the file is too large (${sizeText(bytes.byteLength)}; the limit is ${sizeText(limit)}): split it, or raise the limit with NAMELINT_MAX_FILE_SIZE=<bytes>`)
      return file
    }
  }
  const screened = decodeBytes(bytes)
  if (screened.kind === 'binary') {
    fail(file, screened.reason)
    return file
  }
  file.value = screened.text
  if (screened.kind === 'text') {
    if (screened.encoding) file.data.namelintEncoding = screened.encoding
    return file
  }
  file.data.namelintEncoding = 'invalid-utf-8'
  // Line and column as vfile-location counts them (CR, LF and CRLF end a line), like every other place.
  const point = location(screened.text).toPoint(screened.firstOffset) ?? { line: 1, column: 1 }
  const at = { line: point.line, column: point.column }
  notes.set(file, [
    {
      reason: `${screened.invalid} byte${screened.invalid === 1 ? ' is' : 's are'} not valid UTF-8 (the first here), read as U+FFFD; --fix leaves the file alone: save it as UTF-8`,
      ...at,
      offset: screened.firstOffset,
    },
  ])
  return file
}

/** `screenFile` for each file (in place); returns the same list. */
export function screenFiles(files: VFile[], limit = maxFileBytes()): VFile[] {
  for (const file of files) screenFile(file, limit)
  return files
}

/** Put what screening `input` found (its encoding; invalid UTF-8, as a warning) on its linted result `result`. */
export function carryNotes(input: VFile, result: VFile): VFile {
  if (input.data.namelintEncoding) result.data.namelintEncoding = input.data.namelintEncoding
  const list = notes.get(input)
  if (!list) return result
  for (const note of list) {
    const point = { line: note.line, column: note.column, offset: note.offset }
    const message = result.message(note.reason, { place: point })
    message.fatal = false
    message.source = 'namelint'
  }
  return result
}

/** A path as a gitignore pattern matching just it, from the folder the patterns are read in. */
function literalPattern(relative: string): string {
  return '/' + relative.split(path.sep).join('/').replace(/[\\*?[\]!#]/g, '\\$&').replace(/ $/, '\\ ')
}

/**
 * Named pipes, sockets and devices with a lintable extension inside the
 * folders given to lint, as ignore patterns: unified-engine would read them
 * like files, and a pipe's read blocks until a writer comes (forever, in an
 * archive folder). Folders named node_modules and .git are not searched (the
 * engine skips the first; nothing lintable lives in the second).
 */
export function specialFilesInFolders(cwd: string, patterns: string[], extensions: string[]): string[] {
  const out: string[] = []
  const walk = (folder: string) => {
    let entries: fs.Dirent[]
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full)
      } else if (!entry.isFile() && !entry.isSymbolicLink() && extensions.includes(path.extname(entry.name).slice(1)) && !entry.name.includes('\n')) {
        out.push(literalPattern(path.relative(cwd, full)))
      }
    }
  }
  for (const pattern of patterns) {
    const folder = path.resolve(cwd, pattern)
    try {
      if (fs.statSync(folder).isDirectory()) walk(folder)
    } catch {
      // Not a folder (a file, a glob, nothing): the engine deals with it.
    }
  }
  return out
}

/**
 * Paths given to lint that are neither a regular file nor a folder (a named
 * pipe, a socket, a device): reading one would block until a writer comes,
 * or never end. Each gets a file with a fatal message instead. (Inside a
 * searched folder they are skipped: `specialFilesInFolders`.)
 */
export function specialFiles(cwd: string, patterns: string[]): Array<{ pattern: string; file: VFile }> {
  const out: Array<{ pattern: string; file: VFile }> = []
  for (const pattern of patterns) {
    let stats: fs.Stats
    try {
      stats = fs.statSync(path.resolve(cwd, pattern))
    } catch {
      continue
    }
    if (stats.isFile() || stats.isDirectory()) continue
    const kind = stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'something else'
    const file = new VFile({ cwd, path: pattern })
    const message = file.message(`not linted: ${kind}, not a regular file`)
    message.fatal = true
    message.source = 'namelint'
    out.push({ pattern, file })
  }
  return out
}
