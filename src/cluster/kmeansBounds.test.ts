import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRandom, nextGaussian } from '../random.js'
import { normalizeDenseRows } from '../linalg/dense.js'
import { kmeans, kmeansBatch, kmeansBatchGram, type KmeansOptions } from './kmeans.js'
import { seedCentroids, type Seeds } from './kmeansSeeding.js'
import { lloydElkan } from './lloydElkan.js'
import { lloydHamerly } from './lloydHamerly.js'
import { rowDot } from './rowProducts.js'

function unitRows(n: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed)
  const points = Float32Array.from({ length: n * d }, () => nextGaussian(random))
  normalizeDenseRows(points, d)
  return points
}

/**
 * Plain Lloyd: every distance computed, lowest index on ties; centroids renormalised.
 * Undefined when a cluster empties (the bounded versions re-seed it; this one does not).
 */
function plainLloyd(points: Float32Array, d: number, initial: Float32Array, k: number, maxIterations: number): Int32Array | undefined {
  const n = points.length / d
  const centroids = initial.slice()
  const assignment = new Int32Array(n)
  const assign = (): number => {
    let changed = 0
    for (let i = 0; i < n; i++) {
      let best = -1
      let bestDot = -Infinity
      for (let c = 0; c < k; c++) {
        let dot = 0
        for (let s = 0; s < d; s++) dot += points[i * d + s]! * centroids[c * d + s]!
        if (dot > bestDot) {
          bestDot = dot
          best = c
        }
      }
      if (assignment[i] !== best) changed++
      assignment[i] = best
    }
    return changed
  }
  assign()
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const sums = new Float64Array(k * d)
    for (let i = 0; i < n; i++) for (let s = 0; s < d; s++) sums[assignment[i]! * d + s] += points[i * d + s]!
    for (let c = 0; c < k; c++) {
      let norm = 0
      for (let s = 0; s < d; s++) norm += sums[c * d + s]! ** 2
      if (norm === 0) return undefined
      for (let s = 0; s < d; s++) centroids[c * d + s] = sums[c * d + s]! / Math.sqrt(norm)
    }
    if (assign() === 0) break
  }
  return assignment
}

function seedsFromRows(points: Float32Array, d: number, centres: number[]): Seeds {
  const centroids = new Float32Array(centres.length * d)
  centres.forEach((row, c) => centroids.set(points.subarray(row * d, row * d + d), c * d))
  return { centroids, centres: Int32Array.from(centres) }
}

describe('Lloyd with bounds', () => {
  it("Elkan's and Hamerly's bounds reach plain Lloyd's assignment from the same seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 8 }), (seed, k, d) => {
        const n = 60
        const points = unitRows(n, d, seed)
        const rows = Int32Array.from({ length: n }, (_, i) => i)
        const centres = Array.from({ length: k }, (_, c) => (c * 5 + (seed % 5)) % n)
        const expected = plainLloyd(points, d, seedsFromRows(points, d, centres).centroids, k, 100)
        fc.pre(expected !== undefined)
        const elkan = lloydElkan(points, d, rows, seedsFromRows(points, d, centres), k, 100, undefined)
        const hamerly = lloydHamerly(points, d, rows, seedsFromRows(points, d, centres), k, 100)
        // The first assignment four rows at a time (n = 60 leaves no partial block; 61 rows do).
        const blocked = lloydElkan(points, d, rows, seedsFromRows(points, d, centres), k, 100, undefined, true)
        const partial = unitRows(n + 1, d, seed)
        const partialRows = Int32Array.from({ length: n + 1 }, (_, i) => i)
        const partialExpected = plainLloyd(partial, d, seedsFromRows(partial, d, centres).centroids, k, 100)
        fc.pre(partialExpected !== undefined)
        const partialBlocked = lloydElkan(partial, d, partialRows, seedsFromRows(partial, d, centres), k, 100, undefined, true)
        expect(Array.from(blocked.assignment)).toEqual(Array.from(expected!))
        expect(Array.from(partialBlocked.assignment)).toEqual(Array.from(partialExpected!))
        expect(Array.from(elkan.assignment)).toEqual(Array.from(expected!))
        expect(Array.from(hamerly.assignment)).toEqual(Array.from(expected!))
        expect(elkan.inertia).toBeCloseTo(hamerly.inertia, 9)
        // Centres that are rows: the first assignment reads the Gram matrix, the same distances.
        const gram = kmeansBatchGram(points, d, [{ k: n, restarts: 10 }])!
        const fromGram = lloydElkan(points, d, rows, { ...seedsFromRows(points, d, centres), centres: Int32Array.from(centres) }, k, 100, gram)
        expect(Array.from(fromGram.assignment)).toEqual(Array.from(elkan.assignment))
        expect(fromGram.inertia).toBe(elkan.inertia)
      }),
      { numRuns: 60, seed: 11 },
    )
  })

  it('lloydElkan from the Gram matrix keeps the first of two equal centres, as without it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (seed) => {
        const n = 40
        const d = 3
        const points = unitRows(n, d, seed)
        // Rows 1 and 7 copy row 0: the centres on rows 0 and 1 tie for every row.
        points.copyWithin(d, 0, d)
        points.copyWithin(7 * d, 0, d)
        const rows = Int32Array.from({ length: n }, (_, i) => i)
        const centres = [9, 0, 1, 20]
        const gram = kmeansBatchGram(points, d, [{ k: n, restarts: 10 }])!
        const without = lloydElkan(points, d, rows, seedsFromRows(points, d, centres), centres.length, 1, undefined)
        const fromGram = lloydElkan(points, d, rows, seedsFromRows(points, d, centres), centres.length, 1, gram)
        expect(Array.from(fromGram.assignment)).toEqual(Array.from(without.assignment))
      }),
      { numRuns: 30, seed: 12 },
    )
  })
})

describe('kmeansBatch(points, d, jobs)', () => {
  it('returns for each job what kmeans returns alone, with the shared Gram matrix or without', () => {
    const points = unitRows(400, 6, 7)
    // Alone, k = 2 with one restart does too little seeding for the Gram matrix; in this
    // batch the other jobs make it pay, so the same job runs once with it and once without.
    const jobs: KmeansOptions[] = [{ k: 2, restarts: 1, seed: 3 }, { k: 40, restarts: 3, seed: 1 }, { k: 9, seed: 5 }]
    const batch = kmeansBatch(points, 6, jobs)
    jobs.forEach((job, j) => expect(batch[j]).toEqual(kmeans(points, 6, job)))
    expect(batch[1]!.k).toBe(40)
  })

  it('kmeansBatchGram(points, d, jobs) holds rowDot of every two rows, bit for bit', () => {
    for (const [n, d] of [[7, 5], [8, 8], [9, 3]] as const) {
      const points = unitRows(n, d, n * d)
      const gram = kmeansBatchGram(points, d, [{ k: n, restarts: 10 }])!
      for (let s = 0; s < n; s++) {
        for (let t = 0; t < n; t++) expect(gram[s * n + t]).toBe(rowDot(points, s * d, points, t * d, d))
      }
    }
  })

  it('refuses a Gram matrix of other points', () => {
    const points = unitRows(20, 3, 1)
    expect(() => kmeansBatch(points, 3, [{ k: 2 }], new Float64Array(19 * 19))).toThrow(
      `kmeans: gram="361 entries" is invalid, expected kmeansBatchGram's matrix of these points (20 × 20 entries)`,
    )
  })

  it('validates every job before running any', () => {
    const points = unitRows(20, 3, 1)
    expect(() => kmeansBatch(points, 3, [{ k: 2 }, { k: 0 }])).toThrow(/k/)
    expect(() => kmeansBatch(points, 3, [{ k: 2, restarts: 1.5 }])).toThrow(/restarts/)
  })
})

describe('seeding and stopping at scale', () => {
  it('seedCentroids picks the same centres with all candidates evaluated together as one at a time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 2, max: 9 }), fc.integer({ min: 1, max: 7 }), (seed, k, trials) => {
        const d = 5
        const n = 203
        const points = unitRows(n, d, seed)
        const rows = Int32Array.from({ length: n }, (_, i) => i)
        const oneAtATime = seedCentroids(points, d, rows, k, trials, createRandom(seed), undefined, 1e-6, Infinity)
        const together = seedCentroids(points, d, rows, k, trials, createRandom(seed), undefined, 1e-6, 0)
        expect(Array.from(together.centres!)).toEqual(Array.from(oneAtATime.centres!))
      }),
      { numRuns: 40, seed: 5 },
    )
  })

})
