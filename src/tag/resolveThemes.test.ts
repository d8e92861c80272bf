import { describe, expect, test } from 'vitest'
import { InputError } from '../errors.js'
import { matchKey, resolveThemes } from './resolveThemes.js'
import { BUILTIN_TAXONOMY, type Taxonomy } from './taxonomy.js'

describe('resolveThemes(themes, options)', () => {
  test('resolveThemes() returns the built-in taxonomy with at least 20 themes, each with aliases and keywords', () => {
    const themes = resolveThemes()
    expect(themes.length).toBe(BUILTIN_TAXONOMY.themes.length)
    expect(themes.length).toBeGreaterThanOrEqual(20)
    for (const theme of themes) {
      expect(theme.aliases.length, theme.name).toBeGreaterThan(0)
      expect(theme.keywords.length, theme.name).toBeGreaterThan(0)
      expect(theme.examples).toEqual([])
    }
    expect(themes[0]!.name).toBe('XDP')
  })

  test('resolveThemes([{ name: "tc" }]) inherits the aliases and keywords of "Traffic control"', () => {
    const [tc] = resolveThemes([{ name: 'tc' }])
    expect(tc!.name).toBe('tc')
    expect(tc!.inherited).toBe('Traffic control')
    expect(tc!.aliases).toContain('Traffic control')
    expect(tc!.aliases).not.toContain('tc')
    expect(tc!.keywords).toContain('qdisc')
  })

  test('names match taxonomy names and aliases without case, spaces or punctuation', () => {
    const names = ['XDP', 'traffic-control', 'SECCOMP', 'profiling', 'bpf ci', 'Multipath TCP']
    expect(resolveThemes(names.map((name) => ({ name }))).map((t) => t.inherited)).toEqual([
      'XDP',
      'Traffic control',
      'Seccomp',
      'Profiling and stack unwinding',
      'BPF CI and testing',
      'MPTCP',
    ])
  })

  test('a user theme keeps its own keywords and examples first, and unknown names inherit nothing', () => {
    const [xdp, other] = resolveThemes([
      { name: 'xdp', keywords: ['my-word'], examples: ['a', 'a', 'b'] },
      { name: 'Gardening', keywords: ['roses'] },
    ])
    expect(xdp!.keywords[0]).toBe('my-word')
    expect(xdp!.keywords).toContain('XDP_REDIRECT')
    expect(xdp!.examples).toEqual(['a', 'b'])
    expect(other).toEqual({ name: 'Gardening', aliases: [], keywords: ['roses'], examples: [], description: '' })
  })

  test('resolveThemes(themes, { taxonomy: null }) inherits nothing', () => {
    expect(resolveThemes([{ name: 'tc' }], { taxonomy: null })).toEqual([{ name: 'tc', aliases: [], keywords: [], examples: [], description: '' }])
  })

  test('a replacement taxonomy is used for both the default themes and inheritance', () => {
    const taxonomy: Taxonomy = { name: 'garden', themes: [{ name: 'Roses', aliases: ['rosa'], keywords: ['thorn'] }] }
    expect(resolveThemes(undefined, { taxonomy }).map((t) => t.name)).toEqual(['Roses'])
    expect(resolveThemes([{ name: 'Rosa' }], { taxonomy })[0]!.keywords).toEqual(['thorn'])
  })

  test('resolveThemes rejects a nameless theme, a duplicate name and a non-string keyword with the field', () => {
    expect(() => resolveThemes([{ name: '' }])).toThrow(InputError)
    expect(() => resolveThemes([{ name: 'a' }, { name: 'a' }])).toThrow(/themes\[1\]\.name.*duplicate theme name "a"/)
    expect(() => resolveThemes([{ name: 'a', keywords: [1] as unknown as string[] }])).toThrow(/themes\[0\]\.keywords/)
  })
})

describe('matchKey(name)', () => {
  test('matchKey keeps letters and digits in lower case', () => {
    expect(matchKey('AF_XDP')).toBe('afxdp')
    expect(matchKey('Traffic control')).toBe('trafficcontrol')
    expect(matchKey('Nix and NixOS')).toBe('nixandnixos')
  })

  test('matchKey keeps a name without letters or digits', () => {
    expect(matchKey(' // ')).toBe('//')
  })
})
