/**
 * namelint configuration: `.namelintrc` (JSON or YAML) or a `namelint` field in
 * package.json, found from each file's folder upward by unified-engine, and
 * turned into the unified preset here. Command-line flags override files.
 *
 * {
 *   "rules": {"corrupted-name": ["error", {"threshold": 0.85}], "preferred-name": "warning"},
 *   "dictionaries": ["./names.yaml"],       // relative to the configuration file
 *   "builtin": true,                         // load the built-in dictionaries
 *   "fixThreshold": 0.8,                     // minimum confidence of a fix (--fix)
 *   "reportUnusedDirectives": "warning"      // disable comments that silence nothing
 * }
 *
 * File names: `.namelintrc` and `.namelintrc.json` (JSON), `.namelintrc.yaml`
 * and `.namelintrc.yml` (YAML), `.namelintrc.js`/`.mjs`/`.cjs` (a module
 * exporting the same object), or the `namelint` field of package.json. The
 * nearest one wins (they are not merged).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { presetPlugins, type NamelintSettings } from './processor.js'
import { RULE_IDS, ruleById } from './rules.js'
import { SEVERITIES, type Severity } from './rule.js'
import { located } from './source-lines.js'

const severity = z.enum(['off', 'info', 'warning', 'error', 'warn', 'on'])
const ruleSetting = z.union([severity, z.boolean(), z.tuple([severity]).rest(z.unknown())])

export const configSchema = z.strictObject({
  rules: z.record(z.string(), ruleSetting).optional(),
  dictionaries: z.array(z.string()).optional(),
  builtin: z.boolean().optional(),
  fixThreshold: z.number().min(0).max(1).optional(),
  reportUnusedDirectives: z.union([severity, z.boolean()]).optional(),
  $schema: z.string().optional(),
})
export type NamelintConfig = z.infer<typeof configSchema>

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export function validateConfig(raw: unknown, file: string): NamelintConfig {
  const result = configSchema.safeParse(raw ?? {})
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue.path.join('.')
    const detail = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `\`${k}\``).join(', ')} (allowed: rules, dictionaries, builtin, fixThreshold, reportUnusedDirectives)` : issue.path[0] === 'rules' && issue.path.length >= 2 ? `expected a severity (${SEVERITIES.join(', ')}), true or false, or [severity, {options}]` : issue.message
    throw new ConfigError(`${located(file, issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path)}: ${where ? `\`${where}\`: ` : ''}${detail}`)
  }
  for (const [id, setting] of Object.entries(result.data.rules ?? {})) {
    if (!RULE_IDS.includes(id)) throw new ConfigError(`${located(file, ['rules', id])}: \`rules.${id}\`: unknown rule (known: ${RULE_IDS.join(', ')})`)
    if (Array.isArray(setting) && setting.length > 1) checkRuleOptions(id, setting[1], file)
  }
  return result.data
}

function kind(value: unknown): string {
  return Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value
}

/** A rule's options: known keys (those with defaults), of the defaults' types; thresholds from 0 to 1. */
function checkRuleOptions(id: string, options: unknown, file: string): void {
  const where = `${located(file, ['rules', id])}: \`rules.${id}\``
  if (options === undefined) return
  if (kind(options) !== 'object') throw new ConfigError(`${where}: options must be an object, got ${kind(options)}`)
  const defaults = (ruleById(id)?.defaults ?? {}) as Record<string, unknown>
  const known = Object.keys(defaults)
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    if (!(key in defaults)) throw new ConfigError(`${where}: unknown option \`${key}\` (${known.length > 0 ? `known: ${known.join(', ')}` : 'the rule has no options'})`)
    const expected = kind(defaults[key])
    if (kind(value) !== expected) throw new ConfigError(`${where}: option \`${key}\` must be a ${expected === 'list' ? 'list' : expected}, got ${kind(value)}`)
    if (/threshold$/i.test(key) && typeof value === 'number' && !(value >= 0 && value <= 1)) throw new ConfigError(`${where}: option \`${key}\` must be from 0 to 1, got ${value}`)
  }
}

export interface Overrides {
  rules?: Record<string, Severity>
  dictionaries?: string[]
  builtin?: boolean
  /** `--fix-threshold`: replaces the configuration's `fixThreshold`. */
  fixThreshold?: number
  /** `--report-unused-directives`: replaces the configuration's `reportUnusedDirectives`. */
  reportUnusedDirectives?: Severity
}

/** Merge a configuration file (or none) with command-line overrides into processor settings. */
export function settingsFor(config: NamelintConfig | undefined, configFile: string | undefined, overrides: Overrides, cwd: string): NamelintSettings {
  const base = configFile ? path.dirname(configFile) : cwd
  const rules: NonNullable<NamelintSettings['rules']> = {}
  for (const [id, value] of Object.entries(config?.rules ?? {})) {
    if (typeof value === 'boolean') rules[id] = value ? 'warning' : 'off'
    else if (Array.isArray(value)) rules[id] = [normalizeSeverity(value[0]), (value[1] ?? {}) as Record<string, unknown>]
    else rules[id] = normalizeSeverity(value)
  }
  for (const [id, value] of Object.entries(overrides.rules ?? {})) {
    const previous = rules[id]
    rules[id] = Array.isArray(previous) ? [value, previous[1]] : value
  }
  return {
    rules,
    builtin: overrides.builtin ?? config?.builtin,
    fixThreshold: overrides.fixThreshold ?? config?.fixThreshold,
    reportUnusedDirectives: overrides.reportUnusedDirectives ?? severityOf(config?.reportUnusedDirectives),
    dictionaries: [
      ...(config?.dictionaries ?? []).map((d) => path.resolve(base, d)),
      ...(overrides.dictionaries ?? []).map((d) => path.resolve(cwd, d)),
    ],
  }
}

/** A severity or a switch (true: warning) as a severity; undefined when not set. */
function severityOf(value: string | boolean | undefined): Severity | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'boolean') return value ? 'warning' : 'off'
  return normalizeSeverity(value)
}

function normalizeSeverity(value: string): Severity {
  if (value === 'warn' || value === 'on') return 'warning'
  return SEVERITIES.includes(value as Severity) ? (value as Severity) : 'warning'
}

/** unified-engine's configTransform: our configuration format to a unified preset. */
export function configTransform(overrides: Overrides, cwd: string) {
  return (raw: unknown, file: string) => {
    const config = validateConfig(raw, file)
    const settings = settingsFor(config, file, overrides, cwd)
    // Name the configuration that lists a dictionary that is not there.
    for (const [i, dictionary] of (config.dictionaries ?? []).entries()) {
      const resolved = settings.dictionaries?.[i]
      if (resolved && !existsSync(resolved)) throw new ConfigError(`${located(file, ['dictionaries', i])}: \`dictionaries\`: no such file \`${dictionary}\` (${resolved}); paths are relative to the configuration file`)
    }
    return { plugins: presetPlugins(settings) as never }
  }
}
