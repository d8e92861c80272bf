/**
 * Worker thread of {@link KmeansPool}: runs the k-means jobs (or sample restarts, or chunks of a Gram matrix) it is sent, posts the results,
 * then raises the shared flag the posting thread waits on. Beside them (`poolBeside.ts`) it reads parts of a text and measures the
 * built-in taxonomy's fit, each answered on a port of its own.
 */
import { workerData, type MessagePort } from 'node:worker_threads'
import { fillGramChunks } from '../cluster/kmeans.js'
import { runClaimedJobs } from '../cluster/kmeansBatch.js'
import { runClaimedRestarts } from '../cluster/kmeansRestarts.js'
import { helperPass, type ElkanRows } from '../cluster/lloydElkan.js'
import { CONTROL, GRAM, type KmeansAnswer, type KmeansWork } from './kmeansPool.js'
import { readFreeParts, unpackTexts, type ReadPart } from './termParts.js'
import { injectTestFault } from './testFault.js'
import { prepareText as setUpText } from './textSetup.js'
import { unpackGeneralWordLists } from '../cluster/labelTerms.js'
import { BUILTIN_TAXONOMY } from '../tag/taxonomy.js'
import { taxonomyFit } from '../tag/taxonomyFit.js'

const { port, done } = workerData as { port: MessagePort; done: Int32Array }
let jobs = 0
let readings = 0
port.on('message', (work: KmeansWork) => {
  if ('reading' in work) return readShare(work)
  if ('taxonomyFit' in work) return fitTaxonomy(work)
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
})

/**
 * Reads the free parts of a corpus from the back (see `KmeansWork`), posting each as it is
 * read, the typed arrays transferred.
 */
function readShare({ reading, mark, reply, answered }: Extract<KmeansWork, { reading: unknown }>): void {
  injectTestFault('term', ++readings)
  prepareText()
  let state = 1
  try {
    readFreeParts(reading, unpackTexts(reading.job), mark, (part, streams) => {
      const buffers = new Set([streams.units.buffer, streams.isPart.buffer, streams.surfaces.buffer, streams.docStart.buffer, streams.typeUnits.buffer, streams.typeCounts.buffer])
      reply.postMessage({ part, streams } satisfies ReadPart, [...buffers] as ArrayBuffer[])
      Atomics.store(reading.delivered, part, 1)
      Atomics.notify(reading.delivered, part)
    })
  } catch {
    state = -1
  }
  Atomics.store(answered, 0, state)
  Atomics.notify(answered, 0)
}

/** Readies the text code once, with the main thread's own setup (`textSetup.ts`), so that both read alike. */
let textReady = false
function prepareText(): void {
  if (textReady) return
  setUpText()
  textReady = true
}

/**
 * Posts the label lexicon's word lists, unpacked, then measures the built-in taxonomy's fit
 * (see `taxonomyFitAside.ts`) and posts it on its own port.
 */
function fitTaxonomy({ taxonomyFit: job, reply, answered }: Extract<KmeansWork, { taxonomyFit: unknown }>): void {
  injectTestFault('taxonomy')
  let state = 1
  try {
    if (job.wordLists !== undefined) {
      job.wordLists.postMessage(unpackGeneralWordLists())
      job.wordLists.close()
    }
    prepareText()
    reply.postMessage(taxonomyFit(job.talks, BUILTIN_TAXONOMY, job.options))
  } catch {
    state = -1
  }
  reply.close()
  Atomics.store(answered, 0, state)
  Atomics.notify(answered, 0)
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
