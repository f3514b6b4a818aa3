/**
 * `--format sarif`: SARIF 2.1.0, for code-scanning upload (GitHub, Azure DevOps,
 * SARIF viewers). One run; the driver lists every namelint rule with its help
 * URI; each finding is a result with a physical location and, when the message
 * has a suggestion, a fix replacing `actual` with `expected[0]`.
 *
 * Columns and character offsets count UTF-16 code units (`columnKind`), and a
 * leading byte order mark is not counted. File problems that are not findings
 * (a file not found, an ignored file given by name) become tool execution
 * notifications.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { fixFor } from '../fix.js'
import { RULES } from '../rules.js'
import { DOCS_URL, type Severity } from '../rule.js'
import { absolutePath, isFileFailure, levelOf, shown, spanOf, type Level, type Span } from './common.js'
import type { FormatOptions } from './index.js'

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const SRCROOT = '%SRCROOT%'
const INFORMATION_URI = 'https://github.com/namelint/namelint'

type SarifLevel = 'none' | 'note' | 'warning' | 'error'

const LEVELS: Record<Level, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' }
const DEFAULT_LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', off: 'none' }

interface ArtifactLocation {
  uri: string
  uriBaseId?: string
}

interface Region {
  startLine: number
  startColumn: number
  endLine: number
  endColumn: number
  charOffset?: number
  charLength?: number
}

interface ReportingDescriptor {
  id: string
  name?: string
  shortDescription?: { text: string }
  fullDescription?: { text: string }
  helpUri?: string
  help?: { text: string; markdown?: string }
  defaultConfiguration?: { level: SarifLevel }
}

/** namelint's version, from the nearest package.json named namelint above this module (compiled or source). */
function version(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'namelint') return pkg.version
    } catch {
      // No package.json here: keep looking.
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function ruleName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_, __: string, c: string) => c.toUpperCase())
}

function descriptor(id: string): ReportingDescriptor {
  const rule = RULES.find((r) => r.meta.id === id)
  const helpUri = `${DOCS_URL}${id}.md`
  if (!rule) return { id, name: ruleName(id), helpUri }
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.description },
    helpUri,
    help: { text: `${rule.meta.description}. See ${helpUri}`, markdown: `${rule.meta.description}. See [${id}](${helpUri}).` },
    defaultConfiguration: { level: DEFAULT_LEVELS[rule.meta.defaultSeverity] },
  }
}

/** A percent-encoded relative URI reference for a path relative to cwd. */
function relativeUri(relative: string): string {
  return relative.split(path.sep).map(encodeURIComponent).join('/')
}

function artifactLocation(file: VFile, cwd: string): ArtifactLocation | undefined {
  const absolute = absolutePath(file)
  if (!absolute) return undefined
  const relative = path.relative(cwd, absolute)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href }
  return { uri: relativeUri(relative), uriBaseId: SRCROOT }
}

function region(span: Span): Region {
  const result: Region = { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column }
  if (span.start.offset !== undefined && span.end.offset !== undefined) {
    result.charOffset = span.start.offset
    result.charLength = Math.max(0, span.end.offset - span.start.offset)
  }
  return result
}

function confidenceOf(message: VFileMessage): number | undefined {
  const data = (message as VFileMessage & { data?: { confidence?: unknown } }).data
  return data && typeof data.confidence === 'number' ? data.confidence : undefined
}

function textOf(file: VFile): string {
  return typeof file.value === 'string' ? file.value : String(file.value ?? '')
}

export function formatSarif(files: VFile[], options: FormatOptions): string {
  const rules: ReportingDescriptor[] = RULES.map((r) => descriptor(r.meta.id))
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]))
  const results: unknown[] = []
  const notifications: unknown[] = []

  for (const file of files) {
    const location = artifactLocation(file, options.cwd)
    for (const message of file.messages) {
      if (!shown(message, options.quiet)) continue
      const span = spanOf(file, message)
      const physicalLocation = location ? { artifactLocation: location, ...(span ? { region: region(span) } : {}) } : undefined
      if (isFileFailure(message)) {
        notifications.push({
          level: 'error',
          message: { text: String(message.reason) },
          ...(physicalLocation ? { locations: [{ physicalLocation }] } : {}),
        })
        continue
      }
      const result: Record<string, unknown> = {}
      if (message.ruleId) {
        if (!ruleIndex.has(message.ruleId)) {
          ruleIndex.set(message.ruleId, rules.length)
          rules.push(descriptor(message.ruleId))
        }
        result.ruleId = message.ruleId
        result.ruleIndex = ruleIndex.get(message.ruleId)
      }
      result.level = LEVELS[levelOf(message)]
      result.message = { text: String(message.reason) }
      if (physicalLocation) result.locations = [{ physicalLocation }]
      const confidence = confidenceOf(message)
      if (confidence !== undefined) result.rank = Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 10
      // A fix only where `--fix` could make one: the text at the span is `actual`
      // (not so for a name that crosses Markdown or HTML markup).
      const fix = location && span && span.start.offset !== undefined ? fixFor(textOf(file), message) : undefined
      if (fix && location && span) {
        // The same replacement `--fix` makes (whitespace between words kept).
        const replacement = fix.replacement
        result.fixes = [
          {
            description: { text: `Replace \`${message.actual}\` with \`${replacement}\`` },
            artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: region(span), insertedContent: { text: replacement } }] }],
          },
        ]
      }
      const properties: Record<string, unknown> = {}
      if (typeof message.actual === 'string') properties.actual = message.actual
      if (message.expected && message.expected.length > 0) properties.expected = message.expected
      if (confidence !== undefined) properties.confidence = confidence
      if (message.note) properties.note = message.note
      if (Object.keys(properties).length > 0) result.properties = properties
      results.push(result)
    }
  }

  const driver: Record<string, unknown> = { name: 'namelint', informationUri: INFORMATION_URI, rules }
  const v = version()
  if (v) {
    driver.version = v
    driver.semanticVersion = v
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver },
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : options.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  }
  return JSON.stringify(log, null, 2)
}
