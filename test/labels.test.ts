/**
 * Theme labels on the invented fixtures: topical terms only, no word said twice, no term
 * that most of the corpus uses. Before the label filter the LPC fixture had
 * `documentation · docs.kernel.org · doc` and `metrics · caught · counts`.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isLabelTerm } from '../src/cluster/labelTerms.js'
import { buildAtlas, type Talk } from '../src/index.js'

function talksOf(name: string): Talk[] {
  const raw = (JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as { talks: (Talk & { theme: string })[] }).talks
  return raw.map(({ theme: _theme, ...talk }) => talk)
}

describe('theme labels on the fixtures', () => {
  it.each(['lpc-networking-bpf.json', 'ml-workshop.json', 'small/four-topics-20.json'])('%s: nameable terms, no word twice', (file) => {
    const atlas = buildAtlas(talksOf(file), { seed: 42 })
    for (const theme of atlas.themes) {
      const terms = theme.label.split(' · ')
      for (const term of terms) expect(isLabelTerm(term), `${term} in ${theme.label}`).toBe(true)
      const words = terms.flatMap((term) => term.toLowerCase().split(/[\s-]+/))
      expect(new Set(words).size, theme.label).toBe(words.length)
      for (const keyword of theme.keywords) expect(isLabelTerm(keyword.term), keyword.term).toBe(true)
    }
  })

  it('names no theme after a word most talks of the corpus use', () => {
    // Every LPC talk is about BPF or networking: those words say nothing about one theme.
    const atlas = buildAtlas(talksOf('lpc-networking-bpf.json'), { seed: 42 })
    for (const theme of atlas.themes) expect(theme.label.toLowerCase().split(/ · /)).not.toContain('bpf')
  })
})
