/**
 * British and Commonwealth spellings, for a checker whose word list
 * (dictionary-en) is American: the American forms a British spelling may
 * correspond to ("organisation" -> "organization", "travelled" -> "traveled",
 * "centre" -> "center", "manoeuvre" -> "maneuver"). A word is accepted when
 * one of them is known.
 */

/** Single rewrites of British endings and letter groups. */
const REWRITES: Array<[RegExp, string]> = [
  [/is(e|ed|es|ing|er|ers|able)$/, 'iz$1'],
  [/isation/, 'ization'],
  [/([aeiou])lful(ly)?$/, '$1llful$2'],
  [/ys(e|ed|es|ing|er|ers)$/, 'yz$1'],
  [/our(s|ed|ing|er|ers|ite|ites|able|ably|ful|fully|less|hood|hoods|ist|ists|ism|y)?$/, 'or$1'],
  [/our(?=[a-z])/, 'or'],
  [/([^aeiou])re(s)?$/, '$1er$2'],
  [/([^aeiou])red$/, '$1ered'],
  [/tre(?=[a-z])/, 'ter'],
  [/ence(s)?$/, 'ense$1'],
  [/([aeiou])ll(ed|ing|er|ers|ery|ist|ists|ous)$/, '$1l$2'],
  [/([aeiou])lment(s)?$/, '$1llment$2'],
  [/([aeiou])ll(or|ors)$/, '$1l$2'],
  [/([aeiou])pp(ed|ing|er|ers)$/, '$1p$2'],
  [/([aeiou])ss(ed|ing|es)$/, '$1s$2'],
  [/is(ing|ed|es)$/, 'ic$1'],
  [/nc(e|ed|es|ing)$/, 'ns$1'],
  [/oul(?=d)/, 'ol'],
  [/ogu(?=ing|ed)/, 'og'],
  [/yre(s)?$/, 'ire$1'],
  [/eable$/, 'able'],
  [/([aeiou])l$/, '$1ll'],
  [/([aeiou])ls$/, '$1lls'],
  [/ogue(s)?$/, 'og$1'],
  [/amme(s)?$/, 'am$1'],
  [/llery$/, 'lry'],
  [/([^aeiou])ring$/, '$1ering'],
  [/gement(s)?$/, 'gment$1'],
  [/oeu/, 'eu'],
  [/ae/, 'e'],
  [/oe/, 'e'],
  [/sce/, 'ske'],
  [/^grey/, 'gray'],
  [/^mould/, 'mold'],
  [/^plough/, 'plow'],
  [/^axe(s)?$/, 'ax$1'],
  [/ise$/, 'ice'],
  [/ae/g, 'e'],
]

/** American forms a word may be the British spelling of (single rewrites, then all of them in turn). */
export function americanForms(word: string): string[] {
  const out = new Set<string>()
  let all = word
  for (const [pattern, replacement] of REWRITES) {
    if (!pattern.test(word)) continue
    out.add(word.replace(pattern, replacement))
    all = all.replace(pattern, replacement)
  }
  out.add(all)
  out.delete(word)
  return [...out]
}
