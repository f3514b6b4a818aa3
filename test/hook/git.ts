/** Temporary git repositories for the hook tests. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { tempDir, write } from '../fix/helpers.js'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const BIN = path.join(ROOT, 'bin', 'namelint.js')
export const BUILT = fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli.js'))

export const CLEAN = 'Russian defence minister Sergei Shoigu met Kim Jong Un in Pyongyang on Tuesday. The talks in Moscow ended without a statement.\n'
export const CORRUPTED = CLEAN.replace('Sergei Shoigu', 'Sergei Shuigu')

/** An environment without the user's or the system's git configuration. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test Writer',
    GIT_AUTHOR_EMAIL: 'writer@example.com',
    GIT_COMMITTER_NAME: 'Test Writer',
    GIT_COMMITTER_EMAIL: 'writer@example.com',
    ...extra,
  }
}

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = gitEnv()): SpawnSyncReturns<string> {
  return spawnSync('git', args, { cwd, env, encoding: 'utf8' })
}

/** git, failing the test when it fails. */
export function gitOk(cwd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const result = git(cwd, args, env)
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

/** A new repository with the given files committed (when any). */
export function repository(files: Record<string, string> = {}): string {
  const dir = tempDir('namelint-git-')
  gitOk(dir, ['init', '-q', '-b', 'main'])
  for (const [name, content] of Object.entries(files)) write(dir, name, content)
  if (Object.keys(files).length > 0) {
    gitOk(dir, ['add', '-A'])
    gitOk(dir, ['commit', '-q', '--no-verify', '-m', 'start'])
  }
  return dir
}

export function head(dir: string): string {
  const result = git(dir, ['rev-parse', '--verify', '-q', 'HEAD'])
  return result.status === 0 ? result.stdout.trim() : ''
}

/** A file's content in the last commit. */
export function committed(dir: string, file: string): string {
  return gitOk(dir, ['show', `HEAD:${file}`])
}
