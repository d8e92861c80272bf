import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { OptionError } from '../errors.js'
import { normalizedMutualInfo } from './normalizedMutualInfo.js'
import { vMeasure } from './vMeasure.js'

// Expected values: scikit-learn 1.2.1 homogeneity_completeness_v_measure, printed by
// scripts/eval-reference.py.
const twentyTruth = ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'd', 'd', 'd', 'd']
const twentyPredicted = [0, 0, 0, 0, 1, 1, 4, 1, 1, 1, 2, 4, 2, 2, 2, 3, 3, 3, 3, 4]

const labelPairs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) => fc.tuple(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n })))

describe('vMeasure(truth, predicted)', () => {
  test('vMeasure(halves, thirds) returns scikit-learn homogeneity, completeness and v', () => {
    const result = vMeasure([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])
    expect(result.homogeneity).toBeCloseTo(0.6666666666666666, 10)
    expect(result.completeness).toBeCloseTo(0.420619835714305, 10)
    expect(result.v).toBeCloseTo(0.5158037429793888, 10)
  })

  test('vMeasure(truth, predicted) matches scikit-learn on twenty items', () => {
    const result = vMeasure(twentyTruth, twentyPredicted)
    expect(result.homogeneity).toBeCloseTo(0.5890526099783561, 10)
    expect(result.completeness).toBeCloseTo(0.5008802037671208, 10)
    expect(result.v).toBeCloseTo(0.541399960795038, 10)
  })

  test('vMeasure(truth, predicted, { beta: 2 }) weights completeness more, as scikit-learn', () => {
    expect(vMeasure([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], { beta: 2 }).v).toBeCloseTo(0.479624933136263, 10)
    expect(vMeasure(twentyTruth, twentyPredicted, { beta: 2 }).v).toBeCloseTo(0.5271840728571632, 10)
  })

  test('vMeasure counts one class against singletons as homogeneous but not complete', () => {
    expect(vMeasure([7, 7, 7, 7, 7], [0, 1, 2, 3, 4])).toEqual({ homogeneity: 1, completeness: 0, v: 0 })
    expect(vMeasure([0, 1, 2, 3], ['x', 'x', 'x', 'x'])).toEqual({ homogeneity: 0, completeness: 1, v: 0 })
  })

  test('vMeasure is 1, 1, 1 for no items and for one item', () => {
    expect(vMeasure([], [])).toEqual({ homogeneity: 1, completeness: 1, v: 1 })
    expect(vMeasure(['x'], ['y'])).toEqual({ homogeneity: 1, completeness: 1, v: 1 })
  })

  test('vMeasure rejects a negative or non-finite beta with an OptionError', () => {
    expect(() => vMeasure([0], [0], { beta: -1 })).toThrow(OptionError)
    expect(() => vMeasure([0], [0], { beta: -1 })).toThrow('vMeasure: beta=-1 is invalid, expected a finite number ≥ 0')
    expect(() => vMeasure([0], [0], { beta: Number.NaN })).toThrow(OptionError)
  })

  test('vMeasure swaps homogeneity and completeness when the arguments swap, and v equals arithmetic NMI (property)', () => {
    fc.assert(
      fc.property(labelPairs, ([a, b]) => {
        const ab = vMeasure(a, b)
        const ba = vMeasure(b, a)
        expect(ba.homogeneity).toBeCloseTo(ab.completeness, 12)
        expect(ba.completeness).toBeCloseTo(ab.homogeneity, 12)
        expect(ab.v).toBeCloseTo(normalizedMutualInfo(a, b), 12)
        for (const score of [ab.homogeneity, ab.completeness, ab.v]) {
          expect(score).toBeGreaterThanOrEqual(0)
          expect(score).toBeLessThanOrEqual(1)
        }
      }),
    )
  })
})
