/** The lint worker thread: runs `lint` for the server's LintQueue (see linter.ts). */
import { parentPort } from 'node:worker_threads'
import v8 from 'node:v8'
import { lint, clearIndexCache, type LintRequest } from './lint.js'

if (!parentPort) throw new Error('namelint: worker.js runs as a worker thread of the language server')
const port = parentPort

// Messages are handled one after another, in the order they were posted.
let chain: Promise<unknown> = Promise.resolve()

port.on('message', (message: { id: number; type: string; payload?: unknown }) => {
  chain = chain.then(async () => {
    try {
      let result: unknown
      if (message.type === 'lint') result = await lint(message.payload as LintRequest)
      else if (message.type === 'clearCache') clearIndexCache()
      else if (message.type === 'memory') {
        const collect = (globalThis as { gc?: () => void }).gc
        if (message.payload && collect) collect()
        const heap = v8.getHeapStatistics()
        result = { heapUsed: heap.used_heap_size, heapTotal: heap.total_heap_size, rss: process.memoryUsage.rss() }
      } else throw new Error(`unknown message type ${message.type}`)
      port.postMessage({ id: message.id, result })
    } catch (error) {
      const e = error as Error
      port.postMessage({ id: message.id, error: { message: e?.message ?? String(error), stack: e?.stack } })
    }
  })
})
