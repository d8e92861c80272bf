// A stand-in for the k-means worker in pool tests: a script that answers the pool's messages
// as the test needs (claims parts, dies on a job, …), written to a fresh temporary folder.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Writes a worker script whose `port.on('message', (work) => …)` handler is `body`, and
 * returns its URL for `new KmeansPool(threads, url, …)`.
 * @param name File name of the script (ends in `.mjs`), for messages.
 * @param body Lines of the handler's body, with `work` the message.
 */
export function stubWorker(name: string, body: readonly string[]): URL {
  const script = join(mkdtempSync(join(tmpdir(), 'talkatlas-stub-')), name)
  writeFileSync(script, [
    "import { workerData } from 'node:worker_threads'",
    'const { port } = workerData',
    "port.on('message', (work) => {",
    ...body.map((line) => `  ${line}`),
    '})',
    '',
  ].join('\n'))
  return pathToFileURL(script)
}
