import { describe, expect, it } from 'vitest'
import type { Talk } from '../types.js'
import { renderRelated, renderThemes, type ThemeView } from './renderResults.js'

const talks = new Map<string, Talk>([
  ['a', { id: 'a', title: 'eBPF maps', abstract: '' }],
  ['b', { id: 'b', title: 'XDP =fast', abstract: '' }],
  ['c', { id: 'c', title: 'CSS grid', abstract: '' }],
])
const themes: ThemeView[] = [
  { id: 't1', label: 'ebpf / xdp', keywords: [{ term: 'ebpf', score: 0.5 }, { term: 'xdp', score: 0.4 }], talks: [{ id: 'a', score: 0.91234 }, { id: 'b', score: 0.8 }] },
  { id: 't2', label: 'css', keywords: [{ term: 'css', score: 0.9 }], talks: [{ id: 'c', score: 1 }] },
]

describe('renderThemes', () => {
  it('renderThemes(json) follows the contract: keywords as terms, talks as ids', () => {
    expect(JSON.parse(renderThemes(themes, talks, 'json', 80))).toEqual({
      themes: [
        { id: 't1', label: 'ebpf / xdp', keywords: ['ebpf', 'xdp'], talks: ['a', 'b'] },
        { id: 't2', label: 'css', keywords: ['css'], talks: ['c'] },
      ],
    })
  })

  it('renderThemes(csv) writes one row per talk, formula-like titles neutralised', () => {
    const withFormula = new Map(talks).set('b', { id: 'b', title: '=HYPERLINK("x")', abstract: '' })
    expect(renderThemes(themes, withFormula, 'csv', 80)).toBe([
      'theme_id,theme_label,theme_keywords,talk_id,talk_title,score',
      't1,ebpf / xdp,ebpf; xdp,a,eBPF maps,0.9123',
      't1,ebpf / xdp,ebpf; xdp,b,"\'=HYPERLINK(""x"")",0.8',
      't2,css,css,c,CSS grid,1',
      '',
    ].join('\n'))
  })

  it('renderThemes(md) lists talks under each theme heading', () => {
    expect(renderThemes(themes.slice(1), talks, 'md', 80)).toBe('# Themes (1)\n\n## css (1)\n\nKeywords: css\n\n- CSS grid (`c`)\n')
  })
})

describe('renderRelated', () => {
  const lists = new Map([['a', [{ id: 'b', score: 0.123456, terms: ['ebpf'] }]]])

  it('renderRelated("related", json) maps talk ids to lists with rounded scores', () => {
    expect(JSON.parse(renderRelated('related', lists, talks, 'json', 80))).toEqual({ related: { a: [{ id: 'b', score: 0.1235, terms: ['ebpf'] }] } })
  })

  it('renderRelated("related", json) keeps input order even for integer-like ids', () => {
    const ordered = new Map([['b', []], ['10', []]])
    expect(renderRelated('related', ordered, talks, 'json', 80)).toBe('{"related":{\n"b":[],\n"10":[]\n}}\n')
  })

  it('renderRelated("query", json) puts the hits under "query"', () => {
    const hits = new Map([['ebpf maps', [{ id: 'a', score: 0.5, terms: ['ebpf', 'maps'] }]]])
    expect(JSON.parse(renderRelated('query', hits, talks, 'json', 80))).toEqual({ query: [{ id: 'a', score: 0.5, terms: ['ebpf', 'maps'] }] })
  })

  it('renderRelated(csv) ranks related talks per talk', () => {
    expect(renderRelated('related', lists, talks, 'csv', 80)).toBe('talk_id,rank,related_id,related_title,score,terms\na,1,b,XDP =fast,0.1235,ebpf\n')
  })
})
