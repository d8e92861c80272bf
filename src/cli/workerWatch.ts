/**
 * Worker threads that a thread blocked in `Atomics.wait` can see die. A Worker's 'error' and
 * 'exit' events reach only the thread that started it, and only through its event loop, which
 * `Atomics.wait` blocks: a k-means worker that ran out of memory, threw or exited left the
 * waiting thread blocked. So the workers are started by a small watching thread whose event
 * loop stays free: when one stops, it posts the reason (the worker's error message, else its
 * exit code), raises the worker's `stopped` slot and wakes whoever waits on its `done` slot.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'

/** Slots of a watched worker's flags: `done` is the worker's own (0 working, 1 answered), `stopped` the watcher's. */
export const FLAG = { done: 0, stopped: 1, length: 2 } as const

/** What the watcher is given: the worker script, and each worker's port and flags. */
interface WatchJob {
  readonly url: string
  readonly workers: readonly { readonly port: MessagePort; readonly flags: Int32Array }[]
  readonly stops: MessagePort
}

/**
 * The watcher: a few lines, evaluated rather than bundled, so that it starts in a few
 * milliseconds. Each worker gets `{ port, done }` as its workerData (`done` = the flags).
 */
const WATCHER = `
const { Worker, workerData } = require('node:worker_threads')
const { url, workers, stops } = workerData
workers.forEach(({ port, flags }, index) => {
  const worker = new Worker(new URL(url), { workerData: { port, done: flags }, transferList: [port] })
  let reason
  worker.on('error', (error) => { reason ??= String(error && error.message || error) })
  worker.on('exit', (code) => {
    stops.postMessage({ index, reason: reason ?? 'exit code ' + code })
    Atomics.store(flags, ${FLAG.stopped}, 1)
    Atomics.notify(flags, ${FLAG.done})
  })
})
`

/**
 * What a command says when a worker stops and this thread takes over its work.
 * @param name What the worker does (`k-means`, `text-reading`, …).
 * @param reason Its error message or exit code.
 */
export function workerStoppedMessage(name: string, reason: string): string {
  return `a ${name} worker stopped (${reason}); the main thread does its work`
}

/** Writes a worker's warning on stderr, as one line (it shows under `--quiet` too). */
export function writeWorkerWarning(message: string): void {
  process.stderr.write(`talkatlas: warning: ${message}\n`)
}

/** A worker that stopped before answering; `reason` is its error message or exit code. */
export class WorkerStoppedError extends Error {
  constructor(readonly reason: string) {
    super(`worker stopped: ${reason}`)
    this.name = 'WorkerStoppedError'
  }
}

/** Workers of one script, each with its port and flags, started and watched by one watching thread. */
export class WatchedWorkers {
  /** This thread's end of each worker's port. */
  readonly ports: MessagePort[] = []
  /** Each worker's flags, in shared memory (see {@link FLAG}). */
  readonly flags: Int32Array[] = []
  private readonly watcher: Worker | undefined
  private readonly stops: MessagePort | undefined
  private readonly reasons = new Map<number, string>()

  /**
   * @param count Workers to start (0 starts no thread).
   * @param workerUrl Worker script.
   */
  constructor(count: number, workerUrl: URL) {
    if (count < 1) return
    const workers: WatchJob['workers'][number][] = []
    for (let w = 0; w < count; w++) {
      const { port1, port2 } = new MessageChannel()
      const flags = new Int32Array(new SharedArrayBuffer(FLAG.length * 4))
      this.ports.push(port1)
      this.flags.push(flags)
      workers.push({ port: port2, flags })
    }
    const { port1, port2 } = new MessageChannel()
    this.stops = port1
    const job: WatchJob = { url: workerUrl.href, workers, stops: port2 }
    this.watcher = new Worker(WATCHER, { eval: true, workerData: job, transferList: [port2, ...workers.map(({ port }) => port)] })
    this.watcher.unref()
  }

  /**
   * Throws a {@link WorkerStoppedError} if worker `index` has stopped.
   * @param index Worker index.
   */
  checkAlive(index: number): void {
    if (Atomics.load(this.flags[index]!, FLAG.stopped) === 0) return
    throw new WorkerStoppedError(this.reasonOf(index))
  }

  /** Why worker `index` stopped; the watcher posts it just before raising the flag. */
  private reasonOf(index: number): string {
    for (let tries = 0; !this.reasons.has(index) && tries < 1000; tries++) {
      const received = receiveMessageOnPort(this.stops!)
      if (received === undefined) Atomics.wait(this.flags[index]!, FLAG.stopped, 1, 1)
      else this.reasons.set(received.message.index, received.message.reason)
    }
    return this.reasons.get(index) ?? 'no reason given'
  }

  /** Stops the watcher, and with it every worker. */
  async close(): Promise<void> {
    await this.watcher?.terminate()
  }
}
