import { isRecord } from './fields.js'
import { isIndicoTimetable } from './readIndicoTimetable.js'

/** The input formats talkatlas reads. */
export type TalkFormat = 'json' | 'frab-xml' | 'frab-json' | 'indico' | 'sessionize' | 'csv' | 'text'

/** Every {@link TalkFormat}, in the order `--help` lists them. */
export const talkFormats: readonly TalkFormat[] = Object.freeze(['json', 'frab-xml', 'frab-json', 'indico', 'sessionize', 'csv', 'text'])

/** Options of {@link detectFormat}. */
export interface DetectFormatOptions {
  /**
   * File name; its extension settles CSV (`.csv`, `.tsv`) and plain text (`.txt`, `.md`).
   * @default undefined
   */
  fileName?: string
}

// Header words that make a first line look like a CSV header.
const csvHeaderWord = /(^|[,;\t"])\s*"?(title|abstract|description|summary)"?\s*([,;\t"]|$)/i

/**
 * Works out the format of an input from its content (and file extension):
 * `<` first → frab XML; `{"`, `[{`, `[[`… first → JSON, then frab schedule.json, Indico,
 * Sessionize or a talk list by shape; a first line with a delimiter and a title/abstract/description/summary column,
 * or Excel's `sep=;` line → CSV; anything else → plain text.
 *
 * JSON text is parsed to look at its shape; {@link parseTalks} avoids doing that twice.
 *
 * @param text Whole input, BOM allowed.
 * @param options File name hint.
 * @returns The format name.
 */
export function detectFormat(text: string, options: DetectFormatOptions = {}): TalkFormat {
  const byName = formatFromFileName(options.fileName)
  if (byName !== undefined) return byName
  const kind = sniffSyntax(text, options.fileName)
  if (kind !== 'json') return kind
  try {
    return jsonShape(JSON.parse(stripBom(text)))
  } catch {
    return 'json'
  }
}

/**
 * Format fixed by the extension, for the extensions that leave no doubt.
 * @param fileName File name, if any.
 */
export function formatFromFileName(fileName: string | undefined): TalkFormat | undefined {
  if (fileName === undefined) return undefined
  if (/\.(csv|tsv)$/i.test(fileName)) return 'csv'
  if (/\.(txt|text|md|markdown)$/i.test(fileName)) return 'text'
  return undefined
}

/**
 * The syntax family of an input: XML, JSON, CSV or plain text. JSON is decided on the
 * first character unless the file name says otherwise.
 * @param text Whole input.
 * @param fileName File name, if any.
 */
export function sniffSyntax(text: string, fileName: string | undefined): 'frab-xml' | 'json' | 'csv' | 'text' {
  if (fileName !== undefined && /\.xml$/i.test(fileName)) return 'frab-xml'
  if (fileName !== undefined && /\.json$/i.test(fileName)) return 'json'
  const start = stripBom(text).trimStart()
  const first = start.charAt(0)
  if (first === '<') return 'frab-xml'
  if (looksLikeJson(start)) return 'json'
  if (excelSeparator(start) !== undefined) return 'csv'
  const newline = start.indexOf('\n')
  const firstLine = newline === -1 ? start : start.slice(0, newline)
  if (/[,;\t]/.test(firstLine) && csvHeaderWord.test(firstLine)) return 'csv'
  return 'text'
}

/**
 * Whether text opens like a JSON object or array: `{` then `"` or `}`, or `[` then the
 * start of a value. `[Keynote] Opening` is prose, not JSON.
 * @param start Text from its first non-space character.
 */
function looksLikeJson(start: string): boolean {
  const next = start.slice(1, 64).trimStart().charAt(0)
  if (start.startsWith('{')) return next === '"' || next === '}' || next === ''
  if (start.startsWith('[')) return next === '' || '{["]-0123456789tfn'.includes(next)
  return false
}

/**
 * Which JSON format a parsed value is.
 * @param data Parsed JSON.
 */
export function jsonShape(data: unknown): TalkFormat {
  if (isRecord(data)) {
    const schedule = data['schedule']
    if (isRecord(schedule) && isRecord(schedule['conference'])) return 'frab-json'
    const results = data['results']
    if (Array.isArray(results) && results.some((event) => isRecord(event) && (Object.hasOwn(event, 'contributions') || Object.hasOwn(event, 'sessions')))) return 'indico'
    if (isIndicoTimetable(results)) return 'indico'
    if (Array.isArray(data['sessions'])) return 'sessionize'
    return 'json'
  }
  if (Array.isArray(data) && data.length > 0 && data.every((group) => isRecord(group) && Array.isArray(group['sessions']) && !('title' in group))) return 'sessionize'
  return 'json'
}

/**
 * Drops a leading byte order mark.
 * @param text Text.
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** `sep=` and one character (a code point), then the end of the line or of the text. */
const EXCEL_SEPARATOR_LINE = /^sep=([^"\r\n])(?=\r|\n|$)/u

/**
 * Excel's first line `sep=;` (any one character but a quote), which names the delimiter of the
 * rest of the file: the delimiter, and where the line's text starts and ends (its line break
 * excluded), after a byte order mark and blank lines (which format detection skips too).
 * @param text CSV text.
 * @internal
 */
export function excelSeparator(text: string): { delimiter: string; start: number; end: number } | undefined {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (start < text.length && /\s/.test(text[start]!)) start++
  const match = EXCEL_SEPARATOR_LINE.exec(text.slice(start, start + 8))
  return match === null ? undefined : { delimiter: match[1]!, start, end: start + match[0].length }
}
