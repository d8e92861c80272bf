import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { averageLinkageMerges, nearestNeighbourChain, type ChainLinkage, type Merge } from './nearestNeighbourChain.js'

/** Cost of joining two clusters, from their members (sorted, so a set always gives the same bits). */
type SetCost = (left: readonly number[], right: readonly number[]) => number

/** A clustering as the set of clusters it forms, each with the height it formed at. */
type Hierarchy = Map<string, number>

/**
 * The greedy agglomeration by definition, O(m³) cost evaluations: always join the closest
 * pair of clusters. Returns undefined when a step's closest pair is not unique by `margin`,
 * where the hierarchy is not defined by the costs alone.
 */
function naiveAgglomeration(m: number, cost: SetCost, margin: number): Hierarchy | undefined {
  const clusters: number[][] = Array.from({ length: m }, (_, i) => [i])
  const formed: Hierarchy = new Map()
  while (clusters.length > 1) {
    let best = Infinity
    let second = Infinity
    let pair = [0, 1]
    for (let x = 0; x < clusters.length; x++) {
      for (let y = x + 1; y < clusters.length; y++) {
        const c = cost(clusters[x]!, clusters[y]!)
        if (c < best) {
          second = best
          best = c
          pair = [x, y]
        } else if (c < second) second = c
      }
    }
    if (second - best <= margin) return undefined
    const union = [...clusters[pair[0]!]!, ...clusters[pair[1]!]!].sort((a, b) => a - b)
    formed.set(union.join(','), best)
    clusters.splice(pair[1]!, 1)
    clusters[pair[0]!] = union
  }
  return formed
}

/** The clusters a list of merges forms (cluster b joins a, the union keeps a). */
function hierarchyOf(m: number, merges: readonly Merge[]): Hierarchy {
  const members: number[][] = Array.from({ length: m }, (_, i) => [i])
  const formed: Hierarchy = new Map()
  for (const { a, b, height } of merges) {
    members[a] = [...members[a]!, ...members[b]!].sort((x, y) => x - y)
    formed.set(members[a]!.join(','), height)
  }
  return formed
}

/** A linkage for the chain that recomputes `cost` from the clusters' members. */
function setLinkage(m: number, cost: SetCost): ChainLinkage {
  const members: number[][] = Array.from({ length: m }, (_, i) => [i])
  const costs = new Float64Array(m)
  return {
    costsFrom: (a, active) => {
      for (let x = 0; x < m; x++) if (active[x] !== 0 && x !== a) costs[x] = cost(members[a]!, members[x]!)
      return costs
    },
    merge: (keep, drop) => {
      members[keep] = [...members[keep]!, ...members[drop]!].sort((x, y) => x - y)
    },
  }
}

/** Symmetric distances between m items from a list of pair values (upper triangle, row by row). */
function pairDistances(m: number, values: readonly number[]): (i: number, j: number) => number {
  const table = new Float64Array(m * m)
  let v = 0
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) table[i * m + j] = table[j * m + i] = values[v++ % values.length]!
  }
  return (i, j) => table[i * m + j]!
}

const completeLinkage = (distance: (i: number, j: number) => number): SetCost => (left, right) => {
  let worst = 0
  for (const i of left) for (const j of right) worst = Math.max(worst, distance(i, j))
  return worst
}
const averageOfPairs = (distance: (i: number, j: number) => number): SetCost => (left, right) => {
  let sum = 0
  for (const i of left) for (const j of right) sum += distance(i, j)
  return sum / (left.length * right.length)
}
const wardOfPoints = (points: readonly (readonly number[])[]): SetCost => (left, right) => {
  const mean = (set: readonly number[]): number[] => points[0]!.map((_, j) => set.reduce((s, i) => s + points[i]![j]!, 0) / set.length)
  const [ml, mr] = [mean(left), mean(right)]
  const squared = ml.reduce((s, value, j) => s + (value - mr[j]!) ** 2, 0)
  return ((left.length * right.length) / (left.length + right.length)) * squared
}

const sizes = fc.integer({ min: 2, max: 9 })
const distanceValues = fc.array(fc.integer({ min: 1, max: 1_000_000 }).map((x) => x / 1_000_000), { minLength: 1, maxLength: 36 })

describe('nearestNeighbourChain(m, linkage)', () => {
  test('gives no merge for 0 or 1 cluster and m − 1 merges otherwise', () => {
    const linkage = setLinkage(5, completeLinkage((i, j) => Math.abs(i - j)))
    expect(nearestNeighbourChain(0, linkage)).toEqual([])
    expect(nearestNeighbourChain(1, linkage)).toEqual([])
    expect(nearestNeighbourChain(5, linkage)).toHaveLength(4)
  })

  test('breaks ties by the chain\'s previous cluster, then by the lower index', () => {
    // All distances equal: 0 reaches 1 (lowest index), 1 keeps 0 (previous), and so on.
    const merges = nearestNeighbourChain(4, setLinkage(4, completeLinkage(() => 1)))
    expect(merges).toEqual([{ a: 0, b: 1, height: 1 }, { a: 0, b: 2, height: 1 }, { a: 0, b: 3, height: 1 }])
  })

  test('complete linkage: the same clusters at the same heights as the greedy O(m³) agglomeration', () => {
    fc.assert(fc.property(sizes, distanceValues, (m, values) => {
      const cost = completeLinkage(pairDistances(m, values))
      const greedy = naiveAgglomeration(m, cost, 0)
      fc.pre(greedy !== undefined)
      expect(hierarchyOf(m, nearestNeighbourChain(m, setLinkage(m, cost)))).toEqual(greedy)
    }), { numRuns: 300, seed: 42 })
  })

  test('Ward linkage of points: the same clusters at the same heights as the greedy O(m³) agglomeration', () => {
    const points = fc.array(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 9 })
    fc.assert(fc.property(points, (rows) => {
      const cost = wardOfPoints(rows)
      const greedy = naiveAgglomeration(rows.length, cost, 0)
      fc.pre(greedy !== undefined)
      expect(hierarchyOf(rows.length, nearestNeighbourChain(rows.length, setLinkage(rows.length, cost)))).toEqual(greedy)
    }), { numRuns: 300, seed: 42 })
  })
})

describe('averageLinkageMerges(distances, m)', () => {
  test('joins the nearest pair first and averages the distances of a union (float32 heights)', () => {
    // Points 0, 1, 3 and 7 on a line.
    const at = [0, 1, 3, 7]
    const distances = Float32Array.from({ length: 16 }, (_, p) => Math.abs(at[Math.floor(p / 4)]! - at[p % 4]!))
    expect(averageLinkageMerges(distances, 4)).toEqual([
      { a: 0, b: 1, height: 1 },
      { a: 0, b: 2, height: 2.5 },
      { a: 0, b: 3, height: Math.fround(17 / 3) },
    ])
  })

  test('the same clusters as the greedy O(m³) agglomeration on the mean of pair distances', () => {
    fc.assert(fc.property(sizes, distanceValues, (m, values) => {
      const distance = pairDistances(m, values)
      // A margin well above float32 rounding, so that the stored updates cannot swap a choice.
      const greedy = naiveAgglomeration(m, averageOfPairs(distance), 1e-4)
      fc.pre(greedy !== undefined)
      const matrix = Float32Array.from({ length: m * m }, (_, p) => (p % (m + 1) === 0 ? 0 : distance(Math.floor(p / m), p % m)))
      const chained = hierarchyOf(m, averageLinkageMerges(matrix, m))
      expect([...chained.keys()].sort()).toEqual([...greedy!.keys()].sort())
      for (const [cluster, height] of greedy!) expect(chained.get(cluster)!).toBeCloseTo(height, 5)
    }), { numRuns: 300, seed: 42 })
  })
})
