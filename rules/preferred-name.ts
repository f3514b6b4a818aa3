/**
 * preferred-name: a deprecated spelling of a known entity ("Kiev" -> "Kyiv").
 */
import { defineRule } from '../src/rule.js'

export interface PreferredNameOptions {}

const preferredName = defineRule<PreferredNameOptions>(
  { id: 'preferred-name', defaultSeverity: 'info', description: 'Prefer the current spelling of a name over a deprecated one' },
  {},
  ({ analysis, report }) => {
    for (const use of analysis().deprecated) {
      const reason = use.reason ? ` ${use.reason}` : ''
      const since = use.since ? ` (since ${use.since})` : ''
      report({
        reason: `Use \`${use.preferred}\` instead of \`${use.actual}\``,
        start: use.start,
        end: use.end,
        actual: use.actual,
        expected: [use.preferred],
        note: `${use.entity.name}: the preferred spelling is "${use.preferred}"${since}.${reason}`,
        data: { entity: use.entity.id },
      })
    }
  },
)

export default preferredName
