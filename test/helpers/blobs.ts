/** Test data for the clustering tests. */
import { createRandom } from '../../src/random.js'

/** `groups` tight groups of unit rows around orthogonal axes of a `d`-dimensional space, group by group. */
export function blobs(groups: number, perGroup: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed)
  const out = new Float32Array(groups * perGroup * d)
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < perGroup; i++) {
      const row = (g * perGroup + i) * d
      let norm = 0
      for (let c = 0; c < d; c++) {
        const value = (c === g ? 1 : 0) + 0.05 * (random.next() - 0.5)
        out[row + c] = value
        norm += value * value
      }
      for (let c = 0; c < d; c++) out[row + c] /= Math.sqrt(norm)
    }
  }
  return out
}
