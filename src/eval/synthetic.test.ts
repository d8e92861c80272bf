import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { OptionError } from '../errors.js'
import { generateCorpus } from './synthetic.js'

describe('generateCorpus', () => {
  it('generateCorpus({ talks, seed }) is byte-identical for the same seed', () => {
    const first = JSON.stringify(generateCorpus({ talks: 300, seed: 11 }))
    const second = JSON.stringify(generateCorpus({ talks: 300, seed: 11 }))
    expect(second).toBe(first)
  })

  it('generateCorpus({ talks, seed }) gives another corpus for another seed', () => {
    const a = generateCorpus({ talks: 50, seed: 1 })
    const b = generateCorpus({ talks: 50, seed: 2 })
    expect(a.filter((talk, i) => talk.abstract === b[i]!.abstract)).toEqual([])
  })

  it('generateCorpus({ talks: 100 }) is the first 100 talks of generateCorpus({ talks: 300 })', () => {
    const small = generateCorpus({ talks: 100, seed: 4 })
    const large = generateCorpus({ talks: 300, seed: 4 })
    expect(JSON.stringify(large.slice(0, 100))).toBe(JSON.stringify(small))
  })

  it('generateCorpus({ talks: 1, seed: 42 }) starts with the same talk in every version', () => {
    // Pinned so that corpora emitted by `npm run bench -- --emit` stay comparable across
    // versions; change it only together with a CHANGELOG line.
    const [talk] = generateCorpus({ talks: 1, seed: 42 })
    expect(talk!.id).toBe('syn-000001')
    expect(talk!.title).toBe('Drail Skislouster Gawioics Grast Cracreanpym Penable Klistzengprol Donko')
    expect(talk!.topic).toBe('donko drail')
    expect(talk!.secondaryTopic).toBe('therity penable')
    expect(talk!.speakers).toEqual(['Tuklailion Poumchiga'])
    expect(talk!.abstract.startsWith('In open its kloutrorkism halix which the and ongvendmai')).toBe(true)
  })

  it('generateCorpus({ talks: 2000 }) writes abstracts of about 950 bytes', () => {
    const talks = generateCorpus({ talks: 2000 })
    let bytes = 0
    for (const talk of talks) bytes += talk.abstract.length
    // ASCII only, so characters are bytes.
    expect(talks.every((talk) => /^[\x20-\x7e]+$/.test(talk.abstract))).toBe(true)
    expect(bytes / talks.length).toBeGreaterThan(900)
    expect(bytes / talks.length).toBeLessThan(1000)
  })

  it('generateCorpus({ talks: 500, topics: 5 }) labels talks with exactly 5 topics, each named by two words', () => {
    const talks = generateCorpus({ talks: 500, seed: 3, topics: 5, vocabulary: 2000 })
    const topics = new Set(talks.map((talk) => talk.topic))
    expect(topics.size).toBe(5)
    for (const topic of topics) expect(topic).toMatch(/^[a-z]+ [a-z]+$/)
    expect(talks.filter((talk) => talk.topic === talk.secondaryTopic)).toEqual([])
    expect(talks.filter((talk) => !topics.has(talk.secondaryTopic))).toEqual([])
  })

  it('generateCorpus() makes topic head words far more frequent inside their topic than outside', () => {
    const talks = generateCorpus({ talks: 1000, seed: 9, topics: 10, vocabulary: 3000 })
    for (const topic of new Set(talks.map((talk) => talk.topic))) {
      const head = topic.split(' ')[0]!
      const uses = (talk: (typeof talks)[number]): boolean => ` ${talk.abstract.toLowerCase()} `.includes(` ${head} `)
      const inside = talks.filter((talk) => talk.topic === topic)
      const outside = talks.filter((talk) => talk.topic !== topic && talk.secondaryTopic !== topic)
      const insideShare = inside.filter(uses).length / inside.length
      const outsideShare = outside.filter(uses).length / outside.length
      expect(insideShare).toBeGreaterThan(0.8)
      expect(outsideShare).toBeLessThan(0.05)
    }
  })

  it('generateCorpus({ talks: n }) returns n talks with sequential ids, titles of 5 to 10 words and 1 to 3 speakers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const talks = generateCorpus({ talks: n, seed, topics: 4, vocabulary: 1000, wordsPerAbstract: 20 })
        expect(talks.map((talk) => talk.id)).toEqual(
          Array.from({ length: n }, (_, i) => `syn-${String(i + 1).padStart(6, '0')}`),
        )
        for (const talk of talks) {
          const titleWords = talk.title.split(' ').length
          expect(titleWords).toBeGreaterThanOrEqual(5)
          expect(titleWords).toBeLessThanOrEqual(10)
          expect(talk.abstract.endsWith('.')).toBe(true)
          expect(talk.speakers.length).toBeGreaterThanOrEqual(1)
          expect(talk.speakers.length).toBeLessThanOrEqual(3)
          expect(new Set(talk.speakers).size).toBe(talk.speakers.length)
        }
      }),
      { numRuns: 50 },
    )
  })

  it('generateCorpus({ talks: 3 }) pads ids to six digits', () => {
    const talks = generateCorpus({ talks: 3, seed: 1, topics: 2, vocabulary: 1000, wordsPerAbstract: 5 })
    expect(talks[2]!.id).toBe('syn-000003')
  })

  it('generateCorpus() rejects talks, topics, vocabulary and wordsPerAbstract outside their range', () => {
    expect(() => generateCorpus({ talks: -1 })).toThrow(OptionError)
    expect(() => generateCorpus({ talks: 2.5 })).toThrow('generateCorpus: talks=2.5 is invalid, expected an integer ≥ 0')
    expect(() => generateCorpus({ talks: 10, seed: 0.5 })).toThrow('generateCorpus: seed=0.5')
    expect(() => generateCorpus({ talks: 10, topics: 1 })).toThrow('generateCorpus: topics=1')
    expect(() => generateCorpus({ talks: 10, topics: 100, vocabulary: 1000 })).toThrow(
      'generateCorpus: vocabulary=1000 is invalid, expected an integer from 1800 to 1000000',
    )
    expect(() => generateCorpus({ talks: 10, wordsPerAbstract: 0 })).toThrow('generateCorpus: wordsPerAbstract=0')
  })
})
