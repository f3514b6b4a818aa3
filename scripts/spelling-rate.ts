/**
 * `node dist/scripts/spelling-rate.js [files.jsonl...] [--limit N] [--top N]`:
 * how often the `spelling` rule flags clean news, in flags per 10k words
 * (target: at most 5). Reads the clean corpus in ../shared/corpus (JSON lines
 * with a `text` field) unless files are given; skips cleanly when there is
 * none. Runs the real processor with the name rules on, so that spelling
 * stays off their spans as it does in use. Words = whitespace-separated
 * tokens, as the scorer counts them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { VFile } from 'vfile'
import { createProcessor } from '../src/processor.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
/** The clean corpus files (the realmt ones are machine translations, not clean news). */
const CLEAN = /^(?!.*realmt).*\.jsonl$/

function args() {
  const files: string[] = []
  let limit = Infinity
  let top = 40
  const argv = process.argv.slice(2)
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--limit') limit = Number(argv[++i])
    else if (argv[i] === '--top') top = Number(argv[++i])
    else files.push(argv[i])
  }
  if (files.length === 0) {
    const corpus = path.resolve(root, '..', 'shared', 'corpus')
    if (existsSync(corpus)) for (const f of readdirSync(corpus).sort()) if (CLEAN.test(f)) files.push(path.join(corpus, f))
  }
  return { files, limit, top }
}

async function main() {
  const { files, limit, top } = args()
  if (files.length === 0) {
    console.log('namelint spelling-rate: no corpus (../shared/corpus absent and no files given); skipped.')
    return
  }
  const processor = createProcessor()
  const words = new Map<string, number>()
  let totalWords = 0
  let totalFlags = 0
  const started = Date.now()
  for (const file of files) {
    let fileWords = 0
    let fileFlags = 0
    let docs = 0
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim() || docs >= limit) continue
      const text = (JSON.parse(line) as { text?: string }).text
      if (typeof text !== 'string') continue
      docs++
      const vfile = new VFile({ path: 'article.txt', value: text })
      await processor.run(processor.parse(vfile), vfile)
      fileWords += text.split(/\s+/).filter(Boolean).length
      for (const m of vfile.messages) {
        if (m.ruleId !== 'spelling') continue
        fileFlags++
        const key = `${m.actual} -> ${m.expected?.[0] ?? '?'}`
        words.set(key, (words.get(key) ?? 0) + 1)
      }
    }
    totalWords += fileWords
    totalFlags += fileFlags
    console.log(`${path.basename(file)}: ${docs} docs, ${fileWords} words, ${fileFlags} flags, ${((fileFlags / Math.max(1, fileWords)) * 1e4).toFixed(2)} per 10k words`)
  }
  console.log(`total: ${totalWords} words, ${totalFlags} flags, ${((totalFlags / Math.max(1, totalWords)) * 1e4).toFixed(2)} per 10k words (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  if (top > 0) {
    const common = [...words].sort((a, b) => b[1] - a[1]).slice(0, top)
    console.log(`most frequent: ${common.map(([w, n]) => `${w} (${n})`).join('; ')}`)
  }
}

await main()
