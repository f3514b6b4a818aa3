/**
 * End to end, in temporary git repositories, with the built CLI
 * (bin/namelint.js): the pre-commit framework with a local hook, and a plain
 * `.git/hooks/pre-commit` running `namelint --staged`, each
 *
 * - blocks a commit of an article with a corrupted name,
 * - lets a clean one through,
 * - commits a file whose staged content is clean though its working copy is not
 *   (and leaves the working copy as it was).
 *
 * The pre-commit tests need the `pre-commit` program (Debian package
 * `pre-commit`; .ci/run installs it) and skip, saying so, without it.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, tempDir, write } from '../fix/helpers.js'
import { BIN, BUILT, CLEAN, CORRUPTED, committed, git, gitEnv, gitOk, head, repository, ROOT } from './git.js'

afterAll(cleanup)

const PRE_COMMIT = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0
if (!PRE_COMMIT) console.warn('test/hook/e2e.test.ts: `pre-commit` is not installed (apt-get install pre-commit): skipping the pre-commit framework tests')

function requireBuild() {
  if (!BUILT) throw new Error('dist/src/cli.js is missing: run `npm run build` before these tests')
}

/** A shell-quoted word. */
const sh = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`

interface Setup {
  dir: string
  env: NodeJS.ProcessEnv
}

/** The three scenarios, for a repository whose commits run a namelint hook. */
function scenarios(setup: () => Setup) {
  it('blocks a commit of an article with a corrupted name', () => {
    const { dir, env } = setup()
    const before = head(dir)
    write(dir, 'news/story.md', `# Talks\n\n${CORRUPTED}`)
    gitOk(dir, ['add', 'news/story.md'], env)
    const commit = git(dir, ['commit', '-m', 'Add story'], env)
    expect(commit.status, commit.stdout + commit.stderr).not.toBe(0)
    expect(commit.stdout + commit.stderr).toMatch(/Sergei Shuigu/)
    expect(commit.stdout + commit.stderr).toMatch(/corrupted-name/)
    expect(head(dir)).toBe(before)
  })

  it('lets a clean article through', () => {
    const { dir, env } = setup()
    write(dir, 'news/story.txt', CLEAN)
    write(dir, 'tools/build.js', `// ${CORRUPTED}`) // not news: not linted
    gitOk(dir, ['add', '-A'], env)
    const commit = git(dir, ['commit', '-m', 'Add story'], env)
    expect(commit.status, commit.stdout + commit.stderr).toBe(0)
    expect(committed(dir, 'news/story.txt')).toBe(CLEAN)
  })

  it('commits the staged content when it is clean, whatever the working copy holds', () => {
    const { dir, env } = setup()
    const file = write(dir, 'news/story.html', `<p>${CLEAN}</p>\n`)
    gitOk(dir, ['add', 'news/story.html'], env)
    fs.writeFileSync(file, `<p>${CORRUPTED}</p>\n`) // not staged
    const commit = git(dir, ['commit', '-m', 'Add story'], env)
    expect(commit.status, commit.stdout + commit.stderr).toBe(0)
    expect(committed(dir, 'news/story.html')).toBe(`<p>${CLEAN}</p>\n`)
    expect(fs.readFileSync(file, 'utf8')).toBe(`<p>${CORRUPTED}</p>\n`)
    // And the other way round: a corrupted staged text is blocked though the working copy is clean.
    const second = write(dir, 'news/second.txt', CORRUPTED)
    gitOk(dir, ['add', 'news/second.txt'], env)
    fs.writeFileSync(second, CLEAN)
    const blocked = git(dir, ['commit', '-m', 'Add second'], env)
    expect(blocked.status, blocked.stdout + blocked.stderr).not.toBe(0)
  })
}

describe.skipIf(!PRE_COMMIT)('the pre-commit framework, with a local hook', () => {
  scenarios(() => {
    requireBuild()
    const env = gitEnv({ PRE_COMMIT_HOME: tempDir('namelint-pre-commit-home-') })
    const config = [
      'repos:',
      '  - repo: local',
      '    hooks:',
      '      - id: namelint',
      '        name: namelint',
      `        entry: ${JSON.stringify(`${sh(process.execPath)} ${sh(BIN)} --silently-ignore --max-warnings 0`)}`,
      '        language: system',
      '        types: [text]',
      '        files: (?i)\\.(txt|text|md|markdown|html?)$',
      '',
    ].join('\n')
    const dir = repository({ '.pre-commit-config.yaml': config, 'README.md': 'Newsroom copy.\n' })
    const install = spawnSync('pre-commit', ['install'], { cwd: dir, env, encoding: 'utf8' })
    expect(install.status, install.stdout + install.stderr).toBe(0)
    return { dir, env }
  })

  it('has a valid hook manifest (.pre-commit-hooks.yaml)', () => {
    const result = spawnSync('pre-commit', ['validate-manifest', path.join(ROOT, '.pre-commit-hooks.yaml')], { encoding: 'utf8' })
    expect(result.status, result.stdout + result.stderr).toBe(0)
    const manifest = fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')
    expect(manifest).toMatch(/- id: namelint\n/)
    expect(manifest).toMatch(/language: node\n/)
  })
})

describe('a plain .git/hooks/pre-commit running namelint --staged', () => {
  scenarios(() => {
    requireBuild()
    const env = gitEnv()
    const dir = repository({ 'README.md': 'Newsroom copy.\n' })
    const hook = path.join(dir, '.git', 'hooks', 'pre-commit')
    fs.writeFileSync(hook, `#!/bin/sh\nexec ${sh(process.execPath)} ${sh(BIN)} --staged --max-warnings 0\n`, { mode: 0o755 })
    return { dir, env }
  })
})
