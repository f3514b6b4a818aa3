// Write V8's code cache for the bundled CLI (dist/src/cli.bundle.cjs.cache):
// run the CLI once on a short article with every rule, so that the cache
// holds the functions a real lint compiles, not only the top-level code.
// bin/namelint.js uses it when it fits the running Node; a stale or foreign
// cache is rejected by V8 and merely costs the compile it would have saved.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundle = path.join(root, 'dist/src/cli.bundle.cjs')
if (!existsSync(bundle)) process.exit(0)
const dir = mkdtempSync(path.join(tmpdir(), 'namelint-code-cache-'))
try {
  const article = path.join(dir, 'article.txt')
  writeFileSync(
    article,
    [
      'Defence Minister Sergei Shuigu flew to Pyongyang on Tuesday, the Korean Central News Agency (KCNA) said.',
      'He met Kim Jong Un and officials of the North Quaran army, and later travelled to Kiev and the Briance region.',
      "The visit followed talks in Beijing between China's foreign minister and his Russain counterpart.",
      'Meanwhile, the European Comission said the United Nations (UN) would send observers.',
    ].join('\n\n') + '\n',
  )
  const result = spawnSync(process.execPath, [path.join(root, 'bin/namelint.js'), '--format', 'json', article], {
    env: { ...process.env, NAMELINT_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  })
  if (result.status !== 0 && result.status !== 1) throw new Error(`namelint failed while writing the code cache (${result.status}): ${result.stderr}`)
  if (!existsSync(`${bundle}.cache`)) throw new Error('namelint did not write the code cache')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
