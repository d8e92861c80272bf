/**
 * Worker thread of {@link builtinTaxonomyFitAside}: measures how well the built-in taxonomy
 * fits the talks it is sent and posts the {@link TaxonomyFit} back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { BUILTIN_TAXONOMY } from '../tag/taxonomy.js'
import { taxonomyFit } from '../tag/taxonomyFit.js'
import type { TaxonomyFitJob } from './taxonomyFitAside.js'

const job = workerData as TaxonomyFitJob
parentPort!.postMessage(taxonomyFit(job.talks, BUILTIN_TAXONOMY, job.options))
