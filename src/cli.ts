/**
 * The namelint command line:
 *   namelint [options] [files, folders or globs...]   (standard input when none or `-`)
 *   namelint dict check                                 lint the built-in dictionary data
 * Exit status: 0 clean, 1 errors (or more warnings than --max-warnings),
 * 2 usage, configuration or dictionary errors.
 */
import { parseArgs } from 'node:util'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { Readable } from 'node:stream'
import { engine } from 'unified-engine'
import { VFile } from 'vfile'
import { unified } from 'unified'
import retextStringify from 'retext-stringify'
import retextChunkedLatin from './parser.js'
import { configTransform, ConfigError, settingsFor, type Overrides } from './config.js'
import { presetPlugins } from './processor.js'
import { RULE_IDS } from './rules.js'
import { SEVERITIES, type Severity } from './rule.js'
import { DictionaryError } from './dictionary/errors.js'
import { loadDictionaryFile } from './dictionary/load.js'
import { format, FORMATS, type Format } from './formats/index.js'
import { applyFixes, DEFAULT_FIX_THRESHOLD, readUtf8Exact, unifiedDiff, writeFileAtomic } from './fix.js'

const HELP = `Usage: namelint [options] [files, folders or globs...]

Check proper nouns against a canonical-name dictionary and report names
mangled by translation or rewriting. Reads standard input when no file
(or \`-\`) is given.

Options:
  -f, --format <name>        output: ${FORMATS.join(', ')} (default: stylish)
  -d, --dictionary <file>    extra dictionary (YAML or JSON); repeatable
  -r, --rule <id=severity>   set a rule's severity (off, info, warning, error); repeatable
      --no-builtin           do not load the built-in dictionaries
      --no-config            ignore .namelintrc files and package.json fields
      --no-ignore            ignore .namelintignore files
      --stdin-filename <p>   path to report standard input as
  -q, --quiet                report only files with messages, and no info messages
      --max-warnings <n>     exit 1 when more than n warnings are reported
      --fix                  replace fixable names with the best suggestion, in place
                             (standard input: print the fixed text to standard output)
      --fix-dry-run          print the fixes as a unified diff; write nothing
      --fix-threshold <n>    minimum confidence (0..1) of a fix (default: ${DEFAULT_FIX_THRESHOLD})
      --color / --no-color   force colour on or off
  -h, --help                 show this help
  -v, --version              show the version

Rules: ${RULE_IDS.join(', ')}
Commands:
  namelint dict check        lint the built-in dictionary data

With --fix on standard input and with --fix-dry-run, standard output holds
the fixed text or the diff, and the report (in any format) goes to standard
error. Problems that were fixed are not reported; the exit status reflects
what remains.

Exit status: 0 clean, 1 errors or too many warnings, 2 usage or configuration errors.`

export class UsageError extends Error {}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
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

export async function run(argv: string[], io: { cwd?: string; stdin?: NodeJS.ReadableStream; isTTY?: boolean } = {}): Promise<CliResult> {
  const cwd = io.cwd ?? process.cwd()
  let stdout = ''
  let stderr = ''
  if (argv[0] === 'dict') {
    const { dictCommand } = await import('./dict-command.js')
    return dictCommand(argv.slice(1))
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
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'fix-threshold': { type: 'string' },
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
  let fixThreshold = DEFAULT_FIX_THRESHOLD
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
    overrides = { rules: parseRules(values.rule), dictionaries: values.dictionary, builtin: values.builtin ? undefined : false }
    // Check command-line dictionaries up front: a broken one is a configuration error (exit 2).
    for (const file of values.dictionary) loadDictionaryFile(path.resolve(cwd, file))
  } catch (error) {
    if (error instanceof UsageError || error instanceof DictionaryError) {
      return { code: 2, stdout, stderr: `namelint: ${error.message}\n` }
    }
    throw error
  }

  const files = positionals.filter((p) => p !== '-')
  const useStdin = files.length === 0
  const fixMode = values['fix-dry-run'] ? 'dry-run' : values.fix ? 'write' : undefined
  const transform = configTransform(overrides, cwd)
  const defaultPreset = { plugins: presetPlugins(settingsFor(undefined, undefined, overrides, cwd)) as never }
  const processor = unified().use(retextChunkedLatin).use(retextStringify)

  /** Lint paths or globs, in-memory files (fix passes), or a text given as standard input. */
  function lint(input: { files: Array<string | VFile> } | { stdin: NodeJS.ReadableStream }) {
    return new Promise<{ files: VFile[]; error?: Error }>((resolve) => {
      engine(
        {
          processor: processor as never,
          files: 'files' in input ? input.files : [],
          extensions: ['txt', 'text', 'md', 'markdown'],
          cwd,
          streamIn: 'stdin' in input ? input.stdin : undefined,
          filePath: values['stdin-filename'],
          out: false,
          output: false,
          rcName: '.namelintrc',
          packageField: 'namelint',
          ignoreName: '.namelintignore',
          detectConfig: values.config,
          detectIgnore: values.ignore,
          configTransform: transform as never,
          defaultConfig: defaultPreset,
          reporter: () => '',
          silentlyIgnore: false,
          quiet: values.quiet,
        },
        (error, _code, ctx) => {
          resolve({ files: (ctx?.files ?? []) as VFile[], error: error ?? undefined })
        },
      )
    })
  }

  const context = await lint(useStdin ? { stdin: io.stdin ?? process.stdin } : { files })
  if (context.error) {
    return { code: 2, stdout, stderr: `namelint: ${context.error.message}\n` }
  }

  // Configuration and dictionary problems surface as fatal file messages: exit 2, named clearly.
  let configProblem = false
  for (const file of context.files) {
    for (const message of file.messages) {
      const cause = message.cause
      if (cause instanceof ConfigError || cause instanceof DictionaryError || (message.fatal && !message.ruleId && /config|dictionar|namelintrc/i.test(String(message.reason) + String(cause)))) {
        configProblem = true
        stderr += `namelint: ${(cause as Error | undefined)?.message ?? message.reason}\n`
      }
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

  const output = format(values.format as Format, context.files, { quiet: values.quiet, color: values.color ?? io.isTTY ?? false, cwd })
  // With --fix-dry-run, or --fix on standard input, standard output carries the text or the diff.
  const reportToStderr = values.format === 'stylish' || fixMode === 'dry-run' || (fixMode === 'write' && useStdin)
  if (reportToStderr) stderr += output ? output + '\n' : ''
  else stdout += output + '\n'
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
  if (configProblem || ioProblem) code = 2
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
        const { output, applied } = applyFixes(text, current.messages, { threshold: fixThreshold })
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
              err += `namelint: ${name}: not fixed: the file is not valid UTF-8\n`
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

export async function main() {
  try {
    const result = await run(process.argv.slice(2), { isTTY: process.stderr.isTTY })
    if (result.stdout) process.stdout.write(result.stdout)
    if (result.stderr) process.stderr.write(result.stderr)
    process.exitCode = result.code
  } catch (error) {
    process.stderr.write(`namelint: ${(error as Error).stack ?? String(error)}\n`)
    process.exitCode = 2
  }
}
