import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { squaredDistancesFromCentre } from './rowProducts.js'

/** One pair at a time, coordinate after coordinate: the sum the kernel must give bit for bit. */
function squaredDistanceOfPair(centroids: Float32Array, a: number, b: number, d: number): number {
  let sum = 0
  for (let s = 0; s < d; s++) {
    const diff = centroids[a * d + s] - centroids[b * d + s]
    sum += diff * diff
  }
  return sum
}

describe('squaredDistancesFromCentre(centroids, a, others, from, to, d, out)', () => {
  it('gives the one-pair-at-a-time sum of every pair bit for bit, four centres at a time and the rest one by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 11 }),
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 12 * 11, maxLength: 12 * 11 }),
        fc.nat(),
        (k, d, values, pick) => {
          const centroids = Float32Array.from(values.slice(0, k * d))
          const a = pick % k
          const others = Int32Array.from({ length: k }, (_, i) => (i * 7 + pick) % k)
          const from = pick % (k + 1)
          const out = new Float64Array(k).fill(-1)
          squaredDistancesFromCentre(centroids, a, others, from, k, d, out)
          for (let i = 0; i < k; i++) {
            expect(out[i]).toBe(i < from ? -1 : squaredDistanceOfPair(centroids, a, others[i]!, d))
          }
        },
      ),
    )
  })

  it('(centroids, 0, [1, 2, 3, 4, 5], 0, 5, 2, out) holds the five squared distances from centre 0', () => {
    const centroids = Float32Array.from([0, 0, 1, 0, 0, 2, 3, 4, -1, -1, 0.5, 0])
    const out = new Float64Array(5)
    squaredDistancesFromCentre(centroids, 0, Int32Array.from([1, 2, 3, 4, 5]), 0, 5, 2, out)
    expect(Array.from(out)).toEqual([1, 4, 25, 2, 0.25])
  })
})
