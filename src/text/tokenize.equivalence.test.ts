/**
 * The character-class scanner against the regular-expression tokenizer it replaced
 * (test/helpers/tokenizeRegex.ts): the same tokens, offsets and boundaries on any text,
 * weird Unicode included (astral letters, marks, lone surrogates, connectors in runs).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scanTokensRegex } from '../../test/helpers/tokenizeRegex.js'
import { scanTokens, TokenScanner } from './tokenize.js'

/** Every token as `start:token:boundary`. */
function scanned(scan: typeof scanTokens, text: string): string[] {
  const out: string[] = []
  scan(text, (token, start, boundary) => {
    out.push(`${start}:${token}:${boundary ? 1 : 0}`)
  })
  return out
}

/** Pieces the tokenizer treats specially, mixed with arbitrary characters. */
const pieces = fc.oneof(
  fc.constantFrom(
    'a', 'Z', 's', 'S', '7', 'é', 'e\u0301', '\u0301', 'ß', 'İ', 'Σ', '日', '٣', '𝐀', '𝑥', '😀', '𐐀', '\ud835', '\udc00',
    '-', '_', '.', "'", '’', '+', '++', '#', ' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00a0', ',', ';', '"', '“', '”', '/',
    '.NET', "BPF's", "IT’S", 'C#', 'F#x', 'v5.6', 'AF_XDP', '.𝐀', 'a'.repeat(63), 'b'.repeat(65),
  ),
  fc.string({ unit: 'binary', maxLength: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
)
const texts = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''))

describe('scanTokens(text, visit) against the regular-expression tokenizer', () => {
  it('gives the same tokens, offsets and boundaries on random text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(scanned(scanTokens, text)).toEqual(scanned(scanTokensRegex, text))
      }),
      { numRuns: 3000 },
    )
  })

  it('gives the same tokens on arbitrary UTF-16 strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: fc.constantFrom(...'aZ9-_.\'’+# \n'), maxLength: 80 }), (a, b) => {
        const text = a + b + a
        expect(scanned(scanTokens, text)).toEqual(scanned(scanTokensRegex, text))
      }),
      { numRuns: 3000 },
    )
  })

  it('gives the same tokens on every sequence of up to four special pieces', () => {
    const alphabet = ['A', 's', '7', '.', '-', "'", '’', '+', '#', '\u0301', ' ', '\n', '𝐀', '😀', '\ud835', 'é']
    let sequences = ['']
    for (let length = 1; length <= 4; length++) {
      sequences = sequences.flatMap((prefix) => alphabet.map((piece) => prefix + piece))
      for (const text of sequences) {
        if (scanned(scanTokens, text).join() !== scanned(scanTokensRegex, text).join()) {
          expect(scanned(scanTokens, text)).toEqual(scanned(scanTokensRegex, text))
        }
      }
    }
  })

  it('gives the same tokens on every BMP character between letters', () => {
    let text = ''
    for (let c = 0; c < 0x10000; c++) text += `a${String.fromCharCode(c)}b${String.fromCharCode(c)}. `
    expect(scanned(scanTokens, text)).toEqual(scanned(scanTokensRegex, text))
  })
})

describe('TokenScanner', () => {
  it('reads the tokens of several texts in turn, as offsets', () => {
    const scanner = new TokenScanner()
    const read = (text: string): string[] => {
      const out: string[] = []
      scanner.reset(text)
      while (scanner.next()) out.push(`${text.slice(scanner.start, scanner.end)}${scanner.boundaryBefore ? '|' : ''}`)
      return out
    }
    expect(read("BPF's verifier. AF_XDP")).toEqual(['BPF|', 'verifier', 'AF_XDP|'])
    expect(read('C++ and .NET')).toEqual(['C++|', 'and', '.NET'])
    expect(read('')).toEqual([])
  })
})
