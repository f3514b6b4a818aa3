/**
 * `--format sarif`: validated against the official OASIS SARIF 2.1.0 JSON
 * schema (sarif-2.1.0-rtm.5, draft-04), loaded from the installed
 * `@microsoft/jest-sarif` package (lib/schemas/sarif-2.1.0-rtm.5.json) and
 * compiled with ajv-draft-04, and checked field by field against the linter's
 * messages.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import Ajv04Module from 'ajv-draft-04'
import addFormatsModule from 'ajv-formats'
import { VFile } from 'vfile'
import { afterAll, describe, expect, it } from 'vitest'
import { applyFixes, keepWhitespace } from '../../src/fix.js'
import { formatSarif } from '../../src/formats/sarif.js'
import { createProcessor } from '../../src/processor.js'
import { cleanup, cli, lintText, tempDir, write } from '../fix/helpers.js'
import { RULES, RULE_IDS } from '../../src/rules.js'

afterAll(cleanup)

type Ajv04Class = typeof import('ajv-draft-04').default
const Ajv04 = ((Ajv04Module as unknown as { default?: Ajv04Class }).default ?? Ajv04Module) as Ajv04Class
type AddFormats = typeof import('ajv-formats').default
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats

/** The official schema, as shipped by Microsoft's SARIF SDK (never a copy kept here). */
const SCHEMA_PATH = path.join(path.dirname(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json')
const schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>
// `unicodeRegExp: false`: the official schema's `language` pattern
// (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`, a stray `]`) is not a valid
// regular expression with the `u` flag ajv 8 uses by default; without it the
// pattern is the ECMAScript one the schema's authors tested. namelint emits no
// `language`, and no pattern is dropped.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false })
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
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }> }>
    originalUriBaseIds: Record<string, { uri: string }>
    columnKind: string
    results: SarifResult[]
  }>
}

const ARTICLE = '\uFEFFTalks in Kiev with Xi Jinpin ended.\r\nAngela   Merkle spoke later.\r\n'

/** A real namelint log: results with fixes and ranks, rules, a notification. */
async function realLog(): Promise<SarifLog> {
  const dir = tempDir()
  write(dir, 'defence.txt', 'Defence Minister Sergei Shuigu met officials in Kiev.\n')
  return JSON.parse((await cli(['-f', 'sarif', 'defence.txt', 'missing.txt'], { cwd: dir })).stdout) as SarifLog
}

describe('the official SARIF 2.1.0 schema', () => {
  it('is the OASIS schema shipped by @microsoft/jest-sarif, not a local copy', () => {
    expect(SCHEMA_PATH.split(path.sep).join('/')).toMatch(/\/node_modules\/@microsoft\/jest-sarif\/lib\/schemas\/sarif-2\.1\.0-rtm\.5\.json$/)
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#')
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0-rtm.5 JSON Schema')
    const definitions = Object.keys(schema.definitions as object)
    expect(definitions).toHaveLength(52)
    expect(definitions).toEqual(expect.arrayContaining(['run', 'tool', 'toolComponent', 'reportingDescriptor', 'invocation', 'notification', 'result', 'location', 'physicalLocation', 'artifactLocation', 'region', 'fix', 'artifactChange', 'replacement']))
    // Every format the schema names is checked, not skipped as unknown.
    const formats = new Set(JSON.stringify(schema).match(/"format":"[^"]+"/g)!.map((f) => f.slice(10, -1)))
    expect([...formats].sort()).toEqual(['date-time', 'uri', 'uri-reference'])
    for (const format of formats) expect(ajv.formats[format], format).toBeDefined()
  })

  it('rejects a broken namelint log (so passing it means something)', async () => {
    const log = await realLog()
    expectValid(log)
    const [kiev] = log.runs[0].results.filter((r) => r.properties?.actual === 'Kiev')
    const shoigu = log.runs[0].results.find((r) => r.properties?.actual === 'Sergei Shuigu')
    expect(kiev?.fixes).toHaveLength(1)
    expect(shoigu?.fixes).toHaveLength(1)
    expect(log.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(1)
    const i = log.runs[0].results.indexOf(shoigu!)
    const result = `/runs/0/results/${i}`
    type Log = Record<string, any>
    const breakages: Array<[string, (log: Log) => void, string]> = [
      ['a result with an invalid level', (l) => (l.runs[0].results[i].level = 'fatal'), `${result}/level`],
      ['a fix without artifactChanges', (l) => delete l.runs[0].results[i].fixes[0].artifactChanges, `${result}/fixes/0`],
      ['a fix with no artifact change', (l) => (l.runs[0].results[i].fixes[0].artifactChanges = []), `${result}/fixes/0/artifactChanges`],
      ['a replacement without deletedRegion', (l) => delete l.runs[0].results[i].fixes[0].artifactChanges[0].replacements[0].deletedRegion, `${result}/fixes/0/artifactChanges/0/replacements/0`],
      ['a region starting on line 0', (l) => (l.runs[0].results[i].locations[0].physicalLocation.region.startLine = 0), `${result}/locations/0/physicalLocation/region/startLine`],
      ['a result without a message', (l) => delete l.runs[0].results[i].message, result],
      ['a result with an unknown property', (l) => (l.runs[0].results[i].confidence = 0.9), result],
      ['a rank above 100', (l) => (l.runs[0].results[i].rank = 101), `${result}/rank`],
      ['a rule whose helpUri is not a URI', (l) => (l.runs[0].tool.driver.rules[0].helpUri = 'not a uri'), '/runs/0/tool/driver/rules/0/helpUri'],
      ['a rule without an id', (l) => delete l.runs[0].tool.driver.rules[0].id, '/runs/0/tool/driver/rules/0'],
      ['a driver without a name', (l) => delete l.runs[0].tool.driver.name, '/runs/0/tool/driver'],
      ['a notification with an invalid level', (l) => (l.runs[0].invocations[0].toolExecutionNotifications[0].level = 'fatal'), '/runs/0/invocations/0/toolExecutionNotifications/0/level'],
      ['an invocation without executionSuccessful', (l) => delete l.runs[0].invocations[0].executionSuccessful, '/runs/0/invocations/0'],
      ['an unknown column kind', (l) => (l.runs[0].columnKind = 'bytes'), '/runs/0/columnKind'],
      ['a version other than 2.1.0', (l) => (l.version = '2.0.0'), '/version'],
      ['a log without runs', (l) => delete l.runs, ''],
    ]
    for (const [name, breakIt, where] of breakages) {
      const broken = structuredClone(log) as Log
      breakIt(broken)
      expect(validate(broken), name).toBe(false)
      // Rejected for this breakage, not for something else in the log.
      expect(validate.errors!.map((e) => e.instancePath), name).toContain(where)
    }
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

describe('--format sarif on a batch of real files', () => {
  it('is valid for several files: plain text, Markdown, HTML, a clean file and input errors', async () => {
    const dir = tempDir()
    write(dir, 'news/defence.txt', '\uFEFFDefence Minister Sergei Shuigu met officials in Kiev.\r\nLater they left.\r\n')
    write(dir, 'news/story.md', '# Talks\n\nDefence Minister *Sergei Shuigu* arrived in [Kiev](https://example.com/Kiev).\n\n```\nKiev\n```\n')
    write(dir, 'news/page.html', '<p>Talks in <b>Kiev</b> with Xi Jinpin.</p>\n')
    write(dir, 'news/clean.txt', 'Sergei Shoigu met officials in Kyiv.\n')
    write(dir, 'news/blob.txt', Buffer.from([0, 1, 2, 3, 0x62, 0x69, 0x6e, 0, 0, 0xff, 0xfe]))
    write(dir, '.namelintignore', 'ignored.txt\n')
    write(dir, 'ignored.txt', 'Kiev\n')
    const result = await cli(['-f', 'sarif', 'news', 'ignored.txt', 'missing.txt'], { cwd: dir })
    const log = JSON.parse(result.stdout) as SarifLog
    expectValid(log)

    const run = log.runs[0]
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULE_IDS)
    const found = run.results.map((r) => [r.locations![0].physicalLocation.artifactLocation.uri, r.ruleId, r.properties?.actual, r.fixes?.[0].artifactChanges[0].replacements[0].insertedContent.text])
    expect(found).toEqual(
      expect.arrayContaining([
        ['news/defence.txt', 'corrupted-name', 'Sergei Shuigu', 'Sergei Shoigu'],
        ['news/defence.txt', 'preferred-name', 'Kiev', 'Kyiv'],
        ['news/story.md', 'corrupted-name', 'Sergei Shuigu', 'Sergei Shoigu'],
        ['news/story.md', 'preferred-name', 'Kiev', 'Kyiv'],
        ['news/page.html', 'corrupted-name', 'Xi Jinpin', 'Xi Jinping'],
        ['news/page.html', 'preferred-name', 'Kiev', 'Kyiv'],
      ]),
    )
    // Nothing from the clean file, the code block, the link URL, or files not linted.
    expect(found).toHaveLength(6)
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId)
    // Regions point into the original files (Markdown and HTML included).
    for (const r of run.results) {
      const { artifactLocation, region } = r.locations![0].physicalLocation
      const text = fs.readFileSync(path.join(dir, artifactLocation.uri), 'utf8').replace(/^\uFEFF/, '')
      expect(text.slice(region.charOffset, region.charOffset + region.charLength)).toBe(r.properties?.actual)
    }

    // Input errors are tool execution notifications, and the run did not fully succeed.
    const invocation = run.invocations[0]
    expect(invocation.executionSuccessful).toBe(false)
    const notified = invocation.toolExecutionNotifications!.map((n) => [n.locations?.[0].physicalLocation.artifactLocation.uri, n.level])
    expect(notified).toEqual(expect.arrayContaining([['ignored.txt', 'error'], ['missing.txt', 'error'], ['news/blob.txt', 'error']]))
    expect(notified).toHaveLength(3)
  })

  it('is valid straight from the formatter: no path, no position, no rule, a rule namelint does not know', async () => {
    const processor = createProcessor()
    const dir = tempDir()
    const linted = new VFile({ value: 'Defence Minister Sergei Shuigu met officials in Kiev.\n', path: path.join(dir, 'a.txt'), cwd: dir })
    await processor.process(linted)
    const clean = new VFile({ value: 'Nothing to report.\n', path: path.join(dir, 'b.txt'), cwd: dir })
    await processor.process(clean)
    expect(clean.messages).toEqual([])
    const odd = new VFile({ value: 'Kiev\n' }) // no path: standard input without a name
    odd.message('a finding from a plugin that is not namelint’s', { ruleId: 'other-rule', source: 'elsewhere' })
    odd.message('a message without a rule')
    const failed = new VFile({ path: path.join(dir, 'gone.txt'), cwd: dir })
    const failure = failed.message('not linted: cannot read the file')
    failure.fatal = true
    const log = JSON.parse(formatSarif([linted, clean, odd, failed], { cwd: dir })) as SarifLog
    expectValid(log)
    const run = log.runs[0]
    expect(run.results.map((r) => r.properties?.actual ?? r.message.text)).toEqual(['Sergei Shuigu', 'Kiev', 'a finding from a plugin that is not namelint’s', 'a message without a rule'])
    expect(run.results.slice(0, 2).every((r) => r.fixes?.length === 1)).toBe(true)
    expect(run.results.slice(2).every((r) => r.locations === undefined && r.fixes === undefined)).toBe(true)
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual([...RULE_IDS, 'other-rule'])
    expect(run.results[2].ruleIndex).toBe(RULE_IDS.length)
    expect(run.results[3].ruleId).toBeUndefined()
    expect(run.invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'not linted: cannot read the file' } }] })

    // Nothing to report at all is a valid log too.
    const empty = JSON.parse(formatSarif([clean], { cwd: dir })) as SarifLog
    expectValid(empty)
    expect(empty.runs[0].results).toEqual([])
    expect(empty.runs[0].invocations[0].executionSuccessful).toBe(true)
  })
})
