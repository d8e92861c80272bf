/** Progress of long computations, reported to an optional callback; the library never prints. */
import { OptionError } from './errors.js'

/** One report: `step` has done `done` of `total` units (`total` 0: no count known). */
export interface ProgressEvent {
  /** What runs: `tokenising`, `tf-idf`, `lsa`, `smoothing`, `k-means`, `labels`, `umap`, `sessions`. */
  readonly step: string
  /** Short detail of the step (`20 runs, k 40–150`), or ''. */
  readonly detail: string
  /** Units done so far. */
  readonly done: number
  /** Units in the step, or 0 when unknown. */
  readonly total: number
}

/** Receives {@link ProgressEvent}s; called synchronously from the computation, so keep it cheap. */
export type ProgressCallback = (event: ProgressEvent) => void

/**
 * Checks an `onProgress` option and returns a reporter that does nothing when it is absent.
 * @param caller Function name for the error message.
 * @param onProgress The option's value.
 */
export function progressReporter(caller: string, onProgress: unknown): (step: string, done?: number, total?: number, detail?: string) => void {
  if (onProgress === undefined) return () => undefined
  if (typeof onProgress !== 'function') throw new OptionError(caller, 'onProgress', onProgress, 'a function')
  const callback = onProgress as ProgressCallback
  return (step, done = 0, total = 0, detail = '') => callback({ step, detail, done, total })
}
