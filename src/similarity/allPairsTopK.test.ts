import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Atlas } from '../atlas/types.js'
import { generateCorpus } from '../eval/synthetic.js'
import type { Talk } from '../types.js'
import { pairSpace, topKRows } from './allPairsTopK.js'
import { similarityToAll } from './cosine.js'
import { relatedRankingIndex } from './relatedRanking.js'
import { idRanks, joinTopKRows, relatedIndex } from './relatedIndex.js'
import { relatedTalks } from './relatedTalks.js'
import { TopK } from './topK.js'

/**
 * The ranking of one talk as `relatedTalks` computed it before the top-k index: every score
 * by `similarityToAll` over the related ranking index, the best kept by a TopK with ties by id rank.
 */
function bruteForce(atlas: Atlas, row: number, top: number): { index: number; score: number }[] {
  const index = relatedRankingIndex(atlas)
  const { matrix, embedding } = index
  const d = embedding.dimensions
  const scores = similarityToAll(index, index.inverted, {
    terms: matrix.indices.subarray(matrix.indptr[row], matrix.indptr[row + 1]),
    weights: matrix.data.subarray(matrix.indptr[row], matrix.indptr[row + 1]),
    embedding: embedding.vectors.subarray(row * d, row * d + d),
    row,
  })
  const best = new TopK(Math.min(top, scores.length), idRanks(atlas.talks))
  for (let i = 0; i < scores.length; i++) if (i !== row) best.offer(i, scores[i]!)
  return best.results()
}

/** Every talk's list from the index, as (index, score) pairs. */
function indexLists(atlas: Atlas, top: number): { index: number; score: number }[][] {
  const lists = relatedIndex(atlas, { top })
  return atlas.talks.map((_, row) => {
    const out: { index: number; score: number }[] = []
    for (let r = 0; r < lists.counts[row]!; r++) out.push({ index: lists.indices[row * lists.top + r]!, score: lists.scores[row * lists.top + r]! })
    return out
  })
}

/** Asserts that the index equals brute force for every talk, scores bit for bit. */
function expectBruteForce(atlas: Atlas, top: number): void {
  const lists = indexLists(atlas, top)
  for (let row = 0; row < atlas.talks.length; row++) expect(lists[row], `talk ${row}`).toEqual(bruteForce(atlas, row, top))
}

const lpc = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as { talks: (Talk & { theme: string })[] }
const lpcTalks: Talk[] = lpc.talks.map(({ theme: _theme, ...talk }) => talk)

/**
 * A generated corpus with exact copies under other ids (equal scores, so the tie rule is
 * tested) and ids that do not follow input order.
 */
function generatedWithCopies(size: number, seed: number): Talk[] {
  const talks: Talk[] = generateCorpus({ talks: size, seed, topics: 12, vocabulary: 2000, wordsPerAbstract: 40 }).map((talk, i) => ({
    id: `g${(i * 7919) % size}`,
    title: talk.title,
    abstract: talk.abstract,
  }))
  for (let c = 0; c < size / 10; c++) talks.push({ ...talks[c * 3]!, id: `copy${c}` })
  return talks
}

describe('topKRows(space, top, from, to)', () => {
  it('equals the brute-force ranking of every talk of the LPC fixture, with and without consensus runs', () => {
    const atlas = buildAtlas(lpcTalks, { k: 12 })
    expect(atlas.ensemble).toBeDefined()
    expectBruteForce(atlas, 10)
    const { ensemble: _ensemble, ...withoutRuns } = atlas
    expectBruteForce(withoutRuns, 10)
  })

  it('equals the brute-force ranking of every talk of a generated corpus with duplicate talks', () => {
    const atlas = buildAtlas(generatedWithCopies(600, 7), { k: 12, restarts: 3 })
    const { ensemble: _ensemble, ...withoutRuns } = atlas
    for (const candidate of [atlas, withoutRuns]) {
      expectBruteForce(candidate, 7)
      // Every copy's list starts with its original (score 1 on both cosines), whatever the ids.
      const lists = indexLists(candidate, 7)
      expect(lists[600]![0]!.index).toBe(0)
    }
  })

  it('gives the same lists for any split of the rows, and all n − 1 talks for a top beyond n', () => {
    const atlas = buildAtlas(lpcTalks.slice(0, 40), { k: 4 })
    const index = relatedRankingIndex(atlas)
    const space = pairSpace(index, index.inverted, idRanks(atlas.talks))
    const whole = topKRows(space, 50, 0, 40)
    const split = joinTopKRows([topKRows(space, 50, 0, 13), topKRows(space, 50, 13, 40)])
    expect(split).toEqual(whole)
    expect(whole.top).toBe(39)
    expect(Array.from(whole.counts)).toEqual(new Array(40).fill(39))
    for (let row = 0; row < 40; row++) expect(Array.from(whole.indices.subarray(row * 39, row * 39 + 39))).toEqual(bruteForce(atlas, row, 50).map((r) => r.index))
  })
})

describe('relatedTalks(atlas, id, { top }) through the index', () => {
  it('returns the same related talks whether the index of every talk was computed before or not', () => {
    const fresh = buildAtlas(lpcTalks, { k: 12 })
    const single = fresh.talks.map((talk) => relatedTalks(fresh, talk.id, { top: 4 }))
    const indexed = buildAtlas(lpcTalks, { k: 12 })
    relatedIndex(indexed, { top: 8 })
    expect(indexed.talks.map((talk) => relatedTalks(indexed, talk.id, { top: 4 }))).toEqual(single)
    expect(single[0]!.map((hit) => hit.id)).toEqual(bruteForce(fresh, 0, 4).map((r) => fresh.talks[r.index]!.id))
  })
})
