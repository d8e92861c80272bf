import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Talk } from '../types.js'
import { escapeMarkdown } from './escape.js'
import { renderMarkdownReport } from './renderMarkdownReport.js'

const fixture = (name: string): Talk[] =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')).talks

const networking = fixture('lpc-networking-bpf.json')
const atlas = buildAtlas(networking, { k: 12 })

describe('renderMarkdownReport', () => {
  test('renderMarkdownReport(atlas) lists every theme with its keywords and every talk exactly once', () => {
    const markdown = renderMarkdownReport(atlas, { title: 'LPC' })
    const lines = markdown.split('\n')
    expect(lines.slice(0, 5)).toEqual(['# LPC', '', `72 talks in ${atlas.themes.length} themes.`, '', '## Themes'])
    const first = atlas.themes[0]!
    expect(markdown).toContain(`### 1. ${escapeMarkdown(first.label)} (${first.talks.length} talks)\n\nKeywords: `)
    const items = lines.filter((line) => /^\d+\. /.test(line))
    expect(items).toHaveLength(networking.length)
    for (const talk of networking) {
      expect(items.filter((line) => line.includes(escapeMarkdown(talk.title))).length).toBeGreaterThanOrEqual(1)
    }
    expect(markdown.endsWith('\n')).toBe(true)
    expect(markdown).not.toContain('## Sessions')
  })

  test('renderMarkdownReport(atlas, { sessions }) writes the plan slot by slot with rooms and talks in order', () => {
    const [a, b, c] = networking
    const markdown = renderMarkdownReport(atlas, {
      sessions: {
        sessions: [
          { id: 's1', label: 'Fast paths', talks: [a!.id, b!.id], slot: 'Day 1 09:00', room: 'Hall A' },
          { id: 's2', label: 'Later', talks: [c!.id], slot: 'Day 1 10:00', room: 'Hall A' },
        ],
      },
    })
    const plan = markdown.slice(markdown.indexOf('## Sessions'))
    expect(plan).toBe(
      [
        '## Sessions', '', '### Day 1 09:00', '', '- **Hall A** · Fast paths',
        `    1. ${escapeMarkdown(a!.title)} — ${escapeMarkdown(a!.speakers!.join(', '))}`,
        `    2. ${escapeMarkdown(b!.title)} — ${escapeMarkdown(b!.speakers!.join(', '))}`,
        '', '### Day 1 10:00', '', '- **Hall A** · Later',
        `    1. ${escapeMarkdown(c!.title)} — ${escapeMarkdown(c!.speakers!.join(', '))}`,
        '',
      ].join('\n'),
    )
  })

  test('renderMarkdownReport(atlas) of hostile talks contains no raw HTML, links or headings from input', () => {
    const hostile = fixture('edge/hostile.json')
    const markdown = renderMarkdownReport(buildAtlas(hostile, { k: 2 }))
    expect(markdown).not.toMatch(/(^|[^\\])<[a-z/]/im)
    expect(markdown).not.toMatch(/(^|[^\\])\[link/)
    expect(markdown).toContain('\\# Heading \\| table \\| pipe')
    expect(markdown.split('\n').filter((line) => line.startsWith('#')).every((line) => /^#{1,3} /.test(line))).toBe(true)
  })
})
