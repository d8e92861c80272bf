import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Atlas } from '../atlas/types.js'
import type { Talk } from '../types.js'
import { projectMap } from './projectMap.js'

/** An atlas stand-in carrying only what projectMap reads. */
function embeddingAtlas(rows: readonly (readonly number[])[]): Atlas {
  const dimensions = rows[0]?.length ?? 0
  const talks = rows.map((_, i) => ({ id: `t${i}`, title: '', abstract: '' }))
  return { talks, embedding: { dimensions, vectors: Float32Array.from(rows.flat()) } } as unknown as Atlas
}

/** Coordinates to 6 decimals, without negative zeros. */
const rounded = (values: Float32Array): number[] => Array.from(values, (value) => Math.round(value * 1e6) / 1e6 + 0)

const fixture = (name: string): Talk[] =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')).talks

describe('projectMap', () => {
  test('projectMap(atlas) puts points on a line onto the first axis, scaled to [-1, 1]', () => {
    const s = Math.SQRT1_2
    const { coordinates, explainedVariance } = projectMap(embeddingAtlas([[s, s, 0], [-s, -s, 0], [0, 0, 0]]))
    expect(rounded(coordinates)).toEqual([1, 0, -1, 0, 0, 0])
    expect(explainedVariance[0]).toBeCloseTo(1, 9)
    expect(explainedVariance[1]).toBeCloseTo(0, 9)
  })

  test('projectMap(atlas) orders axes by variance and fixes their signs', () => {
    const { coordinates, explainedVariance } = projectMap(embeddingAtlas([[0, 1], [0, -1], [-0.5, 0], [0.5, 0]]))
    // The y spread (variance 0.5) is the first axis, the x spread (0.125) the second.
    expect(rounded(coordinates)).toEqual([1, 0, -1, 0, 0, -0.5, 0, 0.5])
    expect(explainedVariance[0]).toBeCloseTo(0.8, 9)
    expect(explainedVariance[1]).toBeCloseTo(0.2, 9)
  })

  test('projectMap(atlas) gives zeros for one talk and for no talks', () => {
    expect(Array.from(projectMap(embeddingAtlas([[0.6, 0.8]])).coordinates)).toEqual([0, 0])
    expect(projectMap(embeddingAtlas([])).coordinates.length).toBe(0)
  })

  test('projectMap(atlas) of the networking fixture is byte-identical across runs and spans [-1, 1]', () => {
    const talks = fixture('lpc-networking-bpf.json')
    const first = projectMap(buildAtlas(talks, { seed: 7 })).coordinates
    const second = projectMap(buildAtlas(talks, { seed: 7 })).coordinates
    expect(Buffer.from(first.buffer).equals(Buffer.from(second.buffer))).toBe(true)
    expect(first.length).toBe(talks.length * 2)
    let extent = 0
    for (const value of first) extent = Math.max(extent, Math.abs(value))
    expect(extent).toBeCloseTo(1, 6)
  })
})
