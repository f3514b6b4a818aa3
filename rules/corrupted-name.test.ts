import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { byRule, lint } from '../test/helpers/lint.js'

/** The spans corrupted-name reports in `text`, each with its first correction. */
async function corrections(text: string, options?: Parameters<typeof lint>[1]): Promise<Array<[string | undefined, string | undefined]>> {
  return byRule(await lint(text, options), 'corrupted-name').map((m) => [m.actual ?? undefined, m.expected?.[0]])
}

describe('corrupted-name', () => {
  it('flags a mangled demonym with its correction, possessive and all', async () => {
    const messages = byRule(
      await lint('North Korean troops crossed into Russia last year. The North Quaran leader thanked Moscow, and North Korea said more would follow.\n'),
      'corrupted-name',
    )
    expect(messages).toHaveLength(1)
    const [m] = messages
    expect(m.actual).toBe('North Quaran')
    expect(m.expected?.[0]).toBe('North Korean')
    expect(m.source).toBe('namelint')
    expect(m.note).toMatch(/of or from North Korea/)
    expect(m.place && 'start' in m.place && m.place.start.offset).toBe(55)
  })

  it('reads a name joined by an ampersand as one name, at the start of a sentence too', async () => {
    const text = 'Marks & Spenver has cut prices across its stores. Rivals at Procter & Gambel said they would wait and see.\n'
    expect(await corrections(text)).toEqual([
      ['Marks & Spenver', 'Marks & Spencer'],
      ['Procter & Gambel', 'Procter & Gamble'],
    ])
    // Either way of writing the name is the name.
    expect(await corrections('Shares in Marks and Spencer rose, and Marks & Spencer said more would follow.\n')).toEqual([])
  })

  it('does not take a Chinese family name before an unknown given name for a mention of a known namesake', async () => {
    // Liu Xiaoming is known; "Liu Zhonghua" is another Liu, and "Xiaoling" a well-formed given name, not a slip.
    const text =
      "China's trade figures were reported by Xinhua. The report, by reporters Zhang Shangwu and Hu Panpan with correspondent Liu Xiaoling, said exports rose. Photographs by Liu Zhonghua, in Beijing. Chinese officials in Beijing welcomed the figures.\n"
    expect(await corrections(text)).toEqual([])
  })

  it('takes a first name for evidence where the document names that person by the surname elsewhere', async () => {
    const text = 'Kuznetsova won the final in straight sets on Saturday. Afterwards Svetlana Koznezova said she was pleased with her serve. Kuznetsova will play in Moscow next week.\n'
    expect(await corrections(text)).toEqual([['Svetlana Koznezova', 'Svetlana Kuznetsova']])
    // Only the surname agrees in "Alan Clark" (a given name too): no evidence that he is Helen Clark, named in full.
    const clarks = 'New Zealand prime minister Helen Clark opened the festival. In the comedy categories, Early Doors and The Alan Clark Diaries will compete for the best series award.\n'
    expect(await corrections(clarks)).toEqual([])
  })

  it('finds a slip of the finger on a name whose skeleton has two letters', async () => {
    // Uruguay's skeleton is "rg": the f struck for the g beside it makes "rf".
    expect(await corrections('The minister has toured Latin America, from Mexico to Urufuay, this month.\n')).toEqual([['Urufuay', 'Uruguay']])
  })

  it('takes a first name only one known person bears for evidence of him', async () => {
    const text = 'The Israeli government met in Jerusalem on Sunday. The Prime Minister of Israel, Naftali Benet, told the Knesset that schools in Tel Aviv and Haifa would open as planned.\n'
    expect(await corrections(text)).toEqual([['Naftali Benet', 'Naftali Bennett']])
  })

  it('reads a pinyin word after a common Chinese family name as a given name, not a place', async () => {
    // "Yannan" is no slip of Yunnan: Dong Yannan is a translator.
    expect(await corrections('The Chinese edition of the novel was translated by Dong Yannan and published in Beijing last year.\n')).toEqual([])
  })

  it('weighs a repeated spelling no list knows as a name less than a repeated known name', async () => {
    // Machine translation repeats its slip as often as the source names the person.
    const text = 'The poet Sergei Esenin moved to Moscow in 1912. Friends said Essenin wrote at night. In 1923 Essenin returned from Paris, and Essenin left for Leningrad two years later.\n'
    expect(await corrections(text)).toEqual([
      ['Essenin', 'Esenin'],
      ['Essenin', 'Esenin'],
      ['Essenin', 'Esenin'],
    ])
  })

  it('takes the rest of a place name for evidence even when its first word may be a first name', async () => {
    // "North" is also a first name; that makes "North Quaran" no person.
    const found = byRule(await lint('Officials said the North Quaran units had left the border area by Friday.\n'), 'corrupted-name')
    expect(found.map((m) => [m.actual, m.expected?.[0]])).toEqual([['North Quaran', 'North Korean']])
    expect(found[0].note).toMatch(/the rest of the name matches/)
  })

  it('corrects a short-skeleton slip toward a name the document uses', async () => {
    const text = 'Protesters filled the streets of Bucharest. Within a year Ronania has gone from a stable member of the union to a divided one. The leader of Romania spoke on Sunday.\n'
    const messages = byRule(await lint(text), 'corrupted-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Ronania', 'Romania']])
  })

  it('reads a lower-case "general" or "chief" before a word as an adjective, not a title', async () => {
    const text = 'Refugees who stay are absorbed into the general Palesstinian population, the report said.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Palesstinian', 'Palestinian']])
  })

  it('takes a demonym after a verb of speaking or translating for the name of a language', async () => {
    const text = 'The guide speaks only Russyan, and the menu was translated into Japanse for the visitors.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['Russyan', 'Russian'],
      ['Japanse', 'Japanese'],
    ])
  })

  it('does not suggest another slip of the same name from the document', async () => {
    const text = 'Prime Minister Tony Blair spoke in London on Monday. Mr Blaer said the plan would work. Critics said Mr Bler had misjudged the mood.\n'
    const messages = byRule(await lint(text), 'corrupted-name')
    expect(messages.map((m) => [m.actual, m.expected])).toEqual([
      ['Blaer', ['Blair', 'Blatter']],
      ['Bler', ['Blair']],
    ])
  })

  it('flags a misspelt country and keeps the possessive', async () => {
    expect(await corrections('Talks between Germany and France resumed. Gefmany\'s finance minister said the deal was close.\n')).toEqual([["Gefmany's", "Germany's"]])
  })

  it('knows Britain and America, the short names news uses for the UK and the US', async () => {
    expect(await corrections('Food prices in Britian rose faster than anywhere in Europe, the Bank of England said.\n')).toEqual([['Britian', 'Britain']])
    // Below the default bar (a slip of two letters with nothing else for it), but toward America, not Murcia.
    const low = byRule(await lint('Trade between China and Amercia fell sharply, officials said.\n', { rules: { 'corrupted-name': ['warning', { threshold: 0.5 }] } }), 'corrupted-name')
    expect(low.map((m) => m.expected?.[0])).toEqual(['America'])
  })

  it('corrects in the number the span needs, in the spelling the document uses', async () => {
    // The document writes the demonym in the plural; a mangled singular gets the singular, a mangled plural the plural.
    expect(await corrections('Thousands of Ghanaians lined the streets of Accra. The Ghanian president said the vote was fair.\n')).toEqual([['Ghanian', 'Ghanaian']])
    expect(await corrections('Many Rwandans fled in 1994, mostly Tutsis. Tutis and Hutus now live side by side in the hills.\n')).toEqual([['Tutis', 'Tutsis']])
  })

  it('takes a preposition that introduces a place as evidence for a place', async () => {
    // "in"/"from" before the word lift a place over the bar; the same word before a noun, or after "to", stays unflagged.
    expect(await corrections('The band will play two dates in Peris next month.\n')).toEqual([['Peris', 'Paris']])
    expect(await corrections('The minister flew in from Peris on Monday.\n')).toEqual([['Peris', 'Paris']])
    expect(await corrections('An eighth Peris firm has been given a month to reply.\n')).toEqual([])
    expect(await corrections('Aid was sent, according to Peris, a local charity.\n')).toEqual([])
    // Still no slip: an acronym in the title case house styles give it (UNRWA), a name whose possessive is part of it.
    expect(await corrections('Donors sent more funding into Unrwa this year.\n')).toEqual([])
    expect(await corrections("A service of prayer was held in St George's Chapel at noon.\n")).toEqual([])
  })

  it('gives a demonym\'s plural as the language makes it', async () => {
    // "Dane" is an accepted spelling of the Danish demonym: its plural is "Danes", never "Danishs".
    const messages = byRule(await lint('Danish fans filled the square. Three Daness were arrested after the match.\n'), 'corrupted-name')
    expect(messages.map((m) => m.expected?.[0])).toEqual(['Danes'])
  })

  it('writes umlauts in a correction the way the slip writes them', async () => {
    // "Schroedre" spells the umlaut out: the correction does too (Schroeder is an accepted spelling of Schröder).
    expect(await corrections('Former chancellor Gerhard Schroeder spoke in Berlin. Mr Schroedre said the talks had failed.\n')).toEqual([['Schroedre', 'Schroeder']])
    const plain = byRule(await lint('Former chancellor Gerhard Schroeder spoke in Berlin. Mr Schrödre said the talks had failed.\n'), 'corrupted-name')
    expect(plain.map((m) => m.expected?.[0])).toEqual(['Schröder'])
  })

  it('does not flag correct names, accepted variants or ordinary words', async () => {
    const text =
      'Meanwhile, the Korean Central News Agency said Kim Jong-un met Sergei Shoigu in Pyongyang. ' +
      'Press reports in Kyiv and Moscow said Sergey Shoygu left on Thursday. The Central Bank said nothing.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('knows the banks, brokers and research firms whose analysts the news quotes', async () => {
    const text =
      '"Margins will recover," said Paula Grant, an analyst at brokers Jefferies. Analysts at Peel Hunt, Investec and ' +
      'Capital Economics agreed, while Gartner and Mintel expect sales to fall.\n'
    expect(byRule(await lint(text), 'corrupted-name')).toEqual([])
  })

  it('takes a word three letter edits from a known name for another name, unless the document uses that name', async () => {
    const lineup = 'Rovers (4-4-2): Dunne; Hoyte, Keller, Amos, Pryce; Walsh, Moreno, Tidy, Okafor; Brandt, Lowry. Subs: Marsh, Ellery, Kemp, Doyle.\n'
    expect(byRule(await lint(lineup), 'corrupted-name')).toEqual([])
    // Toward a name the document uses, three edits can still be a slip.
    const named = byRule(await lint('Chelsea won again on Saturday. Tchalsa host Everton next week.\n'), 'corrupted-name')
    expect(named.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Tchalsa', 'Chelsea']])
  })

  it('takes a word set after a relative and a comma for that relative\'s name', async () => {
    const text = 'London police said the boy was safe. Officers in Manchester and Leeds agreed. His father, Wilas, wept when the police called.\n'
    expect(byRule(await lint(text), 'corrupted-name')).toEqual([])
    // Without the relative, the same word in a text about Britain reads as a slip of Wales.
    const bare = byRule(await lint('London police said the boy was safe. Officers in Manchester and Leeds agreed. Wilas wept when the police called.\n'), 'corrupted-name')
    expect(bare.map((m) => m.expected?.[0])).toEqual(['Wales'])
  })

  it('takes the names of a team line-up for people, not places', async () => {
    const lineUp = 'The match in Leeds drew a crowd from London and Manchester. Replacements: Elford, Sigsworth, Cornwell, Naylor, Page, Dyer, Mauger.\n'
    expect(byRule(await lint(lineUp), 'corrupted-name')).toEqual([])
    // Without the marks of a line-up, a list of words is not one.
    const list = byRule(await lint('The match in Leeds drew a crowd from London and Manchester. Fans came from Elford, Sigsworth and Cornwell.\n'), 'corrupted-name')
    expect(list.map((m) => m.expected?.[0])).toEqual(['Cornwall'])
  })

  it('takes a word that is some person\'s name for a name of its own sooner than for a slip', async () => {
    // Both are surnames in their own right, not slips of Miller or Paris.
    const text = 'London and Manchester fans travelled to Leeds. Millar said the squad was ready. Fans in Rome and Milan were delighted. Parisse led the side out.\n'
    expect(byRule(await lint(text), 'corrupted-name')).toEqual([])
  })

  it('does not take a clause with a verb of saying after the name for a description of it', async () => {
    const text = 'Fans came from Leeds and London. He will bring the cup back to Manchster, the coach said.\n'
    expect(await corrections(text)).toEqual([['Manchster', 'Manchester']])
  })

  it('takes the word after some person\'s name for the rest of that name, family name first too', async () => {
    const text = 'The region has built new ski slopes. Retired teacher Gao Makong lives in a village near the slopes.\n'
    expect(await corrections(text)).toEqual([])
    // Not after a word that opens names of places ("Los", "Las").
    expect(await corrections('The tour ends with two nights in Las Vegs in June.\n')).toEqual([['Las Vegs', 'Las Vegas']])
  })

  it('does not turn unknown people into places', async () => {
    const text = 'Coach Brian Barwick praised Ricky Simms, and Alexandra Byrne thanked Andrea Arnold.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('takes a surname after an unknown first name for the rest of an unknown name, but still corrects after a title', async () => {
    // Burema is a slip of Burma by itself; after a first name namelint does not know, it is that person's surname.
    expect(await corrections('With extra reporting by Anneloes Burema in Utrecht.\n')).toEqual([])
    expect(await corrections('The designer Okwudili Burema opened a shop in the city.\n')).toEqual([])
    expect(await corrections('Defence minister Sergei Shoigu arrived on Monday. Mr Shuigu said the talks went well.\n')).toEqual([['Shuigu', 'Shoigu']])
  })

  it('leaves words made of a name and an ending alone, even beside the name', async () => {
    const text = 'YouTube removed the video on Monday. A popular YouTuber was arrested on Friday after the video spread.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('respects its threshold option and can be switched off', async () => {
    const text = 'Talks between Germany and France resumed. Gefmany said the deal was close.\n'
    expect(await corrections(text, { rules: { 'corrupted-name': ['warning', { threshold: 1.01 }] } })).toEqual([])
    expect(await corrections(text, { rules: { 'corrupted-name': 'off' } })).toEqual([])
    const errors = byRule(await lint(text, { rules: { 'corrupted-name': 'error' } }), 'corrupted-name')
    expect(errors[0].fatal).toBe(true)
  })

  it('flags keyboard slips of known names', async () => {
    expect(await corrections('Exports to Malwaysia and Thailand fell in the spring. Senior officials in Beriln and Paris agreed.\n')).toEqual([
      ['Malwaysia', 'Malaysia'],
      ['Beriln', 'Berlin'],
    ])
  })

  it('does not read a slip as a plural or a derived word', async () => {
    // "Cnnes" is no plural of CNN, nor "Indion" a word made from a place called Indio.
    expect(await corrections('The film festival in Cnnes opened on Tuesday and Cannes hotels were full. She became the first Indion player to reach the final.\n')).toEqual([
      ['Cnnes', 'Cannes'],
      ['Indion', 'Indian'],
    ])
  })

  it('flags a slip of a name the document uses, even when the slip is also a given name', async () => {
    const text = 'The captain, Roy Keane, was booked in the first half. After the match Kean said the referee had been fair.\n'
    expect(await corrections(text)).toEqual([['Kean', 'Keane']])
  })

  it('does not take a lone word that may be a month for the person the given name slips toward', async () => {
    const text = 'The lender Fannie Mae said in May that its results would be restated.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('corrects a slip of an accepted variant to the canonical spelling', async () => {
    // The document spells him the accepted way once ("Sergey Shoygu"); the slip is corrected to the canonical form.
    const text = 'Security Council secretary Sergey Shoygu arrived in Pyongyang on Friday. Shog praised the troops and said Russia would rebuild the bridges.\n'
    const [m] = byRule(await lint(text), 'corrupted-name')
    expect([m.actual, m.expected?.[0]]).toEqual(['Shog', 'Shoigu'])
  })

  it('gives a repeated misspelling the correction its full-name use earned', async () => {
    const text =
      'The talks with Washington must go on, said Tommy Piggott, the State Department spokesman, on Tuesday. ' +
      'Piggott said the United States would answer the letter within a week.\n'
    const found = byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])
    expect(found).toEqual([
      ['Tommy Piggott', 'Tommy Pigott'],
      ['Piggott', 'Pigott'],
    ])
  })

  it('weighs a coordinated name of the same kind ("the X and Kursk regions")', async () => {
    const text = 'Two bridges in the Briance and Kursk regions of Russia collapsed overnight, Russian officials said.\n'
    const [m] = byRule(await lint(text), 'corrupted-name')
    expect([m.actual, m.expected?.[0]]).toEqual(['Briance', 'Bryansk'])
    expect(m.note).toMatch(/listed with another name of its kind/)
  })

  it('weighs the other items of a short list: bodies of one kind, places of one country', async () => {
    const text = 'Several carmakers, including Heendai, Toyota and Ford, already build cars there.\n'
    const [m] = byRule(await lint(text), 'corrupted-name')
    expect([m.actual, m.expected?.[0]]).toEqual(['Heendai', 'Hyundai'])
    expect(m.note).toMatch(/listed with another name of its kind/)
    // Alone, nothing says which Heendai is meant; in a long roll of surnames, some surname is always a town somewhere.
    expect(byRule(await lint('Heendai already builds cars there.\n'), 'corrupted-name')).toEqual([])
    expect(byRule(await lint('County side: Marsh, Dean, Balmer, Hollis, Ferguson, Buffel, Carter, Ward, Pryce.\n'), 'corrupted-name')).toEqual([])
  })

  it('leaves names of their own alone: prefixed surnames, regional adjectives, initials that disagree', async () => {
    const text =
      'Ireland named M O\'Kelly and P Kelly in the pack. The East Anglian Daily Times reported the vote. ' +
      'South Africa picked J Fourie on the wing.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('reads the spellings romanisations give one sound: "tch" for "ch", "th" for "s"', async () => {
    const text = "The band announced more concerts in Tchina, and Tchaikovsky's concerto opens the tour. The final is in Asens in May.\n"
    const found = byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])
    expect(found).toEqual([
      ['Tchina', 'China'],
      ['Asens', 'Athens'],
    ])
  })

  it('undoes OCR misreadings into known names', async () => {
    const text = 'BraziI and ItaIy signed the accord. The board met in Murnbai, and talks in Lonclon follow.\n'
    const found = byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])
    expect(found).toEqual([
      ['BraziI', 'Brazil'],
      ['ItaIy', 'Italy'],
      ['Murnbai', 'Mumbai'],
      ['Lonclon', 'London'],
    ])
  })

  it('undoes an "rn" read as one "m" in a long word, not in a short one', async () => {
    const long = 'Wildfires spread across northern Califomia on Monday.\n'
    expect(byRule(await lint(long), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Califomia', 'California']])
    // "Kem" may as well be a name of its own as Kern misread.
    expect(byRule(await lint('The delegation was led by Kem, a veteran negotiator.\n'), 'corrupted-name')).toEqual([])
  })

  it('finds a name with a letter slipped in between two of the same', async () => {
    const text = 'He met Palestiniabn leader Yasser Arafat twice that year.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Palestiniabn', 'Palestinian']])
  })

  it('knows the continents, and their names in other languages as accepted spellings', async () => {
    const text = 'Leaders said Europpe must spend more on defence. The Move Afrika concert was held in Kigali.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Europpe', 'Europe']])
  })

  it('accepts no romanisation variant of a place of no one country, known by its English name', async () => {
    const text = 'Colombia in South America and Mexico in North Ameryca were hit especially hard.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['North Ameryca', 'North America']])
  })

  it('judges a name of several words by what stands around the whole name, not around its doubtful word', async () => {
    // "Rio" may be a first name, but here it opens the name of the Brazilian state: no person's name follows it.
    const text = 'Floods hit the southern state of Rio Grende do Sul on Monday.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Rio Grende do Sul', 'Rio Grande do Sul']])
  })

  it('takes a name with an "-i" that puts out its last letter for a slip, not a word made from the place', async () => {
    const text = 'Flights from Sydnei to Brisbani were cancelled as the storm hit.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['Sydnei', 'Sydney'],
      ['Brisbani', 'Brisbane'],
    ])
    // Words made with "-i" from a whole name, or in place of its last "a", are words.
    const words = 'Iraqi, Bengali, Somali, Nepali and Kashmiri officials met Israeli envoys.\n'
    expect(byRule(await lint(words), 'corrupted-name')).toEqual([])
  })

  it('takes the slot of a dateline for a news agency', async () => {
    const text = 'WASHINGTON (Reutes) - The Senate passed the bill late on Tuesday.\n'
    const dateline = byRule(await lint(text), 'corrupted-name')
    expect(dateline.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Reutes', 'Reuters']])
    // Out of a dateline the slip is as doubtful as any other slip of a news agency.
    const elsewhere = byRule(await lint('The senator said the bill (Reutes) would pass.\n'), 'corrupted-name')
    const confidence = (m: (typeof dateline)[number]) => (m.data as { confidence: number }).confidence
    expect(confidence(dateline[0]) - confidence(elsewhere[0])).toBeGreaterThan(0.05)
  })

  it('takes a word made from a place for a slip when the place has its own word listed', async () => {
    // European and African are listed: "Europian" and "Afrikan" are slips of them, not new words made from Europe and Africa.
    const text = 'Europian leaders met Southern Afrikan envoys in Brussels.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['Europian', 'European'],
      ['Southern Afrikan', 'Southern African'],
    ])
    // So is a word made otherwise: with European listed, "Europi" is no word of Europe's.
    expect(byRule(await lint('Several schemes operate in Europi, like Portugal.\n'), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Europi', 'Europe']])
    // Words made from places with no word of their own listed stay words.
    const derived = 'The Mesopotamian and Anatolian finds went on show beside Californian wines.\n'
    expect(byRule(await lint(derived), 'corrupted-name')).toEqual([])
  })

  it('accepts romanisation variants only of names from other scripts, and umlauts spelt out', async () => {
    // Florida and Maryland are written in the Latin script: one spelling each, so these are slips.
    const text = 'Voters in Mariland and Floryda went to the polls on Tuesday.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['Mariland', 'Maryland'],
      ['Floryda', 'Florida'],
    ])
    // Russian and Ukrainian names reach English in several romanisations; a German umlaut is often spelt out.
    const accepted = 'The former chancellor Gerhard Schroeder met Yulya Tymoshenko and Aleksandr Lukashenko.\n'
    expect(byRule(await lint(accepted), 'corrupted-name')).toEqual([])
  })

  it('takes no romanisation variant or derived word of a country for accepted because a lesser place shares the name', async () => {
    const text = 'Volunteers delivered generators to Ukrayne before the winter.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Ukrayne', 'Ukraine']])
    const derived = 'There is a great risk that Ukraini will be forced to give up territory.\n'
    expect(byRule(await lint(derived), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Ukraini', 'Ukraine']])
  })

  it('takes the role written before a name for evidence of the person known by it', async () => {
    const text = 'Foreign Secretary Jack Strao will visit Auschwitz for the anniversary, officials in London said. Prince Edward will join the British delegation.\n'
    const messages = byRule(await lint(text), 'corrupted-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Jack Strao', 'Jack Straw']])
    expect(messages[0].note).toMatch(/"foreign secretary", is this person's/)
  })

  it('takes a capital inside a word for styling, not a slip of a name without one', async () => {
    const text = 'Lawmakers in Kentucky and Ohio said the MeToo movement had changed Washington.\n'
    expect(byRule(await lint(text), 'corrupted-name')).toEqual([])
    // A name with a capital inside is still corrected, and an "I" inside may be an OCR "l".
    const named = byRule(await lint('Florida Governor Ron DeSantos signed the bill, and BraziI objected.\n'), 'corrupted-name')
    expect(named.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Ron DeSantos', 'Ron DeSantis'], ['BraziI', 'Brazil']])
  })

  it('takes a letter doubled where the name has it once for a slip, not a romanisation', async () => {
    const text = 'Turkmen President Saparmurat Niyazov signed the deal. Mr Nyyazov said his government would insist on the price.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Nyyazov', 'Niyazov']])
    // A romanisation variant is still accepted.
    expect(byRule(await lint('Defence Minister Sergei Shoigu spoke. Sergey Shoygu said more.\n'), 'corrupted-name')).toEqual([])
  })

  it('finds a name whose digraph lost its first letter to a slip', async () => {
    const text = 'The Scots played against the Frenvh on Saturday and lost by three points.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Frenvh', 'French']])
  })

  it('does not take a proper noun of the dictionary after the word for the rest of a person\'s name', async () => {
    const text = 'I remember supporting her at the Seoull Olympics, a long time ago.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Seoull', 'Seoul']])
    // A given name after it still is ("Childe Harold", a title).
    expect(byRule(await lint("I never managed to read Lord Byron's Childe Harold's Pilgrimage.\n"), 'corrupted-name')).toEqual([])
  })

  it('counts a doubled x once, like any doubled letter', async () => {
    const text = 'Funding for a wall on the border with Mexxico was blocked again.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Mexxico', 'Mexico']])
  })

  it('takes no word for one made from a demonym but its plural', async () => {
    const text = 'Officials said he would meet Chinesi President Xi Jinping next month.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['Chinesi', 'Chinese']])
  })

  it('takes a plural "s" only on the whole name of a place, not on its stem ("Africs")', async () => {
    const text = 'The kingdom grew to include more and more of East Africs over the century.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([['East Africs', 'East Africa']])
  })

  it('does not take a hissing word plus "s" for a plural or a derived word ("Texass")', async () => {
    const text = 'Temperatures hit 40C in Texass on Sunday, and the heat is expected to last into next week.\n'
    const messages = byRule(await lint(text, { rules: { 'corrupted-name': ['warning', { threshold: 0.8 }] } }), 'corrupted-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Texass', 'Texas']])
  })

  it('undoes an OCR misreading of one word of a known name of two words', async () => {
    const text = 'He said El SaIvador would take the prisoners, and the gang Mara SaIvatrucha was named a terrorist group.\n'
    expect(byRule(await lint(text), 'corrupted-name').map((m) => [m.actual, m.expected?.[0]])).toEqual([
      ['El SaIvador', 'El Salvador'],
      ['Mara SaIvatrucha', 'Mara Salvatrucha'],
    ])
  })

  it('reads no OCR confusion into a place where the word is a surname (after a given name or a title)', async () => {
    expect(await corrections('Currency traders were cautious, said Paul Mackel, an economist in London.\n')).toEqual([])
    expect(await corrections('Currency traders were cautious, said Mr Mackel, an economist in London.\n')).toEqual([])
  })

  it('accepts an umlaut written out with an e, and -sky for -skiy, as romanisations', async () => {
    expect(await corrections('Saab built cars in Trollhaettan in Sweden for decades.\n')).toEqual([])
    expect(await corrections('Drones struck Volzhsky overnight, Russian officials said.\n')).toEqual([])
  })

  it('does not give a surname after one first name to the person of another first name the document names', async () => {
    const text = 'Michael Moore attended the festival. The jury praised Anne Moreau for her role.\n'
    expect(await corrections(text)).toEqual([])
    // Where the document gives the surname no first name of its own ("Ms Robertson"), the slip is still caught.
    expect(await corrections('Ms Robertson opened the inquest on Monday. Coroner Kate Roberston said the climber fell.\n')).toEqual([['Roberston', 'Robertson']])
  })

  it('takes the surname of a person the document names in full for a form of that person, listed or not', async () => {
    // A house dictionary that lists the coach under his full name only, as curated data does for common surnames.
    const dir = mkdtempSync(path.join(tmpdir(), 'namelint-surname-'))
    const file = path.join(dir, 'house.yaml')
    writeFileSync(file, 'entities:\n  - id: person-wendell-throckmartin\n    type: person\n    name: Wendell Throckmartin\n    description: rugby coach\n')
    const text = 'The coach, Wendell Throckmartin, watched the tape on Sunday. "We must be sharper," Throckmorten told reporters.\n'
    expect(await corrections(text, { dictionaries: [file] })).toEqual([['Throckmorten', 'Throckmartin']])
  })

  it('gives a first name after "in" part of its penalty back toward a place ("in Landon\'s Leicester Square")', async () => {
    const text = "The UK premiere was held in Landon's Leicester Square on Thursday. Dinner was served in Maria's kitchen, then in Stacey's flat.\n"
    expect(await corrections(text)).toEqual([["Landon's", "London's"]])
  })

  it('takes a news agency for likelier than an organisation at large ("he told Reotrs")', async () => {
    const messages = byRule(await lint('Our cash flow situation is good, he told Reotrs in an interview on Monday.\n'), 'corrupted-name')
    expect(messages.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Reotrs', 'Reuters']])
    // Only whole words of its description describe it: "interview" says nothing of an "international news agency".
    expect(messages[0].note).not.toMatch(/interview/)
  })

  it('takes no function word in title case for a mention of a place ("Pirates Of The Caribbean" names no town of Of)', async () => {
    const text = 'Depp could play a role like the one in Pirates Of The Caribbean. The bearded hippy, Yoffi, could come back too.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('takes common nouns right after or before a span that say what the candidate is for evidence ("the Rautrs news agency")', async () => {
    expect(await corrections('Prices fell sharply on Monday, according to the Rautrs news agency.\n')).toEqual([['Rautrs', 'Reuters']])
    // Any place may be followed by "region": only the candidate's own description counts.
    expect(await corrections('Is red miso sold in the Kanto region? Both kinds are popular there.\n')).toEqual([])
    // Or right before it, for a body or a place: "Chinese carmaker Gely" (0.80 without the word).
    expect(await corrections('Chinese carmaker Gely bought a stake in the firm.\n')).toEqual([['Gely', 'Geely']])
    expect(await corrections('Gely bought a stake in the firm.\n')).toEqual([])
  })

  it('judges a given name that stands for a later word of a known name ("Time Werner Inc"), but not after a first name or a title', async () => {
    expect(await corrections('Shares in the media group Time Werner Inc rose on Monday after the ruling.\n')).toEqual([['Time Werner Inc', 'Time Warner Inc.']])
    // "Stephen" and "Princess" open known names too (Stephen Curry, Princess Margaret), but a given name after them names someone else.
    expect(await corrections('Defender Stephen Carr Jones signed for Newcastle. Princess Marguerite Ann of Romania attended the wedding.\n')).toEqual([])
  })

  it('judges a given name before a lower-case word that only joins the run ("Flinn on Friday"), not one after a first name', async () => {
    const text = 'Former adviser Michael Flynn met the ambassador in December. Flinn on Friday pleaded guilty to lying.\n'
    expect(await corrections(text)).toEqual([['Flinn', 'Flynn']])
    expect(await corrections('Defender Stephen Carr of Newcastle was injured on Saturday.\n')).toEqual([])
  })

  it('takes the word after a first name for a surname, not the plural of a known name ("Kamala Harrys")', async () => {
    expect(await corrections('The seat is in a state that Kamala Harrys lost last November.\n')).toEqual([['Kamala Harrys', 'Kamala Harris']])
  })

  it('takes a word before an initial or a known surname for a first name, not a place', async () => {
    expect(await corrections('The dig was led by Parth K Rao, who teaches archaeology in Pune.\n')).toEqual([])
    expect(await corrections('The rapper, born Tirone Gonzalez, grew up in Caracas.\n')).toEqual([])
    expect(await corrections('Fans in Parth cheered the result on Sunday.\n')).toEqual([['Parth', 'Perth']])
  })

  it('takes the word after a name particle for the rest of a family name, even beside a similar name the document uses', async () => {
    const text = 'The lawyer Brian Gill spoke for the Crown. The team flew home via Paris Charles de Gaulle airport late that night.\n'
    expect(await corrections(text)).toEqual([])
  })

  it('leaves a word cut short by an escaped letter alone', async () => {
    expect(await corrections('Flights to Bogot&#225; resumed on Monday, and Medell&iacute;n reopened its airport.\n')).toEqual([])
  })

  it('does not read a word that stands as a noun as a slip of a demonym', async () => {
    expect(await corrections('The aid worker, Omnia, said the camp was full.\n')).toEqual([])
    expect(await corrections('Crowds filled Plaka, Omonia and Syntagma on Sunday.\n')).toEqual([])
    // As an adjective, in a list of adjectives, or as a noun with an article, it is still a slip.
    expect(await corrections('Omnia troops crossed the border. She said Franch, Jordnian and Nigarian nationals were held. Safin beat the Croatyan in four sets.\n')).toEqual([
      ['Omnia', 'Omani'],
      ['Franch', 'French'],
      ['Jordnian', 'Jordanian'],
      ['Nigarian', 'Nigerian'],
      ['Croatyan', 'Croatian'],
    ])
    // An article with one adjective before it makes a noun of it too ("the average American").
    expect(await corrections('The average Amerrican who itemized deductions paid less.\n')).toEqual([['Amerrican', 'American']])
  })

  it('takes a surname after an unknown first name for the rest of that name, even beside a similar name the document gives in full', async () => {
    const text = 'Sheikh Hasina fled to India last year. The foreign adviser, Tareqully Hossain, met diplomats in Dhaka.\n'
    expect(await corrections(text)).toEqual([])
    // After a title, a slip of the name the document uses is still one.
    expect(await corrections('Sheikh Hasina fled to India last year. Ms Hasinna met diplomats in Dhaka.\n')).toEqual([['Hasinna', 'Hasina']])
  })

  it('weighs the description the text gives a name against what the candidate is', async () => {
    expect(await corrections('Shares in Tusla, the Irish child welfare agency, were not affected.\n')).toEqual([])
    expect(await corrections('Gold may fall further, said John Reade, a strategist in London.\n')).toEqual([])
    // A description that fits the candidate, or an office a person may have held, leaves the slip a slip.
    expect(await corrections('Shares in Tesal, the electric car maker, rose. Gordon Brwn, the chancellor, spoke.\n')).toEqual([
      ['Tesal', 'Tesla'],
      ['Gordon Brwn', 'Gordon Brown'],
    ])
    // A comma after a name that ends a clause is no description.
    const clause = byRule(await lint('According to figures from the Lberians, the country\'s output rose.\n'), 'corrupted-name')
    expect(clause.map((m) => m.actual)).toEqual(['Lberians'])
    // Nor is one after a preposition opening the sentence: the comma ends an opening phrase.
    const opening = byRule(await lint('In Ukrainne, the operators of the largest banks answer customers all day.\n'), 'corrupted-name')
    expect(opening.map((m) => [m.actual, m.expected?.[0]])).toEqual([['Ukrainne', 'Ukraine']])
  })

  it('reads no OCR confusion into an English word inside a name', async () => {
    expect(await corrections('He appeared at Highbury Corner court on Monday, and the Clover Club met at Mill Corner.\n')).toEqual([])
  })

  it('takes the word after a title and a first name for a surname', async () => {
    expect(await corrections('China said talks in Beijing with Chinese Foreign Minister Li Zhaoxing went well, and Shanghai was next.\n')).toEqual([])
    // A slip of the person meant is still one.
    const person = byRule(await lint('Talks were held with Prime Minister Tony Blairr in London.\n'), 'corrupted-name')
    expect(person.map((m) => m.expected?.[0])).toEqual(['Tony Blair'])
  })

  it('takes a Russian adjective of a place in -sk for a word of its own', async () => {
    expect(await corrections('Russian officials in Moscow said most entries came from the Primorsky and Khabarovsky krais of Russia.\n')).toEqual([])
  })

  it('takes a word listed between commas beside known people for a person', async () => {
    expect(await corrections('Named in the squad were Cech, Ferreira, Terry, Gallas, Tiago, Makelele, Lampard and Duff.\n')).toEqual([])
    // Known first names count as people too.
    expect(await corrections('Texas and Ohio voted in the US. Archie, Lili, H and I all love it.\n')).toEqual([])
    // Beside places, or after a comma that ends a clause, a slip of a place is still one.
    const places = byRule(await lint('Trade fell in Lesotho, Sri Lanka, Bangaldesh and Cambodia. At a hall in Westminster, Lonndon, Mr Brown spoke.\n'), 'corrupted-name')
    expect(places.map((m) => m.expected?.[0])).toEqual(['Bangladesh', 'London'])
  })

  it('takes a spelling the document writes more often than the similar name it uses for a name of its own', async () => {
    const text = 'The agent denied the report. Rinaldi said Ronaldo was happy in Madrid. Rinaldi added that talks were over, and Rinaldi left for Rome.\n'
    expect(await corrections(text)).toEqual([])
    // Written more often than the slip, the name still corrects it.
    const slips = byRule(await lint('Ronaldo scored twice. Ronaldo smiled. Fans cheered Ronaldo, and Ronaldo waved. Later Ronaldoo said Ronaldoo was tired, and Ronaldoo slept.\n'), 'corrupted-name')
    expect(slips.map((m) => m.expected?.[0])).toEqual(['Ronaldo', 'Ronaldo', 'Ronaldo'])
  })

  it('takes a place the text puts in one country for no place of another', async () => {
    expect(await corrections('Snow fell overnight in Lesotho\'s Maloti mountains.\n')).toEqual([])
    // A slip of a place in that country is still one.
    const own = byRule(await lint('Flights to Germany\'s Berln were cancelled.\n'), 'corrupted-name')
    expect(own.map((m) => m.expected?.[0])).toEqual(['Berlin'])
  })

  it('reports a slip written twice when no list knows the word as a name', async () => {
    const text = 'The 31-year-old Leicesster prop will retire in May, with a final game at Twickenham against Wales. He led Leicesster to two titles and won 40 caps for England.\n'
    expect(await corrections(text)).toEqual([
      ['Leicesster', 'Leicester'],
      ['Leicesster', 'Leicester'],
    ])
  })

  it('does not count a month as a mention of a person who bears its name', async () => {
    // "May" the month is no evidence that the text is about Theresa May: "Omai" is a name of its own.
    const text = "Reynolds' Portrait of Omai goes on show in May. Portrait of Omai was sold at auction for a record sum.\n"
    expect(await corrections(text)).toEqual([])
    // After a title the word is the surname.
    expect(await corrections('Mrs May spoke on Monday. Theresa Mey told MPs the plan would stand.\n')).toEqual([['Theresa Mey', 'Theresa May']])
  })

  it('takes a consonant left out of a long name for a slip, not of a short one', async () => {
    expect(await corrections('Shares in Faebook fell on Monday, and schools in New South Wales and Victoia closed.\n')).toEqual([
      ['Faebook', 'Facebook'],
      ['Victoia', 'Victoria'],
    ])
    // Real names one letter short of a known long one stay alone: a given name, a surname after a first name.
    expect(await corrections('Brian Thomson, the actor, said Jonatan Pryce would star.\n')).toEqual([])
  })

  it('reads a known Chinese name with its given name split in two as that name, misspelt', async () => {
    const text = "Vice Premier He Li Feng opened the forum in Beijing, and President Xi Jin Ping's letter was read out.\n"
    expect(await corrections(text)).toEqual([
      ['He Li Feng', 'He Lifeng'],
      ["Xi Jin Ping's", "Xi Jinping's"],
    ])
    // Three syllables that make no known name are left alone, as is the name written as pinyin writes it.
    expect(await corrections('Reporters Zhang Shang Wu and Hu Pan Pan filed the story. He Lifeng spoke.\n')).toEqual([])
  })

  it('takes a Chinese name with a word that is no pinyin for a slip, not a romanisation', async () => {
    expect(await corrections('Chinese President Xi Jinpyng met officials, and stocks in Shanghay fell on Monday.\n')).toEqual([
      ['Xi Jinpyng', 'Xi Jinping'],
      ['Shanghay', 'Shanghai'],
    ])
    // A surname that is some person's name is no slip of a Chinese place ("Daly", Dali).
    expect(await corrections('Michael Daly, an analyst in Beijing, said sales rose.\n')).toEqual([])
  })

  it('takes a y for an i between consonants for a slip, but in Ukrainian and Belarusian names', async () => {
    expect(await corrections('There was no word from Vladimir Putyn on Monday.\n')).toEqual([['Vladimir Putyn', 'Vladimir Putin']])
    // Romanisations: y for й at the end or beside a vowel, and Ukrainian names either way.
    expect(await corrections('Dmitriy Peskov and Aleksey Navalny spoke, and Volodimir Zelensky replied.\n')).toEqual([])
  })

  it('reads a name opened by a sentence\'s first English word when the document uses that name', async () => {
    const text = 'The regulator sued to block the purchase of Time Warner on Monday. Analysts expect a long trial. Time Watner shares rose 2 percent.\n'
    expect(await corrections(text)).toEqual([['Time Watner', 'Time Warner']])
    // A name the document does not use is not read into a sentence's first word.
    expect(await corrections('Analysts expect a long trial. Time Watner shares rose 2 percent.\n')).not.toContainEqual(['Time Watner', 'Time Warner'])
  })

  it('takes a consonant struck twice inside a name for a slip', async () => {
    expect(await corrections('The poem, as Lermonntov wrote, was about the Caucasus.\n')).toEqual([['Lermonntov', 'Lermontov']])
    expect(await corrections('Later Howward said the vote was close.\n')).toEqual([['Howward', 'Howard']])
    // Names that are spelt with the double (a surname of its own) are left alone.
    expect(await corrections('Per Hansson, the Swedish envoy, said talks would resume. Mr Phillipps said the club would appeal.\n')).toEqual([])
  })

  it('weighs how often the document uses the name one letter off the spelling', async () => {
    // Yemen three times beside one "Yeen": 0.84 with one use, over the bar with three.
    const text = 'Yemen is at war. Aid groups in Yemen warned of famine. Talks on Yemen stalled. The Yeen government rejected the plan.\n'
    expect(await corrections(text)).toEqual([['Yeen', 'Yemen']])
    expect(await corrections('Aid groups in Yemen warned of famine. The Yeen government rejected the plan.\n')).toEqual([])
  })

  it('compares the letters, not only the skeletons, with names the document uses', async () => {
    // "Iridh" (rd) is one key from Irish (rsh); "Duai" (d) one letter short of Dubai (db).
    expect(await corrections('The Irish coach named his side on Friday. Irish fans travelled in their thousands. One of the Iridh players scored late.\n')).toEqual([['Iridh', 'Irish']])
    expect(await corrections('Flights to Dubai resumed on Monday. Dubai airport said delays would ease. Passengers in Duai were told to wait.\n')).toEqual([['Duai', 'Dubai']])
  })

  it('finds a name that lost a letter between two of the same, which the skeleton then counts once', async () => {
    // Reuters (rtrs) less its t is "Reuers" (rs); Clinton (klntn) less its t is "Clinon" (kln).
    expect(await corrections('WASHINGTON (Reuers) - Hillary Clinon said on Monday she would not run again.\n')).toEqual([
      ['Reuers', 'Reuters'],
      ['Hillary Clinon', 'Hillary Clinton'],
    ])
    // Or struck as a vowel: "Reuyers" (the y next to the t) is rs too.
    expect(await corrections('WASHINGTON (Reuyers) - The Senate voted on Monday to end the shutdown.\n')).toEqual([['Reuyers', 'Reuters']])
  })
})
