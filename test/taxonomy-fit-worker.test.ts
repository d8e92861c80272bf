// The built-in taxonomy's fit measured on a worker by `talkatlas themes` (the built worker,
// dist/taxonomyFitWorker.js; the global setup builds dist/ when it is stale), and its fallbacks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads'
import { describe, expect, it, vi } from 'vitest'
import { unpackGeneralWordLists } from '../src/cluster/labelTerms.js'
import { runOneShotWorker } from '../src/cli/oneShotWorker.js'
import { builtinTaxonomyFitAside, type TaxonomyFitJob } from '../src/cli/taxonomyFitAside.js'
import { BUILTIN_TAXONOMY } from '../src/tag/taxonomy.js'
import { taxonomyFit, type TaxonomyFit } from '../src/tag/taxonomyFit.js'
import type { Talk } from '../src/types.js'

const read = (name: string) => (JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8')) as { talks: Talk[] }).talks
const worker = new URL('../dist/taxonomyFitWorker.js', import.meta.url)

describe('builtinTaxonomyFitAside', () => {
  it('gives on a worker the fit measured on this thread, stopwords included', async () => {
    for (const [talks, options] of [[read('lpc-networking-bpf'), {}], [read('ml-workshop'), {}], [read('lpc-networking-bpf'), { stopwords: ['bpf', 'ebpf', 'xdp'] }]] as const) {
      const aside = await builtinTaxonomyFitAside(talks, options, 2, worker)
      expect(aside).toEqual(taxonomyFit(talks, BUILTIN_TAXONOMY, options))
    }
    expect((await builtinTaxonomyFitAside(read('lpc-networking-bpf'), {}, 2, worker))?.fits).toBe(true)
  })

  it('posts the label lexicon its word lists, unpacked, before the fit', async () => {
    const { port1, port2 } = new MessageChannel()
    const job: TaxonomyFitJob = { talks: read('ml-workshop'), options: {}, wordLists: port2 }
    const fit = await runOneShotWorker<TaxonomyFit>(worker, job, 'taxonomy-fit', [port2])
    expect(fit).toEqual(taxonomyFit(job.talks, BUILTIN_TAXONOMY, {}))
    expect(receiveMessageOnPort(port1)?.message).toEqual(unpackGeneralWordLists())
    port1.close()
  })

  it('starts no worker on one thread, and resolves undefined when the worker dies', async () => {
    const talks = read('lpc-networking-bpf')
    expect(builtinTaxonomyFitAside(talks, {}, 1, worker)).toBeUndefined()
    expect(builtinTaxonomyFitAside(talks, {}, 'auto', worker)).toBeUndefined() // 72 talks: one thread
    const dying = join(mkdtempSync(join(tmpdir(), 'talkatlas-fit-')), 'dying.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    const warnings = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      await expect(builtinTaxonomyFitAside(talks, {}, 2, pathToFileURL(dying))).resolves.toBeUndefined()
      expect(warnings.mock.calls.map(([line]) => line)).toEqual(['talkatlas: warning: a taxonomy-fit worker stopped (exit code 3); the main thread does its work\n'])
    } finally {
      warnings.mockRestore()
    }
  })
})
