/** `namelint --fix` and `--fix-dry-run` end to end (built CLI, real dictionary). */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { applyFixes } from '../../src/fix.js'
import { cleanup, cli, lintText, tempDir, write } from './helpers.js'

afterAll(cleanup)

// Sentences written for these tests. "Kiev" is a deprecated spelling (preferred-name,
// no confidence: always fixable); "Xi Jinpin" and "Angela Merkle" are corrupted names.
const ARTICLE = '\uFEFFTalks in Kiev with Xi Jinpin ended on Monday.\r\nAngela Merkle  spoke later.\r\n\r\nNothing else happened.\r\n'

describe('--fix on files', () => {
  it('fixes in place, keeping the BOM, CRLF line endings and everything outside the spans', async () => {
    const dir = tempDir()
    const file = write(dir, 'article.txt', ARTICLE)
    const messages = await lintText(ARTICLE)
    expect(messages.map((m) => m.actual)).toEqual(expect.arrayContaining(['Kiev', 'Xi Jinpin']))
    const expected = applyFixes(ARTICLE, messages).output

    const result = await cli(['--fix', 'article.txt'], { cwd: dir })
    const bytes = fs.readFileSync(file)
    expect(bytes.toString('utf8')).toBe(expected)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('Talks in Kyiv with Xi Jinping ended on Monday.\r\n')
    expect(text.match(/\r\n/g)).toHaveLength(4)
    expect(text).not.toMatch(/[^\r]\n/)
    expect(result.stderr).toMatch(/fixed \d+ problems? in 1 file/)
    expect(result.code).toBe(0)
  })

  it('reports only what remains, at positions in the fixed text, and sets the exit status from it', async () => {
    const dir = tempDir()
    // Report low-confidence suspects too (rule threshold 0.3), so some stay below the fix threshold (0.7).
    const rules = { 'corrupted-name': ['error', { threshold: 0.3 }] as ['error', { threshold: number }] }
    write(dir, '.namelintrc', JSON.stringify({ rules }))
    const text = 'In Kiev, Xi Jinpin met Boris Jonson and Joe Bidden.\n'
    const file = write(dir, 'a.txt', text)
    const messages = await lintText(text, { rules })
    const confidence = (m: (typeof messages)[number]) => (m as { data?: { confidence?: number } }).data?.confidence ?? 1
    const low = messages.filter((m) => confidence(m) < 0.7)
    expect(low.length).toBeGreaterThan(0) // else this test checks nothing
    const { output, applied } = applyFixes(text, messages)
    expect(applied.length).toBeGreaterThan(0)

    const before = await cli(['-f', 'json', 'a.txt'], { cwd: dir })
    expect(before.code).toBe(1)
    const result = await cli(['--fix', '-f', 'json', 'a.txt'], { cwd: dir })
    const fixed = fs.readFileSync(file, 'utf8')
    expect(fixed).toBe(output)
    expect(fixed).toContain('In Kyiv, Xi Jinping met')
    // What remains is exactly the low-confidence messages, placed in the fixed text.
    const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string; actual: string; place: { start: { offset: number }; end: { offset: number } } }> }>
    expect(report.messages.map((m) => m.actual).sort()).toEqual(low.map((m) => m.actual).sort())
    for (const m of report.messages) expect(fixed.slice(m.place.start.offset, m.place.end.offset)).toBe(m.actual)
    expect(result.code).toBe(1)

    // With --fix-threshold 0 everything is fixed: nothing remains, exit 0.
    const rest = await cli(['--fix', '--fix-threshold', '0', 'a.txt'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toBe(applyFixes(output, await lintText(output, { rules }), { threshold: 0 }).output)
    expect(rest.code).toBe(0)
    expect(rest.stderr).toContain('a.txt: no issues found')
  })

  it('counts a message without confidence as 1: fixed even at --fix-threshold 1', async () => {
    const dir = tempDir()
    const text = 'In Kiev, Xi Jinpin spoke.\n'
    const file = write(dir, 'a.txt', text)
    // Kiev (preferred-name) has no confidence: it counts as 1 and is fixed at any threshold.
    const strict = await cli(['--fix', '--fix-threshold', '1', 'a.txt'], { cwd: dir })
    expect(strict.code).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^In Kyiv, /)
  })

  it('is idempotent: a second --fix changes nothing and does not rewrite the file', async () => {
    const dir = tempDir()
    const file = write(dir, 'article.txt', ARTICLE)
    await cli(['--fix', 'article.txt'], { cwd: dir })
    const once = fs.readFileSync(file)
    const stat = fs.statSync(file)
    const second = await cli(['--fix', 'article.txt'], { cwd: dir })
    expect(fs.readFileSync(file)).toEqual(once)
    expect(fs.statSync(file).ino).toBe(stat.ino)
    expect(second.stderr).not.toMatch(/fixed \d+/)
    const dry = await cli(['--fix-dry-run', 'article.txt'], { cwd: dir })
    expect(dry.stdout).toBe('')
  })

  it('fixes until nothing changes, so a second --fix has nothing to do', async () => {
    // "Moskow" is reported only once its neighbours are fixed (Russian context).
    const dir = tempDir()
    const file = write(dir, 'a.txt', 'Vladimir Poutine Moskow Sergei Shuigu\n')
    await cli(['--fix', 'a.txt'], { cwd: dir })
    const once = fs.readFileSync(file, 'utf8')
    expect(once).toBe('Vladimir Putin Moscow Sergei Shoigu\n')
    const second = await cli(['--fix', 'a.txt'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toBe(once)
    expect(second.stderr).not.toMatch(/fixed \d+/)
  })

  it('keeps the file mode and leaves files without fixes untouched', async () => {
    const dir = tempDir()
    const dirty = write(dir, 'dirty.txt', 'Kiev.\n')
    const clean = write(dir, 'clean.txt', 'Kyiv.\n')
    fs.chmodSync(dirty, 0o640)
    const cleanIno = fs.statSync(clean).ino
    const result = await cli(['--fix', 'dirty.txt', 'clean.txt'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(fs.readFileSync(dirty, 'utf8')).toBe('Kyiv.\n')
    expect(fs.statSync(dirty).mode & 0o777).toBe(0o640)
    expect(fs.statSync(clean).ino).toBe(cleanIno)
    expect(fs.readdirSync(dir).sort()).toEqual(['clean.txt', 'dirty.txt'])
  })

  it('does not fix a file that is not valid UTF-8 (its bytes would change)', async () => {
    const dir = tempDir()
    const bytes = Buffer.from('Caf\u00e9 talk in Kiev.\n', 'latin1')
    const file = write(dir, 'latin1.txt', bytes)
    const result = await cli(['--fix', 'latin1.txt'], { cwd: dir })
    expect(fs.readFileSync(file)).toEqual(bytes)
    expect(result.stderr).toContain('latin1.txt: not fixed: the file is not valid UTF-8')
    expect(result.code).toBe(2)
  })

  it('rejects a bad --fix-threshold', async () => {
    const dir = tempDir()
    for (const value of ['2', '-0.1', 'high', '']) {
      const result = await cli(['--fix', '--fix-threshold', value, 'x.txt'], { cwd: dir })
      expect(result.code).toBe(2)
      expect(result.stderr).toContain('--fix-threshold')
    }
  })

  it('survives missing files', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'Kiev.\n')
    const result = await cli(['--fix', 'a.txt', 'missing.txt'], { cwd: dir })
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Kyiv.\n')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('missing.txt')
  })
})

describe('--fix on standard input', () => {
  it('prints the fixed text to standard output and the report to standard error', async () => {
    const dir = tempDir()
    const expected = applyFixes(ARTICLE, await lintText(ARTICLE)).output
    const result = await cli(['--fix'], { cwd: dir, stdin: ARTICLE })
    expect(result.stdout).toBe(expected)
    expect(result.stdout.startsWith('\uFEFF')).toBe(true)
    expect(result.code).toBe(0)
    // Any format: standard output stays the text.
    const json = await cli(['--fix', '-f', 'json'], { cwd: dir, stdin: ARTICLE })
    expect(json.stdout).toBe(expected)
    expect(JSON.parse(json.stderr)).toBeInstanceOf(Array)
  })

  it('prints the text unchanged when there is nothing to fix, and a second run changes nothing', async () => {
    const dir = tempDir()
    const clean = 'Xi Jinping met officials in Kyiv.\r\n'
    expect((await cli(['--fix'], { cwd: dir, stdin: clean })).stdout).toBe(clean)
    const once = (await cli(['--fix'], { cwd: dir, stdin: ARTICLE })).stdout
    const twice = (await cli(['--fix'], { cwd: dir, stdin: once })).stdout
    expect(twice).toBe(once)
  })
})

describe('--fix-dry-run', () => {
  it('prints a unified diff, writes nothing, and the diff applies to give what --fix writes', async () => {
    const dir = tempDir()
    const file = write(dir, 'news/article.txt', ARTICLE)
    const copy = write(dir, 'copy/news/article.txt', ARTICLE)
    const dry = await cli(['--fix-dry-run', 'news/article.txt'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toBe(ARTICLE)
    expect(dry.stdout).toMatch(/^--- a\/news\/article\.txt\n\+\+\+ b\/news\/article\.txt\n@@ -1,\d+ \+1,\d+ @@\n/)
    expect(dry.stdout).toContain('-\uFEFFTalks in Kiev with Xi Jinpin ended on Monday.\r\n')
    expect(dry.stdout).toContain('+\uFEFFTalks in Kyiv with Xi Jinping ended on Monday.\r\n')
    expect(dry.code).toBe(0)

    const patch = write(dir, 'fix.patch', dry.stdout)
    execFileSync('git', ['apply', '--whitespace=nowarn', '-p1', '--directory=copy', patch], { cwd: dir, stdio: 'pipe' })
    await cli(['--fix', 'news/article.txt'], { cwd: dir })
    expect(fs.readFileSync(copy)).toEqual(fs.readFileSync(file))
  })

  it('keeps standard output for the diff whatever the format, and takes precedence over --fix', async () => {
    const dir = tempDir()
    const file = write(dir, 'a.txt', 'In Kiev.\n')
    const result = await cli(['--fix', '--fix-dry-run', '-f', 'json', '-r', 'preferred-name=error', 'a.txt'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toBe('In Kiev.\n')
    expect(result.stdout).toBe('--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-In Kiev.\n+In Kyiv.\n')
    expect(JSON.parse(result.stderr)[0].messages).toEqual([])
    // The exit status reflects what would remain after the fixes.
    expect(result.code).toBe(0)
    const without = await cli(['-r', 'preferred-name=error', 'a.txt'], { cwd: dir })
    expect(without.code).toBe(1)
  })

  it('diffs standard input as `stdin` (or --stdin-filename)', async () => {
    const dir = tempDir()
    const result = await cli(['--fix-dry-run', '--stdin-filename', 'story.txt'], { cwd: dir, stdin: 'Kiev\n' })
    expect(result.stdout).toBe('--- a/story.txt\n+++ b/story.txt\n@@ -1 +1 @@\n-Kiev\n+Kyiv\n')
  })
})
