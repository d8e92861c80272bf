/**
 * Spherical k-means on unit-length dense rows: k-means++ seeding, Lloyd iterations
 * accelerated with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"), centroids
 * re-normalised to unit length, the best of several seeded restarts kept.
 */
import { OptionError } from '../errors.js'
import { createRandom, type Random } from '../random.js'
import type { Warning } from '../types.js'
import { nonZeroRows } from './dense.js'

/** Options of {@link kmeans}. */
export interface KmeansOptions {
  /** Number of clusters; capped (with a `fewer-clusters` warning) by the number of distinct non-zero rows. Required. */
  readonly k: number
  /** Random seed. @default 42 */
  readonly seed?: number
  /**
   * Independent restarts; the one with the lowest inertia wins. Above 10,000 non-zero rows
   * they run on a sample of max(5,000, 50 k) rows and the winner is refined on all rows.
   * @default 10
   */
  readonly restarts?: number
  /** Lloyd iterations per restart at most. @default 100 */
  readonly maxIterations?: number
  /** Candidate centres tried per k-means++ step (greedy k-means++); 0 = `2 + ln k`. @default 0 */
  readonly seedingTrials?: number
}

/** Result of {@link kmeans}. */
export interface KmeansResult {
  /** Cluster of each row; -1 for zero rows, which belong to no cluster. */
  readonly labels: Int32Array
  /** Unit centroids, row-major k × d. */
  readonly centroids: Float32Array
  /** Number of clusters actually formed. */
  readonly k: number
  /** Sum over rows of the squared distance to their centroid, `Σ ‖x − c‖²`. */
  readonly inertia: number
  /** Iterations of the winning restart. */
  readonly iterations: number
  /** Whether the winning restart stopped because no row changed cluster. */
  readonly converged: boolean
  readonly warnings: readonly Warning[]
}

/**
 * Clusters unit rows of a row-major matrix.
 * @param points Row-major n × d, each row unit length or zero.
 * @param dimensions d.
 * @param options See {@link KmeansOptions}.
 */
export function kmeans(points: Float32Array, dimensions: number, options: KmeansOptions): KmeansResult {
  const n = points.length / dimensions
  const { k } = options
  if (!Number.isInteger(k) || k < 1) throw new OptionError('kmeans', 'k', k, 'an integer ≥ 1')
  const restarts = options.restarts ?? 10
  if (!Number.isInteger(restarts) || restarts < 1) throw new OptionError('kmeans', 'restarts', restarts, 'an integer ≥ 1')
  const maxIterations = options.maxIterations ?? 100
  const rows = nonZeroRows(points, dimensions)
  const warnings: Warning[] = []
  const distinct = countDistinctRows(points, dimensions, rows, k)
  const kEffective = Math.min(k, distinct)
  if (kEffective < k) {
    warnings.push({ code: 'fewer-clusters', message: `kmeans: k=${k} exceeds the ${distinct} distinct talks with distinctive terms; using k=${kEffective}` })
  }
  const labels = new Int32Array(n).fill(-1)
  if (kEffective === 0) {
    return { labels, centroids: new Float32Array(0), k: 0, inertia: 0, iterations: 0, converged: true, warnings }
  }
  const random = createRandom(options.seed ?? 42)
  const trials = options.seedingTrials || 2 + Math.floor(Math.log(kEffective))
  // Above SAMPLE_ABOVE rows the restarts (seeding and Lloyd) run on a sample and only the
  // winner's centres are refined on all rows, so their cost no longer grows with n.
  const restartRows = rows.length > SAMPLE_ABOVE ? sampleRows(rows, Math.max(SAMPLE_MIN, SAMPLE_PER_CLUSTER * kEffective), random) : rows
  let best: Run | undefined
  for (let r = 0; r < restarts; r++) {
    const initial = seedCentroids(points, dimensions, restartRows, kEffective, trials, random)
    const run = lloyd(points, dimensions, restartRows, initial, kEffective, maxIterations)
    if (best === undefined || run.inertia < best.inertia) best = run
  }
  const winner = restartRows === rows ? best! : lloyd(points, dimensions, rows, best!.centroids, kEffective, maxIterations)
  for (let t = 0; t < rows.length; t++) labels[rows[t]] = winner.assignment[t]
  const formed = new Set(winner.assignment).size
  if (formed < kEffective) warnings.push({ code: 'fewer-clusters', message: `kmeans: only ${formed} distinct clusters formed for k=${kEffective}` })
  return {
    labels,
    centroids: winner.centroids,
    k: kEffective,
    inertia: winner.inertia,
    iterations: winner.iterations,
    converged: winner.converged,
    warnings,
  }
}

/** Row count above which restarts run on a sample (see {@link kmeans}). */
const SAMPLE_ABOVE = 10000
/** Sample size for the restarts: at least this many rows… */
const SAMPLE_MIN = 5000
/** …and at least this many per cluster. */
const SAMPLE_PER_CLUSTER = 50

/**
 * A uniform sample of `size` of the rows (partial Fisher–Yates with the run's generator),
 * in ascending row order so that it does not depend on the draw order.
 */
function sampleRows(rows: Int32Array, size: number, random: Random): Int32Array {
  if (size >= rows.length) return rows
  const pool = rows.slice()
  for (let t = 0; t < size; t++) {
    const swap = t + Math.floor(random.next() * (pool.length - t))
    const held = pool[t]
    pool[t] = pool[swap]
    pool[swap] = held
  }
  return pool.subarray(0, size).sort()
}

interface Run {
  assignment: Int32Array
  centroids: Float32Array
  inertia: number
  iterations: number
  converged: boolean
}


/**
 * Number of distinct rows among `rows`, counted up to `limit`. k-means cannot form more
 * clusters than distinct points: asking it to would seed duplicate centres and split
 * identical talks between clusters through empty-cluster re-seeding.
 */
function countDistinctRows(points: Float32Array, d: number, rows: Int32Array, limit: number): number {
  const bits = new Int32Array(points.buffer, points.byteOffset, points.length)
  const buckets = new Map<number, number[]>()
  let distinct = 0
  for (let t = 0; t < rows.length && distinct < limit; t++) {
    const start = rows[t] * d
    let hash = 0x811c9dc5 // FNV-1a over the float bits
    for (let c = start; c < start + d; c++) hash = Math.imul(hash ^ bits[c], 0x01000193)
    const bucket = buckets.get(hash)
    if (bucket === undefined) buckets.set(hash, [start])
    else if (bucket.some((other) => sameRow(points, other, start, d))) continue
    else bucket.push(start)
    distinct++
  }
  return distinct
}

function sameRow(points: Float32Array, a: number, b: number, d: number): boolean {
  for (let c = 0; c < d; c++) if (points[a + c] !== points[b + c]) return false
  return true
}

/** Squared Euclidean distance between row i of `points` and row c of `centroids`, unit rows: 2 − 2 x·c. */
function squaredDistance(points: Float32Array, i: number, centroids: Float32Array, c: number, d: number): number {
  return Math.max(0, 2 - 2 * rowDot(points, i * d, centroids, c * d, d))
}

/**
 * Dot product of `a[x .. x+d)` and `b[y .. y+d)` with four independent sums: the additions
 * no longer wait on each other, which makes this loop about 1.4× faster than one running sum
 * (it is the innermost loop of seeding, assignment and every restart).
 */
function rowDot(a: Float32Array, x: number, b: Float32Array, y: number, d: number): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let t = 0
  for (; t + 3 < d; t += 4) {
    s0 += a[x + t] * b[y + t]
    s1 += a[x + t + 1] * b[y + t + 1]
    s2 += a[x + t + 2] * b[y + t + 2]
    s3 += a[x + t + 3] * b[y + t + 3]
  }
  for (; t < d; t++) s0 += a[x + t] * b[y + t]
  return s0 + s1 + (s2 + s3)
}

/**
 * Greedy k-means++ (Arthur & Vassilvitskii 2007; greedy trials as in scikit-learn): each new
 * centre is the best of `trials` candidates drawn proportionally to the squared distance.
 *
 * Exact pruning by the triangle inequality (as in Elkan 2003): a row whose nearest centre so
 * far is `o` can only come closer to a candidate `y` when ‖y − o‖ < 2‖x − o‖, so rows with
 * `closest ≤ ‖y − o‖² / 4` keep their distance without a dot product. The distances are
 * computed as `2 − 2 x·y`, which equals ‖x − y‖² only for exactly unit rows; `slack` bounds
 * the difference, so the pruned rows are exactly those the full scan would leave unchanged.
 */
function seedCentroids(points: Float32Array, d: number, rows: Int32Array, k: number, trials: number, random: Random): Float32Array {
  const m = rows.length
  const centroids = new Float32Array(k * d)
  const centres = new Int32Array(k)
  const first = rows[Math.floor(random.next() * m)]
  centres[0] = first
  centroids.set(points.subarray(first * d, first * d + d), 0)
  const slack = distanceSlack(points, d, rows)
  const closest = new Float64Array(m)
  const owner = new Int32Array(m)
  let potential = 0
  for (let t = 0; t < m; t++) {
    closest[t] = squaredDistance(points, rows[t], centroids, 0, d)
    potential += closest[t]
  }
  const candidateDistances = new Float64Array(m)
  const bestDistances = new Float64Array(m)
  const reach = new Float64Array(k)
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity
    let bestRow = -1
    for (let trial = 0; trial < trials; trial++) {
      const candidate = rows[sampleProportional(closest, potential, random)]
      pruningReach(points, d, centres, c, candidate, slack, reach)
      let candidatePotential = 0
      for (let t = 0; t < m; t++) {
        const current = closest[t]
        const distance = current <= reach[owner[t]] ? current : Math.min(current, squaredDistanceRows(points, rows[t], candidate, d))
        candidateDistances[t] = distance
        candidatePotential += distance
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential
        bestRow = candidate
        bestDistances.set(candidateDistances)
      }
    }
    centres[c] = bestRow
    centroids.set(points.subarray(bestRow * d, bestRow * d + d), c * d)
    for (let t = 0; t < m; t++) {
      if (bestDistances[t] < closest[t]) {
        closest[t] = bestDistances[t]
        owner[t] = c
      }
    }
    potential = bestPotential
  }
  return centroids
}

/**
 * Bound on |(2 − 2 x·y) − ‖x − y‖²| over the rows: twice the largest deviation of a squared
 * norm from 1 (float32 rounding of unit rows, ~1e-7), plus room for the rounding of the dot.
 */
function distanceSlack(points: Float32Array, d: number, rows: Int32Array): number {
  let deviation = 0
  for (let t = 0; t < rows.length; t++) {
    let norm = 0
    for (let c = rows[t] * d; c < (rows[t] + 1) * d; c++) norm += points[c] * points[c]
    deviation = Math.max(deviation, Math.abs(norm - 1))
  }
  return 2 * deviation + 1e-9
}

/**
 * For each centre o chosen so far, the largest `closest` value of a row owned by o that a
 * candidate y cannot lower: with δ = slack, ‖y − o‖ ≥ √(f(y, o) − δ) =: g and
 * ‖x − o‖ ≤ √(closest + δ), so closest ≤ g²/4 − 2δ gives f(x, y) ≥ closest + δ.
 */
function pruningReach(points: Float32Array, d: number, centres: Int32Array, count: number, candidate: number, slack: number, reach: Float64Array): void {
  for (let o = 0; o < count; o++) {
    const gap = squaredDistanceRows(points, centres[o], candidate, d) - slack
    reach[o] = gap > 0 ? gap / 4 - 2 * slack : -Infinity
  }
}

function squaredDistanceRows(points: Float32Array, a: number, b: number, d: number): number {
  return Math.max(0, 2 - 2 * rowDot(points, a * d, points, b * d, d))
}

function sampleProportional(weights: Float64Array, total: number, random: Random): number {
  if (total <= 0) return Math.floor(random.next() * weights.length)
  let target = random.next() * total
  for (let t = 0; t < weights.length; t++) {
    target -= weights[t]
    if (target < 0) return t
  }
  return weights.length - 1
}

/**
 * Lloyd iterations with Hamerly's upper/lower bounds: a row is re-examined only when its
 * upper bound exceeds both half the distance from its centre to the nearest other centre
 * and its lower bound to every other centre.
 */
function lloyd(points: Float32Array, d: number, rows: Int32Array, initial: Float32Array, k: number, maxIterations: number): Run {
  const m = rows.length
  const centroids = initial
  const assignment = new Int32Array(m)
  const upper = new Float64Array(m)
  const lower = new Float64Array(m)
  for (let t = 0; t < m; t++) assignNearest(points, rows[t], centroids, k, d, t, assignment, upper, lower)
  const sums = new Float64Array(k * d)
  const halfGap = new Float64Array(k)
  const shift = new Float64Array(k)
  const previous = new Float32Array(k * d)
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    previous.set(centroids)
    updateCentroids(points, d, rows, assignment, k, sums, centroids, upper)
    let maxShift = 0
    let secondShift = 0
    let maxShiftCluster = -1
    for (let c = 0; c < k; c++) {
      shift[c] = Math.sqrt(squaredDistanceCentroids(previous, centroids, c, d))
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
    let changed = 0
    for (let t = 0; t < m; t++) {
      const a = assignment[t]
      const bound = Math.max(halfGap[a], lower[t])
      if (upper[t] <= bound) continue
      upper[t] = Math.sqrt(squaredDistance(points, rows[t], centroids, a, d))
      if (upper[t] <= bound) continue
      assignNearest(points, rows[t], centroids, k, d, t, assignment, upper, lower)
      if (assignment[t] !== a) changed++
    }
    if (changed === 0) {
      converged = true
      break
    }
  }
  // Final centroids and exact inertia for the final assignment.
  updateCentroids(points, d, rows, assignment, k, sums, centroids, upper)
  let inertia = 0
  for (let t = 0; t < m; t++) inertia += squaredDistance(points, rows[t], centroids, assignment[t], d)
  return { assignment, centroids, inertia, iterations, converged }
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

/**
 * Recomputes unit centroids from the assignment. An empty cluster is re-seeded with the row
 * farthest from its own centre (lowest index on ties), as scikit-learn does.
 */
function updateCentroids(
  points: Float32Array, d: number, rows: Int32Array, assignment: Int32Array, k: number,
  sums: Float64Array, centroids: Float32Array, upper: Float64Array,
): void {
  sums.fill(0)
  const sizes = new Int32Array(k)
  for (let t = 0; t < rows.length; t++) {
    const c = assignment[t]
    sizes[c]++
    const x = rows[t] * d
    const target = c * d
    for (let s = 0; s < d; s++) sums[target + s] += points[x + s]
  }
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

function squaredDistanceCentroids(a: Float32Array, b: Float32Array, c: number, d: number): number {
  let sum = 0
  for (let s = c * d; s < (c + 1) * d; s++) sum += (a[s] - b[s]) * (a[s] - b[s])
  return sum
}

function computeHalfGaps(centroids: Float32Array, k: number, d: number, halfGap: Float64Array): void {
  halfGap.fill(Infinity)
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const gap = Math.sqrt(squaredDistanceCentroids2(centroids, a, b, d)) / 2
      if (gap < halfGap[a]) halfGap[a] = gap
      if (gap < halfGap[b]) halfGap[b] = gap
    }
  }
}

function squaredDistanceCentroids2(centroids: Float32Array, a: number, b: number, d: number): number {
  let sum = 0
  for (let s = 0; s < d; s++) {
    const diff = centroids[a * d + s] - centroids[b * d + s]
    sum += diff * diff
  }
  return sum
}
