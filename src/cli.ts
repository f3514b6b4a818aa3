/**
 * The namelint command line:
 *   namelint [options] [files, folders or globs...]   (standard input when none or `-`)
 *   namelint --staged [pathspecs...]                    the staged content (git hooks)
 *   namelint dict check                                 lint the built-in dictionary data
 *
 * Files are found first (globs, folders, `.namelintignore`: engine.ts), then
 * sharded (`--shard`), then linted in this thread or in lanes with worker
 * threads (`--concurrency`, batch.ts), with a progress bar on a terminal;
 * the results keep the order the files were found in.
 * Exit status: 0 clean, 1 errors (or more warnings than --max-warnings),
 * 2 usage, configuration or dictionary errors.
 */
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { Readable } from 'node:stream'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { ConfigError, type Overrides } from './config.js'
import { LintCache, cacheFileFor } from './cache.js'
import { discover, inputOf, lint as lintWithEngine, lintFiles, resolveConfig, unmatchedPatterns, type LintInput, type LintSettings } from './engine.js'
import { inShard, lintInWorkers, parseConcurrency, parseShard, type Shard } from './batch.js'
import { ProgressBar, PROGRESS_MIN_FILES, type ProgressStream } from './progress.js'
import { GitError, stagedFiles } from './staged.js'
import { carryNotes, screenFile, screenFiles } from './input.js'
import { RULE_IDS } from './rules.js'
import { SEVERITIES, type Severity } from './rule.js'
import { DictionaryError } from './dictionary/errors.js'
import { boundHeap } from './heap.js'
import { loadDictionaryFile } from './dictionary/load.js'
import { format, FORMATS, type Format } from './formats/index.js'
import { applyFixes, DEFAULT_FIX_THRESHOLD, exitBetweenWrites, makeFolders, readUtf8Exact, unifiedDiff, writeFileAtomic } from './fix.js'

const HELP = `Usage: namelint [options] [files, folders or globs...]

Check proper nouns against a canonical-name dictionary and report names
mangled by translation or rewriting. Lints plain text (.txt, .text),
Markdown (.md, .markdown) and HTML (.html, .htm); reads standard input when
no file (or \`-\`) is given.

Options:
  -f, --format <name>        output: ${FORMATS.join(', ')} (default: stylish)
  -d, --dictionary <file>    extra dictionary (YAML or JSON); repeatable
  -r, --rule <id=severity>   set a rule's severity (off, info, warning, error); repeatable
      --no-builtin           do not load the built-in dictionaries
      --no-config            ignore .namelintrc files and package.json fields
      --no-ignore            ignore .namelintignore files
      --stdin-filename <p>   path to report standard input as (its extension
                             picks the syntax: a.md is Markdown)
      --silently-ignore      skip ignored files given by name without a message
      --no-error-on-unmatched-pattern
                             let a glob or folder that yields no file to lint
                             pass (by default it is a usage error, exit 2)
  -q, --quiet                report only files with messages, and no info messages
      --max-warnings <n>     exit 1 when more than n warnings are reported
      --fix                  replace fixable names with the best suggestion, in place
                             (standard input: print the fixed text to standard output)
      --fix-dry-run          print the fixes as a unified diff; write nothing
      --fix-threshold <n>    minimum confidence (0..1) of a fix (default: the
                             configuration's fixThreshold, else ${DEFAULT_FIX_THRESHOLD})
      --report-unused-directives
                             warn of namelint-disable and namelint-ignore-next
                             comments that silence nothing (rule unused-directive)
      --staged               lint the staged content of staged files (for git
                             hooks); files and folders given narrow the set
  -o, --output-file <path>   write the report to a file instead of the terminal
      --print-config <path>  print the settings a lint of that path uses (the
                             configuration file that applies, every rule's
                             severity and options, the dictionaries) as JSON
      --cache                lint only files that changed since the last --cache
                             run (or whose configuration, dictionaries or
                             namelint version did); keep results in .namelintcache
      --cache-location <p>   the cache file, or a folder to keep .namelintcache in
      --concurrency <n>      lint in n lanes: this thread and n-1 worker threads
                             (auto: one per core but one); the output is the same
      --shard <i/n>          lint only the i-th of n stable shares of the files
      --progress / --no-progress
                             progress bar on standard error (default: on a
                             terminal, from ${PROGRESS_MIN_FILES} files)
      --color / --no-color   force colour on or off
  -h, --help                 show this help
  -v, --version              show the version

Rules: ${RULE_IDS.join(', ')}
Commands:
  namelint dict check        lint the built-in dictionary data
  namelint dict check FILE...  lint user dictionaries over the built-in data
                             (--no-builtin: on their own)

Markdown and HTML: only prose is linted (not code, URLs, front matter or
markup), and <!-- namelint-disable|enable|ignore-next [rule...] --> comments
control messages (in plain text, as a line of their own).

With --fix on standard input and with --fix-dry-run, standard output holds
the fixed text or the diff, and the report (in any format) goes to standard
error. Problems that were fixed are not reported; the exit status reflects
what remains.

Exit status: 0 clean, 1 errors or too many warnings, 2 usage or configuration errors.`

export class UsageError extends Error {}

/** All of a stream, as bytes. */
async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk))
  return Buffer.concat(chunks)
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
  /** Bytes for standard output instead of `stdout` (standard input passed through unchanged). */
  stdoutBytes?: Uint8Array
}

function parseRules(values: string[]): Record<string, Severity> {
  const rules: Record<string, Severity> = {}
  for (const value of values) {
    const m = /^([a-z-]+)\s*[=:]\s*([a-z]+)$/.exec(value.trim())
    if (!m) throw new UsageError(`--rule expects id=severity, got \`${value}\``)
    const [, id, severity] = m
    if (!RULE_IDS.includes(id)) throw new UsageError(`--rule: unknown rule \`${id}\` (known: ${RULE_IDS.join(', ')})`)
    const normal = severity === 'warn' ? 'warning' : severity
    if (!SEVERITIES.includes(normal as Severity)) throw new UsageError(`--rule ${id}: unknown severity \`${severity}\` (use ${SEVERITIES.join(', ')})`)
    rules[id] = normal as Severity
  }
  return rules
}

export interface CliIo {
  cwd?: string
  stdin?: NodeJS.ReadableStream
  /** Whether standard error is a terminal (colour). */
  isTTY?: boolean
  /** Where a progress bar may be drawn (standard error); none when absent. */
  progress?: ProgressStream
}

export async function run(argv: string[], io: CliIo = {}): Promise<CliResult> {
  const cwd = io.cwd ?? process.cwd()
  let stdout = ''
  let stderr = ''
  if (argv[0] === 'dict') {
    const { dictCommand } = await import('./dict-command.js')
    return dictCommand(argv.slice(1), cwd)
  }
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        dictionary: { type: 'string', short: 'd', multiple: true, default: [] },
        rule: { type: 'string', short: 'r', multiple: true, default: [] },
        builtin: { type: 'boolean', default: true },
        config: { type: 'boolean', default: true },
        ignore: { type: 'boolean', default: true },
        'stdin-filename': { type: 'string' },
        'silently-ignore': { type: 'boolean', default: false },
        'error-on-unmatched-pattern': { type: 'boolean', default: true },
        'output-file': { type: 'string', short: 'o' },
        'print-config': { type: 'string' },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        staged: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        shard: { type: 'string' },
        progress: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'fix-threshold': { type: 'string' },
        'report-unused-directives': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    })
  } catch (error) {
    return { code: 2, stdout, stderr: `namelint: ${(error as Error).message}\nRun \`namelint --help\` for usage.\n` }
  }
  const { values, positionals } = args
  if (values.help) return { code: 0, stdout: HELP + '\n', stderr }
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
    return { code: 0, stdout: pkg.version + '\n', stderr }
  }
  let overrides: Overrides
  let maxWarnings: number | undefined
  let fixThreshold: number | undefined
  let concurrency = 1
  let shard: Shard | undefined
  try {
    if (!(FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format: unknown format \`${values.format}\` (use ${FORMATS.join(', ')})`)
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings'])
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got \`${values['max-warnings']}\``)
    }
    if (values['fix-threshold'] !== undefined) {
      fixThreshold = Number(values['fix-threshold'])
      if (values['fix-threshold'].trim() === '' || !Number.isFinite(fixThreshold) || fixThreshold < 0 || fixThreshold > 1) throw new UsageError(`--fix-threshold expects a number from 0 to 1, got \`${values['fix-threshold']}\``)
    }
    if (values.concurrency !== undefined) {
      const n = parseConcurrency(values.concurrency)
      if (n === undefined) throw new UsageError(`--concurrency expects a whole number from 1 (or auto), got \`${values.concurrency}\``)
      concurrency = n
    }
    if (values.shard !== undefined) {
      shard = parseShard(values.shard)
      if (!shard) throw new UsageError(`--shard expects i/n with 1 <= i <= n, got \`${values.shard}\``)
    }
    if (values.staged && (values.fix || values['fix-dry-run'])) {
      throw new UsageError('--staged cannot be combined with --fix or --fix-dry-run: fix the files (namelint --fix FILE...) and stage them again')
    }
    if (values.staged && positionals.includes('-')) throw new UsageError('--staged lints staged files, not standard input')
    const unused = values['report-unused-directives']
    overrides = {
      rules: parseRules(values.rule),
      dictionaries: values.dictionary,
      builtin: values.builtin ? undefined : false,
      fixThreshold,
      reportUnusedDirectives: unused === undefined ? undefined : unused ? 'warning' : 'off',
    }
    // Check command-line dictionaries up front: a broken one is a configuration error (exit 2).
    for (const file of values.dictionary) loadDictionaryFile(path.resolve(cwd, file))
  } catch (error) {
    if (error instanceof UsageError || error instanceof DictionaryError) {
      return { code: 2, stdout, stderr: `namelint: ${error.message}\n` }
    }
    throw error
  }

  if (values['print-config'] !== undefined) {
    // The settings a lint of that path would use (no lint): which configuration applies, every rule, the dictionaries.
    const resolved = await resolveConfig({ cwd, overrides, detectConfig: values.config, detectIgnore: false }, values['print-config'])
    if (!resolved.config) {
      const problem = resolved.problem
      const text = problem instanceof VFileMessage ? (configProblemText(problem) ?? problem.reason) : String(problem?.message)
      return { code: 2, stdout, stderr: `namelint: ${text.replace(ANSI_ESCAPES, '')}\n` }
    }
    return { code: 0, stdout: JSON.stringify(resolved.config, null, 2) + '\n', stderr }
  }

  const patterns = positionals.filter((p) => p !== '-')
  const useStdin = patterns.length === 0 && !values.staged
  const fixMode = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : undefined
  const settings: LintSettings = {
    cwd,
    overrides,
    detectConfig: values.config,
    detectIgnore: values.ignore,
    silentlyIgnore: values['silently-ignore'],
    stdinFilename: values['stdin-filename'],
  }
  const lint = (input: LintInput) => lintWithEngine(settings, input)

  let linted: VFile[]
  if (useStdin) {
    // Screened like a file: binary and too large input is not linted, UTF-16 is decoded, invalid UTF-8 noted.
    const bytes = await readAll(io.stdin ?? process.stdin)
    const input = screenFile(new VFile({ cwd, path: values['stdin-filename'], value: bytes }))
    const failure = input.messages.find((m) => m.fatal === true && !m.ruleId)
    if (fixMode === 'write' && (failure || input.data.namelintEncoding)) {
      // --fix writes standard input back out: pass it through untouched rather than re-encoded or lost.
      const why = failure ? String(failure.reason).replace(/^not linted: /, '') : `it is ${String(input.data.namelintEncoding)}, and --fix on standard input writes UTF-8 only`
      return { code: 2, stdout: '', stdoutBytes: bytes, stderr: `namelint: standard input not fixed: ${why}\n` }
    }
    if (failure) {
      linted = [input]
    } else {
      const result = await lint({ stdin: Readable.from([Buffer.from(String(input.value), 'utf8')]) })
      if (result.error) return { code: 2, stdout, stderr: `namelint: ${result.error.message}\n` }
      linted = result.files.map((file) => carryNotes(input, file))
    }
  } else {
    let inputs: VFile[]
    if (values.staged) {
      try {
        inputs = stagedFiles(cwd, patterns)
      } catch (error) {
        if (error instanceof GitError) return { code: 2, stdout, stderr: `namelint: --staged: ${error.message}\n` }
        throw error
      }
    } else {
      const found = await discover(settings, patterns)
      if (found.error) return { code: 2, stdout, stderr: `namelint: ${found.error.message}\n` }
      if (values['error-on-unmatched-pattern']) {
        const unmatched = await unmatchedPatterns(cwd, patterns, found.files)
        if (unmatched.length > 0) {
          const lines = unmatched.map((u) => `namelint: nothing to lint for \`${u.pattern}\`: ${u.reason}\n`).join('')
          return { code: 2, stdout, stderr: `${lines}(--no-error-on-unmatched-pattern lints the other patterns and lets these go)\n` }
        }
      }
      inputs = found.files
    }
    if (shard) inputs = inputs.filter((file) => inShard(file, cwd, shard))
    // Too large or binary files are not linted; UTF-16 is decoded; invalid UTF-8 is noted (input.ts).
    screenFiles(inputs)
    // Files found but not lintable (not found, ignored though named) keep their message.
    const lintable = inputs.filter((file) => !file.messages.some((m) => m.fatal === true && !m.ruleId))
    // --cache: files whose last result still holds are not linted again (fixes always lint afresh).
    const cache = values.cache && !fixMode ? LintCache.open(cacheFileFor(cwd, values['cache-location']), { cwd, overrides, detectConfig: values.config }) : undefined
    const cached = new Map<VFile, VFile>()
    if (cache) {
      for (const file of lintable) {
        const hit = cache.get(file)
        if (hit) cached.set(file, hit)
      }
    }
    const todo = cached.size > 0 ? lintable.filter((file) => !cached.has(file)) : lintable
    const stream = values.progress === false ? undefined : io.progress
    const bar = stream && (values.progress === true || (stream.isTTY && todo.length >= PROGRESS_MIN_FILES)) ? new ProgressBar(stream, todo.length) : undefined
    // Staged files were not filtered by .namelintignore yet: the engine drops ignored ones.
    const lintSettings: LintSettings = values.staged ? { ...settings, silentlyIgnore: true } : { ...settings, detectIgnore: false }
    let results: Array<VFile | undefined>
    try {
      if (concurrency > 1 && todo.length > 1) {
        results = await lintInWorkers(todo, lintSettings, concurrency, (n) => bar?.tick(n))
      } else {
        // In slices: unified-engine holds every file's tree until the last file of a run is done
        // (2,000 articles took 700 MB), and its queue checks every file of the run as each arrives.
        results = []
        for (let i = 0; i < todo.length; i += ENGINE_SLICE) {
          const result = await lintFiles(lintSettings, todo.slice(i, i + ENGINE_SLICE).map(inputOf), bar ? () => bar.tick() : undefined)
          if (result.error) return { code: 2, stdout, stderr: `namelint: ${result.error.message}\n` }
          results.push(...result.results)
          boundHeap()
        }
      }
    } finally {
      bar?.finish()
    }
    const byInput = new Map<VFile, VFile | undefined>(todo.map((file, i) => [file, results[i]]))
    if (cache) {
      for (const file of todo) {
        const result = byInput.get(file)
        if (result) cache.set(file, result)
      }
      for (const [file, result] of cached) byInput.set(file, result)
      try {
        cache.save()
      } catch (error) {
        // The lint stands; only the next run is slower.
        stderr += `namelint: --cache: cannot write ${cache.location} (${(error as Error).message})\n`
      }
    }
    linted = []
    for (const file of inputs) {
      if (!byInput.has(file)) linted.push(file)
      else {
        const result = byInput.get(file)
        if (result) linted.push(carryNotes(file, result))
      }
    }
  }
  const context = { files: linted }

  // Configuration and dictionary problems surface as fatal file messages: exit 2, named clearly.
  let configProblem = false
  const problems = new Set<string>()
  for (const file of context.files) {
    for (const message of file.messages) {
      const text = configProblemText(message)
      if (text === undefined) continue
      configProblem = true
      // Once per problem, not once per file it concerns.
      if (!problems.has(text)) stderr += `namelint: ${text}\n`
      problems.add(text)
      // The file's report names the problem too, without unified-engine's wrapping and stack traces.
      message.reason = message.message = text
      message.cause = undefined
      message.stack = ''
    }
  }

  let fixOutput = ''
  let ioProblem = false
  let fixSummary = ''
  if (fixMode && !configProblem) {
    const result = await fixFiles(context.files)
    fixOutput = result.output
    stderr += result.stderr
    ioProblem = result.ioProblem
    fixSummary = result.summary
  }

  const outputFile = values['output-file']
  // A report written to a file is plain text unless colour is asked for.
  const output = format(values.format as Format, context.files, { quiet: values.quiet, color: values.color ?? (outputFile ? false : io.isTTY ?? false), cwd })
  // JSON Lines: no line at all when no file is reported (shards concatenate).
  const outputLine = output === '' && values.format === 'jsonl' ? '' : output + '\n'
  // With --fix-dry-run, or --fix on standard input, standard output carries the text or the diff.
  const reportToStderr = values.format === 'stylish' || fixMode === 'dry-run' || (fixMode === 'write' && useStdin)
  let outputProblem = false
  if (outputFile) {
    // -o: the report goes to the file (written whole or not at all), and nowhere else.
    const target = path.resolve(cwd, outputFile)
    try {
      makeFolders(path.dirname(target))
      writeFileAtomic(target, output ? outputLine : '')
    } catch (error) {
      outputProblem = true
      stderr += `namelint: --output-file: cannot write ${outputFile} (${(error as Error).message})\n`
    }
  } else if (reportToStderr) stderr += output ? output + '\n' : ''
  else stdout += outputLine
  stdout = fixOutput + stdout
  // A human summary, unless standard error holds a machine-readable report.
  if (fixSummary && !values.quiet && !(reportToStderr && values.format !== 'stylish')) stderr += fixSummary

  let errors = 0
  let warnings = 0
  for (const file of context.files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }
  let code = errors > 0 ? 1 : 0
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    code = 1
    stderr += `namelint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`
  }
  if (configProblem || ioProblem || outputProblem) code = 2
  return { code, stdout, stderr }

  /**
   * Fix each linted file: apply fixes, lint the result again, and repeat while
   * something changes (at most MAX_FIX_PASSES), so that a second `--fix` has
   * nothing left to do. The files' messages become those of the fixed text.
   * Then write (atomically), print the text (standard input), or print a diff.
   */
  async function fixFiles(linted: VFile[]): Promise<{ output: string; stderr: string; ioProblem: boolean; summary: string }> {
    let out = ''
    let err = ''
    let problem = false
    let fixedCount = 0
    let fixedFiles = 0
    for (const [index, file] of linted.entries()) {
      const original = file.value === undefined || file.value === null ? undefined : typeof file.value === 'string' ? file.value : new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.value)
      const stdinFile = useStdin || Boolean(file.data.unifiedEngineStreamIn)
      const name = file.path ? path.relative(cwd, path.resolve(file.cwd, file.path)) || file.path : values['stdin-filename'] ?? 'stdin'
      // Unread or failed files (not found, ignored, unparsable) have nothing to fix.
      if (original === undefined || file.messages.some((m) => m.fatal === true && !m.ruleId)) {
        if (stdinFile && fixMode === 'write') out += original ?? ''
        continue
      }
      let text = original
      let current = file
      let count = 0
      let failed = false
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        // --fix-threshold, else the file's configuration (`fixThreshold`), else the default.
        const threshold = fixThreshold ?? current.data.namelintFixThreshold ?? DEFAULT_FIX_THRESHOLD
        const { output, applied } = applyFixes(text, current.messages, { threshold })
        if (applied.length === 0) break
        count += applied.length
        text = output
        const again = await lint(stdinFile ? { stdin: Readable.from([Buffer.from(text, 'utf8')]) } : { files: [new VFile({ path: path.resolve(file.cwd, file.path), value: text })] })
        if (again.error || again.files.length !== 1) {
          err += `namelint: ${name}: could not lint the fixed text${again.error ? `: ${again.error.message}` : ''}\n`
          failed = true
          break
        }
        current = again.files[0]
      }
      if (failed) problem = true
      if (count > 0 && !failed) {
        if (fixMode === 'write' && !stdinFile) {
          const absolute = path.resolve(file.cwd, file.path)
          try {
            const onDisk = readUtf8Exact(absolute)
            if (onDisk === undefined) {
              err += `namelint: ${name}: not fixed: ${file.data.namelintEncoding?.startsWith('utf-16') ? 'the file is UTF-16, and --fix writes UTF-8 only (save it as UTF-8 to fix it)' : 'the file is not valid UTF-8'}\n`
              problem = true
              continue
            }
            if (onDisk !== original) {
              err += `namelint: ${name}: not fixed: the file changed while it was linted\n`
              problem = true
              continue
            }
            writeFileAtomic(absolute, text)
          } catch (error) {
            err += `namelint: ${name}: could not write the fixes: ${(error as Error).message}\n`
            problem = true
            continue
          }
        }
        if (fixMode === 'dry-run') out += unifiedDiff(name, original, text)
        // Report what remains in the fixed text (positions point into it).
        linted[index] = current
        fixedCount += count
        fixedFiles++
      }
      if (stdinFile && fixMode === 'write') out += count > 0 && !failed ? text : original
    }
    const summary = fixMode === 'write' && fixedCount > 0 ? `namelint: fixed ${fixedCount} problem${fixedCount === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}\n` : ''
    return { output: out, stderr: err, ioProblem: problem, summary }
  }
}

/** Fix, lint again, fix again... at most this many times per file. */
const MAX_FIX_PASSES = 10
/** Files linted by one unified-engine run (see the one-thread path of `run`). */
const ENGINE_SLICE = 64

// eslint-disable-next-line no-control-regex
const ANSI_ESCAPES = /\u001b\[[0-9;]*m/g

/**
 * The plain text of a configuration or dictionary problem a file's message carries (undefined for any other
 * message), without unified-engine's wrapping ("Cannot parse file ...") where the cause says more.
 */
function configProblemText(message: VFileMessage): string | undefined {
  const chain: Error[] = []
  for (let cause = message.cause; cause instanceof Error && chain.length < 8; cause = (cause as { cause?: unknown }).cause) chain.push(cause)
  const specific = chain.find((e) => e instanceof ConfigError || e instanceof DictionaryError)
  if (!specific && !(message.fatal && !message.ruleId && /config|dictionar|namelintrc|Cannot parse file/i.test(String(message.reason) + chain.map(String).join(' ')))) return undefined
  // Plain text: the JSON parser's code frame is coloured when a terminal (or CI) is detected.
  const text = (specific ? specific.message : chain.length > 0 ? [...new Set(chain.map((e) => e.message))].join(': ') : String(message.reason)).replace(ANSI_ESCAPES, '')
  // unified-engine reads an extensionless `.namelintrc` as JSON only.
  const hint = /Cannot parse file `(?:[^`]*[\\/])?\.namelintrc`/.test(text) ? ' (`.namelintrc` holds JSON; write YAML in `.namelintrc.yaml` or `.namelintrc.yml`)' : ''
  return text + hint
}

export async function main() {
  // Ctrl-C during --fix: stop between two files, never in the middle of writing one (fix.ts).
  if (process.argv.slice(2).includes('--fix')) exitBetweenWrites()
  try {
    const result = await run(process.argv.slice(2), { isTTY: process.stderr.isTTY, progress: process.stderr })
    if (result.stdoutBytes) process.stdout.write(result.stdoutBytes)
    else if (result.stdout) process.stdout.write(result.stdout)
    if (result.stderr) process.stderr.write(result.stderr)
    process.exitCode = result.code
  } catch (error) {
    process.stderr.write(`namelint: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 2
  }
}
