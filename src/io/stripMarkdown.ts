/**
 * Markdown clean-up for {@link cleanText}, in time linear in the text. Links and code spans
 * are read by hand-written scanners; line syntax (headings, rules, quotes, list markers) is
 * handled one line at a time; the remaining patterns nest no quantifier and cannot rescan
 * the text from one attempt to the next.
 */

const fencePattern = /^[ \t]*(?:```|~~~).*$/gm
const boldPattern = /\*\*(?=\S)([^*\n]*?\S)\*\*/g
const italicPattern = /(^|[^\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g
// Emphasis inside a word, `foo*bar*baz`: one word between the stars, letters on both
// sides of the opening star (`5*3*2` stays). Underscores inside words stay (`snake_case_word`), as in CommonMark.
const intrawordEmphasisPattern = /(\p{L})\*(\p{L}[^\s*]*)\*(?!\*)/gu
const escapePattern = /\\([\\`*_{}[\]()#+\-.!>|~])/g
// Line terminators of a JavaScript multiline pattern (`\r` is gone by now).
const lineBreakPattern = /(\n|\u2028|\u2029)/

/**
 * Removes the Markdown syntax that carries no words: headings, emphasis with `*`, code
 * marks, link and image syntax (text kept), list and quote markers, rules, escapes.
 * Underscore emphasis is left alone: it collides with identifiers like `__init__`.
 * @param text Text that may contain Markdown.
 */
export function stripMarkdown(text: string): string {
  let out = text
  if (out.includes('```') || out.includes('~~~')) out = out.replace(fencePattern, '')
  if (out.includes('](')) out = replaceLinks(out)
  if (out.includes('`')) out = replaceCodeSpans(out)
  if (out.includes('*')) {
    out = out.replace(boldPattern, '$1')
    out = out.replace(italicPattern, '$1$2')
    out = out.replace(intrawordEmphasisPattern, '$1$2')
  }
  out = stripLineSyntax(out)
  if (out.includes('\\')) out = out.replace(escapePattern, '$1')
  return out
}

/**
 * Applies the per-line rules to every line: heading markers, rules, quote markers and list
 * markers.
 * @param text Text.
 */
function stripLineSyntax(text: string): string {
  const parts = text.split(lineBreakPattern)
  for (let i = 0; i < parts.length; i += 2) parts[i] = stripListMarker(stripQuoteMarkers(stripRule(stripHeading(parts[i]!))))
  return parts.join('')
}

/**
 * Whether a character code is a space or a tab.
 * @param c UTF-16 code unit.
 */
function isBlank(c: number): boolean {
  return c === 32 || c === 9
}

/**
 * `## Title ##` → `Title`: a line of optional blanks, one to six `#`, blanks, then the
 * text without its trailing blanks and `#`.
 * @param line One line.
 */
function stripHeading(line: string): string {
  let i = 0
  while (i < line.length && isBlank(line.charCodeAt(i))) i++
  const hashes = i
  while (i < line.length && line.charCodeAt(i) === 35) i++
  if (i === hashes || i - hashes > 6 || i === line.length || !isBlank(line.charCodeAt(i))) return line
  while (i < line.length && isBlank(line.charCodeAt(i))) i++
  let end = line.length
  while (end > i && (isBlank(line.charCodeAt(end - 1)) || line.charCodeAt(end - 1) === 35)) end--
  return line.slice(i, end)
}

/**
 * A thematic break (`---`, `* * *`, `___`): only `-`, `*`, `_` and blanks, three marks at
 * least, becomes an empty line.
 * @param line One line.
 */
function stripRule(line: string): string {
  let marks = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 45 || c === 42 || c === 95) marks++
    else if (!isBlank(c)) return line
  }
  return marks >= 3 ? '' : line
}

/**
 * `> > quoted` → `quoted`: leading blanks and every `>` with one optional blank after it.
 * @param line One line.
 */
function stripQuoteMarkers(line: string): string {
  let i = 0
  while (i < line.length && isBlank(line.charCodeAt(i))) i++
  if (line.charCodeAt(i) !== 62) return line
  while (line.charCodeAt(i) === 62) {
    i++
    if (i < line.length && isBlank(line.charCodeAt(i))) i++
  }
  return line.slice(i)
}

/**
 * `  - item` → `  item`: a `-`, `*` or `+` bullet and the blanks after it, when text follows;
 * the indentation is kept.
 * @param line One line.
 */
function stripListMarker(line: string): string {
  let i = 0
  while (i < line.length && isBlank(line.charCodeAt(i))) i++
  const c = line.charCodeAt(i)
  if (c !== 45 && c !== 42 && c !== 43) return line
  let j = i + 1
  while (j < line.length && isBlank(line.charCodeAt(j))) j++
  if (j === i + 1 || j === line.length || /\s/.test(line.charAt(j))) return line
  return line.slice(0, i) + line.slice(j)
}

/**
 * The end of a run of characters matching `inRun`, starting at a position. Calls with
 * non-decreasing starts reuse the last run, so a run is scanned once however many
 * attempts start inside it.
 * @param text Text.
 * @param inRun Whether a UTF-16 code unit belongs to the run.
 */
function runScanner(text: string, inRun: (c: number) => boolean): (start: number) => number {
  let lastStart = 0
  let lastEnd = -1
  return (start) => {
    if (start >= lastStart && start <= lastEnd) return lastEnd
    let end = start
    while (end < text.length && inRun(text.charCodeAt(end))) end++
    lastStart = start
    lastEnd = end
    return end
  }
}

/**
 * Whether a code unit is white space in the sense of a regular expression's `\s`.
 * @param c UTF-16 code unit.
 */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/**
 * `[text](url "title")` and `![alt](url)` → `text` (the URL when the text is empty). The
 * text stops at the first `]` or line break; the URL is a run without `)` or white space;
 * an optional quoted title follows. Every scan has its own {@link runScanner}, and each
 * scan starts where an earlier attempt's scan started or later, so failed attempts do not
 * rescan.
 * @param text Text containing `](`.
 */
function replaceLinks(text: string): string {
  const labelEnd = runScanner(text, (c) => c !== 93 && c !== 10)
  const spaceAfterParen = runScanner(text, isSpace)
  const urlEnd = runScanner(text, (c) => c !== 41 && !isSpace(c))
  const spaceAfterUrl = runScanner(text, isSpace)
  const titleEnd = runScanner(text, (c) => c !== 34 && c !== 10)
  const spaceAfterTitle = runScanner(text, isSpace)
  const fallbackTitleEnd = runScanner(text, (c) => c !== 34 && c !== 10)
  const fallbackSpaceAfterTitle = runScanner(text, isSpace)
  /**
   * End of `"title" )` starting at the opening quote, or -1.
   * @param quote Offset of the opening quote.
   * @param fallback Whether to use the fallback scanners.
   */
  const titleClose = (quote: number, fallback: boolean): number => {
    if (text.charCodeAt(quote) !== 34) return -1
    const close = (fallback ? fallbackTitleEnd : titleEnd)(quote + 1)
    if (text.charCodeAt(close) !== 34) return -1
    const paren = (fallback ? fallbackSpaceAfterTitle : spaceAfterTitle)(close + 1)
    return text.charCodeAt(paren) === 41 ? paren + 1 : -1
  }
  let out = ''
  let from = 0
  let open = text.indexOf('[')
  while (open !== -1) {
    let close = labelEnd(open + 1)
    // A label with bracketed parts, `[text [1]](url)`: only where the flat label fails.
    if (text.charCodeAt(close) === 93 && text.charCodeAt(close + 1) !== 40) close = nestedLabelEnd(text, open)
    let end = -1
    let url = ''
    if (text.charCodeAt(close) === 93 && text.charCodeAt(close + 1) === 40) {
      const urlStart = spaceAfterParen(close + 2)
      const urlStop = urlEnd(urlStart)
      const gap = spaceAfterUrl(urlStop)
      url = text.slice(urlStart, urlStop)
      if (gap > urlStop) end = titleClose(gap, false)
      if (end === -1 && text.charCodeAt(gap) === 41) end = gap + 1
      // Giving the white space after `(` to the title instead: `[x]( "a b")`.
      if (end === -1 && urlStart > close + 2) {
        end = titleClose(urlStart, true)
        url = ''
      }
    }
    if (end === -1) {
      open = text.indexOf('[', open + 1)
      continue
    }
    const start = open > from && text.charCodeAt(open - 1) === 33 ? open - 1 : open
    const label = text.slice(open + 1, close)
    out += text.slice(from, start) + (label.trim() || url)
    from = end
    open = text.indexOf('[', end)
  }
  return out + text.slice(from)
}

/**
 * Offset of the `]` that closes a link label with bracketed parts one level deep
 * (`[text [1]]`), or -1. The scan stops at a line break or a second level of brackets, so
 * the labels of different attempts overlap only by their inner brackets: linear overall.
 * @param text Text.
 * @param open Offset of the label's `[`.
 */
function nestedLabelEnd(text: string, open: number): number {
  let inner = false
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) return -1
    if (c === 91) {
      if (inner) return -1
      inner = true
    } else if (c === 93) {
      if (!inner) return i
      inner = false
    }
  }
  return -1
}

/**
 * `` `code` `` → `code`: a run of backticks, text without backticks or line breaks, then
 * backticks again. A run that does not close is skipped whole.
 * @param text Text containing a backtick.
 */
function replaceCodeSpans(text: string): string {
  let out = ''
  let from = 0
  let open = text.indexOf('`')
  while (open !== -1) {
    let contentStart = open
    while (text.charCodeAt(contentStart) === 96) contentStart++
    let contentEnd = contentStart
    while (contentEnd < text.length && text.charCodeAt(contentEnd) !== 96 && text.charCodeAt(contentEnd) !== 10) contentEnd++
    if (contentEnd === contentStart || text.charCodeAt(contentEnd) !== 96) {
      open = text.indexOf('`', contentStart)
      continue
    }
    let closeEnd = contentEnd
    while (text.charCodeAt(closeEnd) === 96) closeEnd++
    out += text.slice(from, open) + text.slice(contentStart, contentEnd)
    from = closeEnd
    open = text.indexOf('`', closeEnd)
  }
  return out + text.slice(from)
}
