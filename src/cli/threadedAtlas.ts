/**
 * Building atlases on several threads. Clustering: batches of independent k-means calls go
 * to a {@link KmeansPool}. Reading the text: when the pool has workers, they read parts of
 * it too (`KmeansPool.readTerms`: they are started anyway and idle until the clustering);
 * `parallelTermReader` reads it on one-shot workers (`termWorker.js` next to the CLI bundle).
 * Either way the parts' streams are merged into what one thread reads, and the atlas does
 * not depend on the thread count.
 */
import { availableParallelism } from 'node:os'
import { runOneShotWorker } from './oneShotWorker.js'
import { buildAtlas, buildAtlasWith, type TermReader } from '../atlas/buildAtlas.js'
import type { Atlas, AtlasOptions } from '../atlas/types.js'
import type { Talk } from '../types.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { KmeansPool } from './kmeansPool.js'
import { readTalkTerms, TermStreamsMerger, type TermStreams } from '../vectorize/tfidf.js'
import { packTexts, partBounds, unpackTexts, type TermJob } from './termParts.js'

export { packTexts, partBounds, unpackTexts, type TermJob } from './termParts.js'

/** `--threads auto` reads on two threads from this many talks (below, a worker costs more than it saves). */
export const PARALLEL_MIN_TALKS = 20_000

/**
 * `--threads auto` runs k-means batches on two threads from this many talks: the break-even
 * measured for `talkatlas themes` (250 talks: 0.60 s on one thread, 0.68 s on two; 500:
 * 1.04 s both; FOSDEM's 1,093: 3.26 s and 2.35 s).
 */
export const PARALLEL_KMEANS_MIN_TALKS = 500

/**
 * Threads to read with.
 * @param threads `--threads`: a number, or `'auto'` for 2 from {@link PARALLEL_MIN_TALKS} talks when there are 2 cores.
 * @param talks Number of talks.
 */
export function readingThreads(threads: number | 'auto', talks: number): number {
  return threadsFrom(threads, talks, PARALLEL_MIN_TALKS)
}

/**
 * Threads to run k-means batches on.
 * @param threads `--threads`: a number, or `'auto'` for 2 from {@link PARALLEL_KMEANS_MIN_TALKS} talks when there are 2 cores.
 * @param talks Number of talks.
 */
export function kmeansThreads(threads: number | 'auto', talks: number): number {
  return threadsFrom(threads, talks, PARALLEL_KMEANS_MIN_TALKS)
}

/** `--threads` as given, or for `'auto'` two threads (if there are two cores) from `minTalks` talks. */
function threadsFrom(threads: number | 'auto', talks: number, minTalks: number): number {
  if (threads !== 'auto') return threads
  return talks >= minTalks ? Math.min(2, availableParallelism()) : 1
}

/** Work waiting for the next atlas's k-means pool (see {@link besideNextAtlas}). */
const besideNext: ((pool: KmeansPool | undefined) => void)[] = []

/**
 * Hands the next atlas built by {@link buildAtlasThreaded} its k-means pool (undefined when
 * it is built on one thread), for work beside the build on its workers (the taxonomy fit).
 * @param start Called with the pool once it is started.
 */
export function besideNextAtlas(start: (pool: KmeansPool | undefined) => void): void {
  besideNext.push(start)
}

/**
 * `buildAtlas`, with the text read on {@link readingThreads} threads and the k-means batches
 * run on {@link kmeansThreads} threads; the same atlas.
 * @param talks Talks.
 * @param options Atlas options.
 * @param threads `--threads`.
 * @param onThreads Called with the atlas and the build's k-means runner before its threads
 * stop, for more k-means work on threads already warm (the related ranking's coarse runs);
 * not called when the atlas is built on one thread.
 */
export async function buildAtlasThreaded(
  talks: readonly Talk[], options: AtlasOptions, threads: number | 'auto', onThreads?: (atlas: Atlas, runKmeans: KmeansBatchRunner) => void,
): Promise<Atlas> {
  const reading = readingThreads(threads, talks.length)
  const clustering = kmeansThreads(threads, talks.length)
  const beside = besideNext.splice(0)
  if (reading <= 1 && clustering <= 1) {
    beside.forEach((start) => start(undefined))
    return buildAtlas(talks, options)
  }
  const pool = new KmeansPool(clustering)
  beside.forEach((start) => start(pool))
  try {
    // The k-means workers read parts of the text too: they are started anyway, and idle until the clustering.
    const readTerms = clustering > 1 ? pool.readTerms : parallelTermReader(reading)
    const atlas = await buildAtlasWith(talks, options, { readTerms, runKmeans: pool.run })
    onThreads?.(atlas, pool.run)
    return atlas
  } finally {
    await pool.close()
  }
}

/**
 * A {@link TermReader} on `threads` threads (1 reads here, with no worker).
 * @param threads Threads, ≥ 1.
 * @param workerUrl Worker script; the default is `termWorker.js` beside this module's bundle.
 */
export function parallelTermReader(threads: number, workerUrl: URL = new URL('./termWorker.js', import.meta.url)): TermReader {
  return async (talks, options) => {
    const parts = Math.min(threads, talks.length)
    if (parts <= 1) return readTalkTerms(talks, options)
    const bounds = partBounds(talks.length, parts)
    // Workers start first, so that they read while this thread reads the first part.
    const others = bounds.slice(1).map(([from, to]) => readInWorker(workerUrl, packTexts(talks.slice(from, to), options)))
    // While the workers finish, this thread indexes its own part for the merge.
    const merger = new TermStreamsMerger(readTalkTerms(talks.slice(bounds[0]![0], bounds[0]![1]), options))
    for (const streams of await Promise.all(others)) merger.append(streams)
    return merger.result()
  }
}

/**
 * Runs one job in a new worker thread.
 * @param workerUrl Worker script.
 * @param job Packed texts and options.
 */
function readInWorker(workerUrl: URL, job: TermJob): Promise<TermStreams> {
  return runOneShotWorker<TermStreams>(workerUrl, job, 'text-reading', [], () => readTalkTerms(unpackTexts(job), job.options))
}
