#!/usr/bin/env node
// Start-up order, fastest first: the bundled CLI as a script compiled from
// V8's code cache (built by `npm run build`), the bundled ES module, the
// plain build.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import vm from 'node:vm'

const dist = fileURLToPath(new URL('../dist/src/', import.meta.url))

/** The CommonJS bundle, compiled with the code cache when there is one that fits this Node. */
function loadCached() {
  const file = path.join(dist, 'cli.bundle.cjs')
  if (!existsSync(file)) return undefined
  const cacheFile = `${file}.cache`
  const writeCache = process.env.NAMELINT_WRITE_CODE_CACHE === '1'
  const cachedData = !writeCache && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined
  const wrapper = '(function (exports, require, module, __filename, __dirname) {' + readFileSync(file).toString('utf8') + '\n})'
  const script = new vm.Script(wrapper, { filename: file, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  const module = { exports: {} }
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dist)
  // The build runs the CLI once with this flag: the cache then holds every function a lint compiles.
  if (writeCache) process.once('beforeExit', () => writeFileSync(cacheFile, script.createCachedData()))
  return module.exports
}

const cli =
  loadCached() ??
  (await import('../dist/src/cli.bundle.mjs').catch((error) => {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
    return import('../dist/src/cli.js')
  }))

await cli.main()
