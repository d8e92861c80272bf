import { describe, expect, it } from 'vitest'
import { cached } from './cached.js'

describe('cached', () => {
  it('makes a value once per key and returns the kept one after', () => {
    const cache = new WeakMap<object, number[]>()
    const a = {}
    const b = {}
    let made = 0
    const make = () => [++made]
    const first = cached(cache, a, make)
    expect(first).toEqual([1])
    expect(cached(cache, a, make)).toBe(first)
    expect(cached(cache, b, make)).toEqual([2])
    expect(made).toBe(2)
    expect(cache.get(a)).toBe(first)
  })
})
