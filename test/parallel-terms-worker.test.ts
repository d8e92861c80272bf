// The CLI's text-reading workers, with the built worker (dist/termWorker.js; the global
// setup builds dist/ when it is stale) and with a worker that dies.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { runOneShotWorker } from '../src/cli/oneShotWorker.js'
import { parallelTermReader } from '../src/cli/threadedAtlas.js'
import { readTalkTerms } from '../src/vectorize/tfidf.js'
import type { Talk } from '../src/types.js'

const talks = (JSON.parse(readFileSync(new URL('../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as { talks: Talk[] }).talks

describe('parallelTermReader', () => {
  it('reads on three threads exactly what one thread reads', async () => {
    const read = parallelTermReader(3, new URL('../dist/termWorker.js', import.meta.url))
    const streams = await read(talks, { titleWeight: 3 })
    const single = readTalkTerms(talks, { titleWeight: 3 })
    expect(Array.from(streams.units)).toEqual(Array.from(single.units))
    expect(Array.from(streams.surfaces)).toEqual(Array.from(single.surfaces))
    expect(Array.from(streams.docStart)).toEqual(Array.from(single.docStart))
    expect(streams.typeNames).toEqual(single.typeNames)
    expect(streams.unitKeys).toEqual(single.unitKeys)
    expect(Array.from(streams.typeCounts)).toEqual(Array.from(single.typeCounts))
  })

  it('reads the part of a worker that stops without answering on this thread, with a warning naming why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-worker-'))
    const dying = join(dir, 'dying.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    const throwing = join(dir, 'throwing.mjs')
    writeFileSync(throwing, "throw new Error('no memory for the part')\n")
    const single = readTalkTerms(talks, { titleWeight: 3 })
    const warnings = vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
    try {
      for (const script of [dying, throwing]) {
        const streams = await parallelTermReader(3, pathToFileURL(script))(talks, { titleWeight: 3 })
        expect(Array.from(streams.units)).toEqual(Array.from(single.units))
        expect(Array.from(streams.docStart)).toEqual(Array.from(single.docStart))
        expect(streams.typeNames).toEqual(single.typeNames)
      }
      expect(warnings.mock.calls.map(([line]) => line)).toEqual([
        ...Array(2).fill('talkatlas: warning: a text-reading worker stopped (exit code 3); the main thread does its work\n'),
        ...Array(2).fill('talkatlas: warning: a text-reading worker stopped (no memory for the part); the main thread does its work\n'),
      ])
    } finally {
      warnings.mockRestore()
    }
  })

  it('rejects, naming why, when a worker without a fallback stops without answering', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-worker-'))
    const dying = join(dir, 'dying.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    await expect(runOneShotWorker(pathToFileURL(dying), {}, 'text-reading')).rejects.toThrow('text-reading worker stopped (exit code 3)')
  })
})
