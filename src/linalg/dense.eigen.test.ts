import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { symmetricEigen } from './dense.js'

/** A symmetric l × l matrix from free entries, optionally of rank at most `rank` (then positive semi-definite, as a Gram matrix is). */
const symmetric = fc.record({ l: fc.integer({ min: 1, max: 12 }), rank: fc.integer({ min: 0, max: 12 }), psd: fc.boolean() }).chain(({ l, rank, psd }) =>
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: l * l, maxLength: l * l }).map((free) => {
    const a = new Float64Array(l * l)
    if (psd) {
      // B Bᵀ with B of `rank` columns: repeated zero eigenvalues when rank < l.
      const r = Math.min(rank, l)
      for (let i = 0; i < l; i++) for (let j = 0; j < l; j++) for (let c = 0; c < r; c++) a[i * l + j] += free[i * l + c]! * free[j * l + c]!
    } else {
      for (let i = 0; i < l; i++) for (let j = 0; j <= i; j++) a[i * l + j] = a[j * l + i] = free[i * l + j]!
    }
    return { l, a }
  }),
)

/** Largest absolute entry, at least 1 (the scale of the tolerances). */
const scaleOf = (a: Float64Array): number => a.reduce((most, x) => Math.max(most, Math.abs(x)), 1)

describe('symmetricEigen(a, l)', () => {
  it('reconstructs the matrix from orthonormal eigenvectors, values descending', () => {
    fc.assert(
      fc.property(symmetric, ({ l, a }) => {
        const { values, vectors } = symmetricEigen(a, l)
        const tolerance = 1e-10 * scaleOf(a) * l
        for (let c = 1; c < l; c++) expect(values[c]!).toBeLessThanOrEqual(values[c - 1]!)
        // V Vᵀ = I.
        for (let c = 0; c < l; c++) {
          for (let e = 0; e < l; e++) {
            let dot = 0
            for (let r = 0; r < l; r++) dot += vectors[r * l + c]! * vectors[r * l + e]!
            expect(Math.abs(dot - (c === e ? 1 : 0))).toBeLessThan(1e-12 * l)
          }
        }
        // V diag(values) Vᵀ = A.
        for (let i = 0; i < l; i++) {
          for (let j = 0; j < l; j++) {
            let sum = 0
            for (let c = 0; c < l; c++) sum += vectors[i * l + c]! * values[c]! * vectors[j * l + c]!
            expect(Math.abs(sum - a[i * l + j]!)).toBeLessThan(tolerance)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('solves a 110 × 110 Gram matrix with clustered eigenvalues (the size LSA gives it)', () => {
    const l = 110
    const b = Float64Array.from({ length: l * 40 }, (_, p) => Math.sin(p * 0.37) * (1 + (p % 40) / 4))
    const a = new Float64Array(l * l)
    for (let i = 0; i < l; i++) for (let j = 0; j < l; j++) for (let c = 0; c < 40; c++) a[i * l + j] += b[i * 40 + c]! * b[j * 40 + c]!
    const { values, vectors } = symmetricEigen(a, l)
    const tolerance = 1e-10 * scaleOf(a)
    // A v = λ v for every pair, the 70 zero eigenvalues included.
    for (let c = 0; c < l; c++) {
      for (let i = 0; i < l; i++) {
        let sum = 0
        for (let j = 0; j < l; j++) sum += a[i * l + j]! * vectors[j * l + c]!
        expect(Math.abs(sum - values[c]! * vectors[i * l + c]!)).toBeLessThan(tolerance)
      }
    }
    expect(Math.abs(values[40]!)).toBeLessThan(tolerance)
  })

  it('leaves the matrix as it was, and takes an empty one', () => {
    const a = Float64Array.from([2, 1, 1, 3])
    const { values } = symmetricEigen(a, 2)
    expect(values[0]).toBeCloseTo((5 + Math.sqrt(5)) / 2, 12)
    expect(Array.from(a)).toEqual([2, 1, 1, 3])
    expect(symmetricEigen(new Float64Array(0), 0).values.length).toBe(0)
  })
})
