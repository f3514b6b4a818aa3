/**
 * The lint queue between the server and the linting itself. One document is
 * linted at a time; a request for a document that is still waiting replaces
 * the waiting one (whose promise resolves to undefined: superseded, never
 * run). A run already under way cannot be interrupted; the server drops its
 * result if the document changed meanwhile.
 *
 * By default the linting runs in a worker thread, so that the server keeps
 * answering hovers and code actions while a long document is linted.
 */
import { Worker } from 'node:worker_threads'
import v8 from 'node:v8'
import { lint, clearIndexCache, type LintRequest, type LintResponse } from './lint.js'

export interface MemoryStats {
  /** V8 heap in use by the linting isolate (bytes). */
  heapUsed: number
  heapTotal: number
  /** Resident set size of the whole process (bytes). */
  rss: number
}

export interface Backend {
  lint(request: LintRequest): Promise<LintResponse>
  clearCache(): Promise<void>
  memory(gc?: boolean): Promise<MemoryStats>
  dispose(): Promise<void>
}

function memoryHere(gc?: boolean): MemoryStats {
  const collect = (globalThis as { gc?: () => void }).gc
  if (gc && collect) collect()
  const heap = v8.getHeapStatistics()
  return { heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, rss: process.memoryUsage.rss() }
}

export class InProcessBackend implements Backend {
  lint(request: LintRequest) {
    return lint(request)
  }
  async clearCache() {
    clearIndexCache()
  }
  async memory(gc?: boolean) {
    return memoryHere(gc)
  }
  async dispose() {}
}

type Pending = { resolve: (value: never) => void; reject: (error: Error) => void }

export class WorkerBackend implements Backend {
  private worker: Worker | undefined
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  private spawn(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./worker.js', import.meta.url))
    worker.unref()
    worker.on('message', (message: { id: number; result?: unknown; error?: { message: string; stack?: string } }) => {
      const pending = this.pending.get(message.id)
      if (!pending) return
      this.pending.delete(message.id)
      if (message.error) {
        const error = new Error(message.error.message)
        error.stack = message.error.stack
        pending.reject(error)
      } else {
        pending.resolve(message.result as never)
      }
    })
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined
      for (const pending of this.pending.values()) pending.reject(error)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => fail(new Error(`namelint: the lint worker stopped (exit code ${code})`)))
    this.worker = worker
    return worker
  }

  private call<T>(type: string, payload?: unknown): Promise<T> {
    const worker = this.spawn()
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject })
      worker.postMessage({ id, type, payload })
    })
  }

  lint(request: LintRequest) {
    return this.call<LintResponse>('lint', request)
  }
  clearCache() {
    return this.call<void>('clearCache')
  }
  memory(gc?: boolean) {
    return this.call<MemoryStats>('memory', gc)
  }
  async dispose() {
    const worker = this.worker
    this.worker = undefined
    if (worker) await worker.terminate()
  }
}

interface Job {
  request: LintRequest
  resolve: (response: LintResponse | undefined) => void
  reject: (error: Error) => void
}

export class LintQueue {
  private readonly waiting = new Map<string, Job>()
  private running = false
  /** Lint runs completed, and the time each took inside the backend. */
  runs = 0
  lastElapsed = 0
  /** How long the most recent runs took inside the backend (milliseconds, newest last, at most 100). */
  readonly recent: number[] = []

  constructor(readonly backend: Backend) {}

  /** Lint `request` for `key` (a document URI); undefined when a newer request for `key` superseded it. */
  lint(key: string, request: LintRequest): Promise<LintResponse | undefined> {
    const previous = this.waiting.get(key)
    if (previous) {
      this.waiting.delete(key)
      previous.resolve(undefined)
    }
    return new Promise((resolve, reject) => {
      this.waiting.set(key, { request, resolve, reject })
      this.pump()
    })
  }

  /** Forget a waiting request (the document was closed). */
  cancel(key: string) {
    const job = this.waiting.get(key)
    if (job) {
      this.waiting.delete(key)
      job.resolve(undefined)
    }
  }

  get pending(): number {
    return this.waiting.size + (this.running ? 1 : 0)
  }

  private pump() {
    if (this.running) return
    const next = this.waiting.entries().next()
    if (next.done) return
    const [key, job] = next.value
    this.waiting.delete(key)
    this.running = true
    this.backend.lint(job.request).then(
      (response) => {
        this.runs++
        this.lastElapsed = response.elapsed
        this.recent.push(response.elapsed)
        if (this.recent.length > 100) this.recent.shift()
        job.resolve(response)
      },
      (error: Error) => job.reject(error),
    ).finally(() => {
      this.running = false
      this.pump()
    })
  }
}
