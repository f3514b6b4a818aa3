/**
 * Helpers for the CLI-level tests of fixes and formats: the CLI from source,
 * with the compiled dictionary index in dist/dict.
 */
import fs from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { VFile } from 'vfile'
import { run, type CliResult } from '../../src/cli.js'
import { createProcessor, type NamelintSettings } from '../../src/processor.js'

export type { CliResult }

const roots: string[] = []

/** A fresh temporary folder (removed by `cleanup`). */
export function tempDir(prefix = 'namelint-test-'): string {
  const dir = fs.mkdtempSync(path.join(tmpdir(), prefix))
  roots.push(dir)
  return dir
}

export function cleanup(): void {
  for (const dir of roots.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
}

/** Run the CLI in `cwd`; `stdin` (a string) is given as standard input. */
export function cli(args: string[], options: { cwd: string; stdin?: string }): Promise<CliResult> {
  return run(args, { cwd: options.cwd, stdin: options.stdin === undefined ? undefined : Readable.from([Buffer.from(options.stdin, 'utf8')]), isTTY: false })
}

const processors = new Map<string, ReturnType<typeof createProcessor>>()

/** Lint a text in-process: the messages the CLI would get with these settings (with `data`). */
export async function lintText(text: string, settings: NamelintSettings = {}) {
  const key = JSON.stringify(settings)
  let processor = processors.get(key)
  if (!processor) processors.set(key, (processor = createProcessor(settings)))
  const file = new VFile({ value: text, path: 'doc.txt' })
  await processor.process(file)
  return file.messages
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

/**
 * Assert that `output` is `text` with only the applied fixes' spans replaced:
 * everything between and around them unchanged, in order.
 */
export function expectOnlySpansChanged(text: string, output: string, applied: Array<{ start: number; end: number; replacement: string }>, expect: (value: unknown) => { toBe(expected: unknown): void }): void {
  let cursorIn = 0
  let cursorOut = 0
  for (const fix of applied) {
    const between = text.slice(cursorIn, fix.start)
    expect(output.slice(cursorOut, cursorOut + between.length)).toBe(between)
    cursorOut += between.length + fix.replacement.length
    cursorIn = fix.end
  }
  expect(output.slice(cursorOut)).toBe(text.slice(cursorIn))
}
