import { describe, expect, it } from 'vitest'
import { LetterModel, trainLetterModel } from '../src/matcher/letter-model.js'

const names = ['Salzberger', 'Weinberger', 'Berger', 'Bergen', 'Neuberger', 'Habermas', 'Hamburger', 'Heidelberg', 'Nuremberg', 'Rosenberg', 'Praktik', 'Pratt', 'Prague']
const model = new LetterModel(trainLetterModel(names))

describe('letter model', () => {
  it('finds the rarer letters where two spellings of a name differ', () => {
    // "rr" at the end and "prr" are never seen in the names it learnt from; "er" at the end often.
    expect(model.rarestTripleNotIn('Salzbergerr', 'Salzberger')).toBeLessThan(model.rarestTripleNotIn('Salzberger', 'Salzbergerr') - 2)
    expect(model.rarestTripleNotIn('Prraktik', 'Praktik')).toBeLessThan(model.rarestTripleNotIn('Praktik', 'Prraktik') - 2)
  })

  it('counts shared letter triples once each, and has nothing to say of one spelling against itself', () => {
    expect(model.rarestTripleNotIn('Berger', 'Berger')).toBe(0)
    // "Bergerger" holds the triples of "Berger" and more: those beyond the shared ones are judged.
    expect(model.rarestTripleNotIn('Bergerger', 'Berger')).toBeLessThan(0)
    expect(model.rarestTripleNotIn('Berger', 'Bergerger')).toBe(0)
  })

  it('learns the same from a one-time iterator as from a list', () => {
    function* once() {
      yield* names
    }
    expect(trainLetterModel(once())).toEqual(trainLetterModel(names))
  })

  it('says nothing without letter triples (an index built before they were learnt)', () => {
    const { logp, alphabet } = trainLetterModel(names)
    expect(new LetterModel({ logp, alphabet }).rarestTripleNotIn('Salzbergerr', 'Salzberger')).toBe(0)
  })
})
