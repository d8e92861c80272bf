import { stripTerminalControls } from './terminal.js'

/**
 * Escapes untrusted text for Markdown so that it renders as the same text: no HTML,
 * links, emphasis, headings or table breaks can be smuggled in. Line breaks become spaces
 * when `inline`, which table cells and headings need.
 * @param text Untrusted text.
 * @param inline Put everything on one line.
 */
export function escapeMarkdown(text: string, inline = false): string {
  let out = stripTerminalControls(text).replace(/[\\`*_{}[\]<>()#|~!&]/g, '\\$&')
  out = out.replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/gm, '$1\\$2')
  return inline ? out.replace(/\s+/g, ' ').trim() : out
}
