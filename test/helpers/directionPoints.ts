import { createRandom } from '../../src/random.js'

/**
 * n unit rows in d dimensions around `groups` directions (row i leans on axis i mod groups),
 * with seeded noise: clustered points for k-means tests.
 */
export function directionPoints(n: number, d: number, groups: number, seed: number): Float32Array {
  const random = createRandom(seed)
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
