/**
 * The pipeline on corpora at the edges: none, one or two talks, k above the talk count,
 * identical talks, empty abstracts, stopwords or numbers only, hostile and non-Latin text,
 * a 1 MB abstract, and the storage an atlas keeps as the corpus grows.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { assignThemes } from '../src/atlas/assignThemes.js'
import { buildAtlas, UNCLASSIFIED_THEME_ID } from '../src/atlas/buildAtlas.js'
import { loadAtlas, serializeAtlas } from '../src/atlas/serializeAtlas.js'
import type { Atlas } from '../src/atlas/types.js'
import { InputError } from '../src/errors.js'
import { relatedTalks } from '../src/similarity/relatedTalks.js'
import { searchTalks } from '../src/similarity/searchTalks.js'
import type { Talk } from '../src/types.js'
import { fitTfidf } from '../src/vectorize/tfidf.js'
import { generateCorpus, TOPIC_WORDS } from './corpus.js'

function readEdge(name: string): Talk[] {
  return (JSON.parse(readFileSync(new URL(`../fixtures/edge/${name}.json`, import.meta.url), 'utf8')) as { talks: Talk[] }).talks
}

/** Checks exactly-once membership and finite scores, and returns theme id per talk id. */
function expectSoundAtlas(atlas: Atlas, talks: readonly Talk[]): Map<string, string> {
  const themeOf = new Map<string, string>()
  for (const theme of atlas.themes) {
    expect(theme.talks.length).toBeGreaterThan(0)
    for (const member of theme.talks) {
      expect(themeOf.has(member.id)).toBe(false)
      themeOf.set(member.id, theme.id)
      expect(Number.isFinite(member.score) && Math.abs(member.score) <= 1).toBe(true)
    }
  }
  expect([...themeOf.keys()].sort()).toEqual(talks.map((t) => t.id).sort())
  talks.forEach((talk, i) => expect(atlas.themes[atlas.assignments[i]!]!.id).toBe(themeOf.get(talk.id)))
  for (const value of atlas.embedding.vectors) expect(Number.isFinite(value)).toBe(true)
  for (const talk of talks) {
    for (const hit of relatedTalks(atlas, talk.id)) {
      expect(hit.id).not.toBe(talk.id)
      expect(Number.isFinite(hit.score) && Math.abs(hit.score) <= 1).toBe(true)
    }
  }
  const json = JSON.stringify(serializeAtlas(atlas))
  expect(JSON.stringify(serializeAtlas(loadAtlas(JSON.parse(json))))).toBe(json)
  return themeOf
}

const talkA = { id: 'a', title: 'eBPF verifier bounds', abstract: 'How the eBPF verifier tracks register bounds in XDP programs.' }
const talkB = { id: 'b', title: 'Rust borrow checker', abstract: 'Lifetimes, traits and the Rust borrow checker in async crates.' }

describe('buildAtlas on tiny corpora', () => {
  it("buildAtlas([]) returns an empty atlas for k: 'auto' and for a number", () => {
    for (const k of ['auto', 5] as const) {
      const atlas = buildAtlas([], { k })
      expect(atlas.themes).toEqual([])
      expect(atlas.assignments.length).toBe(0)
      expect(atlas.matrix.nRows).toBe(0)
      expect(searchTalks(atlas, 'eBPF')).toEqual([])
      expect(() => relatedTalks(atlas, 'a')).toThrow('related: no talk with id "a"')
      expect(assignThemes(atlas, [talkA])).toEqual([{ id: 'a', theme: UNCLASSIFIED_THEME_ID, score: 0 }])
      expectSoundAtlas(atlas, [])
    }
  })

  it('buildAtlas([talk]) puts the one talk in one theme with no related talks', () => {
    const talks = readEdge('tiny')
    for (const k of ['auto', 1, 7] as const) {
      const atlas = buildAtlas(talks, { k })
      expect(atlas.themes.map((t) => t.talks.map((m) => m.id))).toEqual([['only-talk']])
      expect(atlas.themes[0]!.id).toBe('theme-1')
      expect(relatedTalks(atlas, 'only-talk')).toEqual([])
      expectSoundAtlas(atlas, talks)
    }
  })

  it('buildAtlas([a, b]) relates each of two talks to the other only', () => {
    const talks = readEdge('pair')
    const atlas = buildAtlas(talks)
    expectSoundAtlas(atlas, talks)
    expect(relatedTalks(atlas, 'pair-networking', { top: 10 }).map((r) => r.id)).toEqual(['pair-speech'])
    expect(relatedTalks(atlas, 'pair-speech', { top: 10 }).map((r) => r.id)).toEqual(['pair-networking'])
  })

  it('forms at most as many themes as talks when k is larger, with a fewer-clusters warning', () => {
    const talks = [talkA, talkB, { ...talkA, id: 'c', title: 'XDP verifier' }, { ...talkB, id: 'd', title: 'async Rust' }]
    const atlas = buildAtlas(talks, { k: 40 })
    expectSoundAtlas(atlas, talks)
    expect(atlas.themes.length).toBeLessThanOrEqual(talks.length)
    expect(atlas.warnings.map((w) => w.code)).toContain('fewer-clusters')
    expect(atlas.warnings.find((w) => w.code === 'fewer-clusters')?.message).toMatch(/^kmeans: k=40 exceeds /)
  })
})

describe('buildAtlas on degenerate text', () => {
  it('puts talks with identical title and abstract in one theme, whatever k', () => {
    const talks = readEdge('identical')
    for (const k of ['auto', 1, 3, 5] as const) {
      const atlas = buildAtlas(talks, { k })
      expectSoundAtlas(atlas, talks)
      expect(atlas.themes.length).toBe(1)
      expect(atlas.themes[0]!.talks.map((m) => m.id)).toEqual(['same-1', 'same-2', 'same-3', 'same-4', 'same-5'])
    }
  })

  it('keeps identical copies together inside a larger corpus and lists them in id order', () => {
    const talks = [...generateCorpus(30, 4), { id: 'copy-b', ...textOf(talkA) }, { id: 'copy-a', ...textOf(talkA) }, talkA]
    const atlas = buildAtlas(talks, { k: 6 })
    const themeOf = expectSoundAtlas(atlas, talks)
    expect(new Set(['a', 'copy-a', 'copy-b'].map((id) => themeOf.get(id))).size).toBe(1)
    const related = relatedTalks(atlas, 'a', { top: 2 })
    expect(related.map((r) => r.id)).toEqual(['copy-a', 'copy-b'])
    expect(related[0]!.score).toBe(1)
  })

  it('accepts empty and whitespace-only abstracts and titles', () => {
    const talks = readEdge('empty-abstracts')
    const atlas = buildAtlas(talks)
    const themeOf = expectSoundAtlas(atlas, talks)
    expect(themeOf.get('blank-everything')).toBe(UNCLASSIFIED_THEME_ID)
  })

  it('keeps every talk of a boilerplate-only corpus in exactly one theme', () => {
    const talks = readEdge('stopwords-only')
    expectSoundAtlas(buildAtlas(talks), talks)
    expectSoundAtlas(buildAtlas(talks, { k: 4 }), talks)
  })

  it('puts talks made only of stopwords into the unclassified theme, with a warning', () => {
    const texts = ['In this talk we will present what we have done', 'We would like to share all of it with you', 'It is what it is, and so it will be']
    const talks = texts.map((abstract, i) => ({ id: `s${i}`, title: i === 0 ? 'The talk' : '', abstract }))
    const atlas = buildAtlas(talks)
    expectSoundAtlas(atlas, talks)
    expect(atlas.model.terms).toEqual([])
    expect(atlas.themes.map((t) => t.id)).toEqual([UNCLASSIFIED_THEME_ID])
    expect(atlas.warnings.find((w) => w.code === 'unclassified-talks')?.talkIds).toHaveLength(talks.length)
    expect(searchTalks(atlas, 'in this talk we will present').every((hit) => hit.score === 0)).toBe(true)
  })

  it('drops plain numbers but keeps every talk made only of numbers', () => {
    const talks = readEdge('numbers-only')
    const atlas = buildAtlas(talks)
    expectSoundAtlas(atlas, talks)
    for (const term of atlas.model.terms) expect(term).not.toMatch(/^[\d.,_-]+$/)
    const digits = buildAtlas(['1', '2', '3'].map((id) => ({ id, title: '2024 2025', abstract: '1.5 10-20 3,000 42' })))
    expect(digits.themes.map((t) => t.id)).toEqual([UNCLASSIFIED_THEME_ID])
  })

  it('handles CJK, right-to-left, emoji, combining accents and invisible characters', () => {
    const talks = readEdge('unicode')
    expectSoundAtlas(buildAtlas(talks), talks)
    expectSoundAtlas(buildAtlas(talks, { k: 4 }), talks)
  })

  it('keeps HTML, formulas, control characters and ids like __proto__ as plain data', () => {
    const talks = readEdge('hostile')
    const atlas = buildAtlas(talks, { k: 3 })
    expectSoundAtlas(atlas, talks)
    expect(relatedTalks(atlas, '__proto__', { top: 20 }).length).toBe(talks.length - 1)
    expect(relatedTalks(atlas, 'constructor', { top: 20 }).length).toBe(talks.length - 1)
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('rejects a repeated id naming both positions', () => {
    const talks = readEdge('duplicates')
    expect(() => buildAtlas(talks)).toThrow(InputError)
    expect(() => buildAtlas(talks)).toThrow('talks[2].id: duplicate talk id "shared-id" (also talks[0])')
  })

  it('treats NUL bytes, lone surrogates and NFC/NFD spellings as text, not as errors', () => {
    const talks = [
      { id: 'nul', title: 'eBPF\u0000verifier', abstract: 'XDP\u0000maps and \ud800 BTF \udfff' },
      { id: 'nfc', title: 'caf\u00e9 eBPF', abstract: 'r\u00e9sum\u00e9 of XDP maps' },
      { id: 'nfd', title: 'cafe\u0301 eBPF', abstract: 're\u0301sume\u0301 of XDP maps' },
      talkA,
      talkB,
    ]
    const atlas = buildAtlas(talks, { k: 2 })
    const themeOf = expectSoundAtlas(atlas, talks)
    expect(themeOf.get('nfc')).toBe(themeOf.get('nfd'))
    expect(relatedTalks(atlas, 'nfc', { top: 1 })[0]).toMatchObject({ id: 'nfd', score: 1 })
    const terms = fitTfidf(talks).model.terms
    expect(terms.filter((t) => t.startsWith('caf'))).toEqual(['café'])
    for (const term of terms) expect(term).not.toMatch(/[\u0000\ud800-\udfff]/)
  })

  it('builds an atlas around an abstract of 1 MB', () => {
    const words = TOPIC_WORDS.flat()
    const parts: string[] = []
    for (let i = 0, size = 0; size < 1 << 20; i++) {
      const part = i % 7 === 0 ? `${'x'.repeat(80)}-${i}` : i % 5 === 0 ? `${i}.${i}` : words[(i * 7919) % words.length]!
      parts.push(part)
      size += part.length + 1
    }
    const huge = { id: 'huge', title: 'Everything about eBPF, Rust and Kubernetes', abstract: parts.join(' ') }
    expect(huge.abstract.length).toBeGreaterThanOrEqual(1 << 20)
    const talks = [...generateCorpus(40, 9), huge]
    const atlas = buildAtlas(talks, { k: 3 })
    expectSoundAtlas(atlas, talks)
    // The 1 MB talk is one row like any other: its many repeats are damped by 1 + ln(tf).
    const row = talks.length - 1
    expect(atlas.matrix.indptr[row + 1]! - atlas.matrix.indptr[row]!).toBeLessThanOrEqual(atlas.model.terms.length)
  })
})

describe('atlas storage as the corpus grows', () => {
  it('keeps per-talk storage linear: rows, non-zeros and dimensions, nothing n × n', () => {
    for (const n of [300, 1200]) {
      const talks = generateCorpus(n, 2)
      const atlas = buildAtlas(talks, { k: 3, restarts: 2 })
      const d = atlas.embedding.dimensions
      const nnz = atlas.matrix.data.length
      expect(atlas.matrix.indptr.length).toBe(n + 1)
      expect(atlas.matrix.indices.length).toBe(nnz)
      expect(atlas.embedding.vectors.length).toBe(n * d)
      expect(atlas.lsa.components.length).toBe(atlas.model.terms.length * d)
      expect(atlas.centroids.length).toBe((atlas.themes.length - (atlas.themes.at(-1)?.id === UNCLASSIFIED_THEME_ID ? 1 : 0)) * d)
      expect(atlas.assignments.length).toBe(n)
      // Short talks: at most title + abstract words (15) plus phrases per row.
      expect(nnz).toBeLessThanOrEqual(n * 30)
    }
  })
})

function textOf(talk: Talk): { title: string; abstract: string } {
  return { title: talk.title, abstract: talk.abstract }
}
