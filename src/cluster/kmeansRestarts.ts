/**
 * k-means restarts on a sample of many rows: each restart seeds and runs Lloyd on the same
 * packed sample with its own seed, so the restarts are independent of each other and a
 * runner with threads may run them anywhere, in any order, with the same results.
 */
import { gatherRows } from '../linalg/dense.js'
import { createRandom, nextInt, sampleRows, type Random } from '../random.js'
import { seedCentroids, type Seeds } from './kmeansSeeding.js'
import { lloydElkan, type RowHelper } from './lloydElkan.js'
import { lloydHamerly } from './lloydHamerly.js'
import type { Run } from './lloydLoop.js'

/** Row count above which restarts run on a sample (see `kmeans`); the consensus takes over below. */
export const RESTART_SAMPLE_ABOVE = 3000

/** Sample size for the restarts: at least this many rows… */
const SAMPLE_MIN = 5000

/** …and at least this many per cluster… */
const SAMPLE_PER_CLUSTER = 50

/** …but at most half the rows, and no sample when that leaves fewer than this many rows per cluster. */
const SAMPLE_MIN_PER_CLUSTER = 20

/**
 * Rows the restarts run on: all up to {@link RESTART_SAMPLE_ABOVE}, else max(5,000, 50 k)
 * capped at half the rows, but never fewer than 20 per cluster (then all rows).
 * @internal Exported for tests.
 */
export function restartSampleSize(rows: number, k: number): number {
  if (rows <= RESTART_SAMPLE_ABOVE) return rows
  const size = Math.min(Math.max(SAMPLE_MIN, SAMPLE_PER_CLUSTER * k), Math.floor(rows / 2))
  return size < SAMPLE_MIN_PER_CLUSTER * k ? rows : size
}

/** The restarts of one k-means job on a sample: everything a restart needs, and nothing of the other rows. */
export interface SampleRestarts {
  /** The sampled rows, packed row-major (sample size × dimensions). */
  readonly sample: Float32Array
  readonly dimensions: number
  readonly k: number
  readonly trials: number
  readonly maxIterations: number
  /** {@link distanceSlack} of all rows (it bounds any subset's). */
  readonly slack: number
  /** One seed per restart, in restart order. */
  readonly seeds: readonly number[]
}

/** What a sample restart hands back: its centres after Lloyd on the sample, and its inertia there. */
export interface SampleRun {
  readonly centroids: Float32Array
  readonly inertia: number
}

/**
 * The sample and per-restart seeds of a job, drawn from the job's generator: the sample
 * first (a uniform draw of `size` rows), then one seed per restart.
 */
export function planSampleRestarts(
  points: Float32Array, d: number, rows: Int32Array, size: number, k: number, restarts: number,
  trials: number, maxIterations: number, slack: number, random: Random,
): SampleRestarts {
  const sample = gatherRows(points, d, sampleRows(rows, size, random))
  const seeds = Array.from({ length: restarts }, () => nextInt(random, 0x7fffffff))
  return { sample, dimensions: d, k, trials, maxIterations, slack, seeds }
}

/** Runs the restarts with the given seeds (a share of `work.seeds`), in the order given. */
export function runSampleRestarts(work: SampleRestarts, seeds: readonly number[] = work.seeds): SampleRun[] {
  const { sample, dimensions: d, k, trials, maxIterations, slack } = work
  const positions = Int32Array.from({ length: sample.length / d }, (_, t) => t)
  return seeds.map((seed) => {
    const start = seedCentroids(sample, d, positions, k, trials, createRandom(seed), undefined, slack)
    // The first assignment four rows at a time against every centre (about twice as fast).
    const { centroids, inertia } = lloyd(sample, d, positions, start, k, maxIterations, undefined, true)
    return { centroids, inertia }
  })
}

/** Restarts run by one thread, each with its index in `seeds`. */
export interface ClaimedRuns {
  readonly runs: SampleRun[]
  readonly indices: number[]
}

/**
 * Runs restarts as `claim` hands out their indices (a counter shared by the threads; an
 * index past the last seed ends), so that threads take restarts in turn until none is left.
 */
export function runClaimedRestarts(work: SampleRestarts, claim: () => number): ClaimedRuns {
  const runs: SampleRun[] = []
  const indices: number[] = []
  for (let index = claim(); index < work.seeds.length; index = claim()) {
    runs.push(runSampleRestarts(work, [work.seeds[index]!])[0]!)
    indices.push(index)
  }
  return { runs, indices }
}

/** The lowest-inertia run (the first on ties). */
export function bestSampleRun(runs: readonly SampleRun[]): SampleRun {
  let best = runs[0]!
  for (const run of runs) if (run.inertia < best.inertia) best = run
  return best
}

/**
 * Lloyd iterations from the seeds, with bounds that skip distance computations: Elkan's
 * (one lower bound per row and centre) while those bounds fit in {@link ELKAN_MAX_BOUNDS},
 * Hamerly's (one lower bound per row) above. Both reach the assignment plain Lloyd would.
 * Only Elkan's reads the Gram matrix, which has at most 2,048 rows: Hamerly's never gets one.
 */
export function lloyd(
  points: Float32Array, d: number, rows: Int32Array, seeds: Seeds, k: number, maxIterations: number, gram: Float64Array | undefined,
  blockedStart = false, helper?: RowHelper,
): Run {
  return rows.length * k <= ELKAN_MAX_BOUNDS
    ? lloydElkan(points, d, rows, seeds, k, maxIterations, gram, blockedStart, helper)
    : lloydHamerly(points, d, rows, seeds, k, maxIterations)
}

/**
 * Lower bounds Elkan's iterations may keep (float32, 64 MB): FOSDEM's 1,093 rows at k = 121
 * need 132,000. There, over the 44 runs of `k: 'auto'`, Hamerly's single bound let 11.0
 * million row–centre distances through and Elkan's bounds 1.4 million. 100,000 rows at
 * k = 100 need 10 million (40 MB): with weak clusters (the bench's `resampled` talks) the
 * refinement on all rows took 34.7 s of CPU with Hamerly's bound, which every row fails
 * whenever one centre moves far, and 17.7 s with Elkan's, the same assignment.
 */
const ELKAN_MAX_BOUNDS = 16_000_000
