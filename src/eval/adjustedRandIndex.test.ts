import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InputError } from '../errors.js'
import { adjustedRandIndex } from './adjustedRandIndex.js'

// Expected values: scikit-learn 1.2.1 adjusted_rand_score, printed by scripts/eval-reference.py.
const twentyTruth = ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'd', 'd', 'd', 'd']
const twentyPredicted = [0, 0, 0, 0, 1, 1, 4, 1, 1, 1, 2, 4, 2, 2, 2, 3, 3, 3, 3, 4]

const labelPairs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) => fc.tuple(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n })))

const renaming = fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }).map((perm) => (label: number) => `L${perm[label]}`)

describe('adjustedRandIndex(truth, predicted)', () => {
  test('adjustedRandIndex(halves, thirds) equals scikit-learn', () => {
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(0.24242424242424243, 10)
  })

  test('adjustedRandIndex(tracks, clusters) compares string labels with numeric ones', () => {
    const tracks = ['net', 'net', 'net', 'bpf', 'bpf', 'bpf', 'io', 'io', 'io', 'io']
    expect(adjustedRandIndex(tracks, [1, 1, 2, 2, 2, 3, 3, 3, 3, 1])).toBeCloseTo(0.20454545454545456, 10)
  })

  test('adjustedRandIndex(truth, predicted) matches scikit-learn on twenty items', () => {
    expect(adjustedRandIndex(twentyTruth, twentyPredicted)).toBeCloseTo(0.2996313849394418, 10)
    expect(adjustedRandIndex(twentyTruth, Int32Array.from(twentyPredicted))).toBeCloseTo(0.2996313849394418, 10)
  })

  test('adjustedRandIndex goes below 0 when the partitions disagree more than chance', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 10)
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [0, 1, 0, 2, 1, 2])).toBeCloseTo(-0.25, 10)
  })

  test('adjustedRandIndex is 0 for one class against singletons, either way round', () => {
    expect(adjustedRandIndex([7, 7, 7, 7, 7], [0, 1, 2, 3, 4])).toBe(0)
    expect(adjustedRandIndex([0, 1, 2, 3], ['x', 'x', 'x', 'x'])).toBe(0)
  })

  test('adjustedRandIndex is 1 for no items and for one item, as in scikit-learn', () => {
    expect(adjustedRandIndex([], [])).toBe(1)
    expect(adjustedRandIndex(['x'], ['y'])).toBe(1)
  })

  test('adjustedRandIndex rejects vectors of different lengths with an InputError', () => {
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow(InputError)
    expect(() => adjustedRandIndex(['a'], ['a', 'b'])).toThrow('adjustedRandIndex: truth has 1 labels but predicted has 2')
  })

  test('adjustedRandIndex of a labelling against any renaming of itself is exactly 1 (property)', () => {
    fc.assert(
      fc.property(labelPairs, renaming, ([a], rename) => {
        expect(adjustedRandIndex(a, a.map(rename))).toBe(1)
      }),
    )
  })

  test('adjustedRandIndex is unchanged by renaming the labels and by swapping the arguments (property)', () => {
    fc.assert(
      fc.property(labelPairs, renaming, ([a, b], rename) => {
        const ab = adjustedRandIndex(a, b)
        expect(adjustedRandIndex(a, b.map(rename))).toBe(ab)
        expect(adjustedRandIndex(a.map(rename), b)).toBe(ab)
        expect(adjustedRandIndex(b, a)).toBe(ab)
        expect(ab).toBeLessThanOrEqual(1)
        expect(ab).toBeGreaterThanOrEqual(-1)
      }),
    )
  })
})
