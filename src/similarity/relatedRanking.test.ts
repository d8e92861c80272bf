import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { kmeansBatch, kmeansBatchGram } from '../cluster/kmeans.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { precisionAtK } from '../eval/precisionAtK.js'
import type { Talk } from '../types.js'
import { rankingIndex } from './rankingIndex.js'
import { coarseK, coarseRuns, coarseThemes, COARSE_RUNS, ranksAtCoarseScale, relatedEnsemble, relatedRankingIndex } from './relatedRanking.js'
import { relatedTalks } from './relatedTalks.js'

function fixture(path: string): { talks: Talk[]; truth: string[] } {
  const raw = (JSON.parse(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8')) as { talks: (Talk & { theme: string })[] }).talks
  return { talks: raw.map(({ theme: _theme, ...talk }) => talk), truth: raw.map((talk) => talk.theme) }
}

const lpc = fixture('lpc-networking-bpf.json')
const ml = fixture('ml-workshop.json')

function precisionAt5(of: ReturnType<typeof buildAtlas>, set: { talks: Talk[]; truth: string[] }): number {
  return precisionAtK(of.talks.map((talk) => relatedTalks(of, talk.id).map((hit) => set.talks.findIndex((t) => t.id === hit.id))), set.truth, 5)
}

describe('coarseK(talks)', () => {
  it('is talks / 25 on large corpora and at least √(2 · talks) and 2 on small ones', () => {
    expect([0, 1, 12, 72, 674, 1093, 3000].map(coarseK)).toEqual([2, 2, 5, 12, 37, 47, 120])
  })
})

describe('the related ranking of the LPC fixture at the automatic k', () => {
  const atlas = buildAtlas(lpc.talks)

  it('merges the themes along the theme tree into at most coarseK parts, each theme inside one part', () => {
    const { assignments, count } = coarseThemes(atlas)
    expect(count).toBeLessThanOrEqual(coarseK(lpc.talks.length) + 1)
    const partOfTheme = new Map<number, number>()
    atlas.assignments.forEach((theme, i) => {
      expect(partOfTheme.get(theme) ?? assignments[i]).toBe(assignments[i])
      partOfTheme.set(theme, assignments[i]!)
    })
  })

  it('adds 60 coarse k-means runs of at most coarseK clusters to the consensus runs; search and sessions keep the consensus runs', () => {
    const runs = relatedEnsemble(atlas)!
    const n = lpc.talks.length
    expect(runs.runs).toBe(atlas.ensemble!.runs + COARSE_RUNS)
    expect(Array.from(runs.labels.subarray(0, atlas.ensemble!.labels.length))).toEqual(Array.from(atlas.ensemble!.labels))
    const coarse = coarseRuns(atlas)
    for (let r = 0; r < COARSE_RUNS; r++) expect(Math.max(...coarse.labels.subarray(r * n, (r + 1) * n))).toBeLessThan(coarseK(n))
    expect(relatedRankingIndex(atlas)).toBe(relatedRankingIndex(atlas))
    expect(rankingIndex(atlas).ensemble).toBe(atlas.ensemble)
  })

  it('ranks with precision@5 no lower at the automatic k than at the true k (0.753 and 0.747; 0.744 and 0.747 with the themes\' own scale)', () => {
    const precision = (of: typeof atlas) => precisionAt5(of, lpc)
    const atTrueK = precision(buildAtlas(lpc.talks, { k: 12 }))
    expect(atlas.themes).toHaveLength(12)
    expect(precision(atlas)).toBeGreaterThanOrEqual(atTrueK)
    expect(precision(atlas)).toBeGreaterThanOrEqual(0.75)
  })

  it('gives the same coarse runs through any batch runner: with the Gram matrix given, or split in two batches as on two threads', () => {
    const expected = Array.from(coarseRuns(atlas).labels)
    const batches: number[] = []
    const withGram: KmeansBatchRunner = (points, d, jobs) => {
      const gram = kmeansBatchGram(points, d, jobs)
      expect(gram).toBeDefined()
      batches.push(jobs.length)
      return kmeansBatch(points, d, jobs, gram)
    }
    const split: KmeansBatchRunner = (points, d, jobs) => [...withGram(points, d, jobs.slice(0, 23)), ...withGram(points, d, jobs.slice(23))]
    expect(Array.from(coarseRuns(atlas, withGram).labels)).toEqual(expected)
    expect(Array.from(coarseRuns(atlas, split).labels)).toEqual(expected)
    expect(batches).toEqual([COARSE_RUNS, 23, COARSE_RUNS - 23])
  })

  it('gives the same lists whatever the input order', () => {
    const reversed = buildAtlas([...lpc.talks].reverse())
    for (const talk of lpc.talks.slice(0, 12)) expect(relatedTalks(reversed, talk.id)).toEqual(relatedTalks(atlas, talk.id))
  })
})

describe('the related ranking with fewer themes than coarseK parts', () => {
  it('is the themes\' own ranking index: consensus runs alone, topicality over the themes', () => {
    const atlas = buildAtlas(lpc.talks, { k: 4 })
    expect(coarseK(lpc.talks.length)).toBe(12)
    expect(ranksAtCoarseScale(atlas)).toBe(false)
    expect(relatedEnsemble(atlas)).toBe(atlas.ensemble)
    expect(relatedRankingIndex(atlas)).toBe(rankingIndex(atlas))
    expect(ranksAtCoarseScale(buildAtlas(lpc.talks, { k: 12 }))).toBe(true)
  })

  it('keeps the ML fixture\'s 5 topics apart: precision@5 1 at the automatic k, 0.993 at the true k (0.987 and 0.987 with coarse runs of 8 clusters)', () => {
    const auto = buildAtlas(ml.talks)
    expect(auto.themes).toHaveLength(5)
    expect(coarseK(ml.talks.length)).toBe(8)
    expect(precisionAt5(auto, ml)).toBe(1)
    expect(precisionAt5(buildAtlas(ml.talks, { k: 5 }), ml)).toBeGreaterThanOrEqual(0.993)
  })
})
