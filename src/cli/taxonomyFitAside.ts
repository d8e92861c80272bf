/**
 * The built-in taxonomy's fit (`taxonomyFit`, which `talkatlas themes` needs to name its
 * themes) measured on a k-means worker while this thread builds the atlas. It reads every
 * word of every talk once more (FOSDEM 2025: about a tenth of the main thread's time), and
 * depends on the talks and stopwords alone, not on the atlas; the k-means worker, started
 * anyway and warm from its share of the reading, is otherwise idle while this thread fits
 * TF-IDF and LSA.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import { takeGeneralWordListsFrom, type GeneralWordLists } from '../cluster/labelTerms.js'
import type { EvidenceOptions } from '../tag/themeEvidence.js'
import type { TaxonomyFit } from '../tag/taxonomyFit.js'
import type { Talk } from '../types.js'
import type { KmeansPool } from './kmeansPool.js'

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
 * Measures the built-in taxonomy's fit on the k-means pool of an atlas's build
 * (`buildAtlasThreaded`'s `onPool`): its first worker measures it after its share of the
 * reading. Undefined when the atlas is built on one thread (no pool); else resolves with the
 * fit once the atlas is built, or with undefined when the worker stops or fails (the caller
 * then measures it itself, as it does without a pool, and a warning says why a worker stopped).
 * @param pool The build's k-means pool.
 * @param talks Talks of the atlas.
 * @param options The atlas's stopword options.
 */
export function builtinTaxonomyFitAside(pool: KmeansPool | undefined, talks: readonly Talk[], options: EvidenceOptions): Promise<TaxonomyFit | undefined> | undefined {
  if (pool === undefined) return undefined
  const job: TaxonomyFitJob = { talks: talks.map(({ id, title, abstract }) => ({ id, title, abstract })), options, wordLists: wordListsFromWorker() }
  return pool.taxonomyFitBeside(job)
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
