import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { OptionError } from '../errors.js'
import { relatedTalks } from '../similarity/relatedTalks.js'
import type { Talk } from '../types.js'
import { renderHtmlReport } from './renderHtmlReport.js'

const fixture = (name: string): Talk[] =>
  JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')).talks

const hostile = fixture('edge/hostile.json')
const hostileAtlas = buildAtlas(hostile, { k: 2 })
const networking = fixture('lpc-networking-bpf.json')
const networkingAtlas = buildAtlas(networking, { k: 12 })

/** The text between `<tag…>` and `</tag>` for every such element. */
function elements(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]!)
}

const base64Sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64')

describe('renderHtmlReport', () => {
  test('renderHtmlReport(atlas) escapes every hostile title, abstract, speaker and id', () => {
    const html = renderHtmlReport(hostileAtlas)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;')
    expect(html).toContain('<code>&quot;&gt;&lt;img src=x onerror=alert(2)&gt;</code>')
    expect(html).not.toMatch(/<(img|svg|b)\b/)
    expect(html).not.toContain('\u001b')
    expect(html).not.toContain('\u0000')
  })

  test('renderHtmlReport(atlas) closes a bidi override in one speaker before the next speaker', () => {
    const talks = networking.slice(0, 12).map((talk, i) => (i === 0 ? { ...talk, speakers: ['\u202eecilA', 'Bob'] } : talk))
    const html = renderHtmlReport(buildAtlas(talks, { k: 2 }))
    expect(html).toContain('<span data-search>\u202eecilA\u202c, Bob</span>')
  })

  test('renderHtmlReport(atlas) has exactly one data block and one script, and the data parses back', () => {
    const html = renderHtmlReport(hostileAtlas)
    expect(html.match(/<script\b/g)).toHaveLength(2)
    expect(html.match(/<\/script>/g)).toHaveLength(2)
    const json = /<script type="application\/json" id="talkatlas-data">([\s\S]*?)<\/script>/.exec(html)![1]!
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    const data = JSON.parse(json)
    // Titles are not repeated in the data: the page's script reads them from the cards.
    expect(data.titles).toBeUndefined()
    expect(data.related).toHaveLength(hostile.length)
    expect(data.points).toHaveLength(hostile.length * 2)
    expect(data.themes).toEqual(Array.from(hostileAtlas.assignments))
  })

  test('renderHtmlReport(atlas) allows only its own inline script and style by SHA-256 and nothing from the network', () => {
    const html = renderHtmlReport(networkingAtlas)
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!
    const [style] = elements(html, 'style')
    const script = elements(html, 'script').at(-1)!
    expect(policy).toBe(
      `default-src 'none'; script-src 'sha256-${base64Sha256(script)}'; style-src 'sha256-${base64Sha256(style!)}'; ` +
        "img-src 'none'; base-uri 'none'; form-action 'none'",
    )
    expect(html).not.toMatch(/\b(src|href)="(?!#)/)
    expect(html).not.toMatch(/\sstyle="|\son\w+="|@import|url\(/)
  })

  test('renderHtmlReport(atlas) has one card per talk and every theme with its talks, most typical first', () => {
    const html = renderHtmlReport(networkingAtlas)
    expect(html.match(/<details class="talk" id="t-\d+"/g)).toHaveLength(networking.length)
    for (let c = 0; c < networkingAtlas.themes.length; c++) {
      const theme = networkingAtlas.themes[c]!
      const section = new RegExp(`<details class="theme" id="theme-${c}"[\\s\\S]*?</details>`).exec(html)![0]
      const members = [...section.matchAll(/<li data-talk="(\d+)">/g)].map((match) => networking[Number(match[1])]!.id)
      expect(members).toEqual(theme.talks.map((member) => member.id))
    }
  })

  test('renderHtmlReport(atlas) links each talk to its related talks with their shared terms', () => {
    const html = renderHtmlReport(networkingAtlas, { related: 3 })
    const card = /<details class="talk" id="t-0"[\s\S]*?<\/details>/.exec(html)![0]
    expect(card).toContain('<h3>Related talks</h3><ol class="related"></ol>')
    const data = JSON.parse(/<script type="application\/json" id="talkatlas-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as { related: number[][]; terms: string[] }
    expect(data.related).toHaveLength(networking.length)
    // Per related talk: position, score in hundredths, number of shared terms, term numbers.
    const expected = relatedTalks(networkingAtlas, networking[0]!.id, { top: 3 })
    const entries: { id: string; score: number; terms: string[] }[] = []
    const flat = data.related[0]!
    for (let r = 0; r < flat.length; r += 3 + flat[r + 2]!) {
      entries.push({ id: networking[flat[r]!]!.id, score: flat[r + 1]!, terms: flat.slice(r + 3, r + 3 + flat[r + 2]!).map((t) => data.terms[t]!) })
    }
    expect(entries).toEqual(expected.map((item) => ({ id: item.id, score: Math.round(item.score * 100), terms: item.terms })))
    expect(entries.some((entry) => entry.terms.length > 0)).toBe(true)
    // Each shared term is written once.
    expect(new Set(data.terms).size).toBe(data.terms.length)
  })

  test('renderHtmlReport(atlas, { sessions, tags }) shows the plan by slot and room and tags per talk', () => {
    const [a, b, c] = networking.map((talk) => talk.id)
    const html = renderHtmlReport(networkingAtlas, {
      sessions: {
        sessions: [
          { id: 's1', label: 'Fast paths', talks: [a!, b!], slot: '09:00', room: 'Hall <A>' },
          { id: 's2', label: 'Other', talks: [c!, 'no-such-talk'], slot: '10:00', room: 'Room B' },
        ],
      },
      tags: JSON.parse('{"__proto__": [{"theme": "Proto", "score": 0.5}]}'),
      title: 'LPC & friends',
    })
    const plan = /<section class="panel" id="sessions"[\s\S]*?<\/section>/.exec(html)![0]
    expect(plan).toContain('<tr><th>Slot</th><th>Hall &lt;A&gt;</th><th>Room B</th></tr>')
    expect(plan).toMatch(/<tr><th>09:00<\/th><td><div class="session" id="session-0"><span class="session-label">Fast paths<\/span><ol><li><a href="#t-0">/)
    expect(plan).toContain('<li>no-such-talk <em>(not in the atlas)</em></li>')
    expect(html).toContain('<title>LPC &amp; friends</title>')
    const numbered = renderHtmlReport(networkingAtlas, { sessions: { sessions: [{ id: 's1', label: 'x', talks: [a!], slot: 2, room: 1 }] } })
    expect(numbered).toContain('<tr><th>Slot</th><th>Room 1</th></tr><tr><th>Slot 2</th>')
    const tagsAtlas = buildAtlas(hostile, { k: 2 })
    const tagged = renderHtmlReport(tagsAtlas, { tags: JSON.parse('{"__proto__": [{"theme": "<Proto>", "score": 0.5}]}') })
    const protoRow = hostile.findIndex((talk) => talk.id === '__proto__')
    const card = new RegExp(`<details class="talk" id="t-${protoRow}"[\\s\\S]*?</details>`).exec(tagged)![0]
    expect(card).toContain('<span class="tag">&lt;Proto&gt; <span class="score">0.50</span></span>')
  })

  test('renderHtmlReport(atlas) is byte-identical for the same atlas', () => {
    expect(renderHtmlReport(networkingAtlas)).toBe(renderHtmlReport(networkingAtlas))
  })

  test('renderHtmlReport(atlas, options) rejects bad options with OptionError', () => {
    expect(() => renderHtmlReport(networkingAtlas, { related: -1 })).toThrow(OptionError)
    expect(() => renderHtmlReport(networkingAtlas, { related: 1.5 })).toThrow('renderHtmlReport: related=1.5')
    expect(() => renderHtmlReport(networkingAtlas, { related: 101 })).toThrow('renderHtmlReport: related=101 is invalid, expected an integer from 0 to 100')
    expect(() => renderHtmlReport(networkingAtlas, { sessions: { sessions: [{ id: 'x' }] } as never })).toThrow(OptionError)
  })
})
