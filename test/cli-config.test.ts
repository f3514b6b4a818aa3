/**
 * Configuration files: rule severities and options, the fix threshold,
 * dictionaries relative to the configuration, YAML and package.json
 * configurations, the nearest-wins cascade, a preferred-spelling overlay
 * through a user dictionary, and clear errors.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, cli, lintText, tempDir, write } from './fix/helpers.js'

afterAll(cleanup)

type Report = Array<{ path: string; messages: Array<{ ruleId: string; actual: string; expected: string[]; fatal?: boolean | null }> }>

const json = (stdout: string) => JSON.parse(stdout) as Report
const LOW = { 'corrupted-name': ['warning', { threshold: 0.3 }] as ['warning', { threshold: number }] }
const TEXT = 'In Kiev, Xi Jinpin met Boris Jonson and Joe Bidden on Monday.\n'

/** The least confident fixable suspect in TEXT at a low rule threshold, and its confidence. */
async function weakest() {
  const messages = await lintText(TEXT, { rules: LOW })
  const scored = messages
    .map((m) => ({ m, c: (m as { data?: { confidence?: number } }).data?.confidence }))
    .filter((x): x is { m: (typeof messages)[number]; c: number } => typeof x.c === 'number' && x.c < 1)
    .sort((a, b) => a.c - b.c)
  expect(scored.length).toBeGreaterThan(0) // else these tests check nothing
  return scored[0]
}

describe('configuration files', () => {
  it('take rule severities and options from .namelintrc (JSON)', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', TEXT)
    write(dir, '.namelintrc', JSON.stringify({ rules: { ...LOW, 'preferred-name': 'error' } }))
    const result = await cli(['-f', 'json', 'a.txt'], { cwd: dir })
    const messages = json(result.stdout)[0].messages
    expect(messages.find((m) => m.ruleId === 'preferred-name')?.fatal).toBe(true)
    expect(result.code).toBe(1)
    // The low threshold reports suspects the default threshold (0.9) keeps quiet.
    const strict = await cli(['-f', 'json', '--no-config', 'a.txt'], { cwd: dir })
    const count = (r: Report) => r[0].messages.filter((m) => m.ruleId === 'corrupted-name').length
    expect(count(json(result.stdout))).toBeGreaterThan(count(json(strict.stdout)))
  })

  it('read YAML from .namelintrc.yaml and .namelintrc.yml, and the namelint field of package.json', async () => {
    for (const [name, content] of [
      ['.namelintrc.yaml', 'rules:\n  preferred-name: error\n'],
      ['.namelintrc.yml', 'rules:\n  preferred-name: [error]\n'],
      ['package.json', JSON.stringify({ name: 'news', namelint: { rules: { 'preferred-name': 'error' } } })],
    ]) {
      const dir = tempDir()
      write(dir, 'a.txt', 'Talks in Kiev.\n')
      write(dir, name, content)
      const result = await cli(['-f', 'json', 'a.txt'], { cwd: dir })
      expect(json(result.stdout)[0].messages[0].fatal, name).toBe(true)
      expect(result.code, name).toBe(1)
    }
  })

  it('explain that an extensionless .namelintrc is JSON', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'Talks in Kiev.\n')
    write(dir, '.namelintrc', 'rules:\n  preferred-name: error\n')
    const result = await cli(['a.txt'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('.namelintrc.yaml')
  })

  it('cascade: the nearest configuration wins, and dictionaries are relative to it', async () => {
    const dir = tempDir()
    write(dir, '.namelintrc.json', JSON.stringify({ rules: { 'preferred-name': 'error' } }))
    // A house dictionary in a subfolder, referenced relative to that folder's configuration.
    write(dir, 'desk/style/house.yaml', 'entities:\n  - id: person-zorblat-quennick\n    type: person\n    name: Zorblat Quennick\n    forms: [Quennick]\n')
    write(dir, 'desk/.namelintrc.yaml', 'dictionaries: [./style/house.yaml]\nrules:\n  preferred-name: "off"\n')
    write(dir, 'top.txt', 'Talks in Kiev.\n')
    write(dir, 'desk/story.txt', 'Talks in Kiev. Zorblat Quennik spoke, and Zorblat Quennick agreed.\n')
    const result = await cli(['-f', 'json', '.'], { cwd: dir })
    const report = json(result.stdout)
    const story = report.find((f) => f.path === 'desk/story.txt')!
    const top = report.find((f) => f.path === 'top.txt')!
    expect(top.messages[0].fatal).toBe(true)
    expect(story.messages.some((m) => m.ruleId === 'preferred-name')).toBe(false)
    const suspect = story.messages.find((m) => m.ruleId === 'corrupted-name')
    expect(suspect?.actual).toBe('Zorblat Quennik')
    expect(suspect?.expected[0]).toBe('Zorblat Quennick')
    // Run from another folder: the dictionary is still found beside its configuration.
    const elsewhere = await cli(['-f', 'json', path.join(dir, 'desk/story.txt')], { cwd: path.join(dir, 'desk/style') })
    expect(json(elsewhere.stdout)[0].messages.some((m) => m.expected?.[0] === 'Zorblat Quennick')).toBe(true)
  })

  it('overlay preferred spellings with a user dictionary (deprecated spellings of a built-in entity, or a house spelling)', async () => {
    const dir = tempDir()
    write(
      dir,
      'house.yaml',
      [
        'entities:',
        // Add a deprecated spelling to a built-in entity (lists are added to it).
        '  - id: place-kyiv',
        '    deprecated: [{ spelling: Kiyv, reason: house style }]',
        // House style: another canonical spelling; the old canonical one becomes deprecated.
        '  - id: person-xi-jinping',
        '    name: Xi Jin-ping',
        '    deprecated: [{ spelling: Xi Jinping, reason: house style }]',
        '',
      ].join('\n'),
    )
    write(dir, '.namelintrc', JSON.stringify({ dictionaries: ['house.yaml'], rules: { 'preferred-name': 'warning' } }))
    write(dir, 'a.txt', 'Xi Jinping spoke in Kiyv.\n')
    const result = await cli(['-f', 'json', 'a.txt'], { cwd: dir })
    const preferred = json(result.stdout)[0].messages.filter((m) => m.ruleId === 'preferred-name')
    expect(preferred.map((m) => [m.actual, m.expected[0]]).sort()).toEqual([
      ['Kiyv', 'Kyiv'],
      ['Xi Jinping', 'Xi Jin-ping'],
    ])
    await cli(['--fix', 'a.txt'], { cwd: dir })
    expect(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('Xi Jin-ping spoke in Kyiv.\n')
  })

  it('take the fix threshold from fixThreshold, and --fix-threshold over it', async () => {
    const { m, c } = await weakest()
    const above = Math.min(1, c + 0.001)
    const below = Math.max(0, c - 0.001)
    const run = async (config: object, args: string[] = []) => {
      const dir = tempDir()
      const file = write(dir, 'a.txt', TEXT)
      write(dir, '.namelintrc', JSON.stringify(config))
      await cli(['--fix', ...args, 'a.txt'], { cwd: dir })
      return fs.readFileSync(file, 'utf8')
    }
    const span = m.actual!
    expect(await run({ rules: LOW, fixThreshold: above })).toContain(span)
    expect(await run({ rules: LOW, fixThreshold: below })).not.toContain(span)
    // The flag overrides the file, both ways.
    expect(await run({ rules: LOW, fixThreshold: above }, ['--fix-threshold', String(below)])).not.toContain(span)
    expect(await run({ rules: LOW, fixThreshold: below }, ['--fix-threshold', String(above)])).toContain(span)
    // package.json works the same.
    const dir = tempDir()
    const file = write(dir, 'a.txt', TEXT)
    write(dir, 'package.json', JSON.stringify({ name: 'x', namelint: { rules: LOW, fixThreshold: above } }))
    await cli(['--fix', 'a.txt'], { cwd: dir })
    expect(fs.readFileSync(file, 'utf8')).toContain(span)
  })

  it('reject unknown keys, unknown rules, unknown rule options, bad types and out-of-range thresholds', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ rulez: {} }, /unknown key `rulez`.*fixThreshold/],
      [{ rules: { 'no-such-rule': 'error' } }, /unknown rule/],
      [{ rules: { 'corrupted-name': ['error', { treshold: 0.5 }] } }, /unknown option `treshold` \(known: threshold\)/],
      [{ rules: { 'corrupted-name': ['error', { threshold: '0.5' }] } }, /option `threshold` must be a number, got string/],
      [{ rules: { 'corrupted-name': ['error', { threshold: 1.5 }] } }, /must be from 0 to 1/],
      [{ rules: { 'preferred-name': ['error', { threshold: 0.5 }] } }, /the rule has no options/],
      [{ fixThreshold: 2 }, /fixThreshold/],
      [{ dictionaries: ['missing.yaml'] }, /missing\.yaml/],
    ]
    for (const [config, pattern] of cases) {
      const dir = tempDir()
      write(dir, 'a.txt', 'Talks in Kiev.\n')
      write(dir, '.namelintrc', JSON.stringify(config))
      const result = await cli(['a.txt'], { cwd: dir })
      expect(result.code, JSON.stringify(config)).toBe(2)
      expect(result.stderr, JSON.stringify(config)).toMatch(pattern)
      expect(result.stderr).toContain('.namelintrc')
    }
  })
})

describe('--print-config', () => {
  type Printed = { path: string; configFile: string | null; rules: Record<string, { severity: string; options: Record<string, unknown> }>; dictionaries: string[]; builtin: boolean; fixThreshold: number | null }

  it('prints the configuration that applies to a path (the nearest), every rule with its options, and the command line over it', async () => {
    const dir = tempDir()
    write(dir, '.namelintrc.json', JSON.stringify({ rules: { 'preferred-name': 'error' } }))
    write(dir, 'desk/style/house.yaml', 'entities:\n  - id: person-zorblat-quennick\n    type: person\n    name: Zorblat Quennick\n')
    write(dir, 'desk/.namelintrc.yaml', 'dictionaries: [./style/house.yaml]\nfixThreshold: 0.9\nrules:\n  corrupted-name: [error, {threshold: 0.8}]\n')
    const result = await cli(['--print-config', 'desk/sub/story.txt', '--rule', 'spelling=off'], { cwd: dir })
    expect(result.code).toBe(0)
    const printed = JSON.parse(result.stdout) as Printed
    expect(printed.configFile).toBe(path.join('desk', '.namelintrc.yaml'))
    expect(printed.rules['corrupted-name']).toEqual({ severity: 'error', options: { threshold: 0.8 } })
    // The nearest configuration wins whole: the top one's preferred-name: error does not apply here.
    expect(printed.rules['preferred-name'].severity).toBe('info')
    expect(printed.rules.spelling.severity).toBe('off')
    expect(printed.rules['inconsistent-name'].options.threshold).toBe(0.75)
    expect(printed.dictionaries).toEqual([path.join('desk', 'style', 'house.yaml')])
    expect(printed.fixThreshold).toBe(0.9)
    // Elsewhere, the top configuration.
    const top = JSON.parse((await cli(['--print-config', 'story.txt'], { cwd: dir })).stdout) as Printed
    expect([top.configFile, top.rules['preferred-name'].severity]).toEqual(['.namelintrc.json', 'error'])
    // And with --no-config, none.
    const none = JSON.parse((await cli(['--print-config', 'story.txt', '--no-config'], { cwd: dir })).stdout) as Printed
    expect(none.configFile).toBeNull()
  })

  it('names a broken configuration, its file and line (exit 2)', async () => {
    const dir = tempDir()
    write(dir, '.namelintrc.yaml', 'rules:\n  preferred-name: sometimes\n')
    const result = await cli(['--print-config', 'story.txt'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/\.namelintrc\.yaml:2: `rules\.preferred-name`/)
  })
})
