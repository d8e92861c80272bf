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
 * entities and control characters (except tab, LF, CR) become U+FFFD.
 * @param text Untrusted text.
 * @returns Text that renders literally and cannot open a tag or leave an attribute.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '\ufffd').replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character)
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
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): in Markdown read
 * in a terminal or rendered, `U+202E` reverses what follows (`gnp.exe` shows as `exe.png`).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

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
