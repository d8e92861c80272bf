import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { loadAtlas, serializeAtlas } from '../atlas/serializeAtlas.js'
import type { Atlas } from '../atlas/types.js'
import type { CsrMatrix, Talk } from '../types.js'
import { coAssociationCounts, COASSOCIATION_SHARE } from './cosine.js'
import { atlasOrder, canonicalOrder } from '../atlas/canonicalOrder.js'
import { canonicalRankingIndex, permuteRankingIndex, rankingIndex, topicalityWeights, weighTerms } from './rankingIndex.js'
import { COARSE_RUNS, relatedEnsemble, relatedRankingIndex } from './relatedRanking.js'
import { relatedTalks } from './relatedTalks.js'

/** A CSR matrix from dense rows. */
function csr(rows: number[][]): CsrMatrix {
  const indptr = [0]
  const indices: number[] = []
  const data: number[] = []
  for (const row of rows) {
    row.forEach((value, j) => {
      if (value !== 0) {
        indices.push(j)
        data.push(value)
      }
    })
    indptr.push(indices.length)
  }
  return { nRows: rows.length, nCols: rows[0]!.length, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), data: Float32Array.from(data) }
}

describe('topicalityWeights(matrix, assignments, nThemes)', () => {
  it('gives 1 to a term of one theme, 1/k to a term spread evenly over k themes, by mean weight per talk', () => {
    // Terms: 0 only in theme 0; 1 evenly in themes 0 and 1; 2 in themes 0 (one talk of two) and 1 (both talks); 3 unused.
    const matrix = csr([
      [1, 1, 1, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 1, 1, 0],
    ])
    const weights = topicalityWeights(matrix, Int32Array.from([0, 0, 1, 1]), 2)
    expect(Array.from(weights)).toEqual([1, 0.5, Math.fround(1 / 1.5), 1])
  })
})

describe('weighTerms(matrix, weights)', () => {
  it('scales every term and brings rows back to unit length', () => {
    const out = weighTerms(csr([[0.6, 0.8]]), Float32Array.from([1, 0.75]))
    expect(out.data[0]).toBeCloseTo(0.6 / Math.hypot(0.6, 0.6), 6)
    expect(out.data[1]).toBeCloseTo(0.6 / Math.hypot(0.6, 0.6), 6)
  })
})

describe('rankingIndex(atlas) and related talks on the LPC fixture', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
    talks: (Talk & { theme: string })[]
  }
  const talks: Talk[] = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
  const atlas = buildAtlas(talks, { k: 12 })

  it('weighs generic networking vocabulary below the vocabulary of one topic', () => {
    const { weights } = rankingIndex(atlas)
    const weight = (term: string) => weights[atlas.model.terms.indexOf(term)]!
    expect(weight('mptcp')).toBeGreaterThan(weight('queue'))
    expect(weight('seccomp')).toBeGreaterThan(weight('socket'))
    expect(rankingIndex(atlas)).toBe(rankingIndex(atlas)) // computed once per atlas
  })

  /** The blended cosine of two talks in the related ranking index. */
  function blended(row: number, j: number, of: Atlas = atlas): number {
    const { matrix, embedding } = relatedRankingIndex(of)
    let sparse = 0
    for (let p = matrix.indptr[row]; p < matrix.indptr[row + 1]; p++) {
      for (let q = matrix.indptr[j]; q < matrix.indptr[j + 1]; q++) if (matrix.indices[p] === matrix.indices[q]) sparse += matrix.data[p]! * matrix.data[q]!
    }
    const d = embedding.dimensions
    let dense = 0
    for (let c = 0; c < d; c++) dense += embedding.vectors[row * d + c]! * embedding.vectors[j * d + c]!
    return 0.5 * sparse + 0.5 * dense
  }

  it('scores a related talk as two thirds of the blended cosine and a third of the co-association over the consensus and coarse runs', () => {
    const runs = relatedEnsemble(atlas)!
    expect(runs.runs).toBe(atlas.ensemble!.runs + COARSE_RUNS)
    const together = coAssociationCounts(runs, 0, talks.length)
    for (const hit of relatedTalks(atlas, talks[0]!.id, { top: 3 })) {
      const j = talks.findIndex((t) => t.id === hit.id)
      expect(hit.score).toBeCloseTo((1 - COASSOCIATION_SHARE) * blended(0, j) + (COASSOCIATION_SHARE * together[j]!) / runs.runs, 5)
    }
  })

  it('scores by the blended cosine alone when the atlas has no ensemble, and a loaded atlas ranks like the built one', () => {
    const { ensemble: _ensemble, ...withoutRuns } = atlas
    for (const hit of relatedTalks(withoutRuns, talks[0]!.id, { top: 3 })) {
      expect(hit.score).toBeCloseTo(blended(0, talks.findIndex((t) => t.id === hit.id), withoutRuns), 5)
    }
    const loaded = loadAtlas(JSON.parse(JSON.stringify(serializeAtlas(atlas))))
    for (const talk of talks.slice(0, 10)) expect(relatedTalks(loaded, talk.id)).toEqual(relatedTalks(atlas, talk.id))
  })
})

describe('canonicalRankingIndex(atlas)', () => {
  it('is the ranking index in the canonical order stored with the atlas, computed directly or reordered from the cached one', () => {
    const talks: Talk[] = (JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')).talks as Talk[]).slice(0, 40).reverse()
    const built = buildAtlas(talks, { k: 4 })
    const order = atlasOrder(built)
    expect(Array.from(order)).toEqual(Array.from(canonicalOrder(talks)))
    const direct = canonicalRankingIndex(built) // nothing cached yet: computed in canonical order
    rankingIndex(built)
    const reordered = canonicalRankingIndex(built) // from the cached index in input order
    for (const index of [direct, reordered, permuteRankingIndex(rankingIndex(built), order)]) {
      expect(index.matrix).toEqual(direct.matrix)
      expect(index.inverted).toEqual(direct.inverted)
      expect(index.embedding).toEqual(direct.embedding)
      expect(index.ensemble).toEqual(direct.ensemble)
    }
    // A loaded atlas stores the order it computed.
    expect(Array.from(atlasOrder(loadAtlas(JSON.parse(JSON.stringify(serializeAtlas(built))))))).toEqual(Array.from(order))
  })
})
