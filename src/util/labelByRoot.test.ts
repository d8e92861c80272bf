import { expect, test } from 'vitest'
import { labelByRoot } from './labelByRoot.js'

test('labelByRoot(count, root) numbers the components by their first item, whatever the root ids', () => {
  expect(Array.from(labelByRoot(4, (x) => [2, 1, 2, 1][x]!))).toEqual([0, 1, 0, 1])
  expect(Array.from(labelByRoot(5, (x) => [9, 9, 3, 7, 3][x]!))).toEqual([0, 0, 1, 2, 1])
  expect(Array.from(labelByRoot(0, () => 0))).toEqual([])
})
