/**
 * Faults: an unreadable file, a file deleted (or changed) mid-run, a full
 * disk during --fix, an interrupt during --fix on many files. Never a
 * truncated or half-written article: each file is either as it was or fully
 * fixed, and no temporary file is left behind.
 *
 * Faults the sandbox cannot make for real (a full disk needs a small mounted
 * file system; root reads files whatever their mode) are injected into a
 * child CLI by test/robustness/faults.mjs, which patches `node:fs` under the
 * real, bundled code.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../../src/cli.js'
import { ARTICLE, BUILT, READS_ANYTHING, cleanup, cli, reportOf, spawnCli, tempDir, write } from './helpers.js'

afterAll(cleanup)

beforeAll(() => {
  if (!BUILT) throw new Error('dist/ is missing: run `npm run build` before these tests')
})

/** What `--fix` makes of ARTICLE, from a run without faults. */
let FIXED = ''
beforeAll(async () => {
  const dir = tempDir()
  write(dir, 'a.txt', ARTICLE)
  const result = await cli(['--fix', 'a.txt'], dir)
  expect(result.code).toBe(0)
  FIXED = fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')
  expect(FIXED).not.toBe(ARTICLE)
})

/** Files left behind by the atomic writer (`.NAME.namelint-PID-RANDOM.tmp`). */
function temporaries(dir: string): string[] {
  return fs.readdirSync(dir).filter((name) => /\.namelint-.*\.tmp$/.test(name))
}

describe('unreadable files', () => {
  it.skipIf(READS_ANYTHING)('a file without read permission gets a clear message; the others are linted (skipped as root: root reads any file)', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', ARTICLE)
    const locked = write(dir, 'b.txt', ARTICLE)
    write(dir, 'c.txt', ARTICLE)
    fs.chmodSync(locked, 0o000)
    try {
      const result = await cli(['-f', 'json', '.'], dir)
      expect(result.code).toBe(1)
      expect(reportOf(result.stdout, 'b.txt').messages).toMatchObject([{ fatal: true, reason: expect.stringMatching(/^not linted: cannot read the file \(EACCES: permission denied, open '.*b\.txt'\)$/) }])
      for (const name of ['a.txt', 'c.txt']) expect(reportOf(result.stdout, name).messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
    } finally {
      fs.chmodSync(locked, 0o644)
    }
  })

  it('a file that cannot be read (EACCES, injected) gets a clear message; the others are linted', async () => {
    const dir = tempDir()
    for (const name of ['a.txt', 'b.txt', 'c.txt']) write(dir, name, ARTICLE)
    const result = await spawnCli(['-f', 'json', '.'], { cwd: dir, faults: true, env: { NAMELINT_FAULT_READ: 'EACCES:b.txt' } })
    expect(result.code, result.stderr).toBe(1)
    expect(reportOf(result.stdout, 'b.txt').messages).toEqual([{ fatal: true, reason: `not linted: cannot read the file (EACCES: permission denied, open '${path.join(dir, 'b.txt')}')`, source: 'namelint' }])
    for (const name of ['a.txt', 'c.txt']) expect(reportOf(result.stdout, name).messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
    // The human report says the same, without a stack trace.
    const stylish = await spawnCli(['.'], { cwd: dir, faults: true, env: { NAMELINT_FAULT_READ: 'EACCES:b.txt' } })
    expect(stylish.stderr).toMatch(/b\.txt\n\s+error\s+not linted: cannot read the file \(EACCES: permission denied/)
    expect(stylish.stderr).not.toMatch(/\n\s+at /)
  })

  it('a folder given as a file to fix is searched, not written', async () => {
    const dir = tempDir()
    write(dir, 'story.txt/inside.txt', ARTICLE)
    const result = await cli(['--fix', 'story.txt'], dir)
    expect(result.code).toBe(0)
    expect(fs.readFileSync(path.join(dir, 'story.txt', 'inside.txt'), 'utf8')).toBe(FIXED)
  })
})

describe('files deleted or changed mid-run', () => {
  it('a file deleted after it was found, before it was read (injected): a clear message, the others are linted', async () => {
    const dir = tempDir()
    for (const name of ['a.txt', 'b.txt', 'c.txt']) write(dir, name, ARTICLE)
    const result = await spawnCli(['-f', 'json', '.'], { cwd: dir, faults: true, env: { NAMELINT_FAULT_READ: 'ENOENT:a.txt' } })
    expect(result.code, result.stderr).toBe(1)
    expect(reportOf(result.stdout, 'a.txt').messages).toMatchObject([{ fatal: true, reason: expect.stringMatching(/^not linted: cannot read the file \(ENOENT: no such file or directory/) }])
    for (const name of ['b.txt', 'c.txt']) expect(reportOf(result.stdout, name).messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
  })

  it('--fix: a file deleted while linting is not written back; one changed is not overwritten; the others are fixed', async () => {
    const dir = tempDir()
    for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) write(dir, name, ARTICLE)
    let struck = false
    // The progress bar is drawn as the first file is linted: every file has been read by then.
    const progress = {
      isTTY: false,
      write() {
        if (struck) return
        struck = true
        fs.rmSync(path.join(dir, 'b.txt'))
        fs.writeFileSync(path.join(dir, 'c.txt'), 'Rewritten by an editor meanwhile: Sergei Shuigu.\n')
      },
    }
    const result = await run(['--fix', '--progress', 'a.txt', 'b.txt', 'c.txt', 'd.txt'], { cwd: dir, isTTY: false, progress })
    expect(struck).toBe(true)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/b\.txt: could not write the fixes: ENOENT: no such file or directory/)
    expect(result.stderr).toMatch(/c\.txt: not fixed: the file changed while it was linted/)
    expect(fs.existsSync(path.join(dir, 'b.txt'))).toBe(false)
    expect(fs.readFileSync(path.join(dir, 'c.txt'), 'utf8')).toBe('Rewritten by an editor meanwhile: Sergei Shuigu.\n')
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED)
    expect(fs.readFileSync(path.join(dir, 'd.txt'), 'utf8')).toBe(FIXED)
    expect(temporaries(dir)).toEqual([])
  })
})

describe('a full disk during --fix', () => {
  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EIO', 'i/o error'],
  ])('%s half-way through writing a file: that file and the rest keep their text; no temporary file is left', async (code, text) => {
    const dir = tempDir()
    const names = ['a.txt', 'b.txt', 'c.txt']
    for (const name of names) write(dir, name, ARTICLE)
    // The first file is written; the disk is full from the second on (half of its bytes reach the temporary file).
    const result = await spawnCli(['--fix', ...names], { cwd: dir, faults: true, env: { NAMELINT_FAULT_WRITE: code, NAMELINT_FAULT_WRITE_OK: '1' } })
    expect(result.code, result.stderr).toBe(2)
    expect(result.stderr).toContain(`b.txt: could not write the fixes: ${code}: ${text}, write`)
    expect(result.stderr).toContain(`c.txt: could not write the fixes: ${code}: ${text}, write`)
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED)
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(ARTICLE)
    expect(fs.readFileSync(path.join(dir, 'c.txt'), 'utf8')).toBe(ARTICLE)
    expect(temporaries(dir)).toEqual([])
    // What could not be fixed is still reported.
    expect(result.stderr).toMatch(/b\.txt\n.*corrupted-name/)
  })
})

describe('an interrupt during --fix', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('%s: every file is either as it was or fully fixed, no temporary file is left, and a second run finishes', async (signal) => {
    if (process.platform === 'win32') return
    const dir = tempDir()
    const names = Array.from({ length: 60 }, (_, i) => `article-${String(i).padStart(2, '0')}.txt`)
    for (const name of names) write(dir, name, ARTICLE)
    // Every fsync takes 25 ms, so the signal lands while a file is being written.
    const result = await spawnCli(['--fix', '.'], {
      cwd: dir,
      faults: true,
      env: { NAMELINT_FAULT_SLOW_FSYNC: '25' },
      onSpawn(child) {
        let sent = false
        child.stderr!.on('data', (chunk: Buffer) => {
          if (!sent && String(chunk).includes('namelint-fault: fsync')) {
            sent = true
            child.kill(signal)
          }
        })
      },
    })
    expect(result.signal, result.stderr).toBe(signal)
    expect(result.stderr).toMatch(new RegExp(`namelint: interrupted \\(${signal}\\); \\d+ files? written, each completely; the others are unchanged`))
    const contents = names.map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    for (const [i, content] of contents.entries()) expect([ARTICLE, FIXED], names[i]).toContain(content)
    const fixed = contents.filter((c) => c === FIXED).length
    expect(fixed).toBeGreaterThanOrEqual(1)
    expect(fixed).toBeLessThan(names.length)
    expect(temporaries(dir)).toEqual([])
    // Running again fixes the rest.
    const again = await cli(['--fix', '.'], dir)
    expect(again.code, again.stderr).toBe(0)
    for (const name of names) expect(fs.readFileSync(path.join(dir, name), 'utf8')).toBe(FIXED)
  }, 60_000)
})
