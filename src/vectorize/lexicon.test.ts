import { describe, expect, it } from 'vitest'
import { countSettings } from '../../test/helpers/countSettings.js'
import { Lexicon } from './lexicon.js'

const settings = countSettings('en')

describe('Lexicon.rawId(text, start, end)', () => {
  it('numbers distinct raw tokens in order of first appearance, through table growth', () => {
    // 20,000 distinct tokens (the table doubles several times), each written three times,
    // among them tokens that differ only in case, length or a non-ASCII character.
    const words: string[] = []
    for (let i = 0; i < 20_000; i++) words.push(i % 3 === 0 ? `w${i}` : i % 3 === 1 ? `W${i}é` : `x${i.toString(36)}`)
    const text = [...words, ...words.slice().reverse(), ...words].join(' ')
    const lexicon = new Lexicon(settings)
    const oracle = new Map<string, number>()
    const ids: number[] = []
    const expected: number[] = []
    let start = 0
    for (const word of text.split(' ')) {
      ids.push(lexicon.rawId(text, start, start + word.length))
      if (!oracle.has(word)) oracle.set(word, oracle.size)
      expected.push(oracle.get(word)!)
      start += word.length + 1
    }
    expect(ids).toEqual(expected)
    expect(oracle.size).toBe(20_000)
  })

  it('finds a token by its characters wherever it is written', () => {
    const lexicon = new Lexicon(settings)
    const first = 'eBPF and XDP'
    const second = 'with XDP, eBPF, ebpf'
    expect(lexicon.rawId(first, 0, 4)).toBe(0)
    expect(lexicon.rawId(first, 9, 12)).toBe(1)
    expect(lexicon.rawId(second, 5, 8)).toBe(1)
    expect(lexicon.rawId(second, 10, 14)).toBe(0)
    expect(lexicon.rawId(second, 16, 20)).toBe(2)
  })
})

describe('Lexicon.typeOf(rawId)', () => {
  it('classifies a raw token once: unit, compound parts, dropped stopwords', () => {
    const lexicon = new Lexicon(settings)
    const text = 'XDP-hints the XDP-hints'
    const compound = lexicon.typeOf(lexicon.rawId(text, 0, 9))
    const stopword = lexicon.typeOf(lexicon.rawId(text, 10, 13))
    expect(lexicon.typeOf(lexicon.rawId(text, 14, 23))).toBe(compound)
    expect(lexicon.typeUnits[stopword]).toBe(-1)
    expect(lexicon.unitKeys[lexicon.typeUnits[compound]!]).toBe('xdp-hint')
    const parts = Array.from(lexicon.parts.subarray(lexicon.partStart[compound], lexicon.partStart[compound + 1]), (u) => lexicon.unitKeys[u])
    expect(parts).toEqual(['xdp', 'hint'])
    expect(lexicon.typeCounts[compound]).toBe(2)
    expect(lexicon.typeCounts[stopword]).toBe(0)
  })
})
