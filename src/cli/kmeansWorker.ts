/**
 * Worker thread of {@link KmeansPool}: runs the k-means jobs it is sent, posts the results,
 * then raises the shared flag the posting thread waits on.
 */
import { workerData, type MessagePort } from 'node:worker_threads'
import { kmeansBatch } from '../cluster/kmeans.js'
import type { KmeansAnswer, KmeansWork } from './kmeansPool.js'

const { port, done } = workerData as { port: MessagePort; done: Int32Array }
port.on('message', (work: KmeansWork) => {
  let answer: KmeansAnswer
  try {
    answer = { results: kmeansBatch(work.points, work.dimensions, work.jobs, work.gram) }
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) }
  }
  port.postMessage(answer)
  Atomics.store(done, 0, 1)
  Atomics.notify(done, 0)
})
