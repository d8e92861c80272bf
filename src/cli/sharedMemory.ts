/**
 * Copies of typed arrays in shared memory: posted to a worker, they are shared, not copied.
 */
import type { CsrMatrix } from '../types.js'

/** A copy of a typed array in a SharedArrayBuffer (the array itself when it is in one). */
export function shared<T extends Float64Array | Float32Array | Int32Array>(values: T): T {
  if (values.buffer instanceof SharedArrayBuffer) return values
  const copy = new (values.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(values.byteLength))
  copy.set(values as never)
  return copy
}

const sharedMatrices = new WeakMap<CsrMatrix, CsrMatrix>()

/** A sparse matrix with its arrays in shared memory, copied once per matrix. */
export function sharedCsr(matrix: CsrMatrix): CsrMatrix {
  let copy = sharedMatrices.get(matrix)
  if (copy === undefined) {
    copy = { nRows: matrix.nRows, nCols: matrix.nCols, indptr: shared(matrix.indptr), indices: shared(matrix.indices), data: shared(matrix.data) }
    sharedMatrices.set(matrix, copy)
  }
  return copy
}
