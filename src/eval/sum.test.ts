import { expect, test } from 'vitest'
import { CompensatedSum } from './sum.js'

test('CompensatedSum keeps the low-order bits that plain addition loses', () => {
  const terms = [1e16, 1, -1e16, 1, 0.1, 0.2, -0.3]
  const sum = new CompensatedSum()
  let naive = 0
  for (const x of terms) {
    sum.add(x)
    naive += x
  }
  expect(naive).not.toBe(2)
  expect(+sum).toBeCloseTo(2, 15)
})
