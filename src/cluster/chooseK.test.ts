import { describe, expect, it } from 'vitest'
import { blobs } from '../../test/helpers/blobs.js'
import { candidateKs, chooseK, geometricGrid, parsimoniousK, resolveChooseKOptions } from './chooseK.js'

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

  it('on a sample, scores the grid of the whole corpus (themes of 4 to 20 of its talks)', () => {
    const { k, scores } = chooseK(blobs(6, 100, 8, 1), 8, { sampleSize: 200, seed: 1 })
    // 600 rows: k from 30 to 150; the 200-row sample alone would have asked for 10 to 50.
    expect(scores[0]!.k).toBe(30)
    expect(scores[scores.length - 1]!.k).toBe(150)
    expect(k).toBeGreaterThanOrEqual(30)
  })

  it('geometricGrid spreads integers geometrically without repeats', () => {
    expect(geometricGrid(2, 182, 12)).toEqual([2, 3, 5, 7, 10, 16, 23, 35, 53, 80, 121, 182])
  })
})

describe('candidateKs(n, options) and parsimoniousK(scores)', () => {
  it('grids the k that give themes of 4 to 20 rows on average (at most 400), or answers when there is nothing to choose', () => {
    expect(candidateKs(1093)).toEqual([55, 64, 74, 85, 98, 114, 132, 152, 176, 204, 236, 273])
    expect(candidateKs(167)).toEqual([9, 10, 12, 14, 16, 18, 21, 24, 27, 31, 36, 41])
    expect(candidateKs(20)).toEqual([2, 3, 4, 5])
    expect(candidateKs(12)).toEqual([2, 3])
    expect(candidateKs(10)).toEqual([2])
    // The cap of 400 themes: the grid keeps a 2× span below it.
    expect(candidateKs(100_000)).toEqual([200, 213, 227, 242, 257, 274, 292, 311, 331, 353, 376, 400])
    for (const n of [8, 25, 72, 167, 781, 1093, 3000, 4000]) {
      const ks = candidateKs(n) as number[]
      expect(n / ks[0]!, `n = ${n}`).toBeLessThanOrEqual(20)
      expect(n / ks[ks.length - 1]!, `n = ${n}`).toBeGreaterThanOrEqual(4)
    }
    expect(candidateKs(2)).toEqual({ k: 2 })
    expect(candidateKs(0)).toEqual({ k: 1 })
    expect(candidateKs(10, { kMin: 12 })).toEqual({ k: 10 })
    expect(candidateKs(1093, { candidates: 3 })).toEqual([55, 123, 273])
    // Options left undefined keep their defaults; the atlas options were checked before.
    expect(resolveChooseKOptions({ seed: undefined, candidates: 5 })).toEqual({ candidates: 5, sampleSize: 2000, seed: 42 })
  })

  it('takes the smallest k within 2 % of the best silhouette, measured on |best| when all are negative', () => {
    expect(parsimoniousK([{ k: 2, silhouette: 0.2 }, { k: 5, silhouette: 0.393 }, { k: 9, silhouette: 0.4 }]).k).toBe(5)
    expect(parsimoniousK([{ k: 2, silhouette: 0.2 }, { k: 5, silhouette: 0.391 }, { k: 9, silhouette: 0.4 }]).k).toBe(9)
    expect(parsimoniousK([{ k: 2, silhouette: -0.102 }, { k: 3, silhouette: -0.1 }]).k).toBe(2)
    expect(parsimoniousK([{ k: 2, silhouette: -0.103 }, { k: 3, silhouette: -0.1 }]).k).toBe(3)
  })
})
