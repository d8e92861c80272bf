/**
 * Batches of k-means calls spread over worker threads, synchronously: the core's clustering
 * is synchronous, so this thread posts a share of the jobs to each worker, runs its own share,
 * then blocks on a shared flag (`Atomics.wait`, allowed on Node's main thread) until each
 * worker has posted its results, which it takes with `receiveMessageOnPort`. The threads take
 * the jobs from a shared counter, the costliest first; every job's result depends only on its
 * options, so the results are those of running the jobs in order, whoever ran each. The
 * batch's Gram matrix is filled by all the threads the same way, in chunks of rows.
 * A batch of one job above 3,000 rows (the best-of restarts of `buildAtlas`) is spread inside
 * the job instead: its sample restarts, then each pass of its refinement on all rows.
 * A worker that stops (out of memory, an uncaught error, an exit) is noticed while waiting
 * (`workerWatch.ts`) and dropped; this thread does its work, with the same results.
 */
import { receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { batchGramRows, fillGramChunks, GRAM_CHUNK_ROWS, kmeansBatch, planKmeansBatch, resolveKmeansOptions, type KmeansOptions, type KmeansResult } from '../cluster/kmeans.js'
import { claimOrder, runClaimedJobs, type ClaimedJobs, type KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { runClaimedRestarts, runSampleRestarts, type SampleRestarts, type SampleRun } from '../cluster/kmeansRestarts.js'
import type { ElkanRows, RowHelper } from '../cluster/lloydElkan.js'
import { WatchedWorkers, WorkerStoppedError, workerStoppedMessage, writeWorkerWarning } from './workerWatch.js'
import { besideWorkers, FitsBeside, primeBeside, readTermsBeside, type BesideWork } from './poolBeside.js'
import type { TermStreams, TfidfOptions } from '../vectorize/tfidf.js'
import type { Talk } from '../types.js'
import type { TaxonomyFit } from '../tag/taxonomyFit.js'
import type { TaxonomyFitJob } from './taxonomyFitAside.js'
import { CONTROL, GRAM } from './poolSlots.js'

export { CONTROL, GRAM } from './poolSlots.js'

/** What a k-means worker is sent: whole jobs, chunks of a Gram matrix, or a share of one job's sample restarts. */
export type KmeansWork = {
  readonly points: Float32Array
  readonly dimensions: number
  readonly jobs: readonly KmeansOptions[]
  /** The batch's Gram matrix in shared memory, computed once by the posting thread. */
  readonly gram: Float64Array | undefined
  /** The order the jobs are taken in (`claimOrder`). */
  readonly order: Int32Array
  /** The next position in `order` to run, taken in turn by every thread (`Atomics.add`). */
  readonly next: Int32Array
} | {
  /**
   * The rows of a Gram matrix in shared memory, filled in chunks by every thread
   * (`fillGramChunks`). Not answered: the worker adds the chunks it filled to
   * `control[GRAM.filled]` (or sets `GRAM.failed`), so that the posting thread never waits
   * for a worker that had no core while it filled every chunk itself.
   */
  readonly gramRows: Int32Array
  readonly points: Float32Array
  readonly dimensions: number
  readonly gram: Float64Array
  readonly control: Int32Array
} | {
  readonly restarts: SampleRestarts
  /** The next restart to run, taken in turn by every thread (`Atomics.add`). */
  readonly next: Int32Array
} | {
  /** A refinement whose passes this worker shares, until told to stop (see {@link WorkerRowHelper}). */
  readonly elkan: ElkanRows
  readonly control: Int32Array
} | BesideWork

/** What a k-means worker answers. */
export type KmeansAnswer =
  | ClaimedJobs
  | { readonly runs: SampleRun[]; readonly indices: number[] }
  | { readonly stopped: true }
  | { readonly error: string }

/** How long this thread waits for a live worker before giving up (a worker that stops is noticed at once). */
const WORKER_TIMEOUT_MS = 30 * 60 * 1000

/**
 * How often this thread, waiting, checks that a worker is alive (one that stops also wakes
 * a wait on its `done` flag at once; a refinement pass is waited for on another flag).
 */
const LIVENESS_CHECK_MS = 250

interface PoolWorker {
  /** Its index in the {@link WatchedWorkers}. */
  readonly index: number
  readonly port: MessagePort
  /** Slot 0: 0 while working, 1 once the answer is posted; slot 1: 1 once the worker has stopped (`FLAG`). */
  readonly done: Int32Array
  /** Work posted beside the k-means jobs, with its answered flag (0 until done): what a stopped worker was doing. */
  readonly beside: { readonly name: string; readonly answered: Int32Array }[]
}

/** Worker threads that run k-means jobs; {@link close} them when done. */
export class KmeansPool {
  /** The live workers: one that stops is dropped, and this thread does its work from then on. */
  private readonly workers: PoolWorker[] = []
  private readonly watched: WatchedWorkers
  /** The last Gram matrix computed, for the next batch on the same points (the search for k, then the consensus). */
  private lastGram: { points: Float32Array; dimensions: number; fingerprint: number; gram: Float64Array } | undefined

  /**
   * @param threads Threads in all, this one included (≥ 2 starts workers).
   * @param workerUrl Worker script; the default is `kmeansWorker.js` beside this module's bundle.
   * @param onWorkerStopped Told, in one line, when a worker stops (out of memory, an error)
   * and this thread takes over its work; the default writes a warning on stderr.
   */
  constructor(
    threads: number, workerUrl: URL = new URL('./kmeansWorker.js', import.meta.url),
    private readonly onWorkerStopped: (message: string) => void = writeWorkerWarning,
  ) {
    this.watched = new WatchedWorkers(Math.max(0, threads - 1), workerUrl)
    this.watched.ports.forEach((port, index) => this.workers.push({ index, port, done: this.watched.flags[index]!, beside: [] }))
  }

  /**
   * The batch runner: every thread takes the next job from a shared counter, the costliest
   * first, until none is left. Its `gram` fills a batch's Gram matrix on every thread.
   */
  readonly run: KmeansBatchRunner = Object.assign((points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], given?: Float64Array) => {
    this.fits.post(this.beside)
    const threads = this.workers.length + 1
    const gram = this.sharedGram(points, dimensions, jobs, given)
    if (threads > 1 && jobs.length === 1) return [this.runSplit(points, dimensions, jobs[0]!, gram)]
    if (threads === 1 || jobs.length < 2) return kmeansBatch(points, dimensions, jobs, gram)
    // Checked here first: which thread meets a bad job depends on timing, its message must not.
    for (const job of jobs) resolveKmeansOptions(job)
    const order = claimOrder(jobs)
    const next = new Int32Array(new SharedArrayBuffer(4))
    const busy = this.workers.slice(0, jobs.length - 1)
    for (const pool of busy) {
      Atomics.store(pool.done, 0, 0)
      pool.port.postMessage({ points, dimensions, jobs, gram, order, next } satisfies KmeansWork)
    }
    const results: KmeansResult[] = new Array(jobs.length)
    const keep = (claimed: ClaimedJobs) => claimed.indices.forEach((i, j) => (results[i] = claimed.results[j]!))
    let failure: unknown
    try {
      keep(runClaimedJobs(points, dimensions, jobs, gram, order, () => Atomics.add(next, 0, 1)))
    } catch (error) {
      failure = error
      // The workers still take every job left; their answers are taken below.
    }
    failure = this.takeAnswers(busy, failure, (answer) => 'results' in answer && keep(answer))
    if (failure !== undefined) throw failure
    // The jobs a stopped worker took and did not answer, run here: each depends only on its options.
    const missing = unanswered(order.length, (position) => results[order[position]!] !== undefined)
    if (missing.length > 0) keep(runClaimedJobs(points, dimensions, jobs, gram, order, () => missing.shift() ?? order.length))
    return results
  }, { gram: (points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[]) => this.batchGram(points, dimensions, jobs) })

  /**
   * `kmeansBatchGram(points, dimensions, jobs)` in a SharedArrayBuffer, its chunks of rows
   * filled by this thread and the workers from a shared counter (each entry computed as one
   * thread computes it).
   */
  private batchGram(points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[]): Float64Array | undefined {
    const rows = batchGramRows(points, dimensions, jobs)
    if (rows === undefined) return undefined
    const gram = new Float64Array(new SharedArrayBuffer(rows.length * rows.length * 8))
    const control = new Int32Array(new SharedArrayBuffer(GRAM.length * 4))
    for (const pool of this.workers) pool.port.postMessage({ gramRows: rows, points, dimensions, gram, control } satisfies KmeansWork)
    const filled = fillGramChunks(points, dimensions, rows, gram, () => Atomics.add(control, GRAM.next, 1))
    Atomics.add(control, GRAM.filled, filled)
    // Only chunks a worker took are waited for.
    const chunks = Math.ceil(rows.length / GRAM_CHUNK_ROWS)
    const deadline = Date.now() + WORKER_TIMEOUT_MS
    for (let seen = Atomics.load(control, GRAM.filled); seen < chunks; seen = Atomics.load(control, GRAM.filled)) {
      if (control[GRAM.failed] === 1) throw new Error('k-means worker failed filling the Gram matrix')
      if (Atomics.wait(control, GRAM.filled, seen, LIVENESS_CHECK_MS) !== 'timed-out') continue
      if (this.dropStopped()) {
        // Which chunks the stopped worker left unfilled is not known: all are filled again here,
        // each entry with the same value (a live worker may still write the same bits beside).
        let chunk = 0
        fillGramChunks(points, dimensions, rows, gram, () => chunk++)
        return gram
      }
      if (Date.now() > deadline) throw new Error('k-means worker did not answer within 30 minutes')
    }
    return gram
  }

  /**
   * One job (the best-of restarts of `buildAtlas` above 3,000 rows): every thread takes its
   * next sample restart from a shared counter until none is left, so that no thread waits
   * on a share fixed in advance; the refinement of the best then runs here, each pass shared
   * with a worker. Each restart depends only on its seed and its run is kept at its index, so
   * the result is the one `kmeansBatch` gives.
   */
  private runSplit(points: Float32Array, dimensions: number, job: KmeansOptions, gram: Float64Array | undefined): KmeansResult {
    const plan = planKmeansBatch(points, dimensions, [job], gram)[0]!
    const work = plan.restarts
    if (work === undefined || work.seeds.length < 2) return plan.finish(work && runSampleRestarts(work))
    const next = new Int32Array(new SharedArrayBuffer(4))
    const busy = this.workers.slice(0, work.seeds.length - 1)
    for (const pool of busy) {
      Atomics.store(pool.done, 0, 0)
      pool.port.postMessage({ restarts: work, next } satisfies KmeansWork)
    }
    const runs: SampleRun[] = new Array(work.seeds.length)
    const keep = (answer: { runs: SampleRun[]; indices: number[] }) => answer.indices.forEach((i, j) => (runs[i] = answer.runs[j]!))
    let failure: unknown
    try {
      keep(runClaimedRestarts(work, () => Atomics.add(next, 0, 1)))
    } catch (error) {
      failure = error
      // The workers still take every restart left; their answers are taken below.
    }
    failure = this.takeAnswers(busy, failure, (answer) => 'runs' in answer && keep(answer))
    if (failure !== undefined) throw failure
    // The restarts a stopped worker took and did not answer, run here.
    const missing = unanswered(runs.length, (i) => runs[i] !== undefined)
    if (missing.length > 0) keep(runClaimedRestarts(work, () => missing.shift() ?? work.seeds.length))
    const pool = this.workers[0]
    if (pool === undefined) return plan.finish(runs)
    try {
      return plan.finish(runs, new WorkerRowHelper(pool, (pool) => this.await(pool), (pool) => this.watched.checkAlive(pool.index)))
    } catch (error) {
      if (!(error instanceof WorkerStoppedError)) throw error
      this.drop(pool, error)
      // The refinement again, on this thread alone: the same run (see `lloydElkan`).
      return plan.finish(runs)
    }
  }

  /**
   * The batch's Gram matrix in a SharedArrayBuffer (posting it shares it, without a copy): the
   * caller's when it is shared already, else a copy of it, the last one when the points are
   * the same array with the same contents, or a new one.
   */
  private sharedGram(points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], given: Float64Array | undefined): Float64Array | undefined {
    if (given?.buffer instanceof SharedArrayBuffer) return given
    const fingerprint = fingerprintOf(points)
    const last = this.lastGram
    if (last !== undefined && last.points === points && last.dimensions === dimensions && last.fingerprint === fingerprint) return last.gram
    const gram = given === undefined ? this.batchGram(points, dimensions, jobs) : new Float64Array(new SharedArrayBuffer(given.length * 8))
    if (given !== undefined) gram!.set(given)
    this.lastGram = gram === undefined ? undefined : { points, dimensions, fingerprint, gram }
    return gram
  }

  /** The workers as work beside the k-means jobs sees them (`poolBeside.ts`). */
  private readonly beside = besideWorkers(this.workers, (pool) => this.workers.includes(pool) && !this.dropStopped(pool))
  private readonly fits = new FitsBeside()

  /** `readTalkTerms(talks, options)` on every thread, or here alone (`readTermsBeside`); the fits queued are posted first. */
  readonly readTerms = (talks: readonly Talk[], options: TfidfOptions, share = true): TermStreams => readTermsBeside(this.beside, talks, options, () => this.fits.post(this.beside), share)

  /** Warms every worker's reading code on made-up talks, for a share of the reading to come (`primeBeside`). */
  readonly primeReading = (options: TfidfOptions): void => primeBeside(this.beside, options)

  /** The built-in taxonomy's fit on the first worker after its share of the next reading (`FitsBeside`); undefined without a worker. */
  taxonomyFitBeside(job: TaxonomyFitJob): Promise<TaxonomyFit | undefined> {
    return this.workers.length === 0 ? Promise.resolve(undefined) : this.fits.queue(job)
  }

  /** Resolves the fits posted (waiting for them), says which workers stopped, then stops the workers. */
  async close(): Promise<void> {
    this.fits.take(this.beside)
    this.dropStopped()
    await this.watched.close()
  }

  /** Stops the workers of a pool that was never used, saying nothing (not even of a worker that stopped). */
  readonly discard = (): Promise<void> => this.watched.close()

  /**
   * Takes every busy worker's answer, even after a failure, so that none is left for the next
   * batch; `keep` is given each answer that is not an error. A stopped worker gives none.
   * @returns The first failure: `failure`, else the first worker's error.
   */
  private takeAnswers(busy: readonly PoolWorker[], failure: unknown, keep: (answer: KmeansAnswer) => void): unknown {
    for (const pool of busy) {
      const answer = this.awaitLive(pool)
      if (answer === undefined) continue
      if ('error' in answer) failure ??= new Error(`k-means worker failed: ${answer.error}`)
      else keep(answer)
    }
    return failure
  }

  /** {@link await}, or undefined when the worker has stopped (it is then dropped). */
  private awaitLive(pool: PoolWorker): KmeansAnswer | undefined {
    try {
      return this.await(pool)
    } catch (error) {
      if (!(error instanceof WorkerStoppedError)) throw error
      this.drop(pool, error)
      return undefined
    }
  }

  /** Drops every worker that has stopped (or `only` that one); true if there was one. */
  private dropStopped(only?: PoolWorker): boolean {
    let dropped = false
    for (const pool of only === undefined ? [...this.workers] : [only]) {
      try {
        this.watched.checkAlive(pool.index)
      } catch (error) {
        if (!(error instanceof WorkerStoppedError)) throw error
        this.drop(pool, error)
        dropped = true
      }
    }
    return dropped
  }

  /** Drops a worker that stopped, and says so once, naming what it was doing (reading the text, else k-means). */
  private drop(pool: PoolWorker, stopped: WorkerStoppedError): void {
    const at = this.workers.indexOf(pool)
    if (at < 0) return
    this.workers.splice(at, 1)
    const doing = pool.beside.find(({ answered }) => Atomics.load(answered, 0) === 0)?.name ?? 'k-means'
    this.onWorkerStopped(workerStoppedMessage(doing, stopped.reason))
  }

  /**
   * Waits for a worker's answer (after its done flag); throws a `WorkerStoppedError` within
   * {@link LIVENESS_CHECK_MS} of the worker stopping without answering.
   */
  private await(pool: PoolWorker): KmeansAnswer {
    const deadline = Date.now() + WORKER_TIMEOUT_MS
    while (Atomics.load(pool.done, 0) === 0) {
      this.watched.checkAlive(pool.index)
      if (Atomics.wait(pool.done, 0, 0, LIVENESS_CHECK_MS) === 'timed-out' && Date.now() > deadline) {
        throw new Error('k-means worker did not answer within 30 minutes')
      }
    }
    // The answer is posted before the flag is raised; it can still be in flight for a moment.
    for (;;) {
      const received = receiveMessageOnPort(pool.port)
      if (received !== undefined) return received.message as KmeansAnswer
      Atomics.wait(pool.done, 0, 1, 1)
    }
  }
}

/**
 * A pool worker as the helper of a refinement (`lloydElkan`): it is posted the run's arrays
 * once (all but the rows and points in shared memory), then each pass is started by raising
 * the `posted` slot and waited for on the `done` slot, without messages.
 */
class WorkerRowHelper implements RowHelper {
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL.length * 4))
  private started = false
  private passes = 0

  constructor(private readonly pool: PoolWorker, private readonly awaitAnswer: (pool: PoolWorker) => KmeansAnswer, private readonly checkAlive: (pool: PoolWorker) => void) {}

  readonly allocate = (bytes: number): ArrayBufferLike => new SharedArrayBuffer(bytes)

  readonly claim = (): number => Atomics.add(this.control, CONTROL.next, 1)

  begin(state: ElkanRows, pass: number, from: number): void {
    const control = this.control
    if (!this.started) {
      Atomics.store(this.pool.done, 0, 0)
      this.pool.port.postMessage({ elkan: state, control } satisfies KmeansWork)
      this.started = true
    }
    control[CONTROL.pass] = pass
    control[CONTROL.from] = from
    Atomics.store(control, CONTROL.next, 0)
    Atomics.store(control, CONTROL.posted, ++this.passes)
    Atomics.notify(control, CONTROL.posted)
  }

  end(): number {
    const control = this.control
    const deadline = Date.now() + WORKER_TIMEOUT_MS
    for (;;) {
      const done = Atomics.load(control, CONTROL.done)
      if (done === this.passes) break
      if (Atomics.wait(control, CONTROL.done, done, LIVENESS_CHECK_MS) !== 'timed-out') continue
      this.checkAlive(this.pool)
      if (Date.now() > deadline) throw new Error('k-means worker did not answer within 30 minutes')
    }
    const changed = control[CONTROL.changed]!
    if (changed < 0) throw new Error('k-means worker failed in a pass of the refinement')
    return changed
  }

  close(): void {
    if (!this.started) return
    Atomics.store(this.control, CONTROL.stop, 1)
    Atomics.store(this.control, CONTROL.posted, ++this.passes)
    Atomics.notify(this.control, CONTROL.posted)
    // The worker answers once it has left the loop, so that no answer is left for the next batch.
    this.awaitAnswer(this.pool)
  }
}

/** The positions in [0, length) whose work has no answer: those a stopped worker took. */
function unanswered(length: number, answered: (position: number) => boolean): number[] {
  const missing: number[] = []
  for (let position = 0; position < length; position++) if (!answered(position)) missing.push(position)
  return missing
}

/** FNV-1a over the bits of the values: a changed array is not mistaken for the cached one. */
function fingerprintOf(points: Float32Array): number {
  const bits = new Int32Array(points.buffer, points.byteOffset, points.length)
  let hash = 0x811c9dc5
  for (let p = 0; p < bits.length; p++) hash = Math.imul(hash ^ bits[p]!, 0x01000193)
  return hash
}
