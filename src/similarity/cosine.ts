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
  for (let i = 0; i < n; i++) {
    let dot = 0
    const row = i * d
    for (let c = 0; c < d; c++) dot += vectors[row + c] * query.embedding[c]
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
