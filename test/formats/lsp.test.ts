/** `--format lsp`: Language Server Protocol diagnostics per file. */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, cli, tempDir, write } from '../fix/helpers.js'

afterAll(cleanup)

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } }
  severity: number
  code?: string
  codeDescription?: { href: string }
  source: string
  message: string
  data?: { expected?: string[]; actual?: string; confidence?: number }
}
type Output = Array<{ uri: string; diagnostics: Diagnostic[] }>

function slice(text: string, d: Diagnostic): string {
  const lines = text.split('\n')
  expect(d.range.start.line).toBe(d.range.end.line)
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)
}

describe('--format lsp', () => {
  it('gives 0-based ranges, severities, code, source and data.expected per file URI', async () => {
    const dir = tempDir()
    const text = 'Talks in Kiev.\r\nLater Xi Jinpin spoke.\r\n'
    const file = write(dir, 'a.txt', text)
    write(dir, 'clean.txt', 'Xi Jinping met officials in Kyiv.\n')
    const result = await cli(['-f', 'lsp', 'a.txt', 'clean.txt'], { cwd: dir })
    expect(result.code).toBe(0)
    const output = JSON.parse(result.stdout) as Output
    expect(output.map((f) => f.uri)).toEqual([pathToFileURL(file).href, pathToFileURL(path.join(dir, 'clean.txt')).href])
    expect(output[1].diagnostics).toEqual([])
    const [kiev] = output[0].diagnostics.filter((d) => d.code === 'preferred-name')
    expect(kiev).toEqual({
      range: { start: { line: 0, character: 9 }, end: { line: 0, character: 13 } },
      severity: 3,
      code: 'preferred-name',
      codeDescription: { href: 'https://github.com/namelint/namelint/blob/main/rules/preferred-name.md' },
      source: 'namelint',
      message: 'Use `Kyiv` instead of `Kiev`',
      data: { expected: ['Kyiv'], actual: 'Kiev' },
    })
    const [xi] = output[0].diagnostics.filter((d) => d.code === 'corrupted-name')
    expect(xi.range).toEqual({ start: { line: 1, character: 6 }, end: { line: 1, character: 15 } })
    expect(xi.severity).toBe(2)
    expect(xi.data?.expected?.[0]).toBe('Xi Jinping')
    expect(xi.data?.confidence).toBeGreaterThan(0)
    expect(slice(text, xi)).toBe('Xi Jinpin')
  })

  it('uses severity 1 for errors', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'Talks in Kiev with Xi Jinpin.\n')
    const output = JSON.parse((await cli(['-f', 'lsp', '-r', 'corrupted-name=error', '-r', 'preferred-name=warning', 'a.txt'], { cwd: dir })).stdout) as Output
    expect(Object.fromEntries(output[0].diagnostics.map((d) => [d.code, d.severity]))).toEqual({ 'corrupted-name': 1, 'preferred-name': 2 })
  })

  it('does not count a BOM (editors strip it)', async () => {
    const dir = tempDir()
    const text = '\uFEFFKiev and Xi Jinpin\nKiev'
    write(dir, 'bom.txt', text)
    const output = JSON.parse((await cli(['-f', 'lsp', 'bom.txt'], { cwd: dir })).stdout) as Output
    const shown = text.slice(1)
    for (const d of output[0].diagnostics) expect(slice(shown, d)).toBe(d.data?.actual)
    expect(output[0].diagnostics.map((d) => d.range.start)).toEqual(expect.arrayContaining([{ line: 0, character: 0 }, { line: 1, character: 0 }]))
  })

  it('names standard input untitled:stdin (or after --stdin-filename), and --quiet drops info and empty files', async () => {
    const dir = tempDir()
    const stdin = JSON.parse((await cli(['-f', 'lsp'], { cwd: dir, stdin: 'Kiev\n' })).stdout) as Output
    expect(stdin[0].uri).toBe('untitled:stdin')
    const named = JSON.parse((await cli(['-f', 'lsp', '--stdin-filename', 'story.txt'], { cwd: dir, stdin: 'Kiev\n' })).stdout) as Output
    expect(named[0].uri).toBe(pathToFileURL(path.join(dir, 'story.txt')).href)
    const quiet = JSON.parse((await cli(['-f', 'lsp', '--quiet'], { cwd: dir, stdin: 'Kiev\n' })).stdout) as Output
    expect(quiet).toEqual([])
  })
})
