/**
 * corrupted-name: a span that is no known name but very likely a corruption
 * of one ("Shuigu" -> "Shoigu", "North Quaran" -> "North Korean").
 */
import { describeEntity } from '../src/dictionary/compile.js'
import { defineRule, DEFAULT_SUSPECT_THRESHOLD } from '../src/rule.js'
import type { Suspect } from '../src/matcher/analysis.js'

export interface CorruptedNameOptions {
  /** Minimum confidence (0..1) to report. */
  threshold: number
}

export function explain(suspect: Suspect): string {
  const top = suspect.suggestions[0]
  const parts: string[] = []
  if (top.entity) parts.push(`${top.entity.name}: ${describeEntity(top.entity)}.`)
  const evidence = [`spelling close to "${top.text}" (transliteration distance ${top.similarity.weighted.toFixed(2)}, ${top.similarity.edits} edit${top.similarity.edits === 1 ? '' : 's'})`, ...top.evidence]
  parts.push(`Evidence: ${evidence.join('; ')}.`)
  parts.push(`Confidence ${suspect.confidence.toFixed(2)}.`)
  if (suspect.suggestions.length > 1) parts.push(`Other candidates: ${suspect.suggestions.slice(1).map((s) => s.text).join(', ')}.`)
  return parts.join(' ')
}

const corruptedName = defineRule<CorruptedNameOptions>(
  { id: 'corrupted-name', defaultSeverity: 'warning', description: 'Flag misspelt or mistransliterated names of known entities' },
  { threshold: DEFAULT_SUSPECT_THRESHOLD },
  ({ analysis, options, report }) => {
    for (const suspect of analysis({ threshold: options.threshold }).suspects) {
      if (suspect.kind !== 'corrupted-name' || suspect.confidence < options.threshold) continue
      const top = suspect.suggestions[0]
      report({
        reason: `Unexpected \`${suspect.actual}\`, expected \`${top.text}\`${top.entity && top.entity.name !== top.text ? ` (${top.entity.name})` : ''}`,
        start: suspect.start,
        end: suspect.end,
        actual: suspect.actual,
        expected: suspect.suggestions.map((s) => s.text),
        note: explain(suspect),
        data: { confidence: Number(suspect.confidence.toFixed(3)), entity: top.entity?.id },
      })
    }
  },
)

export default corruptedName
