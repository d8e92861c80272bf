import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InputError, OptionError } from '../errors.js'
import { relatedTalks } from '../similarity/relatedTalks.js'
import { searchTalks } from '../similarity/searchTalks.js'
import type { Talk } from '../types.js'
import { assignThemes } from './assignThemes.js'
import { buildAtlas, buildAtlasWith, UNCLASSIFIED_THEME_ID } from './buildAtlas.js'
import { resolveSmoothing } from './embed.js'
import { mergeTermStreams, readTalkTerms, type TfidfOptions } from '../vectorize/tfidf.js'
import { kmeans } from '../cluster/kmeans.js'
import type { KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { loadAtlas, serializeAtlas } from './serializeAtlas.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
  talks: (Talk & { theme: string })[]
}
const talks: Talk[] = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
const atlas = buildAtlas(talks, { k: 12 })

describe('buildAtlas(talks, options)', () => {
  it('puts every talk in exactly one theme', () => {
    const ids = atlas.themes.flatMap((theme) => theme.talks.map((member) => member.id))
    expect(ids.length).toBe(talks.length)
    expect(new Set(ids)).toEqual(new Set(talks.map((t) => t.id)))
    atlas.themes.forEach((theme, index) => {
      for (const member of theme.talks) expect(atlas.assignments[talks.findIndex((t) => t.id === member.id)]).toBe(index)
    })
  })

  it('orders themes by size and members by typicality', () => {
    for (let t = 1; t < atlas.themes.length; t++) expect(atlas.themes[t - 1]!.talks.length).toBeGreaterThanOrEqual(atlas.themes[t]!.talks.length)
    for (const theme of atlas.themes) {
      const scores = theme.talks.map((m) => m.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      for (const score of scores) expect(Math.abs(score)).toBeLessThanOrEqual(1)
    }
  })

  it('labels themes with 1 to 3 terms and keeps keywords scored best first', () => {
    for (const theme of atlas.themes) {
      const parts = theme.label.split(' · ')
      expect(parts.length).toBeGreaterThanOrEqual(1)
      expect(parts.length).toBeLessThanOrEqual(3)
      const scores = theme.keywords.map((k) => k.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
    }
  })

  it('gives byte-identical JSON for the same seed and input', () => {
    const again = buildAtlas(talks, { k: 12 })
    expect(JSON.stringify(serializeAtlas(again))).toBe(JSON.stringify(serializeAtlas(atlas)))
  })

  it("chooses k itself with k: 'auto' and reports the search", () => {
    const auto = buildAtlas(talks)
    expect(auto.kSearch?.scores.length).toBeGreaterThan(2)
    expect(auto.themes.length).toBe(auto.kSearch?.k)
  })

  it('puts talks without any known term into the unclassified theme, with a warning', () => {
    const withEmpty = [...talks, { id: 'empty', title: '', abstract: '' }, { id: 'noise', title: 'zzqx', abstract: 'qqxv' }]
    const result = buildAtlas(withEmpty, { k: 12 })
    const last = result.themes[result.themes.length - 1]!
    expect(last.id).toBe(UNCLASSIFIED_THEME_ID)
    expect(last.talks.map((m) => m.id)).toEqual(['empty', 'noise'])
    expect(result.warnings.find((w) => w.code === 'unclassified-talks')?.talkIds).toEqual(['empty', 'noise'])
  })

  it('rejects duplicate ids and malformed talks with the field named', () => {
    expect(() => buildAtlas([talks[0]!, talks[0]!])).toThrow(InputError)
    expect(() => buildAtlas([talks[0]!, talks[0]!])).toThrow(`talks[1].id: duplicate talk id "${talks[0]!.id}" (also talks[0])`)
    expect(() => buildAtlas([{ id: 'x', title: 'y' } as unknown as Talk])).toThrow('talks[0].abstract: abstract must be a string')
  })

  it("smooths with 5 neighbours by default ('auto') on a conference-sized input", () => {
    expect(atlas.options.smoothing).toBe('auto')
    const five = buildAtlas(talks, { k: 12, smoothing: 5 })
    expect(Array.from(five.embedding.vectors)).toEqual(Array.from(atlas.embedding.vectors))
    expect(JSON.stringify(five.themes)).toBe(JSON.stringify(atlas.themes))
    const none = buildAtlas(talks, { k: 12, smoothing: 0 })
    expect(Array.from(none.embedding.vectors)).not.toEqual(Array.from(atlas.embedding.vectors))
  })

  it("resolves smoothing 'auto' to 5 neighbours up to 20,000 talks and none above; numbers are kept", () => {
    expect(resolveSmoothing('auto', 20000)).toBe(5)
    expect(resolveSmoothing('auto', 20001)).toBe(0)
    expect(resolveSmoothing(3, 100000)).toBe(3)
    expect(resolveSmoothing(undefined, 10)).toBe(0) // atlases saved before smoothing existed
  })

  it('buildAtlasWith runners that read the talks in parts and run k-means out of order give the atlas of buildAtlas', async () => {
    const readTerms = (ordered: readonly Talk[], tfidf: TfidfOptions) =>
      mergeTermStreams([readTalkTerms(ordered.slice(0, 30), tfidf), readTalkTerms(ordered.slice(30, 31), tfidf), readTalkTerms(ordered.slice(31), tfidf)])
    const parts = await buildAtlasWith(talks, { k: 12 }, { readTerms })
    expect(JSON.stringify(serializeAtlas(parts))).toBe(JSON.stringify(serializeAtlas(atlas)))
    // A k-means runner that runs the batch backwards (as threads would finish) gives the same atlas.
    const backwards: KmeansBatchRunner = (points, d, jobs) => jobs.map((_, i) => jobs.length - 1 - i).map((i) => kmeans(points, d, jobs[i]!)).reverse()
    const auto = buildAtlas(talks)
    expect(JSON.stringify(serializeAtlas(await buildAtlasWith(talks, {}, { readTerms, runKmeans: backwards })))).toBe(JSON.stringify(serializeAtlas(auto)))
    await expect(buildAtlasWith(talks, { k: 12 }, { readTerms: (ordered, tfidf) => readTalkTerms(ordered.slice(1), tfidf) })).rejects.toThrow(
      `buildAtlasWith: the reader returned ${talks.length - 1} talks for ${talks.length}`,
    )
  })

  it('keeps the consensus runs as an ensemble in input order', () => {
    const n = talks.length
    expect(atlas.ensemble?.runs).toBe(20)
    expect(atlas.ensemble?.labels.length).toBe(20 * n)
    // Talks the themes put together are put together by most runs.
    let together = 0
    let pairs = 0
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (atlas.assignments[i] !== atlas.assignments[j]) continue
        pairs++
        for (let r = 0; r < 20; r++) if (atlas.ensemble!.labels[r * n + i] === atlas.ensemble!.labels[r * n + j]) together++
      }
    }
    expect(together / (pairs * 20)).toBeGreaterThan(0.5)
    const reversed = buildAtlas([...talks].reverse(), { k: 12 })
    const first = (a: typeof atlas, id: string) => {
      const i = a.talks.findIndex((t) => t.id === id)
      return Array.from({ length: 20 }, (_, r) => a.ensemble!.labels[r * n + i])
    }
    expect(first(reversed, talks[0]!.id)).toEqual(first(atlas, talks[0]!.id))
  })

  it('rejects bad options', () => {
    expect(() => buildAtlas(talks, { smoothing: -1 })).toThrow("buildAtlas: smoothing=-1 is invalid, expected an integer ≥ 0 or 'auto'")
    expect(() => buildAtlas(talks, { k: 0 })).toThrow(OptionError)
    expect(() => buildAtlas(talks, { k: 2.5 })).toThrow("buildAtlas: k=2.5 is invalid, expected an integer in [1, 100000] or 'auto'")
  })
})

describe('relatedTalks(atlas, id, options) and searchTalks(atlas, text, options)', () => {
  it('never returns the query talk and sorts by score with shared terms', () => {
    for (const talk of talks.slice(0, 10)) {
      const related = relatedTalks(atlas, talk.id, { top: 5 })
      expect(related.length).toBe(5)
      expect(related.map((r) => r.id)).not.toContain(talk.id)
      const scores = related.map((r) => r.score)
      expect(scores).toEqual([...scores].sort((a, b) => b - a))
      for (const r of related) expect(r.score).toBeLessThanOrEqual(1)
    }
    const first = relatedTalks(atlas, talks[0]!.id, { top: 1 })[0]!
    expect(first.terms.length).toBeGreaterThan(0)
  })

  it('finds MPTCP talks for a multipath query', () => {
    const hits = searchTalks(atlas, 'multipath TCP subflows', { top: 3 })
    for (const hit of hits) expect(fixture.talks.find((t) => t.id === hit.id)?.theme).toBe('mptcp')
  })

  it('throws InputError for an unknown id', () => {
    expect(() => relatedTalks(atlas, 'nope')).toThrow('related: no talk with id "nope"')
  })
})

describe('serializeAtlas(atlas) and loadAtlas(json)', () => {
  const loaded = loadAtlas(JSON.parse(JSON.stringify(serializeAtlas(atlas))))

  it('round-trips to identical themes, JSON and related lists', () => {
    expect(loaded.themes).toEqual(atlas.themes)
    expect(JSON.stringify(serializeAtlas(loaded))).toBe(JSON.stringify(serializeAtlas(atlas)))
    for (const talk of talks) expect(relatedTalks(loaded, talk.id)).toEqual(relatedTalks(atlas, talk.id))
    expect(searchTalks(loaded, 'seccomp notify')).toEqual(searchTalks(atlas, 'seccomp notify'))
  })

  it('assigns the fitted talks to their own themes without a refit', () => {
    const assigned = assignThemes(loaded, talks)
    assigned.forEach((a, i) => expect(a.theme).toBe(atlas.themes[atlas.assignments[i]!]!.id))
  })

  it('assigns a new talk to the theme of its topic', () => {
    const [assignment] = assignThemes(loaded, [
      { id: 'new', title: 'Multipath TCP path managers', abstract: 'MPTCP subflows, the path manager and the scheduler of multipath TCP connections.' },
    ])
    const theme = loaded.themes.find((t) => t.id === assignment!.theme)!
    const labels = theme.talks.map((m) => fixture.talks.find((t) => t.id === m.id)!.theme)
    expect(labels.filter((l) => l === 'mptcp').length).toBeGreaterThan(labels.length / 2)
  })

  it('refuses data that is not an atlas', () => {
    expect(() => loadAtlas({ format: 'other' })).toThrow('format: not a talkatlas atlas')
    expect(() => loadAtlas({ ...serializeAtlas(atlas), version: 99 })).toThrow('unsupported atlas version 99')
  })
})
