/**
 * Lloyd's loop shared by Elkan's and Hamerly's bounds: centroids from the assignment, how far
 * each moved, the bound scheme's reassignment, and the final inertia.
 */
import type { Seeds } from './kmeansSeeding.js'
import { squaredDistance, squaredDistanceCentroids } from './rowProducts.js'

export interface Run {
  assignment: Int32Array
  centroids: Float32Array
  inertia: number
  iterations: number
  converged: boolean
}

/**
 * Lloyd's loop of both bound schemes: centroids from the assignment, how far each moved
 * (`shift`), then `reassign` updates its bounds and moves rows, returning how many changed
 * centre; until none do or `maxIterations`.
 */
export function iterateLloyd(
  points: Float32Array, d: number, rows: Int32Array, k: number, maxIterations: number,
  state: LloydState, reassign: (iteration: number) => number, sumRows: SumRows = sumAllRows,
): Run {
  const { centroids, assignment, upper, sums, shift, previous } = state
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    previous.set(centroids)
    updateCentroids(points, d, rows, assignment, k, sums, centroids, upper, sumRows)
    for (let c = 0; c < k; c++) shift[c] = Math.sqrt(squaredDistanceCentroids(previous, centroids, c, d))
    if (reassign(iterations) === 0) {
      converged = true
      break
    }
  }
  return finishRun(points, d, rows, assignment, k, sums, centroids, upper, iterations, converged, sumRows)
}

/**
 * Adds every row to its centre's sum in `sums` (zeroed; `sizes`, each centre's row count, is
 * counted already): on this thread ({@link sumAllRows}), or split by centres over threads,
 * each with {@link sumRowsOfCentres}, which adds the same rows to each sum in the same order.
 */
export type SumRows = (points: Float32Array, d: number, rows: Int32Array, assignment: Int32Array, sums: Float64Array, sizes: Int32Array) => void

const sumAllRows: SumRows = (points, d, rows, assignment, sums, sizes) => sumRowsOfCentres(points, d, rows, assignment, sums, 0, sizes.length)

/** Adds the rows of centres [from, to) to their sums, in row order; the other rows are skipped. */
export function sumRowsOfCentres(points: Float32Array, d: number, rows: Int32Array, assignment: Int32Array, sums: Float64Array, from: number, to: number): void {
  for (let t = 0; t < rows.length; t++) {
    const c = assignment[t]
    if (c < from || c >= to) continue
    const x = rows[t] * d
    const target = c * d
    // Unrolled by four: each sum still gets its rows in the same order.
    let s = 0
    for (; s + 3 < d; s += 4) {
      sums[target + s] += points[x + s]
      sums[target + s + 1] += points[x + s + 1]
      sums[target + s + 2] += points[x + s + 2]
      sums[target + s + 3] += points[x + s + 3]
    }
    for (; s < d; s++) sums[target + s] += points[x + s]
  }
}

type LloydState = ReturnType<typeof lloydState>

/**
 * The arrays both Lloyd variants keep: centroids (the seeds, updated in place), the
 * assignment, upper bounds, centroid sums, shifts and the previous centroids. With
 * `allocate`, those another thread reads or writes are in its memory (a copy of the seeds).
 */
export function lloydState(seeds: Seeds, m: number, k: number, d: number, allocate?: Allocate) {
  const centroids = allocate === undefined ? seeds.centroids : float32(k * d, allocate)
  if (centroids !== seeds.centroids) centroids.set(seeds.centroids)
  return {
    centroids,
    assignment: int32(m, allocate),
    upper: float64(m, allocate),
    sums: float64(k * d, allocate),
    shift: float64(k, allocate),
    previous: new Float32Array(k * d),
  }
}

/** Memory of a given size in bytes (e.g. a SharedArrayBuffer). */
export type Allocate = (bytes: number) => ArrayBufferLike

export function float32(length: number, allocate?: Allocate): Float32Array {
  return allocate === undefined ? new Float32Array(length) : new Float32Array(allocate(length * 4))
}

export function float64(length: number, allocate?: Allocate): Float64Array {
  return allocate === undefined ? new Float64Array(length) : new Float64Array(allocate(length * 8))
}

export function int32(length: number, allocate?: Allocate): Int32Array {
  return allocate === undefined ? new Int32Array(length) : new Int32Array(allocate(length * 4))
}

/** Final centroids and the exact inertia of the final assignment. */
function finishRun(
  points: Float32Array, d: number, rows: Int32Array, assignment: Int32Array, k: number,
  sums: Float64Array, centroids: Float32Array, upper: Float64Array, iterations: number, converged: boolean, sumRows: SumRows,
): Run {
  updateCentroids(points, d, rows, assignment, k, sums, centroids, upper, sumRows)
  let inertia = 0
  for (let t = 0; t < rows.length; t++) inertia += squaredDistance(points, rows[t], centroids, assignment[t], d)
  return { assignment, centroids, inertia, iterations, converged }
}

/**
 * Recomputes unit centroids from the assignment. An empty cluster is re-seeded with the row
 * farthest from its own centre (lowest index on ties), as scikit-learn does.
 */
function updateCentroids(
  points: Float32Array, d: number, rows: Int32Array, assignment: Int32Array, k: number,
  sums: Float64Array, centroids: Float32Array, upper: Float64Array, sumRows: SumRows,
): void {
  sums.fill(0)
  const sizes = new Int32Array(k)
  for (let t = 0; t < rows.length; t++) sizes[assignment[t]]++
  sumRows(points, d, rows, assignment, sums, sizes)
  for (let c = 0; c < k; c++) {
    if (sizes[c] > 0) continue
    const far = farthestRow(upper, assignment, sizes)
    const x = rows[far] * d
    const from = assignment[far] * d
    for (let s = 0; s < d; s++) {
      sums[from + s] -= points[x + s]
      sums[c * d + s] = points[x + s]
    }
    sizes[assignment[far]]--
    assignment[far] = c
    sizes[c] = 1
    upper[far] = 0
  }
  for (let c = 0; c < k; c++) {
    let norm = 0
    for (let s = c * d; s < (c + 1) * d; s++) norm += sums[s] * sums[s]
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let s = c * d; s < (c + 1) * d; s++) centroids[s] = sums[s] * scale
  }
}

function farthestRow(upper: Float64Array, assignment: Int32Array, sizes: Int32Array): number {
  let far = 0
  let farDistance = -1
  for (let t = 0; t < upper.length; t++) {
    if (sizes[assignment[t]] > 1 && upper[t] > farDistance) {
      farDistance = upper[t]
      far = t
    }
  }
  return far
}
