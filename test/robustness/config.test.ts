/**
 * Bad dictionaries and configuration: malformed YAML or JSON, unknown keys,
 * wrong types, duplicate ids, an overlay that points nowhere. Each exits 2
 * with one line naming the file, the line and what to do, and no stack trace;
 * no file is linted with a configuration it could not read.
 */
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ARTICLE, cleanup, cli, tempDir, write } from './helpers.js'

afterAll(cleanup)

interface Case {
  name: string
  files: Record<string, string>
  args?: string[]
  /** The problem line, after `namelint: <folder>/`. */
  expected: RegExp
}

const DICTIONARIES: Case[] = [
  {
    name: 'malformed YAML',
    files: { 'names.yaml': 'entities:\n  - id: person-test\n    name: [Test Person\n    type: person\n' },
    expected: /^names\.yaml:\d+:\d+: cannot parse: /,
  },
  {
    name: 'malformed JSON (a trailing comma YAML would take)',
    files: { 'names.json': '{\n  "entities": [\n    { "id": "person-test", "name": "Test Person", }\n  ]\n}\n' },
    expected: /^names\.json:3:51: cannot parse JSON: .*; fix the syntax \(a YAML dictionary goes in a \.yaml file\)$/,
  },
  {
    name: 'truncated JSON',
    files: { 'names.json': '{\n  "entities": [\n    { "id": "person-test", "name": "Test Person" }\n' },
    expected: /^names\.json:4:1: cannot parse JSON: Expected ',' or '\]' after array element; fix the syntax/,
  },
  {
    name: 'not a mapping',
    files: { 'names.yaml': '- Test Person\n- Other Person\n' },
    expected: /^names\.yaml:1:1: expected a mapping with an `entities` list \(see dictionaries\/FORMAT\.md\), got a list$/,
  },
  {
    name: 'an unknown key',
    files: { 'names.yaml': 'entities:\n  - id: person-test\n    name: Test Person\n    colour: blue\n' },
    expected: /^names\.yaml:2:5: entry `person-test`: unknown key `colour` \(see dictionaries\/FORMAT\.md for the allowed keys\)$/,
  },
  {
    name: 'a list given as a string',
    files: { 'names.yaml': 'entities:\n  - id: person-test\n    name: Test Person\n    variants: Test Persson\n' },
    expected: /^names\.yaml:4:15: entry `person-test`: `variants`: Invalid input: expected array, received string$/,
  },
  {
    name: 'an unknown entity type',
    files: { 'names.yaml': 'entities:\n  - id: person-test\n    type: persn\n    name: Test Person\n' },
    expected: /^names\.yaml:3:11: entry `person-test`: `type`: Invalid option: expected one of "person"\|"place"\|"organization"\|"demonym"\|"other"$/,
  },
  {
    name: 'a negative population',
    files: { 'names.yaml': 'entities:\n  - id: place-test\n    type: place\n    name: Testville\n    population: -5\n' },
    expected: /^names\.yaml:5:17: entry `place-test`: `population`: Too small: expected number to be >=0$/,
  },
  {
    name: 'duplicate ids',
    files: { 'names.yaml': 'entities:\n  - id: person-test\n    name: Test Person\n  - id: person-test\n    name: Other Person\n' },
    expected: /^names\.yaml:4: entry `person-test`: duplicate id \(first used by entry 1\); give each entity one id$/,
  },
  {
    name: 'an overlay that disables an id nothing has',
    files: { 'names.yaml': 'entities:\n  - id: place-kyiv\n    deprecated: [Kyyiv]\n  - id: place-kyivv\n    disabled: true\n' },
    expected: /^names\.yaml:4: entry `place-kyivv`: `disabled: true`, but no built-in or earlier dictionary entity has this id: check the id for a typo .*, or remove the entry$/,
  },
  {
    name: 'an overlay without a name for an id nothing has',
    files: { 'names.yaml': 'entities:\n  - id: person-sergei-shoigoo\n    variants: [Sergey Shoigoo]\n' },
    expected: /^names\.yaml:2: entry `person-sergei-shoigoo`: no built-in or earlier dictionary entity has this id, and a new entity needs a `name`: check the id for a typo .*, or add a `name`$/,
  },
  {
    name: 'an overlay of a built-in id with the built-in dictionaries off',
    files: { 'names.yaml': 'entities:\n  - id: place-kyiv\n    disabled: true\n' },
    args: ['--no-builtin'],
    expected: /^names\.yaml:2: entry `place-kyiv`: `disabled: true`, but no earlier dictionary entity has this id \(the built-in dictionaries are off\)/,
  },
  {
    name: 'a YAML alias to no anchor (found by fuzzing: was a ReferenceError and a stack trace)',
    files: { 'names.yaml': 'entities:\n  - id: person-test\n    type: *person\n    name: Test Person\n' },
    expected: /^names\.yaml:3:11: cannot parse: Unresolved alias \(the anchor must be set before the alias\): person$/,
  },
  {
    name: 'aliases that would blow up (a billion laughs)',
    files: { 'names.yaml': ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdef'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill('*' + 'abcdef'[i]).join(', ')}]`), 'entities: [*f]', ''].join('\n') },
    expected: /^names\.yaml: cannot parse: Excessive alias count indicates a resource exhaustion attack$/,
  },
  {
    name: 'binary garbage',
    files: { 'names.yaml': '\u0000\u0001\u0002PK\u0003\u0004\u00ff\u00fe' },
    expected: /^names\.yaml:1:1: expected a mapping with an `entities` list \(see dictionaries\/FORMAT\.md\), got a string$/,
  },
  {
    name: 'an empty file',
    files: { 'names.yaml': '' },
    expected: /^names\.yaml:1: expected a mapping with an `entities` list \(see dictionaries\/FORMAT\.md\), got an empty file$/,
  },
]

const CONFIGURATIONS: Case[] = [
  {
    name: 'malformed JSON in .namelintrc',
    files: { '.namelintrc': '{\n  "rules": {\n    "corrupted-name": "error",\n  }\n}\n' },
    expected: /^Cannot parse file `\.namelintrc`: .*in JSON at position \d+[^]*> 4 \|[^]*\(`\.namelintrc` holds JSON; write YAML in `\.namelintrc\.yaml` or `\.namelintrc\.yml`\)/,
  },
  {
    name: 'malformed YAML in .namelintrc.yaml',
    files: { '.namelintrc.yaml': 'rules:\n  corrupted-name: [error\nfixThreshold: 0.8\n' },
    expected: /^Cannot parse file `\.namelintrc\.yaml`: .* at line 3, column 1/,
  },
  {
    name: 'an unknown key',
    files: { '.namelintrc.json': '{\n  "rules": {},\n  "dictionary": ["names.yaml"]\n}\n' },
    expected: /^\.namelintrc\.json:3: unknown key `dictionary` \(allowed: rules, dictionaries, builtin, fixThreshold, reportUnusedDirectives\)$/,
  },
  {
    name: 'a misspelt severity',
    files: { '.namelintrc.yaml': 'rules:\n  corrupted-name: eror\n' },
    expected: /^\.namelintrc\.yaml:2: `rules\.corrupted-name`: expected a severity \(off, info, warning, error\), true or false, or \[severity, \{options\}\]$/,
  },
  {
    name: 'an unknown rule',
    files: { '.namelintrc.yaml': 'rules:\n  corupted-name: error\n' },
    expected: /^\.namelintrc\.yaml:2: `rules\.corupted-name`: unknown rule \(known: corrupted-name, /,
  },
  {
    name: 'an unknown rule option',
    files: { '.namelintrc.yaml': 'rules:\n  corrupted-name:\n    - error\n    - treshold: 0.9\n' },
    expected: /^\.namelintrc\.yaml:3: `rules\.corrupted-name`: unknown option `treshold` \(known: threshold\)$/,
  },
  {
    name: 'a threshold out of range',
    files: { '.namelintrc.yaml': 'rules:\n  corrupted-name: [error, { threshold: 9 }]\n' },
    expected: /^\.namelintrc\.yaml:2: `rules\.corrupted-name`: option `threshold` must be from 0 to 1, got 9$/,
  },
  {
    name: 'a number given as a string',
    files: { '.namelintrc': '{"fixThreshold": "high"}' },
    expected: /^\.namelintrc:1: `fixThreshold`: Invalid input: expected number, received string$/,
  },
  {
    name: 'a list given as a string',
    files: { '.namelintrc.yaml': 'dictionaries: names.yaml\n' },
    expected: /^\.namelintrc\.yaml:1: `dictionaries`: Invalid input: expected array, received string$/,
  },
  {
    name: 'a dictionary that is not there',
    files: { '.namelintrc.yaml': 'dictionaries:\n  - names.yaml\n  - house/names.yaml\n', 'names.yaml': 'entities: []\n' },
    expected: /^\.namelintrc\.yaml:3: `dictionaries`: no such file `house\/names\.yaml` \(.*\); paths are relative to the configuration file$/,
  },
  {
    name: 'a broken dictionary listed in the configuration',
    files: { '.namelintrc.yaml': 'dictionaries: [names.yaml]\n', 'names.yaml': 'entities:\n  - id: Person Test\n    name: Test Person\n' },
    expected: /^names\.yaml:2:9: entry `Person Test`: `id`: ids are lowercase ascii letters/,
  },
  {
    name: 'malformed package.json',
    files: { 'package.json': '{\n  "name": "newsroom",\n  "namelint": { "rules": {} },\n' },
    expected: /^Cannot parse file `package\.json`: /,
  },
  {
    name: 'a wrong type in the package.json field',
    files: { 'package.json': '{\n  "name": "newsroom",\n  "namelint": {\n    "rules": 3\n  }\n}\n' },
    expected: /^package\.json:4: `rules`: Invalid input: expected record, received number$/,
  },
]

function check(kase: Case, result: { code: number; stdout: string; stderr: string }, dir: string) {
  expect(result.code, result.stderr).toBe(2)
  // The problem comes first, before the report of the files (which starts with the first file's name).
  const problem = result.stderr.split(/\n(?=a\.txt\n)/)[0].replace(/^namelint: /, '').split(dir + path.sep).join('').trimEnd()
  expect(problem, result.stderr).toMatch(kase.expected)
  // Said once, with no stack trace, however many files the problem concerns.
  expect(result.stderr.split('namelint: ').length - 1, result.stderr).toBe(1)
  expect(result.stderr + result.stdout).not.toMatch(/\n\s+at |\[cause\]/)
}

describe('bad dictionaries exit 2, naming the file, the line and what to do', () => {
  it.each(DICTIONARIES)('$name (--dictionary)', async (kase) => {
    const dir = tempDir()
    for (const [name, text] of Object.entries(kase.files)) write(dir, name, text)
    write(dir, 'a.txt', ARTICLE)
    write(dir, 'b.txt', ARTICLE)
    const dictionary = Object.keys(kase.files)[0]
    check(kase, await cli([...(kase.args ?? []), '--dictionary', dictionary, 'a.txt', 'b.txt'], dir), dir)
  })

  it.each(DICTIONARIES)('$name (listed in .namelintrc)', async (kase) => {
    const dir = tempDir()
    for (const [name, text] of Object.entries(kase.files)) write(dir, name, text)
    write(dir, '.namelintrc', JSON.stringify({ dictionaries: Object.keys(kase.files), ...(kase.args?.includes('--no-builtin') ? { builtin: false } : {}) }))
    write(dir, 'a.txt', ARTICLE)
    write(dir, 'b.txt', ARTICLE)
    check(kase, await cli(['a.txt', 'b.txt'], dir), dir)
  })

  it('a dictionary that is not there', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', ARTICLE)
    const result = await cli(['--dictionary', 'house.yaml', 'a.txt'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`namelint: ${path.join(dir, 'house.yaml')}: cannot read dictionary: ENOENT\n`)
  })

  it('an overlay of ids that exist is fine', async () => {
    const dir = tempDir()
    write(dir, 'house.yaml', 'entities:\n  - id: place-kyiv\n    disabled: true\n  - id: person-sergei-shoigu\n    variants: [Sergei Shuigu]\n  - id: test-new\n    name: Testovia\n')
    write(dir, 'a.txt', ARTICLE)
    const result = await cli(['-f', 'json', '--dictionary', 'house.yaml', 'a.txt'], dir)
    expect(result.stderr).toBe('')
    const messages = (JSON.parse(result.stdout) as Array<{ messages: Array<{ actual?: string }> }>)[0].messages
    // Kiev is no longer deprecated, Sergei Shuigu is an accepted variant.
    expect(messages.map((m) => m.actual)).not.toContain('Kiev')
    expect(messages.map((m) => m.actual)).not.toContain('Sergei Shuigu')
  })
})

describe('bad configuration exits 2, naming the file, the line and what to do', () => {
  it.each(CONFIGURATIONS)('$name', async (kase) => {
    const dir = tempDir()
    for (const [name, text] of Object.entries(kase.files)) write(dir, name, text)
    write(dir, 'a.txt', ARTICLE)
    write(dir, 'sub/b.txt', ARTICLE)
    check(kase, await cli(['a.txt', 'sub/b.txt'], dir), dir)
  })

  it('the JSON report names the problem for each file, without causes or stacks', async () => {
    const dir = tempDir()
    write(dir, '.namelintrc.yaml', 'rules:\n  corrupted-name: eror\n')
    write(dir, 'a.txt', ARTICLE)
    const result = await cli(['-f', 'json', 'a.txt'], dir)
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stdout) as Array<{ messages: Array<Record<string, unknown>> }>
    expect(report[0].messages).toEqual([{ fatal: true, reason: `${path.join(dir, '.namelintrc.yaml')}:2: \`rules.corrupted-name\`: expected a severity (off, info, warning, error), true or false, or [severity, {options}]` }])
  })
})
