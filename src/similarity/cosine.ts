/**
 * Similarity of talks: the mean of two cosines, one on TF-IDF (exact shared terms) and one
 * on the LSA embedding (related vocabulary). Both inputs are unit rows, so each cosine is a
 * dot product and the result lies in [-1, 1] (in practice [0, 1]).
 *
 * Between two talks of an atlas with consensus runs, the co-association (share of the runs
 * that put both talks in one cluster, in [0, 1]) takes a third of the score: the clustering
 * saw the whole corpus, so it separates talks that share generic vocabulary with another
 * topic better than their two cosines alone do.
 */
import type { AtlasEnsemble } from '../atlas/types.js'
import type { CsrMatrix } from '../types.js'

/** A query in both spaces. */
export interface SimilarityQuery {
  /** Sparse TF-IDF row: term ids ascending and weights. */
  readonly terms: Int32Array
  readonly weights: Float32Array
  /** Unit LSA vector. */
  readonly embedding: Float32Array
  /** Row of the query when it is a talk of the index (its co-association then counts). */
  readonly row?: number
}

/** What similarity needs of an index of talks. */
export interface SimilarityIndex {
  readonly matrix: CsrMatrix
  readonly embedding: { readonly dimensions: number; readonly vectors: Float32Array }
  /** Consensus runs of the talks, when there were any. */
  readonly ensemble?: AtlasEnsemble
}

/** Weight of the TF-IDF cosine in the blend; the LSA cosine gets the rest. */
export const TFIDF_SHARE = 0.5

/**
 * Weight of the co-association in the score of two talks of an atlas with an ensemble; the
 * blended cosine gets the rest. A third (the cosine blend plus half the co-association, rescaled):
 * on the LPC fixture precision@3 rises from 0.731 to 0.782 at seed 42 (0.773–0.782 over
 * seeds 1–3); shares of 0.23 and 0.5 gave 0.778 and 0.773 (docs/quality.md).
 */
export const COASSOCIATION_SHARE = 1 / 3

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
  if (index.ensemble !== undefined && query.row !== undefined) addCoAssociation(scores, index.ensemble, query.row)
  return scores
}

/**
 * Turns blended cosines into `(1 − c) · cosine + c · co-association` with the query talk,
 * c = {@link COASSOCIATION_SHARE}.
 * @param scores Blended cosines of every talk (rescaled in place).
 * @param ensemble Consensus runs.
 * @param row Query talk.
 */
function addCoAssociation(scores: Float64Array, ensemble: AtlasEnsemble, row: number): void {
  const n = scores.length
  const together = coAssociationCounts(ensemble, row, n)
  const share = COASSOCIATION_SHARE / ensemble.runs
  for (let i = 0; i < n; i++) scores[i] = (1 - COASSOCIATION_SHARE) * scores[i] + share * together[i]
}

/**
 * Number of runs that put each talk in the cluster of talk `row` (0 for every talk when
 * `row` has no terms).
 * @param ensemble Consensus runs.
 * @param row Talk.
 * @param n Number of talks.
 * @param out A buffer of n counts to fill instead of a new one (reused across rows).
 */
export function coAssociationCounts(ensemble: AtlasEnsemble, row: number, n: number, out?: Uint16Array): Uint16Array {
  const together = out === undefined ? new Uint16Array(n) : out.fill(0)
  const { labels, runs } = ensemble
  for (let r = 0; r < runs; r++) {
    const base = r * n
    const label = labels[base + row]
    if (label < 0) continue
    for (let i = 0; i < n; i++) if (labels[base + i] === label) together[i]++
  }
  return together
}
