/**
 * Similarity of talks: the mean of two cosines, one on TF-IDF (exact shared terms) and one
 * on the LSA embedding (related vocabulary). Both inputs are unit rows, so each cosine is a
 * dot product and the result lies in [-1, 1] (in practice [0, 1]).
 */
import type { CsrMatrix } from '../types.js'

/** A query in both spaces. */
export interface SimilarityQuery {
  /** Sparse TF-IDF row: term ids ascending and weights. */
  readonly terms: Int32Array
  readonly weights: Float32Array
  /** Unit LSA vector. */
  readonly embedding: Float32Array
}

/** What similarity needs of an index of talks. */
export interface SimilarityIndex {
  readonly matrix: CsrMatrix
  readonly embedding: { readonly dimensions: number; readonly vectors: Float32Array }
}

/** Weight of the TF-IDF cosine in the blend; the LSA cosine gets the rest. */
export const TFIDF_SHARE = 0.5

/**
 * Blended cosine of a query with every talk.
 * @param index Talk vectors.
 * @param inverted Transposed TF-IDF matrix (term → talks).
 * @param query Query vectors.
 * @returns One score per talk.
 */
export function similarityToAll(index: SimilarityIndex, inverted: CsrMatrix, query: SimilarityQuery): Float64Array {
  const n = index.matrix.nRows
  const d = index.embedding.dimensions
  const vectors = index.embedding.vectors
  const scores = new Float64Array(n)
  const lsaShare = 1 - TFIDF_SHARE
  const q = query.embedding
  let i = 0
  // Four talks at a time: each query coordinate is loaded once for four independent sums,
  // each summed in the same order as the one-talk loop below (same scores, bit for bit).
  for (; i + 3 < n; i += 4) {
    const r0 = i * d
    const r1 = r0 + d
    const r2 = r1 + d
    const r3 = r2 + d
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let c = 0; c < d; c++) {
      const x = q[c]
      s0 += vectors[r0 + c] * x
      s1 += vectors[r1 + c] * x
      s2 += vectors[r2 + c] * x
      s3 += vectors[r3 + c] * x
    }
    scores[i] = lsaShare * s0
    scores[i + 1] = lsaShare * s1
    scores[i + 2] = lsaShare * s2
    scores[i + 3] = lsaShare * s3
  }
  for (; i < n; i++) {
    let dot = 0
    const row = i * d
    for (let c = 0; c < d; c++) dot += vectors[row + c] * q[c]
    scores[i] = lsaShare * dot
  }
  for (let t = 0; t < query.terms.length; t++) {
    const term = query.terms[t]
    const weight = TFIDF_SHARE * query.weights[t]
    for (let p = inverted.indptr[term]; p < inverted.indptr[term + 1]; p++) {
      scores[inverted.indices[p]] += weight * inverted.data[p]
    }
  }
  return scores
}
