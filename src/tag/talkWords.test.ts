import { describe, expect, test } from 'vitest'
import { forEachWord, talkWords } from './talkWords.js'
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
