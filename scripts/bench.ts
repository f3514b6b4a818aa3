/**
 * `npm run bench`: median throughput of namelint and of a bare retext parse
 * over the same >= 5 MB of real prose (../shared/corpus, fed as ~5 KB
 * articles), and the cold-start time of the CLI on one 5 KB article.
 * Skips the throughput part cleanly when ../shared is absent.
 */
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { ParseLatin } from 'parse-latin'
import { createProcessor } from '../src/processor.js'
import { clearFuzzyCaches } from '../src/matcher/fuzzy.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const corpusDir = path.resolve(root, '..', 'shared', 'corpus')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

function articles(): string[] {
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
      if (size >= 5_200_000) return out
    }
  }
  return out
}

async function main() {
  const runs = Number(process.env.BENCH_RUNS ?? 3)
  const docs = articles()
  const bytes = docs.reduce((n, d) => n + d.length, 0)
  if (docs.length > 0 && bytes >= 5_000_000) {
    const processor = createProcessor()
    const parseTimes: number[] = []
    const lintTimes: number[] = []
    for (let r = 0; r < runs; r++) {
      let t = performance.now()
      for (const d of docs) new ParseLatin().parse(d)
      parseTimes.push(performance.now() - t)
      // Each run starts with no cached fuzzy searches: the throughput of new text, not of text seen before.
      clearFuzzyCaches()
      t = performance.now()
      for (const d of docs) {
        const file = new VFile({ value: d })
        await processor.run(processor.parse(file), file)
      }
      lintTimes.push(performance.now() - t)
    }
    const mb = bytes / 1e6
    const parse = mb / (median(parseTimes) / 1000)
    const lint = mb / (median(lintTimes) / 1000)
    console.log(`corpus: ${docs.length} articles, ${mb.toFixed(2)} MB, ${runs} runs`)
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
}

await main()
