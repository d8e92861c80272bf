/** Compressed sparse row helpers. See `CsrMatrix` in types.ts for the layout. */
import type { CsrMatrix } from '../types.js'

/**
 * Builds a CSR matrix row by row into growable buffers, then trims them.
 * Columns within a row must be appended in ascending order.
 */
export class CsrBuilder {
  private indices = new Int32Array(1024)
  private data = new Float32Array(1024)
  private readonly indptr: number[] = [0]
  private nnz = 0

  /** @param nCols Number of columns of the matrix being built. */
  constructor(private readonly nCols: number) {}

  /**
   * Appends one entry to the current row.
   * @param column Column index, greater than the previous one in this row.
   * @param value Stored value.
   */
  push(column: number, value: number): void {
    if (this.nnz === this.indices.length) this.grow()
    this.indices[this.nnz] = column
    this.data[this.nnz] = value
    this.nnz++
  }

  /** Closes the current row. */
  endRow(): void {
    this.indptr.push(this.nnz)
  }

  /** Returns the finished matrix with buffers trimmed to size. */
  finish(): CsrMatrix {
    return {
      nRows: this.indptr.length - 1,
      nCols: this.nCols,
      indptr: Int32Array.from(this.indptr),
      indices: this.indices.slice(0, this.nnz),
      data: this.data.slice(0, this.nnz),
    }
  }

  private grow(): void {
    const indices = new Int32Array(this.indices.length * 2)
    indices.set(this.indices)
    this.indices = indices
    const data = new Float32Array(this.data.length * 2)
    data.set(this.data)
    this.data = data
  }
}

/**
 * Scales every row to unit Euclidean length in place (`x / ‖x‖₂`); zero rows stay zero.
 * @param matrix Matrix whose data is rescaled.
 */
export function normalizeRows(matrix: CsrMatrix): void {
  const { indptr, data } = matrix
  for (let i = 0; i < matrix.nRows; i++) {
    let sum = 0
    for (let p = indptr[i]; p < indptr[i + 1]; p++) sum += data[p] * data[p]
    if (sum === 0) continue
    const scale = 1 / Math.sqrt(sum)
    for (let p = indptr[i]; p < indptr[i + 1]; p++) data[p] = data[p] * scale
  }
}

/**
 * Transposes a CSR matrix (equivalently: converts it to compressed sparse columns).
 * Rows of the result list the rows of the input in ascending order.
 * @param matrix Matrix to transpose.
 */
export function transposeCsr(matrix: CsrMatrix): CsrMatrix {
  const { nRows, nCols, indptr, indices, data } = matrix
  const nnz = indptr[nRows]
  const counts = new Int32Array(nCols + 1)
  for (let p = 0; p < nnz; p++) counts[indices[p] + 1]++
  for (let j = 0; j < nCols; j++) counts[j + 1] += counts[j]
  const outPtr = counts.slice()
  const next = counts.slice(0, nCols)
  const outIndices = new Int32Array(nnz)
  const outData = new Float32Array(nnz)
  for (let i = 0; i < nRows; i++) {
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const j = indices[p]
      const q = next[j]++
      outIndices[q] = i
      outData[q] = data[p]
    }
  }
  return { nRows: nCols, nCols: nRows, indptr: outPtr, indices: outIndices, data: outData }
}

/**
 * Number of rows each column occurs in (document frequency).
 * @param matrix Matrix to count.
 */
export function columnCounts(matrix: CsrMatrix): Int32Array {
  const counts = new Int32Array(matrix.nCols)
  const nnz = matrix.indptr[matrix.nRows]
  for (let p = 0; p < nnz; p++) counts[matrix.indices[p]]++
  return counts
}

/**
 * Sparse dot product of row `a` of `left` with row `b` of `right` (columns sorted).
 * @param left First matrix.
 * @param a Row of `left`.
 * @param right Second matrix (same columns).
 * @param b Row of `right`.
 */
export function rowDot(left: CsrMatrix, a: number, right: CsrMatrix, b: number): number {
  let p = left.indptr[a]
  const pEnd = left.indptr[a + 1]
  let q = right.indptr[b]
  const qEnd = right.indptr[b + 1]
  let sum = 0
  while (p < pEnd && q < qEnd) {
    const i = left.indices[p]
    const j = right.indices[q]
    if (i === j) sum += left.data[p++] * right.data[q++]
    else if (i < j) p++
    else q++
  }
  return sum
}

/**
 * Rows of a CSR matrix taken in a given order: row i of the result is row `from[i]` (a
 * permutation of the rows, or some of them: a sample, the rows in canonical order).
 * @param matrix Matrix to take rows from.
 * @param from Source row of every output row.
 */
export function gatherCsrRows(matrix: CsrMatrix, from: Int32Array): CsrMatrix {
  const indptr = new Int32Array(from.length + 1)
  for (let i = 0; i < from.length; i++) indptr[i + 1] = indptr[i]! + matrix.indptr[from[i]! + 1]! - matrix.indptr[from[i]!]!
  const indices = new Int32Array(indptr[from.length]!)
  const data = new Float32Array(indptr[from.length]!)
  for (let i = 0; i < from.length; i++) {
    const start = matrix.indptr[from[i]!]!
    const end = matrix.indptr[from[i]! + 1]!
    indices.set(matrix.indices.subarray(start, end), indptr[i])
    data.set(matrix.data.subarray(start, end), indptr[i])
  }
  return { nRows: from.length, nCols: matrix.nCols, indptr, indices, data }
}
