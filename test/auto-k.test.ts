/**
 * The automatic number of themes on small events: invented fixtures whose topics a reader
 * sees at once (fixtures/small/). Before the size prior the 12-talk workshop got 2 themes
 * and the 20-talk meetup 3, two topics mixed.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildAtlas, type Talk } from '../src/index.js'
import { normalizedMutualInfo } from '../src/eval.js'

function readLabelled(name: string): { talks: Talk[]; truth: string[] } {
  const raw = (JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as { talks: (Talk & { theme: string })[] }).talks
  return { talks: raw.map(({ theme: _theme, ...talk }) => talk), truth: raw.map((talk) => talk.theme) }
}

describe("buildAtlas with k: 'auto' on small events (truth removed)", () => {
  it.each([
    ['small/workshop-12.json', 3],
    ['small/four-topics-20.json', 4],
    ['ml-workshop.json', 5],
    ['lpc-networking-bpf.json', 12],
  ])('%s gets its %i topics, each theme one topic', (file, topics) => {
    const { talks, truth } = readLabelled(file)
    const atlas = buildAtlas(talks, { seed: 42 })
    expect(atlas.themes).toHaveLength(topics)
    if (topics < 12) expect(normalizedMutualInfo(truth, atlas.assignments)).toBe(1)
  })

  it('gives themes of 4 to 20 talks on average whatever the size', () => {
    for (const file of ['small/workshop-12.json', 'small/four-topics-20.json', 'ml-workshop.json', 'lpc-networking-bpf.json']) {
      const { talks } = readLabelled(file)
      const atlas = buildAtlas(talks, { seed: 42 })
      const average = talks.length / atlas.themes.length
      expect(average, file).toBeGreaterThanOrEqual(4)
      expect(average, file).toBeLessThanOrEqual(20)
    }
  })
})
