/**
 * Spherical k-means on unit-length dense rows: greedy k-means++ seeding, Lloyd iterations
 * accelerated with Elkan's or Hamerly's bounds, centroids re-normalised to unit length, the
 * best of several seeded restarts kept. Jobs on the same rows can share their Gram matrix.
 */
import { OptionError } from '../errors.js'
import { checkInteger, DEFAULT_SEED } from '../options.js'
import { createRandom, type Random } from '../random.js'
import type { Warning } from '../types.js'
import { nonZeroRows } from '../linalg/dense.js'
import { distanceSlack, GRAM_MAX_ROWS, seedCentroids } from './kmeansSeeding.js'
import {
  bestSampleRun, lloyd, planSampleRestarts, restartSampleSize, runSampleRestarts, type SampleRestarts, type SampleRun,
} from './kmeansRestarts.js'
import type { RowHelper } from './lloydElkan.js'
import type { Run } from './lloydLoop.js'
import { rowDot } from './rowProducts.js'

export { RESTART_SAMPLE_ABOVE, restartSampleSize } from './kmeansRestarts.js'

/** Options of {@link kmeans}. */
export interface KmeansOptions {
  /** Number of clusters; capped (with a `fewer-clusters` warning) by the number of distinct non-zero rows. Required. */
  readonly k: number
  /** Random seed (an integer). @default 42 (`DEFAULT_SEED`) */
  readonly seed?: number
  /**
   * Independent restarts; the one with the lowest inertia wins. Above 3,000 non-zero rows
   * they run on a sample of max(5,000, 50 k) rows, at most half the rows (all rows when that
   * leaves fewer than 20 per cluster), each with its own seed drawn from `seed`, and only the
   * winner is refined on all rows, so the cost of restarts does not grow with the rows.
   * @default 10
   */
  readonly restarts?: number
  /** Lloyd iterations per restart at most. @default 100 */
  readonly maxIterations?: number
  /** Candidate centres tried per k-means++ step (greedy k-means++); 0 = `2 + ln k`. @default 0 */
  readonly seedingTrials?: number
}

/** {@link KmeansOptions} with every default filled in. */
export type ResolvedKmeansOptions = { readonly [K in keyof KmeansOptions]-?: Exclude<KmeansOptions[K], undefined> }

/** Frozen defaults of the optional {@link KmeansOptions} fields (`k` has none). */
export const defaultKmeansOptions: Omit<ResolvedKmeansOptions, 'k'> = Object.freeze({
  seed: DEFAULT_SEED,
  restarts: 10,
  maxIterations: 100,
  seedingTrials: 0,
})

/**
 * Validates options and fills defaults.
 * @param options User options; `k` is required.
 * @throws OptionError naming the first invalid field (`kmeans: k=0 is invalid, expected an integer ≥ 1`).
 */
export function resolveKmeansOptions(options: KmeansOptions): ResolvedKmeansOptions {
  if (typeof options !== 'object' || options === null) throw new OptionError('kmeans', 'options', options, 'an object')
  const resolved: ResolvedKmeansOptions = {
    k: options.k,
    seed: options.seed ?? defaultKmeansOptions.seed,
    restarts: options.restarts ?? defaultKmeansOptions.restarts,
    maxIterations: options.maxIterations ?? defaultKmeansOptions.maxIterations,
    seedingTrials: options.seedingTrials ?? defaultKmeansOptions.seedingTrials,
  }
  checkInteger('kmeans', 'k', resolved.k, 1)
  checkInteger('kmeans', 'seed', resolved.seed, Number.MIN_SAFE_INTEGER)
  checkInteger('kmeans', 'restarts', resolved.restarts, 1)
  checkInteger('kmeans', 'maxIterations', resolved.maxIterations, 1)
  checkInteger('kmeans', 'seedingTrials', resolved.seedingTrials, 0)
  return Object.freeze(resolved)
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
  return planKmeansBatch(points, dimensions, jobs, gram).map((plan) => plan.finish(plan.restarts && runSampleRestarts(plan.restarts)))
}

/**
 * A k-means job in two parts, for a runner that spreads its restarts over threads: the
 * restarts on a sample (undefined when the job runs on all rows), independent of each other,
 * then `finish`, which refines the best of their runs on all rows. The result is the same
 * however the restarts are run, as long as `finish` gets their runs in seed order.
 */
export interface KmeansPlan {
  readonly restarts: SampleRestarts | undefined
  /**
   * The job's result; `runs` are those of `restarts.seeds` in order (none without
   * `restarts`); `helper`, a thread that shares each pass of the refinement (see `RowHelper`).
   */
  finish(runs?: readonly SampleRun[], helper?: RowHelper): KmeansResult
}

/**
 * The plans of a batch of jobs on the same rows; `kmeansBatch` finishes each in order. Every
 * job is checked before any runs.
 */
export function planKmeansBatch(points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], gram?: Float64Array): KmeansPlan[] {
  const resolved = jobs.map(resolveKmeansOptions)
  const rows = nonZeroRows(points, dimensions)
  if (gram !== undefined && gram.length !== rows.length * rows.length) {
    throw new OptionError('kmeans', 'gram', `${gram.length} entries`, `kmeansBatchGram's matrix of these points (${rows.length} × ${rows.length} entries)`)
  }
  const shared = gram ?? (gramPays(rows.length, resolved) ? rowGram(points, dimensions, rows) : undefined)
  // Over all rows, so it also bounds any sample of them.
  const slack = distanceSlack(points, dimensions, rows)
  return resolved.map((job) => planOnRows(points, dimensions, rows, shared, slack, job))
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
  const rows = batchGramRows(points, dimensions, jobs)
  return rows === undefined ? undefined : rowGram(points, dimensions, rows, allocate(rows.length * rows.length))
}

/** The rows of the Gram matrix {@link kmeansBatch} would use for these jobs (the non-zero rows), or undefined when it would use none. */
export function batchGramRows(points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[]): Int32Array | undefined {
  const rows = nonZeroRows(points, dimensions)
  return gramPays(rows.length, jobs) ? rows : undefined
}

function planOnRows(
  points: Float32Array, dimensions: number, rows: Int32Array, gram: Float64Array | undefined, slack: number, options: ResolvedKmeansOptions,
): KmeansPlan {
  const n = points.length / dimensions
  const { k, restarts, maxIterations } = options
  const warnings: Warning[] = []
  const distinct = countDistinctRows(points, dimensions, rows, k)
  const kEffective = Math.min(k, distinct)
  if (kEffective < k) {
    warnings.push({ code: 'fewer-clusters', message: `kmeans: k=${k} exceeds the ${distinct} distinct talks with distinctive terms; using k=${kEffective}` })
  }
  const labels = new Int32Array(n).fill(-1)
  if (kEffective === 0) {
    return { restarts: undefined, finish: () => ({ labels, centroids: new Float32Array(0), k: 0, inertia: 0, iterations: 0, converged: true, warnings }) }
  }
  const random = createRandom(options.seed)
  const trials = seedingTrials(options, kEffective)
  const size = restartSampleSize(rows.length, kEffective)
  const sampled = size < rows.length
    ? planSampleRestarts(points, dimensions, rows, size, kEffective, restarts, trials, maxIterations, slack, random)
    : undefined
  const finish = (runs?: readonly SampleRun[], helper?: RowHelper): KmeansResult => {
    if (sampled !== undefined && runs?.length !== sampled.seeds.length) throw new Error(`kmeans: ${runs?.length ?? 0} sample runs for ${sampled.seeds.length} restarts`)
    const winner = sampled === undefined
      ? bestRestart(points, dimensions, rows, gram, slack, kEffective, restarts, maxIterations, trials, random)
      // The best sample run refined on all rows, its first assignment four rows at a time.
      : lloyd(points, dimensions, rows, { centroids: bestSampleRun(runs!).centroids.slice() }, kEffective, maxIterations, undefined, true, helper)
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
  return { restarts: sampled, finish }
}

/**
 * The lowest-inertia of `restarts` seeded Lloyd runs on all rows (the first on ties), each
 * seeded from the one generator in turn. Above {@link RESTART_SAMPLE_ABOVE} rows the restarts
 * run on a sample instead (`kmeansRestarts.ts`), so that their cost no longer grows with the
 * rows, and only the best of them is refined on all rows. (Refining the three best instead
 * gave the same clusters on 5,000 and 10,000 resampled talks, seeds 1 and 2: the best on the
 * sample stayed the best.)
 */
function bestRestart(
  points: Float32Array, d: number, rows: Int32Array, gram: Float64Array | undefined, slack: number,
  k: number, restarts: number, maxIterations: number, trials: number, random: Random,
): Run {
  let best: Run | undefined
  for (let r = 0; r < restarts; r++) {
    const seeds = seedCentroids(points, d, rows, k, trials, random, gram, slack)
    const run = lloyd(points, d, rows, seeds, k, maxIterations, gram)
    if (best === undefined || run.inertia < best.inertia) best = run
  }
  return best!
}

function seedingTrials(options: KmeansOptions, k: number): number {
  return options.seedingTrials || 2 + Math.floor(Math.log(k))
}

/** Whether the seeding work of the jobs (candidate scans of all rows) exceeds the m²/2 products of the Gram matrix. */
function gramPays(m: number, jobs: readonly KmeansOptions[]): boolean {
  if (m > GRAM_MAX_ROWS || m < 2) return false
  let scans = 0
  for (const job of jobs) {
    const k = Math.min(job.k, m)
    scans += (job.restarts ?? defaultKmeansOptions.restarts) * k * (seedingTrials(job, k) + 1)
  }
  return scans >= m / 2
}

/**
 * Dot products of every pair of `rows`, m × m row-major by position in `rows`. Computed with
 * {@link rowDot}, so each entry is bit for bit the value the distance functions would compute.
 */
function rowGram(points: Float32Array, d: number, rows: Int32Array, gram: Float64Array = new Float64Array(rows.length * rows.length)): Float64Array {
  let chunk = 0
  fillGramChunks(points, d, rows, gram, () => chunk++)
  return gram
}

/** Rows of the Gram matrix per {@link fillGramChunks} chunk: small enough that threads taking chunks in turn finish together. */
export const GRAM_CHUNK_ROWS = 16

/**
 * Fills the chunks of the Gram matrix (rows s of `rows` from chunk · {@link GRAM_CHUNK_ROWS},
 * entries t ≥ s and their mirror) that `claim` hands out, until it hands out one past the
 * last: threads sharing one counter fill the matrix together, each entry written by one of
 * them and computed as {@link rowGram} computes it. The first chunks are the longest.
 * @param points Row-major n × d.
 * @param d Dimensions.
 * @param rows The rows of the matrix.
 * @param gram m × m matrix to fill.
 * @param claim Next chunk to fill.
 * @returns Number of chunks filled.
 */
export function fillGramChunks(points: Float32Array, d: number, rows: Int32Array, gram: Float64Array, claim: () => number): number {
  const m = rows.length
  let filled = 0
  for (let chunk = claim(); chunk * GRAM_CHUNK_ROWS < m; chunk = claim(), filled++) {
    const end = Math.min(m, (chunk + 1) * GRAM_CHUNK_ROWS)
    for (let s = chunk * GRAM_CHUNK_ROWS; s < end; s++) {
      for (let t = s; t < m; t++) {
        const dot = rowDot(points, rows[s] * d, points, rows[t] * d, d)
        gram[s * m + t] = dot
        gram[t * m + s] = dot
      }
    }
  }
  return filled
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
