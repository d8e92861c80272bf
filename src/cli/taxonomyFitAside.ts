/**
 * The built-in taxonomy's fit (`taxonomyFit`, which `talkatlas themes` needs to name its
 * themes) measured on a worker thread while this thread builds the atlas. It reads every
 * word of every talk once more (FOSDEM 2025: about a tenth of the main thread's time), and
 * depends on the talks and stopwords alone, not on the atlas; the second core is idle while
 * this thread reads the text and fits LSA.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { takeGeneralWordListsFrom, type GeneralWordLists } from '../cluster/labelTerms.js'
import type { EvidenceOptions } from '../tag/themeEvidence.js'
import type { TaxonomyFit } from '../tag/taxonomyFit.js'
import type { Talk } from '../types.js'
import { runOneShotWorker } from './oneShotWorker.js'
import { kmeansThreads } from './threadedAtlas.js'

/** What the worker is sent. */
export interface TaxonomyFitJob {
  readonly talks: readonly Talk[]
  readonly options: EvidenceOptions
  /**
   * Where the worker first posts the label lexicon's word lists, unpacked: the labels need
   * them on this thread only after the clustering, by when they are waiting here, and
   * unpacking them costs this thread about a tenth of a second.
   */
  readonly wordLists?: MessagePort
}

/**
 * Starts measuring the built-in taxonomy's fit on a worker when the atlas is built on two
 * threads (`kmeansThreads`); resolves with the fit, or with undefined when the worker fails
 * (the caller then measures it itself, as it does when no worker is started).
 * @param talks Talks of the atlas.
 * @param options The atlas's stopword options.
 * @param threads `--threads`.
 * @param workerUrl Worker script; the default is `taxonomyFitWorker.js` beside this module's bundle.
 */
export function builtinTaxonomyFitAside(
  talks: readonly Talk[], options: EvidenceOptions, threads: number | 'auto',
  workerUrl: URL = new URL('./taxonomyFitWorker.js', import.meta.url),
): Promise<TaxonomyFit | undefined> | undefined {
  if (kmeansThreads(threads, talks.length) < 2) return undefined
  const job: TaxonomyFitJob = { talks: talks.map(({ id, title, abstract }) => ({ id, title, abstract })), options, wordLists: wordListsFromWorker() }
  // A worker that stops leaves the fit to the caller (a warning says why): it is a speed-up, not a requirement.
  return runOneShotWorker<TaxonomyFit | undefined>(workerUrl, job, 'taxonomy-fit', [job.wordLists!], () => undefined).catch(() => undefined)
}

/**
 * A port for the worker to post the label lexicon's word lists on; the lexicon takes them
 * from its other end when the labels first need them, if they have come (it unpacks them
 * itself otherwise, as without a worker).
 */
function wordListsFromWorker(): MessagePort {
  const { port1, port2 } = new MessageChannel()
  port1.unref()
  takeGeneralWordListsFrom(() => {
    const lists = receiveMessageOnPort(port1)?.message as GeneralWordLists | undefined
    port1.close()
    return lists
  })
  return port2
}
