/**
 * The language server under bad input: malformed messages and requests,
 * unknown methods, a document closed mid-lint, 1,000 rapid edits. It keeps
 * serving, answers what JSON-RPC says it must, and its memory stays bounded.
 * Runs the built server (`npm run build` first).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { location } from 'vfile-location'
import { SERVER_BIN, SERVER_BUILT, TestClient, uriOf } from '../server/client.js'
import { makeWorkspace } from '../server/fixtures.js'
import { expectPlacesInside } from './helpers.js'

const TIMEOUT = 90_000
const cleanups: Array<() => Promise<void> | void> = []

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

beforeAll(() => {
  if (!SERVER_BUILT) throw new Error('dist/src/server/main.js is missing: run `npm run build` before these tests')
})

const ARTICLE = 'Defence minister Sergei Shuigu met officials in Kiev on Tuesday, and the delegation left for Beijing after the talks.\n'

interface Message {
  jsonrpc?: string
  id?: number | string | null
  method?: string
  params?: unknown
  result?: unknown
  error?: { code: number; message: string }
}

/** A client that writes raw bytes to the server, to send what a well-behaved client library cannot. */
class RawClient {
  readonly process: ChildProcessWithoutNullStreams
  readonly received: Message[] = []
  stderr = ''
  private buffer = Buffer.alloc(0)
  private waiters: Array<() => void> = []

  constructor(workspace: string, env: Record<string, string> = {}) {
    this.process = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: workspace, env: { ...process.env, ...env } })
    this.process.stderr.on('data', (d) => (this.stderr += String(d)))
    this.process.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk])
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n')
        if (end < 0) break
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1])
        if (this.buffer.length < end + 4 + length) break
        this.received.push(JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Message)
        this.buffer = this.buffer.subarray(end + 4 + length)
      }
      const waiters = this.waiters
      this.waiters = []
      for (const wake of waiters) wake()
    })
  }

  /** Send a message body (an object as JSON, a string as it is) in a Content-Length frame. */
  send(body: unknown) {
    const text = typeof body === 'string' ? body : JSON.stringify(body)
    this.process.stdin.write(`Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`)
  }

  async waitFor(accept: (m: Message) => boolean, timeout = 20_000): Promise<Message> {
    const deadline = Date.now() + timeout
    for (;;) {
      const found = this.received.find(accept)
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no such message; received:\n${this.received.map((m) => JSON.stringify(m).slice(0, 200)).join('\n')}\n${this.stderr}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  response(id: number) {
    return this.waitFor((m) => m.id === id && m.method === undefined)
  }

  async stop() {
    this.send({ jsonrpc: '2.0', id: 'shutdown', method: 'shutdown' })
    this.send({ jsonrpc: '2.0', method: 'exit' })
    const exited = new Promise((resolve) => this.process.once('exit', resolve))
    const timer = setTimeout(() => this.process.kill(), 3000)
    if (this.process.exitCode === null) await exited
    clearTimeout(timer)
  }
}

describe('malformed messages and requests', () => {
  it('answers each as JSON-RPC says and keeps serving', { timeout: TIMEOUT }, async () => {
    const ws = makeWorkspace()
    const client = new RawClient(ws.dir)
    cleanups.push(ws.cleanup, () => client.stop())
    client.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: uriOf(ws.dir), capabilities: {} } })
    expect((await client.response(1)).result).toMatchObject({ capabilities: { hoverProvider: true } })
    client.send({ jsonrpc: '2.0', method: 'initialized', params: {} })

    // Not JSON: Parse error, with a null id.
    client.send('{"jsonrpc": "2.0", "id": 2, "method": ')
    expect(await client.waitFor((m) => m.id === null && m.error !== undefined)).toMatchObject({ error: { code: -32700 } })
    // JSON but not JSON-RPC: logged and ignored.
    client.send('[]')
    client.send('{"jsonrpc": "2.0"}')
    client.send('42')
    // Unknown methods: MethodNotFound for a request; a notification is ignored.
    client.send({ jsonrpc: '2.0', id: 3, method: 'namelint/noSuchMethod', params: {} })
    expect((await client.response(3)).error).toMatchObject({ code: -32601 })
    client.send({ jsonrpc: '2.0', method: 'namelint/noSuchNotification', params: {} })
    client.send({ jsonrpc: '2.0', method: '$/noSuchNotification', params: {} })
    // Bad params: InvalidParams, saying what was expected.
    const bad: Array<[number, string, unknown]> = [
      [10, 'textDocument/hover', {}],
      [11, 'textDocument/hover', { textDocument: { uri: 'file:///x.txt' }, position: { line: -1, character: 1e9 } }],
      [12, 'textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
      [13, 'textDocument/codeAction', { textDocument: { uri: 'file:///x.txt' } }],
      [14, 'textDocument/codeAction', 7],
      [15, 'workspace/executeCommand', { command: 'namelint.noSuchCommand', arguments: [] }],
      [16, 'workspace/executeCommand', { command: 'namelint.addToDictionary', arguments: [{ word: 5 }] }],
      [17, 'workspace/executeCommand', { command: 'namelint.addToDictionary' }],
    ]
    for (const [id, method, params] of bad) client.send({ jsonrpc: '2.0', id, method, params })
    for (const [id, method] of bad) {
      const response = await client.response(id)
      expect(response.error, `${method} ${id}`).toMatchObject({ code: -32602, message: expect.stringMatching(/invalid params; expected|unknown command/) })
    }
    // Params the protocol library itself cannot read (null): an error response all the same.
    client.send({ jsonrpc: '2.0', id: 20, method: 'textDocument/hover', params: null })
    expect((await client.response(20)).error?.code).toBeLessThan(0)
    client.send({ jsonrpc: '2.0', id: 21, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } })
    expect((await client.response(21)).error).toMatchObject({ code: -32600 })
    // Bad notifications: nothing to answer, nothing to break.
    client.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: {} })
    client.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 42, languageId: 'plaintext', version: 1, text: null } } })
    client.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: uriOf(ws.file('never-opened.txt')), version: 2 }, contentChanges: [{ text: 'x' }] } })
    client.send({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: uriOf(ws.file('never-opened.txt')) } } })
    client.send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: null })
    client.send({ jsonrpc: '2.0', method: 'workspace/didChangeConfiguration', params: { settings: { namelint: { rules: 5, debounce: 'soon', languages: {} } } } })
    client.send({ jsonrpc: '2.0', method: 'workspace/didChangeWatchedFiles', params: { changes: 'all' } })

    // Still serving: a document is linted and its diagnostics published; requests are answered.
    const uri = uriOf(ws.file('news.txt'))
    client.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: ARTICLE } } })
    const published = await client.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && (m.params as { diagnostics: unknown[] }).diagnostics.length > 0)
    expect(JSON.stringify(published.params)).toContain('Sergei Shoigu')
    client.send({ jsonrpc: '2.0', id: 30, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 20 } } })
    expect(JSON.stringify((await client.response(30)).result)).toContain('Shoigu')
    client.send({ jsonrpc: '2.0', id: 31, method: 'namelint/stats' })
    expect((await client.response(31)).result).toMatchObject({ documents: expect.any(Number) })
    expect(client.process.exitCode).toBeNull()
    // What was ignored was logged, not silently dropped.
    expect(client.stderr).toMatch(/unreadable message/)
  })
})

describe('bad configuration in the workspace', () => {
  it('shows as one error diagnostic naming the file, the line and what to do; fixing it brings the lint back', { timeout: TIMEOUT }, async () => {
    const ws = makeWorkspace({ '.namelintrc': '{\n  "dictionaries": ["names.yaml"],\n  "rules": { "corrupted-name": "eror" }\n}\n' })
    const client = new TestClient({ workspace: ws.dir })
    cleanups.push(ws.cleanup, () => client.stop())
    await client.initialize()
    const uri = client.open(ws.file('news.txt'), ARTICLE)
    const broken = await client.current(uri)
    expect(broken.diagnostics).toMatchObject([{ severity: 1, range: { start: { line: 0, character: 0 } }, message: expect.stringMatching(/\.namelintrc:3: `rules\.corrupted-name`: expected a severity \(off, info, warning, error\)/) }])
    const { writeFileSync } = await import('node:fs')
    writeFileSync(ws.file('.namelintrc'), JSON.stringify({ dictionaries: ['names.yaml'] }))
    await client.filesChanged([{ uri: uriOf(ws.file('.namelintrc')), type: 2 }])
    const after = client.published.length
    const fixed = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'corrupted-name'), { after })
    expect(fixed.diagnostics.every((d) => d.severity !== 1)).toBe(true)
  })
})

describe('documents', () => {
  async function start() {
    const ws = makeWorkspace()
    const saved = process.env.NODE_OPTIONS
    // Let the stats request collect garbage before it measures (--expose-gc reaches the lint worker too).
    process.env.NODE_OPTIONS = [saved, '--expose-gc'].filter(Boolean).join(' ')
    let client: TestClient
    try {
      client = new TestClient({ workspace: ws.dir, args: ['--debounce', '20'] })
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS
      else process.env.NODE_OPTIONS = saved
    }
    cleanups.push(ws.cleanup, () => client.stop())
    await client.initialize()
    return { ws, client }
  }

  interface Stats {
    runs: number
    pending: number
    recentLintMs: number[]
    documents: number
    server: { heapUsed: number }
    linter: { heapUsed: number }
  }

  async function idle(client: TestClient): Promise<Stats> {
    for (let i = 0; i < 300; i++) {
      const stats = await client.request<Stats>('namelint/stats', { gc: true })
      if (stats.pending === 0) return stats
      await new Promise((r) => setTimeout(r, 100))
    }
    throw new Error('the server never went idle')
  }

  it('a document closed mid-lint gets no diagnostics after its close; the others are served', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    await idle(client)
    // A long document: its lint takes a while.
    const long = (ARTICLE + 'The talks went on for hours.\n\n').repeat(1500)
    const uri = client.open(ws.file('long.txt'), long)
    // Wait until it is being linted, then close it.
    let linting = false
    for (let i = 0; i < 200 && !linting; i++) {
      linting = (await client.request<Stats>('namelint/stats')).pending > 0
      if (!linting) await new Promise((r) => setTimeout(r, 5))
    }
    expect(linting).toBe(true)
    const before = client.published.length
    client.close(uri)
    const other = client.open(ws.file('other.txt'), ARTICLE)
    const diagnostics = await client.current(other, (p) => p.diagnostics.length > 0)
    expect(diagnostics.diagnostics.some((d) => d.code === 'corrupted-name')).toBe(true)
    await idle(client)
    // After the close: one empty publication for the closed document, and nothing else for it.
    const after = client.published.slice(before).filter((p) => p.uri === uri)
    expect(after.length).toBeGreaterThanOrEqual(1)
    expect(after.every((p) => p.diagnostics.length === 0)).toBe(true)
    expect(client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics).toEqual([])
    // Requests about the closed document are answered (with nothing).
    expect(await client.hover(uri, 0, 20)).toBeNull()
    expect(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, [])).toEqual([])
  })

  it('1,000 rapid edits: the last version is linted correctly, the lints are debounced, and memory stays bounded', { timeout: TIMEOUT }, async () => {
    const { ws, client } = await start()
    // Warm up: one lint, so both isolates have loaded the dictionary.
    const warm = client.open(ws.file('warm.txt'), ARTICLE)
    await client.current(warm, (p) => p.diagnostics.length > 0)
    client.close(warm)
    const base = await idle(client)

    const uri = client.open(ws.file('edited.txt'), ARTICLE)
    // Type a sentence a character at a time, delete some, insert names, over 1,000 edits.
    const sentence = ' Later North Quaran envoys met Angela Merkle in Beijjing and flew home.'
    let edits = 0
    for (let round = 0; edits < 1000; round++) {
      for (const ch of sentence) {
        const text = client.text(uri)
        const end = client.documents.get(uri)!.positionAt(text.length - 1)
        client.change(uri, [{ range: { start: end, end }, text: ch }])
        edits++
      }
      if (round % 3 === 2) {
        // Delete the last sentence again.
        const text = client.text(uri)
        const start = client.documents.get(uri)!.positionAt(text.length - 1 - sentence.length)
        const end = client.documents.get(uri)!.positionAt(text.length - 1)
        client.change(uri, [{ range: { start, end }, text: '' }])
        edits++
      }
    }
    // Other documents come and go meanwhile.
    for (let i = 0; i < 50; i++) {
      const other = client.open(ws.file(`other-${i}.txt`), ARTICLE)
      client.close(other)
    }
    const final = await client.current(uri, () => true, 60_000)
    const text = client.text(uri)
    // The diagnostics are those of the final text, inside it.
    const document = client.documents.get(uri)!
    const points = location(text)
    const point = (position: { line: number; character: number }) => {
      // An LSP position (UTF-16) inside the text, as a point with its offset.
      expect(position.line).toBeLessThan(document.lineCount)
      const offset = document.offsetAt(position)
      expect(document.positionAt(offset)).toEqual(position)
      return { ...points.toPoint(offset)!, offset }
    }
    expectPlacesInside(
      text,
      final.diagnostics.map((d) => ({ reason: String(d.message), ruleId: String(d.code), place: { start: point(d.range.start), end: point(d.range.end) }, actual: (d.data as { actual?: string }).actual })),
      'final version',
    )
    expect(final.diagnostics.some((d) => (d.data as { actual?: string }).actual === 'Sergei Shuigu')).toBe(true)

    const after = await idle(client)
    if (process.env.NAMELINT_TEST_VERBOSE) console.log({ edits, runs: after.runs - base.runs, server: [base.server.heapUsed, after.server.heapUsed], linter: [base.linter.heapUsed, after.linter.heapUsed] })
    // Debounced: far fewer lints than edits; the record of lint times is capped.
    expect(after.runs - base.runs).toBeLessThan(200)
    expect(after.recentLintMs.length).toBeLessThanOrEqual(100)
    expect(after.documents).toBe(1)
    // Memory: the heaps (after garbage collection) grew by little.
    expect(after.server.heapUsed - base.server.heapUsed, JSON.stringify({ base, after })).toBeLessThan(32 * 1024 * 1024)
    expect(after.linter.heapUsed - base.linter.heapUsed, JSON.stringify({ base, after })).toBeLessThan(64 * 1024 * 1024)
    expect(client.process.exitCode).toBeNull()
  })
})
