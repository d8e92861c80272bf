/**
 * The k-means worker's work beside its k-means jobs (`poolBeside.ts`): warming the reading
 * code, a share of the reading of the text, and the built-in taxonomy's fit. Loaded by the
 * worker with the first such work, so that a worker that only clusters never loads the text
 * code, the language packs or the taxonomy.
 */
import type { KmeansWork } from './kmeansPool.js'
import { readFreeParts, unpackTexts, type ReadPart } from './termParts.js'
import { injectTestFault } from './testFault.js'
import { prepareText as setUpText } from './textSetup.js'
import { readingPrimer } from '../text/primeScanner.js'
import { readTalkTerms } from '../vectorize/tfidf.js'
import { unpackGeneralWordLists } from '../cluster/labelTerms.js'
import { BUILTIN_TAXONOMY } from '../tag/taxonomy.js'
import { taxonomyFit } from '../tag/taxonomyFit.js'

/** Work beside the k-means jobs, as the worker is sent it. */
export type BesideJob = Extract<KmeansWork, { reading: unknown } | { taxonomyFit: unknown } | { priming: unknown }>

let readings = 0

/**
 * Does one piece of work beside the k-means jobs.
 * @param work The work.
 */
export function runBeside(work: BesideJob): void {
  if ('reading' in work) readShare(work)
  else if ('priming' in work) primeReading(work)
  else fitTaxonomy(work)
}

/**
 * Reads the free parts of a corpus from the back (see `KmeansWork`), posting each as it is
 * read, the typed arrays transferred.
 * @param work The reading.
 */
function readShare({ reading, mark, reply, answered }: Extract<KmeansWork, { reading: unknown }>): void {
  injectTestFault('term', ++readings)
  prepareText()
  flagWhenDone(answered, () => readFreeParts(reading, unpackTexts(reading.job), mark, (part, streams) => {
    const buffers = new Set([streams.units.buffer, streams.isPart.buffer, streams.surfaces.buffer, streams.docStart.buffer, streams.typeUnits.buffer, streams.typeCounts.buffer])
    reply.postMessage({ part, streams } satisfies ReadPart, [...buffers] as ArrayBuffer[])
    Atomics.store(reading.delivered, part, 1)
    Atomics.notify(reading.delivered, part)
  }))
}

/**
 * Reads made-up talks (`readingPrimer`) with the reading's code, so that a share of a corpus
 * read next is read by code V8 has compiled already (its code is per thread).
 * @param work The priming.
 */
function primeReading({ priming: options, answered }: Extract<KmeansWork, { priming: unknown }>): void {
  injectTestFault('prime')
  flagWhenDone(answered, () => {
    prepareText()
    readTalkTerms(readingPrimer(), options)
  })
}

/**
 * Runs a piece of work, then raises its answered flag: 1 when done, −1 when it failed (the
 * main thread then does the work itself).
 * @param answered The work's flag in shared memory.
 * @param work The work.
 */
function flagWhenDone(answered: Int32Array, work: () => void): void {
  let state = 1
  try {
    work()
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
 * @param work The fit.
 */
function fitTaxonomy({ taxonomyFit: job, reply, answered }: Extract<KmeansWork, { taxonomyFit: unknown }>): void {
  injectTestFault('taxonomy')
  flagWhenDone(answered, () => {
    try {
      if (job.wordLists !== undefined) {
        job.wordLists.postMessage(unpackGeneralWordLists())
        job.wordLists.close()
      }
      prepareText()
      reply.postMessage(taxonomyFit(job.talks, BUILTIN_TAXONOMY, job.options))
    } finally {
      reply.close()
    }
  })
}
