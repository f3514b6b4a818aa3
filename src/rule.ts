/**
 * A small lint-rule wrapper in the manner of unified-lint-rule, with the four
 * severities namelint users set (off, info, warning, error) and the shared
 * per-document context every namelint rule reads.
 */
import type { Root } from 'nlcst'
import type { Processor, Transformer } from 'unified'
import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { location } from 'vfile-location'
import { analyse, DEFAULT_INCONSISTENT_THRESHOLD, DEFAULT_SUSPECT_THRESHOLD, type AnalysisOptions, type DocumentAnalysis } from './matcher/analysis.js'
import type { NameIndex } from './matcher/name-index.js'
import { getIndex } from './preset-data.js'

export type Severity = 'off' | 'info' | 'warning' | 'error'
export const SEVERITIES: Severity[] = ['off', 'info', 'warning', 'error']

export const SOURCE = 'namelint'
export const DOCS_URL = 'https://github.com/namelint/namelint/blob/main/rules/'

export type RuleSetting<Options> = Severity | boolean | [Severity, Options?] | Options | undefined

export interface RuleContext<Options> {
  tree: Root
  file: VFile
  index: NameIndex
  options: Options
  /** The shared analysis of this document (computed once for all rules). */
  analysis(options?: Partial<AnalysisOptions>): DocumentAnalysis
  report(message: Report): VFileMessage
}

export interface Report {
  reason: string
  start: number
  end: number
  actual?: string
  expected?: string[]
  note?: string
  /** Extra machine-readable data, kept on the message as `data`. */
  data?: Record<string, unknown>
}

export interface RuleMeta {
  id: string
  defaultSeverity: Severity
  description: string
}

/**
 * The analysis of the document being linted, with the thresholds it was
 * computed for. One slot, not a WeakMap by tree: the rules run one document
 * at a time, and a weak table's entries outlive young-generation collections
 * (each document's tokens and analysis would be copied and promoted).
 */
let lastAnalysis: { tree: Root; threshold: number; inconsistentThreshold: number; result: DocumentAnalysis } | undefined

export { DEFAULT_SUSPECT_THRESHOLD, DEFAULT_INCONSISTENT_THRESHOLD }

/**
 * The analysis of a document, shared by every rule. Fuzzy search prunes
 * against the confidence thresholds, so a rule asking for a lower threshold
 * than the cached analysis used gets a fresh one (kept for the other rules).
 */
export function documentAnalysis(tree: Root, file: VFile, index: NameIndex, options: Partial<AnalysisOptions> = {}): DocumentAnalysis {
  const cached = lastAnalysis?.tree === tree ? lastAnalysis : undefined
  const threshold = Math.min(options.threshold ?? DEFAULT_SUSPECT_THRESHOLD, cached?.threshold ?? Infinity)
  const inconsistentThreshold = Math.min(options.inconsistentThreshold ?? DEFAULT_INCONSISTENT_THRESHOLD, cached?.inconsistentThreshold ?? Infinity)
  if (cached && cached.threshold <= threshold && cached.inconsistentThreshold <= inconsistentThreshold) return cached.result
  const result = analyse(tree, String(file.value ?? ''), index, { ...options, threshold, inconsistentThreshold })
  lastAnalysis = { tree, threshold, inconsistentThreshold, result }
  return result
}

export function parseSetting<Options extends object>(setting: RuleSetting<Options>, meta: RuleMeta): { severity: Severity; options: Partial<Options> } {
  if (setting === undefined || setting === null) return { severity: meta.defaultSeverity, options: {} }
  if (typeof setting === 'boolean') return { severity: setting ? meta.defaultSeverity : 'off', options: {} }
  if (typeof setting === 'string') return { severity: checkSeverity(setting, meta), options: {} }
  if (Array.isArray(setting)) return { severity: checkSeverity(setting[0], meta), options: (setting[1] ?? {}) as Partial<Options> }
  return { severity: meta.defaultSeverity, options: setting as Partial<Options> }
}

const ALIASES: Record<string, Severity> = { warn: 'warning', on: 'warning', '0': 'off', '1': 'warning', '2': 'error', information: 'info', hint: 'info' }
function checkSeverity(value: unknown, meta: RuleMeta): Severity {
  const v = String(value)
  if ((SEVERITIES as string[]).includes(v)) return v as Severity
  if (v in ALIASES) return ALIASES[v]
  throw new Error(`namelint: rule \`${meta.id}\`: unknown severity \`${v}\` (use off, info, warning or error)`)
}

export function fatalFor(severity: Severity): boolean | undefined {
  return severity === 'error' ? true : severity === 'warning' ? false : undefined
}

export function defineRule<Options extends object>(
  meta: RuleMeta,
  defaults: Options,
  check: (context: RuleContext<Options>) => void,
) {
  function plugin(this: Processor, setting?: RuleSetting<Options>): Transformer<Root> | undefined {
    const { severity, options } = parseSetting<Options>(setting, meta)
    if (severity === 'off') return undefined
    const processor = this
    const merged = { ...defaults, ...options } as Options
    return (tree, file) => {
      const index = getIndex(processor)
      const place = location(file)
      const context: RuleContext<Options> = {
        tree,
        file,
        index,
        options: merged,
        analysis: (analysisOptions) => documentAnalysis(tree, file, index, analysisOptions),
        report(r) {
          const start = place.toPoint(r.start)
          const end = place.toPoint(r.end)
          const message = file.message(r.reason, {
            place: start && end ? { start, end } : start,
            ruleId: meta.id,
            source: SOURCE,
          })
          message.fatal = fatalFor(severity)
          if (r.actual !== undefined) message.actual = r.actual
          if (r.expected) message.expected = r.expected
          if (r.note) message.note = r.note
          message.url = `${DOCS_URL}${meta.id}.md`
          if (r.data) (message as VFileMessage & { data?: unknown }).data = r.data
          return message
        },
      }
      check(context)
    }
  }
  Object.defineProperty(plugin, 'name', { value: meta.id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) })
  return Object.assign(plugin, { meta, defaults })
}
