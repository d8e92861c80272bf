import { describe, expect, it } from 'vitest'
import { CsrBuilder } from '../vectorize/csr.js'
import { canonicalOrder, invertPermutation, keepCopiesTogether, permuteCsrRows, permuteDenseRows } from './canonicalOrder.js'

describe('canonicalOrder(talks)', () => {
  it('sorts by title, then abstract, then id, by code unit and without locale', () => {
    const talks = [
      { id: 'b', title: 'XDP', abstract: 'same' },
      { id: 'a', title: 'XDP', abstract: 'same' },
      { id: 'c', title: 'XDP', abstract: 'earlier' },
      { id: 'd', title: 'eBPF', abstract: '' },
      { id: 'e', title: 'Zebra', abstract: '' },
    ]
    // Upper case sorts before lower case in UTF-16 order: 'XDP' < 'Zebra' < 'eBPF'.
    expect(Array.from(canonicalOrder(talks))).toEqual([2, 1, 0, 4, 3])
  })
})

describe('permuteCsrRows(matrix, from), permuteDenseRows(values, width, from), invertPermutation(order)', () => {
  it('takes row i of the result from row from[i], and the inverse undoes it', () => {
    const builder = new CsrBuilder(3)
    builder.push(0, 1)
    builder.endRow()
    builder.endRow()
    builder.push(1, 2)
    builder.push(2, 3)
    builder.endRow()
    const matrix = builder.finish()
    const order = Int32Array.from([2, 0, 1])
    const permuted = permuteCsrRows(matrix, order)
    expect(Array.from(permuted.indptr)).toEqual([0, 2, 3, 3])
    expect(Array.from(permuted.indices)).toEqual([1, 2, 0])
    expect(Array.from(permuted.data)).toEqual([2, 3, 1])
    const back = permuteCsrRows(permuted, invertPermutation(order))
    expect(back).toEqual(matrix)
    expect(Array.from(permuteDenseRows(Float32Array.from([1, 2, 3, 4, 5, 6]), 2, order))).toEqual([5, 6, 1, 2, 3, 4])
  })
})

describe('keepCopiesTogether(talks, labels)', () => {
  it('gives adjacent copies of a title and abstract the label of the first copy', () => {
    const copy = { title: 'XDP', abstract: 'maps' }
    const talks = [{ id: 'a', ...copy }, { id: 'b', ...copy }, { id: 'c', title: 'XDP', abstract: 'other' }, { id: 'd', ...copy }]
    const labels = Int32Array.from([0, 2, 1, 1])
    keepCopiesTogether(talks, labels)
    expect(Array.from(labels)).toEqual([0, 0, 1, 1])
  })
})
