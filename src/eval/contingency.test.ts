import { describe, expect, test } from 'vitest'
import { InputError } from '../errors.js'
import { contingency } from './contingency.js'

describe('contingency(truth, predicted)', () => {
  test('contingency(tracks, themes) codes labels by first appearance and lists non-empty cells in order', () => {
    const table = contingency(['net', 'net', 'bpf', 'net', 'bpf', 'io'], [2, 0, 0, 2, 0, 0])
    expect(table.n).toBe(6)
    expect(table.truth.values).toEqual(['net', 'bpf', 'io'])
    expect([...table.truth.codes]).toEqual([0, 0, 1, 0, 1, 2])
    expect([...table.truth.sizes]).toEqual([3, 2, 1])
    expect(table.predicted.values).toEqual([2, 0])
    expect([...table.predicted.sizes]).toEqual([2, 4])
    // net→2 twice, net→0 once, bpf→0 twice, io→0 once
    expect([...table.cells.truthCode]).toEqual([0, 0, 1, 2])
    expect([...table.cells.predictedCode]).toEqual([0, 1, 1, 1])
    expect([...table.cells.count]).toEqual([2, 1, 2, 1])
  })

  test('contingency(truth, predicted) stores n cells, not n², for all-singleton labellings', () => {
    const n = 5000
    const ids = Array.from({ length: n }, (_, i) => i)
    const table = contingency(ids, ids)
    expect(table.cells.count.length).toBe(n)
    expect(table.cells.count.every((c) => c === 1)).toBe(true)
  })

  test('contingency([], []) is empty', () => {
    const table = contingency([], [])
    expect(table.n).toBe(0)
    expect(table.cells.count.length).toBe(0)
  })

  test('contingency rejects different lengths and non-array arguments', () => {
    expect(() => contingency([0, 1], [0])).toThrow('contingency: truth has 2 labels but predicted has 1')
    expect(() => contingency('ab' as unknown as string[], ['a', 'b'])).toThrow(InputError)
    expect(() => contingency(null as unknown as string[], [])).toThrow('truth: contingency: truth must be an array, got null')
  })
})
