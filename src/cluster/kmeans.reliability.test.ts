import { describe, expect, it } from 'vitest'
import { kmeans } from './kmeans.js'

describe('kmeans(points, d, options) on repeated points', () => {
  it('caps k at the number of distinct rows, so identical rows share a cluster', () => {
    // Rows 0, 1, 3 are the same unit vector; row 2 is another; row 4 is zero.
    const points = new Float32Array([0.6, 0.8, 0.6, 0.8, 1, 0, 0.6, 0.8, 0, 0])
    const result = kmeans(points, 2, { k: 4 })
    expect(result.k).toBe(2)
    expect(result.labels[0]).toBe(result.labels[1])
    expect(result.labels[0]).toBe(result.labels[3])
    expect(result.labels[2]).not.toBe(result.labels[0])
    expect(result.labels[4]).toBe(-1)
    expect(result.warnings.map((w) => w.message)).toEqual(['kmeans: k=4 exceeds the 2 distinct talks with distinctive terms; using k=2'])
  })

  it('forms one cluster from any number of copies of one row', () => {
    const points = new Float32Array(50 * 3)
    for (let i = 0; i < 50; i++) points.set([0, 0.6, -0.8], i * 3)
    const result = kmeans(points, 3, { k: 7, restarts: 3 })
    expect(result.k).toBe(1)
    expect(new Set(result.labels)).toEqual(new Set([0]))
    expect(result.inertia).toBeCloseTo(0, 6)
  })
})
