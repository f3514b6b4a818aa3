/** `--format github`: GitHub Actions workflow commands. */
import { afterAll, describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { escapeData, escapeProperty, formatGithub } from '../../src/formats/github.js'
import { cleanup, cli, tempDir, write } from '../fix/helpers.js'

afterAll(cleanup)

describe('--format github', () => {
  it('prints one workflow command per message', async () => {
    const dir = tempDir()
    write(dir, 'news/a.txt', 'Talks in Kiev.\nLater Xi Jinpin spoke.\n')
    const result = await cli(['-f', 'github', 'news/a.txt'], { cwd: dir })
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines).toContain('::notice file=news/a.txt,line=1,col=10,endLine=1,endColumn=14,title=preferred-name::Use `Kyiv` instead of `Kiev`')
    const xi = lines.find((l) => l.includes('Xi Jinpin'))
    expect(xi).toMatch(/^::warning file=news\/a\.txt,line=2,col=7,endLine=2,endColumn=16,title=corrupted-name::Unexpected `Xi Jinpin`, expected `Xi Jinping`/)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('uses ::error for errors, drops notices with --quiet, and prints nothing for clean input', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'Talks in Kiev with Xi Jinpin.\n')
    const errors = await cli(['-f', 'github', '-r', 'corrupted-name=error', 'a.txt'], { cwd: dir })
    expect(errors.stdout).toMatch(/^::error file=a\.txt,line=1,col=20,endLine=1,endColumn=29,title=corrupted-name::/m)
    expect(errors.code).toBe(1)
    const quiet = await cli(['-f', 'github', '--quiet', 'a.txt'], { cwd: dir })
    expect(quiet.stdout).not.toContain('::notice')
    expect(quiet.stdout).toContain('::warning')
    const clean = await cli(['-f', 'github'], { cwd: dir, stdin: 'Xi Jinping met officials in Kyiv.\n' })
    expect(clean.stdout.trim()).toBe('')
  })

  it('does not count a BOM as a column, and omits file= for unnamed standard input', async () => {
    const dir = tempDir()
    const result = await cli(['-f', 'github'], { cwd: dir, stdin: '\uFEFFKiev\r\n' })
    expect(result.stdout.trim()).toBe('::notice line=1,col=1,endLine=1,endColumn=5,title=preferred-name::Use `Kyiv` instead of `Kiev`')
  })

  it('reports missing files as errors', async () => {
    const dir = tempDir()
    const result = await cli(['-f', 'github', 'missing.txt'], { cwd: dir })
    expect(result.stdout).toMatch(/^::error file=missing\.txt::.*no such file/im)
  })

  it('escapes data and property values', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext')
    expect(escapeProperty('a,b:c%.txt')).toBe('a%2Cb%3Ac%25.txt')
    const file = new VFile({ path: 'we,ird:name.txt', value: 'x\ny', cwd: '/work' })
    const message = file.message('100% wrong\nreally', { place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 2, column: 2, offset: 3 } }, ruleId: 'corrupted-name', source: 'namelint' })
    message.fatal = false
    // Multi-line span: no columns (GitHub ignores them there).
    expect(formatGithub([file], { cwd: '/work' })).toBe('::warning file=we%2Cird%3Aname.txt,line=1,endLine=2,title=corrupted-name::100%25 wrong%0Areally')
  })
})
