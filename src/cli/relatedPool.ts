/**
 * The related-talk lists of every talk on several threads: the rows are cut into consecutive
 * ranges, all but the first searched by worker threads (`relatedWorker.js` next to the CLI
 * bundle) while this thread searches the first. Each row's list depends only on the atlas, so
 * the lists do not depend on the thread count.
 */
import { availableParallelism } from 'node:os'
import { runOneShotWorker } from './oneShotWorker.js'
import type { Atlas } from '../atlas/types.js'
import { topKRows, type PairSpace, type TopKRows } from '../similarity/allPairsTopK.js'
import { atlasPairSpace, joinTopKRows, relatedIndex } from '../similarity/relatedIndex.js'
import { partBounds } from './parallelTerms.js'

/** `--threads auto` searches on two threads from this many talks (below, a worker costs more than it saves). */
export const PARALLEL_RELATED_MIN_TALKS = 2000

/** What a related-talk worker is given: the talks and its rows. */
export interface RelatedJob {
  readonly space: PairSpace
  readonly top: number
  readonly from: number
  readonly to: number
}

/**
 * Threads to search related talks on.
 * @param threads `--threads`: a number, or `'auto'` for 2 from {@link PARALLEL_RELATED_MIN_TALKS} talks when there are 2 cores.
 * @param talks Number of talks.
 */
export function relatedThreads(threads: number | 'auto', talks: number): number {
  if (threads !== 'auto') return threads
  return talks >= PARALLEL_RELATED_MIN_TALKS ? Math.min(2, availableParallelism()) : 1
}

/**
 * Computes and keeps the atlas's related index (see `relatedIndex`) on `threads` threads, so
 * that `relatedTalks` and the report read it.
 * @param atlas The atlas.
 * @param top Related talks per talk.
 * @param threads Threads, ≥ 1.
 * @param workerUrl Worker script; the default is `relatedWorker.js` beside this module's bundle.
 */
export async function keepRelatedIndexThreaded(atlas: Atlas, top: number, threads: number, workerUrl: URL = new URL('./relatedWorker.js', import.meta.url)): Promise<TopKRows> {
  const space = atlasPairSpace(atlas)
  const parts = Math.min(threads, space.n)
  if (parts <= 1) return relatedIndex(atlas, { top })
  const bounds = partBounds(space.n, parts)
  // Workers start first, so that they search while this thread searches the first range.
  const others = bounds.slice(1).map(([from, to]) => searchInWorker(workerUrl, { space, top, from, to }))
  const own = topKRows(space, top, bounds[0]![0], bounds[0]![1])
  const lists = joinTopKRows([own, ...(await Promise.all(others))])
  return relatedIndex(atlas, { top, runner: () => lists })
}

/**
 * Runs one range in a new worker thread.
 * @param workerUrl Worker script.
 * @param job Talks and rows.
 */
function searchInWorker(workerUrl: URL, job: RelatedJob): Promise<TopKRows> {
  return runOneShotWorker<TopKRows>(workerUrl, job, 'related-talks')
}
