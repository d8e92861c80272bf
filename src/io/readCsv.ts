import { parse } from 'csv-parse/sync'
import { InputError } from '../errors.js'
import type { Warning } from '../types.js'
import { excelSeparator } from './detectFormat.js'
import { isSafeKey, splitNames, withFile } from './fields.js'
import { listSome, plural } from './finishTalks.js'
import { type ReaderContext, type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

/**
 * Header names (lower case, letters and digits only; a header of only punctuation such as
 * `#` is kept as written) of each role, most specific first.
 */
const columnNames = {
  id: ['id', 'uid', 'talkid', 'paperid', 'submissionid', 'sessionid', 'eventid', 'contributionid', 'abstractid', 'code', 'guid', 'slug', 'key', '#', 'no', 'nr', 'number', 'papernumber', 'submissionnumber'],
  title: ['title', 'talktitle', 'sessiontitle', 'name', 'talk'],
  abstract: ['abstract', 'description', 'summary', 'talkabstract', 'sessiondescription', 'text', 'body', 'content'],
  speakers: ['speakers', 'speaker', 'speakernames', 'authors', 'author', 'presenters', 'presenter', 'persons'],
  track: ['track', 'tracks', 'category', 'categories', 'topic', 'theme', 'stream'],
} as const

type Role = keyof typeof columnNames

/** Output of csv-parse with `info: true`. */
interface CsvRecord {
  readonly record: string[]
}

/** A line break of any platform. */
const LINE_BREAK = /\r\n|\r|\n/

/**
 * Records end at a line break of any platform, even when one file mixes them (rows edited
 * on different systems, Excel's CRLF `sep=` line before LF rows), as Python's csv reader
 * reads them; csv-parse alone takes its delimiter from the first break and reads the rows
 * after a different one as one record. CRLF comes first so that it counts as one break.
 */
const RECORD_DELIMITERS = ['\r\n', '\n', '\r']

/**
 * The CSV text with Excel's `sep=` line (and the blank lines before it) made empty lines,
 * which csv-parse skips while still counting them, so errors name the file's own lines.
 * @param text CSV text.
 * @param end Where the `sep=` line's text ends.
 * @param lines Lines up to and with the `sep=` line.
 */
function withoutSeparatorLine(text: string, end: number, lines: number): string {
  const ownBreak = LINE_BREAK.exec(text.slice(end, end + 2))
  const rest = ownBreak === null || ownBreak.index !== 0 ? text.slice(end) : text.slice(end + ownBreak[0].length)
  return '\n'.repeat(lines) + rest
}

/**
 * Reads CSV with a header row. Columns are found by name, case and punctuation ignored:
 * id, title, abstract (or description, summary…), speakers, track; other columns are kept
 * under their header text. The delimiter (`,`, `;` or tab) is taken from the header line,
 * unless a first line `sep=<character>` (written by Excel) names it. Quoted fields may span
 * lines; rows may end in CRLF, LF or CR, mixed in one file; a BOM is skipped.
 *
 * Rows with fewer fields than the header read the missing ones as empty (`ragged-row`
 * warning); rows with more are unreadable talks. Rows with every field empty are blank
 * lines, not talks. Speakers are split on `;`, `|` or line breaks (else commas).
 *
 * @param text CSV text.
 * @param context File name for messages.
 * @throws {InputError} On broken quoting (with the line), a missing header or no abstract column.
 * @internal
 */
export function readCsv(text: string, context: ReaderContext): ReaderOutput {
  const file = context.file
  const named = excelSeparator(text)
  // Lines before the header: the `sep=` line and any blank lines before it.
  const separatorLines = named === undefined ? 0 : text.slice(0, named.end).split(LINE_BREAK).length
  const csv = named === undefined ? text : withoutSeparatorLine(text, named.end, separatorLines)
  const delimiter = named?.delimiter ?? sniffDelimiter(csv, file)
  const headerLine = separatorLines + 1
  let records: CsvRecord[]
  try {
    records = parse(csv, { bom: true, delimiter, record_delimiter: RECORD_DELIMITERS, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as CsvRecord[]
  } catch (error) {
    throw csvError(error, csv, file)
  }
  if (records.length === 0) throw new InputError('no header row', withFile({ line: headerLine }, file))
  const { header, repeated } = distinctHeader(records[0]!.record.map((name) => name.trim()))
  const columns = findColumns(header)
  if (columns.abstract === -1) {
    throw new InputError(`no abstract column (looked for ${columnNames.abstract.slice(0, 3).join(', ')}; the header has ${header.map((name) => JSON.stringify(name)).join(', ')})`, withFile({ line: headerLine }, file))
  }
  const extraColumns: number[] = []
  const mapped = new Set(Object.values(columns))
  for (let j = 0; j < header.length; j++) if (!mapped.has(j) && header[j] !== '' && isSafeKey(header[j]!)) extraColumns.push(j)
  const drafts: TalkDraft[] = []
  const ragged: string[] = []
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!.record
    if (cells.every((cell) => cell.trim() === '')) continue
    const place = { row: r }
    if (cells.length < header.length) ragged.push(String(r))
    const source = Object.fromEntries(header.map((name, j) => [name, cells[j] ?? '']))
    if (cells.length > header.length) {
      drafts.push(unreadableDraft(source, place, `${cells.length} fields, the header has ${header.length} (an unquoted delimiter?)`))
      continue
    }
    drafts.push({
      id: cell(cells, columns.id),
      title: cell(cells, columns.title),
      abstract: cell(cells, columns.abstract),
      speakers: splitNames(cell(cells, columns.speakers)),
      track: cell(cells, columns.track),
      extra: extraColumns.map((j) => [extraKey(header[j]!), cells[j] ?? ''] as const),
      source,
      place,
    })
  }
  const warnings: Warning[] = []
  if (repeated.length > 0) warnings.push({ code: 'repeated-column', message: `${plural(repeated.length, 'header name')} used twice, later columns renamed: ${listSome(repeated, ', ')}` })
  if (ragged.length > 0) {
    warnings.push({ code: 'ragged-row', message: `${plural(ragged.length, 'row')} with fewer fields than the header, missing fields read as empty: row ${listSome(ragged, ', ')}` })
  }
  return { drafts, warnings }
}

/**
 * The header with repeated names made distinct (`tag`, `tag (2)`), so that no column is lost.
 * @param names Trimmed header cells.
 * @returns The distinct header and the renamings made, for a warning.
 */
function distinctHeader(names: readonly string[]): { header: string[]; repeated: string[] } {
  const used = new Set<string>()
  const repeated: string[] = []
  const header = names.map((name) => {
    if (name === '' || !used.has(name)) {
      used.add(name)
      return name
    }
    let n = 2
    while (used.has(`${name} (${n})`)) n++
    const renamed = `${name} (${n})`
    used.add(renamed)
    repeated.push(`${JSON.stringify(name)} → ${JSON.stringify(renamed)}`)
    return renamed
  })
  return { header, repeated }
}

/**
 * Index of the column of each role, -1 when absent.
 * @param header Header cells.
 */
function findColumns(header: readonly string[]): Record<Role, number> {
  const normalised = header.map((name) => name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '') || name)
  const found = { id: -1, title: -1, abstract: -1, speakers: -1, track: -1 }
  for (const role of Object.keys(columnNames) as Role[]) {
    for (const name of columnNames[role]) {
      const j = normalised.indexOf(name)
      if (j !== -1 && !Object.values(found).includes(j)) {
        found[role] = j
        break
      }
    }
  }
  return found
}

// Extra columns that other readers also produce get the same lower-case key.
const sharedExtraKeys = new Set(['subtitle', 'room', 'day', 'date', 'start', 'end', 'duration', 'url', 'session', 'type', 'language'])

/**
 * Key of an extra column: the shared lower-case name when it is one, else the header text.
 * @param header Header cell.
 */
function extraKey(header: string): string {
  const lower = header.toLowerCase()
  return sharedExtraKeys.has(lower) ? lower : header
}

/**
 * A cell, `''` when the column is absent or the row short.
 * @param cells Row cells.
 * @param j Column index or -1.
 */
function cell(cells: readonly string[], j: number): string {
  return j === -1 ? '' : cells[j] ?? ''
}

/**
 * The delimiter used by the header line: the most frequent of `,`, `;`, tab outside quotes.
 * @param text CSV text.
 * @param file File name: `.tsv` means tab.
 */
function sniffDelimiter(text: string, file: string | undefined): string {
  if (file !== undefined && /\.tsv$/i.test(file)) return '\t'
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 }
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch in counts) counts[ch]!++
  }
  let best = ','
  for (const candidate of [';', '\t']) if (counts[candidate]! > counts[best]!) best = candidate
  return best
}

/**
 * An InputError from a csv-parse error, with its line.
 * @param error Thrown value.
 * @param text CSV text, to find where the broken record starts.
 * @param file File name for messages.
 */
function csvError(error: unknown, text: string, file: string | undefined): InputError {
  const info = error as { code?: string; message?: string; lines?: number; bytes?: number; bytes_records?: number; index?: number }
  // csv-parse's own line count takes a CRLF inside a quoted field for two lines: the line is
  // counted here from the end of the last field it read, which the failing field follows.
  const line = typeof info.bytes === 'number' ? lineAfterByte(text, info.bytes) : info.lines
  const place = withFile(line === undefined ? {} : { line }, file)
  switch (info.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      // The line where the field that never ends starts (csv-parse's own count is the last line).
      return new InputError('a quoted field is never closed (it runs to the end of the input)', place, error)
    }
    case 'INVALID_OPENING_QUOTE':
      return new InputError(`a quote inside an unquoted field${typeof info.index === 'number' ? ` (column ${info.index + 1})` : ''}; quote the whole field and double the quotes inside it`, place, error)
    case 'CSV_INVALID_CLOSING_QUOTE':
      return new InputError('text right after a closing quote; double quotes inside quoted fields ("")', place, error)
    default:
      return new InputError(`malformed CSV: ${(info.message ?? String(error)).replace(/ at line \d+.*$/, '')}`, place, error)
  }
}

/**
 * The 1-based line of the first character after a UTF-8 byte offset (csv-parse counts bytes)
 * that is not a line break (a field after the end of a record starts on the next line that
 * holds one); a CRLF, a CR or an LF ends each line.
 * @param text CSV text.
 * @param bytes UTF-8 bytes before the offset.
 */
function lineAfterByte(text: string, bytes: number): number {
  let end = new TextDecoder().decode(new TextEncoder().encode(text).subarray(0, bytes)).length
  while (text[end] === '\n' || text[end] === '\r') end++
  return text.slice(0, end).split(LINE_BREAK).length
}
