/** Lloyd iterations with Hamerly's bounds: one lower bound per row, for many rows × centres. */
import type { Seeds } from './kmeansSeeding.js'
import { iterateLloyd, lloydState, type Run } from './lloydLoop.js'
import { blockDots, ROW_BLOCK, squaredDistance, squaredDistancesFromCentre } from './rowProducts.js'

/**
 * Hamerly (2010), "Making k-means even faster": a row is re-examined only when its upper
 * bound exceeds both half the distance from its centre to the nearest other centre and its
 * one lower bound to every other centre.
 */
/** @internal Exported for tests. */
export function lloydHamerly(points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, maxIterations: number): Run {
  const m = rows.length
  const state = lloydState(seeds, m, k, d)
  const { centroids, assignment, upper, shift } = state
  const lower = new Float64Array(m)
  // Rows whose bounds fail are gathered and assigned together, a block of rows against every
  // centre (see assignNearestRows): with weak clusters most rows fail them for many iterations.
  const pending = new Int32Array(m)
  const dots = new Float64Array(ROW_BLOCK * k)
  for (let t = 0; t < m; t++) pending[t] = t
  assignNearestRows(points, d, rows, pending, m, centroids, k, assignment, upper, lower, dots)
  const halfGap = new Float64Array(k)
  return iterateLloyd(points, d, rows, k, maxIterations, state, () => {
    let maxShift = 0
    let secondShift = 0
    let maxShiftCluster = -1
    for (let c = 0; c < k; c++) {
      if (shift[c] > maxShift) {
        secondShift = maxShift
        maxShift = shift[c]
        maxShiftCluster = c
      } else if (shift[c] > secondShift) secondShift = shift[c]
    }
    for (let t = 0; t < m; t++) {
      const a = assignment[t]
      upper[t] += shift[a]
      lower[t] -= a === maxShiftCluster ? secondShift : maxShift
    }
    computeHalfGaps(centroids, k, d, halfGap)
    let count = 0
    for (let t = 0; t < m; t++) {
      const a = assignment[t]
      const bound = Math.max(halfGap[a], lower[t])
      if (upper[t] <= bound) continue
      upper[t] = Math.sqrt(squaredDistance(points, rows[t], centroids, a, d))
      if (upper[t] <= bound) continue
      pending[count++] = t
    }
    return assignNearestRows(points, d, rows, pending, count, centroids, k, assignment, upper, lower, dots)
  })
}

/**
 * Nearest and second-nearest centre of the rows at positions `pending[0 .. count)`, with their
 * distances as Hamerly's bounds; returns how many rows changed centre. Four rows are taken
 * against two centres at a time (eight sums in registers, each value read once for several
 * products: the register blocking of a BLAS matrix product), about twice as fast in V8 as one
 * dot product after the other. Ties go to the lowest centre index.
 */
export function assignNearestRows(
  points: Float32Array, d: number, rows: Int32Array, pending: Int32Array, count: number, centroids: Float32Array, k: number,
  assignment: Int32Array, upper: Float64Array, lower: Float64Array, dots: Float64Array,
): number {
  let changed = 0
  let p = 0
  for (; p + ROW_BLOCK <= count; p += ROW_BLOCK) {
    blockDots(points, d, rows[pending[p]] * d, rows[pending[p + 1]] * d, rows[pending[p + 2]] * d, rows[pending[p + 3]] * d, centroids, k, dots)
    for (let r = 0; r < ROW_BLOCK; r++) {
      const t = pending[p + r]
      const before = assignment[t]
      nearestOfDots(dots, r * k, k, t, assignment, upper, lower)
      if (assignment[t] !== before) changed++
    }
  }
  for (; p < count; p++) {
    const t = pending[p]
    const before = assignment[t]
    assignNearest(points, rows[t], centroids, k, d, t, assignment, upper, lower)
    if (assignment[t] !== before) changed++
  }
  return changed
}

/** Nearest and second-nearest centre from one row's dot products at `dots[base .. base + k)`. */
function nearestOfDots(dots: Float64Array, base: number, k: number, t: number, assignment: Int32Array, upper: Float64Array, lower: Float64Array): void {
  let best = -1
  let bestDistance = Infinity
  let second = Infinity
  for (let c = 0; c < k; c++) {
    const distance = Math.max(0, 2 - 2 * dots[base + c])
    if (distance < bestDistance) {
      second = bestDistance
      bestDistance = distance
      best = c
    } else if (distance < second) second = distance
  }
  assignment[t] = best
  upper[t] = Math.sqrt(bestDistance)
  lower[t] = Math.sqrt(second)
}

function assignNearest(
  points: Float32Array, i: number, centroids: Float32Array, k: number, d: number,
  t: number, assignment: Int32Array, upper: Float64Array, lower: Float64Array,
): void {
  let best = -1
  let bestDistance = Infinity
  let second = Infinity
  for (let c = 0; c < k; c++) {
    const distance = squaredDistance(points, i, centroids, c, d)
    if (distance < bestDistance) {
      second = bestDistance
      bestDistance = distance
      best = c
    } else if (distance < second) second = distance
  }
  assignment[t] = best
  upper[t] = Math.sqrt(bestDistance)
  lower[t] = Math.sqrt(second)
}

/** For each centre, half the distance to its nearest other centre (the pairs' distances as Elkan's bounds compute them). */
function computeHalfGaps(centroids: Float32Array, k: number, d: number, halfGap: Float64Array): void {
  halfGap.fill(Infinity)
  const centres = Int32Array.from({ length: k }, (_, c) => c)
  const squared = new Float64Array(k)
  for (let a = 0; a < k; a++) {
    squaredDistancesFromCentre(centroids, a, centres, a + 1, k, d, squared)
    for (let b = a + 1; b < k; b++) {
      const gap = Math.sqrt(squared[b]) / 2
      if (gap < halfGap[a]) halfGap[a] = gap
      if (gap < halfGap[b]) halfGap[b] = gap
    }
  }
}
