/**
 * Worker thread of {@link KmeansPool}: runs the k-means jobs (or sample restarts, or chunks of a Gram matrix) it is sent, posts the results,
 * then raises the shared flag the posting thread waits on. Beside them (`poolBeside.ts`) it reads parts of a text and measures the
 * built-in taxonomy's fit, each answered on a port of its own; their code (`workerBeside.ts`: the text code, the
 * language packs, the taxonomy) is loaded with the first of them, so that a worker that only clusters never loads it.
 */
import { workerData, type MessagePort } from 'node:worker_threads'
import { fillGramChunks } from '../cluster/kmeans.js'
import { runClaimedJobs } from '../cluster/kmeansBatch.js'
import { runClaimedRestarts } from '../cluster/kmeansRestarts.js'
import { helperPass, type ElkanRows } from '../cluster/lloydElkan.js'
import type { KmeansAnswer, KmeansWork } from './kmeansPool.js'
import { CONTROL, GRAM } from './poolSlots.js'
import { injectTestFault } from './testFault.js'
import type { BesideJob } from './workerBeside.js'

const { port, done } = workerData as { port: MessagePort; done: Int32Array }
let jobs = 0
/** Work that came while the code of work beside was loading, run in order once it is. */
let waiting: KmeansWork[] | undefined
let runBeside: ((work: BesideJob) => void) | undefined
port.on('message', (work: KmeansWork) => {
  if (waiting !== undefined) waiting.push(work)
  else if (isBeside(work) && runBeside === undefined) loadBeside(work)
  else run(work)
})

/**
 * Loads the code of work beside, then runs `first` and whatever came meanwhile, in order.
 * @param first The first work beside.
 */
function loadBeside(first: BesideJob): void {
  waiting = [first]
  void import('./workerBeside.js').then((module) => {
    runBeside = module.runBeside
  }, () => {
    // Without its code, work beside fails (its answered flag says so) and the main thread does it.
    runBeside = failBeside
  }).then(() => {
    for (let work = waiting!.shift(); work !== undefined; work = waiting!.shift()) run(work)
    waiting = undefined
  })
}

/** Whether work is work beside the k-means jobs (`poolBeside.ts`). */
function isBeside(work: KmeansWork): work is BesideJob {
  return 'reading' in work || 'taxonomyFit' in work || 'priming' in work
}

/** Answers work beside as failed (−1), so that the main thread does it. */
function failBeside(work: BesideJob): void {
  if ('taxonomyFit' in work) work.reply.close()
  Atomics.store(work.answered, 0, -1)
  Atomics.notify(work.answered, 0)
}

/**
 * Runs one piece of work: a k-means job, a share of a Gram matrix or of a refinement, or work beside.
 * @param work The work.
 */
function run(work: KmeansWork): void {
  if (isBeside(work)) return runBeside!(work)
  injectTestFault('kmeans', ++jobs)
  if ('gramRows' in work) return fillGramShare(work)
  let answer: KmeansAnswer
  try {
    if ('elkan' in work) answer = sharePasses(work.elkan, work.control)
    else if ('restarts' in work) answer = runClaimedRestarts(work.restarts, () => Atomics.add(work.next, 0, 1))
    else answer = runClaimedJobs(work.points, work.dimensions, work.jobs, work.gram, work.order, () => Atomics.add(work.next, 0, 1))
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(answer)
  Atomics.store(done, 0, 1)
  Atomics.notify(done, 0)
}

/** Fills chunks of a Gram matrix until none is left, and adds their number to the filled count (not answered: see `KmeansWork`). */
function fillGramShare(work: Extract<KmeansWork, { gramRows: Int32Array }>): void {
  const { control } = work
  try {
    Atomics.add(control, GRAM.filled, fillGramChunks(work.points, work.dimensions, work.gramRows, work.gram, () => Atomics.add(control, GRAM.next, 1)))
  } catch {
    Atomics.store(control, GRAM.failed, 1)
  }
  Atomics.notify(control, GRAM.filled)
}

/** Runs the helper's part of each pass of a refinement as the posting thread raises `posted`, until `stop`. */
function sharePasses(state: ElkanRows, control: Int32Array): KmeansAnswer {
  let seen = 0
  for (;;) {
    Atomics.wait(control, CONTROL.posted, seen)
    seen = Atomics.load(control, CONTROL.posted)
    if (control[CONTROL.stop] === 1) return { stopped: true }
    let changed: number
    try {
      changed = helperPass(state, control[CONTROL.pass]!, control[CONTROL.from]!, () => Atomics.add(control, CONTROL.next, 1))
    } catch {
      changed = -1
    }
    control[CONTROL.changed] = changed
    Atomics.store(control, CONTROL.done, seen)
    Atomics.notify(control, CONTROL.done)
  }
}
