// The k-means pool's workers reading parts of the text (the built worker, dist/kmeansWorker.js;
// the global setup builds dist/ when it is stale), and a worker that dies while it reads.
import { describe, expect, it } from 'vitest'
import { KmeansPool } from '../src/cli/kmeansPool.js'
import { generateCorpus } from '../src/eval/synthetic.js'
import { readTalkTerms, type TermStreams } from '../src/vectorize/tfidf.js'
import { directionPoints } from './helpers/directionPoints.js'
import { stubWorker } from './helpers/stubWorker.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)
const talks = generateCorpus({ talks: 600, seed: 7 })
const TIMEOUT = 60_000

/** Every field of two token streams, equal. */
function expectSameStreams(streams: TermStreams, single: TermStreams): void {
  for (const field of ['units', 'isPart', 'surfaces', 'docStart', 'typeUnits', 'typeCounts', 'mainLanguages'] as const) {
    expect(Array.from(streams[field] ?? []), field).toEqual(Array.from(single[field] ?? []))
  }
  expect(streams.typeNames).toEqual(single.typeNames)
  expect(streams.unitKeys).toEqual(single.unitKeys)
}

/** Runs a small batch, so that the workers are up and waiting before the reading is posted. */
function warmUp(pool: KmeansPool): void {
  const points = directionPoints(200, 4, 3, 4)
  pool.run(points, 4, [2, 3, 4].map((k) => ({ k, seed: k })))
}

describe('KmeansPool.readTerms', () => {
  it('reads on three threads exactly what one thread reads, whichever thread takes which part', async () => {
    const pool = new KmeansPool(3, workerUrl)
    try {
      for (const options of [{}, { titleWeight: 3 }, { language: 'auto' as const }]) expectSameStreams(pool.readTerms(talks, options), readTalkTerms(talks, options))
      warmUp(pool)
      expectSameStreams(pool.readTerms(talks, {}), readTalkTerms(talks, {}))
      // Workers whose reading code was warmed on made-up talks first.
      pool.primeReading({})
      expectSameStreams(pool.readTerms(talks, { titleWeight: 3 }), readTalkTerms(talks, { titleWeight: 3 }))
      // Fewer talks than parts.
      expectSameStreams(pool.readTerms(talks.slice(0, 3), {}), readTalkTerms(talks.slice(0, 3), {}))
    } finally {
      await pool.close()
    }
  }, TIMEOUT)

  it('reads here the parts a worker claimed and did not deliver, with one warning', async () => {
    // A worker that claims every free part the moment the reading comes, then exits.
    const script = stubWorker('claimThenExit.mjs', [
      "if (!('reading' in work)) return",
      'const { claims } = work.reading',
      'for (let p = claims.length - 1; p >= 0; p--) Atomics.compareExchange(claims, p, 0, work.mark)',
      'process.exit(70)',
    ])
    const warnings: string[] = []
    const pool = new KmeansPool(2, script, (message) => warnings.push(message))
    try {
      // Up and waiting: the worker claims its parts before this thread has read its first.
      await new Promise((resolve) => setTimeout(resolve, 500))
      expectSameStreams(pool.readTerms(talks, {}), readTalkTerms(talks, {}))
      // This thread never waits for a reading worker; it says which stopped when it next
      // waits for one, or when the pool closes.
      await pool.close()
      expect(warnings).toEqual(['a text-reading worker stopped (exit code 70); the main thread does its work'])
    } finally {
      await pool.close()
    }
  }, TIMEOUT)
})
