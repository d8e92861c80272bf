import { stripTerminalControls } from './terminal.js'

/**
 * Escapes untrusted text for the Markdown the CLI prints (`--format md`), which is often read
 * raw in a terminal: terminal control sequences are stripped, and every character that can
 * start Markdown syntax gets a backslash, so that no HTML, links, emphasis, headings or table
 * breaks can be smuggled in. Line breaks become spaces when `inline` (table cells, headings,
 * list items); otherwise they stay, and each line start is escaped (abstracts).
 *
 * Stricter than the report's `escapeMarkdown` (report/escape.ts), which must keep identifiers
 * such as `cgroup_skb` and `SEC("xdp")` readable in a report sent as plain-text email and only
 * ever escapes one line: the two contexts need different rules, and merging them would change
 * the bytes of either the CLI output or the report (65 of the 270 titles, speakers and
 * abstracts of the LPC fixture escape differently).
 * @param text Untrusted text.
 * @param inline Put everything on one line.
 */
export function escapeTerminalMarkdown(text: string, inline = false): string {
  let out = stripTerminalControls(text).replace(/[\\`*_{}[\]<>()#|~!&]/g, '\\$&')
  out = out.replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, '$1\\$2')
  return inline ? out.replace(/\s+/g, ' ').trim() : out
}

/**
 * A talk id as a Markdown code span: terminal controls and bidi overrides are stripped (a
 * code span shows them raw, and `U+202E` would reverse what a reader sees), and backticks
 * become apostrophes, since no backslash escapes them inside the span.
 * @param id Untrusted talk id.
 */
export function markdownCodeId(id: string): string {
  return `\`${stripTerminalControls(id).replaceAll('`', "'")}\``
}
