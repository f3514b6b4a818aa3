/**
 * Large batches: --concurrency (worker threads; the same output as one
 * thread), --shard (a stable split whose JSON Lines outputs concatenate to
 * the whole), --format jsonl, and the progress bar on a terminal.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { run } from '../src/cli.js'
import { fnv1a, parseConcurrency, parseShard } from '../src/batch.js'
import { ProgressBar } from '../src/progress.js'
import { cleanup, cli, tempDir, write } from './fix/helpers.js'
import { BUILT } from './hook/git.js'

afterAll(cleanup)

const SENTENCES = [
  'Russian defence minister Sergei Shuigu met Kim Jong Un in Pyongyang on Tuesday.',
  'Talks in Kiev ended without a statement.',
  'The North Quaran leader thanked Moscow for its support.',
  'Chancellor Angela Merkel spoke in Berlin.',
  'Officials said the visit would continue on Monday.',
  'Vladimir Poutine spoke to reporters in Moscow.',
]

/** An archive: 36 articles in folders, one folder with its own configuration, an ignored draft. */
let archive = ''
beforeAll(() => {
  archive = tempDir('namelint-archive-')
  for (let i = 0; i < 36; i++) {
    const text = Array.from({ length: 1 + (i % 4) }, (_, k) => SENTENCES[(i + k * 5) % SENTENCES.length]).join(' ')
    const ext = ['txt', 'md', 'html'][i % 3]
    const body = ext === 'html' ? `<p>${text}</p>\n` : ext === 'md' ? `# Story ${i}\n\n${text}\n` : `${text}\n`
    write(archive, `news/${['world', 'politics', 'desk'][i % 3]}/story-${String(i).padStart(2, '0')}.${ext}`, body)
  }
  write(archive, 'news/desk/.namelintrc', JSON.stringify({ rules: { 'preferred-name': 'error' } }))
  write(archive, '.namelintignore', 'drafts/\n')
  write(archive, 'drafts/draft.txt', SENTENCES[0])
})

type Report = Array<{ path: string; messages: unknown[] }>

/** Run with every lane a worker thread (no linting on the main thread). */
async function onlyWorkers<T>(f: () => Promise<T>): Promise<T> {
  process.env.NAMELINT_BATCH_LOCAL = '0'
  try {
    return await f()
  } finally {
    delete process.env.NAMELINT_BATCH_LOCAL
  }
}

describe('--concurrency', () => {
  it('gives the same output and exit status as one thread, in every format', async () => {
    if (!BUILT) throw new Error('dist/ is missing: run `npm run build` (the workers run the compiled code)')
    for (const format of ['json', 'stylish', 'sarif']) {
      const args = ['-f', format, 'news', 'drafts/draft.txt', 'missing.txt']
      const one = await cli(args, { cwd: archive })
      const three = await cli([...args, '--concurrency', '3'], { cwd: archive })
      expect(three, format).toEqual(one)
      // Every lane a worker thread: all results cross threads.
      const workers = await onlyWorkers(() => cli([...args, '--concurrency', '2'], { cwd: archive }))
      expect(workers, format).toEqual(one)
    }
    const one = await cli(['-f', 'json', 'news'], { cwd: archive })
    expect((JSON.parse(one.stdout) as Report).length).toBe(36)
    expect(one.code).toBe(1) // the errors in news/desk
  }, 60_000)

  it('gives the same output for configuration errors and control warnings', async () => {
    const dir = tempDir()
    write(dir, 'broken/.namelintrc', 'rules:\n  preferred-name: error\n') // YAML in a JSON file
    write(dir, 'broken/a.txt', SENTENCES[1])
    write(dir, 'bad-option/.namelintrc', JSON.stringify({ rules: { 'corrupted-name': ['error', { treshold: 1 }] } }))
    write(dir, 'bad-option/b.txt', SENTENCES[0])
    for (let i = 0; i < 4; i++) write(dir, `ok/c${i}.md`, `<!-- namelint-disable no-such-rule -->\n\n${SENTENCES[i]}\n`)
    for (const format of ['stylish', 'json']) {
      // Stack traces name the modules: from the sources here, compiled in the workers.
      const noStacks = (r: { code: number; stdout: string; stderr: string }) => ({ ...r, stderr: r.stderr.replace(/^\s+at .*\n/gm, '') })
      const one = noStacks(await cli(['-f', format, '.'], { cwd: dir }))
      const two = noStacks(await onlyWorkers(() => cli(['-f', format, '--concurrency', '2', '.'], { cwd: dir })))
      expect(two, format).toEqual(one)
      expect(one.code).toBe(2)
      expect(one.stderr).toContain('unknown option `treshold`')
    }
  }, 60_000)

  it('fixes the same way as one thread', async () => {
    const copy = (name: string) => {
      const dir = tempDir()
      fs.cpSync(path.join(archive, 'news'), path.join(dir, 'news'), { recursive: true })
      return dir
    }
    const a = copy('a')
    const b = copy('b')
    const one = await cli(['--fix', 'news'], { cwd: a })
    const two = await onlyWorkers(() => cli(['--fix', '--concurrency', '2', 'news'], { cwd: b }))
    expect(two).toEqual(one)
    const read = (dir: string) => fs.readdirSync(path.join(dir, 'news'), { recursive: true, encoding: 'utf8' }).sort().map((f) => [f, fs.statSync(path.join(dir, 'news', f)).isFile() ? fs.readFileSync(path.join(dir, 'news', f), 'utf8') : ''])
    expect(read(b)).toEqual(read(a))
    expect(read(a).some(([, text]) => text.includes('Sergei Shoigu'))).toBe(true)
  }, 60_000)

  it("takes one lane per core but one for auto (V8's own threads need one)", () => {
    expect(parseConcurrency('auto', 8)).toBe(7)
    expect(parseConcurrency('0', 4)).toBe(3)
    expect(parseConcurrency('auto', 2)).toBe(1)
    expect(parseConcurrency('auto', 1)).toBe(1)
    expect(parseConcurrency('3', 2)).toBe(3)
  })

  it('rejects a bad count', async () => {
    for (const value of ['x', '-1', '1.5', '']) {
      const result = await cli(['--concurrency', value, 'news'], { cwd: archive })
      expect(result.code, value).toBe(2)
      expect(result.stderr).toContain('--concurrency')
    }
  })
})

describe('--shard and --format jsonl', () => {
  it('splits the files stably and disjointly; the JSON Lines of the shards concatenate to the whole', async () => {
    const whole = JSON.parse((await cli(['-f', 'json', 'news'], { cwd: archive })).stdout) as Report
    const parts: string[] = []
    const seen = new Set<string>()
    for (let i = 1; i <= 3; i++) {
      const shard = await cli(['-f', 'jsonl', '--shard', `${i}/3`, 'news'], { cwd: archive })
      const again = await cli(['-f', 'jsonl', '--shard', `${i}/3`, '--concurrency', '2', 'news'], { cwd: archive })
      expect(again.stdout).toBe(shard.stdout) // stable
      const lines = shard.stdout.split('\n').filter(Boolean)
      expect(lines.length).toBeGreaterThan(3)
      for (const line of lines) {
        const file = JSON.parse(line) as Report[number]
        expect(seen.has(file.path)).toBe(false) // disjoint
        seen.add(file.path)
      }
      parts.push(shard.stdout)
    }
    const merged = parts.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Report[number])
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1)
    expect(merged.sort(byPath)).toEqual([...whole].sort(byPath))
    // The shard of a file depends on its path only.
    expect(fnv1a('news/world/story-00.txt') % 3).toBe(fnv1a('news/world/story-00.txt') % 3)
  })

  it('prints nothing for no file, and each file once per line', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'Officials met on Monday.\n')
    const quiet = await cli(['-f', 'jsonl', '-q', 'a.txt'], { cwd: dir })
    expect(quiet.stdout).toBe('')
    const loud = await cli(['-f', 'jsonl', 'a.txt'], { cwd: dir })
    expect(loud.stdout.endsWith('}\n')).toBe(true)
    expect(loud.stdout.split('\n')).toHaveLength(2)
  })

  it('rejects malformed shards', async () => {
    for (const value of ['0/2', '3/2', '1/0', 'a', '1-2']) {
      const result = await cli(['--shard', value, 'news'], { cwd: archive })
      expect(result.code, value).toBe(2)
      expect(result.stderr).toContain('--shard')
    }
    expect(parseShard(' 2 / 5 ')).toEqual({ index: 2, count: 5 })
  })
})

describe('progress bar', () => {
  function terminal(isTTY = true) {
    const writes: string[] = []
    return { writes, stream: { isTTY, columns: 100, write: (chunk: string) => writes.push(chunk) } }
  }

  it('is drawn on a terminal for many files, and erased before the report', async () => {
    const { writes, stream } = terminal()
    const result = await run(['-f', 'json', 'news'], { cwd: archive, progress: stream })
    const drawn = writes.join('')
    expect(drawn).toMatch(/namelint \[=+\] 36\/36 files 100%/)
    expect(writes.at(-1)).toBe('\r\x1b[2K')
    expect(result.stdout).not.toContain('namelint [')
  })

  it('is drawn with worker threads too', async () => {
    const { writes, stream } = terminal()
    await run(['-f', 'json', '--concurrency', '2', 'news'], { cwd: archive, progress: stream })
    expect(writes.join('')).toMatch(/36\/36 files 100%/)
  })

  it('is not drawn off a terminal, for few files, or with --no-progress; --progress forces it', async () => {
    for (const [args, tty] of [
      [['news'], false],
      [['news/world/story-00.txt', 'news/desk/story-02.html'], true],
      [['--no-progress', 'news'], true],
    ] as const) {
      const { writes, stream } = terminal(tty)
      await run(['-f', 'json', ...args], { cwd: archive, progress: stream })
      expect(writes, args.join(' ')).toEqual([])
    }
    const { writes, stream } = terminal(false)
    await run(['-f', 'json', '--progress', 'news/world/story-00.txt'], { cwd: archive, progress: stream })
    expect(writes.join('')).toMatch(/1\/1 files 100%/)
  })

  it('draws a bar of the right length', () => {
    const writes: string[] = []
    const bar = new ProgressBar({ write: (s: string) => writes.push(s), columns: 80 }, 200, 0)
    bar.tick(50)
    expect(bar.line()).toMatch(/^namelint \[=+> +\]  50\/200 files  25%$/)
    bar.tick(150)
    expect(bar.line()).toMatch(/^namelint \[=+\] 200\/200 files 100%$/)
    bar.finish()
    expect(writes.at(-1)).toBe('\r\x1b[2K')
  })
})
