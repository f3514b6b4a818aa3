import v8 from 'node:v8'
import { describe, expect, it } from 'vitest'
import { boundHeap } from '../src/heap.js'

const used = () => v8.getHeapStatistics().used_heap_size

describe('boundHeap', () => {
  it('leaves a heap under the limit alone', () => {
    expect(boundHeap(used() + 500_000_000)).toBe(false)
  })

  it('collects the garbage of a heap over the limit', () => {
    // Garbage that survives long enough to be promoted, like a slice of files' syntax trees.
    let trees: Array<{ children: string[] }> | undefined = []
    for (let i = 0; i < 200_000; i++) trees.push({ children: [`word ${i}`, `other ${i}`] })
    const before = used()
    trees = undefined
    expect(boundHeap(before - 1)).toBe(true)
    expect(used()).toBeLessThan(before - 10_000_000)
  })
})
