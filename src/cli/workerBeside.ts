/**
 * The k-means worker's work beside its k-means jobs (`poolBeside.ts`): a share of the reading
 * of the text, and the built-in taxonomy's fit. Loaded by the worker with the first such
 * work, so that a worker that only clusters never loads the text code, the language packs
 * or the taxonomy.
 */
import type { KmeansWork } from './kmeansPool.js'
import type { PostedTaxonomyFit } from './taxonomyFitAside.js'
import type { Talk } from '../types.js'
import { readFreeParts, unpackTexts, type ReadPart } from './termParts.js'
import { injectTestFault } from './testFault.js'
import { prepareText as setUpText } from './textSetup.js'
import { unpackGeneralWordLists } from '../cluster/labelTerms.js'
import { BUILTIN_TAXONOMY } from '../tag/taxonomy.js'
import { taxonomyFit } from '../tag/taxonomyFit.js'

/** Work beside the k-means jobs, as the worker is sent it. */
export type BesideJob = Extract<KmeansWork, { reading: unknown } | { taxonomyFit: unknown }>

let readings = 0
/** The texts of this worker's share of the last reading, for the taxonomy fit that follows it. */
let held: readonly { title: string; abstract: string }[] | undefined

/**
 * Does one piece of work beside the k-means jobs.
 * @param work The work.
 */
export function runBeside(work: BesideJob): void {
  if ('reading' in work) readShare(work)
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
  let state = 1
  try {
    held = unpackTexts(reading.job)
    readFreeParts(reading, held, mark, (part, streams) => {
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
 * @param work The fit.
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
    reply.postMessage(taxonomyFit(fitTexts(job), BUILTIN_TAXONOMY, job.options))
  } catch {
    state = -1
  }
  reply.close()
  Atomics.store(answered, 0, state)
  Atomics.notify(answered, 0)
}

/**
 * The texts of a fit's talks: those it was sent, with those held from the reading put back.
 * @param job The fit.
 */
function fitTexts(job: PostedTaxonomyFit): Talk[] {
  // The fit reads titles and abstracts alone.
  const talk = ({ title, abstract }: { title: string; abstract: string }): Talk => ({ id: '', title, abstract })
  if ('talks' in job) return job.talks.map(talk)
  const sent = unpackTexts(job.texts)
  if (held === undefined || held.length !== job.held) throw new Error('taxonomy fit: the texts of the reading are not held here')
  const texts = [...sent.slice(0, job.heldAt), ...held, ...sent.slice(job.heldAt)]
  held = undefined
  return texts.map(talk)
}
