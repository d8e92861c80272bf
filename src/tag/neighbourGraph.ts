/**
 * The k-nearest-neighbour graph of talks in the LSA space, for label propagation.
 */
import { TopK } from '../similarity/topK.js'

/** A sparse row-stochastic graph: row i lists its neighbours and weights summing to 1. */
export interface NeighbourGraph {
  readonly nRows: number
  readonly indptr: Int32Array
  readonly indices: Int32Array
  readonly weights: Float32Array
}

/**
 * Links every talk to its `k` most similar talks (cosine of unit LSA rows, ties to the
 * lower index), weighted by similarity (negative similarities dropped) and normalised per
 * row. Rows without a positive neighbour (talks with no known term) stay empty.
 * Brute force, O(n² · d): callers bound n.
 *
 * @param vectors Unit rows, row-major n × d.
 * @param d Dimensions.
 * @param k Neighbours per talk.
 */
export function neighbourGraph(vectors: Float32Array, d: number, k: number): NeighbourGraph {
  const n = d === 0 ? 0 : vectors.length / d
  const indptr = new Int32Array(n + 1)
  const indices: number[] = []
  const weights: number[] = []
  for (let i = 0; i < n; i++) {
    const best = new TopK(k)
    const a = i * d
    for (let j = 0; j < n; j++) {
      if (j === i) continue
      const b = j * d
      let dot = 0
      for (let c = 0; c < d; c++) dot += vectors[a + c] * vectors[b + c]
      if (dot > 0) best.offer(j, dot)
    }
    const found = best.results()
    let total = 0
    for (const { score } of found) total += score
    for (const { index, score } of found) {
      indices.push(index)
      weights.push(score / total)
    }
    indptr[i + 1] = indices.length
  }
  return { nRows: n, indptr, indices: Int32Array.from(indices), weights: Float32Array.from(weights) }
}
