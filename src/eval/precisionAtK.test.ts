import { describe, expect, test } from 'vitest'
import { InputError, OptionError } from '../errors.js'
import { precisionAtK } from './precisionAtK.js'

// Six items; rankings by cosine and expected values as printed by scripts/eval-reference.py
// (the precision@k of ../shared/anchors/sklearn_themes.py).
const labels = ['a', 'a', 'b', 'b', 'b', 'a']
const ranking = [
  [1, 2, 4, 3, 5],
  [0, 2, 4, 3, 5],
  [0, 1, 5, 4, 3],
  [4, 5, 1, 0, 2],
  [3, 5, 1, 2, 0],
  [4, 2, 3, 1, 0],
]

describe('precisionAtK(neighbours, labels, k)', () => {
  test('precisionAtK(ranking, labels, k) matches the anchor definition for k = 1, 2, 3', () => {
    expect(precisionAtK(ranking, labels, 1)).toBeCloseTo(0.6666666666666666, 10)
    expect(precisionAtK(ranking, labels, 2)).toBeCloseTo(0.3333333333333333, 10)
    expect(precisionAtK(ranking, labels, 3)).toBeCloseTo(0.2222222222222222, 10)
  })

  test('precisionAtK skips the query wherever it appears in its own list', () => {
    const withSelf = ranking.map((list, i) => (i % 2 === 0 ? [i, ...list] : [list[0]!, i, ...list.slice(1)]))
    expect(precisionAtK(withSelf, labels, 2)).toBeCloseTo(0.3333333333333333, 10)
  })

  test('precisionAtK counts missing places in a short list as misses', () => {
    // Item 0 has one neighbour of its label and no other: 1 of 2 places.
    expect(precisionAtK([[1], [0, 2], [1, 0]], ['a', 'a', 'b'], 2)).toBeCloseTo((1 + 1 + 0) / 6, 10)
  })

  test('precisionAtK accepts typed arrays of neighbour indices', () => {
    expect(precisionAtK(ranking.map((list) => Int32Array.from(list)), labels, 1)).toBeCloseTo(0.6666666666666666, 10)
  })

  test('precisionAtK([], [], k) is NaN', () => {
    expect(precisionAtK([], [], 5)).toBeNaN()
  })

  test('precisionAtK rejects k that is not an integer ≥ 1', () => {
    expect(() => precisionAtK(ranking, labels, 0)).toThrow(OptionError)
    expect(() => precisionAtK(ranking, labels, 2.5)).toThrow('precisionAtK: k=2.5 is invalid, expected an integer ≥ 1')
  })

  test('precisionAtK rejects a neighbour that is not an item index and a list count that differs', () => {
    expect(() => precisionAtK([[1], [6]], ['a', 'b'], 1)).toThrow('neighbours[1][0]: precisionAtK: 6 is not an item index, expected an integer in [0, 2)')
    expect(() => precisionAtK([[1]], ['a', 'b'], 1)).toThrow(InputError)
  })
})
