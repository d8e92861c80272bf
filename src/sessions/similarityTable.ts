/**
 * Dense similarity tables for session planning. Talk similarity is the score of related
 * talks (src/similarity/cosine.ts): the blend b(i, j) = s · tfidf_i·tfidf_j + (1 − s) · lsa_i·lsa_j
 * with s = TFIDF_SHARE, and for an index with consensus runs
 * sim(i, j) = (1 − c) · b(i, j) + c · co-association(i, j) with c = COASSOCIATION_SHARE.
 * The mean blend between the talks of two sessions A and B is the same blend of the dot
 * products of their mean vectors, which is how the schedule compares sessions.
 */
import type { AtlasEnsemble } from '../atlas/types.js'
import type { CsrMatrix } from '../types.js'
import { COASSOCIATION_SHARE, TFIDF_SHARE } from '../similarity/cosine.js'
import type { SimilarityIndex } from '../similarity/cosine.js'
import { rowDot } from '../vectorize/csr.js'

/**
 * Pairwise similarities of a subset of talks, row-major m × m, with a zero diagonal (so that
 * sums over a session never count a talk with itself).
 * @param index Talk vectors.
 * @param rows Talk indices of the subset.
 */
export function talkSimilarityTable(index: SimilarityIndex, rows: Int32Array): Float32Array {
  const m = rows.length
  const { matrix } = index
  const { dimensions: d, vectors } = index.embedding
  const table = new Float32Array(m * m)
  const scatter = new Float32Array(matrix.nCols)
  const lsaShare = 1 - TFIDF_SHARE
  for (let a = 0; a < m; a++) {
    const i = rows[a]
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) scatter[matrix.indices[p]] = matrix.data[p]
    const rowA = i * d
    for (let b = a + 1; b < m; b++) {
      const j = rows[b]
      let sparse = 0
      for (let p = matrix.indptr[j]; p < matrix.indptr[j + 1]; p++) sparse += scatter[matrix.indices[p]] * matrix.data[p]
      let dense = 0
      const rowB = j * d
      for (let c = 0; c < d; c++) dense += vectors[rowA + c] * vectors[rowB + c]
      const value = TFIDF_SHARE * sparse + lsaShare * dense
      table[a * m + b] = value
      table[b * m + a] = value
    }
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) scatter[matrix.indices[p]] = 0
  }
  if (index.ensemble !== undefined) addCoAssociation(table, index.ensemble, rows, matrix.nRows)
  return table
}

/**
 * Turns a table of blended cosines into `(1 − c) · cosine + c · co-association`.
 * @param table Row-major m × m blended cosines, zero diagonal (kept zero).
 * @param ensemble Consensus runs of all the talks.
 * @param rows Talk indices of the table's rows.
 * @param n Number of talks.
 */
function addCoAssociation(table: Float32Array, ensemble: AtlasEnsemble, rows: Int32Array, n: number): void {
  const m = rows.length
  const { runs, labels } = ensemble
  const share = COASSOCIATION_SHARE / runs
  for (let a = 0; a < m; a++) {
    const i = rows[a]
    for (let b = a + 1; b < m; b++) {
      const j = rows[b]
      let together = 0
      for (let r = 0; r < runs; r++) {
        const label = labels[r * n + i]
        if (label >= 0 && label === labels[r * n + j]) together++
      }
      const value = (1 - COASSOCIATION_SHARE) * table[a * m + b] + share * together
      table[a * m + b] = value
      table[b * m + a] = value
    }
  }
}

/**
 * Summed co-association of the talk pairs of every session, `Σ_{pairs} co-association`: per
 * run, a cluster holding c of the session's talks gives c · (c − 1) / 2 pairs.
 * @param ensemble Consensus runs of all the talks.
 * @param n Number of talks.
 * @param sessions Talk indices of each session.
 */
export function sessionCoAssociation(ensemble: AtlasEnsemble, n: number, sessions: readonly Int32Array[]): Float64Array {
  const { runs, labels } = ensemble
  const out = new Float64Array(sessions.length)
  const counts = new Map<number, number>()
  sessions.forEach((members, s) => {
    let pairs = 0
    for (let r = 0; r < runs; r++) {
      counts.clear()
      for (let t = 0; t < members.length; t++) {
        const label = labels[r * n + members[t]]
        if (label < 0) continue
        const count = counts.get(label) ?? 0
        pairs += count
        counts.set(label, count + 1)
      }
    }
    out[s] = pairs / runs
  })
  return out
}

/** Mean TF-IDF and LSA vectors of a set of sessions. */
export interface SessionVectors {
  readonly nSessions: number
  /** Mean TF-IDF rows as a CSR matrix (columns ascending). */
  readonly tfidf: CsrMatrix
  /** Mean LSA rows, row-major nSessions × dimensions. */
  readonly lsa: Float32Array
  readonly dimensions: number
}

/**
 * Mean vectors of each session.
 * @param index Talk vectors.
 * @param sessions Talk indices of each session.
 */
export function sessionVectors(index: SimilarityIndex, sessions: readonly Int32Array[]): SessionVectors {
  const { matrix } = index
  const { dimensions: d, vectors } = index.embedding
  const nSessions = sessions.length
  const lsa = new Float32Array(nSessions * d)
  const indptr = new Int32Array(nSessions + 1)
  const indices: number[] = []
  const data: number[] = []
  const scatter = new Float64Array(matrix.nCols)
  const seen = new Uint8Array(matrix.nCols)
  for (let s = 0; s < nSessions; s++) {
    const members = sessions[s]
    const weight = 1 / members.length
    const terms: number[] = []
    for (let t = 0; t < members.length; t++) {
      const i = members[t]
      for (let c = 0; c < d; c++) lsa[s * d + c] += weight * vectors[i * d + c]
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
        const term = matrix.indices[p]
        if (seen[term] === 0) {
          seen[term] = 1
          terms.push(term)
        }
        scatter[term] += weight * matrix.data[p]
      }
    }
    terms.sort((a, b) => a - b)
    for (const term of terms) {
      indices.push(term)
      data.push(scatter[term])
      scatter[term] = 0
      seen[term] = 0
    }
    indptr[s + 1] = indices.length
  }
  const tfidf: CsrMatrix = {
    nRows: nSessions,
    nCols: matrix.nCols,
    indptr,
    indices: Int32Array.from(indices),
    data: Float32Array.from(data),
  }
  return { nSessions, tfidf, lsa, dimensions: d }
}

/**
 * Mean similarity between the talks of two sessions.
 * @param vectors Session mean vectors.
 * @param a First session.
 * @param b Second session.
 */
export function sessionSimilarity(vectors: SessionVectors, a: number, b: number): number {
  const { tfidf, lsa, dimensions: d } = vectors
  let dense = 0
  for (let c = 0; c < d; c++) dense += lsa[a * d + c] * lsa[b * d + c]
  return TFIDF_SHARE * rowDot(tfidf, a, tfidf, b) + (1 - TFIDF_SHARE) * dense
}
