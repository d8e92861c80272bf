/** Making untrusted text safe and measurable on a terminal. */

// ANSI escape sequences (CSI, OSC and two-character escapes), then any remaining C0/C1
// control and the bidirectional overrides that can reorder what a reader sees.
const escapeSequence = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g
const controlOrBidi = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/**
 * Removes escape sequences, control characters (tab and line feed kept) and bidi
 * overrides, so that text from an input file cannot move the cursor, retitle the
 * window or reorder the line it is printed on.
 * @param text Untrusted text.
 */
export function stripTerminalControls(text: string): string {
  return text.replace(escapeSequence, '').replace(controlOrBidi, '')
}

/**
 * Escapes, inside JSON text, the characters JSON allows raw but a terminal or a
 * JavaScript parser may act on: C1 controls, DEL, line/paragraph separators, bidi
 * overrides. The JSON value is unchanged.
 * @param json JSON text.
 */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * Columns a string takes on a terminal: 2 for East Asian wide and emoji code points,
 * 0 for combining marks, joiners and variation selectors, 1 otherwise.
 * @param text Text without control characters.
 */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) width += codePointWidth(ch.codePointAt(0)!)
  return width
}

/**
 * Cuts text to at most `width` columns, ending with `…` when cut.
 * @param text Single-line text.
 * @param width Maximum columns (≥ 1).
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0)!)
    if (used + w > width - 1) break
    out += ch
    used += w
  }
  return `${out.trimEnd()}…`
}

/**
 * Terminal width of one code point.
 * @param cp Code point.
 */
function codePointWidth(cp: number): number {
  if (cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f)) return 0
  if (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)
  ) return 2
  return 1
}
