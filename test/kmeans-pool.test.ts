// The CLI's k-means worker pool, with the built worker (dist/kmeansWorker.js; the global
// setup builds dist/ when it is stale).
import { afterAll, describe, expect, it } from 'vitest'
import { kmeans, kmeansBatchGram, planKmeansBatch } from '../src/cluster/kmeans.js'
import { claimOrder, runClaimedJobs } from '../src/cluster/kmeansBatch.js'
import { runSampleRestarts } from '../src/cluster/kmeansRestarts.js'
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads'
import { GRAM, KmeansPool, type KmeansAnswer, type KmeansWork } from '../src/cli/kmeansPool.js'
import { directionPoints } from './helpers/directionPoints.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)

/** n unit rows in d dimensions around `groups` directions. */
const points = (n: number, d: number, groups: number) => directionPoints(n, d, groups, 9)

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

  it('fills the Gram matrix of a batch on every thread, entry for entry that of kmeansBatchGram', () => {
    // 301 rows: 19 chunks of 16 rows, the last of 13.
    const data = points(301, 5, 4)
    const jobs = [20, 30, 40].map((k, i) => ({ k, seed: 3 + i, restarts: 2 }))
    const alone = kmeansBatchGram(data, 5, jobs)!
    for (const threads of [pool, twoThreads]) {
      const pooled = threads.run.gram!(data, 5, jobs)!
      expect(pooled.buffer).toBeInstanceOf(SharedArrayBuffer)
      expect(Array.from(pooled)).toEqual(Array.from(alone))
    }
    // Too little seeding for a Gram matrix to pay: none, as kmeansBatchGram.
    expect(kmeansBatchGram(data, 5, [{ k: 2, restarts: 1 }])).toBeUndefined()
    expect(pool.run.gram!(data, 5, [{ k: 2, restarts: 1 }])).toBeUndefined()
  })

  it('checks every job before any runs, so that a bad job fails the batch with one message whichever thread would meet it', () => {
    const data = points(50, 4, 2)
    for (let round = 0; round < 3; round++) {
      expect(() => pool.run(data, 4, [{ k: 2 }, { k: 0 }])).toThrow(/^kmeans: k=0 is invalid, expected an integer ≥ 1$/)
      expect(() => pool.run(data, 4, [{ k: 0 }, { k: 2 }, { k: 3 }])).toThrow(/^kmeans: k=0 is invalid, expected an integer ≥ 1$/)
    }
    expect(pool.run(data, 4, [{ k: 2 }, { k: 3 }, { k: 4 }]).map((r) => r.k)).toEqual([2, 3, 4])
  })
})

describe('kmeansWorker alone', () => {
  /** A worker of the pool's script, with its port and done flag. */
  function startWorker() {
    const { port1, port2 } = new MessageChannel()
    const done = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(workerUrl, { workerData: { port: port2, done }, transferList: [port2] })
    return { worker, port: port1, done }
  }

  it('fills every chunk of a Gram matrix when no other thread takes any, as kmeansBatchGram computes it', async () => {
    const { worker, port } = startWorker()
    try {
      const data = points(150, 5, 3)
      const jobs = [{ k: 30, restarts: 2 }]
      const rows = Int32Array.from({ length: 150 }, (_, i) => i)
      const gram = new Float64Array(new SharedArrayBuffer(150 * 150 * 8))
      const control = new Int32Array(new SharedArrayBuffer(GRAM.length * 4))
      port.postMessage({ gramRows: rows, points: data, dimensions: 5, gram, control } satisfies KmeansWork)
      // 150 rows: ten chunks, all filled there, and no answer posted.
      for (let seen = 0; seen < 10; seen = Atomics.load(control, GRAM.filled)) Atomics.wait(control, GRAM.filled, seen, 1000)
      expect(Atomics.load(control, GRAM.next)).toBeGreaterThanOrEqual(10)
      expect(control[GRAM.failed]).toBe(0)
      expect(Array.from(gram)).toEqual(Array.from(kmeansBatchGram(data, 5, jobs)!))
      expect(receiveMessageOnPort(port)).toBeUndefined()
    } finally {
      await worker.terminate()
    }
  })

  it('runs every job of a batch when no other thread takes any, each as kmeans runs it alone', async () => {
    const { worker, port, done } = startWorker()
    try {
      const data = points(200, 4, 3)
      const jobs = [3, 6, 4].map((k, i) => ({ k, seed: 7 + i, restarts: 2 }))
      const order = claimOrder(jobs)
      const next = new Int32Array(new SharedArrayBuffer(4))
      port.postMessage({ points: data, dimensions: 4, jobs, gram: undefined, order, next } satisfies KmeansWork)
      while (Atomics.load(done, 0) === 0) Atomics.wait(done, 0, 0, 1000)
      // The answer is posted just before the flag is raised.
      let received = receiveMessageOnPort(port)
      while (received === undefined) received = (Atomics.wait(done, 0, 1, 1), receiveMessageOnPort(port))
      const answer = received.message as KmeansAnswer
      if (!('results' in answer)) throw new Error(`unexpected answer ${JSON.stringify(answer)}`)
      expect(answer.indices).toEqual(Array.from(order))
      answer.indices.forEach((index, j) => {
        const alone = kmeans(data, 4, jobs[index]!)
        expect(Array.from(answer.results[j]!.labels)).toEqual(Array.from(alone.labels))
        expect(Array.from(answer.results[j]!.centroids)).toEqual(Array.from(alone.centroids))
        expect(answer.results[j]!.inertia).toBe(alone.inertia)
      })
    } finally {
      await worker.terminate()
    }
  })
})

describe('claimOrder(jobs)', () => {
  it('puts the costliest jobs first (k × restarts), ties in job order', () => {
    expect(Array.from(claimOrder([{ k: 5, restarts: 2 }, { k: 20, restarts: 1 }, { k: 10 }, { k: 20, restarts: 1 }, { k: 3 }]))).toEqual([2, 4, 1, 3, 0])
    expect(Array.from(claimOrder([]))).toEqual([])
  })
})

describe('runClaimedJobs(points, dimensions, jobs, gram, order, claim)', () => {
  it('runs the positions claim hands out until one past the last, each as kmeans runs it alone', () => {
    const data = points(120, 4, 3)
    const jobs = [3, 5, 4].map((k, i) => ({ k, seed: i, restarts: 2 }))
    const order = claimOrder(jobs)
    // Positions 0 and 2 here; another thread would take 1.
    const handed = [0, 2, 3]
    const claimed = runClaimedJobs(data, 4, jobs, undefined, order, () => handed.shift()!)
    expect(claimed.indices).toEqual([order[0], order[2]])
    claimed.indices.forEach((index, j) => {
      const alone = kmeans(data, 4, jobs[index]!)
      expect(Array.from(claimed.results[j]!.labels)).toEqual(Array.from(alone.labels))
      expect(claimed.results[j]!.inertia).toBe(alone.inertia)
    })
  })
})
