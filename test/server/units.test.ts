/** The server's parts, in process: positions, diagnostics, code actions, the dictionary file, settings, hovers, linting. */
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Diagnostic } from 'vscode-languageserver-protocol'
import { LineIndex, rangesIntersect } from '../../src/server/positions.js'
import { fileToDiagnostics, lintMessageToDiagnostic, type LintMessage } from '../../src/server/diagnostics.js'
import { codeActions, fixAllEdit, FIX_ALL_KIND } from '../../src/server/actions.js'
import { addToDictionary, slugFor, wordToAdd } from '../../src/server/dictionary-file.js'
import { parseSettings } from '../../src/server/settings.js'
import { hoverMarkdown, parseNote } from '../../src/server/hover.js'
import { lint } from '../../src/server/lint.js'
import { run } from '../../src/cli.js'
import { createProcessor } from '../../src/processor.js'
import { VFile } from 'vfile'
import { TEXT, makeWorkspace } from './fixtures.js'

describe('LineIndex', () => {
  it('maps offsets to LSP positions across \\n, \\r\\n and \\r', () => {
    const lines = new LineIndex('ab\ncd\r\nef\rgh')
    expect(lines.lineCount).toBe(4)
    expect(lines.positionAt(0)).toEqual({ line: 0, character: 0 })
    expect(lines.positionAt(3)).toEqual({ line: 1, character: 0 })
    expect(lines.positionAt(5)).toEqual({ line: 1, character: 2 })
    expect(lines.positionAt(7)).toEqual({ line: 2, character: 0 })
    expect(lines.positionAt(10)).toEqual({ line: 3, character: 0 })
    expect(lines.positionAt(99)).toEqual({ line: 3, character: 2 })
    expect(lines.offsetAt({ line: 1, character: 99 })).toBe(5)
    expect(lines.offsetAt({ line: 3, character: 1 })).toBe(11)
  })

  it('counts UTF-16 code units, as LSP does', () => {
    const text = '😀 Kyiv'
    const lines = new LineIndex(text)
    expect(lines.positionAt(text.indexOf('Kyiv'))).toEqual({ line: 0, character: 3 })
    expect(lines.placeToRange({ start: { line: 1, column: 4, offset: 3 }, end: { line: 1, column: 8, offset: 7 } })).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 7 } })
    // Without offsets: unist's 1-based line and column.
    expect(lines.placeToRange({ line: 1, column: 4 })).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 3 } })
    expect(lines.placeToRange(undefined)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })
  })

  it('tells overlapping ranges', () => {
    const r = (a: number, b: number) => ({ start: { line: 0, character: a }, end: { line: 0, character: b } })
    expect(rangesIntersect(r(0, 5), r(5, 5))).toBe(true)
    expect(rangesIntersect(r(0, 5), r(6, 8))).toBe(false)
  })
})

const message = (over: Partial<LintMessage>): LintMessage => ({
  range: { start: { line: 0, character: 6 }, end: { line: 0, character: 12 } },
  reason: 'Unexpected `Shuigu`, expected `Shoigu`',
  ruleId: 'corrupted-name',
  source: 'namelint',
  fatal: false,
  actual: 'Shuigu',
  expected: ['Shoigu'],
  confidence: 0.9,
  ...over,
})

describe('diagnostics and code actions', () => {
  it('turns messages into diagnostics with severity, code, link and data', () => {
    expect(lintMessageToDiagnostic(message({ url: 'https://x/corrupted-name.md' }))).toEqual({
      range: { start: { line: 0, character: 6 }, end: { line: 0, character: 12 } },
      severity: 2,
      source: 'namelint',
      code: 'corrupted-name',
      codeDescription: { href: 'https://x/corrupted-name.md' },
      message: 'Unexpected `Shuigu`, expected `Shoigu`',
      data: { actual: 'Shuigu', expected: ['Shoigu'], confidence: 0.9 },
    })
    expect(lintMessageToDiagnostic(message({ fatal: true })).severity).toBe(1)
    expect(lintMessageToDiagnostic(message({ fatal: undefined })).severity).toBe(3)
    expect(lintMessageToDiagnostic(message({ problem: true, ruleId: undefined, reason: 'bad config' })).message).toBe('namelint: bad config')
  })

  const text = 'Later Shuigu met Shuigu and Beijjing.'
  const lines = new LineIndex(text)
  const at = (word: string, from = 0) => {
    const start = text.indexOf(word, from)
    return { start: lines.positionAt(start), end: lines.positionAt(start + word.length) }
  }
  const d1 = lintMessageToDiagnostic(message({ range: at('Shuigu') }))
  const d2 = lintMessageToDiagnostic(message({ range: at('Shuigu', 10), confidence: 0.5 }))
  const d3 = lintMessageToDiagnostic(message({ range: at('Beijjing'), actual: 'Beijjing', expected: ['Beijing', 'Benin'], confidence: 0.99 }))
  const all: Diagnostic[] = [d1, d2, d3]

  it('offers a fix per suggestion, preferred only for one confident suggestion', () => {
    const actions = codeActions({ uri: 'file:///a.txt', lines, current: all, requested: [], range: d1.range })
    expect(actions.map((a) => [a.title, a.isPreferred ?? false])).toEqual([
      ['Change “Shuigu” to “Shoigu”', true],
      ['Add “Shuigu” to the workspace dictionary', false],
      // With more than one problem in the document, the quick-fix menu also offers fixing them all.
      ['Fix all namelint problems (3)', false],
    ])
    const unsure = codeActions({ uri: 'file:///a.txt', lines, current: all, requested: [], range: d2.range })
    expect(unsure[0].isPreferred).toBeUndefined()
    const several = codeActions({ uri: 'file:///a.txt', lines, current: all, requested: [], range: d3.range })
    expect(several.filter((a) => a.kind === 'quickfix' && a.edit).map((a) => a.isPreferred ?? false)).toEqual([false, false])
    // Only quick fixes asked for: no fix-all; a fix-all asked for: nothing else.
    expect(codeActions({ uri: 'file:///a.txt', lines, current: all, requested: [], range: d3.range, only: ['quickfix'] }).some((a) => a.kind === FIX_ALL_KIND)).toBe(false)
    expect(codeActions({ uri: 'file:///a.txt', lines, current: all, requested: [], range: d3.range, only: [FIX_ALL_KIND] }).map((a) => a.kind)).toEqual([FIX_ALL_KIND])
  })

  it('falls back on the diagnostics the client sent, and skips stale ones', () => {
    const actions = codeActions({ uri: 'file:///a.txt', lines, requested: [d1], range: d1.range })
    expect(actions[0].title).toBe('Change “Shuigu” to “Shoigu”')
    const stale = new LineIndex('Later Shoigu met Shuigu and Beijjing.')
    expect(codeActions({ uri: 'file:///a.txt', lines: stale, requested: [d1], range: d1.range })).toEqual([])
  })

  it('fixes all with the best suggestion each, in one edit', () => {
    const fix = fixAllEdit('file:///a.txt', all, lines)!
    expect(fix.edit.changes!['file:///a.txt'].map((e) => e.newText)).toEqual(['Shoigu', 'Shoigu', 'Beijing'])
  })
})

describe('workspace dictionary', () => {
  it('makes ids and words', () => {
    expect(slugFor('Sergei Shuigu')).toBe('user-sergei-shuigu')
    expect(slugFor('Zelenskyy’s Ōsaka')).toBe('user-zelenskyy-s-osaka')
    expect(slugFor('Шойгу')).toMatch(/^user-[0-9a-f-]+$/)
    expect(wordToAdd('Shuigu’s')).toBe('Shuigu')
    expect(wordToAdd('“Shuigu,”')).toBe('Shuigu')
  })

  it('creates the file, appends to it keeping comments, and never duplicates', async () => {
    const ws = makeWorkspace()
    try {
      const file = ws.file('.namelint/dictionary.yaml')
      expect(await addToDictionary(file, 'Shuigu')).toMatchObject({ added: true, created: true, id: 'user-shuigu' })
      writeFileSync(file, readFileSync(file, 'utf8') + '  # my note\n  - id: user-x\n    name: Xi\n')
      expect(await addToDictionary(file, 'shuigu')).toMatchObject({ added: false, id: 'user-shuigu' })
      expect(await addToDictionary(file, 'Shuígu')).toMatchObject({ added: false })
      expect(await addToDictionary(file, 'Shui-Gu')).toMatchObject({ added: true, id: 'user-shui-gu' })
      const text = readFileSync(file, 'utf8')
      expect(text).toContain('# my note')
      expect(text).toContain('# namelint workspace dictionary')
      expect(parse(text).entities).toEqual([
        { id: 'user-shuigu', type: 'other', name: 'Shuigu' },
        { id: 'user-x', name: 'Xi' },
        { id: 'user-shui-gu', type: 'other', name: 'Shui-Gu' },
      ])
      // A broken file is never rewritten.
      writeFileSync(file, 'entities: [\n')
      await expect(addToDictionary(file, 'Other')).rejects.toThrow(/cannot parse/)
      expect(readFileSync(file, 'utf8')).toBe('entities: [\n')
    } finally {
      ws.cleanup()
    }
  })
})

describe('settings and hovers', () => {
  it('reads settings leniently', () => {
    const { settings, problems } = parseSettings({ rules: { 'corrupted-name': 'warn', 'no-such-rule': 'error', 'preferred-name': 'loud' }, debounce: 10, dictionaries: ['a.yaml', 3] })
    expect(settings.rules).toEqual({ 'corrupted-name': 'warning' })
    expect(settings.debounce).toBe(10)
    expect(settings.dictionaries).toEqual(['a.yaml'])
    expect(problems).toHaveLength(2)
    expect(parseSettings(null).settings.workspaceDictionary).toBe('.namelint/dictionary.yaml')
  })

  it('shows the entity, description, evidence and confidence', () => {
    const note = 'North Korean: of or from North Korea. Evidence: spelling close to "North Korean" (transliteration distance 1.60, 4 edits); the rest of the name matches. Confidence 0.66. Other candidates: North Korea, North Carolina.'
    expect(parseNote(note)).toEqual({
      entity: 'North Korean: of or from North Korea.',
      evidence: 'spelling close to "North Korean" (transliteration distance 1.60, 4 edits); the rest of the name matches',
      confidence: '0.66',
      rest: 'Other candidates: North Korea, North Carolina.',
    })
    const md = hoverMarkdown(message({ note, confidence: 0.659, entity: 'demonym-kp', url: 'https://x/corrupted-name.md' }))
    expect(md).toContain('**Entity:** North Korean (`demonym-kp`) — of or from North Korea.')
    expect(md).toContain('**Why flagged:** spelling close to')
    expect(md).toContain('**Confidence:** 0.66')
    expect(md).toContain('[corrupted-name](https://x/corrupted-name.md)')
    // A note of another shape is shown as it is.
    expect(hoverMarkdown(message({ note: 'Kyiv: the preferred spelling is "Kyiv".' }))).toContain('the preferred spelling is')
  })
})

describe('lint', () => {
  it('reports what the CLI reports for the same file and configuration', { timeout: 60_000 }, async () => {
    const ws = makeWorkspace({ 'news.txt': TEXT })
    try {
      const cli = await run(['--format', 'json', 'news.txt'], { cwd: ws.dir })
      const expected = (JSON.parse(cli.stdout) as Array<{ messages: Array<{ ruleId: string; actual: string; expected: string[]; line: number; column: number }> }>)[0].messages
      const ours = await lint({ text: TEXT, filePath: ws.file('news.txt'), cwd: ws.dir, overrides: {} })
      expect(ours.ignored).toBe(false)
      expect(ours.messages.map((m) => [m.ruleId, m.actual, m.expected, m.range.start.line + 1, m.range.start.character + 1])).toEqual(
        expected.map((m) => [m.ruleId, m.actual, m.expected, m.line, m.column]),
      )
      expect(ours.messages.some((m) => m.actual === 'Valentina Korchagena')).toBe(true)
      // The same mapping for a file linted with the processor directly.
      const processor = createProcessor({ dictionaries: [ws.file('names.yaml')] })
      const file = new VFile({ path: ws.file('news.txt'), value: TEXT })
      await processor.run(processor.parse(file), file)
      expect(fileToDiagnostics(file).map((d) => d.range)).toEqual(ours.messages.map((m) => m.range))
    } finally {
      ws.cleanup()
    }
  })
})
