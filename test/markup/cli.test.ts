/**
 * The CLI on Markdown and HTML files: found by extension, positions in the
 * original file, `--fix` edits only the flagged spans, replacements escaped
 * for the syntax, standard input by --stdin-filename.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, cli, tempDir, write } from '../fix/helpers.js'
import { RULE_IDS } from '../../src/rules.js'

afterAll(cleanup)

type Message = { ruleId: string; actual: string; expected: string[]; line: number; column: number; place: { start: { offset: number; line: number; column: number }; end: { offset: number } } }
type Report = Array<{ path: string; messages: Message[] }>

const SHOIGU = 'Russian defence minister Sergei Shuigu met Kim Jong Un in Pyongyang on Tuesday.'
// The spelling rule is not what these tests are about.
const NO_SPELLING = RULE_IDS.includes('spelling') ? ['--rule', 'spelling=off'] : []

const MARKDOWN = [
  '---',
  'title: Sergei Shuigu in Kiev',
  '---',
  '',
  '# Talks in Kiev',
  '',
  `${SHOIGU.replace('Sergei Shuigu', '**Sergei** Shuigu')}`,
  '',
  '- A list item about',
  '  Sergei Shuigu and [Kiev](https://example.com/Kiev).',
  '',
  '```',
  'Sergei Shuigu in code, Kiev',
  '```',
  '',
  'Inline `Kiev` code and <https://example.com/Kiev>.',
  '',
].join('\n')

describe('Markdown and HTML on the command line', () => {
  it('finds .md, .markdown, .html and .htm files in folders', async () => {
    const dir = tempDir()
    for (const name of ['a.md', 'b.markdown', 'c.html', 'd.htm', 'e.txt', 'f.rst']) write(dir, `news/${name}`, 'Talks in Kiev.\n')
    const result = await cli(['-f', 'json', ...NO_SPELLING, 'news'], { cwd: dir })
    const report = JSON.parse(result.stdout) as Report
    expect(report.map((f) => f.path)).toEqual(['news/a.md', 'news/b.markdown', 'news/c.html', 'news/d.htm', 'news/e.txt'])
    for (const file of report) expect(file.messages.map((m) => m.actual)).toEqual(['Kiev'])
  })

  it('reports prose only, at the places in the original file', async () => {
    const dir = tempDir()
    write(dir, 'story.md', MARKDOWN)
    const result = await cli(['-f', 'json', ...NO_SPELLING, 'story.md'], { cwd: dir })
    const messages = (JSON.parse(result.stdout) as Report)[0].messages
    const at = messages.map((m) => [m.ruleId, m.actual, m.line, m.column]).sort((a, b) => Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]))
    expect(at).toEqual([
      ['preferred-name', 'Kiev', 5, 12],
      ['corrupted-name', 'Shuigu', 7, 37],
      ['corrupted-name', 'Sergei Shuigu', 10, 3],
      ['preferred-name', 'Kiev', 10, 22],
    ])
    for (const m of messages) expect(MARKDOWN.slice(m.place.start.offset, m.place.end.offset)).toBe(m.actual)
  })

  it('fixes only the flagged spans, keeping markup, code, links and front matter', async () => {
    const dir = tempDir()
    const file = write(dir, 'story.md', MARKDOWN)
    const result = await cli(['--fix', ...NO_SPELLING, 'story.md'], { cwd: dir })
    expect(result.code).toBe(0)
    const expected = MARKDOWN.replace('# Talks in Kiev', '# Talks in Kyiv')
      .replace('**Sergei** Shuigu', '**Sergei** Shoigu')
      .replace('  Sergei Shuigu and [Kiev]', '  Sergei Shoigu and [Kyiv]')
    expect(fs.readFileSync(file, 'utf8')).toBe(expected)
    // The diff of a dry run shows the same.
    write(dir, 'again.md', MARKDOWN)
    const dry = await cli(['--fix-dry-run', ...NO_SPELLING, 'again.md'], { cwd: dir })
    expect(dry.stdout).toContain('-# Talks in Kiev\n+# Talks in Kyiv\n')
    expect(dry.stdout).toContain('+  Sergei Shoigu and [Kyiv](https://example.com/Kiev).\n')
  })

  it('reports a name that crosses markup inside its changed word, but does not fix it', async () => {
    const dir = tempDir()
    const text = SHOIGU.replace('Shuigu', 'Shu*i*gu') + '\n'
    const file = write(dir, 'a.md', text)
    const result = await cli(['--fix', '-f', 'json', ...NO_SPELLING, 'a.md'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toBe(text)
    const [message] = (JSON.parse(result.stdout) as Report)[0].messages
    expect(message.actual).toBe('Sergei Shuigu')
    expect(text.slice(message.place.start.offset, message.place.end.offset)).toBe('Sergei Shu*i*gu')
    // SARIF offers no fix for it either.
    const sarif = JSON.parse((await cli(['-f', 'sarif', ...NO_SPELLING, 'a.md'], { cwd: dir })).stdout) as { runs: Array<{ results: Array<{ fixes?: unknown }> }> }
    expect(sarif.runs[0].results[0].fixes).toBeUndefined()
  })

  it('fixes HTML text, escaping the replacement', async () => {
    const dir = tempDir()
    write(dir, 'house.yaml', 'entities:\n  - id: org-marks-and-spencer\n    type: organization\n    name: Marks & Spencer\n    deprecated: [{ spelling: Marks and Spencer }]\n')
    const html = `<!doctype html>\n<title>Kiev</title>\n<p class="Kiev">Shares of Marks and Spencer rose in <a href="/Kiev">Kiev</a>. <code>Kiev</code>\n<p>${SHOIGU.replace('Sergei', '<i>Sergei</i>')}</p>\n`
    const file = write(dir, 'page.html', html)
    const result = await cli(['--fix', '-d', 'house.yaml', ...NO_SPELLING, 'page.html'], { cwd: dir })
    expect(result.code).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toBe(
      `<!doctype html>\n<title>Kyiv</title>\n<p class="Kiev">Shares of Marks &amp; Spencer rose in <a href="/Kiev">Kyiv</a>. <code>Kiev</code>\n<p>${SHOIGU.replace('Sergei Shuigu', '<i>Sergei</i> Shoigu')}</p>\n`,
    )
  })

  it('takes the syntax of standard input from --stdin-filename', async () => {
    const dir = tempDir()
    const text = 'Talks in `Kiev` and Kiev.\n'
    const asText = JSON.parse((await cli(['-f', 'json', ...NO_SPELLING], { cwd: dir, stdin: text })).stdout) as Report
    expect(asText[0].messages).toHaveLength(2)
    const asMarkdown = JSON.parse((await cli(['-f', 'json', ...NO_SPELLING, '--stdin-filename', 'story.md'], { cwd: dir, stdin: text })).stdout) as Report
    expect(asMarkdown[0].messages.map((m) => m.place.start.offset)).toEqual([text.lastIndexOf('Kiev')])
    const fixed = await cli(['--fix', ...NO_SPELLING, '--stdin-filename', 'story.md'], { cwd: dir, stdin: text })
    expect(fixed.stdout).toBe('Talks in `Kiev` and Kyiv.\n')
  })

  it('keeps a BOM and CRLF line endings of a Markdown file', async () => {
    const dir = tempDir()
    const text = '\uFEFF# Kiev\r\n\r\n> Quote about\r\n> Sergei Shuigu in Kiev\r\n'
    const file = write(dir, 'a.md', text)
    await cli(['--fix', ...NO_SPELLING, 'a.md'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toBe('\uFEFF# Kyiv\r\n\r\n> Quote about\r\n> Sergei Shoigu in Kyiv\r\n')
    expect(path.basename(file)).toBe('a.md')
  })
})
