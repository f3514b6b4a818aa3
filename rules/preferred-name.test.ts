import { describe, expect, it } from 'vitest'
import { byRule, lint } from '../test/helpers/lint.js'

describe('preferred-name', () => {
  it('reports a deprecated spelling with the preferred one, as info by default', async () => {
    const messages = byRule(await lint('Officials in Kiev said the talks would go on.\n'), 'preferred-name')
    expect(messages).toHaveLength(1)
    expect(messages[0].actual).toBe('Kiev')
    expect(messages[0].expected).toEqual(['Kyiv'])
    expect(messages[0].fatal).toBeUndefined()
    expect(messages[0].note).toMatch(/Kyiv/)
  })
  it('leaves the preferred spelling alone', async () => {
    expect(byRule(await lint('Officials in Kyiv said the talks would go on.\n'), 'preferred-name')).toEqual([])
  })
  it('leaves an old spelling of a place alone where it is a person\'s surname', async () => {
    const messages = byRule(await lint('I wrote to Alexander Cherkassy, my old friend from school. Shelling hit Cherkassy overnight.\n'), 'preferred-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0], (m.place as { start: { column: number } }).start.column])).toEqual([['Cherkassy', 'Cherkasy', 73]])
  })
  it('leaves the old spelling alone inside a longer name, and in brackets beside the preferred one', async () => {
    const text =
      "Shares on the Bombay Stock Exchange rose. Her debut, Salaam Bombay!, was nominated. Protests were planned in Mumbai (Bombay). " +
      'He moved to Bombay (now Mumbai) as a boy. Doctors at Peking Union Medical College agreed. Officials in Bombay said so.\n'
    const messages = byRule(await lint(text), 'preferred-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0], (m.place as { start: { offset: number } }).start.offset])).toEqual([['Bombay', 'Mumbai', text.lastIndexOf('Bombay')]])
  })
  it('takes a severity', async () => {
    const messages = byRule(await lint('Officials in Kiev said so.\n', { rules: { 'preferred-name': 'warning' } }), 'preferred-name')
    expect(messages[0].fatal).toBe(false)
  })
})
