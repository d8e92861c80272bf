import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { labelVectors } from '../../test/helpers/labelVectors.js'
import { InputError, OptionError } from '../errors.js'
import { normalizedMutualInfo } from '../eval/normalizedMutualInfo.js'
import { groupSessions } from '../sessions/groupSessions.js'
import { relatedTalks } from '../similarity/relatedTalks.js'
import { findTalks, searchTalks } from '../similarity/searchTalks.js'
import { tagTalks } from '../tag/tagTalks.js'
import type { Talk } from '../types.js'
import { assignThemes } from './assignThemes.js'
import { buildAtlas } from './buildAtlas.js'
import { loadAtlas, serializeAtlas } from './serializeAtlas.js'
import { blendRows, resolveUserEmbedding } from './userEmbedding.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
  talks: (Talk & { theme: string })[]
}
const talks: Talk[] = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
const truth = fixture.talks.map((talk) => talk.theme)
const clean = labelVectors(truth, 0.2)
const assigned = (atlas: ReturnType<typeof buildAtlas>) => Array.from(atlas.assignments, (a) => atlas.themes[a]!.id)

describe('blendRows(lsa, lsaDimensions, given, givenDimensions, weight)', () => {
  it('gives unit rows whose dot products are (1 − w) · LSA cosine + w · given cosine', () => {
    const lsa = Float32Array.from([1, 0, 0.6, 0.8])
    const given = Float32Array.from([0, 1, 0, 1, 0, 0])
    const rows = blendRows(lsa, 2, given, 3, 0.25)
    expect(rows.length).toBe(10)
    const dot = (a: number, b: number) => rows.subarray(a * 5, a * 5 + 5).reduce((sum, x, c) => sum + x * rows[b * 5 + c]!, 0)
    expect(dot(0, 0)).toBeCloseTo(1, 6)
    expect(dot(1, 1)).toBeCloseTo(1, 6)
    expect(dot(0, 1)).toBeCloseTo(0.75 * 0.6 + 0.25 * 0, 6)
  })

  it('keeps a row without LSA coordinates zero for talks, and its given vector for queries', () => {
    const lsa = new Float32Array(2)
    const given = Float32Array.from([0, 1])
    expect(Array.from(blendRows(lsa, 2, given, 2, 0.5))).toEqual([0, 0, 0, 0])
    expect(Array.from(blendRows(lsa, 2, given, 2, 0.5, true))).toEqual([0, 0, 0, 1])
  })
})

describe('buildAtlas(talks, { embeddings })', () => {
  const words = buildAtlas(talks, { k: 12 })
  const withVectors = buildAtlas(talks, { k: 12, embeddings: clean })

  it('is the words-only atlas, byte for byte, at embeddingWeight 0', () => {
    const atWeightZero = buildAtlas(talks, { k: 12, embeddings: clean, embeddingWeight: 0 })
    expect(JSON.stringify(serializeAtlas(atWeightZero))).toBe(JSON.stringify(serializeAtlas(words)))
    expect(relatedTalks(atWeightZero, talks[0]!.id)).toEqual(relatedTalks(words, talks[0]!.id))
    expect(groupSessions(atWeightZero, { size: 4 })).toEqual(groupSessions(words, { size: 4 }))
  })

  it('follows vectors that carry the truth: themes match the labels better than the words alone', () => {
    const fromWords = normalizedMutualInfo(truth, assigned(words))
    const fromVectors = normalizedMutualInfo(truth, assigned(withVectors))
    expect(fromVectors).toBeGreaterThan(0.95)
    expect(fromVectors).toBeGreaterThan(fromWords)
    expect(withVectors.embedding.dimensions).toBe(words.embedding.dimensions + 32)
    expect(withVectors.userEmbedding?.weight).toBe(0.7)
  })

  it('still labels themes and explains related talks with words', () => {
    for (const theme of withVectors.themes) expect(theme.label).toMatch(/\p{L}/u)
    const related = relatedTalks(withVectors, talks[0]!.id, { top: 5 })
    expect(related.some((talk) => talk.terms.length > 0)).toBe(true)
    // Related talks follow the vectors: the five nearest share the first talk's label.
    const sameLabel = related.filter((talk) => truth[talks.findIndex((t) => t.id === talk.id)] === truth[0]).length
    expect(sameLabel).toBe(5)
  })

  it('gives the same atlas from a flat Float32Array with dimensions, for any input order, run after run', () => {
    const flat = new Float32Array(clean.length * 32)
    clean.forEach((row, i) => flat.set(row, i * 32))
    const again = buildAtlas(talks, { k: 12, embeddings: { vectors: flat, dimensions: 32 } })
    expect(JSON.stringify(serializeAtlas(again))).toBe(JSON.stringify(serializeAtlas(withVectors)))
    const reversed = buildAtlas([...talks].reverse(), { k: 12, embeddings: [...clean].reverse() })
    expect(assigned(reversed).reverse()).toEqual(assigned(withVectors))
  })

  it('moves themes further towards the vectors as the weight rises', () => {
    const noisy = labelVectors(truth, 1.2)
    const scores = [0, 0.5, 1].map((embeddingWeight) => normalizedMutualInfo(truth, assigned(buildAtlas(talks, { k: 12, embeddings: noisy, embeddingWeight }))))
    expect(scores[2]).toBeGreaterThan(scores[0]!)
  })

  it('uses the vectors for sessions and few-shot tags, every talk once', () => {
    const sessions = groupSessions(withVectors, { size: 6 })
    const placed = sessions.sessions.flatMap((session) => session.talks)
    expect(placed.length).toBe(talks.length)
    const pure = sessions.sessions.filter((session) => new Set(session.talks.map((id) => truth[talks.findIndex((t) => t.id === id)])).size === 1)
    expect(pure.length).toBeGreaterThanOrEqual(10)
    const examples = [0, 1].map((offset) => ({ name: truth[offset * 6]!, examples: [talks[offset * 6]!.id] }))
    const tags = tagTalks(withVectors, examples)
    expect(tags.talks.length).toBe(talks.length)
  })

  it('saves the vectors and loads an atlas that ranks and assigns like the built one', () => {
    const json = JSON.parse(JSON.stringify(serializeAtlas(withVectors))) as ReturnType<typeof serializeAtlas>
    expect(json.userEmbedding?.dimensions).toBe(32)
    const loaded = loadAtlas(json)
    expect(Array.from(loaded.embedding.vectors)).toEqual(Array.from(withVectors.embedding.vectors))
    expect(relatedTalks(loaded, talks[3]!.id)).toEqual(relatedTalks(withVectors, talks[3]!.id))
    const { userEmbedding: _dropped, ...older } = json
    expect(() => loadAtlas(older)).toThrow(InputError)
  })

  it('refuses saved vectors of the wrong size, out of range or not unit, naming the path', () => {
    const json = serializeAtlas(withVectors)
    const given = json.userEmbedding!
    expect(() => loadAtlas({ ...json, userEmbedding: { ...given, vectors: given.vectors.slice(1) } })).toThrow(/atlas\.userEmbedding\.vectors\.length/)
    expect(() => loadAtlas({ ...json, userEmbedding: { ...given, vectors: given.vectors.map((x, i) => (i === 5 ? 7 : x)) } })).toThrow(/atlas\.userEmbedding\.vectors\[5\]/)
    expect(() => loadAtlas({ ...json, userEmbedding: { ...given, vectors: given.vectors.map((x) => x / 2) } })).toThrow(/atlas\.userEmbedding\.vectors/)
    expect(() => loadAtlas({ ...json, userEmbedding: { ...given, weight: 0 } })).toThrow(/atlas\.userEmbedding\.weight/)
    expect(() => loadAtlas({ ...json, userEmbedding: { ...given, dimensions: 1e9 } })).toThrow(/atlas\.userEmbedding\.dimensions/)
  })

  it('assignThemes places new talks that come with their vectors, and by words without', () => {
    const newTalks = talks.slice(0, 12).map((talk) => ({ ...talk, abstract: 'A talk.', title: `New ${talk.id}` }))
    const byVectors = assignThemes(withVectors, newTalks, { embeddings: clean.slice(0, 12) })
    byVectors.forEach((assignment, i) => expect(assignment.theme).toBe(withVectors.themes[withVectors.assignments[i]!]!.id))
    expect(() => assignThemes(withVectors, newTalks, { embeddings: clean.slice(0, 11) })).toThrow(/11 vectors for 12 talks/)
    expect(() => assignThemes(withVectors, newTalks.slice(0, 1), { embeddings: [new Float32Array(3).fill(1)] })).toThrow(/3 dimensions, the atlas's have 32/)
    const byWords = assignThemes(withVectors, talks.slice(0, 3))
    for (const assignment of byWords) expect(assignment.theme).toMatch(/^theme-/)
  })

  it('searchTalks ranks by a query vector, even when no word of the query occurs', () => {
    const results = searchTalks(withVectors, 'zzzunknownword', { queryVector: clean[7]!, top: 6 })
    expect(results.length).toBe(6)
    for (const result of results) expect(truth[talks.findIndex((t) => t.id === result.id)]).toBe(truth[7])
    expect(findTalks(withVectors, 'zzzunknownword').talks).toEqual([])
    expect(() => searchTalks(withVectors, 'xdp', { queryVector: new Float32Array(5) })).toThrow(/5 values/)
  })
})

describe('buildAtlas(talks, { embeddings }) errors', () => {
  const build = (embeddings: unknown, embeddingWeight?: unknown) =>
    () => buildAtlas(talks, { k: 3, restarts: 1, embeddings, ...(embeddingWeight === undefined ? {} : { embeddingWeight }) } as never)

  it('names a missing vector, ragged dimensions, NaN, Infinity and a zero vector with the talk', () => {
    expect(build(clean.slice(1))).toThrow(/71 vectors for 72 talks/)
    const ragged = clean.map((row, i) => (i === 4 ? row.subarray(1) : row))
    expect(build(ragged)).toThrow(new RegExp(`embeddings\\[4\\] \\(talk "${talks[4]!.id}"\\).*ragged dimensions: 31 values, the first vector has 32`))
    const withNaN = clean.map((row, i) => (i === 2 ? Float32Array.from(row, (x, c) => (c === 3 ? Number.NaN : x)) : row))
    expect(build(withNaN)).toThrow(/embeddings\[2\].*NaN at dimension 3/)
    const withInfinity = clean.map((row, i) => (i === 2 ? Float32Array.from(row, (x, c) => (c === 0 ? Infinity : x)) : row))
    expect(build(withInfinity)).toThrow(/Infinity at dimension 0/)
    expect(build(clean.map((row, i) => (i === 9 ? new Float32Array(32) : row)))).toThrow(/embeddings\[9\].*all zeros/)
    expect(build({ vectors: new Float32Array(72 * 4 - 1), dimensions: 4 })).toThrow(/287 values are not 72 talks × 4 dimensions/)
  })

  it('refuses a weight outside [0, 1] and embeddings of the wrong type', () => {
    expect(build(clean, 1.5)).toThrow(OptionError)
    expect(build(clean, Number.NaN)).toThrow(/embeddingWeight/)
    expect(build({ vectors: [1, 2], dimensions: 2 })).toThrow(/embeddings/)
    expect(build({ vectors: new Float32Array(4), dimensions: 0 })).toThrow(/embeddings\.dimensions/)
    expect(build(clean.map((row) => Array.from(row)))).toThrow(/Float32Array/)
  })

  it('resolveUserEmbedding(…) keeps nothing at weight 0 and unit rows otherwise', () => {
    expect(resolveUserEmbedding(clean, 0, talks)).toBeUndefined()
    const given = resolveUserEmbedding([Float32Array.from([3, 4])], 1, [{ id: 'a' }])!
    expect(Array.from(given.vectors)).toEqual([Math.fround(0.6), Math.fround(0.8)])
  })

  it('resolveUserEmbedding(…) stores no −0, which JSON cannot keep (a saved atlas loads bit for bit)', () => {
    const given = resolveUserEmbedding([Float32Array.from([0, -1.401298464324817e-45, -2])], 1, [{ id: 'a' }])!
    expect(Object.is(given.vectors[1], 0)).toBe(true)
    expect(given.vectors[2]).toBe(-1)
  })
})
