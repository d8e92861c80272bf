import { describe, expect, it } from 'vitest'
import { sparseTimesDense, sparseTransposeTimesDense } from '../linalg/dense.js'
import { fillProductChunks, PRODUCT_CHUNK_ROWS, transposeCsr } from './sparseProducts.js'
import { randomCsr } from '../../test/helpers/randomCsr.js'

const denseOf = (length: number, seed: number) => Float64Array.from({ length }, (_, p) => Math.sin(p * 12.9898 + seed) * 3)

describe('sparse products in chunks', () => {
  const matrix = randomCsr(3 * PRODUCT_CHUNK_ROWS + 5, 90, 0.2, 7)

  it('the product of the transpose has the bits of sparseTransposeTimesDense', () => {
    const y = denseOf(matrix.nRows * 13, 1)
    const transposed = transposeCsr(matrix)
    expect(transposed.nRows).toBe(90)
    expect(transposed.indptr[90]).toBe(matrix.indptr[matrix.nRows])
    expect(Array.from(sparseTimesDense(transposed, y, 13))).toEqual(Array.from(sparseTransposeTimesDense(matrix, y, 13)))
  })

  it('chunks taken in any order give the bits of the whole product', () => {
    const m = denseOf(90 * 11, 2)
    const out = new Float64Array(matrix.nRows * 11)
    const order = [3, 1, 0, 2, 4]
    let at = 0
    expect(fillProductChunks(matrix, m, 11, out, () => order[at++]!)).toBe(4)
    expect(Array.from(out)).toEqual(Array.from(sparseTimesDense(matrix, m, 11)))
  })
})
