import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { adjustedRandIndex } from '../eval/adjustedRandIndex.js'
import { mostStableScale, runAgreement, scaleCandidates } from './coarseScale.js'

describe('runAgreement(a, b, ka, kb)', () => {
  it('is the adjusted Rand index', () => {
    const labelling = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([ka, kb]) =>
      fc.array(fc.tuple(fc.integer({ min: 0, max: ka - 1 }), fc.integer({ min: 0, max: kb - 1 })), { minLength: 2, maxLength: 60 }).map((pairs) => ({ ka, kb, pairs })),
    )
    fc.assert(
      fc.property(labelling, ({ ka, kb, pairs }) => {
        const a = Int32Array.from(pairs, ([x]) => x)
        const b = Int32Array.from(pairs, ([, y]) => y)
        expect(runAgreement(a, b, ka, kb)).toBeCloseTo(adjustedRandIndex(Array.from(a), Array.from(b)), 12)
      }),
    )
  })
})

describe('scaleCandidates(p)', () => {
  it('is p/2, p/√2 and p, distinct and at least 2', () => {
    expect(scaleCandidates(47)).toEqual([24, 33, 47])
    expect(scaleCandidates(18)).toEqual([9, 13, 18])
    expect(scaleCandidates(3)).toEqual([2, 3])
    expect(scaleCandidates(2)).toEqual([2])
  })
})

describe('mostStableScale(runs, candidates)', () => {
  const n = 12
  /** Runs that put talk i in part part(i, run). */
  const runs = (count: number, part: (i: number, run: number) => number) => Array.from({ length: count }, (_, r) => Int32Array.from({ length: n }, (_, i) => part(i, r)))

  it('picks the candidate whose runs agree most with those of its neighbours', () => {
    // 2 parts (halves) and 4 parts (quarters) nest; the 6-part runs cut across both.
    const halves = runs(3, (i) => (i < 6 ? 0 : 1))
    const quarters = runs(3, (i) => Math.floor(i / 3))
    const scattered = runs(3, (i, r) => (i * (5 + r)) % 6)
    expect(mostStableScale([halves, quarters, scattered], [2, 4, 6])).toBe(0)
  })

  it('gives ties to the finer scale, and the one candidate when there is one', () => {
    const same = runs(2, (i) => i % 3)
    expect(mostStableScale([same, same], [3, 3])).toBe(1)
    expect(mostStableScale([same], [3])).toBe(0)
  })
})
