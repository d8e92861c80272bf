// The built-in taxonomy's fit measured on a worker by `talkatlas themes` (the built worker,
// dist/taxonomyFitWorker.js; the global setup builds dist/ when it is stale), and its fallbacks.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { builtinTaxonomyFitAside } from '../src/cli/taxonomyFitAside.js'
import { BUILTIN_TAXONOMY } from '../src/tag/taxonomy.js'
import { taxonomyFit } from '../src/tag/taxonomyFit.js'
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

  it('starts no worker on one thread, and resolves undefined when the worker dies', async () => {
    const talks = read('lpc-networking-bpf')
    expect(builtinTaxonomyFitAside(talks, {}, 1, worker)).toBeUndefined()
    expect(builtinTaxonomyFitAside(talks, {}, 'auto', worker)).toBeUndefined() // 72 talks: one thread
    const dying = join(mkdtempSync(join(tmpdir(), 'talkatlas-fit-')), 'dying.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    await expect(builtinTaxonomyFitAside(talks, {}, 2, pathToFileURL(dying))).resolves.toBeUndefined()
  })
})
