/**
 * Inline control comments: namelint-disable, namelint-enable and
 * namelint-ignore-next, with and without rule ids, in Markdown, HTML and
 * plain text (a line holding only the comment).
 */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { createProcessor } from '../../src/processor.js'

const KIEV = 'Talks in Kiev ended.'
const SHOIGU = 'Russian defence minister Sergei Shuigu met Kim Jong Un in Pyongyang on Tuesday.'

const processor = createProcessor({ rules: { spelling: 'off' } as never })

async function lint(path: string, text: string) {
  const file = new VFile({ path, value: text })
  await processor.process(file)
  return file.messages.map((m) => ({ rule: m.ruleId, actual: m.actual, line: m.line, fatal: m.fatal, reason: m.reason }))
}

/** `rule@line` of each message. */
async function found(path: string, text: string) {
  return (await lint(path, text)).map((m) => `${m.rule}@${m.line}`).sort()
}

/**
 * The messages of a document with its control comments, and of the same
 * document with them made inert (same length, same structure): what the
 * comments removed is the difference. (Whether a corrupted name is reported
 * at all is the matcher's business, so the tests compare with the baseline.)
 */
async function controlled(path: string, text: string, dropped: (rule: string, line: number) => boolean) {
  const inert = path.endsWith('.txt') ? text.replace(/^.*<!--\s*namelint-.*$/gm, (line) => ' '.repeat(line.length)) : text.replaceAll('namelint-', 'nameXint-')
  const baseline = await found(path, inert)
  const expected = baseline.filter((m) => {
    const [rule, line] = m.split('@')
    return !dropped(rule, Number(line))
  })
  expect(expected.length, 'the comments remove something').toBeLessThan(baseline.length)
  expect(await found(path, text)).toEqual(expected)
  return { baseline, expected }
}

describe('Markdown control comments', () => {
  it('disable and enable every rule from a point on', async () => {
    const doc = [KIEV, '', '<!-- namelint-disable -->', '', KIEV, '', SHOIGU, '', '<!-- namelint-enable -->', '', KIEV, ''].join('\n')
    const { expected } = await controlled('a.md', doc, (_, line) => line > 3 && line < 9)
    expect(expected).toEqual(['preferred-name@1', 'preferred-name@11'])
  })

  it('disable only the rules named (space- or comma-separated)', async () => {
    const doc = ['<!-- namelint-disable preferred-name -->', '', KIEV, '', SHOIGU, '', '<!-- namelint-enable preferred-name -->', KIEV, ''].join('\n')
    const { expected } = await controlled('a.md', doc, (rule, line) => rule === 'preferred-name' && line < 7)
    expect(expected).toContain('preferred-name@8')
    const both = ['<!-- namelint-disable preferred-name, corrupted-name -->', KIEV, SHOIGU, ''].join('\n\n')
    await controlled('a.md', both, (rule) => rule === 'preferred-name' || rule === 'corrupted-name')
  })

  it('ignore the next block, or the next inline node', async () => {
    const doc = ['<!-- namelint-ignore-next -->', KIEV + ' ' + SHOIGU, '', KIEV, '', '- Item: <!-- namelint-ignore-next corrupted-name --> ' + SHOIGU + ' ' + KIEV, ''].join('\n')
    const { expected } = await controlled('a.md', doc, (rule, line) => line === 2 || (line === 6 && rule === 'corrupted-name'))
    expect(expected).toEqual(expect.arrayContaining(['preferred-name@4', 'preferred-name@6']))
  })

  it('ignore the next inline node across white space', async () => {
    const doc = 'Talks <!-- namelint-ignore-next --> *in Kiev* and Kiev.\n'
    const file = new VFile({ path: 'a.md', value: doc })
    await processor.process(file)
    expect(file.messages.map((m) => [m.ruleId, m.column])).toEqual([['preferred-name', doc.lastIndexOf('Kiev') + 1]])
  })

  it('warn about unknown directives and unknown rules', async () => {
    const messages = await lint('a.md', ['<!-- namelint-disable-line -->', '', '<!-- namelint-disable no-such-rule -->', '', KIEV, ''].join('\n'))
    const control = messages.filter((m) => m.rule === 'control')
    expect(control.map((m) => m.line)).toEqual([3, 1])
    expect(control.every((m) => m.fatal === false)).toBe(true)
    expect(control[1].reason).toMatch(/Unknown namelint directive `namelint-disable-line`/)
    expect(control[0].reason).toMatch(/no-such-rule/)
    // The directive with an unknown rule disables nothing else.
    expect(messages.some((m) => m.rule === 'preferred-name')).toBe(true)
  })

  it('leave what comes before a disable of every rule alone, with no enable after it', async () => {
    const doc = [KIEV, '', SHOIGU, '', '<!-- namelint-disable -->', '', KIEV, ''].join('\n')
    const { expected } = await controlled('a.md', doc, (_, line) => line > 5)
    expect(expected).toEqual(expect.arrayContaining(['preferred-name@1', 'corrupted-name@3']))
  })

  it('leave other comments alone', async () => {
    expect(await found('a.md', `<!-- a note: namelint-disable is not at the start -->\n\n${KIEV}\n`)).toEqual(['preferred-name@3'])
  })
})

describe('HTML control comments', () => {
  it('disable, enable and ignore the next element, across blank text between elements', async () => {
    const doc = [
      '<p>' + KIEV + '</p>',
      '<!-- namelint-disable corrupted-name -->',
      '<p>' + SHOIGU + ' ' + KIEV + '</p>',
      '<!-- namelint-enable -->',
      '<!-- namelint-ignore-next -->',
      '',
      '<p>' + SHOIGU + ' ' + KIEV + '</p>',
      '<p>' + SHOIGU + '</p>',
      '',
    ].join('\n')
    const { expected } = await controlled('a.html', doc, (rule, line) => (line === 3 && rule === 'corrupted-name') || line === 7)
    expect(expected).toEqual(expect.arrayContaining(['preferred-name@1', 'preferred-name@3']))
  })

  it('ignore the next inline element', async () => {
    const doc = `<p>${KIEV} <!-- namelint-ignore-next --><b>Kiev</b> and Kiev.</p>\n`
    expect((await lint('a.html', doc)).filter((m) => m.rule === 'preferred-name')).toHaveLength(2)
  })
})

describe('plain-text control lines', () => {
  it('take a line holding only the comment; ignore-next covers the next paragraph', async () => {
    const doc = [KIEV, '<!-- namelint-ignore-next -->', KIEV, SHOIGU, '', KIEV, '  <!-- namelint-disable preferred-name -->  ', KIEV, SHOIGU, ''].join('\n')
    const { expected } = await controlled('a.txt', doc, (rule, line) => line === 3 || line === 4 || (line > 7 && rule === 'preferred-name'))
    expect(expected).toEqual(expect.arrayContaining(['preferred-name@1', 'preferred-name@6']))
  })

  it('do not read the comment as prose, and keep positions', async () => {
    const doc = `<!-- namelint-disable corrupted-name -->\r\n${SHOIGU} ${KIEV}\r\n`
    const messages = await lint('a.txt', doc)
    expect(messages.map((m) => m.rule)).toEqual(['preferred-name'])
    expect(messages[0].line).toBe(2)
  })

  it('silence nothing before a disable of every rule', async () => {
    const doc = [KIEV, SHOIGU, '<!-- namelint-disable -->', KIEV, ''].join('\n')
    const { expected } = await controlled('a.txt', doc, (_, line) => line > 3)
    expect(expected).toEqual(expect.arrayContaining(['preferred-name@1', 'corrupted-name@2']))
  })

  it('are only lines: a comment inside a line does nothing', async () => {
    expect(await found('a.txt', `${KIEV} <!-- namelint-disable --> ${KIEV}\n`)).toEqual(['preferred-name@1', 'preferred-name@1'])
  })
})
