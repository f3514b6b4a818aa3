/**
 * Bad files through the CLI: invalid UTF-8, UTF-16 with a byte order mark (LE
 * and BE) and without one, binary files, empty files, NUL bytes, mixed
 * scripts (Cyrillic, Hangul, Arabic with RTL marks, combining marks, emoji,
 * ZWJ sequences) in plain text, Markdown and HTML, a 50 MB file, 1 MB lines,
 * named pipes. Each gets a clear message or a correct lint; nothing crashes;
 * the other files of the run are linted; every position lies inside the text.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ARTICLE, BUILT, cleanup, cli, expectPlacesInside, reportOf, spawnCli, tempDir, write, type JsonFile } from './helpers.js'

afterAll(async () => {
  cleanup()
  // The git repository of the --staged test comes from the hook tests' helpers.
  ;(await import('../fix/helpers.js')).cleanup()
})

beforeAll(() => {
  if (!BUILT) throw new Error('dist/ is missing: run `npm run build` before these tests')
})

/** A deterministic stream of pseudo-random bytes (xorshift32). */
function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length)
  let x = seed >>> 0
  for (let i = 0; i < length; i++) {
    x ^= x << 13
    x >>>= 0
    x ^= x >>> 17
    x ^= x << 5
    x >>>= 0
    out[i] = x & 0xff
  }
  return out
}

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16()

// Scripts, marks and sequences around names the built-in dictionary knows (Shoigu, Kyiv, Beijing).
const MIXED = [
  'Сергей Шойгу встретился с делегацией. 김정은 위원장이 회담에서 말했다.',
  '\u200F\u0627\u0644\u0642\u0627\u0647\u0631\u0629\u200E reported that Sergei Shuigu 👨\u200D👩\u200D👧 met officials 🇺🇦 in Kiev.',
  'Cafe\u0301 owner Jose\u0301 Garci\u0301a said e\u0301\u0301\u0301 officials left for Beijjing 🏳️\u200D🌈 on Tuesday.',
  '',
].join('\n')

/** The bytes of each bad file, and the text the linter should read from it (undefined: not linted). */
const FILES: Record<string, { bytes: Uint8Array; text?: string; expect: 'lint' | RegExp; corrupted?: boolean }> = {
  'good.txt': { bytes: Buffer.from(ARTICLE), text: ARTICLE, expect: 'lint', corrupted: true },
  'bom-utf8.txt': { bytes: Buffer.from('\uFEFF' + ARTICLE), text: '\uFEFF' + ARTICLE, expect: 'lint', corrupted: true },
  'utf16le.txt': { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MIXED, 'utf16le')]), text: '\uFEFF' + MIXED, expect: 'lint', corrupted: true },
  'utf16be.txt': { bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(MIXED)]), text: '\uFEFF' + MIXED, expect: 'lint', corrupted: true },
  'utf16-no-bom.txt': { bytes: Buffer.from(ARTICLE, 'utf16le'), expect: /looks like UTF-16 without a byte order mark/ },
  'invalid-utf8.txt': {
    bytes: Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owner said: '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' ' + ARTICLE)]),
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(' owner said: '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' ' + ARTICLE)])),
    expect: 'lint',
    corrupted: true,
  },
  'invalid-utf8-cr.txt': {
    bytes: Buffer.concat([Buffer.from('First line.\rSecond: caf'), Buffer.from([0xe9]), Buffer.from('.\r' + ARTICLE)]),
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(Buffer.concat([Buffer.from('First line.\rSecond: caf'), Buffer.from([0xe9]), Buffer.from('.\r' + ARTICLE)])),
    expect: 'lint',
    corrupted: true,
  },
  'binary.txt': { bytes: noise(8192), expect: /binary file/ },
  'archive.md': { bytes: Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0008\u0000', 'latin1'), noise(3000, 7)]), expect: /binary file/ },
  'empty.txt': { bytes: new Uint8Array(0), text: '', expect: 'lint' },
  'empty.md': { bytes: new Uint8Array(0), text: '', expect: 'lint' },
  'nul.txt': { bytes: Buffer.from(ARTICLE.replace('met', 'met\u0000').replace('Tuesday', '\u0000Tuesday\u0000')), text: ARTICLE.replace('met', 'met\u0000').replace('Tuesday', '\u0000Tuesday\u0000'), expect: 'lint', corrupted: true },
  'mixed.txt': { bytes: Buffer.from(MIXED), text: MIXED, expect: 'lint', corrupted: true },
  'mixed-crlf.txt': { bytes: Buffer.from(MIXED.replace(/\n/g, '\r\n')), text: MIXED.replace(/\n/g, '\r\n'), expect: 'lint', corrupted: true },
  'mixed-cr.txt': { bytes: Buffer.from(MIXED.replace(/\n/g, '\r')), text: MIXED.replace(/\n/g, '\r'), expect: 'lint', corrupted: true },
  'mixed.md': { bytes: Buffer.from('# ' + MIXED.replace('Sergei Shuigu', '**Sergei** Shuigu')), text: '# ' + MIXED.replace('Sergei Shuigu', '**Sergei** Shuigu'), expect: 'lint', corrupted: true },
  'mixed.html': { bytes: Buffer.from(`<p>${MIXED.trim().split('\n').join('</p>\n<p>')}</p>\n`), text: `<p>${MIXED.trim().split('\n').join('</p>\n<p>')}</p>\n`, expect: 'lint', corrupted: true },
  'controls.txt': { bytes: Buffer.from('\u0001\u0002\u0007\u0008 Sergei Shuigu \u001b[1m bold \u001b[0m\u007f\n'), text: '\u0001\u0002\u0007\u0008 Sergei Shuigu \u001b[1m bold \u001b[0m\u007f\n', expect: 'lint', corrupted: true },
}

function makeBatch(): string {
  const dir = tempDir()
  for (const [name, { bytes }] of Object.entries(FILES)) write(dir, name, bytes)
  return dir
}

function checkReport(report: JsonFile[]) {
  expect(report.map((f) => path.basename(f.path)).sort()).toEqual(Object.keys(FILES).sort())
  for (const file of report) {
    const name = path.basename(file.path)
    const spec = FILES[name]
    if (spec.expect instanceof RegExp) {
      // Not linted: one fatal message about the file, saying why; no rule ran.
      expect(file.messages, name).toHaveLength(1)
      expect(file.messages[0].fatal, name).toBe(true)
      expect(file.messages[0].ruleId, name).toBeFalsy()
      expect(file.messages[0].reason, name).toMatch(spec.expect)
      continue
    }
    expect(file.messages.filter((m) => m.fatal === true && !m.ruleId), `${name}: ${JSON.stringify(file.messages)}`).toEqual([])
    expectPlacesInside(spec.text!, file.messages, name)
    if (spec.corrupted) {
      // The corrupted name is found, at its place in the text as read (after marks, emoji, BOM, NUL...).
      const shoigu = file.messages.find((m) => m.ruleId === 'corrupted-name' && /Shuigu/.test(m.actual ?? ''))
      expect(shoigu, `${name}: ${JSON.stringify(file.messages.map((m) => m.reason))}`).toBeDefined()
      const start = (shoigu!.place as { start: { offset: number } }).start.offset
      expect(spec.text!.slice(start, start + (shoigu!.actual ?? '').length)).toBe(shoigu!.actual)
    }
  }
}

describe('bad files', () => {
  it('each gets a clear message or a correct lint, in one run, with every position inside the text', async () => {
    const dir = makeBatch()
    const result = await cli(['-f', 'json', '.'], dir)
    // Binary files are errors (exit 1), not usage or configuration problems (exit 2).
    expect(result.code, result.stderr).toBe(1)
    expect(result.stderr).toBe('')
    const report = JSON.parse(result.stdout) as JsonFile[]
    checkReport(report)
    // Invalid UTF-8: linted, with a warning at the first bad byte.
    const invalid = reportOf(result.stdout, 'invalid-utf8.txt')
    const note = invalid.messages.find((m) => /not valid UTF-8/.test(m.reason))
    expect(note).toMatchObject({ fatal: false, line: 1, column: 4 })
    expect(note!.reason).toMatch(/^4 bytes are not valid UTF-8 .*save it as UTF-8/)
    expect(reportOf(result.stdout, 'invalid-utf8-cr.txt').messages.find((m) => /not valid UTF-8/.test(m.reason))).toMatchObject({ line: 2, column: 12, reason: expect.stringMatching(/^1 byte is not valid UTF-8/) })
    // Positions in a UTF-16 file are those of its text, as in the same text saved as UTF-8 with a BOM.
    const le = reportOf(result.stdout, 'utf16le.txt').messages
    const be = reportOf(result.stdout, 'utf16be.txt').messages
    expect(be).toEqual(le)
  })

  it('the real CLI (bundled, in a child process) gives the same report', async () => {
    const dir = makeBatch()
    const child = await spawnCli(['-f', 'json', '.'], { cwd: dir })
    expect(child.code, child.stderr).toBe(1)
    expect(child.stderr).toBe('')
    checkReport(JSON.parse(child.stdout) as JsonFile[])
    // And a human report names every file that was not linted, without a stack trace.
    const stylish = await spawnCli(['.'], { cwd: dir })
    expect(stylish.code).toBe(1)
    expect(stylish.stderr).toMatch(/binary\.txt\n\s+error\s+not linted: binary file/)
    expect(stylish.stderr).not.toMatch(/\n\s+at /)
  })

  it('every output format reports the batch', async () => {
    const dir = makeBatch()
    for (const format of ['stylish', 'json', 'jsonl', 'sarif', 'github', 'lsp']) {
      const result = await cli(['-f', format, '.'], dir)
      expect(result.code, `${format}: ${result.stderr}`).toBe(1)
      const output = format === 'stylish' ? result.stderr : result.stdout
      expect(output, format).toMatch(/binary/)
      expect(output, format).toMatch(/Shuigu/)
    }
  })

  it('--fix fixes the UTF-8 files and leaves UTF-16, invalid UTF-8 and binary files byte for byte', async () => {
    const dir = makeBatch()
    const result = await cli(['--fix', '-f', 'json', '.'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/utf16le\.txt: not fixed: the file is UTF-16, and --fix writes UTF-8 only/)
    expect(result.stderr).toMatch(/invalid-utf8\.txt: not fixed: the file is not valid UTF-8/)
    for (const [name, spec] of Object.entries(FILES)) {
      const now = fs.readFileSync(path.join(dir, name))
      if (spec.text === undefined || name.startsWith('utf16') || name.startsWith('invalid')) expect(Buffer.compare(now, Buffer.from(spec.bytes)), name).toBe(0)
    }
    const fixed = fs.readFileSync(path.join(dir, 'good.txt'), 'utf8')
    expect(fixed).toContain('Sergei Shoigu')
    // NUL bytes and control characters survive a fix.
    const nul = fs.readFileSync(path.join(dir, 'nul.txt'), 'utf8')
    expect(nul).toContain('Sergei Shoigu')
    expect(nul.replace(/[^\u0000]/g, '')).toHaveLength(3)
    expect(fs.readFileSync(path.join(dir, 'controls.txt'), 'utf8')).toBe(FILES['controls.txt'].text!.replace('Shuigu', 'Shoigu'))
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('--staged checks the staged bytes, not the working copy', async () => {
    const { repository, gitOk } = await import('../hook/git.js')
    const dir = repository({ 'README.txt': 'A newsroom.\n' })
    for (const name of ['utf16le.txt', 'binary.txt', 'invalid-utf8.txt', 'good.txt']) write(dir, name, FILES[name].bytes)
    gitOk(dir, ['add', '-A'])
    // The working copy then differs: it is the staged content that counts.
    for (const name of ['utf16le.txt', 'binary.txt', 'invalid-utf8.txt']) write(dir, name, 'Nothing to see here.\n')
    const result = await cli(['--staged', '-f', 'json'], dir)
    expect(result.code, result.stderr).toBe(1)
    expect(reportOf(result.stdout, 'binary.txt').messages).toMatchObject([{ fatal: true, reason: expect.stringMatching(/binary file/) }])
    expectPlacesInside(FILES['utf16le.txt'].text!, reportOf(result.stdout, 'utf16le.txt').messages)
    expect(reportOf(result.stdout, 'utf16le.txt').messages.some((m) => m.actual === 'Sergei Shuigu')).toBe(true)
    expect(reportOf(result.stdout, 'invalid-utf8.txt').messages.some((m) => /not valid UTF-8/.test(m.reason))).toBe(true)
    expect(reportOf(result.stdout, 'good.txt').messages.some((m) => m.actual === 'Sergei Shuigu')).toBe(true)
  })

  it('a named pipe given by name is not read (it would block): a clear message, the other files linted', async () => {
    if (process.platform === 'win32') return
    const dir = tempDir()
    write(dir, 'good.txt', ARTICLE)
    const { spawnSync } = await import('node:child_process')
    if (spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]).status !== 0) return
    const result = await cli(['-f', 'json', 'pipe.txt', 'good.txt'], dir)
    expect(result.code).toBe(1)
    expect(reportOf(result.stdout, 'pipe.txt').messages).toMatchObject([{ fatal: true, reason: 'not linted: a named pipe (FIFO), not a regular file' }])
    expect(reportOf(result.stdout, 'good.txt').messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
  })
})

describe('special files inside a searched folder, and standard input', () => {
  it('a named pipe inside a folder given to lint is skipped, not read (the read would block); the rest is linted', async () => {
    if (process.platform === 'win32') return
    const dir = tempDir()
    write(dir, 'archive/good.txt', ARTICLE)
    write(dir, 'archive/deep/also.txt', ARTICLE)
    const { spawnSync } = await import('node:child_process')
    if (spawnSync('mkfifo', [path.join(dir, 'archive', 'deep', 'pipe [draft]*.txt')]).status !== 0) return
    const result = await spawnCli(['-f', 'json', 'archive'], { cwd: dir, timeout: 20_000 })
    expect(result.signal).toBeNull()
    const report = JSON.parse(result.stdout) as JsonFile[]
    expect(report.map((f) => f.path).sort()).toEqual(['archive/deep/also.txt', 'archive/good.txt'])
    expect(reportOf(result.stdout, 'archive/deep/also.txt').messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
  })

  it('standard input is screened like a file: UTF-16 decoded and linted, binary refused with a clear message', async () => {
    const { Readable } = await import('node:stream')
    const { run } = await import('../../src/cli.js')
    const dir = tempDir()
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')])
    const linted = await run(['-f', 'json'], { cwd: dir, isTTY: false, stdin: Readable.from([utf16]) })
    const [file] = JSON.parse(linted.stdout) as JsonFile[]
    expect(file.messages.some((m) => m.actual === 'Sergei Shuigu')).toBe(true)
    const binary = noise(4000)
    const refused = await run(['-f', 'json'], { cwd: dir, isTTY: false, stdin: Readable.from([Buffer.from(binary)]) })
    expect(refused.code).toBe(1)
    expect((JSON.parse(refused.stdout) as JsonFile[])[0].messages).toMatchObject([{ fatal: true, reason: expect.stringMatching(/binary file/) }])
  })

  it('--fix on binary or UTF-16 standard input passes the bytes through unchanged and exits 2', async () => {
    const { Readable } = await import('node:stream')
    const { run } = await import('../../src/cli.js')
    const dir = tempDir()
    for (const bytes of [Buffer.from(noise(4000)), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')])]) {
      const result = await run(['--fix'], { cwd: dir, isTTY: false, stdin: Readable.from([bytes]) })
      expect(result.code).toBe(2)
      expect(Buffer.compare(Buffer.from(result.stdoutBytes!), bytes)).toBe(0)
      expect(result.stderr).toMatch(/standard input not fixed/)
    }
  })
})

describe('line breaks in long files', () => {
  // Past 16,000 characters the parser is fed in pieces (the parser property of fuzz.test.ts checks the tree's own positions).
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('%s: every position of a 40 KB file has its line and column', async (_, eol) => {
    const dir = tempDir()
    const right = ARTICLE.trim().replace('Shuigu', 'Shoigu').replace('Kiev', 'Kyiv').replace('Quaran', 'Korean')
    const lines = Array.from({ length: 320 }, (_, i) => (i === 150 || i === 310 ? ARTICLE.trim() : right.replace('Tuesday', `day ${i}`)))
    const text = lines.join(eol) + eol
    write(dir, 'long.txt', text)
    const result = await cli(['-f', 'json', 'long.txt'], dir)
    const file = reportOf(result.stdout, 'long.txt')
    expectPlacesInside(text, file.messages)
    expect(file.messages.filter((m) => m.actual === 'Sergei Shuigu').map((m) => [m.line, m.column])).toEqual([
      [151, 18],
      [311, 18],
    ])
  })
})

describe('size', () => {
  it('a 50 MB file is refused at once with a clear message (the limit is 10 MB); the other files are linted', async () => {
    const dir = tempDir()
    const paragraph = Buffer.from(ARTICLE.repeat(8) + '\n')
    const chunks: Buffer[] = []
    for (let size = 0; size < 50 * 1024 * 1024; size += paragraph.length) chunks.push(paragraph)
    write(dir, 'huge.txt', Buffer.concat(chunks))
    write(dir, 'good.txt', ARTICLE)
    const started = performance.now()
    const result = await cli(['-f', 'json', 'huge.txt', 'good.txt'], dir)
    expect(performance.now() - started).toBeLessThan(20_000)
    expect(result.code).toBe(1)
    expect(reportOf(result.stdout, 'huge.txt').messages).toMatchObject([
      { fatal: true, reason: 'not linted: the file is too large (50 MB; the limit is 10 MB): split it, or raise the limit with NAMELINT_MAX_FILE_SIZE=<bytes>' },
    ])
    expect(reportOf(result.stdout, 'good.txt').messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
    // --fix leaves it alone.
    const fix = await cli(['--fix', 'huge.txt'], dir)
    expect(fix.code).toBe(1)
    expect(fs.statSync(path.join(dir, 'huge.txt')).size).toBe(chunks.length * paragraph.length)
  }, 60_000)

  it('NAMELINT_MAX_FILE_SIZE sets the limit (0: none)', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'Officials met again on Tuesday. '.repeat(80) + ARTICLE)
    const saved = process.env.NAMELINT_MAX_FILE_SIZE
    try {
      process.env.NAMELINT_MAX_FILE_SIZE = '1000'
      const small = await cli(['-f', 'json', 'a.txt'], dir)
      expect(reportOf(small.stdout, 'a.txt').messages).toMatchObject([{ fatal: true, reason: expect.stringContaining('too large (2.6 KB; the limit is 1000 bytes)') }])
      process.env.NAMELINT_MAX_FILE_SIZE = '0'
      const none = await cli(['-f', 'json', 'a.txt'], dir)
      expect(reportOf(none.stdout, 'a.txt').messages.some((m) => m.ruleId === 'corrupted-name')).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.NAMELINT_MAX_FILE_SIZE
      else process.env.NAMELINT_MAX_FILE_SIZE = saved
    }
  })

  // Linting is linear in the text: about 2 s per MB of news on one core. These catch anything quadratic.
  it('a 1 MB line of prose is linted in bounded time, with every position inside it', async () => {
    const dir = tempDir()
    // The right spellings again and again, and a corrupted one in the middle and at the end.
    const right = ARTICLE.trim().replace('Shuigu', 'Shoigu').replace('Kiev', 'Kyiv').replace('Quaran', 'Korean')
    let line = ''
    for (let i = 0; line.length < 1024 * 1024; i++) {
      if (i === 2000) line += ARTICLE.trim() + ' '
      line += right.replace('Tuesday', `day ${i}`) + ' '
    }
    line += ARTICLE.trim()
    write(dir, 'line.txt', line + '\n')
    const started = performance.now()
    const result = await cli(['-f', 'json', 'line.txt'], dir)
    expect(performance.now() - started).toBeLessThan(45_000)
    const file = reportOf(result.stdout, 'line.txt')
    const found = file.messages.filter((m) => m.actual === 'Sergei Shuigu').map((m) => (m.place as { start: { offset: number } }).start.offset)
    expect(found).toEqual([line.indexOf('Sergei Shuigu'), line.lastIndexOf('Sergei Shuigu')])
    expectPlacesInside(line + '\n', file.messages)
  }, 90_000)

  it('a 1 MB run without a space (an encoded blob) is linted in bounded time', async () => {
    const dir = tempDir()
    const blob = Buffer.from(noise(768 * 1024, 3)).toString('base64')
    write(dir, 'blob.txt', `Sergei Shuigu sent ${blob} to Kiev.\n`)
    const started = performance.now()
    const result = await cli(['-f', 'json', 'blob.txt'], dir)
    // Was minutes: the spelling rule's address pattern backtracked over the whole run at every offset.
    expect(performance.now() - started).toBeLessThan(45_000)
    const file = reportOf(result.stdout, 'blob.txt')
    expectPlacesInside(`Sergei Shuigu sent ${blob} to Kiev.\n`, file.messages)
    expect(file.messages.some((m) => m.actual === 'Sergei Shuigu')).toBe(true)
  }, 90_000)
})
