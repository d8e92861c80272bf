import { describe, expect, it } from 'vitest'
import { blobs } from '../../test/helpers/blobs.js'
import fc from 'fast-check'
import { candidateKs, cosineDistances, distancesFromGram, gramDistanceRow, meanSilhouette, nestedSilhouettes } from './chooseK.js'
import { averageLinkage, CONSENSUS_LIMIT, consensusClusters, defaultConsensusOptions, resolveConsensusOptions } from './consensusClusters.js'
import { kmeans, kmeansBatchGram, RESTART_SAMPLE_ABOVE } from './kmeans.js'

/** Unit rows in 2-D at the given angles (degrees). */
function rowsAt(angles: readonly number[]): Float32Array {
  const out = new Float32Array(angles.length * 2)
  angles.forEach((a, i) => {
    out[i * 2] = Math.cos((a * Math.PI) / 180)
    out[i * 2 + 1] = Math.sin((a * Math.PI) / 180)
  })
  return out
}

describe('averageLinkage(distances, m, k)', () => {
  it('merges the closest pairs first and cuts at k clusters', () => {
    // Points on a line at 0, 1, 5, 6, 20: average linkage at k=3 gives {0,1} {5,6} {20}.
    const xs = [0, 1, 5, 6, 20]
    const d = new Float32Array(25)
    for (let a = 0; a < 5; a++) for (let b = 0; b < 5; b++) d[a * 5 + b] = Math.abs(xs[a]! - xs[b]!)
    expect(Array.from(averageLinkage(d, 5, 3))).toEqual([0, 0, 1, 1, 2])
    expect(Array.from(averageLinkage(d.slice(), 5, 2))).toEqual([0, 0, 0, 0, 1])
  })

  it('breaks equal distances by the lower index, the same way every time', () => {
    const d = new Float32Array(16).fill(1)
    for (let a = 0; a < 4; a++) d[a * 4 + a] = 0
    expect(Array.from(averageLinkage(d.slice(), 4, 2))).toEqual(Array.from(averageLinkage(d.slice(), 4, 2)))
    expect(new Set(averageLinkage(d.slice(), 4, 2)).size).toBe(2)
  })
})

describe('consensusClusters(points, d, { k, seed, runs })', () => {
  const points = rowsAt([0, 2, 4, 90, 92, 94, 180, 182, 184])

  it('recovers well-separated groups with unit centroids', () => {
    const result = consensusClusters(points, 2, { k: 3, seed: 7, runs: 10 })
    expect(result.consensus).toBe(true)
    expect(Array.from(result.labels)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2])
    expect(Math.hypot(result.centroids[0]!, result.centroids[1]!)).toBeCloseTo(1, 6)
    expect(result.centroids[3]).toBeCloseTo(Math.sin((92 * Math.PI) / 180), 5) // mean direction of 90°, 92°, 94°
  })

  it('leaves zero rows out with label -1', () => {
    const withZero = new Float32Array([...points, 0, 0])
    const result = consensusClusters(withZero, 2, { k: 3, runs: 5 })
    expect(result.labels[9]).toBe(-1)
    expect(new Set(Array.from(result.labels).slice(0, 9)).size).toBe(3)
  })

  it('gives identical labels for the same seed', () => {
    const a = consensusClusters(points, 2, { k: 4, seed: 3, runs: 8 })
    const b = consensusClusters(points, 2, { k: 4, seed: 3, runs: 8 })
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels))
    expect(Array.from(a.centroids)).toEqual(Array.from(b.centroids))
  })

  it('returns the labels of every voting run, run-major, with -1 for zero rows', () => {
    const withZero = new Float32Array([...points, 0, 0])
    const result = consensusClusters(withZero, 2, { k: 3, seed: 7, runs: 6 })
    expect(result.runLabels.length).toBe(6 * 10)
    for (let r = 0; r < 6; r++) {
      const run = Array.from(result.runLabels.subarray(r * 10, r * 10 + 10))
      expect(run[9]).toBe(-1)
      // Well-separated groups: every run agrees with the consensus up to renaming.
      for (const [a, b] of [[0, 1], [3, 5], [6, 8]] as const) expect(run[a]).toBe(run[b])
      expect(new Set(run.slice(0, 9)).size).toBe(3)
    }
  })

  it('with runs: 1 keeps the single k-means run and says so', () => {
    const single = consensusClusters(points, 2, { k: 3, runs: 1 })
    expect(single.consensus).toBe(false)
    expect(single.runLabels.length).toBe(0)
  })

  it('above the consensus limit keeps the best of at most 10 k-means restarts', () => {
    const angles = Array.from({ length: CONSENSUS_LIMIT + 1 }, (_, i) => (i % 3) * 120 + ((i * 7) % 11))
    const many = rowsAt(angles)
    const result = consensusClusters(many, 2, { k: 3, runs: 20, seed: 4 })
    expect(result.consensus).toBe(false)
    expect(Array.from(result.labels)).toEqual(Array.from(kmeans(many, 2, { k: 3, restarts: 10, seed: 4 }).labels))
    expect(new Set(result.labels).size).toBe(3)
  })

  it('fills the defaults it trusts (20 runs, seed 42): an option left undefined keeps its default', () => {
    expect(resolveConsensusOptions({ k: 3, runs: undefined })).toEqual({ k: 3, runs: 20, seed: 42 })
    expect(Object.isFrozen(defaultConsensusOptions)).toBe(true)
  })
})

describe("consensusClusters(points, d, { k: 'auto' })", () => {
  const points = blobs(6, 20, 8, 3)
  const groupOf = (i: number) => Math.floor(i / 20)

  it('chooses k by the silhouette of the dendrogram cuts and recovers the groups', () => {
    const result = consensusClusters(points, 8, { k: 'auto', seed: 5 })
    expect(result.consensus).toBe(true)
    expect(result.k).toBe(6)
    expect(result.kSearch?.k).toBe(6)
    expect(result.kSearch?.scores.map((s) => s.k)).toEqual(candidateKs(120))
    // Every group is one cluster and every cluster one group.
    for (let i = 0; i < 120; i++) expect(result.labels[i]).toBe(result.labels[groupOf(i) * 20])
    expect(new Set(result.labels).size).toBe(6)
  })

  it('votes with runs at the upper half of the candidate ks, in turn', () => {
    const result = consensusClusters(points, 8, { k: 'auto', seed: 5, runs: 4 })
    const grid = candidateKs(120) as number[]
    const upper = grid.filter((k) => 2 * k >= grid[grid.length - 1]!)
    const runKs = [0, 1, 2, 3].map((r) => new Set(result.runLabels.subarray(r * 120, (r + 1) * 120)).size)
    expect(runKs).toEqual([0, 1, 2, 3].map((r) => upper[r % upper.length]))
  })

  it('is deterministic for a seed', () => {
    const a = consensusClusters(points, 8, { k: 'auto', seed: 9 })
    const b = consensusClusters(points, 8, { k: 'auto', seed: 9 })
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels))
    expect(a.kSearch).toEqual(b.kSearch)
  })

  it("with one run, takes chooseK's k and that run's clusters", () => {
    const result = consensusClusters(points, 8, { k: 'auto', seed: 5, runs: 1 })
    expect(result.consensus).toBe(false)
    expect(result.kSearch?.k).toBe(6)
    expect(result.k).toBe(6)
  })
})

describe('consensusClusters above the restart-sampling size', () => {
  it.each([3_100, 10_050])('runs its restarts as one k-means call on %i rows, which refines on all rows once', (n) => {
    const angles = Array.from({ length: n }, (_, i) => (i % 3) * 120 + ((i * 7) % 11))
    const points = rowsAt(angles)
    const calls: { k: number; restarts: number | undefined }[][] = []
    const result = consensusClusters(points, 2, { k: 3, seed: 4, runs: 20 }, (p, d, jobs) => {
      calls.push(jobs.map(({ k, restarts }) => ({ k, restarts })))
      return jobs.map((job) => kmeans(p, d, job))
    })
    expect(calls).toEqual([[{ k: 3, restarts: 10 }]])
    expect(RESTART_SAMPLE_ABOVE).toBe(CONSENSUS_LIMIT)
    expect(result.consensus).toBe(false)
    expect(new Set(result.labels).size).toBe(3)
  })
})

/** Mean silhouette by its definition, pair by pair: the oracle of the silhouette kernels. */
function plainSilhouette(distances: Float32Array, labels: Int32Array, k: number): number {
  const n = labels.length
  const sizes = new Array<number>(k).fill(0)
  for (const label of labels) sizes[label]++
  let total = 0
  for (let i = 0; i < n; i++) {
    const sums = new Array<number>(k).fill(0)
    for (let j = 0; j < n; j++) sums[labels[j]!] += distances[i * n + j]!
    const own = labels[i]!
    if (sizes[own]! <= 1) continue
    const a = sums[own]! / (sizes[own]! - 1)
    const b = Math.min(...sums.map((sum, c) => (c === own || sizes[c] === 0 ? Infinity : sum / sizes[c]!)))
    if (b !== Infinity) total += (b - a) / Math.max(a, b, 1e-12)
  }
  return total / n
}

describe('nestedSilhouettes(distances, cuts, ks)', () => {
  it('gives each cut of one dendrogram its silhouette, and meanSilhouette gives it the same bits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 40 }), fc.integer({ min: 1, max: 1000 }), (m, seed) => {
        const points = blobs(4, Math.ceil(m / 4), 5, seed).subarray(0, m * 5)
        const distances = cosineDistances(points, 5)
        const ks = [...new Set([2, Math.ceil(m / 4), Math.ceil(m / 2), m - 1])].filter((k) => k >= 2 && k < m).sort((a, b) => a - b)
        const cuts = ks.map((k) => averageLinkage(distances.slice(), m, k))
        const nested = nestedSilhouettes(distances, cuts, ks)
        cuts.forEach((cut, i) => {
          expect(nested[i]).toBeCloseTo(plainSilhouette(distances, cut, ks[i]!), 12)
          expect(meanSilhouette(distances, cut, ks[i]!)).toBe(plainSilhouette(distances, cut, ks[i]!))
        })
      }),
      { numRuns: 60 },
    )
  })

  it('gives the same bits from Gram rows one at a time as from the whole distance matrix', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 40 }), fc.integer({ min: 1, max: 1000 }), (m, seed) => {
        const points = blobs(4, Math.ceil(m / 4), 5, seed).subarray(0, m * 5)
        const gram = kmeansBatchGram(points, 5, [{ k: m - 1, seed: 1, restarts: 10 }])!
        const distances = distancesFromGram(gram)
        const ks = [...new Set([2, Math.ceil(m / 3), m - 1])].filter((k) => k >= 2 && k < m).sort((a, b) => a - b)
        const cuts = ks.map((k) => averageLinkage(distances.slice(), m, k))
        expect(nestedSilhouettes(gramDistanceRow(gram), cuts, ks)).toEqual(nestedSilhouettes(distances, cuts, ks))
      }),
      { numRuns: 40 },
    )
  })

  it('scores nothing without cuts', () => {
    expect(nestedSilhouettes(new Float32Array(0), [], [])).toEqual([])
  })
})
