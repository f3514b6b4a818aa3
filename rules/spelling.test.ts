import type { Root } from 'nlcst'
import { unified, type Processor } from 'unified'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import retextChunkedLatin from '../src/parser.js'
import { namelintDictionary } from '../src/preset-data.js'
import { byRule, lint } from '../test/helpers/lint.js'
import spelling from './spelling.js'

const rule = 'spelling'

describe('spelling', () => {
  it('flags ordinary misspellings with the known words one edit away', async () => {
    const text = 'The goverment’s annoucement on Tuesday was recieved coldly by the oposition.\n'
    const messages = byRule(await lint(text), rule)
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['goverment’s', 'government’s'],
      ['annoucement', 'announcement'],
      ['recieved', 'received'],
      ['oposition', 'opposition'],
    ])
    const [m] = messages
    expect(m.source).toBe('namelint')
    expect(m.fatal).toBe(false)
    expect(m.note).toMatch(/neither the English dictionary nor the name dictionaries/)
    const confidence = (x: (typeof messages)[number]) => (x as unknown as { data: { confidence: number } }).data.confidence
    // "recieved": a transposition, ahead of "relieved"; a tie would be below --fix's 0.7.
    expect(messages[2].expected).toEqual(['received', 'relieved'])
    expect(confidence(messages[2])).toBe(0.7)
    expect(confidence(messages[1])).toBe(0.75)
    const place = m.place as { start: { offset: number }; end: { offset: number } }
    expect([place.start.offset, place.end.offset]).toEqual([4, 15])
  })

  it('finds two slips of doubling and capitalises for a sentence’s first word', async () => {
    const text = 'Nonethless, the minister said the talks would resume tommorow in the capital.\n'
    expect(byRule(await lint(text), rule).map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['Nonethless', 'Nonetheless'],
      ['tommorow', 'tomorrow'],
    ])
  })

  it('knows names, British spellings, compounds and regular derivations', async () => {
    const text =
      'Sergei Shoigu met Kim Jong Un in Pyongyang, and Mohammed bin Salman spoke to Bashar al-Assad. ' +
      'The organisation criticised the programme, the centre defended its travelling fans, and the colour of the neighbourhood changed. ' +
      'Unexploded shells lay near the frontline; the pre-election livestream was unwatchable, and a winless side was relegated. ' +
      'Ministers were learnt in such matters, amongst other things, and the de facto leader stayed. ' +
      'Zhukovsky, Kharkiv and Dnipro were shelled; Shoigu’s deputies and the Kyiv-based agency said so.\n'
    expect(byRule(await lint(text), rule)).toEqual([])
  })

  it('leaves addresses, numbers, abbreviations and a document’s own vocabulary alone', async () => {
    const text =
      'Write to editor@newsdesk.example or see www.examplle.com/pagge for the 5bn plan, the 20mph limit and kwh prices. ' +
      'The zorbing craze spread fast; zorbing clubs opened in every town.\n'
    expect(byRule(await lint(text), rule)).toEqual([])
  })

  it('does not report a span a name rule already reported', async () => {
    const text = 'Officials said the annoucement would come on Friday.\n'
    const start = text.indexOf('annoucement')
    // A stand-in for a name rule that ran first and reported the same word.
    function earlier() {
      return (_tree: Root, file: VFile) => {
        const message = file.message('stand-in', { place: { start: { line: 1, column: start + 1, offset: start }, end: { line: 1, column: start + 12, offset: start + 11 } }, ruleId: 'corrupted-name', source: 'namelint' })
        message.fatal = false
      }
    }
    const run = async (withEarlier: boolean) => {
      let processor = unified().use(retextChunkedLatin).use(namelintDictionary) as unknown as Processor
      if (withEarlier) processor = processor.use(earlier) as unknown as Processor
      processor = processor.use(spelling) as unknown as Processor
      const file = new VFile({ path: 'a.txt', value: text })
      await processor.run(processor.parse(file), file)
      return file.messages.filter((m) => m.ruleId === rule)
    }
    expect(await run(false)).toHaveLength(1)
    expect(await run(true)).toEqual([])
  })

  it('has options for accepted words, words far from every word and first words', async () => {
    const text = 'Reisurance firms rose. The annoucement on qwzxtlion was delayed.\n'
    const all = (m: Awaited<ReturnType<typeof lint>>) => byRule(m, rule).map((x) => x.actual)
    expect(all(await lint(text))).toEqual(['Reisurance', 'annoucement'])
    expect(all(await lint(text, { rules: { spelling: ['warning', { words: ['Annoucement'] }] } }))).toEqual(['Reisurance'])
    expect(all(await lint(text, { rules: { spelling: ['warning', { capitalised: false }] } }))).toEqual(['annoucement'])
    expect(all(await lint(text, { rules: { spelling: ['warning', { requireSuggestion: false }] } }))).toEqual(['Reisurance', 'annoucement', 'qwzxtlion'])
    expect(all(await lint(text, { rules: { spelling: 'off' } }))).toEqual([])
    expect(byRule(await lint(text, { rules: { spelling: 'error' } }), rule)[0].fatal).toBe(true)
  })
})
