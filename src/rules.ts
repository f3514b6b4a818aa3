/** The namelint rules, in the order they run. */
import corruptedName from '../rules/corrupted-name.js'
import preferredName from '../rules/preferred-name.js'

export const RULES = [corruptedName, preferredName] as const
export type Rule = (typeof RULES)[number]
export const RULE_IDS = RULES.map((r) => r.meta.id)

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id)
}
