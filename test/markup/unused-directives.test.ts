/**
 * Unused control comments (`--report-unused-directives`, `reportUnusedDirectives`): a disable or ignore-next
 * comment that silences nothing is reported where it stands; one that silences something is not.
 */
import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { VFile } from 'vfile'
import { createProcessor } from '../../src/processor.js'
import { run } from '../../src/cli.js'

const KIEV = 'Talks in Kiev ended on Friday.'
const CALM = 'The minister spoke to reporters in Berlin on Tuesday.'

async function unused(filePath: string, text: string, severity: 'warning' | 'error' | 'off' = 'warning') {
  const processor = createProcessor({ rules: { spelling: 'off' }, reportUnusedDirectives: severity } as never)
  const file = new VFile({ path: filePath, value: text })
  await processor.process(file)
  return file.messages.filter((m) => m.ruleId === 'unused-directive').map((m) => ({ line: m.line, fatal: m.fatal, reason: m.reason }))
}

describe('unused control comments', () => {
  it('reports a disable with nothing after it and an ignore-next over a clean paragraph (Markdown)', async () => {
    const doc = ['<!-- namelint-disable preferred-name -->', '', KIEV, '', '<!-- namelint-enable preferred-name -->', '', '<!-- namelint-ignore-next -->', CALM, '', '<!-- namelint-disable corrupted-name -->', '', KIEV, ''].join('\n')
    const found = await unused('a.md', doc)
    expect(found.map((m) => m.line)).toEqual([7, 10])
    expect(found[0].reason).toBe('Unused `namelint-ignore-next` comment: no message in the next node to silence; remove it')
    // The Kiev after it is a preferred-name message: a disable of corrupted-name silences none of it.
    expect(found[1].reason).toBe('Unused `namelint-disable corrupted-name` comment: no corrupted-name message after it to silence; remove it')
    expect(found[1].fatal).toBe(false)
  })

  it('keeps quiet about comments that silence something, in plain text too', async () => {
    const doc = [CALM, '<!-- namelint-ignore-next -->', KIEV, '', '<!-- namelint-disable -->', KIEV, ''].join('\n')
    expect(await unused('a.txt', doc)).toEqual([])
    expect(await unused('a.txt', [KIEV, '<!-- namelint-disable -->', CALM, ''].join('\n'))).toEqual([{ line: 2, fatal: false, reason: 'Unused `namelint-disable` comment: no message after it to silence; remove it' }])
  })

  it('is off by default, and takes a severity', async () => {
    const doc = ['<!-- namelint-ignore-next -->', CALM, ''].join('\n')
    expect(await unused('a.md', doc, 'off')).toEqual([])
    expect((await unused('a.md', doc, 'error'))[0].fatal).toBe(true)
  })

  it('is set on the command line or in the configuration', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'namelint-unused-'))
    writeFileSync(path.join(cwd, 'a.md'), ['<!-- namelint-ignore-next -->', CALM, ''].join('\n'))
    expect((await run(['a.md'], { cwd })).stdout).not.toMatch(/unused-directive/)
    const flagged = await run(['--format', 'json', '--report-unused-directives', 'a.md'], { cwd })
    expect(flagged.code).toBe(0)
    expect(JSON.parse(flagged.stdout)[0].messages).toEqual([expect.objectContaining({ ruleId: 'unused-directive', line: 1, fatal: false })])
    writeFileSync(path.join(cwd, '.namelintrc.json'), JSON.stringify({ reportUnusedDirectives: 'error' }))
    expect((await run(['a.md'], { cwd })).code).toBe(1)
    expect((await run(['--no-report-unused-directives', 'a.md'], { cwd })).code).toBe(0)
    expect(JSON.parse((await run(['--print-config', 'a.md'], { cwd })).stdout).reportUnusedDirectives).toBe('error')
  })
})
