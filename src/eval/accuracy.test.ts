import { describe, expect, test } from 'vitest'
import { InputError } from '../errors.js'
import { accuracy } from './accuracy.js'

describe('accuracy(truth, predicted)', () => {
  test('accuracy(tracks, tags) equals scikit-learn accuracy_score', () => {
    const truth = ['kernel', 'rust', 'go', 'kernel', 'rust', 'go', 'go']
    const predicted = ['kernel', 'go', 'go', 'kernel', 'rust', 'rust', 'go']
    expect(accuracy(truth, predicted)).toBeCloseTo(0.7142857142857143, 10)
  })

  test('accuracy counts a null or undefined prediction as a miss', () => {
    expect(accuracy(['a', 'b', 'c', 'd'], ['a', null, undefined, 'd'])).toBe(0.5)
  })

  test('accuracy compares with ===, so 1 and "1" differ', () => {
    expect(accuracy([1, 2], ['1', 2])).toBe(0.5)
  })

  test('accuracy([], []) is NaN: no share exists', () => {
    expect(accuracy([], [])).toBeNaN()
  })

  test('accuracy rejects different lengths and a missing true label', () => {
    expect(() => accuracy(['a'], [])).toThrow(InputError)
    expect(() => accuracy(['a', null] as unknown as string[], ['a', null])).toThrow('truth[1]: accuracy: label is null, expected a string or a number')
  })
})
