/**
 * Sparse × dense products split into chunks of output rows, so that several threads can each
 * fill the chunks they take from a shared counter; and the transpose that turns `Xᵀ · Y` into
 * such a product. Every output entry is summed in the order the one-thread products use.
 */
import type { CsrMatrix } from '../types.js'
import { sparseTimesDenseRows } from '../linalg/dense.js'

/**
 * `sparseTimesDense(matrix, dense, l)`, computed anywhere (e.g. on several threads) with the
 * same bits. Optional wherever it is taken: without one, the product runs on this thread.
 */
export type SparseProductRunner = (matrix: CsrMatrix, dense: Float64Array, l: number) => Float64Array

/** Output rows of one chunk of a shared product. */
export const PRODUCT_CHUNK_ROWS = 64

/**
 * Fills chunks of `out = matrix · dense` (out zeroed, `nRows × l`) while `claim` gives chunk
 * numbers below the chunk count.
 * @returns How many chunks this call filled.
 */
export function fillProductChunks(matrix: CsrMatrix, dense: Float64Array, l: number, out: Float64Array, claim: () => number): number {
  let filled = 0
  for (let chunk = claim(); chunk * PRODUCT_CHUNK_ROWS < matrix.nRows; chunk = claim()) {
    const from = chunk * PRODUCT_CHUNK_ROWS
    sparseTimesDenseRows(matrix, dense, l, out, from, Math.min(matrix.nRows, from + PRODUCT_CHUNK_ROWS))
    filled++
  }
  return filled
}

/**
 * The transpose of a CSR matrix, each of its rows listing the original rows in ascending
 * order: `sparseTimesDense(transposeCsr(X), Y)` adds the products of every entry in the order
 * `sparseTransposeTimesDense(X, Y)` adds them, so gives the same bits.
 */
export function transposeCsr(matrix: CsrMatrix): CsrMatrix {
  const { nRows, nCols, indptr, indices, data } = matrix
  const nnz = indptr[nRows]
  const start = new Int32Array(nCols + 1)
  for (let p = 0; p < nnz; p++) start[indices[p] + 1]++
  for (let j = 0; j < nCols; j++) start[j + 1] += start[j]
  const fill = start.slice(0, nCols)
  const rows = new Int32Array(nnz)
  const values = new Float32Array(nnz)
  for (let i = 0; i < nRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const at = fill[indices[p]]++
      rows[at] = i
      values[at] = data[p]
    }
  }
  return { nRows: nCols, nCols: nRows, indptr: start, indices: rows, data: values }
}
