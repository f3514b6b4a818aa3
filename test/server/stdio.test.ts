/**
 * The language server over stdio, driven by a real JSON-RPC client
 * (vscode-languageserver-protocol): initialize, open, diagnostics, code
 * actions applied, diagnostics cleared, configuration changes, dictionary.
 * Runs the built server (`npm run build` first).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { CodeAction, Diagnostic, MarkupContent } from 'vscode-languageserver-protocol'
import { SERVER_BUILT, TestClient, uriOf } from './client.js'
import { CORRUPTED, TEXT, makeWorkspace } from './fixtures.js'

const TIMEOUT = 60_000
const cleanups: Array<() => Promise<void> | void> = []

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function start(files?: Record<string, string>, settings?: Record<string, unknown>, options: { pull?: boolean; initializationOptions?: unknown; args?: string[] } = {}) {
  const ws = makeWorkspace(files)
  const client = new TestClient({ workspace: ws.dir, settings, ...options })
  cleanups.push(ws.cleanup, () => client.stop())
  const init = await client.initialize()
  return { ws, client, init }
}

const corrupted = (d: Diagnostic) => d.range.start.line === CORRUPTED.start.line && d.range.start.character === CORRUPTED.start.character

beforeAll(() => {
  if (!SERVER_BUILT) throw new Error('dist/src/server/main.js is missing: run `npm run build` before these tests')
})

describe('namelint language server over stdio', () => {
  it('initializes with its capabilities', { timeout: TIMEOUT }, async () => {
    const { init, client } = await start()
    expect(init.serverInfo?.name).toBe('namelint-language-server')
    expect(init.capabilities.hoverProvider).toBe(true)
    expect(init.capabilities.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.namelint'] })
    expect(init.capabilities.executeCommandProvider?.commands).toContain('namelint.addToDictionary')
    expect(init.capabilities.textDocumentSync).toMatchObject({ openClose: true, change: 2 })
    // Dynamic registrations asked for by the server: configuration changes and watched files.
    await new Promise((r) => setTimeout(r, 300))
    expect(client.registrations).toEqual(expect.arrayContaining(['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']))
  })

  it('publishes diagnostics, hovers, and quick fixes that clear them', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.txt'), TEXT)
    const first = await client.current(uri, (p) => p.diagnostics.length > 0)
    const d = first.diagnostics.find(corrupted)
    expect(d, JSON.stringify(first.diagnostics)).toBeDefined()
    expect(d).toMatchObject({
      range: CORRUPTED,
      severity: 2,
      source: 'namelint',
      code: 'corrupted-name',
      codeDescription: { href: expect.stringContaining('corrupted-name') },
      data: { actual: 'Valentina Korchagena', expected: ['Valentina Korchagina'], entity: 'test-valentina-korchagina' },
    })
    expect(d!.message).toContain('Valentina Korchagina')

    // Hover: entity, description, evidence, confidence.
    const hover = await client.hover(uri, 1, 10)
    const value = (hover?.contents as MarkupContent).value
    expect(value).toContain('Valentina Korchagina')
    expect(value).toContain("Mayor of the fictional town of Testograd")
    expect(value).toMatch(/Why flagged:.*document names it elsewhere/)
    expect(value).toMatch(/Confidence:\*\* 1\.00|Confidence:\*\* 0\.\d\d/)
    expect(hover?.range).toEqual(CORRUPTED)
    expect(await client.hover(uri, 0, 2)).toBeNull()

    // Quick fixes: one per suggestion; the only, confident one is preferred; plus "add to dictionary".
    const actions = await client.codeActions(uri, d!.range, [d!])
    const fixes = actions.filter((a) => a.kind === 'quickfix' && a.edit)
    expect(fixes.map((a) => a.title)).toEqual(['Change “Valentina Korchagena” to “Valentina Korchagina”'])
    expect(fixes[0].isPreferred).toBe(true)
    expect(fixes[0].diagnostics).toEqual([d])
    const add = actions.find((a) => a.command?.command === 'namelint.addToDictionary')
    expect(add?.title).toBe('Add “Valentina Korchagena” to the workspace dictionary')

    // Any other flagged name with several suggestions gets one fix per suggestion, none preferred.
    for (const other of first.diagnostics.filter((x) => !corrupted(x))) {
      const expected = (other.data as { expected: string[] }).expected
      const its = (await client.codeActions(uri, other.range, [other])).filter((a) => a.kind === 'quickfix' && a.edit)
      expect(its).toHaveLength(expected.length)
      if (expected.length > 1) expect(its.some((a) => a.isPreferred)).toBe(false)
    }

    // Apply the fix as an editor would: an incremental didChange; the diagnostic goes away.
    client.applyEdit(fixes[0].edit!)
    expect(client.text(uri)).toContain('Later Valentina Korchagina flew home')
    const after = await client.current(uri)
    expect(after.diagnostics.find(corrupted)).toBeUndefined()
    expect(after.diagnostics).toHaveLength(first.diagnostics.length - 1)
  })

  it('fixes everything with source.fixAll.namelint and the diagnostics clear', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.md'), `# Talks\n\n${TEXT}`, 'markdown')
    const first = await client.current(uri, (p) => p.diagnostics.length > 0)
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
    const actions = await client.codeActions(uri, range, [], ['source.fixAll'])
    expect(actions).toHaveLength(1)
    const fixAll = actions[0] as CodeAction
    expect(fixAll.kind).toBe('source.fixAll.namelint')
    expect(fixAll.diagnostics).toHaveLength(first.diagnostics.length)
    // Not offered for other kinds.
    expect(await client.codeActions(uri, range, [], ['source.organizeImports'])).toEqual([])
    client.applyEdit(fixAll.edit!)
    expect(client.text(uri)).toContain('Later Valentina Korchagina flew home')
    const after = await client.current(uri)
    expect(after.diagnostics).toEqual([])
  })

  it('adds a name to the workspace dictionary, creating it, and re-lints', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.txt'), TEXT)
    const first = await client.current(uri, (p) => p.diagnostics.some(corrupted))
    const d = first.diagnostics.find(corrupted)!
    const add = (await client.codeActions(uri, d.range, [d])).find((a) => a.command?.command === 'namelint.addToDictionary')!
    const count = client.published.length
    const result = await client.executeCommand(add.command!.command, add.command!.arguments!)
    expect(result).toMatchObject({ added: true, created: true, id: 'user-valentina-korchagena' })
    const file = ws.file('.namelint/dictionary.yaml')
    expect(existsSync(file)).toBe(true)
    const written = parse(readFileSync(file, 'utf8'))
    expect(written.entities).toEqual([{ id: 'user-valentina-korchagena', type: 'other', name: 'Valentina Korchagena' }])
    const after = await client.diagnostics(uri, () => true, { after: count })
    expect(after.diagnostics.find(corrupted)).toBeUndefined()
    expect(after.diagnostics).toHaveLength(first.diagnostics.length - 1)
    // Adding it again writes nothing.
    expect(await client.executeCommand(add.command!.command, add.command!.arguments!)).toMatchObject({ added: false })
    expect(parse(readFileSync(file, 'utf8')).entities).toHaveLength(1)
  })

  it('re-lints when the configuration changes (didChangeConfiguration)', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.txt'), TEXT)
    const first = await client.current(uri, (p) => p.diagnostics.some(corrupted))
    expect(first.diagnostics.find(corrupted)!.severity).toBe(2)

    let count = client.published.length
    await client.setSettings({ rules: { 'corrupted-name': 'error' } })
    const errors = await client.diagnostics(uri, () => true, { after: count })
    expect(errors.diagnostics.find(corrupted)!.severity).toBe(1)

    count = client.published.length
    await client.setSettings({ rules: { 'corrupted-name': 'off' } })
    const off = await client.diagnostics(uri, () => true, { after: count })
    expect(off.diagnostics.filter((x) => x.code === 'corrupted-name')).toEqual([])

    // Back to the configuration files' severities, then switched off altogether.
    count = client.published.length
    await client.setSettings({})
    expect((await client.diagnostics(uri, () => true, { after: count })).diagnostics.find(corrupted)!.severity).toBe(2)
    count = client.published.length
    await client.setSettings({ enable: false })
    expect((await client.diagnostics(uri, () => true, { after: count })).diagnostics).toEqual([])
  })

  it('takes settings from initialization options and pushed configuration when the client has no workspace/configuration', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start(undefined, undefined, { pull: false, initializationOptions: { rules: { 'corrupted-name': 'info' } } })
    const uri = client.open(ws.file('news.txt'), TEXT)
    const first = await client.current(uri, (p) => p.diagnostics.some(corrupted))
    expect(first.diagnostics.find(corrupted)!.severity).toBe(3)
    const count = client.published.length
    await client.setSettings({ rules: { 'corrupted-name': 'error' } })
    const pushed = await client.diagnostics(uri, () => true, { after: count })
    expect(pushed.diagnostics.find(corrupted)!.severity).toBe(1)
  })

  it('re-lints when configuration or dictionary files change (didChangeWatchedFiles)', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.txt'), TEXT)
    await client.current(uri, (p) => p.diagnostics.some(corrupted))

    // The user dictionary learns the spelling as a variant: no longer flagged.
    writeFileSync(ws.file('names.yaml'), readFileSync(ws.file('names.yaml'), 'utf8').replace('forms: [Korchagina]', 'forms: [Korchagina]\n    variants: [Valentina Korchagena]'))
    let count = client.published.length
    await client.filesChanged([{ uri: uriOf(ws.file('names.yaml')), type: 2 }])
    const relinted = await client.diagnostics(uri, () => true, { after: count })
    expect(relinted.diagnostics.find(corrupted)).toBeUndefined()

    // A broken .namelintrc is reported on the document, named clearly.
    writeFileSync(ws.file('.namelintrc'), JSON.stringify({ dictionaries: ['names.yaml'], rulez: {} }))
    count = client.published.length
    await client.filesChanged([{ uri: uriOf(ws.file('.namelintrc')), type: 2 }])
    const broken = await client.diagnostics(uri, () => true, { after: count })
    expect(broken.diagnostics).toHaveLength(1)
    expect(broken.diagnostics[0]).toMatchObject({ severity: 1, source: 'namelint', range: { start: { line: 0, character: 0 } } })
    expect(broken.diagnostics[0].message).toMatch(/rulez/)
  })

  it('honours .namelintignore and lints Markdown', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start({ '.namelintignore': 'drafts/\n' })
    const ignored = client.open(ws.file('drafts/news.txt'), TEXT)
    expect((await client.current(ignored)).diagnostics).toEqual([])
    const md = client.open(ws.file('notes.md'), `* **Later** Valentina Korchagena flew home; Valentina Korchagina stayed.\n`, 'markdown')
    const diagnostics = (await client.current(md, (p) => p.diagnostics.length > 0)).diagnostics
    expect(diagnostics[0].range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 32 } })
    // Other languages are left alone.
    const code = client.open(ws.file('main.py'), `print("Valentina Korchagena met Sergei Shoigu")\n`, 'python')
    await new Promise((r) => setTimeout(r, 500))
    expect(client.published.filter((p) => p.uri === code)).toEqual([])
  })

  it('maps positions to UTF-16 and CRLF line ends', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    // An astral character (two UTF-16 units) and CRLF line ends before the flagged name.
    const text = 'Valentina Korchagina 🇷🇺 spoke.\r\n\r\n𝒜 😀 Valentina Korchagena left.\r\n'
    const uri = client.open(ws.file('crlf.txt'), text)
    const d = (await client.current(uri, (p) => p.diagnostics.length > 0)).diagnostics[0]
    // "𝒜 😀 " is 2+1+2+1 = 6 UTF-16 code units.
    expect(d.range).toEqual({ start: { line: 2, character: 6 }, end: { line: 2, character: 26 } })
  })

  it('debounces edits and drops stale runs: only the last version is published', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.txt'), TEXT)
    await client.current(uri, (p) => p.diagnostics.length > 0)
    const from = client.published.length
    // A burst of edits, each adding a character at the end of the first line.
    const end = { line: 0, character: TEXT.indexOf('\n') }
    for (let i = 0; i < 8; i++) client.change(uri, [{ range: { start: { ...end, character: end.character + i }, end: { ...end, character: end.character + i } }, text: '!' }])
    const last = client.version(uri)
    const final = await client.current(uri)
    expect(final.version).toBe(last)
    await new Promise((r) => setTimeout(r, 300))
    const versions = client.published.slice(from).filter((p) => p.uri === uri).map((p) => p.version)
    expect(versions).toEqual([last])
    expect(client.text(uri).split('\n')[0].endsWith('Pyongyang.!!!!!!!!')).toBe(true)
  })

  it('lints on the main thread with --no-worker', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start(undefined, undefined, { args: ['--no-worker'] })
    const uri = client.open(ws.file('news.txt'), TEXT)
    const first = await client.current(uri, (p) => p.diagnostics.some(corrupted))
    const hover = await client.hover(uri, CORRUPTED.start.line, CORRUPTED.start.character + 2)
    expect((hover?.contents as MarkupContent).value).toContain('Valentina Korchagina')
    expect(first.diagnostics.length).toBeGreaterThan(0)
  })

  it('clears diagnostics on close and reports its statistics', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    const uri = client.open(ws.file('news.txt'), TEXT)
    await client.current(uri, (p) => p.diagnostics.length > 0)
    const count = client.published.length
    client.close(uri)
    expect((await client.diagnostics(uri, () => true, { after: count })).diagnostics).toEqual([])
    const stats = await client.request<{ runs: number; linter: { heapUsed: number } }>('namelint/stats', {})
    expect(stats.runs).toBeGreaterThanOrEqual(1)
    expect(stats.linter.heapUsed).toBeGreaterThan(0)
  })
})
