import { describe, expect, it } from 'vitest'
import { byRule, lint } from '../test/helpers/lint.js'

const rule = 'acronym-expansion'

function offsets(m: Awaited<ReturnType<typeof lint>>[number]) {
  const place = m.place as { start: { offset?: number }; end: { offset?: number } }
  return [place.start.offset, place.end.offset]
}

describe('acronym-expansion', () => {
  it('flags a wrong expansion before a known acronym, over the expansion only', async () => {
    const text = 'Pyongyang said on Monday, citing the state-run North Korea Central Press (KCNA), that the test had succeeded.\n'
    const messages = byRule(await lint(text), rule)
    expect(messages).toHaveLength(1)
    const [m] = messages
    expect(m.actual).toBe('North Korea Central Press')
    expect(m.expected?.[0]).toBe('Korean Central News Agency')
    expect(offsets(m)).toEqual([text.indexOf('North Korea'), text.indexOf(' (KCNA)')])
    expect(m.source).toBe('namelint')
    expect(m.note).toMatch(/Korean Central News Agency: North Korea's state news agency/)
    expect(m.note).toMatch(/Confidence 0\.\d\d/)
    const data = (m as unknown as { data: { confidence: number; entity: string } }).data
    expect(data.entity).toBe('org-kcna')
    expect(data.confidence).toBeGreaterThan(0.6)
  })

  it('leaves a lower-case "the" before the expansion out of the span', async () => {
    const text = 'Envoys of the Democratic Republic (DPRK) met their counterparts in Geneva.\n'
    const [m] = byRule(await lint(text), rule)
    expect(m.actual).toBe('Democratic Republic')
    expect(m.expected?.[0]).toBe("Democratic People's Republic of Korea")
    expect(offsets(m)).toEqual([text.indexOf('Democratic'), text.indexOf(' (DPRK)')])
  })

  it('chooses where the expansion starts by letter count, capitals and likeness to the known one', async () => {
    const cases: Array<[string, string, string]> = [
      ['Most European League (EU) members backed the plan on Friday.\n', 'European League', 'European Union'],
      ['The deal between Japan and the United of America (USA) was signed in Osaka.\n', 'United of America', 'United States of America'],
      ['Inspectors from the International Atomic Power Agency (IAEA) arrived on Sunday.\n', 'International Atomic Power Agency', 'International Atomic Energy Agency'],
      ['Finance ministers and the International Monetary (IMF) agreed a loan.\n', 'International Monetary', 'International Monetary Fund'],
    ]
    for (const [text, actual, expected] of cases) {
      const messages = byRule(await lint(text), rule)
      expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([[actual, expected]])
    }
  })

  it('does not take a lost word, a bound suffix or another country for an accepted expansion', async () => {
    const cases: Array<[string, string, string]> = [
      ['Trade talks with the United States of (US) team ended early.\n', 'United States of', 'United States of America'],
      ['We asked the Union of Homeland Security (DHS) for comment.\n', 'Union of Homeland Security', 'Department of Homeland Security'],
      ['Exports to the United States of Mexico (US) fell sharply.\n', 'United States of Mexico', 'United States of America'],
      ['Officials at the British Broadcasting (BBC) declined to comment.\n', 'British Broadcasting', 'British Broadcasting Corporation'],
    ]
    for (const [text, actual, expected] of cases) {
      const messages = byRule(await lint(text), rule)
      expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([[actual, expected]])
    }
  })

  it('checks "ACR (Long Name)" and "ACR, the Long Name,"', async () => {
    const after = byRule(await lint('Talks with the DPRK (Democratic Republic of Korea) stalled again in March.\n'), rule)
    expect(after.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Democratic Republic of Korea', "Democratic People's Republic of Korea"]])
    const appositive = byRule(await lint('KCNA, the Korean Central Press, said the drills would continue.\n'), rule)
    expect(appositive.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Korean Central Press', 'Korean Central News Agency']])
  })

  it('spells the correction the way the document spells', async () => {
    const text = 'The privatisation plan was discussed by leaders of the North Atlantic Treaty Federation (Nato) in Brussels.\n'
    const [m] = byRule(await lint(text), rule)
    expect(m.expected?.[0]).toBe('North Atlantic Treaty Organisation')
  })

  it('keeps the writer\'s space or hyphen between the words of the correction', async () => {
    const spaced = byRule(await lint('The figures were confirmed to the news agency Agence Belgique Presse (AFP) on Tuesday.\n'), rule)
    expect(spaced.map((m) => m.expected?.[0])).toEqual(['Agence France Presse'])
    const hyphenated = byRule(await lint('The figures were confirmed to the news agency Agence Belgique-Presse (AFP) on Tuesday.\n'), rule)
    expect(hyphenated.map((m) => m.expected?.[0])).toEqual(['Agence France-Presse'])
    // A word short: nothing to align with, the canonical spelling.
    const short = byRule(await lint('The figures were confirmed to the news agency Agence Presse (AFP) on Tuesday.\n'), rule)
    expect(short.map((m) => m.expected?.[0])).toEqual(['Agence France-Presse'])
  })

  it('accepts known expansions however they are written', async () => {
    const text =
      'The Korean Central News Agency (KCNA) and the DPRK (Democratic People’s Republic of Korea) were named. ' +
      'KCNA, the Korean Central News Agency, said so. The KOREAN CENTRAL NEWS AGENCY (KCNA) repeated it, as did the korean central news agency (KCNA).\n' +
      'The International Labour Organisation (ILO), the Food & Agriculture Organization (FAO) and the Agence France Presse (AFP) reporter agreed. ' +
      'The Asia Pacific Economic Co-operation (Apec) forum met, and the Russian Federal Security Service (FSB) and the Islamic State (IS) were mentioned. ' +
      'Officials from the United States of America (USA), the Centers for Disease Control (CDC) and the UK Independence Party (UKIP) spoke.\n' +
      'Shares in the Industrial and Commercial Bank (ICBC) and Mitsubishi UFJ Financial Group Inc (MUFG) rose, said the Office for National Statistics (ONS).\n' +
      // A company word abbreviated, or left off at the end.
      'The British Broadcasting Corp (BBC) reported that shares in Mitsubishi UFJ Financial (MUFG) fell.\n' +
      // A sentence's ordinary words before the name, even with "of".
      'Shares of Mitsubishi UFJ Financial Group (MUFG) rose.\n'
    expect(byRule(await lint(text), rule)).toEqual([])
  })

  it('does not take another organisation with the same letters, or a description, for a wrong expansion', async () => {
    const text =
      'A candidate for the British National Party (BNP) stood down. Voters asked the Election Commission of India (EC) to act. ' +
      'The EU, the European Commission, and the member states disagreed. NATO, the Western alliance, met in Vilnius.\n'
    expect(byRule(await lint(text), rule)).toEqual([])
  })

  it('leaves a misspelt word of a known expansion to the name rules', async () => {
    const text = 'Experts at the International Atomic Enrgy Agency (IAEA) said the site was safe.\n'
    expect(byRule(await lint(text), rule)).toEqual([])
  })

  it('flags an unknown acronym only when the words clearly cannot spell it, at low confidence', async () => {
    const wrong = byRule(await lint('A spokesman for the Northern Rivers Water Authority (NRWB) said supplies were safe.\n'), rule)
    expect(wrong).toHaveLength(1)
    expect(wrong[0].actual).toBe('Northern Rivers Water Authority')
    expect(wrong[0].expected).toEqual([])
    expect((wrong[0] as unknown as { data: { confidence: number } }).data.confidence).toBeLessThanOrEqual(0.55)
    const fine =
      'The Northern Rivers Water Board (NRWB), Doctors Without Borders (MSF), the Kurdistan Workers’ Party (PKK), the Hindustan Aeronautics (HAL) ' +
      'plant, the Supreme Federal Court of Brazil (STF) and the Office of the Deputy Prime Minister (ODPM) were all named.\n'
    expect(byRule(await lint(fine), rule)).toEqual([])
    const off = await lint('A spokesman for the Northern Rivers Water Authority (NRWB) said supplies were safe.\n', { rules: { [rule]: ['warning', { unknown: false }] } })
    expect(byRule(off, rule)).toEqual([])
  })

  it('respects its threshold and severity', async () => {
    const text = 'Envoys of the Democratic Republic (DPRK) met their counterparts in Geneva.\n'
    expect(byRule(await lint(text, { rules: { [rule]: ['warning', { threshold: 0.99 }] } }), rule)).toEqual([])
    expect(byRule(await lint(text, { rules: { [rule]: 'off' } }), rule)).toEqual([])
    const [m] = byRule(await lint(text, { rules: { [rule]: 'error' } }), rule)
    expect(m.fatal).toBe(true)
  })
})
