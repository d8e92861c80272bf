/**
 * Test-only fault injection for the CLI's worker threads, so that tests can check what the CLI
 * does when a worker dies. Not part of the public API, and inert unless the variable is set:
 * `TALKATLAS_TEST_WORKER_FAULT=<worker>:<fault>[:<job>]` makes the named worker (`kmeans`,
 * `related`) or the k-means worker's work beside (`prime`: warming its reading code, `term`: its share of the reading,
 * `taxonomy`: the taxonomy fit), or the main thread measuring the taxonomy fit itself (`main-taxonomy`,
 * when no worker gave it), fail at the start of its `job`-th job (from 1, the default):
 * `exit` calls `process.exit(70)`, `throw` throws an uncaught error, `oom` allocates until the
 * heap limit stops the thread.
 */
import { env } from 'node:process'

/**
 * Fails here if the variable asks for it (see the module comment).
 * @param worker This worker's kind.
 * @param job This worker's job number, from 1.
 */
export function injectTestFault(worker: string, job = 1): void {
  const spec = env['TALKATLAS_TEST_WORKER_FAULT']
  if (spec === undefined || spec === '') return
  const [kind, fault, at = '1'] = spec.split(':')
  if (kind !== worker || Number(at) !== job) return
  if (fault === 'exit') process.exit(70)
  if (fault === 'throw') throw new Error(`injected test fault in the ${worker} worker`)
  if (fault === 'oom') {
    const hog: number[][] = []
    for (;;) hog.push(new Array<number>(1 << 20).fill(job))
  }
}
