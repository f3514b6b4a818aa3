/**
 * A bound on the CLI's heap between slices of files. Each slice's syntax
 * trees and analyses outlive a few young-generation collections, so they are
 * promoted, and V8 lets the old generation grow up to four times its last
 * live size before it marks again: 2,000 articles peaked at 380-490 MB of
 * resident memory, for 90 MB live. A full collection when the used heap
 * passes `HEAP_LIMIT` keeps the peak near the live size (the same trick as
 * Jest's leak detector: `--expose-gc` set at run time, `gc` taken from a new
 * context).
 */
import v8 from 'node:v8'
import vm from 'node:vm'

/** Used heap (bytes) over which a slice ends with a full collection. */
export const HEAP_LIMIT = 120_000_000

let collect: (() => void) | null | undefined

/** Collect garbage if the used heap is over `limit`; false when nothing was done. */
export function boundHeap(limit = HEAP_LIMIT): boolean {
  if (v8.getHeapStatistics().used_heap_size < limit) return false
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc')
      collect = vm.runInNewContext('gc') as () => void
    } catch {
      collect = null
    }
  }
  if (!collect) return false
  collect()
  return true
}
