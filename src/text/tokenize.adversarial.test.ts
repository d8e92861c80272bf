/**
 * The tokenizer on hostile input. The pattern has no nested quantifier over overlapping
 * classes, so it never backtracks more than a character: every pathological megabyte below
 * tokenises in linear time. Timing is checked with one coarse bound (5 s per megabyte, about
 * a hundred times the measured cost), which only a quadratic regression can break.
 */
import { describe, expect, it } from 'vitest'
import { MAX_TOKEN_LENGTH, scanTokens, tokenize } from './tokenize.js'

const MB = 1 << 20

/**
 * `unit` repeated to at least 1 MB.
 * @param unit Text to repeat.
 */
function megabyteOf(unit: string): string {
  return unit.repeat(Math.ceil(MB / unit.length))
}

/** Tokens and the time taken, in milliseconds. */
function timedTokenize(text: string): { count: number; longest: number; ms: number } {
  const started = performance.now()
  let count = 0
  let longest = 0
  scanTokens(text, (token) => {
    count++
    if (token.length > longest) longest = token.length
  })
  return { count, longest, ms: performance.now() - started }
}

describe('tokenize(text) on pathological input', () => {
  // [what, repeated unit, tokens per repetition]
  const cases: [name: string, unit: string, tokensPerUnit: number][] = [
    ['a run of hyphens', '-', 0],
    ['a run of underscores', '_', 0],
    ['a run of dots', '.', 0],
    ['a run of apostrophes, pluses and hashes', "'+#", 0],
    ['digits (one token longer than MAX_TOKEN_LENGTH, skipped)', '7', 0],
    ['one identifier chained with connectors (skipped)', 'a-b_c.d', 0],
    ['dots before capitals, like .NET (skipped)', '.N', 0],
    ['words ending in a connector', 'ab- ', 1],
    ['short words', 'eBPF ', 1],
    ['C++ and C#', 'C++ C# ', 2],
    ['mixed scripts with marks and digits', 'aé日本1-αב٣ ', 1],
    ['emoji between letters', 'x🚀', 1],
    ['lone surrogates between letters', 'ab\ud800', 1],
    ['NUL between letters', 'ab\u0000', 1],
    ['combining marks after a letter', 'e\u0301\u0301 ', 1],
  ]

  for (const [name, unit, tokensPerUnit] of cases) {
    it(`tokenises 1 MB of ${name} in linear time`, () => {
      const repeats = Math.ceil(MB / unit.length)
      const { count, longest, ms } = timedTokenize(unit.repeat(repeats))
      expect(count).toBe(tokensPerUnit * repeats)
      expect(longest).toBeLessThanOrEqual(MAX_TOKEN_LENGTH)
      expect(ms).toBeLessThan(5000)
    })
  }

  it('skips a 1 MB token but keeps the words around it', () => {
    expect(tokenize(`before ${'x'.repeat(MB)} after`)).toEqual(['before', 'after'])
    expect(tokenize(`before ${'1.'.repeat(MB / 2)}2 after`)).toEqual(['before', 'after'])
  })

  it('reports strictly increasing offsets, so every character is read once', () => {
    const text = megabyteOf('AF_XDP v5.6 --- .NET C++ é日本 ...\n\n')
    let previous = -1
    let ordered = true
    scanTokens(text, (_token, start) => {
      if (start <= previous) ordered = false
      previous = start
    })
    expect(ordered).toBe(true)
  })
})

describe('tokenize(text) on unusual Unicode', () => {
  it('treats lone surrogates, NUL and other control characters as separators', () => {
    expect(tokenize('eBPF\ud800XDP\udfffBTF\u0000maps\u0007end')).toEqual(['eBPF', 'XDP', 'BTF', 'maps', 'end'])
  })

  it('keeps CJK runs, right-to-left words and combining accents whole', () => {
    expect(tokenize('日本語 한국어 العربية עברית cafe\u0301')).toEqual(['日本語', '한국어', 'العربية', 'עברית', 'cafe\u0301'])
  })

  it('splits on emoji, including ZWJ sequences, and keeps astral letters', () => {
    expect(tokenize('rocket🚀launch 👩‍💻dev 𝐁𝐏𝐅')).toEqual(['rocket', 'launch', 'dev', '𝐁𝐏𝐅'])
  })

  it('does not start a token with a combining mark', () => {
    expect(tokenize('\u0301abc')).toEqual(['abc'])
  })

  it('returns no token for an empty or separator-only string', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize(' \t\n\u00a0\u3000 ... --- ___ ')).toEqual([])
  })

  it('restarts cleanly after a previous scan was abandoned midway', () => {
    expect(() =>
      scanTokens('one two three', (token) => {
        if (token === 'two') throw new Error('stop')
      }),
    ).toThrow('stop')
    expect(tokenize('alpha beta')).toEqual(['alpha', 'beta'])
  })
})
