import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeWords, encodeWords } from './wordCoder.js'

describe('encodeWords / decodeWords', () => {
  it('gives back each list sorted, words that share prefixes across lists included', () => {
    const lists = [['abduct', 'abandon', 'internationalize'], ['abandoned', 'internationally', "don't"], []]
    const packed = encodeWords(lists)
    expect(packed).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(decodeWords(packed, 6, 3)).toEqual(['abandon abduct internationalize', "abandoned don't internationally", ''])
  })

  it('reads back every set of lists it packs (shared prefixes past 15 letters, one-letter words)', () => {
    const word = fc.stringMatching(/^[a-z']{1,20}$/)
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 60, maxLength: 60 }), (words, kinds) => {
        const lists = [0, 1, 2, 3, 4].map((kind) => words.filter((_, i) => kinds[i] === kind))
        const packed = encodeWords(lists)
        expect(decodeWords(packed, words.length, 5)).toEqual(lists.map((list) => [...list].sort().join(' ')))
      }),
      { numRuns: 60 },
    )
    const long = ['internationalization', 'internationalizations', 'internationalizationx']
    expect(decodeWords(encodeWords([long]), 3, 1)).toEqual([long.join(' ')])
  })

  it('packs the same lists to the same bytes whatever their order', () => {
    const lists = [['accelerate', 'accept', 'accessed'], ['abrupt']]
    expect(encodeWords(lists)).toBe(encodeWords(lists.map((list) => [...list].reverse())))
  })
})
