import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { InputError } from '../errors.js'
import { pairPurity } from './pairPurity.js'

describe('pairPurity(groups, labels)', () => {
  test('pairPurity(sessions, tracks) matches the anchor definition', () => {
    // Pairs: {0,1} same, {2,3} same, four mixed in the first group; {5,6} same, two mixed in the second.
    expect(pairPurity([[0, 1, 2, 3], [4, 5, 6], [7]], ['a', 'a', 'b', 'b', 'a', 'c', 'c', 'b'])).toBeCloseTo(0.3333333333333333, 10)
  })

  test('pairPurity is 1 when every group holds one label, and 0 when no two members share one', () => {
    expect(pairPurity([[0, 2], [1, 3]], [5, 6, 5, 6])).toBe(1)
    expect(pairPurity([[0, 1], [2, 3]], [5, 6, 5, 6])).toBe(0)
  })

  test('pairPurity ignores items in no group', () => {
    expect(pairPurity([[0, 1]], ['a', 'a', 'b'])).toBe(1)
  })

  test('pairPurity is NaN when no group has two members', () => {
    expect(pairPurity([[0], [1]], ['a', 'a'])).toBeNaN()
    expect(pairPurity([], [])).toBeNaN()
  })

  test('pairPurity rejects an item listed twice and an index out of range', () => {
    expect(() => pairPurity([[0, 1], [1]], ['a', 'a'])).toThrow('groups[1][0]: pairPurity: item 1 appears in group 0 and again in group 1')
    expect(() => pairPurity([[0, 0]], ['a'])).toThrow(InputError)
    expect(() => pairPurity([[0, -1]], ['a'])).toThrow('groups[0][1]: pairPurity: -1 is not an item index, expected an integer in [0, 1)')
  })

  test('pairPurity equals the brute-force share of same-label pairs (property)', () => {
    const grouping = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 })), { minLength: 1, maxLength: 40 })
    fc.assert(
      fc.property(grouping, (items) => {
        const labels = items.map(([label]) => label)
        const groups: number[][] = []
        items.forEach(([, g], i) => (groups[g] ??= []).push(i))
        const dense = groups.filter((g) => g !== undefined)
        let same = 0
        let total = 0
        for (const g of dense) {
          for (let x = 0; x < g.length; x++) {
            for (let y = x + 1; y < g.length; y++) {
              total++
              if (labels[g[x]!] === labels[g[y]!]) same++
            }
          }
        }
        const purity = pairPurity(dense, labels)
        if (total === 0) expect(purity).toBeNaN()
        else expect(purity).toBe(same / total)
      }),
    )
  })
})
