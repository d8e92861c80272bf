/**
 * Worker thread of {@link builtinTaxonomyFitAside}: posts the label lexicon's word lists,
 * unpacked, then measures how well the built-in taxonomy fits the talks it is sent and posts
 * the {@link TaxonomyFit} back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { unpackGeneralWordLists } from '../cluster/labelTerms.js'
import { BUILTIN_TAXONOMY } from '../tag/taxonomy.js'
import { primeScanner } from '../text/primeScanner.js'
import { taxonomyFit } from '../tag/taxonomyFit.js'
import type { TaxonomyFitJob } from './taxonomyFitAside.js'
import { injectTestFault } from './testFault.js'

const job = workerData as TaxonomyFitJob
injectTestFault('taxonomy')
if (job.wordLists !== undefined) {
  job.wordLists.postMessage(unpackGeneralWordLists())
  job.wordLists.close()
}
primeScanner()
parentPort!.postMessage(taxonomyFit(job.talks, BUILTIN_TAXONOMY, job.options))
