/**
 * `npm run eval`: score namelint on the shared evaluation sets with the
 * shared scorer. Skips cleanly when ../shared is absent (a plain clone).
 * Extra arguments go to the scorer (e.g. --verbose).
 */
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../', import.meta.url))
const shared = path.resolve(root, '..', 'shared')
const scorer = path.join(shared, 'eval', 'score.mjs')
if (!existsSync(scorer)) {
  console.log(`namelint eval: ${shared} not found; nothing to score (skipped).`)
  process.exit(0)
}
const sets = (process.env.NAMELINT_EVAL_SETS ?? 'seeds,devset').split(',')
const extra = process.argv.slice(2)
for (const set of sets) {
  const dir = path.join(shared, set)
  if (!existsSync(path.join(dir, 'truth.json'))) {
    console.log(`${set}: no truth.json (skipped)`)
    continue
  }
  const result = spawnSync(process.execPath, [scorer, '--set', dir, '--cwd', root, '--cmd', `node ${path.join(root, 'bin', 'namelint.js')} --format json`, ...extra], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  process.stdout.write(`== ${set}\n${result.stdout}`)
  if (result.status !== 0) process.stderr.write(result.stderr)
}
