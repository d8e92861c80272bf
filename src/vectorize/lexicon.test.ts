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
    expect(lexicon.unitOf(stopword)).toBe(-1)
    expect(lexicon.unitKeys[lexicon.unitOf(compound)]).toBe('xdp-hint')
    expect(Array.from(lexicon.partsOf(compound), (u) => lexicon.unitKeys[u])).toEqual(['xdp', 'hint'])
    expect(lexicon.countOf(compound)).toBe(2)
    expect(lexicon.countOf(stopword)).toBe(0)
  })
})

describe('Lexicon case variants', () => {
  it('gives variants of a word or compound the unit and parts of the first, single letters by their case', () => {
    const lexicon = new Lexicon(settings)
    const text = 'XDP-Hints xdp-hints Linux LINUX C c The THE'
    const types: number[] = []
    let start = 0
    for (const word of text.split(' ')) {
      types.push(lexicon.typeOf(lexicon.rawId(text, start, start + word.length)))
      start += word.length + 1
    }
    const [compound, compoundVariant, word, wordVariant, letter, lowerLetter, stopword, stopwordVariant] = types as [number, number, number, number, number, number, number, number]
    expect(new Set(types).size).toBe(8)
    expect(lexicon.unitOf(compoundVariant)).toBe(lexicon.unitOf(compound))
    expect(Array.from(lexicon.partsOf(compoundVariant), (u) => lexicon.unitKeys[u])).toEqual(['xdp', 'hint'])
    expect(lexicon.unitKeys[lexicon.unitOf(wordVariant)]).toBe('linux')
    expect(lexicon.unitOf(wordVariant)).toBe(lexicon.unitOf(word))
    expect(lexicon.unitKeys[lexicon.unitOf(letter)]).toBe('c')
    expect(lexicon.unitOf(lowerLetter)).toBe(-1)
    expect([lexicon.unitOf(stopword), lexicon.unitOf(stopwordVariant)]).toEqual([-1, -1])
    expect(lexicon.unitKeys).toEqual(['xdp', 'hint', 'xdp-hint', 'linux', 'c'])
  })
})
