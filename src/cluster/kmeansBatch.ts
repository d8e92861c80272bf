/**
 * Independent k-means calls on the same points, as one batch: the silhouette search for k
 * and the runs of a consensus are such batches, and a caller with threads (the CLI) can
 * spread them, since each call's result depends only on its own options.
 */
import { defaultKmeansOptions, kmeansBatch, type KmeansOptions, type KmeansResult } from './kmeans.js'

/**
 * Runs `kmeans(points, dimensions, job)` for every job and returns the results in job
 * order. A runner may run the jobs anywhere (threads), but must return exactly what
 * `kmeans` returns for each; it runs synchronously. `gram`, when given, is what
 * `kmeansBatchGram(points, dimensions, jobs)` returns, computed already by the caller.
 */
export interface KmeansBatchRunner {
  (points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], gram?: Float64Array): KmeansResult[]
  /**
   * `kmeansBatchGram(points, dimensions, jobs)` computed by the runner (on its threads), in
   * memory the runner shares with them; the same matrix, to be passed back as `gram`.
   */
  readonly gram?: ((points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[]) => Float64Array | undefined) | undefined
}

/** The default {@link KmeansBatchRunner}: one job after the other, on this thread. */
export const runKmeansInOrder: KmeansBatchRunner = kmeansBatch

/** Jobs run by one thread of a shared batch, each with its index in the batch. */
export interface ClaimedJobs {
  readonly results: KmeansResult[]
  readonly indices: number[]
}

/**
 * The order in which threads take a batch's jobs from a shared counter: the costliest first
 * (cost ~ k × restarts; ties by index), so that the last jobs taken are short and no thread
 * is left waiting long for another's last job.
 */
export function claimOrder(jobs: readonly KmeansOptions[]): Int32Array {
  const cost = (job: KmeansOptions) => job.k * (job.restarts ?? defaultKmeansOptions.restarts)
  return Int32Array.from(jobs.map((_, i) => i).sort((a, b) => cost(jobs[b]!) - cost(jobs[a]!) || a - b))
}

/**
 * Runs the jobs at the positions of `order` that `claim` hands out (a counter shared by the
 * threads; a position past the last ends), each as `kmeansBatch` runs it: every thread takes
 * the next job as soon as it is free, whatever the jobs cost and whichever thread gets a core.
 * @param points Row-major n × d unit rows.
 * @param dimensions d.
 * @param jobs The batch.
 * @param gram The batch's Gram matrix (`kmeansBatchGram`), if it uses one.
 * @param order {@link claimOrder} of the jobs.
 * @param claim Next position in `order`.
 */
export function runClaimedJobs(
  points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], gram: Float64Array | undefined, order: Int32Array, claim: () => number,
): ClaimedJobs {
  const results: KmeansResult[] = []
  const indices: number[] = []
  for (let position = claim(); position < order.length; position = claim()) {
    const index = order[position]!
    results.push(kmeansBatch(points, dimensions, [jobs[index]!], gram)[0]!)
    indices.push(index)
  }
  return { results, indices }
}
