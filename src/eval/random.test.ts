import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createRandom } from './random.js'

describe('createRandom', () => {
  it('createRandom(42) yields the xoshiro128** stream of the reference C code seeded by splitmix32(42)', () => {
    // Reference: xoshiro128starstar.c (Blackman & Vigna) with s[0..3] = four splitmix32
    // outputs from state 42, compiled with gcc; first five outputs as unsigned integers.
    const random = createRandom(42)
    const outputs = [random(), random(), random(), random(), random()].map((x) => x * 4294967296)
    expect(outputs).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180])
  })

  it('createRandom(seed) repeats the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }), (seed) => {
        const a = createRandom(seed)
        const b = createRandom(seed)
        for (let i = 0; i < 20; i++) expect(a()).toBe(b())
      }),
    )
  })

  it('createRandom(seed)() stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const random = createRandom(seed)
        for (let i = 0; i < 100; i++) {
          const x = random()
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThan(1)
        }
      }),
    )
  })

  it('createRandom(1) and createRandom(2) start different streams', () => {
    const a = createRandom(1)
    const b = createRandom(2)
    const same = [0, 1, 2, 3, 4, 5, 6, 7].filter(() => a() === b())
    expect(same).toEqual([])
  })

  it('createRandom(7) fills ten equal bins evenly over 100,000 draws', () => {
    const random = createRandom(7)
    const bins = new Array<number>(10).fill(0)
    for (let i = 0; i < 100_000; i++) bins[Math.floor(random() * 10)]!++
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(400)
  })
})
