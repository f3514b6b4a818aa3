/**
 * `npm run bench`: median throughput of namelint and of a bare retext parse
 * over the same >= 5 MB of real prose (../shared/corpus, fed as ~5 KB
 * articles; each side timed in a fresh process of its own, after a warm-up
 * run), the cold-start time of the CLI on one 5 KB article, and a
 * batch run: the CLI on BENCH_BATCH articles (default 2,000, written to a
 * temporary folder) with --concurrency 1 and 2, and the ratio.
 * Skips the corpus parts cleanly when ../shared is absent.
 *
 *   BENCH_RUNS=3         throughput runs
 *   BENCH_BATCH=2000     articles of the batch run (0: skip it; 200 for a quick run)
 *   BENCH_BATCH_RUNS=1   runs of each batch (the median is reported)
 */
import { existsSync, readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { ParseLatin } from 'parse-latin'
import { createProcessor } from '../src/processor.js'
import { clearFuzzyCaches } from '../src/matcher/fuzzy.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const corpusDir = path.resolve(root, '..', 'shared', 'corpus')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function articles(limit: { bytes?: number; count?: number } = { bytes: 5_200_000 }): string[] {
  const out: string[] = []
  let size = 0
  for (const name of ['bbc-2004.jsonl', 'bbc-2025.jsonl', 'reuters-2017.jsonl']) {
    const file = path.join(corpusDir, name)
    if (!existsSync(file)) continue
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const text = (JSON.parse(line) as { text: string }).text
      out.push(text)
      size += text.length
      if (limit.bytes !== undefined && size >= limit.bytes) return out
      if (limit.count !== undefined && out.length >= limit.count) return out
    }
  }
  return out
}

/**
 * The CLI on an archive of `count` articles (one file each, in 20 folders),
 * with --concurrency 1 and 2: wall time of each, the ratio, and whether the
 * two outputs are the same (they must be).
 */
function batch(count: number, runs: number) {
  const docs = articles({ count })
  if (docs.length < count) {
    console.log(`batch: ../shared/corpus not found or smaller than ${count} articles; batch run skipped`)
    return
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'namelint-batch-'))
  try {
    docs.forEach((text, i) => {
      const folder = path.join(dir, 'archive', `part-${String(i % 20).padStart(2, '0')}`)
      mkdirSync(folder, { recursive: true })
      writeFileSync(path.join(folder, `article-${String(i).padStart(5, '0')}.txt`), text)
    })
    const time = (concurrency: number) => {
      const times: number[] = []
      let output = ''
      for (let r = 0; r < runs; r++) {
        const t = performance.now()
        const result = spawnSync(process.execPath, [path.join(root, 'bin', 'namelint.js'), '--format', 'json', '--concurrency', String(concurrency), 'archive'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })
        times.push(performance.now() - t)
        if (result.status !== 0 && result.status !== 1) throw new Error(`namelint --concurrency ${concurrency} failed (${result.status}): ${result.stderr}`)
        output = result.stdout
      }
      return { seconds: median(times) / 1000, output }
    }
    const one = time(1)
    const two = time(2)
    console.log(`batch: ${count} articles, ${runs} run${runs === 1 ? '' : 's'}, ${availableParallelism()} cores`)
    console.log(`batch --concurrency 1: median ${one.seconds.toFixed(2)} s, ${(count / one.seconds).toFixed(0)} articles/s`)
    console.log(`batch --concurrency 2: median ${two.seconds.toFixed(2)} s, ${(count / two.seconds).toFixed(0)} articles/s`)
    console.log(`batch ratio --concurrency 2 / 1: ${(one.seconds / two.seconds).toFixed(2)}x faster; outputs ${one.output === two.output ? 'identical' : 'DIFFERENT'}`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `--measure parse|lint`: time BENCH_RUNS runs over the corpus after a warm-up run; print the times (ms) as JSON. */
async function measureInThisProcess(what: string): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 3)
  const docs = articles()
  const processor = createProcessor()
  const times: number[] = []
  for (let r = 0; r <= runs; r++) {
    // Each lint run starts with no cached fuzzy searches: the throughput of new text, not of text seen before.
    clearFuzzyCaches()
    const t = performance.now()
    if (what === 'parse') {
      for (const d of docs) new ParseLatin().parse(d)
    } else {
      for (const d of docs) {
        const file = new VFile({ value: d })
        await processor.run(processor.parse(file), file)
      }
    }
    if (r > 0) times.push(performance.now() - t)
  }
  process.stdout.write(JSON.stringify(times))
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 3)
  const docs = articles()
  const bytes = docs.reduce((n, d) => n + d.length, 0)
  if (docs.length > 0 && bytes >= 5_000_000) {
    // Each side in a fresh process of its own, timed after a warm-up run: in one process the two loops
    // disturb each other (the lint runs 20-30% slower after bare parse loops, whichever runs first gains).
    const measure = (what: 'parse' | 'lint'): number[] => {
      const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', what], { encoding: 'utf8', maxBuffer: 1 << 26 })
      if (result.status !== 0) throw new Error(`bench: measuring ${what} failed: ${result.stderr}`)
      return JSON.parse(result.stdout) as number[]
    }
    const parseTimes = measure('parse')
    const lintTimes = measure('lint')
    const mb = bytes / 1e6
    const parse = mb / (median(parseTimes) / 1000)
    const lint = mb / (median(lintTimes) / 1000)
    console.log(`corpus: ${docs.length} articles, ${mb.toFixed(2)} MB, ${runs} runs each after a warm-up run`)
    console.log(`bare retext parse: median ${(median(parseTimes) / 1000).toFixed(2)} s, ${parse.toFixed(2)} MB/s`)
    console.log(`namelint (all rules): median ${(median(lintTimes) / 1000).toFixed(2)} s, ${lint.toFixed(2)} MB/s`)
    console.log(`ratio namelint / bare parse: ${(lint / parse).toFixed(2)}x (target >= 0.5x)`)
  } else {
    console.log('bench: ../shared/corpus not found; throughput skipped')
  }
  // Cold start: a fresh CLI process on one ~5 KB article.
  const dir = mkdtempSync(path.join(tmpdir(), 'namelint-bench-'))
  const article = path.join(dir, 'article.txt')
  const sample = docs.find((d) => d.length > 4000 && d.length < 7000) ?? 'North Korean troops crossed into Russia. '.repeat(120)
  writeFileSync(article, sample.slice(0, 5000))
  const cold: number[] = []
  for (let r = 0; r < 5; r++) {
    const t = performance.now()
    spawnSync(process.execPath, [path.join(root, 'bin', 'namelint.js'), '--format', 'json', article], { encoding: 'utf8' })
    cold.push(performance.now() - t)
  }
  console.log(`cold start, one 5 KB article: median ${(median(cold) / 1000).toFixed(3)} s (target <= 0.6 s)`)
  rmSync(dir, { recursive: true, force: true })
  const count = Number(process.env.BENCH_BATCH ?? 2000)
  if (Number.isInteger(count) && count > 0) batch(count, Math.max(1, Number(process.env.BENCH_BATCH_RUNS ?? 1)))
}

const measureArg = process.argv.indexOf('--measure')
if (measureArg >= 0) await measureInThisProcess(process.argv[measureArg + 1])
else await main()
