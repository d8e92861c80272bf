import { describe, expect, it } from 'vitest'
import { CsrBuilder } from '../vectorize/csr.js'
import { defaultLsaOptions, fitLsa, projectLsa, resolveLsaOptions } from './lsa.js'

/** A 6 × 4 matrix with two obvious blocks of terms. */
function blocks() {
  const builder = new CsrBuilder(4)
  const rows = [[1, 1, 0, 0], [1, 0.8, 0, 0], [0.9, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0.7, 1], [0, 0, 1, 0.9]]
  for (const values of rows) {
    values.forEach((v, j) => v !== 0 && builder.push(j, v))
    builder.endRow()
  }
  return builder.finish()
}

describe('fitLsa(matrix, options)', () => {
  it('finds the singular values of the matrix, largest first', () => {
    const model = fitLsa(blocks(), { dimensions: 2 })
    expect(model.singularValues[0]).toBeGreaterThan(model.singularValues[1]! - 1e-6)
    expect(model.singularValues[0]).toBeCloseTo(2.32945, 4) // numpy.linalg.svd
    expect(model.singularValues[1]).toBeCloseTo(2.29236, 4)
  })

  it('finds the same singular values whether the rows or the terms are the shorter side', () => {
    // 6 × 4 (more rows than terms) and its 4 × 6 transpose share their singular values.
    const matrix = blocks()
    const transposed = new CsrBuilder(6)
    const dense = [[1, 1, 0, 0], [1, 0.8, 0, 0], [0.9, 1, 0, 0], [0, 0, 1, 1], [0, 0, 0.7, 1], [0, 0, 1, 0.9]]
    for (let j = 0; j < 4; j++) {
      dense.forEach((row, i) => row[j] !== 0 && transposed.push(i, row[j]!))
      transposed.endRow()
    }
    const tall = fitLsa(matrix, { dimensions: 3 })
    const wide = fitLsa(transposed.finish(), { dimensions: 3 })
    for (let c = 0; c < 3; c++) expect(wide.singularValues[c]).toBeCloseTo(tall.singularValues[c]!, 4)
  })

  it('caps dimensions by the matrix size', () => {
    expect(fitLsa(blocks(), { dimensions: 50 }).dimensions).toBe(4)
  })
})

describe('projectLsa(model, matrix)', () => {
  it('maps rows of one block together and the blocks apart, as unit rows', () => {
    const matrix = blocks()
    const model = fitLsa(matrix, { dimensions: 2 })
    const z = projectLsa(model, matrix)
    const dot = (a: number, b: number) => z[a * 2]! * z[b * 2]! + z[a * 2 + 1]! * z[b * 2 + 1]!
    expect(dot(0, 0)).toBeCloseTo(1, 5)
    expect(dot(0, 1)).toBeGreaterThan(0.99)
    expect(Math.abs(dot(0, 3))).toBeLessThan(0.05)
  })

  it('is deterministic for a seed', () => {
    const a = fitLsa(blocks(), { dimensions: 2, seed: 5 })
    const b = fitLsa(blocks(), { dimensions: 2, seed: 5 })
    expect(Array.from(a.components)).toEqual(Array.from(b.components))
  })
})

describe('resolveLsaOptions', () => {
  it('fills the defaults it trusts (100 dimensions, 10 oversampling, 3 power iterations, seed 42)', () => {
    expect(resolveLsaOptions({ dimensions: 8, seed: undefined })).toEqual({ dimensions: 8, oversampling: 10, powerIterations: 3, seed: 42 })
    expect(Object.isFrozen(defaultLsaOptions)).toBe(true)
  })
})
