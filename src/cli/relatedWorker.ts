/**
 * Worker thread of {@link keepRelatedIndexThreaded}: searches the related talks of one range
 * of rows and sends the lists back, the typed arrays transferred rather than copied.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { topKRows } from '../similarity/allPairsTopK.js'
import type { RelatedJob } from './relatedPool.js'

const job = workerData as RelatedJob
const lists = topKRows(job.space, job.top, job.from, job.to)
parentPort!.postMessage(lists, [lists.counts.buffer, lists.indices.buffer, lists.scores.buffer] as ArrayBuffer[])
