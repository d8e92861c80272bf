/**
 * The linear-time clean-up and tokenizer give the same output as the regular expressions
 * they replaced (kept in test/helpers/cleanTextRegex.ts and below), on random short text
 * made of the characters and fragments that markup is made of, except where the clean-up
 * was extended on purpose.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText, isAlreadyClean } from '../../src/io/cleanText.js'
import { tokenize } from '../../src/text/tokenize.js'
import { cleanText as cleanTextRegex, isAlreadyClean as isAlreadyCleanRegex } from '../helpers/cleanTextRegex.js'

const markupAlphabet = [
  ...'aZ09 \n\t-_+*#>`[]()!&<\\~="\'/:|é\u00a0\u2028\u0301',
  '<!--', '-->', '<script>', '</script>', '<STYLE a>', '</style >', '<template', '](', '<p>', '</b>', '<br/>', '<DIV class="x">',
  '<https://x>', '&amp;', '&#x41;', '```', '~~~', '**', '## ', '> ', '- ', '\n\n',
]
const markupText = fc.array(fc.constantFrom(...markupAlphabet), { maxLength: 30 }).map((parts) => parts.join(''))

// The tokenizer's pattern before the connector loop was written by hand. It stays as an
// oracle because it copies no production code: it states the token grammar in one
// declarative pattern (head, connector-and-word pieces, `++` or `#`), while src/text/tokenize.ts
// scans character classes and test/helpers/tokenizeRegex.ts (tokenize.equivalence.test.ts's
// oracle) extends a head by a hand-written loop; a mistake shared by those two loops would
// still differ from this. Its repeated group overflows the regular-expression stack on
// megabytes of `a-a-a…`, which is why neither loop uses it; the short texts here are safe.
const TOKEN_PATTERN_REGEX = /(?:\.(?=\p{Lu}))?[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-_.'’][\p{L}\p{M}\p{N}]+)*(?:\+\+|#(?![\p{L}\p{N}]))?/gu

/**
 * Tokens as the single pattern found them, with the tokenizer's length limit and possessive
 * trimming.
 * @param text Text.
 */
function tokenizeRegex(text: string): string[] {
  const tokens: string[] = []
  for (const match of text.matchAll(TOKEN_PATTERN_REGEX)) {
    if (match[0].length > 64) continue
    tokens.push(match[0].replace(/^(.{1,})['’][sS]$/u, (whole, stem: string) => (whole.length > 2 ? stem : whole)))
  }
  return tokens
}

/**
 * The differences made on purpose come in open-ended shapes (markup of any kind removed next
 * to emphasis or a footnote marker), and random seeds kept finding new ones (about one run in
 * 150–400), so this property runs on a fixed seed and CI stays deterministic. To look for
 * more shapes, run it over other seeds.
 */
const EQUIVALENCE_SEED = 42

describe('linear-time clean-up equals the regular expressions it replaced', () => {
  it('cleanText(text) and cleanText(text, { singleLine }) agree on random markup', () => {
    fc.assert(fc.property(markupText, fc.boolean(), (raw, singleLine) => {
      // Left out: what the clean-up now reduces on purpose (emphasis inside words, also where
      // removed markup leaves a word against it: `<https://x>*a*`, `a*<https://x>*`, `**a***b*`, ``a*`a*` ``;
      // footnote markers, also those that emphasis, code marks or tags hide (`[*9*]`, `[</b>9]`),
      // and reference lists; link labels with brackets inside); tested on their own.
      fc.pre(!/[^\s*]\*+[\p{L}<`]|\[(?:[*`]|<[^>\n]*>)*\^?\d|\[[^\]\n]*\[/u.test(raw))
      expect(cleanText(raw, { singleLine })).toBe(cleanTextRegex(raw, { singleLine }))
    }), { numRuns: 20000, seed: EQUIVALENCE_SEED })
  })

  it('isAlreadyClean(text) agrees on random plain-looking text', () => {
    const plain = fc.array(fc.constantFrom(...'aZ9 \n.(-é&'), { maxLength: 20 }).map((chars) => chars.join(''))
    fc.assert(fc.property(plain, fc.boolean(), (raw, singleLine) => {
      expect(isAlreadyClean(raw, singleLine)).toBe(isAlreadyCleanRegex(raw, singleLine))
    }), { numRuns: 20000 })
  })

  it('tokenize(text) agrees on random identifiers, connectors and scripts', () => {
    const alphabet = [...'aZ09 \n.-_\'’+#É\u0301日🚀\ud800!,sS', 'C++', '.NET', "'s"]
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''))
    fc.assert(fc.property(text, (raw) => {
      expect(tokenize(raw)).toEqual(tokenizeRegex(raw))
    }), { numRuns: 20000 })
  })
})
