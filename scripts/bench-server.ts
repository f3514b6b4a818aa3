/**
 * Language-server benchmark (`node dist/scripts/bench-server.js`): on a
 * 5,000-word document, over stdio with a real JSON-RPC client,
 *   - the median time from an isolated didChange to its publishDiagnostics
 *     (debounce included; target <= 150 ms),
 *   - the lint time alone, in process, through the server's lint path
 *     (unified-engine + configuration; target <= 50 ms), and the bare
 *     processor's time for comparison,
 *   - the memory of the server after 1,000 edits (stable: compared with the
 *     memory after the first lint and after 500 edits).
 * Options: --words N (5000), --samples N (15), --edits N (1000), --debounce MS,
 * --dump FILE (write the generated document there and stop).
 * The document is generated (deterministic), so the benchmark needs no data.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { VFile } from 'vfile'
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { createProcessor } from '../src/processor.js'
import { lint } from '../src/server/lint.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const serverBin = path.join(root, 'bin', 'namelint-language-server.js')

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]
const ms = (x: number) => `${x.toFixed(1)} ms`
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`
const sleep = (t: number) => new Promise((r) => setTimeout(r, t))

/** A deterministic news-like text of `words` words: common words, known names, and a few corrupted ones. */
export function newsText(words: number, seed = 42): string {
  let state = seed >>> 0
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const common = 'the of and to in a said on for that with was as by at from its he it his an were be has have but are after their which this government officials talks minister week would will more than about two new one last also year people told over been into state had could against security military meeting foreign president during national spokesman reported agency statement visit trade economic since leaders country war border peace city region support plan agreement later cooperation election parliament forces capital talks conference press police delegation'.split(' ')
  const names = ['Russia', 'Ukraine', 'Kyiv', 'Moscow', 'Beijing', 'China', 'North Korea', 'North Korean', 'South Korea', 'Seoul', 'Pyongyang', 'Japan', 'Tokyo', 'Germany', 'Berlin', 'France', 'Paris', 'Brazil', 'India', 'New Delhi', 'Iran', 'Tehran', 'Turkey', 'Ankara', 'Egypt', 'Cairo', 'Kenya', 'Nairobi', 'Mexico', 'Canada', 'Ottawa', 'Australia', 'Canberra', 'Poland', 'Warsaw', 'Israel', 'Syria', 'Damascus', 'Iraq', 'Baghdad', 'Pakistan', 'Islamabad', 'Vietnam', 'Hanoi', 'Indonesia', 'Jakarta', 'Nigeria', 'Lagos', 'Spain', 'Madrid', 'Italy', 'Rome', 'Chinese', 'Russian', 'Ukrainian', 'German', 'French', 'Japanese', 'Iranian', 'Turkish']
  const corrupted = ['North Quaran', 'Beijjing', 'Moskow', 'Ukrane', 'Pyongyan', 'Teheran', 'Brazill', 'Nigerria']
  const out: string[] = []
  let count = 0
  while (count < words) {
    const sentences = 3 + Math.floor(random() * 4)
    const paragraph: string[] = []
    for (let s = 0; s < sentences && count < words; s++) {
      const length = 10 + Math.floor(random() * 16)
      const sentence: string[] = []
      for (let w = 0; w < length; w++) {
        const r = random()
        const word = r < 0.006 ? pick(corrupted) : r < 0.16 ? pick(names) : pick(common)
        sentence.push(word)
        count += word.split(' ').length
      }
      sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1)
      paragraph.push(sentence.join(' ') + '.')
    }
    out.push(paragraph.join(' '))
  }
  return out.join('\n\n') + '\n'
}

interface Stats {
  runs: number
  lastLintMs: number
  recentLintMs: number[]
  server: NodeJS.MemoryUsage
  linter: { heapUsed: number; heapTotal: number; rss: number }
}

async function main() {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '5000' },
      samples: { type: 'string', default: '15' },
      edits: { type: 'string', default: '1000' },
      debounce: { type: 'string' },
      dump: { type: 'string' },
    },
  })
  const words = Number(values.words)
  const samples = Number(values.samples)
  const edits = Number(values.edits)
  const text = newsText(words)
  if (values.dump) {
    writeFileSync(values.dump, text)
    return
  }
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'namelint-bench-'))
  const file = path.join(workspace, 'article.txt')
  const uri = pathToFileURL(file).href
  console.log(`namelint language server benchmark: ${text.split(/\s+/).filter(Boolean).length} words, ${text.length} characters`)

  // ---- lint time alone, in process ----
  const request = { text, filePath: file, cwd: workspace, overrides: {} }
  for (let i = 0; i < 5; i++) await lint(request) // warm-up: dictionaries, JIT (a server is a long-running process)
  const lintTimes: number[] = []
  let findings = 0
  for (let i = 0; i < Math.max(3, Math.min(samples, 7)); i++) {
    const response = await lint(request)
    lintTimes.push(response.elapsed)
    findings = response.messages.length
  }
  const processor = createProcessor()
  const bareTimes: number[] = []
  for (let i = 0; i < Math.max(3, Math.min(samples, 7)); i++) {
    const vfile = new VFile({ path: file, value: text })
    const started = performance.now()
    await processor.run(processor.parse(vfile), vfile)
    bareTimes.push(performance.now() - started)
  }

  // ---- the server over stdio ----
  const args = ['--expose-gc', serverBin, '--stdio']
  if (values.debounce !== undefined) args.push('--debounce', values.debounce)
  const child = spawn(process.execPath, args, { cwd: workspace, stdio: ['pipe', 'pipe', 'inherit'] })
  process.once('exit', () => {
    if (child.exitCode === null) child.kill()
    rmSync(workspace, { recursive: true, force: true })
  })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>()
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    if (p.uri !== uri || p.version === undefined) return
    waiting.get(p.version)?.(p)
    waiting.delete(p.version)
  })
  connection.onNotification('window/logMessage', () => undefined)
  connection.listen()
  const published = (version: number) => new Promise<PublishDiagnosticsParams>((resolve) => waiting.set(version, resolve))
  const stats = () => connection.sendRequest('namelint/stats', { gc: true }) as Promise<Stats>

  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
    capabilities: {},
  })
  await connection.sendNotification(InitializedNotification.type, {})
  let document = TextDocument.create(uri, 'plaintext', 1, text)
  const opened = published(1)
  const openStarted = performance.now()
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'plaintext', version: 1, text } })
  const first = await opened
  const openTime = performance.now() - openStarted
  const afterOpen = await stats()

  let seed = 7
  const nextRandom = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296)
  /** A small edit somewhere in the document: type a letter into a word, or take one out. */
  const edit = (): TextDocumentContentChangeEvent[] => {
    const content = document.getText()
    const at = Math.floor(nextRandom() * (content.length - 1))
    const position = document.positionAt(at)
    if (content[at] === 'x') return [{ range: { start: position, end: document.positionAt(at + 1) }, text: '' }]
    return [{ range: { start: position, end: position }, text: 'x' }]
  }
  const send = (changes: TextDocumentContentChangeEvent[]) => {
    const version = document.version + 1
    document = TextDocument.update(document, changes, version)
    void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes })
    return version
  }

  // Isolated edits: one change, then wait for its diagnostics (and a moment more) before the next.
  // The first few warm the server up and are not counted.
  const latencies: number[] = []
  for (let i = -5; i < samples; i++) {
    const changes = edit()
    const started = performance.now()
    const version = send(changes)
    await published(version)
    if (i >= 0) latencies.push(performance.now() - started)
    await sleep(30)
  }
  const afterIsolated = await stats()
  const serverLint = afterIsolated.recentLintMs.slice(-samples)

  // Memory: 1,000 edits typed in bursts (a key every 5 ms, a pause every 50 keys to let the lint run).
  const memory: Array<{ edits: number; stats: Stats }> = [{ edits: 0, stats: await stats() }]
  for (let i = 1; i <= edits; i++) {
    const version = send(edit())
    if (i % 50 === 0 || i === edits) {
      await published(version)
      if (i === Math.floor(edits / 2) || i === edits) memory.push({ edits: i, stats: await stats() })
    } else {
      await sleep(5)
    }
  }

  await connection.sendRequest(ShutdownRequest.type)
  await connection.sendNotification(ExitNotification.type)
  connection.dispose()

  const heap = (s: Stats) => s.linter.heapUsed + s.server.heapUsed
  console.log(`findings in the document: ${findings} (first publish: ${first.diagnostics.length} diagnostics, ${ms(openTime)} after didOpen)`)
  console.log('')
  console.log(`didChange -> publishDiagnostics, isolated edits (n=${samples}, debounce included):`)
  console.log(`  median ${ms(median(latencies))}   p90 ${ms(percentile(latencies, 0.9))}   min ${ms(Math.min(...latencies))}   max ${ms(Math.max(...latencies))}   (target <= 150 ms)`)
  console.log(`lint time alone, in process (engine + configuration + processor):`)
  console.log(`  median ${ms(median(lintTimes))}   (target <= 50 ms); bare processor: median ${ms(median(bareTimes))}`)
  console.log(`  inside the server (lint worker) during the isolated edits: median ${ms(median(serverLint))}`)
  console.log(`memory of the server (after a full GC; heap = lint worker + main thread):`)
  console.log(`  after the first lint:  heap ${mb(heap(afterOpen))}   rss ${mb(afterOpen.linter.rss)}`)
  for (const m of memory) console.log(`  after ${String(m.edits).padStart(4)} edits:     heap ${mb(heap(m.stats))}   rss ${mb(m.stats.linter.rss)}   (lint runs so far: ${m.stats.runs})`)
  const start = memory[0].stats
  const end = memory[memory.length - 1].stats
  console.log(`  heap growth over ${edits} edits: ${mb(heap(end) - heap(start))} (${(((heap(end) - heap(start)) / heap(start)) * 100).toFixed(1)}%)`)
}

await main()
