// The coarse k-means runs of the related ranking on the CLI's worker pool (the built
// dist/kmeansWorker.js; the global setup builds dist/ when it is stale).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../src/atlas/buildAtlas.js'
import { keepRankingIndexThreaded } from '../src/cli/relatedPool.js'
import { COARSE_RUNS, relatedRankingIndex } from '../src/similarity/relatedRanking.js'
import { kmeansBatch } from '../src/cluster/kmeans.js'
import type { KmeansBatchRunner } from '../src/cluster/kmeansBatch.js'
import type { Talk } from '../src/types.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)
const talks = (JSON.parse(readFileSync(new URL('../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as { talks: Talk[] }).talks

describe('keepRankingIndexThreaded', () => {
  it('keeps the related ranking index that one thread computes, from coarse runs on two threads', async () => {
    const threaded = buildAtlas(talks)
    await keepRankingIndexThreaded(threaded, 2, workerUrl)
    // Kept: a later call does not run the coarse runs again.
    const unused: KmeansBatchRunner = () => { throw new Error('the coarse runs ran again') }
    const kept = relatedRankingIndex(threaded, unused)
    const single = relatedRankingIndex(buildAtlas(talks))
    expect(Array.from(kept.ensemble!.labels)).toEqual(Array.from(single.ensemble!.labels))
    expect(Array.from(kept.matrix.data)).toEqual(Array.from(single.matrix.data))
  })

  it('leaves the coarse runs to the first use on one thread', async () => {
    const atlas = buildAtlas(talks)
    await keepRankingIndexThreaded(atlas, 1, workerUrl)
    const batches: number[] = []
    const counting: KmeansBatchRunner = (points, d, jobs, gram) => {
      batches.push(jobs.length)
      return kmeansBatch(points, d, jobs, gram)
    }
    relatedRankingIndex(atlas, counting)
    expect(batches).toEqual([COARSE_RUNS])
  })
})
