/**
 * Large batches: `--concurrency N` lints files in N lanes — the main thread
 * and N-1 worker threads, each with its own processor (and dictionary
 * index) — fed small chunks of files as they finish the previous ones; the
 * results are put back in input order, so the output is the same as with
 * one thread. `--shard i/n` keeps
 * a stable share of the files (by a hash of their path).
 *
 * The workers run this very module (the CLI bundle, when the CLI runs
 * bundled, which loads several times faster than the separate modules):
 * loaded in a worker thread made here, it serves lint tasks.
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { VFile } from 'vfile'
import { boundHeap } from './heap.js'
import { applySerialized, inputOf, lintFiles, serializeFile, type LintSettings, type SerializedFile } from './engine.js'

export interface Shard {
  /** 1-based. */
  index: number
  count: number
}

/** Parse `i/n` (1 <= i <= n); undefined when malformed. */
export function parseShard(value: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value)
  if (!m) return undefined
  const index = Number(m[1])
  const count = Number(m[2])
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) return undefined
  return { index, count }
}

/** 32-bit FNV-1a of a string's UTF-8 bytes. */
export function fnv1a(value: string): number {
  let hash = 0x811c9dc5
  for (const byte of Buffer.from(value, 'utf8')) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/** The key a file is sharded by: its path relative to `cwd`, with `/`. */
export function shardKey(file: VFile, cwd: string): string {
  const absolute = path.resolve(file.cwd, file.path ?? '')
  return path.relative(cwd, absolute).split(path.sep).join('/')
}

/** Whether a file belongs to a shard: the same answer on every run and machine for the same relative path. */
export function inShard(file: VFile, cwd: string, shard: Shard): boolean {
  return fnv1a(shardKey(file, cwd)) % shard.count === shard.index - 1
}

/**
 * `--concurrency`: a whole number >= 1, or 0 / `auto`: one lane per core but one. V8's own threads (the collector, the
 * optimising compiler) run beside each lane (one lane keeps about 1.5 cores busy), so a lane per core made a 2-core machine slower, not
 * faster: 2,000 articles in 7.5 s with one lane, 8.5 s with two.
 */
export function parseConcurrency(value: string, cores = availableParallelism()): number | undefined {
  if (value.trim() === 'auto' || value.trim() === '0') return Math.max(1, cores - 1)
  const n = Number(value)
  return Number.isSafeInteger(n) && n >= 1 ? n : undefined
}

/** The module the workers run: this one (compiled, or bundled into the CLI). */
function workerUrl(): URL {
  const self = new URL(import.meta.url)
  if (!self.pathname.endsWith('.ts')) return self
  // Running from the TypeScript sources (tests): the compiled module.
  const compiled = new URL('../dist/src/batch.js', import.meta.url)
  if (!existsSync(fileURLToPath(compiled))) throw new Error('namelint: dist/src/batch.js is missing: run `npm run build`')
  return compiled
}

const WORKER_FLAG = 'namelintBatchWorker'

export interface WorkerTask {
  id: number
  files: Array<{ path: string; cwd: string; value: string }>
}

export interface WorkerReply {
  id: number
  results?: Array<SerializedFile | null>
  error?: { message: string; stack?: string }
}

/**
 * Lint `files` (read already: they hold their text) in `concurrency` lanes:
 * the main thread and `concurrency - 1` worker threads, each taking the next
 * chunk of files when it is done with one (the main thread would otherwise
 * idle, and a worker costs a start-up: loading the code and the dictionary).
 * Returns, per input file, a vfile with its path, text, and the messages
 * and data of linting it, or undefined when the engine dropped it (an
 * ignored file).
 */
export async function lintInWorkers(files: VFile[], settings: LintSettings, concurrency: number, onDone?: (count: number) => void): Promise<Array<VFile | undefined>> {
  const results: Array<VFile | undefined> = new Array(files.length)
  if (files.length === 0) return results
  const chunk = Math.max(1, Math.min(16, Math.ceil(files.length / (concurrency * 6))))
  const chunks: number[][] = []
  for (let i = 0; i < files.length; i += chunk) chunks.push(Array.from({ length: Math.min(chunk, files.length - i) }, (_, k) => i + k))
  const lanes = Math.max(1, Math.min(concurrency, chunks.length))
  // NAMELINT_BATCH_LOCAL=0: every lane a worker (the tests use it to exercise the workers).
  const localLane = process.env.NAMELINT_BATCH_LOCAL !== '0'
  let next = 0

  // The main thread's lane.
  const local = async () => {
    while (next < chunks.length) {
      const indexes = chunks[next++]
      const { results: linted, error } = await lintFiles(settings, indexes.map((i) => inputOf(files[i])))
      if (error) throw error
      indexes.forEach((fileIndex, k) => {
        results[fileIndex] = linted[k]
      })
      onDone?.(indexes.length)
      boundHeap()
      // Let the workers' replies in: they are waiting for their next chunk.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  // A worker's lane.
  const remote = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let done = false
      const send = () => {
        if (next >= chunks.length) {
          done = true
          resolve()
          return
        }
        const id = next++
        const task: WorkerTask = { id, files: chunks[id].map((i) => inputOf(files[i])) }
        worker.postMessage(task)
      }
      worker.on('message', (reply: WorkerReply) => {
        if (reply.error) {
          const error = new Error(reply.error.message)
          if (reply.error.stack) error.stack = reply.error.stack
          reject(error)
          return
        }
        const indexes = chunks[reply.id]
        indexes.forEach((fileIndex, k) => {
          const result = reply.results?.[k]
          if (!result) {
            results[fileIndex] = undefined
            return
          }
          // The file as unified-engine names a given file: its path relative to its folder.
          const input = inputOf(files[fileIndex])
          results[fileIndex] = applySerialized(new VFile({ cwd: input.cwd, path: path.relative(input.cwd, input.path), value: input.value }), result)
        })
        onDone?.(indexes.length)
        send()
      })
      worker.on('error', reject)
      worker.on('exit', (code) => {
        if (!done) reject(new Error(`namelint: a lint worker stopped (exit code ${code})`))
      })
      worker.on('online', send)
    })

  const workers = localLane ? lanes - 1 : lanes
  const url = workers > 0 ? workerUrl() : undefined
  const pool = url ? Array.from({ length: workers }, () => new Worker(url, { workerData: { [WORKER_FLAG]: true, settings } })) : []
  try {
    await Promise.all([...(localLane ? [local()] : []), ...pool.map(remote)])
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()))
  }
  return results
}

/** In a worker thread made by `lintInWorkers`: lint the tasks posted, one after another. */
function serve(): void {
  const port = parentPort
  if (!port) return
  const settings = (workerData as { settings: LintSettings }).settings
  let chain: Promise<unknown> = Promise.resolve()
  port.on('message', (task: WorkerTask) => {
    chain = chain.then(async () => {
      let reply: WorkerReply
      try {
        const { results, error } = await lintFiles(settings, task.files)
        if (error) throw error
        reply = { id: task.id, results: results.map((file) => (file ? serializeFile(file) : null)) }
      } catch (error) {
        const e = error as Error
        reply = { id: task.id, error: { message: e?.message ?? String(error), stack: e?.stack } }
      }
      port.postMessage(reply)
      boundHeap()
    })
  })
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) serve()
