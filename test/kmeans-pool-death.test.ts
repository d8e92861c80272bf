// The CLI's k-means worker pool when a worker dies (the built worker, dist/kmeansWorker.js,
// failing as TALKATLAS_TEST_WORKER_FAULT asks; see src/cli/testFault.ts). The main thread
// blocks in Atomics.wait and so never saw a dead worker's 'exit' event: it waited 30 minutes.
// Now it notices within a moment and does the dead worker's work itself, with the same results.
// A hang would block this thread, where no test timeout can fire: test/cli.worker-death.test.ts
// runs the binary under a spawn timeout.
import { describe, expect, it } from 'vitest'
import { kmeans, type KmeansOptions } from '../src/cluster/kmeans.js'
import { KmeansPool } from '../src/cli/kmeansPool.js'
import { directionPoints } from './helpers/directionPoints.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)
const TIMEOUT = 30_000

/** A pool whose workers fail as `fault` says, and the warnings it gives. */
function faultyPool(threads: number, fault: string): { pool: KmeansPool; warnings: string[] } {
  const warnings: string[] = []
  // The workers copy the environment when they start.
  process.env['TALKATLAS_TEST_WORKER_FAULT'] = fault
  try {
    return { pool: new KmeansPool(threads, workerUrl, (message) => warnings.push(message)), warnings }
  } finally {
    delete process.env['TALKATLAS_TEST_WORKER_FAULT']
  }
}

/** n unit rows in d dimensions around `groups` directions. */
const points = (n: number, d: number, groups: number) => directionPoints(n, d, groups, 4)

/** Checks pooled results against kmeans run alone on each job. */
function expectAsAlone(pooled: ReturnType<KmeansPool['run']>, data: Float32Array, d: number, jobs: readonly KmeansOptions[]): void {
  expect(pooled).toHaveLength(jobs.length)
  pooled.forEach((result, i) => {
    const alone = kmeans(data, d, jobs[i]!)
    expect(Array.from(result.labels)).toEqual(Array.from(alone.labels))
    expect(Array.from(result.centroids)).toEqual(Array.from(alone.centroids))
    expect(result.inertia).toBe(alone.inertia)
    expect(result.iterations).toBe(alone.iterations)
  })
}

const batch = [2, 3, 4, 5, 6, 7].map((k, i) => ({ k, seed: 20 + i, restarts: 2 }))

describe('KmeansPool with a worker that dies', () => {
  it('does the share of a worker that exits on the main thread, with the same results, and goes on without it', async () => {
    const { pool, warnings } = faultyPool(3, 'kmeans:exit:1')
    try {
      const data = points(300, 5, 4)
      expectAsAlone(pool.run(data, 5, batch), data, 5, batch)
      // Both workers exited on their first job, filling the batch's Gram matrix (filled again
      // here); one line each says why.
      expect(warnings).toEqual([
        'a k-means worker stopped (exit code 70); the main thread does its work',
        'a k-means worker stopped (exit code 70); the main thread does its work',
      ])
      expectAsAlone(pool.run(data, 5, batch), data, 5, batch)
      expect(warnings).toHaveLength(2)
    } finally {
      await pool.close()
    }
  }, TIMEOUT)

  it("passes on the message of a worker's uncaught error, on a later job", async () => {
    // Job 1 fills the batch's Gram matrix, job 2 runs the first batch; the second batch reuses
    // that Gram matrix, so its jobs are the worker's job 3.
    const { pool, warnings } = faultyPool(2, 'kmeans:throw:3')
    try {
      const data = points(300, 5, 4)
      expectAsAlone(pool.run(data, 5, batch), data, 5, batch)
      expect(warnings).toEqual([])
      expectAsAlone(pool.run(data, 5, batch), data, 5, batch)
      expect(warnings).toEqual(['a k-means worker stopped (injected test fault in the kmeans worker); the main thread does its work'])
    } finally {
      await pool.close()
    }
  }, TIMEOUT)

  it('runs the sample restarts a dead worker took on the main thread (one job above 3,000 rows)', async () => {
    const { pool, warnings } = faultyPool(2, 'kmeans:exit:1')
    try {
      const data = points(4000, 6, 4)
      const job = [{ k: 12, seed: 5, restarts: 5 }]
      expectAsAlone(pool.run(data, 6, job), data, 6, job)
      expect(warnings).toHaveLength(1)
      // No worker left: the restarts and the refinement run here alone.
      expectAsAlone(pool.run(data, 6, job), data, 6, job)
    } finally {
      await pool.close()
    }
  }, TIMEOUT)

  it('refines again on the main thread when the worker sharing the refinement dies', async () => {
    // Its first job is the sample restarts, its second the passes of the refinement.
    for (const fault of ['kmeans:exit:2', 'kmeans:throw:2']) {
      const { pool, warnings } = faultyPool(2, fault)
      try {
        const data = points(5003, 7, 6)
        const job = [{ k: 15, seed: 8, restarts: 3 }]
        expectAsAlone(pool.run(data, 7, job), data, 7, job)
        expect(warnings).toHaveLength(1)
        expect(warnings[0]).toMatch(/^a k-means worker stopped \((exit code 70|injected test fault in the kmeans worker)\); the main thread does its work$/)
      } finally {
        await pool.close()
      }
    }
  }, TIMEOUT)
})
