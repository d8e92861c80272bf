/**
 * Work a `KmeansPool`'s workers do beside their k-means jobs, while they would idle:
 * warming the reading code, a share of the reading of the text, and the built-in taxonomy's fit. Each piece of work is
 * posted with an answered flag in shared memory (0 until done), so that a worker that stops
 * is named in its warning by what it was doing.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Transferable } from 'node:worker_threads'
import type { Talk } from '../types.js'
import type { TaxonomyFit } from '../tag/taxonomyFit.js'
import { readTalkTerms, type TermStreams, type TfidfOptions } from '../vectorize/tfidf.js'
import type { TaxonomyFitJob } from './taxonomyFitAside.js'
import { HERE, PartsMerger, readFreeParts, readPart, shareReading, PARTS_PER_THREAD, type ReadPart, type SharedReading } from './termParts.js'

/** What a worker is sent beside its k-means jobs (a `KmeansWork`). */
export type BesideWork = {
  /** This worker's share of a text: its free parts to read from the back, each claimed with `mark` and posted on `reply` as a {@link ReadPart}. */
  readonly reading: SharedReading
  readonly mark: number
  readonly reply: MessagePort
  /** Set to 1 when done (−1: failed). */
  readonly answered: Int32Array
} | {
  /**
   * The whole reading path warmed on made-up talks (`readingPrimer`) before a corpus comes, so
   * that a share of the reading is not read by code compiled cold; not answered but by the flag.
   */
  readonly priming: TfidfOptions
  readonly answered: Int32Array
} | {
  /** The built-in taxonomy's fit, posted on `reply` (see {@link FitsBeside}). */
  readonly taxonomyFit: TaxonomyFitJob
  readonly reply: MessagePort
  readonly answered: Int32Array
}

/** A pool's worker as work beside sees it. */
interface BesideWorker {
  readonly port: MessagePort
  readonly beside: { readonly name: string; readonly answered: Int32Array }[]
}

/**
 * A pool's live workers lent to work beside: each piece posted is recorded with its answered
 * flag, so that a worker that stops before it is done is named by it.
 * @param workers The pool's live workers (the pool drops a stopped one).
 * @param alive Whether a worker lives (the pool drops one that stopped, with a warning).
 */
export function besideWorkers<W extends BesideWorker>(workers: readonly W[], alive: (pool: W) => boolean): BesideWorkers {
  return {
    count: () => workers.length,
    post: (w, name, message, transfer) => {
      const pool = workers[w]!
      const answered = new Int32Array(new SharedArrayBuffer(4))
      pool.beside.push({ name, answered })
      pool.port.postMessage(message(answered), [...transfer])
      return { pool, answered }
    },
    alive: (pool) => alive(pool as W),
  }
}

/** Work posted to a worker, and its answered flag. */
export interface PostedBeside {
  readonly pool: unknown
  readonly answered: Int32Array
}

/** What a pool lends to work beside its k-means jobs. */
export interface BesideWorkers {
  /** Live workers. */
  count(): number
  /**
   * Posts worker `w` the message built around a new answered flag.
   * @param name What the work is, for the warning should the worker stop before it is done.
   */
  post(w: number, name: string, message: (answered: Int32Array) => BesideWork, transfer: readonly Transferable[]): PostedBeside
  /** Whether the worker is live (one that stopped is dropped, with a warning). */
  alive(pool: unknown): boolean
}

/** How long to wait for work beside before giving up, and how often to check that its worker lives. */
const TIMEOUT_MS = 30 * 60 * 1000
const LIVENESS_CHECK_MS = 250

/**
 * Posted work's answered flag once it leaves 0, or 0 when its worker stopped first.
 * @param workers The pool's workers.
 * @param posted The work.
 */
function awaitBeside(workers: BesideWorkers, { pool, answered }: PostedBeside): number {
  const deadline = Date.now() + TIMEOUT_MS
  while (Atomics.load(answered, 0) === 0) {
    if (!workers.alive(pool)) return 0
    if (Atomics.wait(answered, 0, 0, LIVENESS_CHECK_MS) === 'timed-out' && Date.now() > deadline) throw new Error('k-means worker did not answer within 30 minutes')
  }
  return Atomics.load(answered, 0)
}

/**
 * Posts every worker made-up talks (`readingPrimer`) to read with the reading's code, so that
 * their share of a reading to come is not read by code compiled cold (V8's code is per thread).
 * A worker that stops meanwhile is named as the k-means worker (`k-means`).
 * @param workers The pool's workers.
 * @param options TF-IDF options.
 */
export function primeBeside(workers: BesideWorkers, options: TfidfOptions): void {
  // Named as the k-means worker: it is warming up for whatever comes, and all its work falls to the main thread.
  for (let w = 0; w < workers.count(); w++) workers.post(w, 'k-means', (answered) => ({ priming: options, answered }), [])
}

/**
 * `readTalkTerms(talks, options)` on every thread: the talks in consecutive parts
 * (`termParts.ts`), this thread reading from the front and each worker its range from the back, merged
 * in corpus order. When this thread has claimed every part, it waits for the parts the
 * workers claimed (at most the one each is reading); those of a worker that stops or fails
 * are read here.
 * @param workers The pool's workers.
 * @param talks Talks.
 * @param options TF-IDF options.
 * @param posted Called once the reading is posted (to post work that follows it).
 * @param share False to read on this thread alone (`posted` is still called first).
 */
export function readTermsBeside(workers: BesideWorkers, talks: readonly Talk[], options: TfidfOptions, posted: () => void, share = true): TermStreams {
  const count = workers.count()
  const parts = Math.min((count + 1) * PARTS_PER_THREAD, talks.length)
  if (!share || count === 0 || parts < 2) {
    posted()
    return readTalkTerms(talks, options)
  }
  const shares = shareReading(talks, options, parts, count + 1)
  const replies: MessagePort[] = []
  const readers = shares.map((reading, w) => {
    const { port1, port2 } = new MessageChannel()
    replies.push(port1)
    return workers.post(w, 'text-reading', (answered) => ({ reading, mark: HERE + 1 + w, reply: port2, answered }), [port2])
  })
  const reading = shares[0]!
  posted()
  const merger = new PartsMerger(parts)
  const take = (p: number, streams: TermStreams) => merger.add(p, streams)
  readFreeParts(reading, talks, HERE, take)
  for (let p = 0; p < parts; p++) {
    if (merger.has(p)) continue
    if (awaitDelivery(workers, readers[reading.claims[p]! - HERE - 1]!, reading.delivered, p)) takeDelivered(replies, p, reading.delivered, take)
    if (!merger.has(p)) take(p, readPart(reading, talks, p))
  }
  for (const port of replies) port.close()
  return merger.result()
}

/**
 * Waits until part p, claimed by a worker, is delivered: true, or false when the worker
 * stopped (it is then dropped, with a warning) or failed.
 */
function awaitDelivery(workers: BesideWorkers, reader: PostedBeside, delivered: Int32Array, p: number): boolean {
  const deadline = Date.now() + TIMEOUT_MS
  while (Atomics.load(delivered, p) === 0) {
    if (Atomics.load(reader.answered, 0) !== 0 && Atomics.load(delivered, p) === 0) return false
    if (!workers.alive(reader.pool)) return false
    if (Atomics.wait(delivered, p, 0, LIVENESS_CHECK_MS) === 'timed-out' && Date.now() > deadline) throw new Error('k-means worker did not answer within 30 minutes')
  }
  return true
}

/**
 * Takes the parts the workers posted until part p, delivered, is among them (a message posted
 * can still be in flight for a moment after its flag is raised).
 */
function takeDelivered(replies: readonly MessagePort[], p: number, delivered: Int32Array, take: (part: number, streams: TermStreams) => void): void {
  for (let got = false; !got;) {
    for (const port of replies) {
      for (let received = receiveMessageOnPort(port); received !== undefined; received = receiveMessageOnPort(port)) {
        const read = received.message as ReadPart
        take(read.part, read.streams)
        got ||= read.part === p
      }
    }
    if (!got) Atomics.wait(delivered, p, 1, 1)
  }
}

/**
 * The built-in taxonomy's fit on the first worker, after its share of the reading (the
 * tokeniser is warm there, and the worker idles until the clustering): queued, posted with
 * the next reading or batch, and answered when the pool closes (by then the worker has
 * answered the clustering's batches, which it took after the fit).
 */
export class FitsBeside {
  private readonly queued: { job: TaxonomyFitJob; resolve: (fit: TaxonomyFit | undefined) => void }[] = []
  private readonly posted: { at: PostedBeside; port: MessagePort; resolve: (fit: TaxonomyFit | undefined) => void }[] = []

  /** Queues a fit; resolves with it, or undefined when its worker stopped or failed (the caller then measures it). */
  queue(job: TaxonomyFitJob): Promise<TaxonomyFit | undefined> {
    return new Promise((resolve) => this.queued.push({ job, resolve }))
  }

  /** Posts the fits queued to the first worker. */
  post(workers: BesideWorkers): void {
    for (const { job, resolve } of this.queued.splice(0)) {
      if (workers.count() === 0) {
        resolve(undefined)
        continue
      }
      const { port1, port2 } = new MessageChannel()
      const at = workers.post(0, 'taxonomy-fit', (answered) => ({ taxonomyFit: job, reply: port2, answered }), [port2, ...(job.wordLists === undefined ? [] : [job.wordLists])])
      this.posted.push({ at, port: port1, resolve })
    }
  }

  /** Resolves every fit: posted ones with their answer (waiting for it), the others with undefined. */
  take(workers: BesideWorkers): void {
    this.queued.splice(0).forEach(({ resolve }) => resolve(undefined))
    for (const { at, port, resolve } of this.posted.splice(0)) {
      resolve(awaitBeside(workers, at) === 1 ? (receiveMessageOnPort(port)?.message as TaxonomyFit | undefined) : undefined)
      port.close()
    }
  }
}

