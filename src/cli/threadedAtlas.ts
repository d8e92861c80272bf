/**
 * Building atlases on several threads. Reading the text: the talks are cut into consecutive
 * parts, all but the first read by worker threads (`termWorker.js` next to the CLI bundle)
 * while this thread reads the first, and the parts' streams are merged into what one thread
 * reads. Clustering: batches of independent k-means calls go to a {@link KmeansPool}. The
 * atlas does not depend on the thread count.
 */
import { availableParallelism } from 'node:os'
import { runOneShotWorker } from './oneShotWorker.js'
import { buildAtlas, buildAtlasWith, type TermReader } from '../atlas/buildAtlas.js'
import type { Atlas, AtlasOptions } from '../atlas/types.js'
import type { Talk } from '../types.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { KmeansPool } from './kmeansPool.js'
import { readTalkTerms, TermStreamsMerger, type TermStreams, type TfidfOptions } from '../vectorize/tfidf.js'

/** `--threads auto` reads on two threads from this many talks (below, a worker costs more than it saves). */
export const PARALLEL_MIN_TALKS = 20_000

/**
 * `--threads auto` runs k-means batches on two threads from this many talks: the break-even
 * measured for `talkatlas themes` (250 talks: 0.60 s on one thread, 0.68 s on two; 500:
 * 1.04 s both; FOSDEM's 1,093: 3.26 s and 2.35 s).
 */
export const PARALLEL_KMEANS_MIN_TALKS = 500

/** Most threads `--threads` accepts. */
export const MAX_THREADS = 16

/** What a worker is given: the texts of its part, packed into one string. */
export interface TermJob {
  /** Titles and abstracts, concatenated. */
  readonly text: string
  /** Length of each title and abstract in `text`, alternating. */
  readonly lengths: Int32Array
  readonly options: TfidfOptions
}

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
  if (reading <= 1 && clustering <= 1) return buildAtlas(talks, options)
  const pool = new KmeansPool(clustering)
  try {
    const atlas = await buildAtlasWith(talks, options, { readTerms: parallelTermReader(reading), runKmeans: pool.run })
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
 * Consecutive [from, to) ranges of nearly equal size covering 0..n.
 * @param n Number of talks.
 * @param parts Number of ranges (≤ n).
 */
export function partBounds(n: number, parts: number): [number, number][] {
  return Array.from({ length: parts }, (_, p) => [Math.floor((p * n) / parts), Math.floor(((p + 1) * n) / parts)])
}

/**
 * Packs texts into one string and their lengths: one string crosses to a worker as a single
 * copy, where thousands of talk objects would be cloned one by one.
 * @param talks Talks of a part.
 * @param options TF-IDF options.
 */
export function packTexts(talks: readonly Pick<Talk, 'title' | 'abstract'>[], options: TfidfOptions): TermJob {
  const lengths = new Int32Array(talks.length * 2)
  const pieces: string[] = []
  talks.forEach((talk, i) => {
    pieces.push(talk.title, talk.abstract)
    lengths[2 * i] = talk.title.length
    lengths[2 * i + 1] = talk.abstract.length
  })
  return { text: pieces.join(''), lengths, options }
}

/**
 * The texts of a {@link TermJob}, unpacked.
 * @param job Packed texts.
 */
export function unpackTexts(job: Pick<TermJob, 'text' | 'lengths'>): { title: string; abstract: string }[] {
  const texts: { title: string; abstract: string }[] = []
  let offset = 0
  for (let i = 0; i < job.lengths.length; i += 2) {
    const title = job.text.slice(offset, (offset += job.lengths[i]!))
    const abstract = job.text.slice(offset, (offset += job.lengths[i + 1]!))
    texts.push({ title, abstract })
  }
  return texts
}

/**
 * Runs one job in a new worker thread.
 * @param workerUrl Worker script.
 * @param job Packed texts and options.
 */
function readInWorker(workerUrl: URL, job: TermJob): Promise<TermStreams> {
  return runOneShotWorker<TermStreams>(workerUrl, job, 'text-reading', [], () => readTalkTerms(unpackTexts(job), job.options))
}
