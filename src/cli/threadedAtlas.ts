/**
 * Building atlases on several threads: batches of independent k-means calls go to a
 * {@link KmeansPool}, whose workers, started anyway and idle until the clustering, first read
 * a share of the text when it is large (`KmeansPool.readTerms`, merged into what one thread
 * reads) and do work beside the build (the taxonomy fit). The atlas does not depend on the thread
 * count.
 */
import { statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { buildAtlas, buildAtlasWith } from '../atlas/buildAtlas.js'
import type { Atlas, AtlasOptions } from '../atlas/types.js'
import type { Talk } from '../types.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { KmeansPool } from './kmeansPool.js'

/**
 * `--threads auto` reads the text on two threads from this many talks. Below, the second
 * thread costs more than it saves even when it is the k-means worker, started anyway: the
 * reading code is compiled again on it (V8's code is per thread), and the first few hundred
 * talks read cold cost most (FOSDEM 2025's 1,093: 0.95 s more CPU, 18 % more wall time).
 */
export const PARALLEL_MIN_TALKS = 20_000

/**
 * Threads to read the text with.
 * @param threads `--threads`: a number, or `'auto'` for 2 from {@link PARALLEL_MIN_TALKS} talks when there are 2 cores.
 * @param talks Number of talks.
 */
export function readingThreads(threads: number | 'auto', talks: number): number {
  return threadsFrom(threads, talks, PARALLEL_MIN_TALKS)
}

/**
 * `--threads auto` runs k-means batches on two threads from this many talks: the break-even
 * measured for `talkatlas themes` (250 talks: 0.60 s on one thread, 0.68 s on two; 500:
 * 1.04 s both; FOSDEM's 1,093: 3.26 s and 2.35 s).
 */
export const PARALLEL_KMEANS_MIN_TALKS = 500

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
 * From this many bytes of input (a file, not stdin), the k-means pool is started before the
 * input is read, and its workers' reading code warmed meanwhile (`readingPrimer`), so that
 * they are up and warm for their share of the reading (from {@link PARALLEL_MIN_TALKS} talks
 * with `auto`) when the talks are parsed: 20,000 talks of short abstracts are about 8 MB
 * (the bench's resampled ones 22 MB). Below, the pool starts after the reading, as its worker
 * would be up too late for a share (FOSDEM 2025's 1.4 MB: see docs/performance.md).
 */
export const EARLY_POOL_MIN_BYTES = 8 * 1024 * 1024

/** The pool started by {@link startPoolEarly}, for the next {@link buildAtlasThreaded}. */
let earlyPool: { pool: KmeansPool; threads: number } | undefined

/**
 * Starts the k-means pool of the atlas to come before its input is read, when the input is
 * large enough (see {@link EARLY_POOL_MIN_BYTES}) and the atlas will be built on more than one
 * thread, and sends its workers made-up talks to warm their reading code on. The next
 * {@link buildAtlasThreaded} takes it, or closes it if the talks turn out too few (so does the
 * next call, if none came).
 * @param input The input's path (`-`: stdin, no early pool).
 * @param threads `--threads`.
 */
function startPoolEarly(input: string, threads: number | 'auto'): void {
  const clustering = threads === 'auto' ? Math.min(2, availableParallelism()) : threads
  // A pool started for an input that was never built (its reading failed) is closed first.
  takeEarlyPool(0)
  if (clustering <= 1 || input === '-' || fileBytes(input) < EARLY_POOL_MIN_BYTES) return
  const pool = new KmeansPool(clustering)
  // With the default options: the code paths are the same whatever the stop words.
  pool.primeReading({})
  earlyPool = { pool, threads: clustering }
}

/**
 * Runs `read`, the reading of an atlas's input (talks, embeddings), with the k-means pool
 * started before it ({@link startPoolEarly}); a reading that fails stops that pool, so that
 * no later command of the process takes it.
 * @param input The input's path.
 * @param threads `--threads`.
 * @param read The reading.
 */
export async function readWithEarlyPool<T>(input: string, threads: number | 'auto', read: () => Promise<T>): Promise<T> {
  startPoolEarly(input, threads)
  try {
    return await read()
  } catch (error) {
    takeEarlyPool(0)
    throw error
  }
}

/** Whether a pool started early waits for the next atlas (for tests). */
export function hasEarlyPool(): boolean {
  return earlyPool !== undefined
}

/** A file's size in bytes, 0 if it cannot be read (the reading then says why). */
function fileBytes(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/**
 * The pool started early for `threads` threads, taken (an early pool of another size is
 * closed, without waiting: an unused pool costs the exit nothing).
 */
function takeEarlyPool(threads: number): KmeansPool | undefined {
  const early = earlyPool
  earlyPool = undefined
  if (early === undefined || early.threads === threads) return early?.pool
  void early.pool.discard()
  return undefined
}

/**
 * `buildAtlas`, with the text read on {@link readingThreads} threads and the k-means batches
 * run on {@link kmeansThreads} threads (the text on the k-means workers); the same atlas.
 * @param talks Talks.
 * @param options Atlas options.
 * @param threads `--threads`.
 * @param onThreads Called with the atlas and the build's k-means runner before its threads
 * stop, for more k-means work on threads already warm (the related ranking's coarse runs);
 * not called when the atlas is built on one thread.
 * @param onPool Called with the build's k-means pool once it is started (undefined when the
 * atlas is built on one thread), for work beside the build on its workers (the taxonomy fit).
 */
export async function buildAtlasThreaded(
  talks: readonly Talk[], options: AtlasOptions, threads: number | 'auto', onThreads?: (atlas: Atlas, runKmeans: KmeansBatchRunner) => void,
  onPool?: (pool: KmeansPool | undefined) => void,
): Promise<Atlas> {
  const clustering = kmeansThreads(threads, talks.length)
  const early = takeEarlyPool(clustering)
  if (clustering <= 1) {
    onPool?.(undefined)
    return buildAtlas(talks, options)
  }
  const pool = early ?? new KmeansPool(clustering)
  onPool?.(pool)
  try {
    const share = readingThreads(threads, talks.length) > 1
    const atlas = await buildAtlasWith(talks, options, { readTerms: (texts, tfidf) => pool.readTerms(texts, tfidf, share), runKmeans: pool.run })
    onThreads?.(atlas, pool.run)
    return atlas
  } finally {
    await pool.close()
  }
}
