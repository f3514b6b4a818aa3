/**
 * --cache: a file's last result is reused only while its text, the
 * configuration and dictionaries that apply to it, the command line and
 * namelint itself are as they were; the output is the same either way.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, cli, tempDir, write } from './fix/helpers.js'

afterAll(cleanup)

const STORY = 'Defence Minister Sergei Shuigu flew to Pyongyang on Tuesday. Talks in Kiev followed.\n'
const OTHER = 'Foreign Minister Sergei Lavrov met Kim Jong Un in Pyongyang.\n'

type Report = Array<{ path: string; messages: Array<{ ruleId: string; reason: string; actual: string; fatal?: boolean | null }> }>
const report = (stdout: string) => JSON.parse(stdout) as Report

/** Mark every cached message of `file` so that a reused result shows in the output. */
function markCached(dir: string, file: string, mark = 'FROM THE CACHE'): void {
  const location = path.join(dir, '.namelintcache')
  const data = JSON.parse(fs.readFileSync(location, 'utf8')) as { files: Record<string, { result: { messages: Array<{ reason: string }> } }> }
  const entry = data.files[file]
  expect(entry, `${file} is cached`).toBeDefined()
  for (const m of entry.result.messages) m.reason = mark
  fs.writeFileSync(location, JSON.stringify(data))
}
const fromCache = (r: Report, file: string) => r.find((f) => f.path === file)!.messages.some((m) => m.reason === 'FROM THE CACHE')

describe('--cache', () => {
  it('gives the same report as a run without it, and reuses the results of files that did not change', async () => {
    const dir = tempDir()
    write(dir, 'desk/a.txt', STORY)
    write(dir, 'desk/b.txt', OTHER)
    const plain = await cli(['-f', 'json', 'desk'], { cwd: dir })
    const first = await cli(['-f', 'json', '--cache', 'desk'], { cwd: dir })
    expect(first.stdout).toBe(plain.stdout)
    expect(first.code).toBe(plain.code)
    expect(fs.existsSync(path.join(dir, '.namelintcache'))).toBe(true)
    const second = await cli(['-f', 'json', '--cache', 'desk'], { cwd: dir })
    expect(second.stdout).toBe(plain.stdout)
    markCached(dir, 'desk/a.txt')
    const third = report((await cli(['-f', 'json', '--cache', 'desk'], { cwd: dir })).stdout)
    expect(fromCache(third, 'desk/a.txt')).toBe(true)
  })

  it('lints a file again when its text changed', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    await cli(['--cache', 'a.txt'], { cwd: dir })
    markCached(dir, 'a.txt')
    write(dir, 'a.txt', STORY + 'Shuigu said nothing more.\n')
    const result = report((await cli(['-f', 'json', '--cache', 'a.txt'], { cwd: dir })).stdout)
    expect(fromCache(result, 'a.txt')).toBe(false)
    expect(result[0].messages.filter((m) => m.ruleId === 'corrupted-name').map((m) => m.actual)).toEqual(['Sergei Shuigu', 'Shuigu'])
  })

  it('lints again when a configuration above the file, or a dictionary it names, changed', async () => {
    const dir = tempDir()
    write(dir, 'desk/a.txt', STORY)
    write(dir, '.namelintrc.yaml', 'rules:\n  preferred-name: warning\n')
    await cli(['--cache', 'desk/a.txt'], { cwd: dir })
    markCached(dir, 'desk/a.txt')
    expect(fromCache(report((await cli(['-f', 'json', '--cache', 'desk/a.txt'], { cwd: dir })).stdout), 'desk/a.txt')).toBe(true)

    write(dir, '.namelintrc.yaml', 'rules:\n  preferred-name: error\n')
    const afterConfig = await cli(['-f', 'json', '--cache', 'desk/a.txt'], { cwd: dir })
    expect(fromCache(report(afterConfig.stdout), 'desk/a.txt')).toBe(false)
    expect(afterConfig.code).toBe(1)

    write(dir, 'house.yaml', 'entities:\n  - id: person-zorblat-quennick\n    type: person\n    name: Zorblat Quennick\n')
    write(dir, '.namelintrc.yaml', 'dictionaries: [house.yaml]\n')
    await cli(['--cache', 'desk/a.txt'], { cwd: dir })
    markCached(dir, 'desk/a.txt')
    write(dir, 'house.yaml', 'entities:\n  - id: person-zorblat-quennick\n    type: person\n    name: Zorblat Quennick\n    forms: [Quennick]\n')
    // A new modification time even on a coarse file system clock.
    const later = new Date(Date.now() + 5000)
    fs.utimesSync(path.join(dir, 'house.yaml'), later, later)
    expect(fromCache(report((await cli(['-f', 'json', '--cache', 'desk/a.txt'], { cwd: dir })).stdout), 'desk/a.txt')).toBe(false)
  })

  it('lints again when the command line changes a rule', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    await cli(['--cache', 'a.txt'], { cwd: dir })
    markCached(dir, 'a.txt')
    const result = report((await cli(['-f', 'json', '--cache', '--rule', 'preferred-name=off', 'a.txt'], { cwd: dir })).stdout)
    expect(fromCache(result, 'a.txt')).toBe(false)
    expect(result[0].messages.some((m) => m.ruleId === 'preferred-name')).toBe(false)
  })

  it('never caches a folder configured by a script', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    write(dir, '.namelintrc.cjs', 'module.exports = { rules: { "preferred-name": "warning" } }\n')
    const result = await cli(['-f', 'json', '--cache', 'a.txt'], { cwd: dir })
    expect(report(result.stdout)[0].messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
    // Nothing was kept, so no cache file was written.
    expect(fs.existsSync(path.join(dir, '.namelintcache'))).toBe(false)
  })

  it('a broken cache file is no error: the run lints everything and writes a new one', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    write(dir, '.namelintcache', '{"format": 1, "files": ')
    const plain = await cli(['-f', 'json', 'a.txt'], { cwd: dir })
    const result = await cli(['-f', 'json', '--cache', 'a.txt'], { cwd: dir })
    expect(result.stdout).toBe(plain.stdout)
    expect(result.stderr).toBe('')
    expect(JSON.parse(fs.readFileSync(path.join(dir, '.namelintcache'), 'utf8')).files['a.txt']).toBeDefined()
  })

  it('--cache-location: a file, or a folder to keep .namelintcache in; files no longer there are dropped', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    write(dir, 'b.txt', OTHER)
    await cli(['--cache', '--cache-location', 'build/lint-cache.json', 'a.txt', 'b.txt'], { cwd: dir })
    const keys = () => Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'build/lint-cache.json'), 'utf8')).files).sort()
    expect(keys()).toEqual(['../a.txt', '../b.txt'])
    fs.rmSync(path.join(dir, 'b.txt'))
    write(dir, 'a.txt', STORY + 'More.\n')
    await cli(['--cache', '--cache-location', 'build/lint-cache.json', 'a.txt'], { cwd: dir })
    expect(keys()).toEqual(['../a.txt'])
    await cli(['--cache', '--cache-location', 'state/', 'a.txt'], { cwd: dir })
    expect(fs.existsSync(path.join(dir, 'state', '.namelintcache'))).toBe(true)
  })

  it('--fix lints afresh and leaves the cache alone', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    await cli(['--cache', 'a.txt'], { cwd: dir })
    markCached(dir, 'a.txt')
    const before = fs.readFileSync(path.join(dir, '.namelintcache'), 'utf8')
    await cli(['--cache', '--fix', 'a.txt'], { cwd: dir })
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toContain('Sergei Shoigu')
    expect(fs.readFileSync(path.join(dir, '.namelintcache'), 'utf8')).toBe(before)
    // The fixed text is linted again, not answered from the cache.
    expect(fromCache(report((await cli(['-f', 'json', '--cache', 'a.txt'], { cwd: dir })).stdout), 'a.txt')).toBe(false)
  })
})

describe('--cache across checkouts', () => {
  it('keys files and dictionaries by content: touching them (a fresh checkout) keeps the cache', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', STORY)
    write(dir, 'house.yaml', 'entities:\n  - id: person-zorblat-quennick\n    type: person\n    name: Zorblat Quennick\n')
    write(dir, '.namelintrc.yaml', 'dictionaries: [house.yaml]\n')
    await cli(['--cache', 'a.txt'], { cwd: dir })
    markCached(dir, 'a.txt')
    const later = new Date(Date.now() + 60_000)
    for (const f of ['a.txt', 'house.yaml', '.namelintrc.yaml']) fs.utimesSync(path.join(dir, f), later, later)
    expect(fromCache(report((await cli(['-f', 'json', '--cache', 'a.txt'], { cwd: dir })).stdout), 'a.txt')).toBe(true)
  })
})
