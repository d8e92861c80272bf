import { expect, test } from 'vitest'
import { round } from './round.js'

test('round(value, decimals) keeps the given number of decimals, as Math.round(value * 1e4) / 1e4 did', () => {
  expect(round(0.123456789, 4)).toBe(0.1235)
  expect(round(0.123456789, 6)).toBe(0.123457)
  expect(round(-0.00004, 4)).toBe(-0)
  for (const value of [0.1, 0.33333333, 0.987654321, 2.5e-5, 1 / 3, 0.7071067811865476]) {
    expect(round(value, 4)).toBe(Math.round(value * 1e4) / 1e4)
    expect(round(value, 6)).toBe(Math.round(value * 1e6) / 1e6)
  }
})
