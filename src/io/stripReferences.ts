/**
 * Citation apparatus in abstracts, for {@link cleanText}: the numbered reference list at the
 * end (`[1] https://…`, `[2]: https://…`) is not abstract text, and footnote markers in the
 * text (`as shown in [1].`) carry no words. Both in one pass over the text.
 */

// A line that opens a reference entry: `[1] …`, `[1]: …`, `[^1] …`.
const referenceEntryPattern = /^\[\^?(\d{1,3})\]:?\s/
// The heading such a list may have.
const listHeadingPattern = /^(?:references|links|sources|footnotes|notes|bibliography)\s*:?$/i
// A URL or DOI in an entry: a list of such lines is a reference list.
const locatorPattern = /https?:\/\/|www\.|doi:/i
const citedNumberPattern = /\[\^?(\d{1,3})\]/g

/**
 * Drops a trailing reference list and the footnote markers.
 * @param text Text with Markdown reduced, lines separated by `\n`.
 */
export function stripReferences(text: string): string {
  if (!text.includes('[')) return text
  return removeFootnoteMarkers(removeReferenceList(text))
}

/**
 * Removes the block of reference entries at the end of a text: lines opening with `[n]`
 * (entries may wrap onto lines of their own, not across a blank line), with a heading such
 * as "References" above them, when one entry holds a URL or DOI or the text before cites
 * one of the numbers. A text that is nothing but entries is kept.
 * @param text Text.
 */
function removeReferenceList(text: string): string {
  const lines = text.split('\n')
  let cut = lines.length // first line of the list
  let wrapped = 0 // non-entry lines just below the line being looked at
  let located = false
  const numbers = new Set<string>()
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim()
    if (line === '') {
      if (wrapped > 0) break
      continue
    }
    const entry = referenceEntryPattern.exec(line)
    if (entry === null) {
      wrapped++
      continue
    }
    numbers.add(entry[1]!)
    if (locatorPattern.test(line)) located = true
    for (let j = i + 1; j <= i + wrapped; j++) if (locatorPattern.test(lines[j]!)) located = true
    wrapped = 0
    cut = i
  }
  if (cut === lines.length) return text
  let top = cut - 1
  while (top >= 0 && lines[top]!.trim() === '') top--
  if (top >= 0 && listHeadingPattern.test(lines[top]!.trim())) cut = top
  const before = lines.slice(0, cut).join('\n')
  if (before.trim() === '') return text
  if (!located && !citesAny(before, numbers)) return text
  return before
}

/**
 * Whether the text holds a marker `[n]` for one of the numbers.
 * @param text Text before the list.
 * @param numbers Entry numbers.
 */
function citesAny(text: string, numbers: ReadonlySet<string>): boolean {
  for (const match of text.matchAll(citedNumberPattern)) if (numbers.has(match[1]!)) return true
  return false
}

/**
 * `shown in [1].` → `shown in.`: removes footnote markers (`[1]`, `[^2]`, `[1, 3]`, `[4-6]`)
 * that follow white space, punctuation or the start of a line and are not a link or a
 * definition (`[1](`, `[1]:`). The blank before a marker goes with it, and so does a comma
 * between two markers (`[1], [2]`). A scan from `[` to `[` (a global replace allocates a
 * match per marker and slows down more than linearly on megabytes of them).
 * @param text Text.
 */
function removeFootnoteMarkers(text: string): string {
  let out = ''
  let from = 0
  let open = text.indexOf('[')
  while (open !== -1) {
    const end = footnoteMarkerEnd(text, open)
    const before = open === from ? -1 : text.charCodeAt(open - 1)
    if (end === -1 || !(before === -1 || before === 10 || markerFollows.includes(String.fromCharCode(before)))) {
      open = text.indexOf('[', open + 1)
      continue
    }
    const start = before === 32 || before === 9 || before === 0xa0 ? open - 1 : open
    out += text.slice(from, start)
    from = end
    open = text.indexOf('[', end)
  }
  return from === 0 ? text : out + text.slice(from)
}

// Characters after which a `[n]` is a footnote marker, besides blanks and line breaks.
const markerFollows = ' \t\u00a0.,;:!?)"\'’”'

/**
 * The offset after a footnote marker at `open` (and after a comma that joins it to the next
 * marker), or -1.
 * @param text Text.
 * @param open Offset of `[`.
 */
function footnoteMarkerEnd(text: string, open: number): number {
  let i = open + 1
  if (text.charCodeAt(i) === 94) i++ // ^
  for (let group = 0; group < 6; group++) {
    if (group > 0) {
      const c = text.charCodeAt(i)
      if (c !== 44 && c !== 45 && c !== 0x2013) break // , - –
      i++
      if (text.charCodeAt(i) === 32) i++
    }
    const digits = i
    while (i < text.length && i - digits < 3 && isDigit(text.charCodeAt(i))) i++
    if (i === digits) return -1
  }
  if (text.charCodeAt(i) !== 93) return -1
  i++
  const next = text.charCodeAt(i)
  if (next === 40 || next === 58 || next === 91) return -1 // ( : [
  if (next === 44) {
    let j = i + 1
    if (text.charCodeAt(j) === 32) j++
    if (text.charCodeAt(j) === 91 && (isDigit(text.charCodeAt(j + 1)) || text.charCodeAt(j + 1) === 94)) return i + 1
  }
  return i
}

/**
 * Whether a code unit is an ASCII digit.
 * @param c UTF-16 code unit.
 */
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}
