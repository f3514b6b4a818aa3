// Bundle the two entry points (CLI, language server) into one module each.
// Node 20 spends most of a cold start resolving and compiling the hundreds of
// small ES modules of the unified ecosystem; one bundled file loads in a
// fraction of that. The bundles sit beside the compiled entry points, so every
// `import.meta.url`-relative path (package root, workers) resolves the same.
// The bins fall back to the unbundled files when a bundle is missing.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { readFileSync, writeFileSync } from 'node:fs'

const root = fileURLToPath(new URL('..', import.meta.url))
// esbuild's table of what Node supports lacks these regular-expression
// features, so for a node20 target it rewrote each such literal as a
// `new RegExp(...)` call, compiled afresh on every evaluation: in the
// spelling rule's per-word filter that cost about 0.4 s on 2,000 articles.
// Node 20 (V8 11.3) has them all.
const supported = {
  'regexp-unicode-property-escapes': true,
  'regexp-lookbehind-assertions': true,
  'regexp-named-capture-groups': true,
  'regexp-sticky-and-unicode-flags': true,
  'regexp-dot-all-flag': true,
  'regexp-match-indices': true,
  'regexp-set-notation': true,
}
const entries = [
  ['dist/src/cli.js', 'dist/src/cli.bundle.mjs'],
  ['dist/src/server/main.js', 'dist/src/server/main.bundle.mjs'],
]
for (const [input, output] of entries) {
  await build({
    entryPoints: [path.join(root, input)],
    outfile: path.join(root, output),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    supported,
    logLevel: 'warning',
    // Less source to compile at start-up; identifiers stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __namelintRequire } from 'node:module'; const require = __namelintRequire(import.meta.url);" },
  })
}
// The CLI once more as a CommonJS script, which bin/namelint.js compiles with
// V8's code cache (written by scripts/code-cache.mjs): ES modules cannot take
// a code cache on Node 20, and compiling the bundle is a sixth of a cold start.
await build({
  entryPoints: [path.join(root, 'dist/src/cli.js')],
  outfile: path.join(root, 'dist/src/cli.bundle.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported,
  logLevel: 'error',
  minifyWhitespace: true,
  minifySyntax: true,
  define: { 'import.meta.url': '__namelintModuleUrl' },
  banner: { js: "const __namelintModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
})

// esbuild escapes non-ASCII characters in strings but leaves them in regular
// expression literals ("’", "–", "ä"): one of them makes V8 hold the whole
// 2.3 MB source as a two-byte string, decoded from UTF-8 at every start.
// \uXXXX means the same in a regular expression (and in a string or
// identifier), though not in a String.raw template: none may hold one.
for (const output of ['dist/src/cli.bundle.cjs', ...entries.map(([, output]) => output)]) {
  const file = path.join(root, output)
  const source = readFileSync(file, 'utf8')
  for (const raw of source.match(/String\.raw`[^`]*`/g) ?? []) {
    if (/[^\x00-\x7f]/.test(raw)) throw new Error(`${output}: a String.raw template holds a non-ASCII character: ${raw.slice(0, 80)}`)
  }
  writeFileSync(file, source.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')))
}
