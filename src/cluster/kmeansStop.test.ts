import { describe, expect, it } from 'vitest'
import { createRandom, nextGaussian } from '../random.js'
import { normalizeDenseRows } from '../linalg/dense.js'
import { kmeans } from './kmeans.js'
import { refineMinChanged, RESTART_SAMPLE_ABOVE } from './kmeansRestarts.js'
import { lloydElkan } from './lloydElkan.js'
import { lloydHamerly } from './lloydHamerly.js'

/** Gaussian rows on the unit sphere: no cluster structure, so rows keep changing centre for long. */
function unitRows(n: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed)
  const points = Float32Array.from({ length: n * d }, () => nextGaussian(random))
  normalizeDenseRows(points, d)
  return points
}

/** The first k rows as centres, a fresh copy each time (a run updates its seeds in place). */
function firstRowsAsSeeds(points: Float32Array, d: number, k: number) {
  return { centroids: points.slice(0, k * d) }
}

describe('the refinement stopping rule', () => {
  const d = 6
  const k = 12
  const m = 5000
  const points = unitRows(m, d, 7)
  const rows = Int32Array.from({ length: m }, (_, t) => t)

  it('stops Lloyd once fewer than minChanged rows change, on both bound schemes, with the same run up to there', () => {
    const seeds = () => firstRowsAsSeeds(points, d, k)
    const full = lloydElkan(points, d, rows, seeds(), k, 500, undefined, true)
    const stopped = lloydElkan(points, d, rows, seeds(), k, 500, undefined, true, undefined, refineMinChanged(m))
    expect(full.converged).toBe(true)
    expect(stopped.converged).toBe(true)
    expect(full.iterations).toBe(55)
    expect(stopped.iterations).toBe(51)
    // The stopped run is the full one cut short: rerunning the full one for as many iterations gives the same labels.
    const cut = lloydElkan(points, d, rows, seeds(), k, stopped.iterations, undefined, true)
    expect(Array.from(stopped.assignment)).toEqual(Array.from(cut.assignment))
    expect(stopped.inertia).toBe(cut.inertia)
    expect(stopped.inertia).toBeGreaterThanOrEqual(full.inertia)
    const hamerly = lloydHamerly(points, d, rows, seeds(), k, 500, refineMinChanged(m))
    expect(hamerly.iterations).toBe(stopped.iterations)
    expect(Array.from(hamerly.assignment)).toEqual(Array.from(stopped.assignment))
  })

  it('needs at least one changed row, so small runs still go to the fixed point', () => {
    expect(refineMinChanged(100)).toBe(1)
    expect(refineMinChanged(100_000)).toBe(100)
  })

  it('applies to the refinement above the consensus size and not below', () => {
    expect(m).toBeGreaterThan(RESTART_SAMPLE_ABOVE)
    const above = kmeans(points, d, { k, seed: 3, restarts: 2 })
    expect(above.iterations).toBe(46)
    // Stopped short of Lloyd's fixed point: from its centres, rows still change centre.
    expect(lloydElkan(points, d, rows, { centroids: above.centroids.slice() }, k, 500, undefined, true).iterations).toBeGreaterThan(1)
    const small = points.subarray(0, 2000 * d)
    const below = kmeans(small, d, { k, seed: 3, restarts: 2 })
    expect(below.iterations).toBe(87)
    // At the fixed point: one more pass changes no row.
    const smallRows = rows.subarray(0, 2000)
    expect(lloydElkan(small, d, smallRows, { centroids: below.centroids.slice() }, k, 500, undefined, true).iterations).toBe(1)
  })
})
