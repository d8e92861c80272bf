/**
 * Independent k-means calls on the same points, as one batch: the silhouette search for k
 * and the runs of a consensus are such batches, and a caller with threads (the CLI) can
 * spread them, since each call's result depends only on its own options.
 */
import { kmeansBatch, type KmeansOptions, type KmeansResult } from './kmeans.js'

/**
 * Runs `kmeans(points, dimensions, job)` for every job and returns the results in job
 * order. A runner may run the jobs anywhere (threads), but must return exactly what
 * `kmeans` returns for each; it runs synchronously. `gram`, when given, is what
 * `kmeansBatchGram(points, dimensions, jobs)` returns, computed already by the caller.
 */
export type KmeansBatchRunner = (points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], gram?: Float64Array) => KmeansResult[]

/** The default {@link KmeansBatchRunner}: one job after the other, on this thread. */
export const runKmeansInOrder: KmeansBatchRunner = kmeansBatch
