/**
 * Hover on a flagged span: what was found, the entity and its description,
 * the evidence, and the confidence, from the message's note and data.
 */
import type { Hover } from 'vscode-languageserver-protocol'
import type { LintMessage } from './diagnostics.js'
import { rangeContains, type LspPosition } from './positions.js'

const SEVERITY = (m: LintMessage) => (m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info')

/** Split a corrupted-name note ("<entity>: <description>. Evidence: … Confidence 0.66. Other candidates: …"). */
export function parseNote(note: string): { entity?: string; evidence?: string; confidence?: string; rest?: string } | undefined {
  const m = /^(?<entity>[\s\S]*?)\s*Evidence:\s*(?<evidence>[\s\S]*?)\s*Confidence\s+(?<confidence>\d+(?:\.\d+)?)\.?\s*(?<rest>[\s\S]*)$/.exec(note)
  if (!m?.groups) return undefined
  const { entity, evidence, confidence, rest } = m.groups
  return { entity: entity || undefined, evidence: evidence.replace(/\.$/, '') || undefined, confidence, rest: rest || undefined }
}

const escape = (s: string) => s.replace(/([\\`*_[\]<>])/g, '\\$1')

export function hoverMarkdown(message: LintMessage): string {
  const lines: string[] = []
  const rule = message.ruleId ? (message.url ? `[${message.ruleId}](${message.url})` : `\`${message.ruleId}\``) : ''
  lines.push(`**namelint** ${rule} (${SEVERITY(message)}): ${escape(message.reason).replace(/\\`/g, '`')}`)
  const parsed = message.note ? parseNote(message.note) : undefined
  if (parsed) {
    if (parsed.entity) {
      const colon = parsed.entity.indexOf(': ')
      lines.push(colon > 0 ? `**Entity:** ${escape(parsed.entity.slice(0, colon))}${message.entity ? ` (\`${message.entity}\`)` : ''} — ${escape(parsed.entity.slice(colon + 2))}` : `**Entity:** ${escape(parsed.entity)}`)
    }
    if (parsed.evidence) lines.push(`**Why flagged:** ${escape(parsed.evidence)}`)
  } else if (message.note) {
    lines.push(escape(message.note))
    if (message.entity) lines.push(`**Entity:** \`${message.entity}\``)
  }
  const confidence = message.confidence !== undefined ? message.confidence.toFixed(2) : parsed?.confidence
  if (confidence !== undefined) lines.push(`**Confidence:** ${confidence}`)
  if (parsed?.rest) lines.push(escape(parsed.rest))
  if (message.expected?.length) lines.push(`**Suggestions:** ${message.expected.map((e) => `\`${e}\``).join(', ')}`)
  return lines.join('\n\n')
}

export function hoverAt(messages: LintMessage[], position: LspPosition): Hover | undefined {
  const here = messages.filter((m) => !m.problem && rangeContains(m.range, position))
  if (here.length === 0) return undefined
  return {
    contents: { kind: 'markdown', value: here.map(hoverMarkdown).join('\n\n---\n\n') },
    range: here[0].range,
  }
}
