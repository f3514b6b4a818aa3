/**
 * The CLI's use of unified-engine, shared by the main thread and the batch
 * workers: finding the files to lint (globs, folders, `.namelintignore`), and
 * linting files or standard input with the configuration cascade.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { glob, hasMagic } from 'glob'
import { engine } from 'unified-engine'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { configTransform, ConfigError, settingsFor, validateConfig, type Overrides } from './config.js'
import { presetPlugins, type NamelintSettings } from './processor.js'
import { RULES } from './rules.js'
import { parseSetting } from './rule.js'
import { DictionaryError } from './dictionary/errors.js'
import { specialFiles, specialFilesInFolders } from './input.js'

/** Extensions of the files namelint looks for in folders and globs. */
export const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm']

export interface LintSettings {
  cwd: string
  overrides: Overrides
  /** Look for `.namelintrc` files and `namelint` fields in package.json. */
  detectConfig: boolean
  /** Honour `.namelintignore` files. */
  detectIgnore: boolean
  /** Drop ignored files that were given by name, instead of reporting them. */
  silentlyIgnore?: boolean
  /** The path standard input is linted as. */
  stdinFilename?: string
}

export type LintInput = { files: Array<string | VFile> } | { stdin: NodeJS.ReadableStream }

export interface EngineResult {
  files: VFile[]
  error?: Error
}

function runEngine(processor: Processor, settings: LintSettings, input: LintInput, options: { detectConfig: boolean; defaultConfig?: unknown; configTransform?: unknown; ignorePatterns?: string[] }): Promise<EngineResult> {
  return new Promise((resolve) => {
    engine(
      {
        processor: processor as never,
        files: 'files' in input ? input.files : [],
        extensions: EXTENSIONS,
        cwd: settings.cwd,
        streamIn: 'stdin' in input ? input.stdin : undefined,
        streamError: new PassThrough(),
        streamOut: new PassThrough(),
        filePath: settings.stdinFilename,
        out: false,
        output: false,
        rcName: '.namelintrc',
        packageField: 'namelint',
        ignoreName: '.namelintignore',
        ignorePatterns: options.ignorePatterns,
        detectConfig: options.detectConfig,
        detectIgnore: settings.detectIgnore,
        configTransform: options.configTransform as never,
        defaultConfig: options.defaultConfig as never,
        reporter: () => '',
        silentlyIgnore: settings.silentlyIgnore ?? false,
        quiet: false,
      },
      (error, _code, context) => {
        resolve({ files: (context?.files ?? []) as VFile[], error: error ?? undefined })
      },
    )
  })
}

/** A unified plugin counting the files that reach the transform stage. */
function progressPlugin(tick: () => void) {
  return function progress() {
    return () => {
      tick()
    }
  }
}

/**
 * The last plugin of the CLI's processor: empties each file's tree once every
 * rule has run. unified-engine keeps every file's tree until the last file of
 * the run is linted (its queue step), and the CLI never stringifies one: an
 * archive of 2,000 articles held 2,000 syntax trees (490 MB) for nothing.
 */
function releaseTree() {
  return (tree: { children?: unknown[] }) => {
    if (Array.isArray(tree.children)) tree.children = []
  }
}

/** The preset's plugins, then `releaseTree`. */
function withRelease(config: { plugins: unknown }): { plugins: unknown } {
  return { ...config, plugins: [...(config.plugins as unknown[]), [releaseTree]] }
}

/**
 * Lint files (paths, globs, or in-memory vfiles) or standard input with the
 * namelint processor and the configuration cascade. Files come back sorted
 * by path (unified-engine's order).
 */
export function lint(settings: LintSettings, input: LintInput, onFile?: () => void): Promise<EngineResult> {
  const { cwd, overrides } = settings
  let processor = unified() as unknown as Processor
  if (onFile) processor = processor.use(progressPlugin(onFile)) as unknown as Processor
  const transform = configTransform(overrides, cwd)
  return runEngine(processor, settings, input, {
    detectConfig: settings.detectConfig,
    configTransform: (raw: unknown, file: string) => withRelease(transform(raw, file)),
    defaultConfig: withRelease({ plugins: presetPlugins(settingsFor(undefined, undefined, overrides, cwd)) }),
  })
}

/**
 * Lint files that were found (and read) already, each as a fresh vfile with
 * the same path and text; returns per input the linted file, or undefined
 * when the engine dropped it (ignored, with `silentlyIgnore`).
 */
export async function lintFiles(settings: LintSettings, inputs: Array<{ path: string; cwd: string; value: string }>, onFile?: () => void): Promise<{ results: Array<VFile | undefined>; error?: Error }> {
  // No files at all would make unified-engine read standard input.
  if (inputs.length === 0) return { results: [] }
  const files = inputs.map((f) => new VFile({ path: f.path, cwd: f.cwd, value: f.value }))
  const result = await lint(settings, { files }, onFile)
  if (result.error) return { results: [], error: result.error }
  // The engine sorts files by path: match them back to the inputs' order.
  const byPath = new Map(result.files.map((file) => [path.resolve(file.cwd, file.path), file]))
  return { results: inputs.map((f) => byPath.get(path.resolve(f.cwd, f.path))) }
}

/** The path and text of a found file, as `lintFiles` and the workers take them. */
export function inputOf(file: VFile): { path: string; cwd: string; value: string } {
  // Absolute: unified-engine makes a given file's path relative to its `cwd`, resolving it from the process's folder.
  return { path: path.resolve(file.cwd, file.path), cwd: file.cwd, value: typeof file.value === 'string' ? file.value : String(file.value ?? '') }
}

/** A processor that reads nothing into a tree: finding files costs no parsing. */
function noop(this: Processor) {
  this.parser = (() => ({ type: 'root', children: [] })) as never
  this.compiler = (() => '') as never
}

/**
 * A plugin for runs whose files need no file-set completers (finding files): it makes unified-engine's file set linear
 * in a large run. The engine's queue step scans every file of the run each time one file reaches it, to see whether
 * all have (and its `add` looks each new file up in a list): quadratic in the files of a run. Finding 2,000 files took
 * 0.7 s, 4,000 1.7 s, 8,000 6.4 s (20,000 would take about 40 s). With no completers to wait for, each file can be let
 * through on its own: the queue is shown no other file, and the added paths are kept in a set (8,000 files: 0.9 s;
 * the whole lint 28 s -> 20 s). Only from `LINEAR_FROM` files: below, the CLI bundle ran slower with it (2,000
 * articles: 7 s -> 8.5 s, more full collections; not so unbundled, and not understood), so smaller runs keep the
 * engine's own way.
 */
function linearFileSet(this: Processor, _options: unknown, fileSet?: { valueOf(): unknown[]; origins?: string[]; expected?: number }) {
  if (!fileSet || patchedFileSets.has(fileSet)) return
  // Every file is added (`expected`) before the first is configured.
  if ((fileSet.expected ?? 0) < LINEAR_FROM) return
  patchedFileSets.add(fileSet)
  fileSet.valueOf = () => []
  if (Array.isArray(fileSet.origins)) {
    const seen = new Set(fileSet.origins)
    const origins = fileSet.origins
    origins.includes = (value: string) => seen.has(value)
    origins.push = (...values: string[]) => {
      for (const value of values) seen.add(value)
      return Array.prototype.push.apply(origins, values)
    }
  }
}
const patchedFileSets = new WeakSet<object>()
/** Runs of this many files or more find them with `linearFileSet`. */
export const LINEAR_FROM = 4000

/**
 * Find the files to lint, as unified-engine does (globs, folders by
 * extension, `.namelintignore`), read them, and return them sorted by path,
 * each once. Files that cannot be linted carry a fatal message (not found,
 * ignored though given by name).
 */
export async function discover(settings: LintSettings, patterns: string[]): Promise<EngineResult> {
  // A named pipe or device given by name would block the read or never end (input.ts).
  const special = specialFiles(settings.cwd, patterns)
  const rest = special.length > 0 ? patterns.filter((p) => !special.some((s) => s.pattern === p)) : patterns
  // (No patterns at all would make unified-engine read standard input.)
  // Pipes, sockets and devices inside the folders searched are skipped (the engine would read them and block).
  const ignorePatterns = specialFilesInFolders(settings.cwd, rest, EXTENSIONS)
  // A file whose name reads as a glob ("notes[draft].txt") is that file, given by name: unified-engine would expand it
  // as a glob, match nothing, and skip it in silence.
  const inputs = rest.map((p) => (isLiteralFile(settings.cwd, p) ? new VFile({ cwd: settings.cwd, path: path.resolve(settings.cwd, p) }) : p))
  const result = rest.length > 0 || special.length === 0 ? await runEngine(unified().use(noop) as unknown as Processor, settings, { files: inputs }, { detectConfig: false, ignorePatterns, defaultConfig: { plugins: [[linearFileSet]] } }) : { files: [] }
  result.files.push(...special.map((s) => s.file))
  const seen = new Set<string>()
  const files: VFile[] = []
  for (const file of result.files) {
    const key = file.path ? `${file.cwd}\0${file.path}` : ''
    if (key && seen.has(key)) continue
    seen.add(key)
    files.push(file)
  }
  return { files, error: result.error }
}

/** Is `pattern` a glob by its characters and yet the name of a file that is there? */
function isLiteralFile(cwd: string, pattern: string): boolean {
  if (!hasMagic(pattern)) return false
  try {
    return fs.statSync(path.resolve(cwd, pattern)).isFile()
  } catch {
    return false
  }
}

/** What `--print-config` shows: the settings that apply to one path, and where they come from. */
export interface ResolvedConfig {
  path: string
  /** The configuration file that applies (nearest wins), or null: the defaults and the command line only. */
  configFile: string | null
  rules: Record<string, { severity: string; options: Record<string, unknown> }>
  dictionaries: string[]
  builtin: boolean
  fixThreshold: number | null
  reportUnusedDirectives: string
}

/**
 * The settings namelint lints `filePath` with (`--print-config`), found by unified-engine's own cascade: the file is
 * run through the engine as an empty text, and the configuration it loads for it is recorded. So what is printed is
 * what a lint of that path uses, never a second reading of the rules for finding configuration files.
 */
export async function resolveConfig(settings: LintSettings, filePath: string): Promise<{ config?: ResolvedConfig; problem?: Error | VFileMessage }> {
  const { cwd, overrides } = settings
  let found: { file: string; settings: NamelintSettings } | undefined
  const transform = configTransform(overrides, cwd)
  const result = await runEngine(unified().use(noop) as unknown as Processor, { ...settings, silentlyIgnore: true }, { files: [new VFile({ cwd, path: path.resolve(cwd, filePath), value: '' })] }, {
    detectConfig: settings.detectConfig,
    configTransform: (raw: unknown, file: string) => {
      const preset = transform(raw, file)
      found = { file, settings: settingsFor(validateConfig(raw, file), file, overrides, cwd) }
      return preset
    },
    defaultConfig: { plugins: [] },
  })
  // A broken configuration surfaces as unified-engine's error or as a fatal message on the file.
  const problem = result.error ?? result.files.flatMap((f) => f.messages).find((m) => m.fatal === true)
  if (problem) return { problem }
  const applied = found?.settings ?? settingsFor(undefined, undefined, overrides, cwd)
  const rules: ResolvedConfig['rules'] = {}
  for (const rule of RULES) {
    const { severity, options } = parseSetting(applied.rules?.[rule.meta.id] as never, rule.meta)
    rules[rule.meta.id] = { severity, options: { ...(rule.defaults as Record<string, unknown>), ...(options as Record<string, unknown>) } }
  }
  return {
    config: {
      path: filePath,
      configFile: found ? path.relative(cwd, found.file) || found.file : null,
      rules,
      dictionaries: (applied.dictionaries ?? []).map((d) => path.relative(cwd, d)),
      builtin: applied.builtin !== false,
      fixThreshold: applied.fixThreshold ?? null,
      reportUnusedDirectives: applied.reportUnusedDirectives ?? 'off',
    },
  }
}

const TO_LINT = EXTENSIONS.map((e) => '.' + e).join(', ')

/** A pattern given to lint that yields no file: a glob that matches nothing or only folders without one, such a folder. */
export interface UnmatchedPattern {
  pattern: string
  reason: string
}

/**
 * The globs and folders among `patterns` that gave none of the `found` files, as ESLint and Prettier report them: a
 * glob that matches nothing is most often a mistake (a typo, a quoted glob in the wrong folder), and linting nothing
 * would pass silently. (A file given by name that does not exist, and an ignored file a glob names, already get a
 * message of their own from unified-engine.)
 */
export async function unmatchedPatterns(cwd: string, patterns: string[], found: VFile[]): Promise<UnmatchedPattern[]> {
  const paths = found.filter((f) => f.path).map((f) => path.resolve(f.cwd, f.path))
  const yields = (target: string) => paths.some((p) => p === target || p.startsWith(target + path.sep))
  const out: UnmatchedPattern[] = []
  for (const pattern of patterns) {
    if (isLiteralFile(cwd, pattern)) continue
    if (hasMagic(pattern)) {
      // Expanded as unified-engine expands it: the same glob, from the same folder.
      const matches = (await glob(pattern, { cwd, absolute: true })).map((m) => path.resolve(m))
      if (matches.length === 0) out.push({ pattern, reason: 'no file or folder matches it' })
      else if (!matches.some(yields)) out.push({ pattern, reason: `it matches no file to lint (${TO_LINT}), only folders without one` })
      continue
    }
    const folder = path.resolve(cwd, pattern)
    let isFolder = false
    try {
      isFolder = fs.statSync(folder).isDirectory()
    } catch {
      // Not found: the file gets its own message.
    }
    if (isFolder && !yields(folder)) out.push({ pattern, reason: `the folder holds no file to lint (${TO_LINT}), or only ignored ones` })
  }
  return out
}

/* ------------------------------------------------------------------------ */
/* Vfiles across threads                                                     */

export interface SerializedMessage {
  [key: string]: unknown
}

export interface SerializedFile {
  messages: SerializedMessage[]
  data: Record<string, unknown>
}

/** Error classes the CLI tells apart (configuration problems exit 2). */
const ERRORS: Record<string, { prototype: Error }> = { ConfigError, DictionaryError }

/** A message as plain data (its own fields; a cause as name, message and stack). */
export function serializeMessage(message: VFileMessage): SerializedMessage {
  const out: SerializedMessage = {}
  for (const [key, value] of Object.entries(message)) {
    if (key === 'ancestors') continue
    if (key === 'cause') {
      out.cause = serializeCause(value)
      continue
    }
    out[key] = value
  }
  return out
}

interface SerializedError {
  error: true
  name: string
  message: string
  stack?: string
  cause?: unknown
}

/** An error (and its causes) as plain data; other values as they are. */
function serializeCause(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value
  const out: SerializedError = { error: true, name: value.name, message: value.message, stack: value.stack }
  if ('cause' in value && value.cause !== undefined && depth < 8) out.cause = serializeCause(value.cause, depth + 1)
  return out
}

function deserializeCause(value: unknown): unknown {
  if (!value || typeof value !== 'object' || (value as SerializedError).error !== true) return value
  const c = value as SerializedError
  // The same class (for instanceof) and the same text, without running its constructor.
  const error: Error = Object.create((ERRORS[c.name] ?? Error).prototype)
  Object.defineProperty(error, 'message', { value: c.message, writable: true, configurable: true })
  error.name = c.name
  if (c.stack !== undefined) error.stack = c.stack
  if (c.cause !== undefined) Object.defineProperty(error, 'cause', { value: deserializeCause(c.cause), writable: true, configurable: true })
  return error
}

export function deserializeMessage(data: SerializedMessage): VFileMessage {
  const message = new VFileMessage(String(data.reason ?? ''))
  for (const [key, value] of Object.entries(data)) {
    ;(message as unknown as Record<string, unknown>)[key] = key === 'cause' ? deserializeCause(value) : value
  }
  return message
}

/** The results of linting a file, for another thread. */
export function serializeFile(file: VFile): SerializedFile {
  const data: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(file.data)) {
    if (key.startsWith('namelint')) data[key] = value
  }
  return { messages: file.messages.map(serializeMessage), data }
}

/** Put the results of linting (from another thread) on a file. */
export function applySerialized(file: VFile, result: SerializedFile): VFile {
  file.messages = result.messages.map(deserializeMessage)
  Object.assign(file.data, result.data)
  return file
}
