/** Invariants of atlases built with given vectors, over generated corpora (fast-check, fixed seed). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../src/atlas/buildAtlas.js'
import { loadAtlas, serializeAtlas } from '../src/atlas/serializeAtlas.js'
import { corpusArbitrary } from './corpus.js'

const SETTINGS = { seed: 20261127, numRuns: 12 }

/** A corpus with one random non-zero vector of 1–6 dimensions per talk, and a weight. */
const withVectors = corpusArbitrary(0, 20).chain((talks) =>
  fc.tuple(
    fc.constant(talks),
    fc.integer({ min: 1, max: 6 }).chain((d) =>
      fc.array(fc.array(fc.float({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }), { minLength: d, maxLength: d }).map((row) => Float32Array.from(row.some((x) => Math.abs(x) > 1e-3) ? row : [1, ...row.slice(1)])), {
        minLength: talks.length,
        maxLength: talks.length,
      }),
    ),
    fc.double({ min: 0, max: 1, noNaN: true }),
  ),
)

describe('buildAtlas(talks, { embeddings, embeddingWeight }) on generated corpora', () => {
  it('puts every talk in exactly one theme, keeps unit or zero rows, and loads back to the same rows', () => {
    fc.assert(
      fc.property(withVectors, ([talks, embeddings, embeddingWeight]) => {
        const atlas = buildAtlas(talks, { k: 'auto', restarts: 3, embeddings, embeddingWeight })
        const members = atlas.themes.flatMap((theme) => theme.talks.map((member) => member.id))
        expect(members.length).toBe(talks.length)
        expect(new Set(members).size).toBe(talks.length)
        const { dimensions: d, vectors } = atlas.embedding
        for (let i = 0; i < talks.length; i++) {
          let sum = 0
          for (let c = i * d; c < (i + 1) * d; c++) sum += vectors[c]! * vectors[c]!
          if (sum !== 0) expect(Math.abs(Math.sqrt(sum) - 1)).toBeLessThan(1e-5)
        }
        expect(atlas.userEmbedding === undefined).toBe(embeddingWeight === 0)
        const loaded = loadAtlas(JSON.parse(JSON.stringify(serializeAtlas(atlas))))
        expect(loaded.embedding.vectors).toEqual(atlas.embedding.vectors)
      }),
      SETTINGS,
    )
  })
})
