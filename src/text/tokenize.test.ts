import { describe, expect, it } from 'vitest'
import { scanTokens, tokenize, MAX_TOKEN_LENGTH } from './tokenize.js'

describe('tokenize(text)', () => {
  it('keeps kernel identifiers, versions and language names whole', () => {
    expect(tokenize('AF_XDP sockets, net_cls and io_uring in v5.6 with C++, C# and .NET')).toEqual([
      'AF_XDP', 'sockets', 'net_cls', 'and', 'io_uring', 'in', 'v5.6', 'with', 'C++', 'C#', 'and', '.NET',
    ])
  })

  it('reads a token that ends the text whole or cut at its last joiner', () => {
    const ends = ['C+', 'C++', 'F#', 'x-', 'x.', '.NET', '.n', 'a\ud835', '\u{1d518}', 'it\u2019s', 'v5.']
    expect(ends.map((text) => tokenize(text))).toEqual([['C'], ['C++'], ['F#'], ['x'], ['x'], ['.NET'], ['n'], ['a'], ['\u{1d518}'], ['it'], ['v5']])
  })

  it('keeps eBPF/cBPF apart and XDP-hints together', () => {
    expect(tokenize('eBPF/cBPF XDP-hints')).toEqual(['eBPF', 'cBPF', 'XDP-hints'])
  })

  it('drops possessives and sentence punctuation', () => {
    expect(tokenize("Kubernetes' scheduler. BPF's verifier; the programs’ maps.")).toEqual([
      'Kubernetes', 'scheduler', 'BPF', 'verifier', 'the', 'programs', 'maps',
    ])
  })

  it('ignores runs of connectors and keeps non-Latin scripts', () => {
    expect(tokenize('----- ____ .... 日本語 naïve Ελληνικά')).toEqual(['日本語', 'naïve', 'Ελληνικά'])
  })

  it('skips tokens longer than MAX_TOKEN_LENGTH', () => {
    expect(tokenize(`short ${'a'.repeat(MAX_TOKEN_LENGTH + 1)} tail`)).toEqual(['short', 'tail'])
  })
})

describe('scanTokens(text, visit)', () => {
  it('reports punctuation boundaries between tokens, but not plain spaces or hyphens', () => {
    const seen: [string, boolean][] = []
    scanTokens('stack unwinding, frame pointers - ORC', (token, _start, boundary) => seen.push([token, boundary]))
    expect(seen).toEqual([
      ['stack', true], ['unwinding', false], ['frame', true], ['pointers', false], ['ORC', false],
    ])
  })

  it('treats a blank line as a boundary and a single newline as a space', () => {
    const seen: boolean[] = []
    scanTokens('packet\nscheduling\n\nqueue', (_t, _s, boundary) => seen.push(boundary))
    expect(seen).toEqual([true, false, true])
  })
})
