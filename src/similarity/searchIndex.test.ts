import { describe, expect, test } from 'vitest'
import { buildSearchIndex, SEARCH_TITLE_WEIGHT, wordKeyer } from './searchIndex.js'

describe('buildSearchIndex(talks, keyer)', () => {
  test('keeps every posting past its first buffers (3,000 terms, 3,598 postings; buffers start at 1,024): equal to counting each talk alone', () => {
    // Word `w<t>q` for t in 0 … 2999: talk i says words 10i … 10i + 9 once each and word i twice more, title word 3i.
    const word = (t: number): string => `w${t}q`
    const talks = Array.from({ length: 300 }, (_, i) => ({
      id: `t${i}`,
      title: word(3 * i),
      abstract: [...Array.from({ length: 10 }, (_, w) => word(10 * i + w)), word(i), word(i)].join(' '),
    }))
    const index = buildSearchIndex(talks, wordKeyer({ stem: false }))
    const expected = new Map<string, Map<number, number>>()
    talks.forEach((talk, i) => {
      const add = (key: string, weight: number): void => {
        const postings = expected.get(key) ?? new Map<number, number>()
        postings.set(i, (postings.get(i) ?? 0) + weight)
        expected.set(key, postings)
      }
      add(talk.title, SEARCH_TITLE_WEIGHT)
      for (const w of talk.abstract.split(' ')) add(w, 1)
    })
    expect(index.termIds.size).toBe(3000)
    for (const [key, postings] of expected) {
      const j = index.termIds.get(key)!
      const talksOf = Array.from(index.talks.subarray(index.start[j], index.start[j + 1]))
      const frequencies = Array.from(index.frequencies.subarray(index.start[j], index.start[j + 1]))
      expect(talksOf).toEqual([...postings.keys()].sort((a, b) => a - b))
      expect(frequencies).toEqual(talksOf.map((i) => postings.get(i)))
    }
    expect(index.talks.length).toBe(3598)
    expect(Array.from(index.lengths)).toEqual(talks.map(() => SEARCH_TITLE_WEIGHT + 12))
  })
})
