/**
 * Worker thread of {@link keepRelatedIndexThreaded}: searches the related talks of one range
 * of rows or cells and sends the lists back, the typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { searchJob, type RelatedJob } from './relatedPool.js'
import { injectTestFault } from './testFault.js'

injectTestFault('related')
const lists = searchJob(workerData as RelatedJob)
parentPort!.postMessage(lists, [lists.counts.buffer, lists.indices.buffer, lists.scores.buffer] as ArrayBuffer[])
