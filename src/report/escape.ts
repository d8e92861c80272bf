/**
 * Escaping for every place the report puts untrusted text: HTML text and attributes,
 * JSON inside a `<script>` element, and Markdown. Abstracts come from strangers, so every
 * piece of input text goes through one of these before it reaches a page.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * C0 controls other than tab, line feed and carriage return, DEL and C1 controls. They have
 * no business in a page (NUL is a parse error, ESC starts terminal sequences); each becomes
 * U+FFFD so the reader still sees that something was there.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g

/**
 * Escapes text for HTML element content and quoted attribute values: `& < > " '` become
 * entities, control characters (except tab, LF, CR) become U+FFFD, and bidi embeddings,
 * overrides and isolates the text leaves open are closed at its end (see {@link closeBidi}).
 * @param text Untrusted text.
 * @returns Text that renders literally, cannot open a tag or leave an attribute, and cannot
 *   reorder what follows it.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 * @example escapeHtml('gnp.\u202eexe') // 'gnp.\u202eexe\u202c'
 */
export function escapeHtml(text: string): string {
  return closeBidi(text.replace(CONTROL_CHARACTERS, '\ufffd').replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character))
}

/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): `U+202E` reverses
 * what follows (`gnp.exe` shows as `exe.png`). The HTML report closes those a text leaves
 * open; Markdown, read in a terminal or rendered, drops them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

/** Openers of the bidi stack: embeddings and overrides (LRE, RLE, LRO, RLO), isolates (LRI, RLI, FSI). */
const EMBEDDING = 0
const ISOLATE = 1

/**
 * Appends the closers of the bidi embeddings and overrides (U+202C PDF) and isolates (U+2069
 * PDI) that `text` opens and leaves open, innermost first, so that an unclosed RIGHT-TO-LEFT
 * OVERRIDE in a title reverses the rest of that title only, not the page after it. Removing
 * the controls instead would spoil legitimate right-to-left text. The stack follows the
 * Unicode Bidirectional Algorithm (UAX #9, X1–X8): PDF closes the last embedding unless an
 * isolate opened after it, PDI closes the last isolate and every embedding inside it;
 * unmatched closers do nothing and are kept. A paragraph separator (line feed, carriage
 * return, U+2029) ends every open level in UAX #9 but not where HTML collapses it into a
 * space, so what is open is closed before it and the stack starts again after it. Text
 * without these controls is returned as is.
 * @param text Escaped text.
 */
function closeBidi(text: string): string {
  if (text.search(BIDI_CONTROLS) === -1) return text
  const open: number[] = []
  let closed = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x202a && code <= 0x202b) || (code >= 0x202d && code <= 0x202e)) open.push(EMBEDDING)
    else if (code >= 0x2066 && code <= 0x2068) open.push(ISOLATE)
    else if (code === 0x202c) {
      if (open[open.length - 1] === EMBEDDING) open.pop()
    } else if (code === 0x2069) {
      // The last isolate closes, and every embedding opened inside it with it.
      const isolate = open.lastIndexOf(ISOLATE)
      if (isolate >= 0) open.length = isolate
    } else if ((code === 0x0a || code === 0x0d || code === 0x2029) && open.length > 0) {
      closed += text.slice(from, i) + closersOf(open)
      from = i
      open.length = 0
    }
  }
  return closed + text.slice(from) + closersOf(open)
}

/**
 * PDF for each open embedding and PDI for each open isolate, innermost first.
 * @param open The bidi stack, outermost first.
 */
function closersOf(open: readonly number[]): string {
  let closers = ''
  for (let k = open.length - 1; k >= 0; k--) closers += open[k] === ISOLATE ? '\u2069' : '\u202c'
  return closers
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>` element: `<`, `>` and
 * `&` are written as `\u003c`, `\u003e`, `\u0026` (so neither `</script>` nor `<!--` can
 * appear), and U+2028/U+2029 as escapes (they end a line in older JavaScript parsers).
 * `JSON.parse` of the result gives the value back unchanged.
 * @param value Any JSON-serialisable value.
 * @returns JSON text without `<`, `>`, `&`, U+2028 or U+2029.
 * @example jsonForScript({ title: '</script>' }) // '{"title":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value) ?? 'null'
  return json.replace(/[<>&\u2028\u2029]/g, (character) => SCRIPT_ESCAPES[character] ?? character)
}


/**
 * Escapes text placed inside one line of Markdown (a list item, heading or table cell) so it
 * renders literally in CommonMark and GitHub-flavoured Markdown while staying readable as
 * plain text in an email: line breaks become spaces, control characters U+FFFD, bidi
 * controls are removed, and only
 * characters that could start syntax get a backslash: `` \ ` * [ ] < | ~ # ``, `_` at a
 * word edge (`net_cls` stays as is), `&` before an entity name, and `> + = -` or `1.` at
 * the start of the text.
 * @param text Untrusted text.
 * @returns Text without raw HTML, links, emphasis, code or table breaks.
 * @example escapeMarkdown('# Heading | *x* <b>') // '\\# Heading \\| \\*x\\* \\<b>'
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(CONTROL_CHARACTERS, '\ufffd')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\\`*[\]<|~#]/g, '\\$&')
    .replace(/_/g, (underscore, offset: number, whole: string) =>
      isWordCharacter(whole[offset - 1]) && isWordCharacter(whole[offset + 1]) ? underscore : '\\_')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/^([>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

/**
 * Whether a character is a letter or digit (underscores between two of them are not emphasis).
 * @param character One character, or undefined past either end.
 */
function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{L}\p{N}]/u.test(character)
}
