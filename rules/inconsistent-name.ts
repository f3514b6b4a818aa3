/**
 * inconsistent-name: one name spelt two ways in one document ("Golosheykin ...
 * Golosheikin"), including names no dictionary knows. Reported on the minority
 * spelling with the dominant one; in a tie, on the spelling that reads less
 * like a name (a letter-pair model of known names decides). Different given
 * names before the two spellings mean two people, never one name.
 */
import { defineRule, DEFAULT_INCONSISTENT_THRESHOLD } from '../src/rule.js'
import { explain } from './corrupted-name.js'

export interface InconsistentNameOptions {
  /** Minimum confidence (0..1) to report. */
  threshold: number
}

const inconsistentName = defineRule<InconsistentNameOptions>(
  { id: 'inconsistent-name', defaultSeverity: 'warning', description: 'Flag a name spelt differently elsewhere in the same document' },
  { threshold: DEFAULT_INCONSISTENT_THRESHOLD },
  ({ analysis, options, report }) => {
    for (const suspect of analysis({ inconsistentThreshold: options.threshold }).suspects) {
      if (suspect.kind !== 'inconsistent-name' || suspect.confidence < options.threshold) continue
      const top = suspect.suggestions[0]
      report({
        reason: `Inconsistent \`${suspect.actual}\`, the document also has \`${top.text}\``,
        start: suspect.start,
        end: suspect.end,
        actual: suspect.actual,
        expected: suspect.suggestions.map((s) => s.text),
        note: explain(suspect),
        data: { confidence: Number(suspect.confidence.toFixed(3)) },
      })
    }
  },
)

export default inconsistentName
