/**
 * Everyday words of English news that dictionary-en (an American general
 * dictionary) lacks, in lower case: British forms no rewrite in `british.ts`
 * derives, recent coinages, and the Latin and French of set phrases ("de
 * facto", "en masse"). Not names: the name dictionaries supply those.
 */
export const EXTRA_WORDS = new Set<string>(
  `
amongst amidst whilst learnt dreamt spoilt leant burnt spelt spilt smelt knelt onwards towards backwards forwards upwards downwards
afterwards aluminium cheque cheques despatch despatched despatches enquiry enquiries enquire enquired enquiring phoney tsar tsars
ageing benefitted benefitting storey storeys pyjamas furore broking rouble roubles protestor protestors bourse bourses debutant debutants olds
hotline hotlines hotspot hotspots adaptor adaptors artefact artefacts annexe chilli yoghurt titbit kerb gaol sceptre mum mums maths ok tv pc ie eg vs
gamer gamers backbencher backbenchers frontbencher frontbenchers influencer influencers cyber cybersecurity cyberattack cyberattacks
cybercrime crypto cryptocurrency cryptocurrencies blockchain telecoms telecom telco telcos wifi wi-fi sci-fi wellbeing renewables
financials millennials vlogger vloggers blogger bloggers livestream livestreamed podcast podcasts jihadi jihadis jihadist jihadists
mpox covid unvaccinated rebrand rebranded rebranding rebalance rebalanced rebalancing ethnicities militaries selfie selfies hashtag
hashtags emoji emojis app apps online offline email emails e-mail e-mails internet website websites smartphone smartphones
facto fide bona masse capita annum absentia vitro vivo memoriam prima facie et al cetera joie vivre raison etre fait accompli carte
blanche laissez faire bete noire coup etat quo per se ad hoc hominem alia ipso mea culpa sui generis vice versa quid pro modus
operandi jure en route deja vu
`
    .split(/\s+/)
    .filter(Boolean),
)
