/**
 * Document analysis shared by the name rules: which spans name known
 * entities, which use deprecated spellings, and which are suspected
 * corruptions of a known name (or of a name the document itself uses more
 * often), each with a confidence and the evidence behind it.
 *
 * Edit distance alone cannot decide (most unknown capitalised words of real
 * news lie within two edits of some name in a large gazetteer), so every
 * judgment weighs evidence: transliteration-aware similarity, the prior of the
 * entity (a capital or head of state versus a village), whether the document
 * names the entity elsewhere, whether the word is ordinary English, whether
 * the neighbouring words agree with a multi-word name.
 */
import type { Root } from 'nlcst'
import { MIN_FUZZY_PRIOR, SpellingKind, type Entity } from '../dictionary/compile.js'
import { compareSpelling, PRIOR_WEIGHT, searchIndex, SKELETON_BONUS } from './fuzzy.js'
import type { NameIndex, SpellingHit } from './name-index.js'
import { compactKey, normalizeName, skeleton, skeletonsClose } from './normalize.js'
import type { Similarity } from './similarity.js'
import { capitalisedRuns, CONNECTORS, tokenize, type Token } from './tokens.js'

export interface AnalysisOptions {
  /** Minimum confidence for a suspect to be reported (0..1). */
  threshold: number
  /** Most suggestions per suspect. */
  maxSuggestions: number
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { threshold: 0.6, maxSuggestions: 3 }

export interface Mention {
  start: number
  end: number
  text: string
  hits: SpellingHit[]
  tokens: [number, number]
}

export interface DeprecatedUse {
  start: number
  end: number
  actual: string
  preferred: string
  entity: Entity
  reason?: string
  since?: string
}

export interface Suggestion {
  /** Replacement text for the span, in the form the text needs. */
  text: string
  entity?: Entity
  confidence: number
  similarity: Similarity
  evidence: string[]
}

export interface Suspect {
  start: number
  end: number
  actual: string
  /** `corrupted-name` when the best suggestion is a known entity, `inconsistent-name` when it is another spelling in the document. */
  kind: 'corrupted-name' | 'inconsistent-name'
  confidence: number
  suggestions: Suggestion[]
}

export interface DocumentAnalysis {
  text: string
  tokens: Token[]
  mentions: Mention[]
  deprecated: DeprecatedUse[]
  suspects: Suspect[]
  /** Entity id -> how often the document names it exactly. */
  entityCounts: Map<string, number>
}

const MAX_FUZZY_WORDS = 4
/** Bonus for a known entity the document names exactly elsewhere. */
const IN_DOCUMENT_BONUS = 0.15
/** Bonus for an entity of a country the document is about. */
const COUNTRY_BONUS = 0.1
/** How far below the threshold alternative suggestions are still kept. */
const ALTERNATE_MARGIN = 0.05

/** Words that announce a person's name. */
const PERSON_TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'president', 'minister', 'secretary', 'chancellor',
  'senator', 'sen', 'rep', 'governor', 'gov', 'general', 'gen', 'judge', 'justice', 'rev', 'reverend', 'father', 'pope',
  'king', 'queen', 'prince', 'princess', 'sheikh', 'emir', 'ayatollah', 'mayor', 'chairman', 'spokesman', 'spokeswoman',
  'coach', 'manager', 'captain', 'striker', 'defender', 'midfielder', 'goalkeeper', 'actor', 'actress', 'singer',
  'director', 'chief', 'executive', 'leader', 'premier', 'colonel', 'col', 'lt', 'sergeant', 'officer', 'professor', 'prof',
  'deputy', 'ambassador', 'envoy', 'commander', 'marshal', 'admiral',
])

/** Endings that make a demonym or adjective of a place name ("Californian", "Tehranis"). */
const DERIVED_ENDINGS = ['ians', 'ans', 'ns', 'ian', 'an', 'n', 'ese', 'is', 'i', 'ites', 'ite', 'ers', 'er', 's']

function joinTokens(tokens: Token[], from: number, to: number, text: string): string {
  return text.slice(tokens[from].start, tokens[to - 1].start + tokens[to - 1].base.length)
}

/** Exact lookup of a span, trying the plural and plural-possessive forms. */
function lookupSpan(index: NameIndex, key: string): { hits: SpellingHit[]; suffix: string } {
  let hits = index.lookupKey(key)
  if (hits.length > 0) return { hits, suffix: '' }
  for (const suffix of ['s', 'es']) {
    if (key.endsWith(suffix) && key.length > suffix.length + 2) {
      hits = index.lookupKey(key.slice(0, -suffix.length)).filter((h) => h.kind !== SpellingKind.Acronym)
      if (hits.length > 0) return { hits, suffix }
    }
  }
  return { hits: [], suffix: '' }
}

export { translitKey } from './normalize.js'

interface DocSpelling {
  text: string
  count: number
  entity?: Entity
}

export function analyse(tree: Root, text: string, index: NameIndex, options: Partial<AnalysisOptions> = {}): DocumentAnalysis {
  const opts = { ...DEFAULT_ANALYSIS_OPTIONS, ...options }
  const tokens = tokenize(tree)
  const runs = capitalisedRuns(tokens)
  const mentions: Mention[] = []
  const deprecated: DeprecatedUse[] = []
  const entityCounts = new Map<string, number>()
  const unknown: Array<{ token: number; run: [number, number] }> = []
  const maxWords = Math.min(index.maxWords, 8)
  // Normalised keys of token bases, computed once each (spans are joined from them).
  const keyCache: string[] = []
  const tokenKey = (i: number): string => (keyCache[i] ??= normalizeName(tokens[i].base))
  const spanKeyOf = (from: number, to: number): string => {
    if (to - from === 1) return tokenKey(from)
    let out = tokenKey(from)
    for (let k = from + 1; k < to; k++) {
      const part = tokenKey(k)
      if (part) out = out ? out + ' ' + part : part
    }
    return out
  }

  // 1. Exact matches, longest first, inside each capitalised run.
  for (const run of runs) {
    let i = run[0]
    while (i < run[1]) {
      let matched = 0
      const firstWord = tokenKey(i).split(' ')[0]
      for (let len = Math.min(maxWords, run[1] - i, index.maxWordsFrom(firstWord)); len >= 1; len--) {
        const last = i + len - 1
        if (CONNECTORS.has(tokens[last].text.toLowerCase()) && !tokens[last].capitalised) continue
        const span = joinTokens(tokens, i, i + len, text)
        const { hits } = lookupSpan(index, spanKeyOf(i, i + len))
        if (hits.length === 0) continue
        const mention: Mention = { start: tokens[i].start, end: tokens[last].start + tokens[last].base.length, text: span, hits, tokens: [i, i + len] }
        mentions.push(mention)
        const seen = new Set<string>()
        for (const hit of hits) {
          if (seen.has(hit.entityKey)) continue
          seen.add(hit.entityKey)
          entityCounts.set(hit.entityKey, (entityCounts.get(hit.entityKey) ?? 0) + 1)
        }
        const dep = hits.find((h) => h.kind === SpellingKind.Deprecated)
        // A deprecated spelling that is also an accepted spelling of another entity is left alone.
        if (dep && !hits.some((h) => h.kind !== SpellingKind.Deprecated && h.kind !== SpellingKind.Acronym && h.entityKey !== dep.entityKey)) {
          const d = dep.entity.deprecated.find((x) => normalizeName(x.spelling) === normalizeName(dep.spelling))
          if (d) deprecated.push({ start: mention.start, end: mention.end, actual: text.slice(mention.start, mention.end), preferred: d.preferred, entity: dep.entity, reason: d.reason, since: d.since })
        }
        matched = len
        break
      }
      if (matched === 0) {
        const t = tokens[i]
        if (t.capitalised && !t.upper && !CONNECTORS.has(t.text.toLowerCase())) unknown.push({ token: i, run })
        i++
      } else {
        i += matched
      }
    }
  }

  // 2. The document's own spellings: counts of capitalised words, and an index by skeleton.
  const docSpellings = new Map<string, DocSpelling>()
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]
    if (!t.capitalised || t.upper || t.base.length < 3) continue
    if (t.initial && index.isEnglishWord(t.base)) continue
    const own = tokenKey(ti)
    // Known names are candidates through the index (with their entity), not as bare spellings.
    if (index.lookupKey(own).length > 0) continue
    const entry = docSpellings.get(own)
    if (entry) entry.count++
    else docSpellings.set(own, { text: t.base, count: 1 })
  }
  // Every suggestible spelling of the entities the document names: fuzzy candidates with no prior penalty.
  const mentionedSpellings: Array<{ hit: SpellingHit; compact: string; skeleton: string; words: number }> = []
  for (const entityKey of entityCounts.keys()) {
    for (const x of index.entitySpellings(entityKey)) {
      if (x.hit.kind > SpellingKind.Form || x.hit.entity.prior < MIN_FUZZY_PRIOR) continue
      mentionedSpellings.push({ ...x, words: normalizeName(x.hit.spelling).split(' ').length })
    }
  }
  const docSkeletons = new Map<string, string[]>()
  for (const key of docSpellings.keys()) {
    const sk = skeleton(key)
    const list = docSkeletons.get(sk)
    if (list) list.push(key)
    else docSkeletons.set(sk, [key])
  }


  const mentionAt = new Map<number, Mention>()
  for (const m of mentions) for (let k = m.tokens[0]; k < m.tokens[1]; k++) mentionAt.set(k, m)
  const unknownSet = new Set(unknown.map((u) => u.token))

  /** Is the token most likely part of a person's name by its context? */
  function personContext(ti: number, run: [number, number]): boolean {
    const prev = ti - 1
    if (prev < 0 || tokens[prev].sentence !== tokens[ti].sentence) return false
    const prevWord = tokenKey(prev)
    if (PERSON_TITLES.has(prevWord) && tokens[prev].joinedToNext) return true
    if (prev >= run[0]) {
      if (/^\p{Lu}\.?$/u.test(tokens[prev].text)) return true
      // A known given name, unless the word before it is itself a place or demonym ("North").
      if (index.isGivenName(tokens[prev].base) && !mentionAt.get(prev)?.hits.some((h) => h.entity.type !== 'person')) return true
    }
    return false
  }

  /** A place name with a demonym ending ("Californians") is a word the text may rightly use. */
  function derivedFromPlace(word: string): boolean {
    const key = normalizeName(word)
    for (const ending of DERIVED_ENDINGS) {
      if (!key.endsWith(ending) || key.length - ending.length < 4) continue
      const stem = key.slice(0, -ending.length)
      for (const candidate of [stem, stem + 'a', stem + 'e', stem + 'o', stem + 'ia', stem + 'y', stem + 'ey', stem + 'land']) {
        if (index.lookupKey(candidate).some((h) => h.entity.type === 'place' || h.entity.type === 'demonym')) return true
      }
    }
    return false
  }

  function judge(ti: number, run: [number, number]): Suspect | undefined {
    const token = tokens[ti]
    if (index.isGivenName(token.base) && !token.possessive) {
      // A first name is known as a name; corruptions of known people are caught on the full name.
      if (ti + 1 < run[1]) return undefined
    }
    if (derivedFromPlace(token.base)) return undefined
    // Acronym plurals and mixed tokens ("MBEs", "UK-run"), abbreviations ("Pro.").
    if (/\p{Lu}{2}/u.test(token.base) || /[^\p{L}\p{M}'’-]/u.test(token.base)) return undefined
    const inPersonContext = personContext(ti, run)
    const prevGiven = ti - 1 >= run[0] && index.isGivenName(tokens[ti - 1].base) ? tokenKey(ti - 1) : undefined
    // An unknown word followed by another unknown capitalised word is likely a first name of an unknown person.
    const beforeUnknown = ti + 1 < run[1] && unknownSet.has(ti + 1) && !index.isEnglishWord(tokens[ti + 1].base)
    const english = index.isEnglishWord(token.base)
    // "But", "Meanwhile" at the head of a sentence are words, not names.
    if (token.initial && english) return undefined
    const given = index.isGivenName(token.base)
    const properNoun = !english && !index.isGivenName(token.base) && index.isEnglishProperNoun(token.base)
    const town = index.isKnownTown(token.base)
    const ownKey = tokenKey(ti)
    const ownCount = docSpellings.get(ownKey)?.count ?? 1
    const best = new Map<string, Suggestion & { start: number; end: number; score: number }>()

    const ownPenalty = ownCount >= 3 ? 0.35 : ownCount >= 2 ? 0.2 : 0
    const floor = opts.threshold - ALTERNATE_MARGIN

    const consider = (from: number, to: number) => {
      const span = joinTokens(tokens, from, to, text)
      const words = to - from
      const spanKey = spanKeyOf(from, to)
      if (words > 1) {
        // Only spans whose other words belong to some multi-word name can be one.
        const spanWords = spanKey.split(' ')
        const doubtful = tokenKey(ti).split(' ')
        let position = 0
        for (let k = from; k < to; k++) {
          const own = k === ti ? doubtful : tokenKey(k).split(' ')
          if (k !== ti) for (let w = 0; w < own.length; w++) if (!index.isNameWordAt(own[w], position + w, spanWords.length)) return
          position += own.length
        }
        if (derivedFromPlace(span)) return
      }
      const a = compactKey(spanKey)
      const short = a.length <= 4 ? 0.08 : 0
      // Penalties every candidate of this span takes, whatever it is.
      const spanPenalty =
        (words === 1 ? (english ? 0.35 : 0) + (given ? 0.35 : 0) + (beforeUnknown ? 0.15 : 0) : 0) + (properNoun ? 0.35 : 0) + (town ? 0.15 : 0) + short
      const multiBonus = words > 1 ? 0.1 : 0
      const candidates: Array<{ spelling: string; output: string; sim: Similarity; skeletonEqual: boolean; entity?: Entity; entityKey?: string; docCount?: number }> = []

      // Known entities the document does not name: the prior counts against them.
      const global = searchIndex(index, spanKey, floor + spanPenalty + ownPenalty - COUNTRY_BONUS - multiBonus)
      if (global.accepted) {
        // A transliteration variant of a known name is accepted, never flagged (Alexey/Aleksey, Yulia/Yulya).
        accepted = true
        return
      }
      for (const m of global.matches) {
        if (entityCounts.has(m.hit.entityKey)) continue
        candidates.push({ spelling: m.hit.spelling, output: m.output, sim: m.similarity, skeletonEqual: m.skeletonEqual, entity: m.hit.entity, entityKey: m.hit.entityKey })
      }
      const spanSkeleton = skeleton(spanKey)
      // Entities the document names elsewhere.
      const docNeeded = floor + spanPenalty - IN_DOCUMENT_BONUS - multiBonus
      for (const d of mentionedSpellings) {
        if (d.words !== words || !skeletonsClose(spanSkeleton, d.skeleton)) continue
        const skeletonEqual = d.skeleton === spanSkeleton
        const found = compareSpelling(a, spanKey, d.hit.spelling, d.compact, d.hit.entity.type === 'demonym', docNeeded, skeletonEqual)
        if (found) candidates.push({ spelling: d.hit.spelling, output: found.output, sim: found.similarity, skeletonEqual, entity: d.hit.entity, entityKey: d.hit.entityKey })
      }
      // Other spellings in the same document.
      if (words === 1) {
        const docSpellingNeeded = floor + spanPenalty + ownPenalty - 0.1
        for (const [k, others] of docSkeletons) {
          if (!skeletonsClose(spanSkeleton, k)) continue
          for (const other of others) {
            if (other === spanKey) continue
            const d = docSpellings.get(other)!
            const found = compareSpelling(a, spanKey, d.text, compactKey(d.text), false, docSpellingNeeded, k === spanSkeleton)
            if (found) candidates.push({ spelling: d.text, output: found.output, sim: found.similarity, skeletonEqual: k === spanSkeleton, docCount: d.count })
          }
        }
      }
      for (const c of candidates) {
        const sim = c.sim
        const evidence: string[] = []
        let score = sim.score
        const inDoc = c.entityKey ? (entityCounts.get(c.entityKey) ?? 0) > 0 : (c.docCount ?? 0) > 0
        const prior = c.entity ? c.entity.prior : 0.6
        if (c.entity && inDoc) {
          score += IN_DOCUMENT_BONUS
          evidence.push('the document names it elsewhere')
        } else if (!c.entity) {
          // Another spelling in the same document: strong only when it is the majority spelling.
          if ((c.docCount ?? 0) >= 2 && (c.docCount ?? 0) > ownCount) {
            score += 0.1
            evidence.push(`the document spells it "${c.spelling}" ${c.docCount} times`)
          } else {
            score -= 0.3
          }
        } else {
          score -= (1 - prior) * PRIOR_WEIGHT
        }
        if (inPersonContext && c.entity && c.entity.type !== 'person') score -= 0.4
        if (words === 1 && prevGiven && c.entity?.type === 'person') {
          const first = normalizeName(c.entity.name).split(' ')[0]
          // "Rodrigo Rato" is not a misspelling of William Ruto: the first names disagree.
          if (first !== prevGiven && !inDoc) score -= 0.3
        }
        if (c.entity?.country && !inDoc && (countryCounts.get(c.entity.country) ?? 0) >= 2) {
          score += COUNTRY_BONUS
          evidence.push(`the document is about ${c.entity.country}`)
        }
        if (c.skeletonEqual) {
          score += SKELETON_BONUS
          evidence.push('same consonant skeleton')
        }
        if (words > 1) {
          // Other words of the span agree exactly with the candidate's words.
          const spanWords = spanKey.split(' ')
          const candWords = normalizeName(c.spelling).split(' ')
          // The words that differ must be doubtful ones: this token, not a known name, acronym or English word.
          let doubtful = true
          for (let k = 0; k < words && k < candWords.length; k++) {
            if (spanWords[k] === candWords[k]) {
              if (from + k === ti) doubtful = false
              continue
            }
            const t = tokens[from + k]
            if (t.upper || (from + k !== ti && mentionAt.has(from + k)) || index.isEnglishWord(t.base)) doubtful = false
          }
          if (!doubtful) continue
          const agree = spanWords.filter((w, i) => w === candWords[i]).length
          if (agree === words - 1) {
            score += 0.1
            evidence.push('the rest of the name matches')
          } else {
            score -= 0.1 * (words - 1 - agree)
          }
        }
        score -= spanPenalty
        if (!sim.sameInitial) score -= 0.05
        // A spelling used several times is most likely the writer's intended one.
        if (!(c.entity && inDoc)) score -= ownPenalty
        const key = c.entityKey ?? `doc:${c.spelling}`
        const previous = best.get(key)
        if (!previous || previous.score < score) {
          best.set(key, {
            text: c.output + (to - 1 === ti ? token.possessive : ''),
            entity: c.entity,
            confidence: Math.max(0, Math.min(1, score)),
            similarity: sim,
            evidence,
            start: tokens[from].start,
            end: tokens[to - 1].start + tokens[to - 1].base.length,
            score,
          })
        }
      }
    }

    let accepted = false
    for (let from = Math.max(run[0], ti - MAX_FUZZY_WORDS + 1); from <= ti; from++) {
      if (from < ti && tokens[from].initial && index.isEnglishWord(tokens[from].base)) continue
      for (let to = ti + 1; to <= Math.min(run[1], from + MAX_FUZZY_WORDS); to++) {
        if (CONNECTORS.has(tokens[to - 1].text.toLowerCase()) && !tokens[to - 1].capitalised) continue
        if (CONNECTORS.has(tokens[from].text.toLowerCase()) && !tokens[from].capitalised) continue
        consider(from, to)
      }
    }
    if (accepted) return undefined
    const ranked = [...best.values()].sort((a, b) => b.score - a.score)
    if (ranked.length === 0 || ranked[0].score < opts.threshold) return undefined
    const top = ranked[0]
    const suggestions: Suggestion[] = []
    const seenText = new Set<string>()
    for (const r of ranked) {
      if (r.start !== top.start || r.end !== top.end) continue
      if (seenText.has(r.text)) continue
      seenText.add(r.text)
      suggestions.push({ text: r.text, entity: r.entity, confidence: r.confidence, similarity: r.similarity, evidence: r.evidence })
      if (suggestions.length >= opts.maxSuggestions) break
    }
    return {
      start: top.start,
      end: top.end + (top.end === token.start + token.base.length ? token.possessive.length : 0),
      actual: text.slice(top.start, top.end + (top.end === token.start + token.base.length ? token.possessive.length : 0)),
      kind: top.entity ? 'corrupted-name' : 'inconsistent-name',
      confidence: top.confidence,
      suggestions,
    }
  }

  // Countries the document is about: a candidate from one of them is more plausible.
  const countryCounts = new Map<string, number>()
  for (const m of mentions) {
    const countries = new Set(m.hits.map((h) => h.entity.country).filter((c): c is string => Boolean(c)))
    for (const c of countries) countryCounts.set(c, (countryCounts.get(c) ?? 0) + 1)
  }

  const suspects: Suspect[] = []
  const covered = new Set<number>()
  for (const { token: ti, run } of unknown) {
    if (covered.has(ti)) continue
    const token = tokens[ti]
    if (compactKey(token.base).length < 3) continue
    const suspect = judge(ti, run)
    if (suspect) {
      suspects.push(suspect)
      for (const [i, t] of tokens.entries()) if (t.start >= suspect.start && t.end <= suspect.end + 2) covered.add(i)
    }
  }

  return { text, tokens, mentions, deprecated, suspects, entityCounts }
}
