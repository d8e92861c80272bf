import { Worker, type TransferListItem } from 'node:worker_threads'
import { workerStoppedMessage, writeWorkerWarning } from './workerWatch.js'

/**
 * Runs a worker script once on `data` and resolves with the one message it posts back.
 * A worker that stops without answering (an error, out of memory, an exit) rejects with why,
 * or, given a `fallback`, is named in a one-line warning on stderr and its work done on this
 * thread by `fallback` instead: the same answer, as a worker's answer depends only on `data`.
 * @param workerUrl Worker script.
 * @param data Its `workerData`.
 * @param name What the worker does, for the error or warning when it stops without answering.
 * @param transferList What `data` holds that moves to the worker (e.g. a MessagePort).
 * @param fallback Computes the answer on this thread when the worker stops.
 */
export function runOneShotWorker<T>(workerUrl: URL, data: unknown, name: string, transferList: readonly TransferListItem[] = [], fallback?: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: data, transferList: [...transferList] })
    let settled = false
    const stopped = (reason: string) => {
      if (settled) return
      settled = true
      if (fallback === undefined) return reject(new Error(`${name} worker stopped (${reason})`))
      writeWorkerWarning(workerStoppedMessage(name, reason))
      try {
        resolve(fallback())
      } catch (failure) {
        reject(failure)
      }
    }
    worker.once('message', (answer: T) => {
      settled = true
      resolve(answer)
    })
    worker.once('error', (error) => stopped(error.message))
    worker.once('exit', (code) => stopped(`exit code ${code}`))
  })
}
