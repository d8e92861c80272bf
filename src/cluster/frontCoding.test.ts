import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeFrontCoded, encodeFrontCoded } from './frontCoding.js'

describe('decodeFrontCoded(coded)', () => {
  it('rebuilds each word from the prefix it shares with the one before', () => {
    expect(decodeFrontCoded('0abandon2duct2et')).toBe('abandon abduct abet')
    expect(decodeFrontCoded('')).toBe('')
    expect(decodeFrontCoded("0don't4")).toBe("don't don'")
  })

  it('reads back every list encodeFrontCoded writes, sorted or not, shared prefixes past 9 included', () => {
    const word = fc.stringMatching(/^[a-z']{1,14}$/)
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.boolean(), (words, sorted) => {
        const list = sorted ? [...words].sort() : words
        expect(decodeFrontCoded(encodeFrontCoded(list))).toBe(list.join(' '))
      }),
    )
    expect(decodeFrontCoded(encodeFrontCoded(['internationalize', 'internationally']))).toBe('internationalize internationally')
  })
})
