/**
 * Quality floors on the project's own labelled fixture: 72 invented talks in 12 themes
 * (`theme` field), which the library never sees. docs/quality.md has the figures.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas, relatedTalks, type Talk } from '../src/index.js'
import { normalizedMutualInfo, precisionAtK } from '../src/eval.js'

const fixture = JSON.parse(readFileSync(new URL('../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
  talks: (Talk & { theme: string })[]
}
const raw = fixture.talks
const truth = raw.map((talk) => talk.theme)
const talks: Talk[] = raw.map(({ theme: _theme, ...talk }) => talk)
const K = new Set(truth).size

describe('buildAtlas on the LPC networking/BPF fixture (truth removed)', () => {
  it.each([42, 1, 2])('recovers the 12 themes at k=12 with NMI ≥ 0.8 for seed %i', (seed) => {
    const atlas = buildAtlas(talks, { k: K, seed })
    expect(atlas.themes).toHaveLength(12)
    expect(normalizedMutualInfo(truth, atlas.assignments)).toBeGreaterThanOrEqual(0.8)
  })

  it('labels the theme holding most XDP talks with the surface form "XDP"', () => {
    const atlas = buildAtlas(talks, { k: K })
    const votes = new Map<number, number>()
    truth.forEach((label, i) => {
      if (label === 'xdp') votes.set(atlas.assignments[i]!, (votes.get(atlas.assignments[i]!) ?? 0) + 1)
    })
    const [theme] = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]!
    expect(atlas.themes[theme]!.label).toContain('XDP')
  })

  it('relatedTalks puts talks of the query label in the top 3 with precision ≥ 0.8', () => {
    // 0.819 at seed 42 with topicality weights and co-association (docs/quality.md); other
    // seeds give 0.750–0.824, so the floor holds for this seed, not for every seed.
    const atlas = buildAtlas(talks, { k: K })
    const position = new Map(talks.map((talk, i) => [talk.id, i]))
    const neighbours = talks.map((talk) => relatedTalks(atlas, talk.id, { top: 3 }).map((r) => position.get(r.id)!))
    expect(precisionAtK(neighbours, truth, 3)).toBeGreaterThanOrEqual(0.8)
  })
})
