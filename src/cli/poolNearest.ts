/**
 * The neighbour smoothing's nearest rows (`smoothNeighbours`) found on a `KmeansPool`'s
 * threads. Its k-means worker idles from the end of the reading until the consensus, and the
 * search for every talk's nearest talks (all pairs of rows, about a twelfth of the main
 * thread's time at 1,000 talks) falls in that span: every thread takes chunks of rows from a
 * shared counter and offers their pairs to top-m lists of its own, and this thread merges the
 * lists. Each pair is offered by one thread only and the lists keep the best by score, then
 * row, so the merged lists are those of one thread, whoever took which chunk.
 */
import type { MessagePort } from 'node:worker_threads'
import { emptyNearestLists, finishNearest, mergeNearest, nearestChunks, nearestRows, NEAREST_CHUNK_ROWS, type NearestLists } from '../cluster/smoothNeighbours.js'
import { GRAM } from './poolSlots.js'

/**
 * A worker's share of a search for nearest rows. Not answered: the worker adds the chunks it
 * took to `control[GRAM.filled]` once its lists hold them (or sets `GRAM.failed`), as for a
 * Gram matrix, so that the posting thread waits only for chunks a worker took.
 */
export interface NearestWork {
  readonly nearestPart: Int32Array
  readonly vectors: Float32Array
  readonly dimensions: number
  readonly m: number
  /** The worker's own lists, in shared memory, empty as posted. */
  readonly lists: NearestLists
  readonly control: Int32Array
}

/**
 * Runs a worker's share of a {@link NearestWork}.
 * @param work The work.
 */
export function findNearestShare(work: NearestWork): void {
  const { control } = work
  try {
    const taken = nearestChunks(work.vectors, work.dimensions, work.nearestPart, work.m, work.lists, () => Atomics.add(control, GRAM.next, 1))
    Atomics.add(control, GRAM.filled, taken)
  } catch {
    Atomics.store(control, GRAM.failed, 1)
  }
  Atomics.notify(control, GRAM.filled)
}

/**
 * Waits until `chunks` chunks are counted in `control[GRAM.filled]`; false when a worker
 * stopped meanwhile (which chunks it left undone is not known).
 */
export type AwaitChunks = (control: Int32Array, chunks: number, doing: string) => boolean

/**
 * `nearestRows(vectors, d, part, m)` on this thread and the workers behind `ports`.
 * @param ports The live workers' ports.
 * @param vectors Row-major unit rows (copied once into shared memory, which posting shares without a copy).
 * @param d Width of the rows.
 * @param part Rows searched together.
 * @param m Neighbours per row.
 * @param awaitChunks Waits for the workers' chunks.
 */
export function nearestOnThreads(ports: readonly MessagePort[], vectors: Float32Array, d: number, part: Int32Array, m: number, awaitChunks: AwaitChunks): Int32Array {
  if (ports.length === 0) return nearestRows(vectors, d, part, m)
  const shared = sharedRows(vectors)
  const control = new Int32Array(new SharedArrayBuffer(GRAM.length * 4))
  const theirs = ports.map((port) => {
    const lists = emptyNearestLists(part.length, m, (bytes) => new SharedArrayBuffer(bytes))
    port.postMessage({ nearestPart: part, vectors: shared, dimensions: d, m, lists, control } satisfies NearestWork)
    return lists
  })
  const own = emptyNearestLists(part.length, m)
  Atomics.add(control, GRAM.filled, nearestChunks(shared, d, part, m, own, () => Atomics.add(control, GRAM.next, 1)))
  // A stopped worker's lists may lack chunks it took: the search again, here alone.
  if (!awaitChunks(control, Math.ceil(part.length / NEAREST_CHUNK_ROWS), 'finding the nearest rows')) return nearestRows(shared, d, part, m)
  for (const lists of theirs) mergeNearest(own, lists, part.length, m)
  return finishNearest(own, part, m)
}

/** Copies of rows in shared memory, by the array copied: the parts of one smoothing share one copy. */
const sharedCopies = new WeakMap<Float32Array, Float32Array>()

/** The rows in shared memory: the array itself when it is shared already, else its copy. */
function sharedRows(vectors: Float32Array): Float32Array {
  if (vectors.buffer instanceof SharedArrayBuffer) return vectors
  let copy = sharedCopies.get(vectors)
  if (copy === undefined) {
    copy = new Float32Array(new SharedArrayBuffer(vectors.byteLength))
    copy.set(vectors)
    sharedCopies.set(vectors, copy)
  }
  return copy
}

/**
 * Runs the search once on a few hundred made-up rows, so that a worker's first share runs
 * optimised code: V8 compiles per thread, and a worker that has never run the search takes
 * its first chunks in the interpreter (the main thread meanwhile waits for them).
 */
export function primeNearestSearch(): void {
  const rows = 256
  const d = 32
  const vectors = new Float32Array(rows * d)
  for (let p = 0; p < vectors.length; p++) vectors[p] = Math.sin(p * 12.9898) / Math.sqrt(d)
  nearestRows(vectors, d, Int32Array.from({ length: rows }, (_, i) => i), 5)
}
