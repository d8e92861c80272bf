import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { kmeansBatch, kmeansBatchGram } from '../cluster/kmeans.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { precisionAtK } from '../eval/precisionAtK.js'
import type { Talk } from '../types.js'
import { rankingIndex } from './rankingIndex.js'
import { PROBE_RUNS, scaleCandidates } from './coarseScale.js'
import { coarseK, coarseRuns, coarseScale, coarseThemes, COARSE_RUNS, ranksAtCoarseScale, relatedEnsemble, relatedRankingIndex } from './relatedRanking.js'
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

  it('gives the same coarse runs through any batch runner: with the Gram matrix given, or each batch split in two as on two threads', () => {
    const expected = Array.from(coarseRuns(atlas).labels)
    const batches: number[] = []
    const withGram: KmeansBatchRunner = (points, d, jobs) => {
      const gram = kmeansBatchGram(points, d, jobs)
      expect(gram).toBeDefined()
      batches.push(jobs.length)
      return kmeansBatch(points, d, jobs, gram)
    }
    const half = (jobs: readonly unknown[]) => Math.floor(jobs.length / 2)
    const split: KmeansBatchRunner = (points, d, jobs) => [...withGram(points, d, jobs.slice(0, half(jobs))), ...withGram(points, d, jobs.slice(half(jobs)))]
    const probes = scaleCandidates(coarseK(lpc.talks.length)).length * PROBE_RUNS
    expect(Array.from(coarseRuns(buildAtlas(lpc.talks), withGram).labels)).toEqual(expected)
    expect(Array.from(coarseRuns(buildAtlas(lpc.talks), split).labels)).toEqual(expected)
    const rest = COARSE_RUNS - PROBE_RUNS
    expect(batches).toEqual([probes, rest, probes / 2, probes / 2, rest / 2, rest / 2])
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

/**
 * A 96-talk event of 4 broad tracks, each of 2 subtopics of 12 talks: a talk's words are a
 * fifth its track's, a fifth its subtopic's, three tenths any track's and three tenths words
 * every track uses. Talk order is mixed, so that no track sits in one run of the input.
 */
function broadTrackEvent(): { talks: Talk[]; truth: string[] } {
  const tracks: readonly (readonly [string, readonly string[], readonly (readonly string[])[]])[] = [
    ['networking', ['packet', 'router', 'ethernet', 'latency', 'socket', 'bandwidth', 'switch', 'firewall'], [['wifi', 'antenna', 'radio', 'spectrum'], ['tcp', 'congestion', 'retransmit', 'window']]],
    ['databases', ['query', 'index', 'transaction', 'table', 'replication', 'schema', 'postgres', 'storage'], [['planner', 'optimizer', 'join', 'statistics'], ['backup', 'snapshot', 'restore', 'archive']]],
    ['graphics', ['shader', 'texture', 'render', 'vulkan', 'pixel', 'frame', 'gpu', 'mesh'], [['raytracing', 'lighting', 'shadow', 'reflection'], ['font', 'glyph', 'kerning', 'typography']]],
    ['security', ['exploit', 'vulnerability', 'attacker', 'malware', 'fuzzing', 'sandbox', 'cryptography', 'audit'], [['firmware', 'bootloader', 'secureboot', 'tpm'], ['phishing', 'password', 'credential', 'login']]],
  ]
  const shared = ['project', 'community', 'open', 'source', 'years', 'developers', 'users', 'release']
  let state = 7
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296
  const pick = (list: readonly string[]): string => list[Math.floor(next() * list.length)]!
  const talks: Talk[] = []
  const truth: string[] = []
  for (const [name, own, subtopics] of tracks) {
    for (let s = 0; s < subtopics.length; s++) {
      for (let i = 0; i < 12; i++) {
        const words = (count: number): string =>
          Array.from({ length: count }, () => {
            const r = next()
            return r < 0.2 ? pick(own) : r < 0.4 ? pick(subtopics[s]!) : r < 0.7 ? pick(tracks[Math.floor(next() * tracks.length)]![1]) : pick(shared)
          }).join(' ')
        talks.push({ id: `${name}-${s}-${i}`, title: words(4), abstract: words(20) })
        truth.push(name)
      }
    }
  }
  const order = talks.map((_, i) => i).sort((a, b) => ((a * 7919) % 97) - ((b * 7919) % 97) || a - b)
  return { talks: order.map((i) => talks[i]!), truth: order.map((i) => truth[i]!) }
}

describe('the related talks of an event whose tracks are broader than its themes', () => {
  const event = broadTrackEvent()

  it('rank within 0.01 of the true k at twice, four and eight times it and at the automatic k (precision@5 1; 1, 1, 1; 0.992 with 8 themes; 0.988 at 32 themes with the themes\' own scale)', () => {
    expect(coarseK(event.talks.length)).toBe(14)
    const atTrueK = precisionAt5(buildAtlas(event.talks, { k: 4 }), event)
    expect(atTrueK).toBe(1)
    for (const k of [8, 16, 32]) expect(precisionAt5(buildAtlas(event.talks, { k }), event)).toBeGreaterThanOrEqual(atTrueK - 0.01)
    expect(precisionAt5(buildAtlas(event.talks), event)).toBeGreaterThanOrEqual(atTrueK - 0.01)
  })

  it('are cut at the most stable coarse scale, 7 parts for its 4 tracks instead of p = 14: precision@5 1 at 16 and 32 themes (0.994 and 0.992 at p)', () => {
    expect(scaleCandidates(coarseK(event.talks.length))).toEqual([7, 10, 14])
    for (const k of [16, 32]) {
      const atlas = buildAtlas(event.talks, { k })
      expect(ranksAtCoarseScale(atlas)).toBe(true)
      expect(coarseScale(atlas).k).toBe(7)
      expect(coarseThemes(atlas).count).toBe(7 + 1) // and the unclassified part
      expect(precisionAt5(atlas, event)).toBe(1)
    }
  })
})
