/**
 * A letter-pair model of how names are spelt, trained at build time on every
 * known spelling, town and given name. It tells which of two spellings of one
 * name in a document reads more like a name ("Fogg" against "Foggh", "Depp"
 * against "Dspp") when each occurs as often as the other.
 */
import { readFileSync } from 'node:fs'
import { compactKey } from './normalize.js'

const ALPHABET = '^abcdefghijklmnopqrstuvwxyz$'
const SIZE = ALPHABET.length

function code(c: string): number {
  const i = ALPHABET.indexOf(c)
  return i < 0 ? -1 : i
}

export interface LetterModelData {
  alphabet: string
  /** log P(next | previous), row-major SIZE x SIZE. */
  logp: number[]
}

/** Train on a list of spellings (add-one smoothing). */
export function trainLetterModel(spellings: Iterable<string>): LetterModelData {
  const counts = new Float64Array(SIZE * SIZE).fill(1)
  for (const s of spellings) {
    const key = '^' + compactKey(s) + '$'
    for (let i = 1; i < key.length; i++) {
      const a = code(key[i - 1])
      const b = code(key[i])
      if (a >= 0 && b >= 0) counts[a * SIZE + b]++
    }
  }
  const logp: number[] = []
  for (let a = 0; a < SIZE; a++) {
    let row = 0
    for (let b = 0; b < SIZE; b++) row += counts[a * SIZE + b]
    for (let b = 0; b < SIZE; b++) logp.push(Math.round(Math.log(counts[a * SIZE + b] / row) * 1000) / 1000)
  }
  return { alphabet: ALPHABET, logp }
}

export class LetterModel {
  private readonly logp: number[]

  constructor(data: LetterModelData) {
    this.logp = data.logp
  }

  static load(file: string): LetterModel | undefined {
    try {
      return new LetterModel(JSON.parse(readFileSync(file, 'utf8')) as LetterModelData)
    } catch {
      return undefined
    }
  }

  /**
   * How name-like a spelling is: the mean log-probability of its two rarest
   * letter pairs (a slip shows in one or two odd pairs, not in the average).
   */
  plausibility(spelling: string): number {
    const key = '^' + compactKey(spelling) + '$'
    // The two lowest pair scores, kept as we go (no array to sort: this runs for every doubtful word).
    let lowest = Infinity
    let second = Infinity
    let pairs = 0
    let a = code(key[0])
    for (let i = 1; i < key.length; i++) {
      const b = code(key[i])
      if (a >= 0 && b >= 0) {
        const score = this.logp[a * SIZE + b]
        pairs++
        if (score < lowest) {
          second = lowest
          lowest = score
        } else if (score < second) second = score
      }
      a = b
    }
    if (pairs === 0) return 0
    return pairs === 1 ? lowest : (lowest + second) / 2
  }
}
