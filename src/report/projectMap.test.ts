import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Atlas } from '../atlas/types.js'
import { OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { projectMap, centreOnBulk } from './projectMap.js'

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

const networking = fixture('lpc-networking-bpf.json')
const networkingAtlas = buildAtlas(networking)

/** Share of each talk's 5 nearest map neighbours that are in its theme. */
function themeNeighbourAgreement(coordinates: Float32Array): number {
  const n = coordinates.length / 2
  let agree = 0
  for (let i = 0; i < n; i++) {
    const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i)
    const distance = (j: number): number => Math.hypot(coordinates[2 * i]! - coordinates[2 * j]!, coordinates[2 * i + 1]! - coordinates[2 * j + 1]!)
    others.sort((a, b) => distance(a) - distance(b) || a - b)
    for (const j of others.slice(0, 5)) if (networkingAtlas.assignments[j] === networkingAtlas.assignments[i]) agree++
  }
  return agree / (n * 5)
}

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

  test.each(['umap', 'pca'] as const)('projectMap(atlas, { method: %s }) of the networking fixture is byte-identical across runs and spans [-1, 1]', (method) => {
    const first = projectMap(networkingAtlas, { method, seed: 7 })
    const second = projectMap(buildAtlas(networking), { method, seed: 7 })
    expect(first.method).toBe(method)
    expect(Buffer.from(first.coordinates.buffer).equals(Buffer.from(second.coordinates.buffer))).toBe(true)
    expect(first.coordinates.length).toBe(networking.length * 2)
    let extent = 0
    for (const value of first.coordinates) extent = Math.max(extent, Math.abs(value))
    expect(extent).toBeCloseTo(1, 6)
  })

  test('projectMap(atlas) uses UMAP from 16 talks and PCA below', () => {
    expect(projectMap(networkingAtlas).method).toBe('umap')
    expect(projectMap(buildAtlas(networking.slice(0, 15))).method).toBe('pca')
    expect(projectMap(buildAtlas(networking.slice(0, 16))).method).toBe('umap')
  })

  test('projectMap(atlas) with UMAP puts more same-theme talks next to each other than PCA', () => {
    const umap = themeNeighbourAgreement(projectMap(networkingAtlas, { method: 'umap' }).coordinates)
    const pca = themeNeighbourAgreement(projectMap(networkingAtlas, { method: 'pca' }).coordinates)
    expect(umap).toBeGreaterThan(pca)
  })

  test('projectMap(atlas, options) rejects an unknown method and a non-finite seed', () => {
    expect(() => projectMap(networkingAtlas, { method: 'tsne' as never })).toThrow("projectMap: method=\"tsne\"")
    expect(() => projectMap(networkingAtlas, { seed: Number.NaN })).toThrow(OptionError)
  })
  test('centreOnBulk centres a layout on its median and draws the farthest 2 % on the border', () => {
    const raw = new Float64Array(204)
    for (let i = 0; i < 100; i++) {
      raw[2 * i] = 10 + (i % 10) / 9
      raw[2 * i + 1] = 20 + Math.floor(i / 10) / 9
    }
    raw.set([1000, 1000, -500, 20.5], 200) // two detached talks
    const out = centreOnBulk(raw)
    const reach = (i: number) => Math.max(Math.abs(out[2 * i]!), Math.abs(out[2 * i + 1]!))
    const bound = Math.max(...Array.from({ length: 102 }, (_, i) => reach(i)))
    expect(bound).toBeLessThan(1) // the bulk's own half-width, not the outliers' 990
    expect(reach(100)).toBe(bound)
    expect(reach(101)).toBe(bound)
    expect(out[202]).toBe(-bound)
    expect(out[0]).toBeCloseTo(10 - 10.5, 9) // median of x is 10.5 (x = 10 + (i % 10) / 9)
  })
})
