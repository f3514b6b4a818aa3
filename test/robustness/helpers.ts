/**
 * Shared by the robustness tests: temporary folders, the CLI in-process and
 * as a child process, and the check that a message's place lies inside the
 * text it was made for.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { location } from 'vfile-location'
import { run, type CliResult } from '../../src/cli.js'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BIN = path.join(ROOT, 'bin', 'namelint.js')
export const BUILT = fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.bundle.mjs')) || fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))
/** The module that injects faults into a child CLI (`node --import`). */
export const FAULTS = path.join(ROOT, 'test', 'robustness', 'faults.mjs')

/** Whether this process can read a file whatever its mode (root, or CAP_DAC_OVERRIDE). */
export const READS_ANYTHING = (() => {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'namelint-perm-'))
  const file = path.join(dir, 'probe')
  try {
    fs.writeFileSync(file, 'x')
    fs.chmodSync(file, 0o000)
    fs.readFileSync(file)
    return true
  } catch {
    return false
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})()

const roots: string[] = []

/** A fresh temporary folder, removed by `cleanup`. */
export function tempDir(prefix = 'namelint-robust-'): string {
  const dir = fs.mkdtempSync(path.join(tmpdir(), prefix))
  roots.push(dir)
  return dir
}

export function cleanup(): void {
  for (const dir of roots.splice(0)) {
    // Unreadable files and folders made by the tests: give them back first.
    try {
      fs.chmodSync(dir, 0o755)
    } catch {
      // gone
    }
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

/** The CLI in this process (the compiled dictionary index in dist/dict). */
export function cli(args: string[], cwd: string): Promise<CliResult> {
  return run(args, { cwd, isTTY: false })
}

export interface ChildResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** `node [--import faults.mjs] bin/namelint.js args` in `cwd`; `onSpawn` gets the child (to signal it). */
export function spawnCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; faults?: boolean; timeout?: number; onSpawn?: (child: ReturnType<typeof spawn>) => void },
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const nodeArgs = [...(options.faults ? ['--import', FAULTS] : []), BIN, ...args]
    const child = spawn(process.execPath, nodeArgs, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += String(d)))
    child.stderr.on('data', (d) => (stderr += String(d)))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`namelint ${args.join(' ')} did not finish in ${options.timeout ?? 60_000} ms\n${stderr}`))
    }, options.timeout ?? 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
    options.onSpawn?.(child)
  })
}

export interface JsonPoint {
  line: number
  column: number
  offset?: number
}

export interface JsonMessage {
  reason: string
  ruleId?: string | null
  fatal?: boolean | null
  line?: number | null
  column?: number | null
  place?: JsonPoint | { start: JsonPoint; end: JsonPoint } | null
  actual?: string | null
  expected?: string[] | null
}

export interface JsonFile {
  path: string
  messages: JsonMessage[]
}

/**
 * Every message's place lies inside `text`: offsets within [0, length], start
 * before end, line and column those of the offset (as vfile-location counts
 * them), and a rule message's `actual` is the text at its span. Messages about
 * the whole file (not linted, not found) have no place.
 */
export function expectPlacesInside(text: string, messages: readonly JsonMessage[], label = ''): void {
  const place = location(text)
  const checkPoint = (point: JsonPoint, what: string) => {
    expect(point.offset, `${label} ${what}: an offset`).toBeTypeOf('number')
    const offset = point.offset!
    expect(Number.isInteger(offset) && offset >= 0 && offset <= text.length, `${label} ${what}: offset ${offset} within [0, ${text.length}]`).toBe(true)
    const expected = place.toPoint(offset)
    expect({ line: point.line, column: point.column }, `${label} ${what}: line and column of offset ${offset}`).toEqual({ line: expected?.line, column: expected?.column })
  }
  for (const message of messages) {
    const what = `${message.ruleId ?? 'file'}: ${message.reason}`
    if (!message.place) {
      expect(message.ruleId, `${label} ${what}: a rule message has a place`).toBeFalsy()
      continue
    }
    if ('start' in message.place) {
      checkPoint(message.place.start, `${what} (start)`)
      checkPoint(message.place.end, `${what} (end)`)
      expect(message.place.start.offset!, `${label} ${what}: start before end`).toBeLessThanOrEqual(message.place.end.offset!)
      if (typeof message.actual === 'string') expect(text.slice(message.place.start.offset, message.place.end.offset), `${label} ${what}: actual`).toBe(message.actual)
    } else {
      checkPoint(message.place, what)
    }
  }
}

/** The report of one file in `--format json` output. */
export function reportOf(stdout: string, name: string): JsonFile {
  const report = JSON.parse(stdout) as JsonFile[]
  const file = report.find((f) => f.path === name || f.path.endsWith('/' + name))
  if (!file) throw new Error(`no report for ${name} in ${report.map((f) => f.path).join(', ')}`)
  return file
}

/** A news paragraph with two corrupted names and a deprecated spelling (written for these tests). */
export const ARTICLE = 'Defence minister Sergei Shuigu met officials in Kiev on Tuesday, and the North Quaran delegation left for Beijing after the talks.\n'
export const ARTICLE_FIXED = 'Defence minister Sergei Shoigu met officials in Kyiv on Tuesday, and the North Korean delegation left for Beijing after the talks.\n'
