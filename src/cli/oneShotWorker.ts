import { Worker, type TransferListItem } from 'node:worker_threads'

/**
 * Runs a worker script once on `data` and resolves with the one message it posts back.
 * @param workerUrl Worker script.
 * @param data Its `workerData`.
 * @param name What the worker does, for the error when it exits without answering.
 * @param transferList What `data` holds that moves to the worker (e.g. a MessagePort).
 */
export function runOneShotWorker<T>(workerUrl: URL, data: unknown, name: string, transferList: readonly TransferListItem[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: data, transferList: [...transferList] })
    let settled = false
    worker.once('message', (answer: T) => {
      settled = true
      resolve(answer)
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${name} worker stopped with exit code ${code} before answering`))
    })
  })
}
