/**
 * The server's settings (section `namelint` of the client's configuration,
 * or the initialization options). They override configuration files the way
 * the CLI's flags do.
 */
import { RULE_IDS } from '../rules.js'
import { SEVERITIES, type Severity } from '../rule.js'
import { DEFAULT_WORKSPACE_DICTIONARY } from './dictionary-file.js'

export interface ServerSettings {
  /** Lint at all (default true). */
  enable: boolean
  /** Rule severities, over those of configuration files (like `--rule id=severity`). */
  rules: Record<string, Severity>
  /** Extra dictionaries, relative to the workspace folder (like `--dictionary`). */
  dictionaries: string[]
  /** Load the built-in dictionaries (like `--no-builtin` when false). */
  builtin?: boolean
  /** The workspace dictionary "Add to dictionary" writes to, relative to the workspace folder; always loaded when it exists. */
  workspaceDictionary: string
  /** Milliseconds to wait after a change before linting. */
  debounce: number
  /** Language ids to lint (files ending .txt, .text, .md or .markdown are linted whatever their language id). */
  languages: string[]
  /** Honour .namelintrc files and package.json fields (default true). */
  useConfigFiles: boolean
  /** Honour .namelintignore files (default true). */
  useIgnoreFiles: boolean
}

export const DEFAULT_DEBOUNCE = 50

export function defaultSettings(): ServerSettings {
  return {
    enable: true,
    rules: {},
    dictionaries: [],
    workspaceDictionary: DEFAULT_WORKSPACE_DICTIONARY,
    debounce: DEFAULT_DEBOUNCE,
    languages: ['plaintext', 'text', 'markdown'],
    useConfigFiles: true,
    useIgnoreFiles: true,
  }
}

const ALIASES: Record<string, Severity> = { warn: 'warning', on: 'warning', information: 'info', hint: 'info' }

/** Read settings leniently: what is malformed is reported in `problems` and left at its default. */
export function parseSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const settings = defaultSettings()
  const problems: string[] = []
  if (raw === null || raw === undefined) return { settings, problems }
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['settings: expected an object'] }
  const r = raw as Record<string, unknown>
  if (typeof r.enable === 'boolean') settings.enable = r.enable
  if (r.rules && typeof r.rules === 'object' && !Array.isArray(r.rules)) {
    for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
      if (!RULE_IDS.includes(id)) {
        problems.push(`rules.${id}: unknown rule (known: ${RULE_IDS.join(', ')})`)
        continue
      }
      const v = typeof value === 'boolean' ? (value ? 'warning' : 'off') : String(Array.isArray(value) ? value[0] : value)
      const severity = (SEVERITIES as string[]).includes(v) ? (v as Severity) : ALIASES[v]
      if (severity) settings.rules[id] = severity
      else problems.push(`rules.${id}: unknown severity \`${v}\` (use ${SEVERITIES.join(', ')})`)
    }
  }
  if (Array.isArray(r.dictionaries)) settings.dictionaries = r.dictionaries.filter((d): d is string => typeof d === 'string' && d.length > 0)
  if (typeof r.builtin === 'boolean') settings.builtin = r.builtin
  if (typeof r.workspaceDictionary === 'string' && r.workspaceDictionary) settings.workspaceDictionary = r.workspaceDictionary
  if (typeof r.debounce === 'number' && Number.isFinite(r.debounce) && r.debounce >= 0) settings.debounce = r.debounce
  if (Array.isArray(r.languages)) settings.languages = r.languages.filter((l): l is string => typeof l === 'string')
  if (typeof r.useConfigFiles === 'boolean') settings.useConfigFiles = r.useConfigFiles
  if (typeof r.useIgnoreFiles === 'boolean') settings.useIgnoreFiles = r.useIgnoreFiles
  return { settings, problems }
}
