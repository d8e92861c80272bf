import { describe, expect, it } from 'vitest'
import { kmeans as mlKmeans } from 'ml-kmeans'
import { createRandom, nextGaussian } from '../random.js'
import { normalizeDenseRows } from '../linalg/dense.js'
import { defaultKmeansOptions, kmeans, resolveKmeansOptions, RESTART_SAMPLE_ABOVE, restartSampleSize } from './kmeans.js'
import { DEFAULT_SEED } from '../options.js'

/** Unit points around `k` random directions in `d` dimensions. */
function blobs(k: number, perCluster: number, d: number, spread: number, seed: number) {
  const random = createRandom(seed)
  const centres = Float32Array.from({ length: k * d }, () => nextGaussian(random))
  normalizeDenseRows(centres, d)
  const points = new Float32Array(k * perCluster * d)
  const truth: number[] = []
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < perCluster; t++) {
      const i = c * perCluster + t
      for (let s = 0; s < d; s++) points[i * d + s] = centres[c * d + s]! + spread * nextGaussian(random)
      truth.push(c)
    }
  }
  normalizeDenseRows(points, d)
  return { points, truth }
}

describe('kmeans(points, d, options)', () => {
  it('recovers well separated clusters exactly', () => {
    const { points, truth } = blobs(5, 20, 16, 0.05, 1)
    const result = kmeans(points, 16, { k: 5, seed: 3 })
    const mapping = new Map<number, number>()
    truth.forEach((c, i) => mapping.set(result.labels[i]!, c))
    expect(mapping.size).toBe(5)
    truth.forEach((c, i) => expect(mapping.get(result.labels[i]!)).toBe(c))
    expect(result.converged).toBe(true)
  })

  it('is deterministic for a seed', () => {
    const { points } = blobs(6, 30, 10, 0.4, 2)
    const a = kmeans(points, 10, { k: 6, seed: 9 })
    const b = kmeans(points, 10, { k: 6, seed: 9 })
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels))
    expect(a.inertia).toBe(b.inertia)
  })

  it('reaches an objective at least as good as ml-kmeans on the same points', () => {
    const { points } = blobs(8, 40, 12, 0.5, 4)
    const ours = kmeans(points, 12, { k: 8, seed: 1 })
    const rows = Array.from({ length: points.length / 12 }, (_, i) => Array.from(points.subarray(i * 12, i * 12 + 12)))
    const theirs = mlKmeans(rows, 8, { seed: 1, initialization: 'kmeans++' })
    // ml-kmeans minimises Euclidean inertia with unnormalised centres; compare both as cosine objectives.
    const cosineObjective = (labels: ArrayLike<number>) => {
      const sums = new Float64Array(8 * 12)
      for (let i = 0; i < labels.length; i++) for (let s = 0; s < 12; s++) sums[labels[i]! * 12 + s] += points[i * 12 + s]!
      let total = 0
      for (let c = 0; c < 8; c++) {
        let norm = 0
        for (let s = 0; s < 12; s++) norm += sums[c * 12 + s]! ** 2
        total += Math.sqrt(norm)
      }
      return total
    }
    expect(cosineObjective(ours.labels)).toBeGreaterThanOrEqual(cosineObjective(theirs.clusters) - 1e-9)
  })

  it('caps k at the number of non-zero rows with a warning and leaves zero rows unassigned', () => {
    const points = new Float32Array([1, 0, 0, 1, 0, 0])
    const result = kmeans(points, 2, { k: 5 })
    expect(result.k).toBe(2)
    expect(Array.from(result.labels).sort()).toEqual([-1, 0, 1])
    expect(result.warnings[0]?.code).toBe('fewer-clusters')
  })

  it('rejects k below 1', () => {
    expect(() => kmeans(new Float32Array(4), 2, { k: 0 })).toThrow('kmeans: k=0')
  })
})

describe('k-means restarts on a sample', () => {
  it('sample above the consensus size, half the rows at most, and no sample with fewer than 20 rows per cluster', () => {
    expect(RESTART_SAMPLE_ABOVE).toBe(3000)
    expect(restartSampleSize(3000, 100)).toBe(3000)
    expect(restartSampleSize(3500, 100)).toBe(3500)
    expect(restartSampleSize(4000, 100)).toBe(2000)
    expect(restartSampleSize(5000, 100)).toBe(2500)
    expect(restartSampleSize(10_000, 100)).toBe(5000)
    expect(restartSampleSize(100_000, 100)).toBe(5000)
    expect(restartSampleSize(100_000, 300)).toBe(15_000)
    expect(restartSampleSize(10_000, 300)).toBe(10_000)
  })

  it('recovers well separated clusters exactly from 4,000 rows, the same labels for a seed', () => {
    const { points, truth } = blobs(8, 500, 12, 0.1, 4)
    const result = kmeans(points, 12, { k: 8, seed: 5 })
    const mapping = new Map<number, number>()
    truth.forEach((c, i) => mapping.set(result.labels[i]!, c))
    expect(mapping.size).toBe(8)
    truth.forEach((c, i) => expect(mapping.get(result.labels[i]!)).toBe(c))
    expect(Array.from(kmeans(points, 12, { k: 8, seed: 5 }).labels)).toEqual(Array.from(result.labels))
  })
})

describe('resolveKmeansOptions(options)', () => {
  it('fills the frozen defaults, the seed from DEFAULT_SEED', () => {
    expect(Object.isFrozen(defaultKmeansOptions)).toBe(true)
    expect(resolveKmeansOptions({ k: 3 })).toEqual({ k: 3, seed: DEFAULT_SEED, restarts: 10, maxIterations: 100, seedingTrials: 0 })
    expect(resolveKmeansOptions({ k: 3, restarts: 2, seed: 7 })).toMatchObject({ restarts: 2, seed: 7 })
  })

  it('names the first invalid field and its value', () => {
    expect(() => resolveKmeansOptions({ k: 0 })).toThrow('kmeans: k=0 is invalid, expected an integer ≥ 1')
    expect(() => resolveKmeansOptions({ k: 2, maxIterations: 0.5 })).toThrow('kmeans: maxIterations=0.5 is invalid, expected an integer ≥ 1')
    expect(() => resolveKmeansOptions({ k: 2, seedingTrials: -1 })).toThrow(/seedingTrials=-1/)
    expect(() => kmeans(new Float32Array(4), 2, { k: 1, seed: 1.5 })).toThrow(/seed=1.5/)
  })
})
