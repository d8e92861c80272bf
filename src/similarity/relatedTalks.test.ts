import { readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Atlas } from '../atlas/types.js'
import { InputError, OptionError } from '../errors.js'
import { generateCorpus } from '../eval/synthetic.js'
import type { Talk } from '../types.js'
import { APPROXIMATE_MIN_TALKS, searchesApproximately } from './relatedIndex.js'
import { relatedTalks, type RelatedOptions, type RelatedTalk } from './relatedTalks.js'

const networking = (JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as { talks: Talk[] }).talks

/** Each talk's list asked for one talk at a time, as a caller looping over the ids gets it. */
function perTalk(atlas: Atlas, options: RelatedOptions): RelatedTalk[][] {
  return atlas.talks.map((talk) => relatedTalks(atlas, talk.id, options))
}

describe('relatedTalks(atlas, options?): the lists of every talk', () => {
  it('equals relatedTalks(atlas, id, options) for every id, in atlas order (exact search, 72 talks)', () => {
    const atlas = buildAtlas(networking, { k: 12 })
    expect(searchesApproximately(atlas)).toBe(false)
    const options = { top: 7, explainTerms: 3 }
    // The loop first: no kept lists exist yet, so each call searches its own row.
    const loop = perTalk(atlas, options)
    const every = relatedTalks(atlas, options)
    expect(every).toHaveLength(networking.length)
    expect(every).toEqual(loop)
    expect(every[0]![0]!.terms.length).toBeLessThanOrEqual(3)
    // The lists are kept: later calls with a smaller top read them and agree.
    expect(perTalk(atlas, { top: 3 })).toEqual(relatedTalks(atlas, { top: 3 }))
  })

  it('defaults to top 5 and 5 terms, as the call for one talk does', () => {
    const atlas = buildAtlas(networking, { k: 12 })
    const every = relatedTalks(atlas)
    expectTypeOf(every).toEqualTypeOf<RelatedTalk[][]>()
    expectTypeOf(relatedTalks(atlas, networking[0]!.id)).toEqualTypeOf<RelatedTalk[]>()
    // @ts-expect-error an id that may be undefined is neither overload
    expect(() => relatedTalks(atlas, networking[0]?.id as string | undefined)).not.toThrow()
    expect(every.every((list) => list.length === 5)).toBe(true)
    expect(every).toEqual(perTalk(atlas, {}))
    expect(relatedTalks(atlas, {})).toEqual(every)
  })

  it(`equals the loop over ids on the approximate search too (${APPROXIMATE_MIN_TALKS} talks)`, () => {
    const talks = generateCorpus({ talks: APPROXIMATE_MIN_TALKS, seed: 11, topics: 40, vocabulary: 3000, wordsPerAbstract: 30 })
    const atlas = buildAtlas(talks, { k: 40, restarts: 1 })
    expect(searchesApproximately(atlas)).toBe(true)
    // Every 50th talk: searched one by one, the 5,000 would take longer than the batch by far.
    const sample = atlas.talks.filter((_, i) => i % 50 === 0)
    const loop = sample.map((talk) => relatedTalks(atlas, talk.id, { top: 4, explainTerms: 2 }))
    const every = relatedTalks(atlas, { top: 4, explainTerms: 2 })
    expect(every).toHaveLength(APPROXIMATE_MIN_TALKS)
    expect(every.filter((_, i) => i % 50 === 0)).toEqual(loop)
  })

  it('gives one empty list per talk for top 0, [] for no talks and [[]] for one talk', () => {
    const pair = buildAtlas([
      { id: 'a', title: 'Rust lifetimes', abstract: 'The Rust borrow checker and lifetimes.' },
      { id: 'b', title: 'Rust macros', abstract: 'Rust procedural macros and the borrow checker.' },
    ])
    expect(relatedTalks(pair, { top: 0 })).toEqual([[], []])
    expect(relatedTalks(pair).map((list) => list.map((hit) => hit.id))).toEqual([['b'], ['a']])
    expect(relatedTalks(buildAtlas([]))).toEqual([])
    expect(relatedTalks(buildAtlas([{ id: 'a', title: 'Rust', abstract: 'Rust lifetimes' }]))).toEqual([[]])
  })

  it('throws OptionError for a top outside 0 to 100, and InputError for an id that is undefined or a talk object', () => {
    const atlas = buildAtlas(networking, { k: 12 })
    expect(() => relatedTalks(atlas, { top: 101 })).toThrow(/^relatedTalks: top=101 is invalid, expected an integer from 0 to 100$/)
    expect(() => relatedTalks(atlas, { explainTerms: -1 })).toThrow(OptionError)
    const call = relatedTalks as (...args: unknown[]) => unknown
    expect(() => call(atlas, undefined)).toThrow(InputError)
    expect(() => call(atlas, undefined)).toThrow(/^id: related: expected a talk id \(a string\) or options, found undefined$/)
    expect(() => call(atlas, null, { top: 3 })).toThrow(InputError)
    expect(() => call(atlas, networking[0])).toThrow(/^id: related: expected a talk id \(a string\) or options, found \[object Object\]$/)
  })
})
