/** Lloyd iterations with Elkan's bounds: one lower bound per row and centre. */
import type { Seeds } from './kmeansSeeding.js'
import { float32, float64, int32, iterateLloyd, lloydState, sumRowsOfCentres, type Run, type SumRows } from './lloydLoop.js'
import { blockDots, ROW_BLOCK, squaredDistance, squaredDistancesFromCentre } from './rowProducts.js'

/**
 * Elkan (2003), "Using the triangle inequality to accelerate k-means": a row's distance to
 * centre c is computed only when its upper bound exceeds both its lower bound for c and half
 * the distance between its centre and c.
 */
/**
 * @internal Exported for tests. `blockedStart`: the first assignment takes four rows against
 * every centre at a time ({@link blockDots}, about twice as fast; the sums are added in
 * another order, so the bounds can differ in the last bit from one dot product at a time).
 * `helper`: another thread that shares every pass (only with `blockedStart` and no Gram
 * matrix): both take chunks of rows in turn, and each row's pass depends only on that row and
 * the centres, so the run is the same with it or without, whoever takes which chunk. The
 * centroid sums are split by centres, each sum getting its rows in row order as on one thread.
 */
export function lloydElkan(
  points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, maxIterations: number, gram: Float64Array | undefined,
  blockedStart = false, helper?: RowHelper,
): Run {
  const m = rows.length
  const shared = helper !== undefined && blockedStart && gram === undefined ? helper : undefined
  const allocate = shared?.allocate
  const state = lloydState(seeds, m, k, d, allocate)
  const elkan: ElkanRows = {
    points, d, rows, k,
    centroids: state.centroids, assignment: state.assignment, upper: state.upper, shift: state.shift, sums: state.sums,
    // float32 halves the memory the loop streams through (80 MB → 40 MB at 100,000 rows and
    // k = 100); every bound is stored rounded down (see below), so it stays a lower bound.
    lower: float32(m * k, allocate),
    halfGaps: float64(k * k, allocate),
    nearestHalfGap: float64(k, allocate),
    moved: int32(k + 1, allocate),
  }
  const pass = (kind: number): number => {
    if (shared === undefined) return elkanRows(elkan, kind, 0, m)
    shared.begin(elkan, kind, 0)
    const own = elkanChunks(elkan, kind, shared.claim)
    return own + shared.end()
  }
  const sumRows: SumRows | undefined = shared && ((points, d, rows, assignment, sums, sizes) => {
    const split = centreSplit(sizes, rows.length)
    shared.begin(elkan, SUMS_PASS, split)
    sumRowsOfCentres(points, d, rows, assignment, sums, 0, split)
    shared.end()
  })
  try {
    if (blockedStart && gram === undefined) pass(ASSIGN_PASS)
    else assignWithAllBounds(points, d, rows, seeds, k, gram, state.assignment, state.upper, elkan.lower)
    const { centroids, shift, moved } = elkan
    const run = iterateLloyd(points, d, rows, k, maxIterations, state, (iteration) => {
      let movedCount = 0
      for (let c = 0; c < k; c++) if (shift[c] > 0) moved[++movedCount] = c
      moved[0] = movedCount
      computeAllHalfGaps(centroids, k, d, iteration === 1 ? undefined : shift, elkan.halfGaps, elkan.nearestHalfGap)
      return pass(REASSIGN_PASS)
    }, sumRows)
    // Results in memory of their own, not the shared memory of the run.
    return shared === undefined ? run : { ...run, assignment: run.assignment.slice(), centroids: run.centroids.slice() }
  } finally {
    shared?.close()
  }
}

/**
 * Another thread that shares each pass of {@link lloydElkan} (the CLI's k-means worker).
 * `allocate` gives memory that thread shares; `begin` starts a pass there (see
 * {@link helperPass}; `from` is the first centre it sums in a {@link SUMS_PASS}), after which
 * both threads take chunks of rows from `claim` (the next chunk's number, from 0, one counter
 * per pass); `end` waits for that thread and returns how many of its rows changed centre;
 * `close` ends the run.
 */
export interface RowHelper {
  allocate(bytes: number): ArrayBufferLike
  begin(state: ElkanRows, pass: number, from: number): void
  readonly claim: () => number
  end(): number
  close(): void
}

/** What one pass over a range of rows reads and writes (the helper gets it once, in shared memory). */
export interface ElkanRows {
  readonly points: Float32Array
  readonly d: number
  readonly rows: Int32Array
  readonly k: number
  readonly centroids: Float32Array
  readonly assignment: Int32Array
  readonly upper: Float64Array
  readonly lower: Float32Array
  readonly shift: Float64Array
  /** The centres' sums (k × d) while the centroids are updated. */
  readonly sums: Float64Array
  readonly halfGaps: Float64Array
  readonly nearestHalfGap: Float64Array
  /** Number of centres that moved, then their indices. */
  readonly moved: Int32Array
}

/** The first assignment, four rows at a time against every centre. */
export const ASSIGN_PASS = 0
/** An iteration's reassignment. */
export const REASSIGN_PASS = 1
/** The centroid sums of centres [from, k). */
export const SUMS_PASS = 2

/**
 * Rows per chunk of a shared pass: a multiple of the row block, so that the blocks of four
 * (and the last rows, done one at a time) are those of one thread; small enough that the
 * threads end a pass together (100,000 rows: 98 chunks), large enough that claiming one
 * costs nothing.
 */
const PASS_CHUNK = 256 * ROW_BLOCK

/** The helper thread's part of a pass. @internal For the helper thread. */
export function helperPass(state: ElkanRows, pass: number, from: number, claim: () => number): number {
  if (pass !== SUMS_PASS) return elkanChunks(state, pass, claim)
  sumRowsOfCentres(state.points, state.d, state.rows, state.assignment, state.sums, from, state.k)
  return 0
}

/** Runs chunks of rows of a pass as `claim` hands them out; returns how many rows changed centre. */
function elkanChunks(state: ElkanRows, pass: number, claim: () => number): number {
  const m = state.rows.length
  let changed = 0
  for (let from = claim() * PASS_CHUNK; from < m; from = claim() * PASS_CHUNK) changed += elkanRows(state, pass, from, Math.min(m, from + PASS_CHUNK))
  return changed
}

/** The first centre of the helper's sums: the centres before it hold about half of the m rows. */
function centreSplit(sizes: Int32Array, m: number): number {
  let before = 0
  let c = 0
  while (c < sizes.length && 2 * (before + sizes[c]) <= m) before += sizes[c++]
  return c
}

/** One pass over rows [from, to); returns how many rows changed centre. */
function elkanRows(state: ElkanRows, pass: number, from: number, to: number): number {
  if (pass === ASSIGN_PASS) {
    const { points, d, rows, centroids, k, assignment, upper, lower } = state
    assignBlocked(points, d, rows.subarray(from, to), centroids, k, assignment.subarray(from, to), upper.subarray(from, to), lower.subarray(from * k, to * k))
    return 0
  }
  return reassignRows(state, from, to)
}

function reassignRows(state: ElkanRows, from: number, to: number): number {
  const { points, d, rows, k, centroids, assignment, upper, lower, shift, halfGaps, nearestHalfGap, moved } = state
  const movedCount = moved[0]
  let changed = 0
  for (let t = from; t < to; t++) {
    const previousCentre = assignment[t]
    let a = previousCentre
    // Bounds first, in the same pass (the row's k bounds are then still in cache when it is
    // examined): only the bounds of centres that moved change, and most stop moving after a
    // few iterations.
    const base = t * k
    for (let j = 1; j <= movedCount; j++) {
      const c = moved[j]
      lower[base + c] = below(lower[base + c] - shift[c])
    }
    let u = (upper[t] += shift[a])
    if (u <= nearestHalfGap[a]) continue
    let tight = false
    for (let c = 0; c < k; c++) {
      if (c === a || u <= lower[base + c] || u <= halfGaps[a * k + c]) continue
      if (!tight) {
        u = Math.sqrt(squaredDistance(points, rows[t], centroids, a, d))
        lower[base + a] = below(u)
        tight = true
        if (u <= lower[base + c] || u <= halfGaps[a * k + c]) continue
      }
      const distance = Math.sqrt(squaredDistance(points, rows[t], centroids, c, d))
      lower[base + c] = below(distance)
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
}

/** Nearest centre of every row with every distance kept as an exact lower bound (from the Gram matrix when the centres are rows). */
function assignWithAllBounds(
  points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, gram: Float64Array | undefined,
  assignment: Int32Array, upper: Float64Array, lower: Float32Array,
): void {
  const m = rows.length
  const { centroids, centres } = seeds
  if (gram !== undefined && centres !== undefined) {
    // Centre by centre along its Gram row (the matrix is symmetric, so these are the entries
    // row by row would read), about twice as fast as gathering k entries per row; a row
    // still keeps the first centre at its least distance.
    upper.fill(Infinity)
    for (let c = 0; c < k; c++) {
      const row = centres[c] * m
      for (let t = 0; t < m; t++) {
        const distance = Math.sqrt(Math.max(0, 2 - 2 * gram[row + t]))
        lower[t * k + c] = below(distance)
        if (distance < upper[t]) {
          upper[t] = distance
          assignment[t] = c
        }
      }
    }
    return
  }
  for (let t = 0; t < m; t++) {
    const base = t * k
    let best = -1
    let bestDistance = Infinity
    for (let c = 0; c < k; c++) {
      const distance = Math.sqrt(squaredDistance(points, rows[t], centroids, c, d))
      lower[base + c] = below(distance)
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
  assignment: Int32Array, upper: Float64Array, lower: Float32Array,
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
        lower[(t + r) * k + c] = below(distance)
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
 * `x` made a float32 no larger than x (0 for x ≤ 0): float32 rounding is within 2⁻²⁴ of the
 * value, so lowering it by 2⁻²² first keeps it below. A lower bound stored this way is at
 * most a few parts in ten million looser, so a few more distances are computed and the
 * assignment is the same.
 */
function below(x: number): number {
  return x > 0 ? x * (1 - 2 ** -22) : 0
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
  const others = new Int32Array(k)
  const squared = new Float64Array(k)
  for (let a = 0; a < k; a++) {
    let count = 0
    for (let b = a + 1; b < k; b++) if (shift === undefined || shift[a] !== 0 || shift[b] !== 0) others[count++] = b
    squaredDistancesFromCentre(centroids, a, others, 0, count, d, squared)
    for (let i = 0; i < count; i++) {
      const b = others[i]
      const gap = Math.sqrt(squared[i]) / 2
      halfGaps[a * k + b] = gap
      halfGaps[b * k + a] = gap
    }
  }
  nearest.fill(Infinity)
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) if (b !== a && halfGaps[a * k + b] < nearest[a]) nearest[a] = halfGaps[a * k + b]
  }
}
