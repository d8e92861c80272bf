/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /**
   * Line ending written after every row.
   * @default '\n'
   */
  lineEnding?: '\n' | '\r\n'
}

// Characters that make spreadsheet software read a cell as a formula (OWASP CSV
// injection), including their full-width forms, plus tab and carriage return.
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/

/**
 * Writes rows as RFC 4180 CSV, safe to open in a spreadsheet: a text cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'` so it is shown, not run.
 * Cells are quoted when they hold a quote, comma or line break, or start or end with
 * spaces. Numbers and booleans are written as they are; lists are joined with `; `;
 * `null` and `undefined` are empty; records are written as JSON. Browser-safe.
 *
 * @param rows Rows of cells; the first row is usually the header.
 * @param options Line ending.
 * @returns CSV text ending with a line break (empty for no rows).
 */
export function formatCsv(rows: Iterable<readonly unknown[]>, options: FormatCsvOptions = {}): string {
  const lineEnding = options.lineEnding ?? '\n'
  let out = ''
  for (const row of rows) {
    for (let j = 0; j < row.length; j++) {
      if (j > 0) out += ','
      out += formatCell(row[j])
    }
    out += lineEnding
  }
  return out
}

/**
 * One cell, neutralised and quoted as needed.
 * @param value Cell value.
 */
export function formatCell(value: unknown): string {
  if (value == null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return String(value)
  let text = Array.isArray(value) ? value.map((item) => String(item)).join('; ') : typeof value === 'string' ? value : JSON.stringify(value)
  if (formulaStart.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
