import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CsrMatrix } from '../types.js'
import { transposeCsr } from '../vectorize/csr.js'
import { lowerCrossGram, orthonormalizeColumns, rowTimesDense, sparseTimesDense } from './dense.js'

/** Entries equal bit for bit (Object.is tells +0 from -0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]))
}

/** A sparse matrix from a dense one, zeros left out (rows of any length, odd ones included). */
function csr(dense: number[][], nCols: number): CsrMatrix {
  const indptr = [0]
  const indices: number[] = []
  const data: number[] = []
  for (const row of dense) {
    row.forEach((value, j) => {
      if (value !== 0) {
        indices.push(j)
        data.push(value)
      }
    })
    indptr.push(indices.length)
  }
  return { nRows: dense.length, nCols, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), data: Float32Array.from(data) }
}

const value = fc.double({ min: -4, max: 4, noNaN: true })
/** A sparse-ish n × m matrix (about half zeros) and a dense m × l or n × l operand. */
const problem = fc
  .record({ n: fc.integer({ min: 1, max: 9 }), m: fc.integer({ min: 1, max: 11 }), l: fc.integer({ min: 1, max: 7 }) })
  .chain(({ n, m, l }) =>
    fc.record({
      n: fc.constant(n),
      m: fc.constant(m),
      l: fc.constant(l),
      sparse: fc.array(fc.array(fc.oneof(fc.constant(0), value), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
      right: fc.array(value, { minLength: m * l, maxLength: m * l }).map((v) => Float64Array.from(v)),
      tall: fc.array(value, { minLength: n * l, maxLength: n * l }).map((v) => Float64Array.from(v)),
    }),
  )

// The one-entry-at-a-time loops the blocked kernels must reproduce bit for bit: each output
// entry gets its products added one by one, in the order of the sparse row or the rows.
function plainTimes(x: CsrMatrix, dense: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.nRows * l)
  for (let i = 0; i < x.nRows; i++) for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) for (let c = 0; c < l; c++) out[i * l + c] += x.data[p]! * dense[x.indices[p]! * l + c]!
  return out
}
function plainTransposeTimes(x: CsrMatrix, dense: Float64Array, l: number): Float64Array {
  const out = new Float64Array(x.nCols * l)
  for (let i = 0; i < x.nRows; i++) for (let p = x.indptr[i]!; p < x.indptr[i + 1]!; p++) for (let c = 0; c < l; c++) out[x.indices[p]! * l + c] += x.data[p]! * dense[i * l + c]!
  return out
}
// CholeskyQR as written first: the Gram triangle, the ridge, L, then each entry of each row solved alone.
function plainOrthonormalize(y: Float64Array, rows: number, l: number, passes: number): Float64Array {
  for (let pass = 0; pass < passes; pass++) {
    const gram = plainLowerCross(y, y, rows, l)
    let trace = 0
    for (let a = 0; a < l; a++) trace += gram[a * l + a]!
    const ridge = Math.max(trace / l, 1e-300) * 1e-12
    for (let a = 0; a < l; a++) gram[a * l + a] += ridge
    const lower = new Float64Array(l * l)
    for (let i = 0; i < l; i++) {
      for (let j = 0; j <= i; j++) {
        let sum = gram[i * l + j]!
        for (let k = 0; k < j; k++) sum -= lower[i * l + k]! * lower[j * l + k]!
        lower[i * l + j] = i === j ? Math.sqrt(Math.max(sum, 1e-300)) : sum / lower[j * l + j]!
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < l; j++) {
        let sum = y[i * l + j]!
        for (let k = 0; k < j; k++) sum -= y[i * l + k]! * lower[j * l + k]!
        y[i * l + j] = sum / lower[j * l + j]!
      }
    }
  }
  return y
}
function plainLowerCross(q: Float64Array, w: Float64Array, rows: number, l: number): Float64Array {
  const gram = new Float64Array(l * l)
  for (let i = 0; i < rows; i++) for (let a = 0; a < l; a++) if (q[i * l + a] !== 0) for (let b = 0; b <= a; b++) gram[a * l + b] += q[i * l + a]! * w[i * l + b]!
  return gram
}

describe('blocked dense kernels', () => {
  it('sparseTimesDense, of X and of its transpose, adds the products of the plain loops in their order', () => {
    fc.assert(
      fc.property(problem, ({ n, m, l, sparse, right, tall }) => {
        const x = csr(sparse, m)
        expect(sameBits(sparseTimesDense(x, right, l), plainTimes(x, right, l))).toBe(true)
        expect(sameBits(sparseTimesDense(transposeCsr(x), tall, l), plainTransposeTimes(x, tall, l))).toBe(true)
        expect(n).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })

  it('sparseTimesDense keeps that order in rows long enough for eight terms a pass (8 to 24 terms, any remainder)', () => {
    // Values with all their bits in use, so that another order of additions shows.
    const dense = fc.integer().map((k) => Math.sin(k))
    const long = fc.record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 8, max: 24 }), l: fc.integer({ min: 1, max: 6 }) }).chain(({ n, m, l }) =>
      fc.record({
        l: fc.constant(l),
        m: fc.constant(m),
        sparse: fc.array(fc.array(dense, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        right: fc.array(dense, { minLength: m * l, maxLength: m * l }).map((v) => Float64Array.from(v)),
      }),
    )
    fc.assert(
      fc.property(long, ({ l, m, sparse, right }) => {
        const x = csr(sparse, m)
        expect(sameBits(sparseTimesDense(x, right, l), plainTimes(x, right, l))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('lowerCrossGram sums two rows a pass as the one-row loop does, zero factors included', () => {
    fc.assert(
      fc.property(problem, ({ n, l, tall, sparse }) => {
        const q = Float64Array.from(tall, (v, p) => (sparse[Math.floor(p / l)]![p % sparse[0]!.length] === 0 ? 0 : v))
        expect(sameBits(lowerCrossGram(q, tall, n, l), plainLowerCross(q, tall, n, l))).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('rowTimesDense is count axpy calls into a zeroed row', () => {
    fc.assert(
      fc.property(problem, ({ m, l, right, sparse }) => {
        const x = Float64Array.from(sparse[0]!)
        const out = new Float64Array(l).fill(9) // overwritten, not added to
        rowTimesDense(x, 0, m, right, l, out, l)
        const plain = new Float64Array(l)
        for (let a = 0; a < m; a++) for (let c = 0; c < l; c++) plain[c] += x[a]! * right[a * l + c]!
        expect(sameBits(out, plain)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('orthonormalizeColumns computes what the plain Gram, Cholesky and row-by-row solve compute, bit for bit', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 2 }), ({ n, l, tall }, passes) => {
        const blocked = Float64Array.from(tall)
        orthonormalizeColumns(blocked, n, l, passes)
        expect(sameBits(blocked, plainOrthonormalize(Float64Array.from(tall), n, l, passes))).toBe(true)
      }),
      { numRuns: 200 },
    )
    // Enough rows and columns for the blocks of four rows and two columns, odd sizes left over.
    for (const [rows, l] of [[9, 5], [12, 8], [33, 17]] as const) {
      const y = Float64Array.from({ length: rows * l }, (_, p) => Math.sin(p * 1.3) + (p % 7) * 0.1)
      const blocked = Float64Array.from(y)
      orthonormalizeColumns(blocked, rows, l)
      expect(sameBits(blocked, plainOrthonormalize(y, rows, l, 2))).toBe(true)
    }
  })

  it('orthonormalizeColumns gives orthonormal columns for odd and even row counts', () => {
    for (const rows of [7, 8]) {
      const l = 3
      const y = Float64Array.from({ length: rows * l }, (_, p) => Math.sin(p * 1.7) + (p % l === 0 ? 2 : 0))
      orthonormalizeColumns(y, rows, l)
      for (let a = 0; a < l; a++) {
        for (let b = 0; b < l; b++) {
          let dot = 0
          for (let i = 0; i < rows; i++) dot += y[i * l + a]! * y[i * l + b]!
          expect(dot).toBeCloseTo(a === b ? 1 : 0, 10)
        }
      }
    }
  })
})
