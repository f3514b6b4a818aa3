/**
 * `namelint --staged`: lints the staged content of staged files, under their
 * own paths (configuration and ignore files apply), and nothing else.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseRawDiff } from '../../src/staged.js'
import { cleanup, cli, write } from '../fix/helpers.js'
import { CLEAN, CORRUPTED, gitOk, repository } from './git.js'

afterAll(cleanup)

type Report = Array<{ path: string; messages: Array<{ ruleId: string; actual: string; line: number }> }>
const report = (stdout: string) => JSON.parse(stdout) as Report

describe('namelint --staged', () => {
  it('lints the staged content, not the working copy', async () => {
    const dir = repository({ 'README.md': 'A newsroom.\n' })
    write(dir, 'news/a.txt', CLEAN)
    gitOk(dir, ['add', 'news/a.txt'])
    fs.writeFileSync(path.join(dir, 'news/a.txt'), CORRUPTED) // unstaged
    const clean = await cli(['--staged', '--max-warnings', '0'], { cwd: dir })
    expect(clean.code).toBe(0)
    expect(clean.stderr).toContain('news/a.txt: no issues found')

    gitOk(dir, ['add', 'news/a.txt'])
    fs.writeFileSync(path.join(dir, 'news/a.txt'), CLEAN) // unstaged fix: the staged text is still corrupted
    const dirty = await cli(['--staged', '--max-warnings', '0', '-f', 'json'], { cwd: dir })
    expect(dirty.code).toBe(1)
    expect(report(dirty.stdout)).toEqual([expect.objectContaining({ path: 'news/a.txt', messages: [expect.objectContaining({ ruleId: 'corrupted-name', actual: 'Sergei Shuigu' })] })])
  })

  it('takes added, modified, copied and renamed files of the extensions namelint lints; skips deleted ones, links and other files', async () => {
    const dir = repository({ 'old.md': CORRUPTED, 'gone.txt': CORRUPTED, 'keep.txt': CLEAN })
    gitOk(dir, ['mv', 'old.md', 'renamed.md'])
    gitOk(dir, ['rm', '-q', 'gone.txt'])
    write(dir, 'keep.txt', CORRUPTED)
    write(dir, 'page.html', `<p>${CORRUPTED}</p>`)
    write(dir, 'script.js', `// ${CORRUPTED}`)
    write(dir, 'notes.TXT', CORRUPTED)
    fs.symlinkSync('keep.txt', path.join(dir, 'link.txt'))
    gitOk(dir, ['add', '-A'])
    const result = await cli(['--staged', '-f', 'json'], { cwd: dir })
    expect(report(result.stdout).map((f) => f.path)).toEqual(['keep.txt', 'notes.TXT', 'page.html', 'renamed.md'])
    for (const file of report(result.stdout)) expect(file.messages.map((m) => m.actual)).toEqual(['Sergei Shuigu'])
  })

  it('works before the first commit, from a subfolder, with pathspecs', async () => {
    const dir = repository()
    write(dir, 'desk/a.txt', CORRUPTED)
    write(dir, 'desk/b.md', CORRUPTED)
    write(dir, 'other/c.txt', CORRUPTED)
    gitOk(dir, ['add', '-A'])
    const all = await cli(['--staged', '-f', 'json'], { cwd: dir })
    expect(report(all.stdout).map((f) => f.path)).toEqual(['desk/a.txt', 'desk/b.md', 'other/c.txt'])
    // From a subfolder: every staged file (in git's order), with paths relative to it; pathspecs relative to it too.
    const sub = await cli(['--staged', '-f', 'json'], { cwd: path.join(dir, 'desk') })
    expect(report(sub.stdout).map((f) => f.path)).toEqual(['a.txt', 'b.md', '../other/c.txt'])
    const narrowed = await cli(['--staged', '-f', 'json', '*.md', '../other'], { cwd: path.join(dir, 'desk') })
    expect(report(narrowed.stdout).map((f) => f.path)).toEqual(['b.md', '../other/c.txt'])
  })

  it('applies .namelintrc and .namelintignore by path', async () => {
    const dir = repository({ '.namelintignore': 'drafts/\n', 'desk/.namelintrc': JSON.stringify({ rules: { 'corrupted-name': 'error' } }) })
    write(dir, 'drafts/a.txt', CORRUPTED)
    write(dir, 'desk/b.txt', CORRUPTED)
    write(dir, 'c.txt', CORRUPTED)
    gitOk(dir, ['add', '-A'])
    const result = await cli(['--staged', '-f', 'json'], { cwd: dir })
    const files = report(result.stdout)
    expect(files.map((f) => f.path)).toEqual(['c.txt', 'desk/b.txt'])
    expect(result.code).toBe(1) // the error in desk/b.txt; c.txt has a warning
    const quiet = await cli(['--staged', '--no-ignore', '-f', 'json'], { cwd: dir })
    expect(report(quiet.stdout).map((f) => f.path)).toContain('drafts/a.txt')
  })

  it('exits 0 with nothing staged, and 2 outside a repository or with --fix', async () => {
    const dir = repository({ 'a.txt': CORRUPTED })
    expect((await cli(['--staged'], { cwd: dir })).code).toBe(0)
    const fix = await cli(['--staged', '--fix'], { cwd: dir })
    expect(fix.code).toBe(2)
    expect(fix.stderr).toMatch(/--staged cannot be combined with --fix/)
    const outside = await cli(['--staged'], { cwd: path.parse(dir).root })
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/--staged: git rev-parse failed/)
  })
})

describe('parseRawDiff', () => {
  it('reads modes, blobs and the new path of renames and copies', () => {
    const a = 'a'.repeat(40)
    const b = 'b'.repeat(40)
    const raw = [`:100644 100644 ${a} ${b} M`, 'x.txt', `:000000 100644 ${'0'.repeat(40)} ${b} A`, 'new file.md', `:100644 100644 ${a} ${b} R087`, 'old.md', 'new.md', ''].join('\0')
    expect(parseRawDiff(raw)).toEqual([
      { path: 'x.txt', mode: '100644', blob: b },
      { path: 'new file.md', mode: '100644', blob: b },
      { path: 'new.md', mode: '100644', blob: b },
    ])
  })
})
