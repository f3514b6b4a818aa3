/**
 * `--format sarif`: validated against the SARIF 2.1.0 JSON schema
 * (test/formats/sarif-schema-2.1.0.json, vendored: see its `$comment`), and
 * checked field by field against the linter's messages.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import AjvModule from 'ajv'
import addFormatsModule from 'ajv-formats'
import { afterAll, describe, expect, it } from 'vitest'
import { applyFixes, keepWhitespace } from '../../src/fix.js'
import { cleanup, cli, lintText, tempDir, write } from '../fix/helpers.js'
import { RULES, RULE_IDS } from '../../src/rules.js'

afterAll(cleanup)

type AjvClass = typeof import('ajv').default
const Ajv = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass
type AddFormats = typeof import('ajv-formats').default
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats

const schema = JSON.parse(fs.readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const validate = ajv.compile(schema)

function expectValid(log: unknown) {
  const ok = validate(log)
  expect(ok ? [] : validate.errors).toEqual([])
}

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
  charOffset: number
  charLength: number
}
interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: { text: string }
  rank?: number
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }>
  fixes?: Array<{ description: { text: string }; artifactChanges: Array<{ artifactLocation: { uri: string }; replacements: Array<{ deletedRegion: Region; insertedContent: { text: string } }> }> }>
  properties?: { actual?: string; expected?: string[]; confidence?: number }
}
interface SarifLog {
  $schema: string
  version: string
  runs: Array<{
    tool: { driver: { name: string; version?: string; informationUri: string; rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }> } }
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string } }> }>
    originalUriBaseIds: Record<string, { uri: string }>
    columnKind: string
    results: SarifResult[]
  }>
}

const ARTICLE = '\uFEFFTalks in Kiev with Xi Jinpin ended.\r\nAngela   Merkle spoke later.\r\n'

describe('the vendored SARIF schema', () => {
  it('rejects malformed logs (so passing it means something)', () => {
    const good = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'warning' }] }] }
    expectValid(good)
    const bad = [
      { runs: [] },
      { version: '2.0.0', runs: [] },
      { version: '2.1.0', runs: [{ results: [] }] },
      { version: '2.1.0', runs: [{ tool: { driver: {} } }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'warning' }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a' }, region: { startLine: 0 } } }] }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, fixes: [{ artifactChanges: [] }] }] }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'r', helpUri: 'not a uri' }] } } }] },
      { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, unknownField: 1 }] }] },
    ]
    for (const log of bad) expect(validate(log), JSON.stringify(log)).toBe(false)
  })
})

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 with rules, results, regions and fixes', async () => {
    const dir = tempDir()
    write(dir, 'news/article.txt', ARTICLE)
    write(dir, 'news/clean.txt', 'Xi Jinping met officials in Kyiv.\n')
    const result = await cli(['-f', 'sarif', 'news'], { cwd: dir })
    const log = JSON.parse(result.stdout) as SarifLog
    expectValid(log)
    expect(log.version).toBe('2.1.0')
    expect(log.$schema).toMatch(/sarif-2\.1\.0/)
    expect(log.runs).toHaveLength(1)
    const run = log.runs[0]
    expect(run.tool.driver.name).toBe('namelint')
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS)
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toBe(`https://github.com/namelint/namelint/blob/main/rules/${rule.id}.md`)
    expect(run.tool.driver.rules.map((r) => r.defaultConfiguration.level)).toEqual(RULES.map((r) => ({ error: 'error', warning: 'warning', info: 'note', off: 'none' })[r.meta.defaultSeverity]))
    expect(run.columnKind).toBe('utf16CodeUnits')
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(dir).href + '/')
    expect(run.invocations[0].executionSuccessful).toBe(true)

    // Results match the linter's messages; positions do not count the BOM.
    const messages = await lintText(ARTICLE)
    expect(run.results).toHaveLength(messages.length)
    const text = ARTICLE.slice(1)
    for (const message of messages) {
      const r = run.results.find((x) => x.properties?.actual === message.actual)!
      expect(r, String(message.actual)).toBeDefined()
      expect(r.ruleId).toBe(message.ruleId)
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(message.ruleId)
      expect(r.level).toBe(message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'note')
      expect(r.message.text).toBe(message.reason)
      const location = r.locations![0].physicalLocation
      expect(location.artifactLocation).toEqual({ uri: 'news/article.txt', uriBaseId: '%SRCROOT%' })
      const region = location.region
      expect(text.slice(region.charOffset, region.charOffset + region.charLength)).toBe(message.actual)
      const lines = text.split('\n')
      expect(lines[region.startLine - 1].slice(region.startColumn - 1, region.endColumn - 1)).toBe(message.actual)
      expect(region.startLine).toBe(message.place && 'start' in message.place ? message.place.start.line : 0)
      const [fix] = r.fixes!
      const change = fix.artifactChanges[0]
      expect(change.artifactLocation.uri).toBe('news/article.txt')
      expect(change.replacements[0].deletedRegion).toEqual(region)
      expect(change.replacements[0].insertedContent.text).toBe(keepWhitespace(String(message.actual), message.expected![0]))
      const confidence = (message as { data?: { confidence?: number } }).data?.confidence
      if (confidence !== undefined) expect(r.rank).toBeCloseTo(confidence * 100, 1)
    }
  })

  it('has fixes that, applied, give what --fix writes', async () => {
    const dir = tempDir()
    const file = write(dir, 'a.txt', ARTICLE)
    const log = JSON.parse((await cli(['-f', 'sarif', 'a.txt'], { cwd: dir })).stdout) as SarifLog
    const replacements = log.runs[0].results.flatMap((r) => r.fixes ?? []).flatMap((f) => f.artifactChanges[0].replacements)
    replacements.sort((a, b) => b.deletedRegion.charOffset - a.deletedRegion.charOffset)
    let text = ARTICLE.slice(1) // SARIF offsets do not count the BOM
    for (const { deletedRegion: d, insertedContent } of replacements) text = text.slice(0, d.charOffset) + insertedContent.text + text.slice(d.charOffset + d.charLength)
    await cli(['--fix', '--fix-threshold', '0', 'a.txt'], { cwd: dir })
    expect('\uFEFF' + text).toBe(fs.readFileSync(file, 'utf8'))
    expect(text).toBe(applyFixes(ARTICLE, await lintText(ARTICLE), { threshold: 0 }).output.slice(1))
  })

  it('maps severities to levels', async () => {
    const dir = tempDir()
    write(dir, 'a.txt', 'In Kiev, Xi Jinpin spoke.\n')
    const log = JSON.parse((await cli(['-f', 'sarif', '-r', 'corrupted-name=error', '-r', 'preferred-name=warning', 'a.txt'], { cwd: dir })).stdout) as SarifLog
    expectValid(log)
    const levels = Object.fromEntries(log.runs[0].results.map((r) => [r.ruleId, r.level]))
    expect(levels).toEqual({ 'corrupted-name': 'error', 'preferred-name': 'warning' })
    const quiet = JSON.parse((await cli(['-f', 'sarif', '--quiet', 'a.txt'], { cwd: dir })).stdout) as SarifLog
    expectValid(quiet)
    expect(quiet.runs[0].results.map((r) => r.level)).toEqual(['warning'])
  })

  it('percent-encodes paths, reports missing files as notifications, and handles standard input', async () => {
    const dir = tempDir()
    write(dir, 'sub dir/b#1.txt', 'Kiev\n')
    const files = JSON.parse((await cli(['-f', 'sarif', 'sub dir/b#1.txt', 'missing.txt'], { cwd: dir })).stdout) as SarifLog
    expectValid(files)
    expect(files.runs[0].results[0].locations![0].physicalLocation.artifactLocation.uri).toBe('sub%20dir/b%231.txt')
    expect(files.runs[0].invocations[0].executionSuccessful).toBe(false)
    expect(files.runs[0].invocations[0].toolExecutionNotifications![0]).toMatchObject({ level: 'error', message: { text: expect.stringMatching(/no such file/i) } })

    const stdin = JSON.parse((await cli(['-f', 'sarif'], { cwd: dir, stdin: 'Kiev\n' })).stdout) as SarifLog
    expectValid(stdin)
    expect(stdin.runs[0].results).toHaveLength(1)
    const named = JSON.parse((await cli(['-f', 'sarif', '--stdin-filename', 'story.txt'], { cwd: dir, stdin: 'Kiev\n' })).stdout) as SarifLog
    expectValid(named)
    expect(named.runs[0].results[0].locations![0].physicalLocation.artifactLocation.uri).toBe('story.txt')

    const empty = JSON.parse((await cli(['-f', 'sarif'], { cwd: dir, stdin: 'Nothing here.\n' })).stdout) as SarifLog
    expectValid(empty)
    expect(empty.runs[0].results).toEqual([])
  })

  it('is valid with a file outside the working folder (absolute file URI)', async () => {
    const dir = tempDir()
    const other = tempDir()
    const file = write(other, 'x.txt', 'Kiev\n')
    const log = JSON.parse((await cli(['-f', 'sarif', file], { cwd: dir })).stdout) as SarifLog
    expectValid(log)
    expect(log.runs[0].results[0].locations![0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(path.resolve(file)).href })
  })
})
