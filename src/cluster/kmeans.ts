/**
 * Spherical k-means on unit-length dense rows: greedy k-means++ seeding, Lloyd iterations
 * accelerated with Elkan's or Hamerly's bounds, centroids re-normalised to unit length, the
 * best of several seeded restarts kept. Jobs on the same rows can share their Gram matrix.
 */
import { OptionError } from '../errors.js'
import { DEFAULT_SEED } from '../options.js'
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
  return kmeansBatch(points, dimensions, [options])[0]!
}

/**
 * Runs several k-means jobs on the same rows, in order; the results are those of calling
 * {@link kmeans} for each job. The jobs share the rows' Gram matrix when there are few rows
 * and enough seeding work for it to pay (see {@link GRAM_MAX_ROWS}).
 */
export function kmeansBatch(points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], gram?: Float64Array): KmeansResult[] {
  for (const { k, restarts } of jobs) {
    if (!Number.isInteger(k) || k < 1) throw new OptionError('kmeans', 'k', k, 'an integer ≥ 1')
    if (restarts !== undefined && (!Number.isInteger(restarts) || restarts < 1)) throw new OptionError('kmeans', 'restarts', restarts, 'an integer ≥ 1')
  }
  const rows = nonZeroRows(points, dimensions)
  if (gram !== undefined && gram.length !== rows.length * rows.length) {
    throw new OptionError('kmeans', 'gram', `${gram.length} entries`, `kmeansBatchGram's matrix of these points (${rows.length} × ${rows.length} entries)`)
  }
  const shared = gram ?? (gramPays(rows.length, jobs) ? rowGram(points, dimensions, rows) : undefined)
  // Over all rows, so it also bounds any sample of them.
  const slack = distanceSlack(points, dimensions, rows)
  return jobs.map((job) => kmeansOnRows(points, dimensions, rows, shared, slack, job))
}

/**
 * The Gram matrix {@link kmeansBatch} would compute for these points and jobs, or undefined
 * when it would not use one. A caller running several batches on the same points (on several
 * threads) computes it once and passes it to each; `allocate` chooses its memory (e.g. a
 * SharedArrayBuffer).
 */
export function kmeansBatchGram(
  points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[],
  allocate: (length: number) => Float64Array = (length) => new Float64Array(length),
): Float64Array | undefined {
  const rows = nonZeroRows(points, dimensions)
  return gramPays(rows.length, jobs) ? rowGram(points, dimensions, rows, allocate(rows.length * rows.length)) : undefined
}

function kmeansOnRows(
  points: Float32Array, dimensions: number, rows: Int32Array, gram: Float64Array | undefined, slack: number, options: KmeansOptions,
): KmeansResult {
  const n = points.length / dimensions
  const { k } = options
  const restarts = options.restarts ?? 10
  const maxIterations = options.maxIterations ?? 100
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
  const random = createRandom(options.seed ?? DEFAULT_SEED)
  const trials = seedingTrials(options, kEffective)
  // Above SAMPLE_ABOVE rows the restarts (seeding and Lloyd) run on a sample and only the
  // winner's centres are refined on all rows, so their cost no longer grows with n.
  const restartRows = rows.length > SAMPLE_ABOVE ? sampleRows(rows, Math.max(SAMPLE_MIN, SAMPLE_PER_CLUSTER * kEffective), random) : rows
  const restartGram = restartRows === rows ? gram : undefined
  let best: Run | undefined
  for (let r = 0; r < restarts; r++) {
    const seeds = seedCentroids(points, dimensions, restartRows, kEffective, trials, random, restartGram, slack)
    const run = lloyd(points, dimensions, restartRows, seeds, kEffective, maxIterations, restartGram)
    if (best === undefined || run.inertia < best.inertia) best = run
  }
  const winner = restartRows === rows ? best! : lloyd(points, dimensions, rows, { centroids: best!.centroids }, kEffective, maxIterations, undefined)
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

function seedingTrials(options: KmeansOptions, k: number): number {
  return options.seedingTrials || 2 + Math.floor(Math.log(k))
}

/**
 * Rows up to which a batch may share a Gram matrix of its rows (m² float64: 33 MB at 2,048).
 * With it, k-means++ seeding and the first assignment of every restart read dot products
 * instead of computing them; on FOSDEM (1,093 rows, k ≈ 120) seeding was a third of the
 * clustering time. Above this, and for batches with little seeding, the products are computed.
 */
const GRAM_MAX_ROWS = 2048

/** Whether the seeding work of the jobs (candidate scans of all rows) exceeds the m²/2 products of the Gram matrix. */
function gramPays(m: number, jobs: readonly KmeansOptions[]): boolean {
  if (m > GRAM_MAX_ROWS || m < 2) return false
  let scans = 0
  for (const job of jobs) {
    const k = Math.min(job.k, m)
    scans += (job.restarts ?? 10) * k * (seedingTrials(job, k) + 1)
  }
  return scans >= m / 2
}

/**
 * Dot products of every pair of `rows`, m × m row-major by position in `rows`. Computed with
 * {@link rowDot}, so each entry is bit for bit the value the distance functions would compute.
 */
function rowGram(points: Float32Array, d: number, rows: Int32Array, gram: Float64Array = new Float64Array(rows.length * rows.length)): Float64Array {
  const m = rows.length
  for (let s = 0; s < m; s++) {
    for (let t = s; t < m; t++) {
      const dot = rowDot(points, rows[s] * d, points, rows[t] * d, d)
      gram[s * m + t] = dot
      gram[t * m + s] = dot
    }
  }
  return gram
}

/** Row count above which restarts run on a sample (see {@link kmeans}). */
export const RESTART_SAMPLE_ABOVE = 10000
const SAMPLE_ABOVE = RESTART_SAMPLE_ABOVE
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

export interface Run {
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
/** @internal Exported for tests; `blockAbove` is the row count above which candidates are evaluated together. */
export function seedCentroids(
  points: Float32Array, d: number, rows: Int32Array, k: number, trials: number, random: Random, gram: Float64Array | undefined, slack: number,
  blockAbove = GRAM_MAX_ROWS,
): Seeds {
  const m = rows.length
  const centroids = new Float32Array(k * d)
  // Centres as positions in `rows`.
  const centres = new Int32Array(k)
  const first = Math.floor(random.next() * m)
  centres[0] = first
  centroids.set(points.subarray(rows[first] * d, rows[first] * d + d), 0)
  const closest = new Float64Array(m)
  const owner = new Int32Array(m)
  let potential = 0
  for (let t = 0; t < m; t++) {
    closest[t] = positionDistance(points, d, rows, gram, first, t)
    potential += closest[t]
  }
  let candidateDistances = new Float64Array(m)
  let bestDistances = new Float64Array(m)
  const reach = new Float64Array(k)
  const blocked = gram === undefined && m > blockAbove ? new BlockedTrials(d, k, m, trials) : undefined
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity
    let bestCandidate = -1
    if (blocked !== undefined) {
      const best = blocked.run(points, rows, centres, c, closest, owner, potential, random, slack)
      bestPotential = blocked.potentials[best]
      bestCandidate = blocked.candidates[best]
      bestDistances.set(blocked.distances.subarray(best * m, best * m + m))
    }
    for (let trial = 0; trial < (blocked === undefined ? trials : 0); trial++) {
      const candidate = sampleProportional(closest, potential, random)
      let candidatePotential = 0
      if (gram !== undefined) {
        // A Gram row is as cheap to read as the pruning test; pruning only skips rows whose
        // distance would not change, so reading them all gives the same distances.
        const row = candidate * m
        for (let t = 0; t < m; t++) {
          const distance = Math.min(closest[t], Math.max(0, 2 - 2 * gram[row + t]))
          candidateDistances[t] = distance
          candidatePotential += distance
        }
      } else {
        pruningReach(points, d, rows, centres, c, candidate, slack, reach)
        for (let t = 0; t < m; t++) {
          const current = closest[t]
          const distance = current <= reach[owner[t]] ? current : Math.min(current, squaredDistanceRows(points, rows[candidate], rows[t], d))
          candidateDistances[t] = distance
          candidatePotential += distance
        }
      }
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential
        bestCandidate = candidate
        // The candidate's distances become the best; the old best array is reused.
        const held = bestDistances
        bestDistances = candidateDistances
        candidateDistances = held
      }
    }
    centres[c] = bestCandidate
    centroids.set(points.subarray(rows[bestCandidate] * d, rows[bestCandidate] * d + d), c * d)
    for (let t = 0; t < m; t++) {
      if (bestDistances[t] < closest[t]) {
        closest[t] = bestDistances[t]
        owner[t] = c
      }
    }
    potential = bestPotential
  }
  return { centroids, centres }
}

/**
 * One greedy k-means++ step with all its candidates at once, for many rows without a Gram
 * matrix: the candidates are drawn first (the draws do not depend on the evaluation, so they
 * are the ones drawn one at a time), then four rows are taken against every candidate with
 * {@link blockDots}. A block whose pairs the triangle inequality all prunes is skipped; a
 * pruned pair inside a computed block keeps its distance, as in the one-at-a-time scan.
 */
class BlockedTrials {
  readonly candidates: Int32Array
  readonly potentials: Float64Array
  /** Distances of every row under each candidate, trial-major (trials × m). */
  readonly distances: Float64Array
  private readonly candidateRows: Float32Array
  private readonly reaches: Float64Array
  private readonly reach: Float64Array
  private readonly dots: Float64Array

  constructor(private readonly d: number, private readonly k: number, private readonly m: number, private readonly trials: number) {
    this.candidates = new Int32Array(trials)
    this.potentials = new Float64Array(trials)
    this.distances = new Float64Array(trials * m)
    this.candidateRows = new Float32Array(trials * d)
    this.reaches = new Float64Array(trials * k)
    this.reach = new Float64Array(k)
    this.dots = new Float64Array(ROW_BLOCK * trials)
  }

  /** Evaluates `trials` candidates for centre `count`; returns the trial with the lowest potential (the first on ties). */
  run(
    points: Float32Array, rows: Int32Array, centres: Int32Array, count: number, closest: Float64Array, owner: Int32Array,
    potential: number, random: Random, slack: number,
  ): number {
    const { d, k, m, trials, candidates, potentials, distances, candidateRows, reaches, reach, dots } = this
    for (let j = 0; j < trials; j++) {
      const candidate = sampleProportional(closest, potential, random)
      candidates[j] = candidate
      candidateRows.set(points.subarray(rows[candidate] * d, rows[candidate] * d + d), j * d)
      pruningReach(points, d, rows, centres, count, candidate, slack, reach)
      reaches.set(reach.subarray(0, count), j * k)
    }
    potentials.fill(0)
    let t = 0
    for (; t + ROW_BLOCK <= m; t += ROW_BLOCK) {
      let open = false
      for (let r = 0; r < ROW_BLOCK && !open; r++) {
        const base = owner[t + r]
        for (let j = 0; j < trials; j++) if (closest[t + r] > reaches[j * k + base]) open = true
      }
      if (open) blockDots(points, d, rows[t] * d, rows[t + 1] * d, rows[t + 2] * d, rows[t + 3] * d, candidateRows, trials, dots)
      for (let r = 0; r < ROW_BLOCK; r++) {
        const current = closest[t + r]
        const base = owner[t + r]
        for (let j = 0; j < trials; j++) {
          const distance = current <= reaches[j * k + base] ? current : Math.min(current, Math.max(0, 2 - 2 * dots[r * trials + j]))
          distances[j * m + t + r] = distance
        }
      }
    }
    for (; t < m; t++) {
      const current = closest[t]
      for (let j = 0; j < trials; j++) {
        distances[j * m + t] = current <= reaches[j * k + owner[t]] ? current : Math.min(current, squaredDistanceRows(points, rows[candidates[j]], rows[t], d))
      }
    }
    let best = 0
    for (let j = 0; j < trials; j++) {
      let sum = 0
      for (let p = j * m; p < (j + 1) * m; p++) sum += distances[p]
      potentials[j] = sum
      if (sum < potentials[best]) best = j
    }
    return best
  }
}

/** Initial centres of a Lloyd run: unit rows, and (when they are rows) their positions in `rows`. */
export interface Seeds {
  readonly centroids: Float32Array
  readonly centres?: Int32Array
}

/** `2 − 2 x·y` for the rows at positions s and t of `rows`, read from the Gram matrix when there is one. */
function positionDistance(points: Float32Array, d: number, rows: Int32Array, gram: Float64Array | undefined, s: number, t: number): number {
  if (gram !== undefined) return Math.max(0, 2 - 2 * gram[s * rows.length + t])
  return squaredDistanceRows(points, rows[s], rows[t], d)
}

/**
 * Bound on |(2 − 2 x·y) − ‖x − y‖²| over the rows (and any subset of them): twice the largest deviation of a squared
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
function pruningReach(
  points: Float32Array, d: number, rows: Int32Array, centres: Int32Array, count: number, candidate: number, slack: number, reach: Float64Array,
): void {
  for (let o = 0; o < count; o++) {
    const gap = squaredDistanceRows(points, rows[centres[o]], rows[candidate], d) - slack
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
 * Lloyd iterations from the seeds, with bounds that skip distance computations: Elkan's
 * (one lower bound per row and centre) while those bounds fit in {@link ELKAN_MAX_BOUNDS},
 * Hamerly's (one lower bound per row) above. Both reach the assignment plain Lloyd would.
 * Only Elkan's reads the Gram matrix: Hamerly's runs with k > 1,953 when it has one.
 */
function lloyd(points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, maxIterations: number, gram: Float64Array | undefined): Run {
  return rows.length * k <= ELKAN_MAX_BOUNDS
    ? lloydElkan(points, d, rows, seeds, k, maxIterations, gram)
    : lloydHamerly(points, d, rows, seeds, k, maxIterations)
}

/**
 * Lower bounds Elkan's iterations may keep (float64, 32 MB): FOSDEM's 1,093 rows at k = 121
 * need 132,000. There, over the 44 runs of `k: 'auto'`, Hamerly's single bound let 11.0
 * million row–centre distances through and Elkan's bounds 1.4 million.
 */
const ELKAN_MAX_BOUNDS = 4_000_000

/**
 * Elkan (2003), "Using the triangle inequality to accelerate k-means": a row's distance to
 * centre c is computed only when its upper bound exceeds both its lower bound for c and half
 * the distance between its centre and c.
 */
/** @internal Exported for tests. */
export function lloydElkan(points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, maxIterations: number, gram: Float64Array | undefined): Run {
  const m = rows.length
  const state = lloydState(seeds, m, k, d)
  const { centroids, assignment, upper, shift } = state
  const lower = new Float64Array(m * k)
  assignWithAllBounds(points, d, rows, seeds, k, gram, assignment, upper, lower)
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

/**
 * Lloyd's loop of both bound schemes: centroids from the assignment, how far each moved
 * (`shift`), then `reassign` updates its bounds and moves rows, returning how many changed
 * centre; until none do or `maxIterations`.
 */
function iterateLloyd(
  points: Float32Array, d: number, rows: Int32Array, k: number, maxIterations: number,
  state: LloydState, reassign: (iteration: number) => number,
): Run {
  const { centroids, assignment, upper, sums, shift, previous } = state
  let iterations = 0
  let converged = false
  while (iterations < maxIterations) {
    iterations++
    previous.set(centroids)
    updateCentroids(points, d, rows, assignment, k, sums, centroids, upper)
    for (let c = 0; c < k; c++) shift[c] = Math.sqrt(squaredDistanceCentroids(previous, centroids, c, d))
    if (reassign(iterations) === 0) {
      converged = true
      break
    }
  }
  return finishRun(points, d, rows, assignment, k, sums, centroids, upper, iterations, converged)
}

type LloydState = ReturnType<typeof lloydState>

/** The arrays both Lloyd variants keep: centroids (the seeds, updated in place), the assignment, upper bounds, centroid sums, shifts and the previous centroids. */
function lloydState(seeds: Seeds, m: number, k: number, d: number) {
  return {
    centroids: seeds.centroids,
    assignment: new Int32Array(m),
    upper: new Float64Array(m),
    sums: new Float64Array(k * d),
    shift: new Float64Array(k),
    previous: new Float32Array(k * d),
  }
}

/** Final centroids and the exact inertia of the final assignment. */
function finishRun(
  points: Float32Array, d: number, rows: Int32Array, assignment: Int32Array, k: number,
  sums: Float64Array, centroids: Float32Array, upper: Float64Array, iterations: number, converged: boolean,
): Run {
  updateCentroids(points, d, rows, assignment, k, sums, centroids, upper)
  let inertia = 0
  for (let t = 0; t < rows.length; t++) inertia += squaredDistance(points, rows[t], centroids, assignment[t], d)
  return { assignment, centroids, inertia, iterations, converged }
}

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

/** Rows assigned together by {@link assignNearestRows}. */
const ROW_BLOCK = 4

/**
 * Nearest and second-nearest centre of the rows at positions `pending[0 .. count)`, with their
 * distances as Hamerly's bounds; returns how many rows changed centre. Four rows are taken
 * against two centres at a time (eight sums in registers, each value read once for several
 * products: the register blocking of a BLAS matrix product), about twice as fast in V8 as one
 * dot product after the other. Ties go to the lowest centre index.
 */
function assignNearestRows(
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

/** Dot products of four rows (offsets x0 … x3) with every centroid, into `dots` (row-major 4 × k). */
function blockDots(points: Float32Array, d: number, x0: number, x1: number, x2: number, x3: number, centroids: Float32Array, k: number, dots: Float64Array): void {
  let c = 0
  for (; c + 1 < k; c += 2) {
    const y0 = c * d
    const y1 = y0 + d
    let a00 = 0, a01 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a30 = 0, a31 = 0
    for (let s = 0; s < d; s++) {
      const c0 = centroids[y0 + s]
      const c1 = centroids[y1 + s]
      const v0 = points[x0 + s]
      const v1 = points[x1 + s]
      const v2 = points[x2 + s]
      const v3 = points[x3 + s]
      a00 += v0 * c0
      a01 += v0 * c1
      a10 += v1 * c0
      a11 += v1 * c1
      a20 += v2 * c0
      a21 += v2 * c1
      a30 += v3 * c0
      a31 += v3 * c1
    }
    dots[c] = a00
    dots[c + 1] = a01
    dots[k + c] = a10
    dots[k + c + 1] = a11
    dots[2 * k + c] = a20
    dots[2 * k + c + 1] = a21
    dots[3 * k + c] = a30
    dots[3 * k + c + 1] = a31
  }
  if (c < k) {
    const y = c * d
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0
    for (let s = 0; s < d; s++) {
      const v = centroids[y + s]
      a0 += points[x0 + s] * v
      a1 += points[x1 + s] * v
      a2 += points[x2 + s] * v
      a3 += points[x3 + s] * v
    }
    dots[c] = a0
    dots[k + c] = a1
    dots[2 * k + c] = a2
    dots[3 * k + c] = a3
  }
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
