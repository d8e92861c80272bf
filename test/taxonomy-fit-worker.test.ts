// The built-in taxonomy's fit measured by `talkatlas themes` on the k-means worker of the
// atlas build (the built worker, dist/kmeansWorker.js; the global setup builds dist/ when it
// is stale), and its fallbacks.
import { readFileSync } from 'node:fs'
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { unpackGeneralWordLists } from '../src/cluster/labelTerms.js'
import { KmeansPool } from '../src/cli/kmeansPool.js'
import { builtinTaxonomyFitAside, type TaxonomyFitJob } from '../src/cli/taxonomyFitAside.js'
import { kmeansThreads } from '../src/cli/threadedAtlas.js'
import { root, talkatlas } from './helpers/cli.js'
import { stubWorker } from './helpers/stubWorker.js'
import { BUILTIN_TAXONOMY } from '../src/tag/taxonomy.js'
import { taxonomyFit } from '../src/tag/taxonomyFit.js'
import type { Talk } from '../src/types.js'

const read = (name: string) => (JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')) as { talks: Talk[] }).talks
const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)
const TIMEOUT = 120_000

/** A pool of two threads and the warnings it gives. */
function pool(url: URL = workerUrl): { pool: KmeansPool; warnings: string[] } {
  const warnings: string[] = []
  return { pool: new KmeansPool(2, url, (message) => warnings.push(message)), warnings }
}

describe('the taxonomy fit on a k-means worker', () => {
  it('gives the fit measured on this thread, stopwords included, and posts the word lists first', async () => {
    // Talks of which some name the taxonomy's themes and some do not: a fit that lost or
    // repeated talks on the way would give another share there.
    const mixed = [...read('lpc-networking-bpf').slice(0, 30), ...read('ml-workshop'), ...read('bilingual-congress')]
    const { share } = taxonomyFit(mixed, BUILTIN_TAXONOMY, {})
    expect(share > 0 && share < 1).toBe(true)
    for (const [talks, options] of [[read('lpc-networking-bpf'), {}], [read('ml-workshop'), {}], [mixed, {}], [read('lpc-networking-bpf'), { stopwords: ['bpf', 'ebpf', 'xdp'] }]] as const) {
      const { pool: kmeans, warnings } = pool()
      const { port1, port2 } = new MessageChannel()
      const job: TaxonomyFitJob = { talks, options, wordLists: port2 }
      const fit = kmeans.taxonomyFitBeside(job)
      // Posted with the next reading, and answered when the pool closes.
      kmeans.readTerms(talks, {})
      await kmeans.close()
      expect(await fit).toEqual(taxonomyFit(talks, BUILTIN_TAXONOMY, options))
      expect(receiveMessageOnPort(port1)?.message).toEqual(unpackGeneralWordLists())
      port1.close()
      expect(warnings).toEqual([])
    }
  }, TIMEOUT)

  it('is measured beside an atlas built on two threads (the built CLI), and not at all on one', () => {
    const talks = read('lpc-networking-bpf')
    // No pool on one thread (`--threads 1`, or 'auto' at 72 talks): no fit beside.
    expect(kmeansThreads(1, talks.length)).toBe(1)
    expect(kmeansThreads('auto', talks.length)).toBe(1)
    expect(builtinTaxonomyFitAside(undefined, talks, {})).toBeUndefined()
    // The tripwire fails the main thread when it measures the fit itself.
    const tripwire = { TALKATLAS_TEST_WORKER_FAULT: 'main-taxonomy:throw' }
    const themes = (threads: string, env: Record<string, string> = {}) => talkatlas(['themes', `${root}/fixtures/lpc-networking-bpf.json`, '--format', 'json', '--threads', threads], { env })
    const [one, two] = [themes('1'), themes('2', tripwire)]
    // On one thread the main thread measures the fit, and meets the tripwire.
    const tripped = themes('1', tripwire)
    expect(tripped.code).toBe(1)
    expect(tripped.stderr).toContain('injected test fault in the main-taxonomy worker')
    // On two, the worker's fit is used: the main thread never measures it, and the output is the same.
    expect(two.code).toBe(0)
    expect(two.stdout).toBe(one.stdout)
    // The networking talks fit the built-in taxonomy: the themes are named after it.
    expect(two.stderr).toBe(one.stderr)
    expect(two.stderr).toContain('taxonomy')
    expect((JSON.parse(two.stdout) as { themes: { name: string | null }[] }).themes.some((theme) => theme.name !== null)).toBe(true)
  }, TIMEOUT)

  it('resolves undefined, with one warning naming the fit, when the worker dies in it', async () => {
    // A worker that exits on the fit, and answers a reading in which it claimed nothing.
    const script = stubWorker('dieOnFit.mjs', [
      "if ('taxonomyFit' in work) process.exit(3)",
      "if ('reading' in work) Atomics.store(work.answered, 0, 1)",
    ])
    const talks = read('ml-workshop')
    const { pool: kmeans, warnings } = pool(script)
    const fit = kmeans.taxonomyFitBeside({ talks, options: {} })
    kmeans.readTerms(talks, {})
    await kmeans.close()
    expect(await fit).toBeUndefined()
    expect(warnings).toEqual(['a taxonomy-fit worker stopped (exit code 3); the main thread does its work'])
  }, TIMEOUT)
})
