/**
 * unifiedDiff (what --fix-dry-run prints): exact output for small cases, and a
 * property test that `git apply` of the diff turns the old text into the new.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { splitLines, unifiedDiff } from '../../src/fix.js'

describe('unifiedDiff', () => {
  it('is empty when nothing changed', () => {
    expect(unifiedDiff('a.txt', 'same\n', 'same\n')).toBe('')
  })

  it('prints a hunk with three lines of context and git-style headers', () => {
    const before = ['one', 'two', 'three', 'four', 'In Kiev today.', 'six', 'seven', 'eight', 'nine'].join('\n') + '\n'
    const after = before.replace('Kiev', 'Kyiv')
    expect(unifiedDiff('news/a.txt', before, after)).toBe(
      ['--- a/news/a.txt', '+++ b/news/a.txt', '@@ -2,7 +2,7 @@', ' two', ' three', ' four', '-In Kiev today.', '+In Kyiv today.', ' six', ' seven', ' eight', ''].join('\n'),
    )
  })

  it('keeps CRLF endings in the printed lines and marks a missing final newline', () => {
    const before = 'Angela Merkle spoke.\r\nIn Kiev'
    const after = 'Angela Merkel spoke.\r\nIn Kyiv'
    expect(unifiedDiff('b.txt', before, after)).toBe(
      '--- a/b.txt\n+++ b/b.txt\n@@ -1,2 +1,2 @@\n-Angela Merkle spoke.\r\n-In Kiev\n\\ No newline at end of file\n+Angela Merkel spoke.\r\n+In Kyiv\n\\ No newline at end of file\n',
    )
  })

  it('makes separate hunks for changes far apart', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`)
    const before = lines.join('\n') + '\n'
    const after = before.replace('line 2\n', 'line two\n').replace('line 25\n', 'line twenty-five\n')
    const diff = unifiedDiff('c.txt', before, after)
    expect(diff.match(/^@@ .* @@$/gm)).toEqual(['@@ -1,6 +1,6 @@', '@@ -23,7 +23,7 @@'])
  })

  it('splits lines at \\n only, keeping \\r\\n and lone \\r inside lines', () => {
    expect(splitLines('a\r\nb\rc\nd')).toEqual(['a\r\n', 'b\rc\n', 'd'])
    expect(splitLines('')).toEqual([])
  })
})

describe('unifiedDiff applies with git apply', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'namelint-diff-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const line = fc.constantFrom('In Kiev.', 'Angela Merkle said', '', 'plain text', 'x', 'Xi Jinpin met Kim', '\u00e9t\u00e9 😀', 'a\rb')
  const ending = fc.constantFrom('\n', '\r\n')
  const doc = fc.array(fc.tuple(line, ending), { maxLength: 25 }).chain((rows) =>
    fc.boolean().map((finalNewline) => {
      const text = rows.map(([l, e]) => l + e).join('')
      return finalNewline || text === '' ? text : text.replace(/\r?\n$/, '')
    }),
  )
  // The new text: some lines edited in place (fixes), some inserted or removed (generic diffs).
  const edit = fc.array(fc.tuple(fc.nat(30), fc.constantFrom('replace', 'insert', 'delete'), line), { maxLength: 6 })

  it('git apply turns before into after', () => {
    let run = 0
    fc.assert(
      fc.property(doc, edit, (before, edits) => {
        const rows = splitLines(before)
        for (const [at, kind, text] of edits) {
          const i = rows.length === 0 ? 0 : at % (rows.length + (kind === 'insert' ? 1 : 0))
          if (kind === 'insert') rows.splice(i, 0, text + '\n')
          else if (rows.length === 0) continue
          else if (kind === 'delete') rows.splice(i, 1)
          else rows[i] = text + (rows[i].endsWith('\r\n') ? '\r\n' : rows[i].endsWith('\n') ? '\n' : '')
        }
        const after = rows.join('')
        const diff = unifiedDiff('doc.txt', before, after)
        if (before === after) {
          expect(diff).toBe('')
          return
        }
        const work = path.join(dir, String(run++))
        execFileSync('mkdir', ['-p', work])
        writeFileSync(path.join(work, 'doc.txt'), before)
        writeFileSync(path.join(work, 'fix.patch'), diff)
        execFileSync('git', ['apply', '--whitespace=nowarn', '-p1', 'fix.patch'], { cwd: work, stdio: 'pipe' })
        expect(readFileSync(path.join(work, 'doc.txt'), 'utf8')).toBe(after)
      }),
      { numRuns: 60 },
    )
  })
})
