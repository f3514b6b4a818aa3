/**
 * Word tokens and capitalised runs from the nlcst tree: the candidate spans
 * for name matching.
 */
import type { Root, Sentence, Word } from 'nlcst'
import { toString } from 'nlcst-to-string'
import { foldPunctuation } from './normalize.js'

export interface Token {
  /** Text as written. */
  text: string
  /** Text without a possessive ending ("Shoigu's" -> "Shoigu"). */
  base: string
  /** The possessive ending that was removed ("'s", "’s", "'" or ""). */
  possessive: string
  start: number
  end: number
  sentence: number
  /** First word of its sentence (capitalised for grammar, not necessarily a name). */
  initial: boolean
  capitalised: boolean
  /** All capitals, two letters or more: an acronym. */
  upper: boolean
  /** Index of the next token in the same run, when only white space separates them. */
  joinedToNext: boolean
}

const UPPER_FIRST = /^\p{Lu}/u
const HAS_LOWER = /\p{Ll}/u
const LETTER = /\p{L}/u

/** Particles inside a family name ("de Gaulle", "van Gogh", "bin Salman", "dal Maso"): the word after one is a surname. */
export const NAME_PARTICLES = new Set([
  'de', 'del', 'della', 'dal', 'dalla', 'dei', 'degli', 'delle', 'da', 'di', 'do', 'dos', 'das', 'la', 'le', 'les', 'al', 'el',
  'bin', 'bint', 'ibn', 'von', 'van', 'der', 'den', 'du', 'des', 'ul', 'ud',
])

/** Lower-case words that may stand inside a multi-word name: the name particles and a few more. */
export const CONNECTORS = new Set([...NAME_PARTICLES, 'of', 'and', '&', 'the', 'y', 'for', 'on', 'upon', 'in'])

/** Where the possessive ending of a word starts ("Shoigu's": 6), or its length when it has none. */
function possessiveStart(text: string): number {
  const folded = foldPunctuation(text)
  const m = /^(.*\p{L})('s|')$/u.exec(folded)
  return m && m[1].length >= 2 ? m[1].length : text.length
}

/** The text of a word: its leaves' values (what nlcst-to-string gives, without its overhead). */
function wordText(word: Word): string {
  const children = word.children
  if (children.length === 1) return (children[0] as { value?: string }).value ?? ''
  let out = ''
  for (const child of children) out += 'value' in child ? child.value : toString(child)
  return out
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}

function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isAsciiLetter(c)) return true
    if (c >= 128) return LETTER.test(text)
  }
  return false
}

/** Upper case first letter (ASCII fast path). */
function upperFirst(text: string): boolean {
  const c = text.charCodeAt(0)
  if (c < 128) return c >= 65 && c <= 90
  return UPPER_FIRST.test(text)
}

function hasLower(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 97 && c <= 122) return true
    if (c >= 128) return HAS_LOWER.test(text)
  }
  return false
}

export function tokenize(tree: Root): Token[] {
  const tokens: Token[] = []
  let sentence = 0
  const visitSentence = (node: Sentence) => {
    sentence++
    let first = true
    let previousToken: Token | undefined
    let gapIsSpace = false
    for (const child of node.children) {
      if (child.type === 'WordNode') {
        const word = child as Word
        const text = wordText(word)
        const start = word.position?.start.offset ?? 0
        const end = word.position?.end.offset ?? start + text.length
        if (!hasLetter(text)) {
          previousToken = undefined
          continue
        }
        // Possessives end in an apostrophe or "s": skip the regex for everything else.
        const last = text.charCodeAt(text.length - 1)
        const split = last === 115 || !isAsciiLetter(last) ? possessiveStart(text) : text.length
        const base = split === text.length ? text : text.slice(0, split)
        const possessive = split === text.length ? '' : text.slice(split)
        const capitalised = upperFirst(text)
        const token: Token = {
          text,
          base,
          possessive,
          start,
          end,
          sentence,
          initial: first,
          capitalised,
          upper: capitalised && text.length >= 2 && !hasLower(text),
          joinedToNext: false,
        }
        if (previousToken && gapIsSpace && !previousToken.possessive) previousToken.joinedToNext = true
        tokens.push(token)
        previousToken = token
        first = false
        gapIsSpace = false
      } else if (child.type === 'WhiteSpaceNode') {
        const value = (child as { value: string }).value
        gapIsSpace = !value.includes('\n')
      } else if (previousToken && gapIsSpace && 'value' in child && child.value === '&') {
        // An ampersand between words joins them as "and" would ("Marks & Spencer", "Procter & Gamble"): a token of
        // its own, a connector, so that a capitalised run goes on through it.
        const start = child.position?.start.offset ?? 0
        const token: Token = { text: '&', base: '&', possessive: '', start, end: start + 1, sentence, initial: false, capitalised: false, upper: false, joinedToNext: false }
        previousToken.joinedToNext = true
        tokens.push(token)
        previousToken = token
        first = false
        gapIsSpace = false
      } else {
        // Punctuation and symbols break runs; an opening quote or bracket keeps "initial".
        const value = 'value' in child ? (child.value as string) : toString(child)
        if (!(first && /^["“‘'(\[«]$/.test(value))) first = false
        previousToken = undefined
        gapIsSpace = false
      }
    }
  }
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'SentenceNode') return visitSentence(node as Sentence)
    if (node.children) for (const child of node.children) walk(child as { type: string; children?: unknown[] })
  }
  walk(tree)
  return tokens
}

/**
 * Maximal runs of capitalised tokens, joined by white space and possibly by
 * connector words ("Food and Agriculture Organisation"), as [from, to) token
 * index ranges. Connectors never start or end a run.
 */
export function capitalisedRuns(tokens: Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = []
  let i = 0
  while (i < tokens.length) {
    if (!tokens[i].capitalised) {
      i++
      continue
    }
    let end = i + 1
    while (end < tokens.length && tokens[end - 1].joinedToNext) {
      const t = tokens[end]
      if (t.capitalised) {
        end++
        continue
      }
      // A connector (or two: "of the") followed by a capitalised word.
      let k = end
      while (k < tokens.length && k - end < 2 && CONNECTORS.has(tokens[k].text.toLowerCase()) && tokens[k].joinedToNext) k++
      if (k > end && k < tokens.length && tokens[k].capitalised && tokens[k - 1].joinedToNext) {
        end = k + 1
        continue
      }
      break
    }
    runs.push([i, end])
    i = end
  }
  return runs
}
