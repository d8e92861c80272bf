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
    expect(lines.slice(0, 5)).toEqual(['# LPC', '', `72 talks in ${atlas.groups.length} groups of ${atlas.themes.length} themes.`, '', '## Themes'])
    const first = atlas.themes[0]!
    expect(markdown).toContain(`#### 1. ${escapeMarkdown(first.label)} (${first.talks.length} talks)\n\nKeywords: `)
    const items = lines.filter((line) => /^\d+\. /.test(line))
    expect(items).toHaveLength(networking.length)
    for (const talk of networking) {
      expect(items.filter((line) => line.includes(escapeMarkdown(talk.title))).length).toBeGreaterThanOrEqual(1)
    }
    expect(markdown.endsWith('\n')).toBe(true)
    expect(markdown).not.toContain('## Sessions')
  })

  test('renderMarkdownReport(atlas) nests themes under their group headings, as the HTML report does', () => {
    const markdown = renderMarkdownReport(atlas)
    const headings = markdown.split('\n').filter((line) => /^#{3,4} /.test(line))
    const themeNumber = new Map(atlas.themes.map((theme, c) => [theme.id, c + 1]))
    const expected = atlas.groups.flatMap((group) => [
      `### ${escapeMarkdown(group.label)} (${group.size} talks, ${group.themes.length} theme${group.themes.length === 1 ? '' : 's'})`,
      ...group.themes.map((id) => {
        const theme = atlas.themes[themeNumber.get(id)! - 1]!
        return `#### ${themeNumber.get(id)}. ${escapeMarkdown(theme.label)} (${theme.talks.length} talk${theme.talks.length === 1 ? '' : 's'})`
      }),
    ])
    expect(atlas.groups.length).toBeGreaterThan(1)
    expect(headings).toEqual(expected)
    // Under each group: its keywords, then only its themes; every theme once.
    const group = atlas.groups[0]!
    const section = markdown.slice(markdown.indexOf(`### ${escapeMarkdown(group.label)} (`), markdown.indexOf(`### ${escapeMarkdown(atlas.groups[1]!.label)} (`))
    expect(section).toContain(`Keywords: ${escapeMarkdown(group.keywords.map((k) => k.term).join(', '))}\n`)
    expect(section.split('\n').filter((line) => line.startsWith('#### ')).length).toBe(group.themes.length)
    expect(headings.filter((line) => line.startsWith('#### ')).length).toBe(atlas.themes.length)
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
    expect(markdown.split('\n').filter((line) => line.startsWith('#')).every((line) => /^#{1,4} /.test(line))).toBe(true)
  })
})
