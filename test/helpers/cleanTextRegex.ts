// The regular-expression clean-up that src/io/cleanText.ts replaced (quadratic on some inputs),
// kept only as the reference its linear-time scanners are compared with on short random text.
import { decodeEntities } from '../../src/io/htmlEntities.js'

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

// Element names we strip. A fixed list, so that `Vec<String>` or `a <= b` survive; one-letter
// names only in lower case because `<T>` and `<A>` are usually generics, not HTML.
const blockElements =
  'address|article|aside|blockquote|br|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul'
const inlineElements =
  'a|abbr|b|big|center|cite|code|del|dfn|em|font|i|img|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|tt|u|var|wbr'
const blockTagPattern = new RegExp(`<\\/?(?:${blockElements})(?:\\s[^<>]*)?\\/?>`, 'gi')
const inlineTagPattern = new RegExp(`<\\/?(?:${inlineElements})(?:\\s[^<>]*)?\\/?>`, 'g')
const inlineTagUpperPattern = new RegExp(`<\\/?(?:${inlineElements.split('|').filter((name) => name.length > 1).join('|')})(?:\\s[^<>]*)?\\/?>`, 'gi')
const hiddenElementPattern = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi
const commentPattern = /<!--[\s\S]*?-->/g
const autolinkPattern = /<((?:https?|mailto|ftp):[^\s<>]+)>/gi

// C0 and C1 control characters except tab and line feed; also the BOM inside text.
const controlPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/g
// Unicode spaces that read as a plain space.
const spacePattern = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g

/**
 * Reduces HTML or Markdown to plain text and normalises it: tags and Markdown markers
 * removed (link text kept), character references decoded, control characters dropped,
 * Unicode NFC, runs of spaces collapsed, lines trimmed, at most one blank line in a row.
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
// or non-ASCII character), and lines made of them that start with a word character or a
// bracket or quote and keep single spaces between words.
const PLAIN_CHARS = `A-Za-z0-9,.;:!?'"()/%=@$^{}|_+-`
const PLAIN_LINE = `[A-Za-z0-9("'][${PLAIN_CHARS}]*(?: [${PLAIN_CHARS}]+)*`
const PLAIN_SINGLE_LINE = new RegExp(`^${PLAIN_LINE}$`)
const PLAIN_LINES = new RegExp(`^${PLAIN_LINE}(?:\\n\\n?${PLAIN_LINE})*$`)

/**
 * True for text that cleaning would return unchanged: most abstracts, which are then not
 * scanned ten times (100,000 talks: 1.3 s of reading). The patterns cannot backtrack: a
 * space is not a plain character.
 * @param text Text to check.
 * @param singleLine Whether line breaks would be collapsed.
 */
export function isAlreadyClean(text: string, singleLine: boolean): boolean {
  return (singleLine ? PLAIN_SINGLE_LINE : PLAIN_LINES).test(text)
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
    out = stripMarkdown(out)
    out = decodeEntities(out)
    out = out.replace(controlPattern, '')
  }
  out = out.normalize('NFC')
  return singleLine ? collapseAll(out) : collapseLines(out)
}

/**
 * Removes comments, hidden elements and known tags; block tags become line breaks.
 * @param text Text containing `<`.
 */
function stripHtml(text: string): string {
  return text
    .replace(commentPattern, '')
    .replace(hiddenElementPattern, '')
    .replace(autolinkPattern, '$1')
    .replace(blockTagPattern, '\n')
    .replace(inlineTagPattern, '')
    .replace(inlineTagUpperPattern, '')
}

/**
 * Removes the Markdown syntax that carries no words: headings, emphasis with `*`, code
 * marks, link and image syntax (text kept), list and quote markers, rules, escapes.
 * Underscore emphasis is left alone: it collides with identifiers like `__init__`.
 * @param text Text that may contain Markdown.
 */
function stripMarkdown(text: string): string {
  let out = text
  if (out.includes('```') || out.includes('~~~')) out = out.replace(/^[ \t]*(?:```|~~~).*$/gm, '')
  if (out.includes('](')) out = out.replace(/!?\[([^\]\n]*)\]\(\s*([^)\s]*)(?:\s+"[^"\n]*")?\s*\)/g, (_m, label: string, url: string) => label.trim() || url)
  if (out.includes('`')) out = out.replace(/`+([^`\n]+?)`+/g, '$1')
  if (out.includes('*')) {
    out = out.replace(/\*\*(?=\S)([^*\n]*?\S)\*\*/g, '$1')
    out = out.replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g, '$1$2')
  }
  out = out.replace(/^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '$1')
  out = out.replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')
  out = out.replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
  out = out.replace(/^([ \t]*)[-*+][ \t]+(?=\S)/gm, '$1')
  if (out.includes('\\')) out = out.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
  return out
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
