import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { escapeHtml, escapeMarkdown, jsonForScript } from './escape.js'

describe('escapeHtml', () => {
  test('escapeHtml(text) turns markup into entities', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;')
    expect(escapeHtml('"><svg onload=alert(1)>')).toBe('&quot;&gt;&lt;svg onload=alert(1)&gt;')
    expect(escapeHtml("Tom & Jerry's")).toBe('Tom &amp; Jerry&#39;s')
  })

  test('escapeHtml(text) replaces control characters but keeps tab and line breaks', () => {
    expect(escapeHtml('\u001b[31mred\u0000\u007f\u009b\t\n\r')).toBe('\ufffd[31mred\ufffd\ufffd\ufffd\t\n\r')
  })

  test('escapeHtml(text) output never contains a character that opens a tag or leaves an attribute', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => !/[<>"']/.test(escapeHtml(text))))
  })

  test('escapeHtml(text) closes the bidi overrides and embeddings it leaves open (U+202C PDF)', () => {
    expect(escapeHtml('Slides: talk-\u202egnp.exe')).toBe('Slides: talk-\u202egnp.exe\u202c')
    expect(escapeHtml('\u202ba\u202db & c')).toBe('\u202ba\u202db &amp; c\u202c\u202c')
  })

  test('escapeHtml(text) closes the isolates it leaves open (U+2069 PDI), innermost first', () => {
    expect(escapeHtml('\u2067x\u202ey')).toBe('\u2067x\u202ey\u202c\u2069')
    expect(escapeHtml('\u202ea\u2066b')).toBe('\u202ea\u2066b\u2069\u202c')
  })

  test('escapeHtml(text) follows the bidi algorithm: PDI closes the embeddings inside its isolate, PDF stops at an isolate', () => {
    expect(escapeHtml('\u2066a\u202eb\u2069c')).toBe('\u2066a\u202eb\u2069c')
    expect(escapeHtml('\u202ea\u2066b\u202c')).toBe('\u202ea\u2066b\u202c\u2069\u202c')
  })

  test('escapeHtml(text) leaves balanced and right-to-left text, and unmatched closers, as they are', () => {
    for (const text of ['\u202eexe.gnp\u202c!', '\u2067שלום\u2069 world', 'مقدمة في التعلم الآلي', 'stray \u202c and \u2069', 'plain text']) {
      expect(escapeHtml(text)).toBe(text)
    }
  })

  test('escapeHtml(text) closes what is open before a paragraph separator, where UAX #9 starts again', () => {
    // After U+2029 the PDI no longer matches the isolate before it, so the override would stay open.
    expect(escapeHtml('\u2066a\u2029\u202ex\u2069')).toBe('\u2066a\u2069\u2029\u202ex\u2069\u202c')
    expect(escapeHtml('\u202ex\nnext line')).toBe('\u202ex\u202c\nnext line')
    expect(escapeHtml('\u2067שלום\u2069\nworld\r\n')).toBe('\u2067שלום\u2069\nworld\r\n')
  })

  test('escapeHtml(text) output leaves no embedding, override or isolate open in any paragraph, and adds only closers', () => {
    const piece = fc.constantFrom('a', 'ש', ' ', '\n', '\r', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069')
    const withoutClosers = (text: string): string => text.replace(/[\u202c\u2069]/g, '')
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      const text = pieces.join('')
      const escaped = escapeHtml(text)
      const paragraphs = escaped.split(/[\n\r\u2029]/)
      return withoutClosers(escaped) === withoutClosers(text) && paragraphs.every((paragraph) => openBidi(paragraph).length === 0) && escapeHtml(escaped) === escaped
    }), { seed: 7, numRuns: 500 })
  })
})

describe('jsonForScript', () => {
  test('jsonForScript(value) cannot close the script element or open a comment', () => {
    expect(jsonForScript({ title: '</script><script>alert(1)</script>' })).toBe(
      '{"title":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}',
    )
    expect(jsonForScript('<!-- & \u2028\u2029')).toBe('"\\u003c!-- \\u0026 \\u2028\\u2029"')
  })

  test('jsonForScript(value) parses back to the same value and contains no < > & U+2028 U+2029', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = jsonForScript(value)
        expect(json).not.toMatch(/[<>&\u2028\u2029]/)
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)))
      }),
    )
  })

  test('jsonForScript(undefined) is null', () => {
    expect(jsonForScript(undefined)).toBe('null')
  })
})

describe('escapeMarkdown', () => {
  test('escapeMarkdown(text) neutralises HTML, links, emphasis, code and table pipes', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)>')
    expect(escapeMarkdown('[link](javascript:alert(1)) *x* `y` a|b ~~z~~')).toBe(
      '\\[link\\](javascript:alert(1)) \\*x\\* \\`y\\` a\\|b \\~\\~z\\~\\~',
    )
    expect(escapeMarkdown('# Heading')).toBe('\\# Heading')
  })

  test('escapeMarkdown(text) keeps identifiers and prose readable', () => {
    expect(escapeMarkdown('Leaving net_cls behind: per-container policy on cgroup v2.')).toBe(
      'Leaving net_cls behind: per-container policy on cgroup v2.',
    )
    expect(escapeMarkdown('_emphasis_ and __proto__')).toBe('\\_emphasis\\_ and \\_\\_proto\\_\\_')
  })

  test('escapeMarkdown(text) escapes line-start syntax and entities, and joins lines', () => {
    expect(escapeMarkdown('-2+3')).toBe('\\-2+3')
    expect(escapeMarkdown('> quote')).toBe('\\> quote')
    expect(escapeMarkdown('2024. A year')).toBe('2024\\. A year')
    expect(escapeMarkdown('a &amp; b & c')).toBe('a &amp;amp; b & c')
    expect(escapeMarkdown('one\r\ntwo\u2028three')).toBe('one two three')
  })

  test('escapeMarkdown(text) removes bidi overrides and isolates, which reorder what a reader sees', () => {
    expect(escapeMarkdown('Slides: talk-\u202egnp.exe \u2066iso\u2069')).toBe('Slides: talk-gnp.exe iso')
  })
})

/**
 * The bidi openers still open at the end of `text` (`e` embedding or override, `i` isolate),
 * as UAX #9 rules X2–X6a count them: a reference written apart from escape.ts.
 * @param text Text.
 */
function openBidi(text: string): string[] {
  const stack: string[] = []
  for (const character of text) {
    if ('\u202a\u202b\u202d\u202e'.includes(character)) stack.push('e')
    else if ('\u2066\u2067\u2068'.includes(character)) stack.push('i')
    else if (character === '\u202c' && stack.at(-1) === 'e') stack.pop()
    else if (character === '\u2069' && stack.includes('i')) stack.length = stack.lastIndexOf('i')
  }
  return stack
}
