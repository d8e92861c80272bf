import { describe, expect, test } from 'vitest'
import fc from 'fast-check'
import { forEachWord, talkWords, talkWordsAmong, type TalkWords } from './talkWords.js'
import { resolveThemes } from './resolveThemes.js'
import { themeEvidence } from './themeEvidence.js'

describe('forEachWord(text, visit)', () => {
  test('visits each token case-folded and split at - _ /, without empty parts', () => {
    const words: string[] = []
    forEachWord('XDP-hints and io_uring, tc/BPF', (word) => words.push(word))
    expect(words).toEqual(['xdp', 'hints', 'and', 'io', 'uring', 'tc', 'bpf'])
  })
})

describe('talkWords(talks)', () => {
  test('stores each distinct folded word once and every text as word ids, title then abstract', () => {
    const words = talkWords([
      { id: 'a', title: 'XDP-hints', abstract: 'Ring buffer, ring_buffer.' },
      { id: 'b', title: '', abstract: 'XDP or tc/BPF' },
    ])
    expect(words.words).toEqual(['xdp', 'hints', 'ring', 'buffer', 'or', 'tc', 'bpf'])
    expect(Array.from(words.ids)).toEqual([0, 1, 2, 3, 2, 3, 0, 4, 5, 6])
    expect(Array.from(words.starts)).toEqual([0, 2, 6, 6, 10])
  })

  test('gives no text for no talk', () => {
    expect(talkWords([])).toEqual({ words: [], ids: new Int32Array(0), starts: new Int32Array(1) })
  })

  test('keeps title and abstract apart: a two-word keyword split across them is not found', () => {
    const themes = resolveThemes([{ name: 'Tracing', keywords: ['ring buffer'] }], { taxonomy: null })
    expect(themeEvidence(talkWords([{ id: 'a', title: 'A ring', abstract: 'buffer' }]), themes)[0]).toBe(0)
    expect(themeEvidence(talkWords([{ id: 'a', title: 'A ring buffer', abstract: '' }]), themes)[0]).toBe(1)
  })
})

describe('talkWords(talks) against folding each token', () => {
  /** The reading by strings: each word of `forEachWord` interned in a Map. */
  const plainWords = (talks: readonly { title: string; abstract: string }[]): TalkWords => {
    const idOf = new Map<string, number>()
    const words: string[] = []
    const ids: number[] = []
    const starts = [0]
    const add = (word: string): void => {
      if (!idOf.has(word)) idOf.set(word, words.push(word) - 1)
      ids.push(idOf.get(word)!)
    }
    for (const talk of talks) {
      forEachWord(talk.title, add)
      starts.push(ids.length)
      forEachWord(talk.abstract, add)
      starts.push(ids.length)
    }
    return { words, ids: Int32Array.from(ids), starts: Int32Array.from(starts) }
  }
  const piece = fc.constantFrom('XDP', 'xdp', 'Ring-Buffer', 'io_uring', 'tc/BPF', '--', '_x_', 'ﬁlter', 'Filter', 'Ärger', 'ärger', 'İstanbul', 'ＢＰＦ', 'bpf', "eBPF's", '.NET', 'v5.6', 'a', 'A', ' ', ', ', '\n\n', 'é', 'e\u0301', 'XYZ-Zone', 'zone', '@Z')
  const text = fc.oneof(fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('')), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }))

  test('gives the same words, ids and texts on random texts', () => {
    fc.assert(fc.property(fc.array(fc.record({ title: text, abstract: text }), { maxLength: 6 }), (talks) => {
      expect(talkWords(talks.map((talk, i) => ({ id: String(i), ...talk })))).toEqual(plainWords(talks))
    }), { numRuns: 500 })
  })

  test('talkWordsAmong(talks, words) gives the ids of the given words, words.length for any other', () => {
    fc.assert(fc.property(fc.array(fc.record({ title: text, abstract: text }), { maxLength: 6 }), fc.array(fc.constantFrom('xdp', 'ring', 'buffer', 'bpf', 'filter', 'ärger', 'a', 'zone', 'zzz'), { maxLength: 5 }), (talks, known) => {
      const all = plainWords(talks)
      const among = talkWordsAmong(talks.map((talk, i) => ({ id: String(i), ...talk })), known)
      const distinct: string[] = [...new Set<string>(known)]
      expect(among.words).toEqual(distinct)
      expect(Array.from(among.starts)).toEqual(Array.from(all.starts))
      expect(Array.from(among.ids)).toEqual(Array.from(all.ids, (id) => (distinct.includes(all.words[id]!) ? distinct.indexOf(all.words[id]!) : distinct.length)))
    }), { numRuns: 300 })
  })
})
