/**
 * The one namelint processor, used by the CLI, the language server and the
 * hook alike: the parser for the file's syntax (plain text with retext's
 * chunked parser; Markdown and HTML through their prose, see syntax.ts), the
 * dictionary, the rules, and the step that maps messages back to the file
 * and applies control comments.
 */
import { unified, type Processor } from 'unified'
import retextStringify from 'retext-stringify'
import retextChunkedLatin from './parser.js'
import { namelintDictionary, type DictionaryOptions } from './preset-data.js'
import { RULES } from './rules.js'
import type { Severity } from './rule.js'
import { namelintFinish, namelintSyntax } from './syntax.js'

export interface NamelintSettings extends DictionaryOptions {
  /** Per-rule severity, or [severity, options]. */
  rules?: Record<string, Severity | [Severity, Record<string, unknown>?]>
  /** Minimum confidence of a fix (`--fix`), recorded on each linted file. */
  fixThreshold?: number
  /** Report disable and ignore-next comments that silence nothing, at this severity (default off). */
  reportUnusedDirectives?: Severity
}

/** The namelint preset as a unified plugin list (what configuration files expand to). */
export function presetPlugins(settings: NamelintSettings = {}): Array<[unknown, unknown?]> {
  const plugins: Array<[unknown, unknown?]> = [[namelintSyntax], [namelintDictionary, { dictionaries: settings.dictionaries, builtin: settings.builtin, cwd: settings.cwd }]]
  for (const rule of RULES) plugins.push([rule, settings.rules?.[rule.meta.id]])
  plugins.push([namelintFinish, { fixThreshold: settings.fixThreshold, reportUnusedDirectives: settings.reportUnusedDirectives }])
  return plugins
}

export function createProcessor(settings: NamelintSettings = {}): Processor {
  let processor = unified().use(retextChunkedLatin).use(retextStringify) as unknown as Processor
  for (const [plugin, options] of presetPlugins(settings)) processor = processor.use(plugin as never, options as never) as unknown as Processor
  return processor
}
