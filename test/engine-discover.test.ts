/**
 * Finding files in a large run (LINEAR_FROM files or more) takes another way through unified-engine's file set, which
 * lets each file through on its own: it must find what the engine's own way finds.
 */
import { describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { discover, LINEAR_FROM } from '../src/engine.js'

describe('discover, large runs', () => {
  it('finds every file, sorted, read, and leaves out the ignored ones, from both sides of LINEAR_FROM', { timeout: 60_000 }, async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'namelint-discover-'))
    const count = Math.ceil((LINEAR_FROM * 8) / 7) + 80
    for (let folder = 0; folder < 8; folder++) mkdirSync(path.join(cwd, 'archive', `part-${folder}`), { recursive: true })
    for (let i = 0; i < count; i++) writeFileSync(path.join(cwd, 'archive', `part-${i % 8}`, `story-${String(i).padStart(5, '0')}.txt`), `Story ${i} from Kyiv.\n`)
    writeFileSync(path.join(cwd, 'archive', 'part-3', 'notes.md'), 'Notes.\n')
    writeFileSync(path.join(cwd, '.namelintignore'), 'archive/part-7/\n')
    const expected: string[] = []
    for (let i = 0; i < count; i++) if (i % 8 !== 7) expected.push(path.join('archive', `part-${i % 8}`, `story-${String(i).padStart(5, '0')}.txt`))
    expected.push(path.join('archive', 'part-3', 'notes.md'))
    expected.sort()

    const large = await discover({ cwd, detectIgnore: true }, ['archive'])
    expect(large.error).toBeUndefined()
    expect(large.files.length).toBeGreaterThanOrEqual(LINEAR_FROM)
    expect(large.files.map((f) => f.path)).toEqual(expected)
    expect(large.files.every((f) => f.messages.length === 0 && /^Story \d+ from Kyiv\.\n$|^Notes\.\n$/.test(String(f.value)))).toBe(true)

    // Below the bound (one folder), the engine's own way: the same files of that folder.
    const small = await discover({ cwd, detectIgnore: true }, ['archive/part-3', 'missing.txt'])
    expect(small.files.filter((f) => f.messages.length === 0).map((f) => f.path)).toEqual(expected.filter((p) => p.startsWith(path.join('archive', 'part-3'))))
    expect(small.files.find((f) => f.path === 'missing.txt')?.messages[0]?.fatal).toBe(true)
  })
})
