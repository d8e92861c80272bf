import type { CsrMatrix } from '../../src/types.js'

/** A seeded sparse matrix with about `density` of its entries set, some rows empty. */
export function randomCsr(nRows: number, nCols: number, density: number, seed: number): CsrMatrix {
  let state = seed
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32)
  const indptr = new Int32Array(nRows + 1)
  const indices: number[] = []
  const data: number[] = []
  for (let i = 0; i < nRows; i++) {
    if (i % 7 !== 3) {
      for (let j = 0; j < nCols; j++) {
        if (next() < density) {
          indices.push(j)
          data.push(next() - 0.3)
        }
      }
    }
    indptr[i + 1] = indices.length
  }
  return { nRows, nCols, indptr, indices: Int32Array.from(indices), data: Float32Array.from(data) }
}
