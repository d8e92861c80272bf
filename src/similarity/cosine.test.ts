import { describe, expect, it } from 'vitest'
import type { CsrMatrix } from '../types.js'
import { transposeCsr } from '../vectorize/csr.js'
import { coAssociationCounts, COASSOCIATION_SHARE, similarityToAll, TFIDF_SHARE } from './cosine.js'

// Three talks, two terms, a 1-D embedding; two runs: run 0 puts talks 0 and 1 together, run 1 all three.
const matrix: CsrMatrix = { nRows: 3, nCols: 2, indptr: Int32Array.from([0, 1, 2, 4]), indices: Int32Array.from([0, 0, 0, 1]), data: Float32Array.from([1, 1, 0.6, 0.8]) }
const embedding = { dimensions: 1, vectors: Float32Array.from([1, 1, 1]) }
const ensemble = { runs: 2, labels: Int32Array.from([0, 0, 1, 5, 5, 5]) }
const query = { terms: Int32Array.from([0]), weights: Float32Array.from([1]), embedding: Float32Array.from([1]) }

describe('coAssociationCounts(ensemble, row, n)', () => {
  it('counts the runs that put each talk with the query talk; none for a talk without terms', () => {
    expect(Array.from(coAssociationCounts(ensemble, 0, 3))).toEqual([2, 2, 1])
    expect(Array.from(coAssociationCounts({ runs: 1, labels: Int32Array.from([-1, -1, 0]) }, 0, 3))).toEqual([0, 0, 0])
  })
})

describe('similarityToAll(index, inverted, query)', () => {
  it('blends the two cosines, and gives co-association a third for a talk of an index with runs', () => {
    const plain = similarityToAll({ matrix, embedding }, transposeCsr(matrix), query)
    const cosine = [1, 1, TFIDF_SHARE * 0.6 + (1 - TFIDF_SHARE)]
    plain.forEach((score, i) => expect(score).toBeCloseTo(cosine[i]!, 6))
    const withRuns = similarityToAll({ matrix, embedding, ensemble }, transposeCsr(matrix), { ...query, row: 0 })
    const share = COASSOCIATION_SHARE
    const expected = [1, 1, (1 - share) * cosine[2]! + share * 0.5]
    withRuns.forEach((score, i) => expect(score).toBeCloseTo(expected[i]!, 6))
    // A free-text query (no row) is not a talk: no co-association.
    expect(Array.from(similarityToAll({ matrix, embedding, ensemble }, transposeCsr(matrix), query))).toEqual(Array.from(plain))
  })
})
