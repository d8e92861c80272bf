/**
 * Invariants of the whole pipeline over generated corpora (fast-check, fixed seed).
 * Every property builds atlases on corpora of 0–40 talks written from a small technical
 * vocabulary, with stopwords, numbers, empty titles and empty abstracts mixed in.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAtlas, UNCLASSIFIED_THEME_ID } from '../src/atlas/buildAtlas.js'
import { loadAtlas, serializeAtlas } from '../src/atlas/serializeAtlas.js'
import type { Atlas } from '../src/atlas/types.js'
import { relatedTalks } from '../src/similarity/relatedTalks.js'
import { searchTalks } from '../src/similarity/searchTalks.js'
import type { Talk } from '../src/types.js'
import { corpusArbitrary, shuffled } from './corpus.js'

const SETTINGS = { seed: 20250201, numRuns: 40 }
const corpus = corpusArbitrary(0, 40)
const kOption = fc.oneof(fc.constant<'auto'>('auto'), fc.integer({ min: 1, max: 50 }))

/** Theme id of every talk, read from the themes (not from `assignments`). */
function themeOfTalk(atlas: Atlas): Map<string, string> {
  const out = new Map<string, string>()
  for (const theme of atlas.themes) for (const member of theme.talks) out.set(member.id, theme.id)
  return out
}

function expectUnitOrZeroRows(values: Float32Array, d: number): void {
  for (let i = 0; i < values.length / d; i++) {
    let sum = 0
    for (let c = i * d; c < (i + 1) * d; c++) sum += values[c]! * values[c]!
    if (sum !== 0) expect(Math.abs(Math.sqrt(sum) - 1)).toBeLessThan(1e-5)
  }
}

describe('buildAtlas(talks, options) on generated corpora', () => {
  it('puts every input talk in exactly one theme, matching assignments', () => {
    fc.assert(
      fc.property(corpus, kOption, (talks, k) => {
        const atlas = buildAtlas(talks, { k })
        const members = atlas.themes.flatMap((theme) => theme.talks.map((m) => m.id))
        expect(members.length).toBe(talks.length)
        expect(new Set(members).size).toBe(talks.length)
        expect(atlas.assignments.length).toBe(talks.length)
        talks.forEach((talk, i) => {
          const theme = atlas.themes[atlas.assignments[i]!]!
          expect(theme.talks.some((m) => m.id === talk.id)).toBe(true)
        })
        for (const theme of atlas.themes) expect(theme.talks.length).toBeGreaterThan(0)
        expect(new Set(atlas.themes.map((t) => t.id)).size).toBe(atlas.themes.length)
        const unclassified = atlas.themes.findIndex((t) => t.id === UNCLASSIFIED_THEME_ID)
        if (unclassified >= 0) expect(unclassified).toBe(atlas.themes.length - 1)
        if (typeof k === 'number') expect(atlas.themes.length - (unclassified >= 0 ? 1 : 0)).toBeLessThanOrEqual(k)
      }),
      SETTINGS,
    )
  })

  it('puts talks with the same title and abstract in the same theme', () => {
    fc.assert(
      fc.property(corpus, kOption, (talks, k) => {
        const themeOf = themeOfTalk(buildAtlas(talks, { k }))
        const byText = new Map<string, string>()
        for (const talk of talks) {
          const key = JSON.stringify([talk.title, talk.abstract])
          const theme = themeOf.get(talk.id)!
          expect(byText.get(key) ?? theme).toBe(theme)
          byText.set(key, theme)
        }
        expect(new Set(themeOf.values()).size).toBeLessThanOrEqual(byText.size)
      }),
      SETTINGS,
    )
  })

  it('keeps every score finite and within its documented range', () => {
    fc.assert(
      fc.property(corpus, kOption, (talks, k) => {
        const atlas = buildAtlas(talks, { k })
        const d = atlas.embedding.dimensions
        for (const value of atlas.matrix.data) expect(Number.isFinite(value) && value > 0 && value <= 1).toBe(true)
        for (const value of atlas.embedding.vectors) expect(Number.isFinite(value)).toBe(true)
        for (const value of atlas.centroids) expect(Number.isFinite(value)).toBe(true)
        for (const value of atlas.model.idf) expect(Number.isFinite(value) && value >= 1).toBe(true)
        expectUnitOrZeroRows(atlas.embedding.vectors, d)
        for (const theme of atlas.themes) {
          for (const member of theme.talks) expect(Math.abs(member.score)).toBeLessThanOrEqual(1)
          for (const keyword of theme.keywords) expect(Number.isFinite(keyword.score) && keyword.score > 0).toBe(true)
        }
        for (const score of atlas.kSearch?.scores ?? []) expect(Math.abs(score.silhouette)).toBeLessThanOrEqual(1)
        for (const talk of talks) {
          for (const hit of relatedTalks(atlas, talk.id, { top: 50 })) {
            expect(Number.isFinite(hit.score)).toBe(true)
            expect(Math.abs(hit.score)).toBeLessThanOrEqual(1)
          }
        }
      }),
      SETTINGS,
    )
  })

  it('never lists the query talk among its related talks, nor any talk twice', () => {
    fc.assert(
      fc.property(corpus, fc.integer({ min: 0, max: 60 }), (talks, top) => {
        const atlas = buildAtlas(talks, { k: 3 })
        for (const talk of talks) {
          const related = relatedTalks(atlas, talk.id, { top })
          const ids = related.map((r) => r.id)
          expect(ids).not.toContain(talk.id)
          expect(new Set(ids).size).toBe(ids.length)
          expect(related.length).toBe(Math.min(top, talks.length - 1))
          const scores = related.map((r) => r.score)
          expect(scores).toEqual([...scores].sort((a, b) => b - a))
        }
        // Search returns only talks with a positive score, never one twice.
        const hits = searchTalks(atlas, 'eBPF verifier and Rust lifetimes', { top })
        expect(hits.length).toBeLessThanOrEqual(Math.min(top, talks.length))
        expect(new Set(hits.map((hit) => hit.id)).size).toBe(hits.length)
        for (const hit of hits) expect(hit.score).toBeGreaterThan(0)
      }),
      SETTINGS,
    )
  })

  it('gives byte-identical JSON for the same input and seed, also after a save and load', () => {
    fc.assert(
      fc.property(corpus, kOption, fc.integer(), (talks, k, seed) => {
        const first = JSON.stringify(serializeAtlas(buildAtlas(talks, { k, seed })))
        const copy = JSON.parse(JSON.stringify(talks)) as Talk[]
        const second = JSON.stringify(serializeAtlas(buildAtlas(copy, { k, seed })))
        expect(second).toBe(first)
        expect(JSON.stringify(serializeAtlas(loadAtlas(JSON.parse(first))))).toBe(first)
      }),
      { ...SETTINGS, numRuns: 20 },
    )
  })

  it('gives the same themes, byte for byte, whatever the input order', () => {
    fc.assert(
      fc.property(corpus, kOption, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (talks, k, keys) => {
        const atlas = buildAtlas(talks, { k })
        const permuted = buildAtlas(shuffled(talks, keys), { k })
        expect(JSON.stringify(permuted.themes)).toBe(JSON.stringify(atlas.themes))
        expect(JSON.stringify(permuted.kSearch)).toBe(JSON.stringify(atlas.kSearch))
        expect(themeOfTalk(permuted)).toEqual(themeOfTalk(atlas))
        const [before, after] = [serializeAtlas(atlas), serializeAtlas(permuted)]
        for (const field of ['model', 'lsa', 'centroids', 'warnings'] as const) {
          expect(JSON.stringify(after[field])).toBe(JSON.stringify(before[field]))
        }
        // Per-talk rows follow the input order and hold the same values for the same talk.
        const d = atlas.embedding.dimensions
        const rowOf = new Map(permuted.talks.map((talk, i) => [talk.id, i]))
        talks.forEach((talk, i) => {
          const j = rowOf.get(talk.id)!
          expect(permuted.embedding.vectors.subarray(j * d, j * d + d)).toEqual(atlas.embedding.vectors.subarray(i * d, i * d + d))
          expect(permuted.matrix.data.subarray(permuted.matrix.indptr[j], permuted.matrix.indptr[j + 1])).toEqual(
            atlas.matrix.data.subarray(atlas.matrix.indptr[i], atlas.matrix.indptr[i + 1]),
          )
          expect(permuted.assignments[j]).toBe(atlas.assignments[i])
        })
      }),
      { ...SETTINGS, numRuns: 30 },
    )
  })

  it('gives the same partition and labels when ids are renamed', () => {
    fc.assert(
      fc.property(corpus, kOption, (talks, k) => {
        const renamed = talks.map((talk, i) => ({ ...talk, id: `renamed-${talks.length - i}` }))
        const newId = new Map(talks.map((talk, i) => [talk.id, renamed[i]!.id]))
        const atlas = buildAtlas(talks, { k })
        const again = buildAtlas(renamed, { k })
        const membersOf = (theme: Atlas['themes'][number], rename: (id: string) => string): string[] => theme.talks.map((m) => rename(m.id)).sort()
        expect(again.themes.map((t) => [t.id, t.label, membersOf(t, (id) => id)])).toEqual(
          atlas.themes.map((t) => [t.id, t.label, membersOf(t, (id) => newId.get(id)!)]),
        )
      }),
      { ...SETTINGS, numRuns: 20 },
    )
  })

  it('returns the same related talks whatever the input order', () => {
    fc.assert(
      fc.property(corpus, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (talks, keys) => {
        const atlas = buildAtlas(talks, { k: 4 })
        const permuted = buildAtlas(shuffled(talks, keys), { k: 4 })
        for (const talk of talks) expect(relatedTalks(permuted, talk.id, { top: 5 })).toEqual(relatedTalks(atlas, talk.id, { top: 5 }))
      }),
      { ...SETTINGS, numRuns: 20 },
    )
  })
})
