import { describe, expect, it } from 'vitest'
import type { CompareResult, ThemeChange } from '../compare/types.js'
import { OptionError } from '../errors.js'
import { renderCompareHtml } from './renderCompareHtml.js'
import { cspHash } from './sha256.js'

const theme = (id: string, label: string, before: number, after: number, kind: ThemeChange['kind']): ThemeChange => ({
  id, label, keywords: [], before, after, change: after - before, shareChange: 0, kind,
  beforeTalks: { talks: Array.from({ length: before }, (_, i) => `b${id}${i}`), examples: [] },
  afterTalks: { talks: Array.from({ length: after }, (_, i) => `a${id}${i}`), examples: ['<script>alert(1)</script>'] },
})

const result: CompareResult = {
  editions: { before: 5, after: 9 },
  k: 3,
  themes: [theme('theme-2', 'new <b>thing</b>', 0, 6, 'new'), theme('theme-1', 'steady', 3, 3, 'steady'), theme('theme-3', '"><svg onload=x>', 2, 0, 'faded')],
  warnings: [],
}

describe('renderCompareHtml', () => {
  const html = renderCompareHtml(result, { names: { before: '2024', after: '2025 & <i>' } })

  it('draws one mark per theme in the result order, growth green and fading red', () => {
    expect([...html.matchAll(/<g class="mark (\w+)" data-theme="([^"]+)" data-kind="(\w+)">/g)].map((m) => [m[2], m[1], m[3]])).toEqual([
      ['theme-2', 'up', 'new'], ['theme-1', 'flat', 'steady'], ['theme-3', 'down', 'faded'],
    ])
    expect(html.match(/<tr id="theme-\d">/g)).toHaveLength(3)
  })

  it('escapes every input text and allows no script and nothing from the network', () => {
    expect(html).not.toMatch(/<script|<b>thing|<svg onload|<i>/)
    expect(html).toContain('new &lt;b&gt;thing&lt;/b&gt;')
    expect(html).toContain('2025 &amp; &lt;i&gt;')
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!
    expect(policy).toContain("default-src 'none'")
    expect(policy).not.toContain('script-src')
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!
    expect(policy).toContain(`style-src ${cspHash(style)}`)
  })

  it('lists every talk of each edition, by title when the talks are given', () => {
    const titled = renderCompareHtml(result, { talks: { before: [{ id: 'btheme-30', title: 'Old & gone', abstract: '' }], after: [] } })
    expect(titled).toContain('<li>Old &amp; gone</li>')
    expect(titled).toContain('<li>btheme-31</li>')
    expect(titled).toContain('<title>What changed: before → after</title>')
  })

  it('is byte-identical for the same result and rejects a non-string name', () => {
    expect(renderCompareHtml(result, { names: { before: '2024', after: '2025 & <i>' } })).toBe(html)
    expect(() => renderCompareHtml(result, { names: { before: 2024 as unknown as string, after: '2025' } })).toThrow(OptionError)
  })
})
