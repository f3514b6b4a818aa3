import { describe, expect, it } from 'vitest'
import { isPinyin, isPinyinSyllable } from '../src/matcher/pinyin.js'

describe('isPinyin', () => {
  it('reads romanised Chinese names as pinyin syllables', () => {
    for (const word of ['Xiaoling', 'Shangwu', 'Zhengzhou', "Xi'an", 'Jinping', 'Guangdong', 'Li']) expect(isPinyin(word), word).toBe(true)
  })
  it('does not read slips or other names as pinyin', () => {
    for (const word of ['Lpndon', 'Frwnce', 'Wenezuel', 'Glousester', 'Khodorkovsky', 'Brownbeck', 'Smith']) expect(isPinyin(word), word).toBe(false)
  })
  it('takes no more than four syllables for a name', () => {
    expect(isPinyin('Zhangzhangzhangzhang')).toBe(true)
    expect(isPinyin('Zhangzhangzhangzhangzhang')).toBe(false)
  })
})

describe('isPinyinSyllable', () => {
  it('knows single syllables from words of two or more', () => {
    for (const word of ['Li', 'Feng', 'Zhuang', 'xi']) expect(isPinyinSyllable(word), word).toBe(true)
    for (const word of ['Lifeng', 'Jinping', 'Smith', 'Lpn', '']) expect(isPinyinSyllable(word), word).toBe(false)
  })
})
