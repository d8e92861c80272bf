import { describe, expect, it } from 'vitest'
import { primeScanner, SCANNER_PRIMER } from './primeScanner.js'
import { tokenize } from './tokenize.js'

describe('primeScanner', () => {
  it('SCANNER_PRIMER holds every token shape the scanner reads, and one it skips', () => {
    expect(tokenize(SCANNER_PRIMER)).toEqual([
      'AF_XDP', 'XDP-hints', 'in', 'v5.6', 'C++', 'or', 'F#', 'on', '.NET', 'BPF', 'maps', 'io_uring', 'q', 't', 'x',
      'Straße', 'e\u0301t\u00e9', '\u{1d518}x', '中文', 'end', 'last',
    ])
  })

  it('primeScanner() reads the primer twelve times', () => {
    expect(primeScanner()).toBe(12 * 21)
  })

  it('tokenize(text) reads the same tokens after priming', () => {
    const text = 'XDP-hints for AF_XDP on .NET, C++ and F#: BPF\u2019s maps.'
    const before = tokenize(text)
    primeScanner()
    expect(tokenize(text)).toEqual(before)
    expect(before).toEqual(['XDP-hints', 'for', 'AF_XDP', 'on', '.NET', 'C++', 'and', 'F#', 'BPF', 'maps'])
  })
})
