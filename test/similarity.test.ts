import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { similarity, weightedDistance } from '../src/matcher/similarity.js'

describe('similarity', () => {
  it('scores transliteration slips as closer than unrelated names', () => {
    expect(similarity('Shuigu', 'Shoigu').score).toBeGreaterThan(similarity('Shuigu', 'Sochi').score)
    expect(similarity('Piggott', 'Pigott').score).toBeGreaterThan(0.85)
    expect(similarity('Briance', 'Bryansk').score).toBeGreaterThan(similarity('Briance', 'Brunei').score)
    expect(similarity('Quaran', 'Korean').score).toBeGreaterThan(similarity('Quaran', 'Koran').score - 0.2)
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
