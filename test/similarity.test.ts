import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { keyboardSlip, similarity, weightedDistance } from '../src/matcher/similarity.js'

describe('similarity', () => {
  it('scores transliteration slips as closer than unrelated names', () => {
    expect(similarity('Shuigu', 'Shoigu').score).toBeGreaterThan(similarity('Shuigu', 'Sochi').score)
    expect(similarity('Piggott', 'Pigott').score).toBeGreaterThan(0.85)
    expect(similarity('Briance', 'Bryansk').score).toBeGreaterThan(similarity('Briance', 'Brunei').score)
    expect(similarity('Quaran', 'Korean').score).toBeGreaterThan(similarity('Quaran', 'Koran').score - 0.2)
  })
  it('models the letters one abjad letter stands for (vav: w, v, u, o)', () => {
    expect(weightedDistance('strao', 'straw')).toBeLessThan(0.5)
    expect(similarity('Strao', 'Straw').score).toBeGreaterThan(similarity('Strao', 'Strabo').score)
  })
  it('takes the t a romanisation puts before "ch" for a cheap change, and no other t', () => {
    expect(weightedDistance('tchaikovsky', 'chaikovsky')).toBeCloseTo(0.2)
    expect(weightedDistance('tchad', 'chad')).toBeCloseTo(0.2)
    // Elsewhere a t is a whole letter.
    expect(weightedDistance('tchad', 'had')).toBeGreaterThan(1)
    expect(weightedDistance('tamp', 'amp')).toBeGreaterThanOrEqual(1)
  })
  it('takes "ch" for "k" and "th" for "s" as one sound spelt two ways', () => {
    expect(weightedDistance('lynk', 'lynch')).toBeCloseTo(0.3)
    expect(weightedDistance('osman', 'othman')).toBeCloseTo(0.3)
    expect(weightedDistance('athens', 'asens')).toBeCloseTo(0.3)
    // Not "ch" for "s", nor "th" for "k".
    expect(weightedDistance('lynch', 'lyns')).toBeGreaterThan(0.6)
    expect(weightedDistance('athens', 'akens')).toBeGreaterThan(0.6)
  })
  it('takes a letter struck with the key beside its neighbour for a cheaper change than another letter', () => {
    // d is beside f on the keyboard; p is not.
    expect(weightedDistance('fdrance', 'france')).toBeCloseTo(0.6)
    expect(weightedDistance('fprance', 'france')).toBeCloseTo(1)
  })
  it('models OCR confusions cheaply', () => {
    expect(weightedDistance('molclova', 'moldova')).toBeLessThan(1)
    expect(weightedDistance('gcrmany', 'germany')).toBeLessThan(1)
  })
  it('is zero exactly for equal keys, and bounded', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,12}$/), fc.stringMatching(/^[a-z]{1,12}$/), (a, b) => {
        const s = similarity(a, b)
        if (s.score < 0 || s.score > 1) return false
        if (a === b) return s.weighted === 0 && s.edits === 0
        return s.weighted > 0
      }),
    )
  })
  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,10}$/), fc.stringMatching(/^[a-z]{1,10}$/), (a, b) => Math.abs(weightedDistance(a, b) - weightedDistance(b, a)) < 1e-9),
    )
  })
  it('stops early only when the distance exceeds the bound', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,12}$/), fc.stringMatching(/^[a-z]{0,12}$/), fc.double({ min: 0, max: 6, noNaN: true }), (a, b, max) => {
        const full = weightedDistance(a, b)
        const bounded = weightedDistance(a, b, max)
        return full <= max ? bounded === full : bounded === Infinity || bounded === full
      }),
    )
  })
})

describe('keyboardSlip', () => {
  it('recognises one slip of the fingers that touches a consonant', () => {
    expect(keyboardSlip('liverlool', 'liverpool')).toBe(true) // a neighbouring key instead
    expect(keyboardSlip('oxvam', 'oxfam')).toBe(false) // f/v: the transliteration model's
    expect(keyboardSlip('fdrance', 'france')).toBe(true) // a neighbouring key as well
    expect(keyboardSlip('beriln', 'berlin')).toBe(true) // two letters swapped
    expect(keyboardSlip('bronw', 'brown')).toBe(true)
    expect(keyboardSlip('hollyood', 'hollywood')).toBe(true) // a consonant left out
    expect(keyboardSlip('reutees', 'reuters')).toBe(true) // a neighbouring key, beside the same letter
  })
  it('leaves the transliteration model its own changes, and the first and last letters alone', () => {
    expect(keyboardSlip('peris', 'paris')).toBe(false) // vowels
    expect(keyboardSlip('piggott', 'pigott')).toBe(false) // doubling
    expect(keyboardSlip('naftohaz', 'naftogaz')).toBe(false) // Ukrainian h for g
    expect(keyboardSlip('youtuber', 'youtube')).toBe(false) // a letter added at the end
    expect(keyboardSlip('canad', 'canada')).toBe(false) // a final letter lost
    expect(keyboardSlip('asaad', 'assad')).toBe(false) // a double moved
    expect(keyboardSlip('gfrance', 'france')).toBe(false)
    expect(keyboardSlip('france', 'france')).toBe(false)
  })
})
