/**
 * `namelint --staged`: lint what is about to be committed — the staged
 * (index) content of added, copied, modified and renamed files — not the
 * working copy. Each file is linted under its own path, so the configuration
 * cascade and `.namelintignore` apply as for the file on disk (configuration
 * files themselves are read from the working copy).
 *
 *   git diff --cached --raw -z --diff-filter=ACMR   modes, blob ids and paths
 *   git cat-file --batch                            the staged blobs
 *
 * Symbolic links and submodules are skipped, and so are files whose
 * extension namelint does not lint (pathspecs narrow the set further).
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { VFile } from 'vfile'
import { EXTENSIONS } from './engine.js'

export class GitError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitError'
  }
}

function git(cwd: string, args: string[], input?: Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 })
  if (result.error) throw new GitError(`could not run git: ${result.error.message}`)
  if (result.status !== 0) throw new GitError(`git ${args[0]} failed: ${result.stderr.toString('utf8').trim() || `exit status ${result.status}`}`)
  return result.stdout
}

export interface StagedEntry {
  /** Path relative to the repository root, with `/`. */
  path: string
  mode: string
  blob: string
}

/** Parse `git diff --raw -z` output into the entries on the index side. */
export function parseRawDiff(output: string): StagedEntry[] {
  const fields = output.split('\0')
  const entries: StagedEntry[] = []
  let i = 0
  while (i < fields.length) {
    const meta = fields[i]
    if (!meta.startsWith(':')) {
      i++
      continue
    }
    // :<old mode> <new mode> <old blob> <new blob> <status>[score]
    const [, newMode, , newBlob, status] = meta.slice(1).split(' ')
    const twoPaths = status.startsWith('R') || status.startsWith('C')
    const file = twoPaths ? fields[i + 2] : fields[i + 1]
    i += twoPaths ? 3 : 2
    if (file !== undefined) entries.push({ path: file, mode: newMode, blob: newBlob })
  }
  return entries
}

function lintable(file: string): boolean {
  const m = /\.([^./]+)$/.exec(file)
  return Boolean(m && EXTENSIONS.includes(m[1].toLowerCase()))
}

/** Read blobs with one `git cat-file --batch`. */
function readBlobs(cwd: string, blobs: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>()
  if (blobs.length === 0) return out
  const output = git(cwd, ['cat-file', '--batch'], Buffer.from(blobs.join('\n') + '\n'))
  let offset = 0
  for (const blob of blobs) {
    const newline = output.indexOf(0x0a, offset)
    if (newline === -1) throw new GitError('git cat-file: unexpected end of output')
    const header = output.subarray(offset, newline).toString('utf8').split(' ')
    if (header[1] === 'missing') throw new GitError(`git cat-file: blob ${blob} is missing`)
    const size = Number(header[2])
    out.set(blob, output.subarray(newline + 1, newline + 1 + size))
    offset = newline + 1 + size + 1
  }
  return out
}

/**
 * The staged files to lint, as vfiles holding the staged content, with
 * absolute paths and `cwd` as their folder. `pathspecs`
 * (relative to `cwd`, git's syntax) narrow the set.
 */
export function stagedFiles(cwd: string, pathspecs: string[] = []): VFile[] {
  const top = git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim()
  const raw = git(cwd, ['diff', '--cached', '--raw', '-z', '--no-ext-diff', '--no-textconv', '--diff-filter=ACMR', '--', ...pathspecs]).toString('utf8')
  const entries = parseRawDiff(raw).filter((e) => e.mode !== '120000' && e.mode !== '160000' && !/^0+$/.test(e.blob) && lintable(e.path))
  const blobs = readBlobs(cwd, [...new Set(entries.map((e) => e.blob))])
  return entries.map((entry) => {
    const absolute = path.join(top, ...entry.path.split('/'))
    const bytes = blobs.get(entry.blob) ?? Buffer.alloc(0)
    // The bytes too, for the encoding check (input.ts): the working copy may differ.
    return new VFile({ cwd, path: absolute, value: bytes.toString('utf8'), data: { namelintBytes: bytes } })
  })
}
