import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cleanSlowly, cleanText, isAlreadyClean } from './cleanText.js'

describe('cleanText', () => {
  it('cleanText(html) drops tags, keeps words and turns blocks into paragraphs', () => {
    expect(cleanText('<p>Fast <b>XDP</b> filters.</p><p>With <a href="https://x.org">slides</a>.</p>')).toBe('Fast XDP filters.\n\nWith slides.')
  })

  it('cleanText(html) removes scripts, styles and comments with their content', () => {
    expect(cleanText('a<script>alert(1)</script> b<style>p{}</style> c<!-- hidden -->')).toBe('a b c')
  })

  it('cleanText(text) keeps generics and comparisons that only look like tags', () => {
    expect(cleanText('Vec<String> and Option<T> when a <= b or x < y > z')).toBe('Vec<String> and Option<T> when a <= b or x < y > z')
  })

  it('cleanText(markdown) keeps link text, code and emphasised words', () => {
    expect(cleanText('## Intro\n\nSee [the docs](https://e.org/d) and **bold**, *it*, `x = 1`.\n\n- one\n- two')).toBe('Intro\n\nSee the docs and bold, it, x = 1.\n\none\ntwo')
  })

  it('cleanText(text) leaves arithmetic, globs and snake_case alone', () => {
    expect(cleanText('5 * 3 * 2, *.txt files, __init__ and my_var_name')).toBe('5 * 3 * 2, *.txt files, __init__ and my_var_name')
  })

  it('cleanText(text) decodes named and numeric references once, after markup is gone', () => {
    expect(cleanText('Caf&eacute; &amp; bar &#8211; &#x1F600; &lt;b&gt; &unknown; AT&T')).toBe('Café & bar – 😀 <b> &unknown; AT&T')
  })

  it('cleanText(text) collapses spaces, trims lines and keeps one blank line at most', () => {
    expect(cleanText('  a \t b\u00a0 c  \r\n\r\n\r\n\n  d  ')).toBe('a b c\n\nd')
  })

  it('cleanText(text, { singleLine: true }) puts everything on one line', () => {
    expect(cleanText('Two\nlines\n\nand more', { singleLine: true })).toBe('Two lines and more')
  })

  it('cleanText(text, { markup: false }) keeps markup characters', () => {
    expect(cleanText(' https://e.org/a_b*c  ', { markup: false })).toBe('https://e.org/a_b*c')
  })

  it('cleanText(text) strips control characters but keeps CJK, emoji and right-to-left text', () => {
    expect(cleanText('a\u0000b\u0007c\u009b 東京 👩‍💻 مرحبا')).toBe('abc 東京 👩‍💻 مرحبا')
  })

  it('cleanText(non-string) gives the string form, or an empty string for null', () => {
    expect(cleanText(42)).toBe('42')
    expect(cleanText(null)).toBe('')
    expect(cleanText(undefined)).toBe('')
  })

  it('cleanText is idempotent on text without markup characters', () => {
    fc.assert(fc.property(fc.string(), (raw) => {
      const text = raw.replace(/[<>&*`#\[\]\\_-]/g, '')
      const once = cleanText(text)
      expect(cleanText(once)).toBe(once)
    }))
  })

  it('cleanText never leaves control characters or surrounding whitespace', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const out = cleanText(text, { singleLine: true })
      expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
      expect(out).toBe(out.trim())
    }))
  })
  it('text the fast path returns unchanged is text every cleaning step leaves unchanged', () => {
    const alphabet = [...'aZ09 \n\t\r-_+*#>`[]()!&<\\~=.\'"|é\u00a0\u0007']
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join(''))
    let plain = 0
    fc.assert(fc.property(text, fc.boolean(), fc.boolean(), (raw, singleLine, markup) => {
      if (!isAlreadyClean(raw, singleLine)) return
      plain++
      expect(cleanSlowly(raw, singleLine, markup)).toBe(raw)
    }), { numRuns: 3000 })
    expect(plain).toBeGreaterThan(0)
  })

  it('the fast path takes ordinary abstracts and leaves markup, entities and odd spacing to the full cleaning', () => {
    expect(isAlreadyClean("XDP hints (v5.6) let AF_XDP programs read metadata; it's fast.\n\nC++ and .NET too", false)).toBe(true)
    expect(isAlreadyClean('two\nlines', true)).toBe(false)
    for (const raw of ['a  b', ' a', 'a ', '- item', '**bold**', 'a &amp; b', 'see [docs](x)', 'a\n\n\nb', 'café', '# Title', 'a\r\nb']) {
      expect(isAlreadyClean(raw, false)).toBe(false)
    }
    expect(cleanText('a  b')).toBe('a b')
  })
})
