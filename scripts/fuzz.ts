/**
 * `npm run fuzz`: the fuzzing properties of fuzz-properties.ts (matcher,
 * processor for plain text, Markdown and HTML, applyFixes, --fix
 * idempotency), far more cases than the CI tests run.
 *
 *   FUZZ_RUNS=n       cases per property (default 5000)
 *   FUZZ_ONLY=text    only the properties whose name contains `text`
 *   FUZZ_SEED=n       the seed (default: random; printed, so a run can be replayed)
 *   FUZZ_PATH=p       with FUZZ_SEED, replay one failing case (fast-check's path)
 *
 * Exit status 1 on a failure, after printing the counterexample, the seed,
 * the path and the command that replays it.
 */
import fc from 'fast-check'
import { fuzzProperties } from './fuzz-properties.js'

const runs = Number(process.env.FUZZ_RUNS ?? 5000)
const only = process.env.FUZZ_ONLY
const seed = process.env.FUZZ_SEED === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(process.env.FUZZ_SEED)
const replayPath = process.env.FUZZ_PATH

if (!Number.isSafeInteger(runs) || runs < 1) {
  process.stderr.write(`fuzz: FUZZ_RUNS must be a whole number from 1, got ${process.env.FUZZ_RUNS}\n`)
  process.exit(2)
}

const properties = fuzzProperties().filter((p) => !only || p.name.includes(only))
if (properties.length === 0) {
  process.stderr.write(`fuzz: no property matches FUZZ_ONLY=${only}\n`)
  process.exit(2)
}
process.stdout.write(`fuzz: ${properties.length} properties, ${runs} cases each, seed ${seed}\n`)

let failed = false
for (const { name, property } of properties) {
  const started = performance.now()
  const details = await fc.check(property, { numRuns: runs, seed, path: replayPath, endOnFailure: false })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  if (!details.failed) {
    process.stdout.write(`  ok    ${name} (${details.numRuns} cases, ${seconds} s)\n`)
    continue
  }
  failed = true
  process.stdout.write(`  FAIL  ${name} (${seconds} s)\n`)
  // A counterexample can be 40,000 characters long: show the start of the report.
  const report = fc.defaultReportMessage(details) ?? String(details.errorInstance)
  process.stdout.write(`${report.length > 6000 ? `${report.slice(0, 6000)}\n... (${report.length} characters in all)` : report}\n`)
  process.stdout.write(`  replay: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} FUZZ_ONLY='${name}' npm run fuzz\n`)
}
process.exitCode = failed ? 1 : 0
