/** Lloyd iterations with Elkan's bounds: one lower bound per row and centre. */
import type { Seeds } from './kmeansSeeding.js'
import { iterateLloyd, lloydState, type Run } from './lloydLoop.js'
import { blockDots, ROW_BLOCK, squaredDistance, squaredDistanceCentroids2 } from './rowProducts.js'

/**
 * Elkan (2003), "Using the triangle inequality to accelerate k-means": a row's distance to
 * centre c is computed only when its upper bound exceeds both its lower bound for c and half
 * the distance between its centre and c.
 */
/**
 * @internal Exported for tests. `blockedStart`: the first assignment takes four rows against
 * every centre at a time ({@link blockDots}, about twice as fast; the sums are added in
 * another order, so the bounds can differ in the last bit from one dot product at a time).
 */
export function lloydElkan(
  points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, maxIterations: number, gram: Float64Array | undefined, blockedStart = false,
): Run {
  const m = rows.length
  const state = lloydState(seeds, m, k, d)
  const { centroids, assignment, upper, shift } = state
  const lower = new Float64Array(m * k)
  if (blockedStart && gram === undefined) assignBlocked(points, d, rows, centroids, k, assignment, upper, lower)
  else assignWithAllBounds(points, d, rows, seeds, k, gram, assignment, upper, lower)
  const halfGaps = new Float64Array(k * k)
  const nearestHalfGap = new Float64Array(k)
  const moved = new Int32Array(k)
  return iterateLloyd(points, d, rows, k, maxIterations, state, (iteration) => {
    let movedCount = 0
    for (let c = 0; c < k; c++) if (shift[c] > 0) moved[movedCount++] = c
    // Only the bounds of centres that moved change (most stop moving after a few iterations).
    for (let t = 0; t < m; t++) {
      upper[t] += shift[assignment[t]]
      const base = t * k
      for (let j = 0; j < movedCount; j++) {
        const c = moved[j]
        lower[base + c] = Math.max(0, lower[base + c] - shift[c])
      }
    }
    computeAllHalfGaps(centroids, k, d, iteration === 1 ? undefined : shift, halfGaps, nearestHalfGap)
    let changed = 0
    for (let t = 0; t < m; t++) {
      const previousCentre = assignment[t]
      let a = previousCentre
      let u = upper[t]
      if (u <= nearestHalfGap[a]) continue
      const base = t * k
      let tight = false
      for (let c = 0; c < k; c++) {
        if (c === a || u <= lower[base + c] || u <= halfGaps[a * k + c]) continue
        if (!tight) {
          u = Math.sqrt(squaredDistance(points, rows[t], centroids, a, d))
          lower[base + a] = u
          tight = true
          if (u <= lower[base + c] || u <= halfGaps[a * k + c]) continue
        }
        const distance = Math.sqrt(squaredDistance(points, rows[t], centroids, c, d))
        lower[base + c] = distance
        if (distance < u) {
          a = c
          u = distance
        }
      }
      upper[t] = u
      if (a !== previousCentre) {
        assignment[t] = a
        changed++
      }
    }
    return changed
  })
}

/** Nearest centre of every row with every distance kept as an exact lower bound (from the Gram matrix when the centres are rows). */
function assignWithAllBounds(
  points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, gram: Float64Array | undefined,
  assignment: Int32Array, upper: Float64Array, lower: Float64Array,
): void {
  const m = rows.length
  const { centroids, centres } = seeds
  for (let t = 0; t < m; t++) {
    const base = t * k
    let best = -1
    let bestDistance = Infinity
    for (let c = 0; c < k; c++) {
      const squared = gram !== undefined && centres !== undefined
        ? Math.max(0, 2 - 2 * gram[t * m + centres[c]])
        : squaredDistance(points, rows[t], centroids, c, d)
      const distance = Math.sqrt(squared)
      lower[base + c] = distance
      if (distance < bestDistance) {
        bestDistance = distance
        best = c
      }
    }
    assignment[t] = best
    upper[t] = bestDistance
  }
}

/** {@link assignWithAllBounds} without a Gram matrix, four rows at a time against every centre. */
function assignBlocked(
  points: Float32Array, d: number, rows: Int32Array, centroids: Float32Array, k: number,
  assignment: Int32Array, upper: Float64Array, lower: Float64Array,
): void {
  const m = rows.length
  const dots = new Float64Array(ROW_BLOCK * k)
  let t = 0
  for (; t + ROW_BLOCK <= m; t += ROW_BLOCK) {
    blockDots(points, d, rows[t] * d, rows[t + 1] * d, rows[t + 2] * d, rows[t + 3] * d, centroids, k, dots)
    for (let r = 0; r < ROW_BLOCK; r++) {
      let best = -1
      let bestDistance = Infinity
      for (let c = 0; c < k; c++) {
        const distance = Math.sqrt(Math.max(0, 2 - 2 * dots[r * k + c]))
        lower[(t + r) * k + c] = distance
        if (distance < bestDistance) {
          bestDistance = distance
          best = c
        }
      }
      assignment[t + r] = best
      upper[t + r] = bestDistance
    }
  }
  if (t < m) assignWithAllBounds(points, d, rows.subarray(t), { centroids }, k, undefined, assignment.subarray(t), upper.subarray(t), lower.subarray(t * k))
}

/**
 * Half the distance between every two centres (k × k), and for each centre the smallest of
 * them. Given the last shifts, only pairs with a centre that moved are recomputed: a centre
 * whose members did not change is recomputed bit for bit the same, and after the first few
 * iterations most centres no longer move (this was most of Lloyd's time at k ≈ 120).
 */
function computeAllHalfGaps(
  centroids: Float32Array, k: number, d: number, shift: Float64Array | undefined, halfGaps: Float64Array, nearest: Float64Array,
): void {
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      if (shift !== undefined && shift[a] === 0 && shift[b] === 0) continue
      const gap = Math.sqrt(squaredDistanceCentroids2(centroids, a, b, d)) / 2
      halfGaps[a * k + b] = gap
      halfGaps[b * k + a] = gap
    }
  }
  nearest.fill(Infinity)
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) if (b !== a && halfGaps[a * k + b] < nearest[a]) nearest[a] = halfGaps[a * k + b]
  }
}
