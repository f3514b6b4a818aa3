/**
 * Fuzzing in CI: the properties of scripts/fuzz-properties.ts (matcher,
 * processor for plain text, Markdown and HTML, applyFixes, --fix
 * idempotency) over random Unicode and name-like text, a few thousand cases
 * in all. `npm run fuzz` runs many more (FUZZ_RUNS); FUZZ_SCALE multiplies
 * the runs here. A failure prints fast-check's seed and path to replay it.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { fuzzProperties } from '../../scripts/fuzz-properties.js'

const SCALE = Number(process.env.FUZZ_SCALE ?? 1)

describe('fuzzing', () => {
  for (const { name, runs, property } of fuzzProperties()) {
    it(name, async () => {
      await fc.assert(property, { numRuns: Math.max(1, Math.round(runs * SCALE)) })
    }, 120_000)
  }
})
