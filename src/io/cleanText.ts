import { decodeEntities } from './htmlEntities.js'
import { stripHtml } from './stripHtml.js'
import { stripMarkdown } from './stripMarkdown.js'
import { stripReferences } from './stripReferences.js'

/** Options of {@link cleanText}. */
export interface CleanTextOptions {
  /**
   * Collapse every run of whitespace, line breaks included, into one space (titles,
   * names). Otherwise line breaks are kept and blank lines collapse to one.
   * @default false
   */
  singleLine?: boolean
  /**
   * Reduce HTML tags and Markdown syntax to text and decode character references.
   * Off for fields that are not prose (URLs, dates).
   * @default true
   */
  markup?: boolean
}

// C0 and C1 control characters except tab and line feed; also the BOM inside text.
const controlPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g
// Unicode spaces that read as a plain space.
const spacePattern = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g

/**
 * Reduces HTML or Markdown to plain text and normalises it: tags and Markdown markers
 * removed (link text kept), character references decoded, control characters dropped,
 * Unicode NFC, runs of spaces collapsed, lines trimmed, at most one blank line in a row;
 * runs of more than 30 combining marks cut to 30; text that draws nothing (only white space
 * and invisible format characters such as U+200B) becomes `''`. Linear in the text's length.
 * Non-string input (`null`, numbers) becomes its string form or `''`.
 *
 * @param text Raw field value.
 * @param options Single-line mode and markup handling.
 * @returns Clean text, trimmed.
 */
export function cleanText(text: unknown, options: CleanTextOptions = {}): string {
  const singleLine = options.singleLine ?? false
  const out = typeof text === 'string' ? text : text == null ? '' : String(text)
  if (isAlreadyClean(out, singleLine)) return out
  return cleanSlowly(out, singleLine, options.markup ?? true)
}

// Characters that no cleaning step touches anywhere in a line (no markup, entity, control
// or non-ASCII character): 1 for characters that may also start a line (word characters,
// brackets, quotes), 2 for the others.
const PLAIN_CHARS = `A-Za-z0-9,.;:!?'"()/%=@$^{}|_+-`
const plainKind = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c)
  if (new RegExp(`[${PLAIN_CHARS}]`).test(ch)) plainKind[c] = /[A-Za-z0-9("']/.test(ch) ? 1 : 2
}

/**
 * True for text that cleaning would return unchanged: most abstracts, which are then not
 * scanned ten times (100,000 talks: 1.3 s of reading). Such text is lines of plain
 * characters that start with a word character, bracket or quote, with single spaces
 * between words, separated by one line break or one blank line. One pass over the
 * characters, without a regular expression (a repeated group overflows the stack of the
 * regular-expression engine at 16 MB).
 * @param text Text to check.
 * @param singleLine Whether line breaks would be collapsed.
 */
export function isAlreadyClean(text: string, singleLine: boolean): boolean {
  const n = text.length
  let lineStart = true // at the first character of a line
  let breaks = 0 // line breaks just before this character
  let space = false // a space just before this character
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      if (singleLine || space || (lineStart && breaks !== 1) || breaks === 2) return false
      breaks++
      lineStart = true
      continue
    }
    if (c === 32) {
      if (lineStart || space) return false
      space = true
      continue
    }
    const kind = c < 128 ? plainKind[c]! : 0
    if (kind === 0 || (lineStart && kind !== 1)) return false
    lineStart = false
    space = false
    breaks = 0
  }
  return n > 0 && !lineStart && !space
}

/**
 * The cleaning steps of {@link cleanText}, for text that is not already clean.
 * @param text Raw text.
 * @param singleLine Collapse line breaks too.
 * @param markup Strip HTML and Markdown and decode character references.
 */
export function cleanSlowly(text: string, singleLine: boolean, markup: boolean): string {
  let out = text
  if (out === '') return ''
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n')
  out = out.replace(controlPattern, '')
  if (markup) {
    if (out.includes('<')) out = stripHtml(out)
    out = stripReferences(stripMarkdown(out))
    out = decodeEntities(out)
    out = out.replace(controlPattern, '')
  }
  out = limitMarkRuns(out).normalize('NFC')
  out = singleLine ? collapseAll(out) : collapseLines(out)
  return hasVisibleCharacter(out) ? out : ''
}

// White space and characters that draw nothing: format characters (zero-width space and
// joiners, bidirectional marks, soft hyphen, word joiner), Hangul fillers, the blank
// Braille pattern.
const visibleCharacterPattern = /[^\s\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/u

/**
 * Whether text shows anything: a title of only U+200B is no title.
 * @param text Clean text.
 */
function hasVisibleCharacter(text: string): boolean {
  return visibleCharacterPattern.test(text)
}

// More than 30 combining marks in a row: more than any script writes on one letter (the
// stream-safe limit of Unicode UAX #15), and what makes NFC's reordering quadratic.
const MAX_MARK_RUN = 30
const longMarkRunTest = new RegExp(`\\p{M}{${MAX_MARK_RUN + 1}}`, 'u')
const longMarkRunPattern = new RegExp(`(\\p{M}{${MAX_MARK_RUN}})\\p{M}+`, 'gu')

/**
 * Cuts runs of more than {@link MAX_MARK_RUN} combining marks to that many ("Zalgo" text),
 * so that Unicode normalisation stays linear.
 * @param text Text.
 */
function limitMarkRuns(text: string): string {
  return longMarkRunTest.test(text) ? text.replace(longMarkRunPattern, '$1') : text
}

/**
 * Collapses all whitespace, line breaks included, into single spaces.
 * @param text Text to collapse.
 */
function collapseAll(text: string): string {
  return text.replace(/[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g, ' ').trim()
}

/**
 * Collapses spaces inside lines, trims lines and keeps at most one blank line in a row.
 * @param text Text to normalise.
 */
function collapseLines(text: string): string {
  const lines = text.replace(spacePattern, ' ').split('\n')
  const kept: string[] = []
  let blank = true // suppresses leading blank lines
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/ {2,}/g, ' ').trim()
    if (line === '') {
      if (!blank) kept.push('')
      blank = true
    } else {
      kept.push(line)
      blank = false
    }
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop()
  return kept.join('\n')
}
