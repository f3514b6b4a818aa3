/**
 * namelint configuration: `.namelintrc` (JSON or YAML) or a `namelint` field in
 * package.json, found from each file's folder upward by unified-engine, and
 * turned into the unified preset here. Command-line flags override files.
 *
 * {
 *   "rules": {"corrupted-name": "error", "preferred-name": ["warning", {}]},
 *   "dictionaries": ["./names.yaml"],       // relative to the configuration file
 *   "builtin": true                          // load the built-in dictionaries
 * }
 */
import path from 'node:path'
import { z } from 'zod'
import { presetPlugins, type NamelintSettings } from './processor.js'
import { RULE_IDS } from './rules.js'
import { SEVERITIES, type Severity } from './rule.js'

const severity = z.enum(['off', 'info', 'warning', 'error', 'warn', 'on'])
const ruleSetting = z.union([severity, z.boolean(), z.tuple([severity]).rest(z.unknown())])

export const configSchema = z.strictObject({
  rules: z.record(z.string(), ruleSetting).optional(),
  dictionaries: z.array(z.string()).optional(),
  builtin: z.boolean().optional(),
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
    const detail = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `\`${k}\``).join(', ')} (allowed: rules, dictionaries, builtin)` : issue.message
    throw new ConfigError(`${file}: ${where ? `\`${where}\`: ` : ''}${detail}`)
  }
  for (const id of Object.keys(result.data.rules ?? {})) {
    if (!RULE_IDS.includes(id)) throw new ConfigError(`${file}: \`rules.${id}\`: unknown rule (known: ${RULE_IDS.join(', ')})`)
  }
  return result.data
}

export interface Overrides {
  rules?: Record<string, Severity>
  dictionaries?: string[]
  builtin?: boolean
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
    dictionaries: [
      ...(config?.dictionaries ?? []).map((d) => path.resolve(base, d)),
      ...(overrides.dictionaries ?? []).map((d) => path.resolve(cwd, d)),
    ],
  }
}

function normalizeSeverity(value: string): Severity {
  if (value === 'warn' || value === 'on') return 'warning'
  return SEVERITIES.includes(value as Severity) ? (value as Severity) : 'warning'
}

/** unified-engine's configTransform: our configuration format to a unified preset. */
export function configTransform(overrides: Overrides, cwd: string) {
  return (raw: unknown, file: string) => {
    const config = validateConfig(raw, file)
    return { plugins: presetPlugins(settingsFor(config, file, overrides, cwd)) as never }
  }
}
