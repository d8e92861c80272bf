import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { smoothNeighbours } from './smoothNeighbours.js'

/** Unit rows of width 2 at the given angles (radians); `null` gives a zero row. */
function rowsAt(angles: readonly (number | null)[]): Float32Array {
  const out = new Float32Array(angles.length * 2)
  angles.forEach((angle, i) => {
    if (angle === null) return
    out[i * 2] = Math.cos(angle)
    out[i * 2 + 1] = Math.sin(angle)
  })
  return out
}

describe('smoothNeighbours(vectors, d, options)', () => {
  it('smoothNeighbours(rows, 2, { neighbours: 1 }) mixes each row with its nearest row', () => {
    // Rows 0 and 1 are 0.2 rad apart, row 2 is far away: 0 and 1 meet halfway at 0.1 rad.
    const out = smoothNeighbours(rowsAt([0, 0.2, 2]), 2, { neighbours: 1 })
    expect(out[0]).toBeCloseTo(Math.cos(0.1), 6)
    expect(out[1]).toBeCloseTo(Math.sin(0.1), 6)
    expect(out[2]).toBeCloseTo(Math.cos(0.1), 6)
    expect(out[3]).toBeCloseTo(Math.sin(0.1), 6)
    // Row 2's nearest is row 1 (0.2 rad is closer to 2 rad than 0 is): halfway between 0.2 and 2.
    expect(Math.atan2(out[5], out[4])).toBeCloseTo(1.1, 6)
  })

  it('smoothNeighbours(rows, 2, { neighbours: 0 }) returns an unchanged copy', () => {
    const rows = rowsAt([0, 1, 2])
    const out = smoothNeighbours(rows, 2, { neighbours: 0 })
    expect(Array.from(out)).toEqual(Array.from(rows))
    expect(out).not.toBe(rows)
  })

  it('smoothNeighbours keeps zero rows at zero and never uses them as neighbours', () => {
    const out = smoothNeighbours(rowsAt([0, null, 0.5]), 2, { neighbours: 1 })
    expect([out[2], out[3]]).toEqual([0, 0])
    expect(Math.atan2(out[1], out[0])).toBeCloseTo(0.25, 6)
  })

  it('smoothNeighbours(rows, 2) mixes 5 neighbours at weight 1, and an undefined field takes its default', () => {
    const rows = rowsAt([0, 0.1, 0.3, 0.6, 1, 1.5, 2.1, 2.8])
    const explicit = smoothNeighbours(rows, 2, { neighbours: 5, weight: 1, seed: 42 })
    expect(smoothNeighbours(rows, 2)).toEqual(explicit)
    expect(smoothNeighbours(rows, 2, { neighbours: 5, weight: undefined as unknown as number })).toEqual(explicit)
    expect(smoothNeighbours(rows, 2, { neighbours: 1 })).not.toEqual(explicit)
  })

  it('smoothNeighbours returns unit rows for any non-zero input', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 6.28, noNaN: true }), { minLength: 2, maxLength: 12 }), (angles) => {
        const out = smoothNeighbours(rowsAt(angles), 2, { neighbours: 3 })
        for (let i = 0; i < angles.length; i++) {
          const norm = Math.hypot(out[i * 2], out[i * 2 + 1])
          // Two opposite rows can cancel exactly; otherwise the row is unit.
          if (norm > 0) expect(norm).toBeCloseTo(1, 5)
        }
      }),
    )
  })

  it('mixes in the neighbours a plain scan of every pair picks (sorted by score, then row), for odd and even sizes', () => {
    // Angles on a coarse grid repeat, so equal scores (ties) are common.
    const grid = fc.integer({ min: 0, max: 11 }).map((step) => step * (Math.PI / 6))
    fc.assert(
      fc.property(fc.array(grid, { minLength: 2, maxLength: 17 }), fc.integer({ min: 1, max: 4 }), (angles, neighbours) => {
        const rows = rowsAt(angles)
        const n = angles.length
        const m = Math.min(neighbours, n - 1)
        const expected = rows.slice()
        for (let a = 0; a < n; a++) {
          const others = Array.from({ length: n }, (_, b) => b).filter((b) => b !== a)
          const dot = (b: number) => rows[a * 2]! * rows[b * 2]! + rows[a * 2 + 1]! * rows[b * 2 + 1]!
          others.sort((x, y) => dot(y) - dot(x) || x - y)
          for (const b of others.slice(0, m)) for (let c = 0; c < 2; c++) expected[a * 2 + c] += (1 / m) * rows[b * 2 + c]!
        }
        for (let a = 0; a < n; a++) {
          const norm = Math.hypot(expected[a * 2]!, expected[a * 2 + 1]!)
          for (let c = 0; c < 2; c++) expected[a * 2 + c] = norm > 0 ? expected[a * 2 + c]! / norm : 0
        }
        const out = smoothNeighbours(rows, 2, { neighbours })
        for (let p = 0; p < out.length; p++) expect(out[p]).toBeCloseTo(expected[p]!, 6)
      }),
      { numRuns: 200 },
    )
  })
})
