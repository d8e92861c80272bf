import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InputError, OptionError } from '../errors.js'
import { normalizedMutualInfo } from './normalizedMutualInfo.js'

// Expected values: scikit-learn 1.2.1 normalized_mutual_info_score on the same vectors,
// printed by scripts/eval-reference.py.
const halves = [0, 0, 0, 1, 1, 1]
const thirds = [0, 0, 1, 1, 2, 2]
const tracks = ['net', 'net', 'net', 'bpf', 'bpf', 'bpf', 'io', 'io', 'io', 'io']
const clusters = [1, 1, 2, 2, 2, 3, 3, 3, 3, 1]
const twentyTruth = ['a', 'a', 'a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c', 'd', 'd', 'd', 'd']
const twentyPredicted = [0, 0, 0, 0, 1, 1, 4, 1, 1, 1, 2, 4, 2, 2, 2, 3, 3, 3, 3, 4]

/** Label vectors of a shared random length, labels 0..5. */
const labelPairs = fc
  .integer({ min: 1, max: 60 })
  .chain((n) => fc.tuple(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }), fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n })))

/** A bijection of the labels 0..5 onto strings. */
const renaming = fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }).map((perm) => (label: number) => `L${perm[label]}`)

describe('normalizedMutualInfo(truth, predicted)', () => {
  test('normalizedMutualInfo(halves, thirds) equals scikit-learn with the arithmetic mean', () => {
    expect(normalizedMutualInfo(halves, thirds)).toBeCloseTo(0.5158037429793888, 10)
  })

  test('normalizedMutualInfo(tracks, clusters) compares string labels with numeric ones', () => {
    expect(normalizedMutualInfo(tracks, clusters)).toBeCloseTo(0.44270128334605013, 10)
  })

  test('normalizedMutualInfo(truth, predicted) matches scikit-learn on twenty items', () => {
    expect(normalizedMutualInfo(twentyTruth, twentyPredicted)).toBeCloseTo(0.541399960795038, 10)
  })

  test('normalizedMutualInfo(truth, predicted, { average }) matches each scikit-learn average_method', () => {
    expect(normalizedMutualInfo(halves, thirds, { average: 'geometric' })).toBeCloseTo(0.5295405780575618, 10)
    expect(normalizedMutualInfo(halves, thirds, { average: 'min' })).toBeCloseTo(0.6666666666666666, 10)
    expect(normalizedMutualInfo(halves, thirds, { average: 'max' })).toBeCloseTo(0.420619835714305, 10)
    expect(normalizedMutualInfo(twentyTruth, twentyPredicted, { average: 'geometric' })).toBeCloseTo(0.5431802567431123, 10)
    expect(normalizedMutualInfo(twentyTruth, twentyPredicted, { average: 'min' })).toBeCloseTo(0.5890526099783561, 10)
    expect(normalizedMutualInfo(twentyTruth, twentyPredicted, { average: 'max' })).toBeCloseTo(0.5008802037671208, 10)
  })

  test('normalizedMutualInfo(truth, predicted) accepts a typed array of cluster indices', () => {
    expect(normalizedMutualInfo(twentyTruth, Int32Array.from(twentyPredicted))).toBeCloseTo(0.541399960795038, 10)
  })

  test('normalizedMutualInfo is 0 for independent partitions and for one class against singletons', () => {
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0)
    expect(normalizedMutualInfo([7, 7, 7, 7, 7], [0, 1, 2, 3, 4])).toBe(0)
    expect(normalizedMutualInfo([0, 1, 2, 3], ['x', 'x', 'x', 'x'])).toBe(0)
  })

  test('normalizedMutualInfo is 1 for no items, one item, or one label on both sides, as in scikit-learn', () => {
    expect(normalizedMutualInfo([], [])).toBe(1)
    expect(normalizedMutualInfo(['x'], ['y'])).toBe(1)
    expect(normalizedMutualInfo(['a', 'a', 'a'], [3, 3, 3])).toBe(1)
  })

  test('normalizedMutualInfo stays exact on 200,000 items: parity against residue mod 4 gives 2/3', () => {
    // I = log 2, H(truth) = log 2, H(predicted) = log 4, so NMI = log 2 / (1.5 · log 2).
    const n = 200_000
    const truth = new Int32Array(n)
    const predicted = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      truth[i] = i % 2
      predicted[i] = i % 4
    }
    expect(normalizedMutualInfo(truth, predicted)).toBeCloseTo(2 / 3, 14)
    expect(normalizedMutualInfo(predicted, predicted)).toBe(1)
  })

  test('normalizedMutualInfo treats 1 and "1" as different labels', () => {
    expect(normalizedMutualInfo([1, '1', 1, '1'], [0, 1, 0, 1])).toBe(1)
  })

  test('normalizedMutualInfo rejects vectors of different lengths with an InputError naming both', () => {
    expect(() => normalizedMutualInfo([0, 1, 2], [0, 1])).toThrow(InputError)
    expect(() => normalizedMutualInfo([0, 1, 2], [0, 1])).toThrow('normalizedMutualInfo: truth has 3 labels but predicted has 2')
  })

  test('normalizedMutualInfo rejects a label that is neither a string nor a number, naming its place', () => {
    const predicted = [0, undefined, 1] as unknown as number[]
    expect(() => normalizedMutualInfo([0, 1, 1], predicted)).toThrow('predicted[1]: normalizedMutualInfo: label is undefined, expected a string or a number')
  })

  test('normalizedMutualInfo rejects an unknown average with an OptionError', () => {
    const options = { average: 'harmonic' } as unknown as { average: 'min' }
    expect(() => normalizedMutualInfo(halves, thirds, options)).toThrow(OptionError)
    expect(() => normalizedMutualInfo(halves, thirds, options)).toThrow(`normalizedMutualInfo: average="harmonic" is invalid, expected one of 'arithmetic', 'geometric', 'min', 'max'`)
  })

  test('normalizedMutualInfo is symmetric and lies in [0, 1] (property)', () => {
    fc.assert(
      fc.property(labelPairs, ([a, b]) => {
        const ab = normalizedMutualInfo(a, b)
        expect(ab).toBeGreaterThanOrEqual(0)
        expect(ab).toBeLessThanOrEqual(1)
        expect(normalizedMutualInfo(b, a)).toBeCloseTo(ab, 12)
      }),
    )
  })

  test('normalizedMutualInfo of a labelling against any renaming of itself is exactly 1 (property)', () => {
    fc.assert(
      fc.property(labelPairs, renaming, ([a], rename) => {
        expect(normalizedMutualInfo(a, a.map(rename))).toBe(1)
        expect(normalizedMutualInfo(a, a.map(rename), { average: 'max' })).toBe(1)
      }),
    )
  })

  test('normalizedMutualInfo does not change when either side is renamed (property)', () => {
    fc.assert(
      fc.property(labelPairs, renaming, ([a, b], rename) => {
        expect(normalizedMutualInfo(a.map(rename), b)).toBeCloseTo(normalizedMutualInfo(a, b), 12)
      }),
    )
  })
})
