// The coarse k-means runs of the related ranking on the CLI's worker pool (the built
// dist/kmeansWorker.js; the global setup builds dist/ when it is stale).
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { buildAtlas } from '../src/atlas/buildAtlas.js'
import { KmeansPool } from '../src/cli/kmeansPool.js'
import { keepRankingIndex } from '../src/cli/relatedPool.js'
import type { KmeansBatchRunner } from '../src/cluster/kmeansBatch.js'
import { ranksAtCoarseScale, relatedRankingIndex } from '../src/similarity/relatedRanking.js'
import type { Talk } from '../src/types.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)
const talks = (JSON.parse(readFileSync(new URL('../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as { talks: Talk[] }).talks

describe('keepRankingIndex on a KmeansPool', () => {
  const pool = new KmeansPool(2, workerUrl)
  afterAll(() => pool.close())

  it('keeps the related ranking index that one thread computes, its coarse runs on two threads', () => {
    const threaded = buildAtlas(talks)
    expect(ranksAtCoarseScale(threaded)).toBe(true)
    keepRankingIndex(threaded, pool.run)
    // Kept: a later use does not run the coarse runs again.
    const unused: KmeansBatchRunner = () => { throw new Error('the coarse runs ran again') }
    const kept = relatedRankingIndex(threaded, unused)
    const single = relatedRankingIndex(buildAtlas(talks))
    expect(Array.from(kept.ensemble!.labels)).toEqual(Array.from(single.ensemble!.labels))
    expect(Array.from(kept.matrix.data)).toEqual(Array.from(single.matrix.data))
  })
})
