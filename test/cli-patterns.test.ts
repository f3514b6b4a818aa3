/**
 * Globs and folders that yield nothing to lint: a usage error naming the
 * pattern (exit 2), as ESLint and Prettier report them, unless
 * --no-error-on-unmatched-pattern lets them pass.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, cli, tempDir, write } from './fix/helpers.js'

afterAll(cleanup)

const STORY = 'Defence Minister Sergei Shuigu flew to Pyongyang on Tuesday.\n'

describe('patterns that yield no file', () => {
  it('a glob that matches nothing is a usage error naming it, and nothing is linted', async () => {
    const dir = tempDir()
    write(dir, 'desk/story.txt', STORY)
    const result = await cli(['-f', 'json', 'desk/story.txt', 'dsek/*.txt'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`dsek/*.txt`: no file or folder matches it')
    expect(result.stdout).toBe('')
  })

  it('a glob that matches files lints them as before', async () => {
    const dir = tempDir()
    write(dir, 'desk/story.txt', STORY)
    const result = await cli(['-f', 'json', 'desk/*.txt'], { cwd: dir })
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ ruleId: string; actual: string }> }>
    expect(report.map((f) => f.path)).toEqual(['desk/story.txt'])
    expect(report[0].messages.find((m) => m.ruleId === 'corrupted-name')?.actual).toBe('Sergei Shuigu')
  })

  it('a glob that matches only folders without a file to lint says so', async () => {
    const dir = tempDir()
    write(dir, 'scans-2024/page-1.pdf', '%PDF-1.4\n')
    const result = await cli(['scans-*'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`scans-*`: it matches no file to lint')
  })

  it('an ignored file a glob matches keeps the message unified-engine gives it (exit 1)', async () => {
    const dir = tempDir()
    write(dir, 'archive/old.txt', STORY)
    write(dir, '.namelintignore', 'archive/\n')
    const result = await cli(['-f', 'json', 'archive/*.txt'], { cwd: dir })
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ fatal?: boolean; reason: string }> }>
    expect(report[0].path).toBe('archive/old.txt')
    expect(report[0].messages[0].reason).toContain('ignored')
  })

  it('a folder with no text, Markdown or HTML file in it is a usage error', async () => {
    const dir = tempDir()
    write(dir, 'scans/page-1.pdf', '%PDF-1.4\n')
    write(dir, 'desk/story.txt', STORY)
    const result = await cli(['desk', 'scans'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('`scans`: the folder holds no file to lint')
    expect(result.stderr).not.toContain('`desk`')
  })

  it('--no-error-on-unmatched-pattern lints what the other patterns yield', async () => {
    const dir = tempDir()
    write(dir, 'desk/story.txt', STORY)
    write(dir, 'scans/page-1.pdf', '%PDF-1.4\n')
    const result = await cli(['-f', 'json', '--no-error-on-unmatched-pattern', 'dsek/*.txt', 'scans', 'desk/*.txt'], { cwd: dir })
    expect(result.code).toBe(0)
    expect((JSON.parse(result.stdout) as Array<{ path: string }>).map((f) => f.path)).toEqual(['desk/story.txt'])
  })

  it('a file whose name reads as a glob ("notes[draft].txt") is that file, given by name, and is linted', async () => {
    const dir = tempDir()
    write(dir, 'desk/notes[draft].txt', STORY)
    const result = await cli(['-f', 'json', 'desk/notes[draft].txt', 'desk/*.txt'], { cwd: dir })
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Array<{ path: string; messages: Array<{ actual: string }> }>
    // Once, though both patterns name it.
    expect(report.map((f) => f.path)).toEqual(['desk/notes[draft].txt'])
    expect(report[0].messages.map((m) => m.actual)).toContain('Sergei Shuigu')
  })

  it('a file given by name that does not exist keeps its own message (exit 1), not a usage error', async () => {
    const dir = tempDir()
    const result = await cli(['-f', 'json', 'missing.txt'], { cwd: dir })
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as Array<{ messages: Array<{ fatal?: boolean; reason: string }> }>
    expect(report[0].messages[0].fatal).toBe(true)
  })
})
