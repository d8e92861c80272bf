import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeFrontCoded, encodeFrontCoded } from './frontCoding.js'

const DIGITS = '0123456789'
/** Marks for two lists: list 0 shares 0–9 letters with `0`–`9`, list 1 with `A`–`J`. */
const TWO_LISTS = '0123456789ABCDEFGHIJ'

describe('decodeFrontCoded(coded, marks, lists)', () => {
  it('rebuilds each word from the prefix it shares with the one before', () => {
    expect(decodeFrontCoded('0abandon2duct2et', DIGITS, 1)).toEqual(['abandon abduct abet'])
    expect(decodeFrontCoded('', DIGITS, 1)).toEqual([''])
    expect(decodeFrontCoded("0don't4", DIGITS, 1)).toEqual(["don't don'"])
  })

  it('puts each word in the list its mark names, sharing prefixes across lists', () => {
    // abandon (list 0), abandoned (list 1: 7 letters shared), abduct (list 0: 2 shared)
    expect(decodeFrontCoded('0abandonHed2duct', TWO_LISTS, 2)).toEqual(['abandon abduct', 'abandoned'])
    expect(encodeFrontCoded([['abduct', 'abandon'], ['abandoned']], TWO_LISTS)).toBe('0abandonHed2duct')
  })

  it('reads back every set of lists encodeFrontCoded writes, each sorted, shared prefixes past 9 included', () => {
    const word = fc.stringMatching(/^[a-z']{1,14}$/)
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 40 }), fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (words, inFirst) => {
        const lists = [words.filter((_, i) => inFirst[i]), words.filter((_, i) => !inFirst[i])]
        const sorted = lists.map((list) => [...list].sort().join(' '))
        expect(decodeFrontCoded(encodeFrontCoded(lists, TWO_LISTS), TWO_LISTS, 2)).toEqual(sorted)
      }),
    )
    expect(decodeFrontCoded(encodeFrontCoded([['internationalize', 'internationally']], DIGITS), DIGITS, 1)).toEqual(['internationalize internationally'])
  })
})
