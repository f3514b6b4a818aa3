import { describe, expect, it } from 'vitest'
import { byRule, lint } from '../test/helpers/lint.js'

describe('inconsistent-name', () => {
  it('reports the minority spelling of a name no dictionary knows, with the dominant one', async () => {
    const text =
      'The inquiry was led by Judge Arkady Golosheykin. Golosheykin said the report would be published in May. ' +
      'Lawyers for the families met Golosheikin on Tuesday, and Golosheykin promised a second hearing.\n'
    const messages = byRule(await lint(text), 'inconsistent-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Golosheikin', 'Golosheykin']])
    expect(messages[0].note).toMatch(/3 times/)
  })

  it('breaks a tie by which spelling reads like a name', async () => {
    const text = 'Analyst Ian Pollmann said prices would fall. Sales rose in the spring, Mr Pkllmann added.\n'
    const messages = byRule(await lint(text), 'inconsistent-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Pkllmann', 'Pollmann']])
  })

  it('does not merge two people whose given names differ', async () => {
    const text = 'Coach Peter Hansen picked Martin Hanson at full back, and Hansen said Hanson had earned it.\n'
    expect(byRule(await lint(text), 'inconsistent-name')).toEqual([])
  })

  it('leaves a document with one spelling per name alone', async () => {
    const text = 'Maria Lopez met Carlos Lopes in Lisbon. Lopez said the talks went well; Lopes did not comment.\n'
    expect(byRule(await lint(text), 'inconsistent-name')).toEqual([])
  })
})
