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
  /** log P(next | two previous), SIZE x SIZE x SIZE, interpolated with the pairs (absent in older builds). */
  trigrams?: number[]
}

/** Weight of the letter-pair estimate in a trigram's: a context seen a few times leans on its pair. */
const TRIGRAM_PRIOR = 5

/** Train on a list of spellings (add-one smoothing). */
export function trainLetterModel(spellings: Iterable<string>): LetterModelData {
  // Letter pairs and triples, counted in one pass (the spellings may be a one-time iterator).
  const counts = new Float64Array(SIZE * SIZE).fill(1)
  const triples = new Float64Array(SIZE * SIZE * SIZE)
  for (const s of spellings) {
    const key = '^' + compactKey(s) + '$'
    for (let i = 1; i < key.length; i++) {
      const a = code(key[i - 1])
      const b = code(key[i])
      if (a >= 0 && b >= 0) counts[a * SIZE + b]++
      const z = i >= 2 ? code(key[i - 2]) : -1
      if (z >= 0 && a >= 0 && b >= 0) triples[(z * SIZE + a) * SIZE + b]++
    }
  }
  const logp: number[] = []
  for (let a = 0; a < SIZE; a++) {
    let row = 0
    for (let b = 0; b < SIZE; b++) row += counts[a * SIZE + b]
    for (let b = 0; b < SIZE; b++) logp.push(Math.round(Math.log(counts[a * SIZE + b] / row) * 1000) / 1000)
  }
  // Each triple's estimate is pulled toward its pair's by TRIGRAM_PRIOR.
  const trigrams: number[] = []
  for (let z = 0; z < SIZE; z++) {
    for (let a = 0; a < SIZE; a++) {
      let context = 0
      for (let b = 0; b < SIZE; b++) context += triples[(z * SIZE + a) * SIZE + b]
      for (let b = 0; b < SIZE; b++) {
        const pair = Math.exp(logp[a * SIZE + b])
        trigrams.push(Math.round(Math.log((triples[(z * SIZE + a) * SIZE + b] + TRIGRAM_PRIOR * pair) / (context + TRIGRAM_PRIOR)) * 100) / 100)
      }
    }
  }
  return { alphabet: ALPHABET, logp, trigrams }
}

export class LetterModel {
  private readonly logp: number[]
  private readonly trigrams: number[] | undefined

  constructor(data: LetterModelData) {
    this.logp = data.logp
    this.trigrams = data.trigrams
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

  /**
   * The log-probability of the rarest letter triple of `spelling` that `other` does not share (each shared triple
   * counted once): where two spellings of one name differ, which letters read less like a name ("Salzbergerr"
   * ends in "rr", Salzberger in "er"). 0 when they share every triple or the model has no triples.
   */
  rarestTripleNotIn(spelling: string, other: string): number {
    if (!this.trigrams) return 0
    const theirs = triplesOf(other)
    let rarest = 0
    for (const triple of triplesOf(spelling)) {
      const shared = theirs.indexOf(triple)
      if (shared >= 0) {
        theirs.splice(shared, 1)
        continue
      }
      const [z, a, b] = [code(triple[0]), code(triple[1]), code(triple[2])]
      if (z < 0 || a < 0 || b < 0) continue
      rarest = Math.min(rarest, this.trigrams[(z * SIZE + a) * SIZE + b])
    }
    return rarest
  }
}

/** The letter triples of a spelling, with its start and end marked. */
function triplesOf(spelling: string): string[] {
  const key = '^' + compactKey(spelling) + '$'
  const out: string[] = []
  for (let i = 2; i < key.length; i++) out.push(key.slice(i - 2, i + 1))
  return out
}
