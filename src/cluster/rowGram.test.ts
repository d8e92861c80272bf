import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rowGramInto } from './rowGram.js'
import { rowDot } from './rowProducts.js'

describe('rowGramInto', () => {
  it('gives every pair of rows the bits of rowDot, for any d and any choice of rows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.float({ noNaN: true, min: -1, max: 1 }), { minLength: 9, maxLength: 90 }),
        fc.array(fc.nat(), { minLength: 0, maxLength: 12 }),
        (d, values, picks) => {
          const n = Math.floor(values.length / d)
          fc.pre(n > 0)
          const points = Float32Array.from(values.slice(0, n * d))
          const rows = Int32Array.from(picks, (p) => p % n)
          const m = rows.length
          const gram = rowGramInto(points, d, rows, new Float64Array(m * m).fill(Number.NaN))
          for (let s = 0; s < m; s++) {
            for (let t = 0; t < m; t++) expect(Object.is(gram[s * m + t], rowDot(points, rows[s]! * d, points, rows[t]! * d, d))).toBe(true)
          }
        },
      ),
    )
  })
})
