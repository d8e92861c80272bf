/**
 * The related-talk lists of every talk on several threads: the rows (exact search) or the
 * candidate cells (approximate search) are cut into consecutive ranges, all but the first
 * searched by worker threads (`relatedWorker.js` next to the CLI bundle) while this thread
 * searches the first. Each row's list depends only on the atlas, so the lists do not depend
 * on the thread count.
 */
import { availableParallelism } from 'node:os'
import { runOneShotWorker } from './oneShotWorker.js'
import type { Atlas } from '../atlas/types.js'
import type { PairSpace, TopKRows } from '../similarity/allPairsTopK.js'
import type { CellPlan } from '../similarity/candidateCells.js'
import { cellRanges, cellTopKRows, joinCellLists } from '../similarity/cellTopK.js'
import { joinTopKRows, relatedIndex, relatedSearch, searchAllRows, type RelatedSearch } from '../similarity/relatedIndex.js'
import { topKRows } from '../similarity/allPairsTopK.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { relatedRankingIndex } from '../similarity/relatedRanking.js'
import { partBounds } from './termParts.js'

/** `--threads auto` searches on two threads from this many talks (below, a worker costs more than it saves). */
export const PARALLEL_RELATED_MIN_TALKS = 2000

/** What a related-talk worker is given: the talks and its rows, or its cells when `plan` is set. */
export interface RelatedJob {
  readonly space: PairSpace
  readonly plan: CellPlan | undefined
  readonly top: number
  /** First row, or first cell. */
  readonly from: number
  /** Row or cell after the last. */
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
 * Computes and keeps the atlas's related ranking index (`relatedRankingIndex`), its coarse
 * k-means runs run by `runKmeans`: `buildAtlasThreaded`'s `onThreads` for commands that
 * list related talks. The same index as on one thread.
 * @param atlas The atlas.
 * @param runKmeans The build's k-means runner.
 */
export function keepRankingIndex(atlas: Atlas, runKmeans: KmeansBatchRunner): void {
  relatedRankingIndex(atlas, runKmeans)
}

/**
 * Searches one job's rows or cells (in a worker or on this thread).
 * @param job Talks and range.
 */
export function searchJob(job: RelatedJob): TopKRows {
  return job.plan === undefined ? topKRows(job.space, job.top, job.from, job.to) : cellTopKRows(job.space, job.plan, job.top, job.from, job.to)
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
  const search = relatedSearch(atlas)
  const units = search.plan === undefined ? search.space.n : search.plan.starts.length - 1
  const parts = Math.min(threads, units)
  if (parts <= 1) return relatedIndex(atlas, { top })
  const lists = await searchThreaded(search, top, parts, workerUrl)
  return relatedIndex(atlas, { top, runner: () => lists })
}

/**
 * The lists of {@link searchAllRows} from `parts` threads.
 * @param search Talks and cells.
 * @param top Entries per row.
 * @param parts Threads, ≥ 2.
 * @param workerUrl Worker script.
 */
async function searchThreaded(search: RelatedSearch, top: number, parts: number, workerUrl: URL): Promise<TopKRows> {
  const { space, plan } = search
  const ranges = plan === undefined ? partBounds(space.n, parts) : cellRanges(plan, parts)
  // Workers start first, so that they search while this thread searches the first range.
  const others = ranges.slice(1).map(([from, to]) => searchInWorker(workerUrl, { space, plan, top, from, to }))
  const own = searchJob({ space, plan, top, from: ranges[0]![0], to: ranges[0]![1] })
  const lists = [own, ...(await Promise.all(others))]
  return plan === undefined ? joinTopKRows(lists) : joinCellLists(plan, ranges, lists)
}

/**
 * Runs one range in a new worker thread.
 * @param workerUrl Worker script.
 * @param job Talks and rows.
 */
function searchInWorker(workerUrl: URL, job: RelatedJob): Promise<TopKRows> {
  return runOneShotWorker<TopKRows>(workerUrl, job, 'related-talks', [], () => searchJob(job))
}
