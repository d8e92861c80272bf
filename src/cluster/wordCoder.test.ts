import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeWords, encodeWords } from './wordCoder.js'

describe('encodeWords / decodeWords', () => {
  it('gives back each list sorted, words that share prefixes across lists included', () => {
    const lists = [['abduct', 'abandon', 'internationalize'], ['abandoned', 'internationally', "don't"], []]
    const packed = encodeWords(lists)
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

  it('writes 48 characters that minified code uses most, none that a string literal escapes', () => {
    // Random words (a fixed LCG), so that the coded bits are close to random.
    let seed = 1
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n
    const words = Array.from({ length: 400 }, () => Array.from({ length: 3 + next(8) }, () => 'abcdefghijklmnopqrstuvwxyz'[next(26)]).join(''))
    const packed = encodeWords([[...new Set(words)]])
    expect(packed.length).toBeGreaterThan(1000)
    expect(new Set(packed).size).toBe(48)
    expect(decodeWords(packed, new Set(words).size, 1)).toEqual([[...new Set(words)].sort().join(' ')])
    expect(packed).not.toMatch(/["'`\\]/)
  })

  it('packs the same lists to the same bytes whatever their order', () => {
    const lists = [['accelerate', 'accept', 'accessed'], ['abrupt']]
    expect(encodeWords(lists)).toBe(encodeWords(lists.map((list) => [...list].reverse())))
  })
})
