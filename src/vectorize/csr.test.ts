import { describe, expect, it } from 'vitest'
import { columnCounts, CsrBuilder, gatherCsrRows, normalizeRows, rowDot, transposeCsr } from './csr.js'

function sample() {
  const builder = new CsrBuilder(3)
  builder.push(0, 3)
  builder.push(2, 4)
  builder.endRow()
  builder.endRow()
  builder.push(1, 2)
  builder.endRow()
  return builder.finish()
}

describe('CsrBuilder', () => {
  it('builds rows into trimmed typed arrays', () => {
    const m = sample()
    expect(m.nRows).toBe(3)
    expect(Array.from(m.indptr)).toEqual([0, 2, 2, 3])
    expect(Array.from(m.indices)).toEqual([0, 2, 1])
    expect(Array.from(m.data)).toEqual([3, 4, 2])
  })

  it('grows past its initial capacity', () => {
    const builder = new CsrBuilder(5000)
    for (let j = 0; j < 5000; j++) builder.push(j, 1)
    builder.endRow()
    expect(builder.finish().indices.length).toBe(5000)
  })
})

describe('normalizeRows(matrix)', () => {
  it('scales rows to unit length and leaves empty rows empty', () => {
    const m = sample()
    normalizeRows(m)
    expect(m.data[0]).toBeCloseTo(0.6)
    expect(m.data[1]).toBeCloseTo(0.8)
    expect(m.data[2]).toBeCloseTo(1)
  })
})

describe('transposeCsr(matrix)', () => {
  it('lists for every column the rows containing it', () => {
    const t = transposeCsr(sample())
    expect(Array.from(t.indptr)).toEqual([0, 1, 2, 3])
    expect(Array.from(t.indices)).toEqual([0, 2, 0])
    expect(Array.from(t.data)).toEqual([3, 2, 4])
  })
})

describe('columnCounts(matrix) and rowDot(a, i, b, j)', () => {
  it('counts rows per column and multiplies sparse rows', () => {
    const m = sample()
    expect(Array.from(columnCounts(m))).toEqual([1, 1, 1])
    expect(rowDot(m, 0, m, 0)).toBe(25)
    expect(rowDot(m, 0, m, 2)).toBe(0)
  })
})

describe('gatherCsrRows(matrix, from)', () => {
  it('takes some of the rows, in the order given, with their terms and weights', () => {
    const matrix = sample()
    const taken = gatherCsrRows(matrix, Int32Array.from([2, 0]))
    expect(taken.nRows).toBe(2)
    expect(taken.nCols).toBe(3)
    expect(Array.from(taken.indptr)).toEqual([0, 1, 3])
    expect(Array.from(taken.indices)).toEqual([1, 0, 2])
    expect(Array.from(taken.data)).toEqual([2, 3, 4])
    expect(gatherCsrRows(matrix, new Int32Array(0)).indptr).toEqual(Int32Array.of(0))
  })
})
