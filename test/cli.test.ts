import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { run } from '../src/cli.js'

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'namelint-cli-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

const CORRUPTED = 'North Korean troops crossed into Russia. The North Quaran leader thanked Moscow, and North Korea agreed.\n'
const CLEAN = 'North Korean troops crossed into Russia. The North Korean leader thanked Moscow.\n'

describe('namelint CLI', () => {
  it('prints vfile-reporter-json for --format json and exits 0 on warnings', async () => {
    const cwd = workspace({ 'a.txt': CORRUPTED })
    const result = await run(['--format', 'json', 'a.txt'], { cwd })
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ ruleId: string; expected: string[]; actual: string }> }>
    expect(report[0].path).toBe('a.txt')
    const m = report[0].messages.find((x) => x.ruleId === 'corrupted-name')!
    expect(m.actual).toBe('North Quaran')
    expect(m.expected[0]).toBe('North Korean')
  })

  it('prints a stylish report naming the rule', async () => {
    const cwd = workspace({ 'a.txt': CORRUPTED })
    const result = await run(['a.txt'], { cwd })
    expect(result.stderr).toMatch(/a\.txt/)
    expect(result.stderr).toMatch(/corrupted-name/)
    expect(result.stderr).toMatch(/North Korean/)
  })

  it('exits 1 for errors and for too many warnings, 0 when clean', async () => {
    const cwd = workspace({ 'bad.txt': CORRUPTED, 'good.txt': CLEAN })
    expect((await run(['--rule', 'corrupted-name=error', 'bad.txt'], { cwd })).code).toBe(1)
    expect((await run(['--max-warnings', '0', 'bad.txt'], { cwd })).code).toBe(1)
    expect((await run(['good.txt'], { cwd })).code).toBe(0)
  })

  it('exits 2 with a clear message for usage and dictionary errors', async () => {
    const cwd = workspace({ 'a.txt': CLEAN, 'broken.yaml': 'entities:\n  - id: x\n    type: persn\n' })
    const usage = await run(['--format', 'xml', 'a.txt'], { cwd })
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/unknown format/)
    const rule = await run(['--rule', 'no-such-rule=error', 'a.txt'], { cwd })
    expect(rule.code).toBe(2)
    const dict = await run(['--dictionary', 'broken.yaml', 'a.txt'], { cwd })
    expect(dict.code).toBe(2)
    expect(dict.stderr).toMatch(/broken\.yaml:3/)
  })

  it('reads standard input', async () => {
    const result = await run(['--format', 'json'], { cwd: workspace({}), stdin: Readable.from([CORRUPTED]) })
    const report = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string }> }>
    expect(report[0].messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
  })

  it('applies a user dictionary and a .namelintrc', async () => {
    const cwd = workspace({
      'a.txt': 'Officials in Kiev met Zorblat Quennick.\n',
      '.namelintrc': JSON.stringify({ rules: { 'preferred-name': 'error' } }),
    })
    const result = await run(['--format', 'json', 'a.txt'], { cwd })
    expect(result.code).toBe(1)
    const off = await run(['--format', 'json', '--rule', 'preferred-name=off', 'a.txt'], { cwd })
    expect(off.code).toBe(0)
  })
})
