import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createRandom, nextGaussian, type Random } from '../random.js'
import { normalizeDenseRows } from '../linalg/dense.js'
import { kmeansBatchGram } from './kmeans.js'
import { distanceSlack, drawProportional, seedCentroids } from './kmeansSeeding.js'

/** n unit rows of Gaussian noise. */
function unitRows(n: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed)
  const points = Float32Array.from({ length: n * d }, () => nextGaussian(random))
  normalizeDenseRows(points, d)
  return points
}

/** Greedy k-means++ from a Gram matrix as written first: one candidate drawn, scanned and compared at a time. */
function seedOneAtATime(gram: Float64Array, m: number, k: number, trials: number, random: Random): Int32Array {
  const centres = new Int32Array(k)
  centres[0] = Math.floor(random.next() * m)
  const closest = Float64Array.from({ length: m }, (_, t) => Math.max(0, 2 - 2 * gram[centres[0]! * m + t]!))
  let potential = closest.reduce((sum, x) => sum + x, 0)
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity
    let best: Float64Array | undefined
    for (let trial = 0; trial < trials; trial++) {
      let target = random.next() * potential
      let candidate = m - 1
      for (let t = 0; t < m; t++) {
        target -= closest[t]!
        if (target < 0) {
          candidate = t
          break
        }
      }
      const distances = new Float64Array(m)
      let sum = 0
      for (let t = 0; t < m; t++) {
        distances[t] = Math.min(closest[t]!, Math.max(0, 2 - 2 * gram[candidate * m + t]!))
        sum += distances[t]!
      }
      if (sum < bestPotential) {
        bestPotential = sum
        best = distances
        centres[c] = candidate
      }
    }
    closest.set(best!)
    potential = bestPotential
  }
  return centres
}

describe('seedCentroids(points, d, rows, k, trials, random, gram, slack)', () => {
  it('with a Gram matrix picks the centres of one candidate at a time, for any number of trials (four candidates summed together, then the rest)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 12 }), fc.nat(1000), (trials, k, seed) => {
        const points = unitRows(40, 5, seed)
        const rows = Int32Array.from({ length: 40 }, (_, i) => i)
        const gram = kmeansBatchGram(points, 5, [{ k: 40, restarts: 10 }])!
        const seeds = seedCentroids(points, 5, rows, k, trials, createRandom(seed), gram, distanceSlack(points, 5, rows))
        expect(Array.from(seeds.centres!)).toEqual(Array.from(seedOneAtATime(gram, 40, k, trials, createRandom(seed))))
      }),
      { numRuns: 60 },
    )
  })
})

/** One draw proportional to the weights as first written: a target lowered by each weight until below zero. */
function drawOne(weights: Float64Array, total: number, random: Random): number {
  if (total <= 0) return Math.floor(random.next() * weights.length)
  let target = random.next() * total
  for (let t = 0; t < weights.length; t++) {
    target -= weights[t]!
    if (target < 0) return t
  }
  return weights.length - 1
}

describe('drawProportional(weights, total, random, drawn)', () => {
  it('draws the rows that draws one at a time give, in the same order, from the same generator', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 4, noNaN: true })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }), fc.constantFrom(0, 1, 1.5), fc.nat(1000),
        (values, count, scale, seed) => {
          const weights = Float64Array.from(values)
          // Totals at, above (draws past the last row) and at zero (uniform draws).
          const total = scale * weights.reduce((sum, w) => sum + w, 0)
          const drawn = new Int32Array(count)
          drawProportional(weights, total, createRandom(seed), drawn)
          const one = createRandom(seed)
          expect(Array.from(drawn)).toEqual(Array.from({ length: count }, () => drawOne(weights, total, one)))
        },
      ),
      { numRuns: 200 },
    )
  })
})
