/**
 * End to end with a real editor: headless Neovim starts the server on a
 * file (vim.lsp.start, or start_client on Neovim 0.7), and the diagnostics,
 * code actions and the buffer after the quick fix are read back out of it.
 * Skipped when `nvim` is not installed.
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SERVER_BIN, SERVER_BUILT } from './client.js'
import { TEXT, makeWorkspace } from './fixtures.js'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' })
const HAS_NVIM = nvim.status === 0

interface Seen {
  error?: string
  filetype?: string
  client?: boolean
  got_diagnostics?: boolean
  diagnostics?: Array<{ lnum: number; col: number; end_lnum: number; end_col: number; message: string; severity: number; source: string; code?: string }>
  actions?: string[]
  relinted?: boolean
  after?: Seen['diagnostics']
  lines?: string[]
}

describe.skipIf(!HAS_NVIM)(`Neovim (${HAS_NVIM ? nvim.stdout.split('\n')[0] : 'not installed'})`, () => {
  it('shows the server’s diagnostics and applies its quick fix', { timeout: 90_000 }, async () => {
    if (!SERVER_BUILT) throw new Error('dist/src/server/main.js is missing: run `npm run build` first')
    const ws = makeWorkspace({ 'news.txt': TEXT })
    const home = mkdtempSync(path.join(os.tmpdir(), 'namelint-nvim-home-'))
    const out = path.join(ws.dir, 'seen.json')
    try {
      const child = spawn('nvim', ['--headless', '--clean', '-n', '-S', path.join(HERE, 'neovim.lua')], {
        cwd: ws.dir,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          // Keep Neovim's state and logs out of the user's home.
          HOME: home,
          XDG_STATE_HOME: home,
          XDG_DATA_HOME: home,
          XDG_CONFIG_HOME: home,
          XDG_CACHE_HOME: home,
          NAMELINT_OUT: out,
          NAMELINT_FILE: path.join(ws.dir, 'news.txt'),
          NAMELINT_ROOT: ws.dir,
          NAMELINT_SERVER: SERVER_BIN,
          NAMELINT_NODE: process.execPath,
        },
      })
      let output = ''
      child.stdout!.on('data', (c) => (output += String(c)))
      child.stderr!.on('data', (c) => (output += String(c)))
      const code = await new Promise<number | null>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 80_000)
        child.on('exit', (c) => {
          clearTimeout(timer)
          resolve(c)
        })
      })
      let seen: Seen
      try {
        seen = JSON.parse(readFileSync(out, 'utf8')) as Seen
      } catch {
        throw new Error(`Neovim wrote no result (exit ${code}):\n${output}`)
      }
      if (process.env.NAMELINT_DEBUG) console.log(JSON.stringify(seen, null, 1))
      expect(seen.error).toBeUndefined()
      expect(seen.client).toBe(true)
      expect(seen.got_diagnostics).toBe(true)
      const corrupted = seen.diagnostics!.find((d) => d.lnum === 1 && d.col === 6)
      expect(corrupted, JSON.stringify(seen.diagnostics)).toMatchObject({ end_lnum: 1, end_col: 26, source: 'namelint', severity: 2 })
      expect(corrupted!.message).toContain('Valentina Korchagina')
      expect(seen.actions).toEqual(expect.arrayContaining(['Change “Valentina Korchagena” to “Valentina Korchagina”', 'Add “Valentina Korchagena” to the workspace dictionary']))
      expect(seen.relinted).toBe(true)
      expect(seen.after!.length).toBe(seen.diagnostics!.length - 1)
      expect(seen.lines![1]).toMatch(/^Later Valentina Korchagina flew home/)
    } finally {
      ws.cleanup()
      rmSync(home, { recursive: true, force: true })
    }
  })
})
