/**
 * Chinese names in pinyin, facts the matcher reads them by.
 *
 * Is a word a romanised Chinese name: Hanyu Pinyin syllables without tone
 * marks ("Xiaoling" = xiao + ling, "Shangwu", "Zhengzhou")? Such a word is
 * well formed, however rarely its letter pairs appear in the names the letter
 * model learnt from ("xi", "zh", "ao" read as odd to it): its letters are no
 * evidence of a slip.
 */
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng cha chai
  chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo
  da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang
  fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai han hang hao
  he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
  ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian
  liang liao lie lin ling liu long lou lu luan lun luo lv lue ma mai man mang mao me mei men meng mi mian miao mie min ming
  miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nue o ou pa
  pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan
  que qun ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang
  shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
  tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang
  xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao
  ze zei zen zeng zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi
  zong zou zu zuan zui zun zuo`.split(/\s+/),
)
/** The longest syllable ("chuang", "zhuang", "shuang"). */
const LONGEST = 6

/** Can the word (letters and apostrophes) be read as one to four pinyin syllables? */
export function isPinyin(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]/g, '')
  if (w.length === 0 || !/^[a-z]+$/.test(w)) return false
  // fewest[i]: the fewest syllables that spell w[0, i), or Infinity.
  const fewest = new Array<number>(w.length + 1).fill(Infinity)
  fewest[0] = 0
  for (let i = 0; i < w.length; i++) {
    if (fewest[i] === Infinity) continue
    for (let k = 1; k <= LONGEST && i + k <= w.length; k++) {
      if (SYLLABLES.has(w.slice(i, i + k)) && fewest[i] + 1 < fewest[i + k]) fewest[i + k] = fewest[i] + 1
    }
  }
  return fewest[w.length] <= 4
}

/** Is the word one pinyin syllable ("Li", "Feng")? */
export function isPinyinSyllable(word: string): boolean {
  return word.length <= LONGEST && SYLLABLES.has(word.toLowerCase())
}

/** The commonest Chinese family names, in pinyin (a fact of Chinese naming; covers most of the population). */
export const CHINESE_FAMILY_NAMES = new Set(
  `wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang han feng
  deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng wei su lu ding ren shen yao jin wan qiu qin gu hou
  shao meng long xiong bai hao kong mao yan fu fang dai tan zou xia shi lei xue wen zhong jia cui kang duan lai qian tao
  hong fan jiao mo yin ou yi chang niu`.split(/\s+/),
)
