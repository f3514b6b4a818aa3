/** The namelint rules, in the order they run (spelling last: it skips spans the name rules reported). */
import corruptedName from '../rules/corrupted-name.js'
import preferredName from '../rules/preferred-name.js'
import acronymExpansion from '../rules/acronym-expansion.js'
import inconsistentName from '../rules/inconsistent-name.js'
import spelling from '../rules/spelling.js'

export const RULES = [corruptedName, inconsistentName, preferredName, acronymExpansion, spelling] as const
export type Rule = (typeof RULES)[number]
export const RULE_IDS = RULES.map((r) => r.meta.id)

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id)
}
