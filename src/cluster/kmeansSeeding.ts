/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007), with the triangle-inequality pruning
 * of candidate scans and, for many rows, all of a step's candidates evaluated together.
 */
import type { Random } from '../random.js'
import { blockDots, ROW_BLOCK, squaredDistanceRows } from './rowProducts.js'

/**
 * Rows up to which a batch may share a Gram matrix of its rows (m² float64: 33 MB at 2,048).
 * With it, k-means++ seeding and the first assignment of every restart read dot products
 * instead of computing them; on FOSDEM (1,093 rows, k ≈ 120) seeding was a third of the
 * clustering time. Above this, and for batches with little seeding, the products are computed.
 */
export const GRAM_MAX_ROWS = 2048

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
  const drawn = new Int32Array(trials)
  const potentials = new Float64Array(trials)
  for (let c = 1; c < k; c++) {
    let bestPotential = Infinity
    let bestCandidate = -1
    drawProportional(closest, potential, random, drawn)
    if (gram !== undefined) {
      // The step's candidates (drawn first: `closest` does not change during a step, so these
      // are the draws made one at a time) have their potentials summed together, and only
      // the best one's distances written: the same sums, in the same order, as one at a time.
      gramPotentials(gram, m, closest, drawn, potentials)
      for (let trial = 0; trial < trials; trial++) {
        if (potentials[trial] < bestPotential) {
          bestPotential = potentials[trial]
          bestCandidate = drawn[trial]
        }
      }
      // The best candidate's distances, written where they are nearer (`owner` is read only without a Gram matrix).
      const row = bestCandidate * m
      for (let t = 0; t < m; t++) {
        // max(0, v) where v is nearer (closest ≥ 0, so v < closest decides as max(0, v) would).
        const v = 2 - 2 * gram[row + t]
        if (v < closest[t]) closest[t] = v > 0 ? v : 0
      }
    } else if (blocked !== undefined) {
      const best = blocked.run(points, rows, centres, c, closest, owner, drawn, slack)
      bestPotential = blocked.potentials[best]
      bestCandidate = drawn[best]
      bestDistances.set(blocked.distances.subarray(best * m, best * m + m))
    }
    for (let trial = 0; trial < (blocked === undefined && gram === undefined ? trials : 0); trial++) {
      const candidate = drawn[trial]
      let candidatePotential = 0
      pruningReach(points, d, rows, centres, c, candidate, slack, reach)
      for (let t = 0; t < m; t++) {
        const current = closest[t]
        const distance = current <= reach[owner[t]] ? current : Math.min(current, squaredDistanceRows(points, rows[candidate], rows[t], d))
        candidateDistances[t] = distance
        candidatePotential += distance
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
    for (let t = 0; t < (gram === undefined ? m : 0); t++) {
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
 * The potential of each candidate from the Gram matrix, Σₜ min(closestₜ, max(0, 2 − 2 gram[candidate, t])):
 * each sum added in row order as one candidate at a time adds it (a Gram row is as cheap to
 * read as the pruning test, and pruning only skips rows whose distance would not change), but
 * four candidates in one pass, so that the sums advance together
 * instead of each addition waiting on the one before.
 * @param gram m × m Gram matrix of the rows.
 * @param m Rows.
 * @param closest Each row's distance to its nearest centre so far.
 * @param candidates Candidate rows (positions).
 * @param potentials Out: the potential of each candidate.
 */
function gramPotentials(gram: Float64Array, m: number, closest: Float64Array, candidates: Int32Array, potentials: Float64Array): void {
  const trials = candidates.length
  for (let j = 0; j < trials; j += 4) {
    // A missing candidate of the last four repeats the last one and is not kept.
    const r0 = candidates[j] * m
    const r1 = candidates[Math.min(j + 1, trials - 1)] * m
    const r2 = candidates[Math.min(j + 2, trials - 1)] * m
    const r3 = candidates[Math.min(j + 3, trials - 1)] * m
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let t = 0; t < m; t++) {
      // min(current, max(0, v)) without Math.min/max (their NaN and −0 cases cost time; none
      // arise here): current ≥ 0, so v < current gives max(0, v), else current.
      const current = closest[t]
      const v0 = 2 - 2 * gram[r0 + t]
      const v1 = 2 - 2 * gram[r1 + t]
      const v2 = 2 - 2 * gram[r2 + t]
      const v3 = 2 - 2 * gram[r3 + t]
      s0 += v0 < current ? (v0 > 0 ? v0 : 0) : current
      s1 += v1 < current ? (v1 > 0 ? v1 : 0) : current
      s2 += v2 < current ? (v2 > 0 ? v2 : 0) : current
      s3 += v3 < current ? (v3 > 0 ? v3 : 0) : current
    }
    potentials[j] = s0
    if (j + 1 < trials) potentials[j + 1] = s1
    if (j + 2 < trials) potentials[j + 2] = s2
    if (j + 3 < trials) potentials[j + 3] = s3
  }
}

/**
 * One greedy k-means++ step with all its candidates at once, for many rows without a Gram
 * matrix: the candidates are drawn first (the draws do not depend on the evaluation, so they
 * are the ones drawn one at a time), then four rows are taken against every candidate with
 * {@link blockDots}. A block whose pairs the triangle inequality all prunes is skipped; a
 * pruned pair inside a computed block keeps its distance, as in the one-at-a-time scan.
 */
class BlockedTrials {
  readonly potentials: Float64Array
  /** Distances of every row under each candidate, trial-major (trials × m). */
  readonly distances: Float64Array
  private readonly candidateRows: Float32Array
  private readonly reaches: Float64Array
  private readonly reach: Float64Array
  private readonly dots: Float64Array

  constructor(private readonly d: number, private readonly k: number, private readonly m: number, private readonly trials: number) {
    this.potentials = new Float64Array(trials)
    this.distances = new Float64Array(trials * m)
    this.candidateRows = new Float32Array(trials * d)
    this.reaches = new Float64Array(trials * k)
    this.reach = new Float64Array(k)
    this.dots = new Float64Array(ROW_BLOCK * trials)
  }

  /** Evaluates the `trials` candidates `drawn` for centre `count`; returns the trial with the lowest potential (the first on ties). */
  run(
    points: Float32Array, rows: Int32Array, centres: Int32Array, count: number, closest: Float64Array, owner: Int32Array,
    drawn: Int32Array, slack: number,
  ): number {
    const { d, k, m, trials, potentials, distances, candidateRows, reaches, reach, dots } = this
    for (let j = 0; j < trials; j++) {
      const candidate = drawn[j]
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
        distances[j * m + t] = current <= reaches[j * k + owner[t]] ? current : Math.min(current, squaredDistanceRows(points, rows[drawn[j]], rows[t], d))
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
export function distanceSlack(points: Float32Array, d: number, rows: Int32Array): number {
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

/**
 * `drawn.length` rows drawn with probability proportional to their weight, in turn, from one
 * generator (uniformly when `total` is 0): each draw's target `random · total` is lowered by
 * every weight in row order until it falls below zero. Four draws are scanned together, so
 * that they do not wait on one another's subtractions; each stops at the row it would alone.
 * @internal Exported for tests.
 */
export function drawProportional(weights: Float64Array, total: number, random: Random, drawn: Int32Array): void {
  const m = weights.length
  if (total <= 0) {
    for (let i = 0; i < drawn.length; i++) drawn[i] = Math.floor(random.next() * m)
    return
  }
  for (let i = 0; i < drawn.length; i += 4) {
    // A missing draw of the last four starts below zero and is not kept. A target stays
    // below zero once it is (the weights are not negative), so all four are lowered each row.
    let x0 = random.next() * total
    let x1 = i + 1 < drawn.length ? random.next() * total : -1
    let x2 = i + 2 < drawn.length ? random.next() * total : -1
    let x3 = i + 3 < drawn.length ? random.next() * total : -1
    let d0 = -1
    let d1 = -1
    let d2 = -1
    let d3 = -1
    for (let t = 0; t < m && (d0 | d1 | d2 | d3) < 0; t++) {
      const w = weights[t]
      x0 -= w
      x1 -= w
      x2 -= w
      x3 -= w
      if (x0 < 0 && d0 < 0) d0 = t
      if (x1 < 0 && d1 < 0) d1 = t
      if (x2 < 0 && d2 < 0) d2 = t
      if (x3 < 0 && d3 < 0) d3 = t
    }
    const found = [d0, d1, d2, d3]
    for (let j = i; j < Math.min(i + 4, drawn.length); j++) drawn[j] = found[j - i]! < 0 ? m - 1 : found[j - i]!
  }
}
