#!/usr/bin/env node
// The bundled CLI starts several times faster; the plain build is the fallback.
const { main } = await import('../dist/src/cli.bundle.mjs').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error
  return import('../dist/src/cli.js')
})

await main()
