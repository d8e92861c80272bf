import fc from 'fast-check'
import { expect, test } from 'vitest'
import { groupByLabel } from './groupByLabel.js'

test('groupByLabel(labels, groups) lists each group\'s items in ascending order, leaving out -1', () => {
  const { starts, members } = groupByLabel(Int32Array.of(1, 0, -1, 1), 2)
  expect(Array.from(starts)).toEqual([0, 1, 3])
  expect(Array.from(members)).toEqual([1, 0, 3])
  expect(Array.from(groupByLabel(new Int32Array(0), 0).starts)).toEqual([0])
})

test('groupByLabel gives the groups a filter of the items by label gives', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 9 }).chain((groups) => fc.tuple(fc.constant(groups), fc.array(fc.integer({ min: -1, max: groups - 1 }), { maxLength: 60 }))), ([groups, labels]) => {
    const { starts, members } = groupByLabel(Int32Array.from(labels), groups)
    for (let c = 0; c < groups; c++) {
      const expected = labels.flatMap((label, i) => (label === c ? [i] : []))
      expect(Array.from(members.subarray(starts[c]!, starts[c + 1]!))).toEqual(expected)
    }
    expect(starts[groups]).toBe(labels.filter((label) => label >= 0).length)
  }))
})
