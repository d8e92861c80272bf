import { describe, expect, it } from 'vitest'
import { createRandom } from '../random.js'
import { chooseK, geometricGrid } from './chooseK.js'

/** `groups` tight groups of unit rows around orthogonal axes of a `d`-dimensional space. */
function blobs(groups: number, perGroup: number, d: number, seed: number): Float32Array {
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

describe('chooseK(points, d, options)', () => {
  it('finds the number of well-separated groups', () => {
    const result = chooseK(blobs(6, 20, 8, 3), 8, { kMin: 2, kMax: 15, seed: 1 })
    expect(result.k).toBe(6)
  })

  it('takes the smallest k whose silhouette is within 2 % of the best, from scores in ascending k', () => {
    for (const seed of [1, 2, 3]) {
      const { k, scores } = chooseK(blobs(5, 12, 10, seed), 10, { seed })
      expect(scores.map((s) => s.k)).toEqual([...scores.map((s) => s.k)].sort((a, b) => a - b))
      const best = Math.max(...scores.map((s) => s.silhouette))
      expect(k).toBe(scores.find((s) => s.silhouette >= best * 0.98)!.k)
      expect(scores.find((s) => s.k === k)!.silhouette).toBeGreaterThan(0.5)
    }
  })

  it('geometricGrid spreads integers geometrically without repeats', () => {
    expect(geometricGrid(2, 182, 12)).toEqual([2, 3, 5, 7, 10, 16, 23, 35, 53, 80, 121, 182])
  })
})
