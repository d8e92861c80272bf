import { displayWidth, stripTerminalControls, truncateToWidth } from './terminal.js'

/** One column of a terminal table. */
export interface TableColumn {
  /** Header text. */
  readonly header: string
  /** Narrowest the column may be squeezed to. */
  readonly minWidth?: number
  /** Widest the column may grow to. */
  readonly maxWidth?: number
}

/**
 * Renders rows as an aligned text table that fits `width` columns: cells on one line,
 * terminal controls stripped, the widest columns shrunk first, cut cells ending in `…`.
 * @param columns Column headers and limits.
 * @param rows Cell texts, one array per row.
 * @param width Terminal width to fit.
 */
export function renderTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], width: number): string {
  const cells = rows.map((row) => columns.map((_, j) => oneLine(row[j] ?? '')))
  const widths = columns.map((column, j) => {
    let natural = displayWidth(column.header)
    for (const row of cells) natural = Math.max(natural, displayWidth(row[j]!))
    return Math.min(natural, column.maxWidth ?? Number.POSITIVE_INFINITY)
  })
  fitWidths(widths, columns, width - 2 * (columns.length - 1))
  const line = (texts: readonly string[]): string => texts.map((text, j) => pad(truncateToWidth(text, widths[j]!), widths[j]!)).join('  ').trimEnd()
  const out = [line(columns.map((column) => column.header)), widths.map((w) => '─'.repeat(w)).join('  ')]
  for (const row of cells) out.push(line(row))
  return `${out.join('\n')}\n`
}

/**
 * Shrinks the widest column, one column at a time, until the total fits.
 * @param widths Column widths, changed in place.
 * @param columns Column limits.
 * @param available Columns available for cells.
 */
function fitWidths(widths: number[], columns: readonly TableColumn[], available: number): void {
  let total = widths.reduce((sum, w) => sum + w, 0)
  while (total > available) {
    let widest = -1
    for (let j = 0; j < widths.length; j++) {
      if (widths[j]! > (columns[j]!.minWidth ?? 4) && (widest === -1 || widths[j]! > widths[widest]!)) widest = j
    }
    if (widest === -1) return
    widths[widest]!--
    total--
  }
}

/**
 * Pads text with spaces to a display width.
 * @param text Text no wider than `width`.
 * @param width Target width.
 */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)))
}

// Cells longer than this are cut before measuring: no terminal is that wide.
const maxCellLength = 400

/**
 * A cell as one line of safe text, cut to a length worth measuring.
 * @param text Cell text.
 */
function oneLine(text: string): string {
  let cut = text.length > maxCellLength ? text.slice(0, maxCellLength) : text
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return stripTerminalControls(cut).replace(/\s+/g, ' ').trim()
}
