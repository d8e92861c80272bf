import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PairMap } from './pairMap.js'

describe('PairMap', () => {
  it('gets what was set last for each pair, -1 for pairs never set, through table growth', () => {
    const pair = fc.tuple(fc.nat({ max: 3_000_000 }), fc.nat({ max: 3_000_000 }))
    fc.assert(fc.property(fc.array(fc.tuple(pair, fc.nat()), { maxLength: 2_000 }), fc.array(pair, { maxLength: 50 }), (sets, probes) => {
      const map = new PairMap()
      const oracle = new Map<string, number>()
      for (const [[a, b], value] of sets) {
        map.set(a, b, value)
        oracle.set(`${a} ${b}`, value)
      }
      for (const [a, b] of [...sets.map(([p]) => p), ...probes]) expect(map.get(a, b)).toBe(oracle.get(`${a} ${b}`) ?? -1)
    }), { numRuns: 100 })
  })

  it('keeps pairs whose key a · n + b would not be a small integer apart', () => {
    const map = new PairMap()
    map.set(70_000, 1, 5)
    map.set(1, 70_000, 6)
    expect([map.get(70_000, 1), map.get(1, 70_000), map.get(70_000, 70_000)]).toEqual([5, 6, -1])
  })
})
