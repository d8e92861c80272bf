import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CsrMatrix } from '../types.js'
import { CsrBuilder, normalizeRows } from './csr.js'
import { defaultTfidfOptions, type TfidfModel } from './tfidf.js'
import { weighColumns } from './weighColumns.js'

/**
 * The plain passes weighColumns stands for: the kept columns renumbered and each row sorted,
 * then every entry weighed in place, then `normalizeRows`.
 */
function weighPlainly(counts: CsrMatrix, newIds: Int32Array, model: Pick<TfidfModel, 'terms' | 'idf' | 'options'>): CsrMatrix {
  const builder = new CsrBuilder(model.terms.length)
  for (let i = 0; i < counts.nRows; i++) {
    const entries: [number, number][] = []
    for (let p = counts.indptr[i]!; p < counts.indptr[i + 1]!; p++) {
      if (newIds[counts.indices[p]!]! >= 0) entries.push([newIds[counts.indices[p]!]!, counts.data[p]!])
    }
    entries.sort((a, b) => a[0] - b[0])
    for (const [j, value] of entries) builder.push(j, value)
    builder.endRow()
  }
  const matrix = builder.finish()
  const power = model.options.idfPower
  for (let p = 0; p < matrix.data.length; p++) {
    const count = matrix.data[p]!
    const tf = model.options.sublinearTf && count > 1 ? 1 + Math.log(count) : count
    matrix.data[p] = tf * (power === 1 ? model.idf[matrix.indices[p]!]! : Math.fround(Math.pow(model.idf[matrix.indices[p]!]!, power)))
  }
  normalizeRows(matrix)
  return matrix
}

/** Rows of raw counts over `nOld` columns (distinct columns per row, in any order), new ids for them, and a model. */
const cases = fc.integer({ min: 1, max: 40 }).chain((nOld) =>
  fc.record({
    rows: fc.array(fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: nOld - 1 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.double({ min: 0.5, max: 2000, noNaN: true }))), { selector: ([j]) => j, maxLength: nOld }), { maxLength: 12 }),
    keep: fc.array(fc.boolean(), { minLength: nOld, maxLength: nOld }),
    order: fc.shuffledSubarray([...Array(nOld).keys()], { minLength: nOld, maxLength: nOld }),
    idf: fc.array(fc.double({ min: 1, max: 9, noNaN: true }), { minLength: nOld, maxLength: nOld }),
    sublinearTf: fc.boolean(),
    idfPower: fc.constantFrom(1, 1.5, 2.25),
  }),
)

describe('weighColumns(counts, newIds, model)', () => {
  it('gives bit for bit the rows of the plain passes: renumber and sort, weigh, normalise', () => {
    fc.assert(fc.property(cases, ({ rows, keep, order, idf, sublinearTf, idfPower }) => {
      const builder = new CsrBuilder(keep.length)
      for (const row of rows) {
        for (const [j, value] of row) builder.push(j, value)
        builder.endRow()
      }
      const counts = builder.finish()
      // Kept columns numbered in a shuffled order, as the vocabulary's sort renumbers them.
      const newIds = new Int32Array(keep.length).fill(-1)
      let nKept = 0
      for (const j of order) if (keep[j]) newIds[j] = nKept++
      const model = { terms: Array.from({ length: nKept }, (_, j) => `t${j}`), idf: Float32Array.from(idf.slice(0, nKept)), options: { ...defaultTfidfOptions, sublinearTf, idfPower } }
      const fused = weighColumns(counts, newIds, model)
      const plain = weighPlainly(counts, newIds, model)
      expect(fused.indptr).toEqual(plain.indptr)
      expect(fused.indices).toEqual(plain.indices)
      expect(fused.data).toEqual(plain.data)
    }), { numRuns: 500 })
  })

  it('leaves a row without kept columns empty and a row of zero counts at zero', () => {
    const builder = new CsrBuilder(3)
    builder.push(0, 3)
    builder.endRow()
    builder.push(1, 0)
    builder.push(2, 4)
    builder.endRow()
    const model = { terms: ['a', 'b'], idf: Float32Array.of(1, 2), options: { ...defaultTfidfOptions, idfPower: 1 } }
    const out = weighColumns(builder.finish(), Int32Array.of(-1, 1, -1), model)
    expect([...out.indptr]).toEqual([0, 0, 1])
    expect([...out.indices]).toEqual([1])
    expect([...out.data]).toEqual([0])
  })
})
