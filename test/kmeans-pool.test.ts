// The CLI's k-means worker pool, with the built worker (dist/kmeansWorker.js; the global
// setup builds dist/ when it is stale).
import { afterAll, describe, expect, it } from 'vitest'
import { kmeans, kmeansBatchGram, planKmeansBatch } from '../src/cluster/kmeans.js'
import { runSampleRestarts } from '../src/cluster/kmeansRestarts.js'
import { KmeansPool, balancedShares } from '../src/cli/kmeansPool.js'
import { createRandom } from '../src/random.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)

/** n unit rows in d dimensions around `groups` directions. */
function points(n: number, d: number, groups: number): Float32Array {
  const random = createRandom(9)
  const out = new Float32Array(n * d)
  for (let i = 0; i < n; i++) {
    let norm = 0
    for (let c = 0; c < d; c++) {
      const value = (c === i % groups ? 1 : 0) + 0.3 * random.next()
      out[i * d + c] = value
      norm += value * value
    }
    for (let c = 0; c < d; c++) out[i * d + c] /= Math.sqrt(norm)
  }
  return out
}

describe('KmeansPool', () => {
  const pool = new KmeansPool(3, workerUrl)
  const twoThreads = new KmeansPool(2, workerUrl)
  afterAll(() => Promise.all([pool.close(), twoThreads.close()]))

  it('returns, in job order, exactly what kmeans returns for each job', () => {
    const data = points(400, 6, 5)
    const jobs = [2, 3, 4, 5, 6, 7, 8].map((k, i) => ({ k, seed: 10 + i, restarts: 2 }))
    const pooled = pool.run(data, 6, jobs)
    const inOrder = jobs.map((job) => kmeans(data, 6, job))
    expect(pooled.map((r) => r.k)).toEqual([2, 3, 4, 5, 6, 7, 8])
    pooled.forEach((result, i) => {
      expect(Array.from(result.labels)).toEqual(Array.from(inOrder[i]!.labels))
      expect(Array.from(result.centroids)).toEqual(Array.from(inOrder[i]!.centroids))
      expect(result.inertia).toBe(inOrder[i]!.inertia)
    })
  })

  it("shares the batch's Gram matrix with the workers, given or computed, and recomputes it when the points change", () => {
    const data = points(300, 5, 4)
    // Enough seeding work for the Gram matrix to be used (see kmeansBatchGram).
    const jobs = [20, 30, 40].map((k, i) => ({ k, seed: 3 + i, restarts: 2 }))
    const gram = kmeansBatchGram(data, 5, jobs)
    expect(gram).toBeDefined()
    const expectSameAsInOrder = (pooled: ReturnType<typeof pool.run>, on: Float32Array) =>
      pooled.forEach((result, i) => {
        const alone = kmeans(on, 5, jobs[i]!)
        expect(Array.from(result.labels)).toEqual(Array.from(alone.labels))
        expect(result.inertia).toBe(alone.inertia)
      })
    expectSameAsInOrder(pool.run(data, 5, jobs, gram), data)
    expectSameAsInOrder(pool.run(data, 5, jobs), data)
    // The same array with other contents must not reuse the last matrix.
    data.set(points(300, 5, 7))
    expectSameAsInOrder(pool.run(data, 5, jobs), data)
  })

  it('spreads the sample restarts of one job over the threads, with what kmeans returns alone', () => {
    // Above 3,000 rows the restarts run on a sample: 4,000 rows, k = 12 → 2,000 sampled.
    const data = points(4000, 6, 4)
    const job = { k: 12, seed: 5, restarts: 5 }
    const plan = planKmeansBatch(data, 6, [job])[0]!
    expect(plan.restarts?.seeds.length).toBe(5)
    expect(plan.restarts!.sample.length).toBe(2000 * 6)
    const alone = kmeans(data, 6, job)
    for (const threads of [pool, twoThreads]) {
      const [pooled] = threads.run(data, 6, [job])
      expect(Array.from(pooled!.labels)).toEqual(Array.from(alone.labels))
      expect(Array.from(pooled!.centroids)).toEqual(Array.from(alone.centroids))
      expect(pooled!.inertia).toBe(alone.inertia)
    }
    // The restarts differ: each has its own seed, and the best of them is refined.
    const runs = runSampleRestarts(plan.restarts!)
    expect(new Set(runs.map((run) => run.inertia)).size).toBeGreaterThan(1)
    expect(() => plan.finish(runs.slice(1))).toThrow('4 sample runs for 5 restarts')
  })

  it('shares the refinement in chunks of rows and the centroid sums by centres, with what kmeans returns alone', () => {
    // 5,003 rows: five chunks of rows per pass, the last ending in three rows taken one at a time.
    const data = points(5003, 7, 6)
    const job = { k: 15, seed: 8, restarts: 3 }
    const alone = kmeans(data, 7, job)
    expect(alone.iterations).toBeGreaterThan(1)
    for (const threads of [pool, twoThreads]) {
      const [pooled] = threads.run(data, 7, [job])
      expect(Array.from(pooled!.labels)).toEqual(Array.from(alone.labels))
      expect(Array.from(pooled!.centroids)).toEqual(Array.from(alone.centroids))
      expect(pooled!.inertia).toBe(alone.inertia)
      expect(pooled!.iterations).toBe(alone.iterations)
    }
  })

  it("reports a worker's error as an error of the batch", () => {
    const data = points(50, 4, 2)
    expect(() => pool.run(data, 4, [{ k: 2 }, { k: 0 }])).toThrow('k-means worker failed: kmeans: k=0 is invalid, expected an integer ≥ 1')
    // A failure on this thread still takes the workers' answers: the next batch gets its own.
    expect(() => pool.run(data, 4, [{ k: 0 }, { k: 2 }, { k: 3 }])).toThrow('kmeans: k=0 is invalid, expected an integer ≥ 1')
    expect(pool.run(data, 4, [{ k: 2 }, { k: 3 }, { k: 4 }]).map((r) => r.k)).toEqual([2, 3, 4])
  })
})

describe('balancedShares(jobs, threads)', () => {
  it('deals every job to one thread, in job order, costliest first to the least loaded thread', () => {
    // The search for k on FOSDEM: 12 ks from 2 to 182, two restarts each.
    const grid = [2, 3, 5, 7, 10, 16, 23, 35, 53, 80, 121, 182]
    const shares = balancedShares(grid.map((k) => ({ k, restarts: 2 })), 2)
    expect(shares.flat().sort((a, b) => a - b)).toEqual(grid.map((_, i) => i))
    for (const share of shares) expect(share).toEqual([...share].sort((a, b) => a - b))
    const loads = shares.map((share) => share.reduce((sum, i) => sum + grid[i]!, 0))
    expect(loads).toEqual([268, 269]) // round-robin dealt 214 and 323
    // Equal jobs (the consensus runs) split evenly.
    expect(balancedShares(Array.from({ length: 20 }, () => ({ k: 121, restarts: 1 })), 2).map((share) => share.length)).toEqual([10, 10])
    expect(balancedShares([{ k: 5 }], 3)).toEqual([[0], [], []])
  })
})
