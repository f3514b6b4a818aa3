import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { run } from '../src/cli.js'

/** A folder holding the given files. */
function folder(files: Record<string, string>): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'namelint-dict-check-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(cwd, name), text)
  return cwd
}

// A newsroom's own dictionary, as --dictionary would load it: one line per finding, with the file and line of
// the entry, in file and line order.
const HOUSE = [
  'meta: {name: house}',
  'entities:',
  '  - id: house-kiev',
  '    type: place',
  '    name: Kiev',
  '  - id: house-ada-quenby',
  '    type: person',
  '    name: Ada Quenby',
  '  - id: house-ada-quenbi',
  '    type: person',
  '    name: Ada Quenbi',
  '  - id: house-shoigu',
  '    type: person',
  '    name: Sergei K. Shoigu',
  '    variants: [Sergey Shoygu]',
  '  - id: place-kyiv',
  '    variants: [Kyiw]',
  '    forms: [Capital]',
  '  - id: person-nobody-at-all',
  '    disabled: true',
].join('\n') + '\n'

describe('namelint dict check FILE', () => {
  it('reports, by file and line, spellings another entity claims, near-identical names and overlays that point nowhere', async () => {
    const cwd = folder({ 'house.yaml': HOUSE, 'broken.yaml': 'entities:\n  - id: x\n    name: [1\n' })
    const result = await run(['dict', 'check', 'house.yaml', 'broken.yaml'], { cwd })
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^broken\.yaml:4:\d+: error cannot parse/)
    expect(lines[1]).toMatch(/^house\.yaml:19: error entry `person-nobody-at-all`: `disabled: true`, but no built-in or earlier dictionary entity has this id/)
    expect(lines[2]).toMatch(/^house\.yaml:3: warning "Kiev" \(house-kiev\) is also a deprecated spelling of place-kyiv \(Kyiv/)
    expect(lines[3]).toMatch(/^house\.yaml:6: warning person names one edit apart: "Ada Quenbi" \(house-ada-quenbi\) and "Ada Quenby" \(house-ada-quenby\)/)
    expect(lines[4]).toMatch(/^house\.yaml:12: warning "Sergey Shoygu" \(house-shoigu\) is also the name or a variant of person-sergei-shoigu/)
    // An overlay's own spellings are checked; the built-in entity's are not its conflicts.
    expect(lines[5]).toBe('house.yaml:16: warning "Capital" (place-kyiv) is also an ordinary English word')
    expect(result.stdout).not.toMatch(/house\.yaml:16: warning "Kyi/)
    expect(lines.at(-1)).toBe('2 dictionaries checked over the built-in data: 2 errors, 4 warnings')
  })

  it('checks the files on their own with --no-builtin', async () => {
    const cwd = folder({ 'house.yaml': HOUSE.replace(/  - id: place-kyiv\n    variants: \[Kyiw\]\n    forms: \[Capital\]\n  - id: person-nobody-at-all\n    disabled: true\n/, '') })
    const result = await run(['dict', 'check', 'house.yaml', '--no-builtin'], { cwd })
    expect(result.code).toBe(0)
    expect(result.stdout).not.toMatch(/deprecated spelling|person-sergei-shoigu/)
    expect(result.stdout).toMatch(/person names one edit apart/)
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 dictionary checked: 0 errors, 1 warning')
  })

  it('passes a clean dictionary, and sees a conflict between two user files', async () => {
    const cwd = folder({
      'a.yaml': 'entities:\n  - {id: desk-quenby, type: person, name: Ada Quenby}\n',
      'b.yaml': 'entities:\n  - {id: sport-quenby, type: person, name: Arthur Pell, variants: [Ada Quenby]}\n',
    })
    const clean = await run(['dict', 'check', 'a.yaml'], { cwd })
    expect(clean.code).toBe(0)
    expect(clean.stdout).toBe('1 dictionary checked over the built-in data: 0 errors, 0 warnings\n')
    const both = await run(['dict', 'check', 'a.yaml', 'b.yaml'], { cwd })
    expect(both.code).toBe(0)
    expect(both.stdout).toMatch(/^b\.yaml:2: warning "Ada Quenby" \(sport-quenby\) is also the name or a variant of desk-quenby \(Ada Quenby; a\.yaml\)/m)
  })

  it('is a usage error for a missing file, an unknown option or a folder with files', async () => {
    const cwd = folder({ 'a.yaml': 'entities: []\n' })
    mkdirSync(path.join(cwd, 'curated'))
    expect(await run(['dict', 'check', 'nope.yaml'], { cwd })).toMatchObject({ code: 2, stderr: 'namelint dict check: no such file or folder: nope.yaml\n' })
    expect((await run(['dict', 'check', '--strict', 'a.yaml'], { cwd })).code).toBe(2)
    expect((await run(['dict', 'check', 'curated', 'a.yaml'], { cwd })).code).toBe(2)
    expect((await run(['dict', 'lint'], { cwd })).code).toBe(2)
  })
})
