/**
 * `--cache`: the results of files that have not changed since the last run,
 * kept in one file (`.namelintcache`, or `--cache-location`), as ESLint,
 * Prettier and cspell keep theirs. A file's result is reused only when all
 * that made it is as it was:
 *
 * - the file's text (a hash of it);
 * - the configuration that may apply to it: every `.namelintrc*` file and
 *   the `namelint` field of every package.json from its folder up (more
 *   than the nearest one that wins: a safe over-approximation), and the
 *   dictionaries those name (their contents);
 * - the command line: rule severities, dictionaries, `--no-builtin`,
 *   `--no-config`;
 * - namelint itself: its version, its code and its compiled dictionaries
 *   (their contents), so an upgrade or a change of code starts afresh,
 *   while a fresh checkout and build of the same code keeps the cache.
 *
 * Anything else is linted again. A folder whose configuration is a script
 * (`.namelintrc.js`) is never cached: what it loads cannot be known. A
 * result with a fatal message (a broken configuration, an unreadable file)
 * is not kept. A missing, unreadable or outdated cache file is no error: the
 * run lints everything and writes a new one.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { parse as parseYaml } from 'yaml'
import type { Overrides } from './config.js'
import { COMPILED_DIR, PACKAGE_ROOT } from './dictionary/paths.js'
import { applySerialized, serializeFile, type SerializedFile } from './engine.js'
import { makeFolders, writeFileAtomic } from './fix.js'

/** The default name of the cache file (in the working folder, or in a folder given as `--cache-location`). */
export const CACHE_FILE = '.namelintcache'
/** Bumped when what a cache file holds changes shape. */
const FORMAT = 1
const DATA_CONFIGS = ['.namelintrc', '.namelintrc.json', '.namelintrc.yaml', '.namelintrc.yml']
const SCRIPT_CONFIGS = ['.namelintrc.js', '.namelintrc.cjs', '.namelintrc.mjs']

interface Entry {
  /** Hash of the text linted. */
  text: string
  /** Hash of the configuration that applied. */
  config: string
  result: SerializedFile
}

interface CacheFile {
  format: number
  /** Hash of namelint's version, code and compiled data, and of the command line's settings. */
  run: string
  /** By path, relative to the cache file's folder (so that a CI cache survives a new checkout path). */
  files: Record<string, Entry>
}

export interface CacheSettings {
  cwd: string
  overrides: Overrides
  detectConfig: boolean
}

const hash = (value: string): string => createHash('sha1').update(value).digest('hex')

/**
 * A hash of a file's bytes, or "-" when it is not there. Contents, not modification times: a CI checkout and
 * `npm ci` write every file anew, and a cache keyed by times would start afresh on every run.
 */
function contentKey(file: string): string {
  try {
    return createHash('sha1').update(fs.readFileSync(file)).digest('hex')
  } catch {
    return '-'
  }
}

/** namelint itself: version, this code (the module or bundle running), the compiled dictionaries (about 30 ms). */
function buildKey(): string {
  const parts = [fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'), contentKey(fileURLToPath(import.meta.url))]
  try {
    for (const name of fs.readdirSync(COMPILED_DIR).sort()) parts.push(`${name}=${contentKey(path.join(COMPILED_DIR, name))}`)
  } catch {
    parts.push('no compiled data')
  }
  return hash(parts.join('\n'))
}

/** Resolve `--cache-location`: a folder (existing, or written with a trailing slash) holds a `.namelintcache`. */
export function cacheFileFor(cwd: string, location: string | undefined): string {
  if (!location) return path.join(cwd, CACHE_FILE)
  const resolved = path.resolve(cwd, location)
  if (/[\\/]$/.test(location)) return path.join(resolved, CACHE_FILE)
  try {
    if (fs.statSync(resolved).isDirectory()) return path.join(resolved, CACHE_FILE)
  } catch {
    // Not there yet: a file of that name.
  }
  return resolved
}

export class LintCache {
  private readonly folder: string
  private readonly files: Map<string, Entry>
  /** Configuration hash by folder (null: a script configuration, never cached). */
  private readonly folderKeys = new Map<string, string | null>()
  private changed = false

  private constructor(
    readonly location: string,
    private readonly run: string,
    files: Record<string, Entry>,
    private readonly settings: CacheSettings,
  ) {
    this.folder = path.dirname(location)
    this.files = new Map(Object.entries(files))
  }

  /** Open the cache at `location` (see `cacheFileFor`); starts empty when the file is missing, unreadable or outdated. */
  static open(location: string, settings: CacheSettings): LintCache {
    const o = settings.overrides
    const dictionaries = (o.dictionaries ?? []).map((d) => path.resolve(settings.cwd, d)).map((d) => `${d}=${contentKey(d)}`)
    const run = hash(JSON.stringify([FORMAT, buildKey(), o.rules ?? {}, o.builtin ?? null, o.fixThreshold ?? null, o.reportUnusedDirectives ?? null, dictionaries, settings.detectConfig]))
    let files: Record<string, Entry> = {}
    try {
      const data = JSON.parse(fs.readFileSync(location, 'utf8')) as Partial<CacheFile>
      if (data.format === FORMAT && data.run === run && data.files && typeof data.files === 'object') files = data.files
    } catch {
      // No cache yet, or one that cannot be read: lint everything.
    }
    return new LintCache(location, run, files, settings)
  }

  private keyOf(file: VFile): string {
    return path.relative(this.folder, path.resolve(file.cwd, file.path)).split(path.sep).join('/')
  }

  /** The configuration that may apply to files of `folder` (and of every folder above it), or null when uncacheable. */
  private configKey(folder: string): string | null {
    if (!this.settings.detectConfig) return ''
    const known = this.folderKeys.get(folder)
    if (known !== undefined) return known
    let key: string | null = null
    const parts: string[] = []
    const parent = path.dirname(folder)
    const above = parent === folder ? '' : this.configKey(parent)
    if (above !== null && !SCRIPT_CONFIGS.some((name) => fs.existsSync(path.join(folder, name)))) {
      parts.push(above)
      for (const name of [...DATA_CONFIGS, 'package.json']) {
        const file = path.join(folder, name)
        let text: string
        try {
          text = fs.readFileSync(file, 'utf8')
        } catch {
          continue
        }
        let config: unknown
        try {
          config = parseYaml(text)
        } catch {
          config = undefined
        }
        if (name === 'package.json') {
          // Only its namelint field configures namelint (a version bump changes nothing).
          const field = config && typeof config === 'object' ? (config as { namelint?: unknown }).namelint : undefined
          if (field === undefined) continue
          config = field
          text = JSON.stringify(field)
        }
        parts.push(`${name}\n${text}`)
        const dictionaries = config && typeof config === 'object' ? (config as { dictionaries?: unknown }).dictionaries : undefined
        if (Array.isArray(dictionaries)) for (const d of dictionaries) if (typeof d === 'string') parts.push(`${d}=${contentKey(path.resolve(folder, d))}`)
      }
      key = hash(parts.join('\n'))
    }
    this.folderKeys.set(folder, key)
    return key
  }

  /** The result of linting `file` (found and read, not yet linted), when its last one still holds; else undefined. */
  get(file: VFile): VFile | undefined {
    if (!file.path || typeof file.value !== 'string') return undefined
    const entry = this.files.get(this.keyOf(file))
    if (!entry) return undefined
    const config = this.configKey(path.dirname(path.resolve(file.cwd, file.path)))
    if (config === null || entry.config !== config || entry.text !== hash(file.value)) return undefined
    return applySerialized(new VFile({ path: file.path, cwd: file.cwd, value: file.value }), entry.result)
  }

  /** Keep the result of linting `file` (its text as linted). */
  set(file: VFile, result: VFile): void {
    if (!file.path || typeof file.value !== 'string') return
    if (result.messages.some((m) => m.fatal === true && !m.ruleId)) return
    const config = this.configKey(path.dirname(path.resolve(file.cwd, file.path)))
    if (config === null) return
    this.files.set(this.keyOf(file), { text: hash(file.value), config, result: serializeFile(result) })
    this.changed = true
  }

  /** Write the cache (atomically) when this run added to it, leaving out files that are no longer there. */
  save(): void {
    if (!this.changed) return
    const files: Record<string, Entry> = {}
    for (const [key, entry] of this.files) if (fs.existsSync(path.resolve(this.folder, key))) files[key] = entry
    makeFolders(this.folder)
    writeFileAtomic(this.location, JSON.stringify({ format: FORMAT, run: this.run, files } satisfies CacheFile))
  }
}
