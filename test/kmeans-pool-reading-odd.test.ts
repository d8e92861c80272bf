// The k-means pool's shared reading on odd corpora (the built worker, dist/kmeansWorker.js):
// any number of talks against the parts, empty titles or abstracts, surrogate pairs, lone
// surrogates, NUL and very long texts cross to the worker and merge into what one thread reads.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { KmeansPool } from '../src/cli/kmeansPool.js'
import { readTalkTerms, type TermStreams } from '../src/vectorize/tfidf.js'

const workerUrl = new URL('../dist/kmeansWorker.js', import.meta.url)

/** Every field of two token streams, equal. */
function expectSameStreams(streams: TermStreams, single: TermStreams): void {
  for (const field of ['units', 'isPart', 'surfaces', 'docStart', 'typeUnits', 'typeCounts', 'mainLanguages'] as const) {
    expect(Array.from(streams[field] ?? []), field).toEqual(Array.from(single[field] ?? []))
  }
  expect(streams.typeNames).toEqual(single.typeNames)
  expect(streams.unitKeys).toEqual(single.unitKeys)
}

const piece = fc.oneof(
  fc.constantFrom('', ' ', 'packet', 'Scheduling', 'eBPF', 'Überwachung', 'the', '42', '\u0000', '😀', '𝔘nicode', '\ud800', '\udc00', 'x'.repeat(5000), 'Netzwerk-Stack', 'l\'état'),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
)
const text = fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join(' '))
const corpus = fc.array(fc.record({ id: fc.constant(''), title: text, abstract: text }), { minLength: 0, maxLength: 30 })
  .map((talks) => talks.map((talk, i) => ({ ...talk, id: `t${i}` })))

describe('KmeansPool.readTerms on odd corpora', () => {
  it('reads on two and three threads exactly what one thread reads', async () => {
    for (const threads of [2, 3]) {
      const pool = new KmeansPool(threads, workerUrl)
      try {
        fc.assert(fc.property(corpus, fc.constantFrom({}, { language: 'auto' as const }), (talks, options) => {
          expectSameStreams(pool.readTerms(talks, options), readTalkTerms(talks, options))
        }), { numRuns: 60, seed: 20 })
      } finally {
        await pool.close()
      }
    }
  }, 120_000)
})
