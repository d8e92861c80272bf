import { InputError, OptionError } from '../errors.js'
import type { Talk, Warning } from '../types.js'
import { jsonShape, sniffSyntax, formatFromFileName, stripBom, talkFormats, type TalkFormat } from './detectFormat.js'
import { lineAt, withFile } from './fields.js'
import { finishTalks, plural } from './finishTalks.js'
import { locateJsonError } from './locateJsonError.js'
import { readCsv } from './readCsv.js'
import { readFrabJson } from './readFrabJson.js'
import { readFrabXml } from './readFrabXml.js'
import { readIndico } from './readIndico.js'
import { readJsonTalks } from './readJsonTalks.js'
import { readSessionize } from './readSessionize.js'
import { readText } from './readText.js'
import type { ReaderContext, ReaderOutput } from './talkDraft.js'
import { unreachable } from '../util/unreachable.js'

/** Options of {@link parseTalks}. */
export interface ParseTalksOptions {
  /**
   * Input format, or `'auto'` to detect it from the content and file name.
   * @default 'auto'
   */
  format?: TalkFormat | 'auto'
  /**
   * File name used in messages (`talks.csv row 14: …`) and as a format hint.
   * @default undefined
   */
  fileName?: string
  /**
   * Plain text only: one talk per line instead of one per paragraph.
   * @default false
   */
  onePerLine?: boolean
  /**
   * Skip unreadable talks and repeated ids, listing them in `invalid-talk` and
   * `duplicate-id` warnings, instead of throwing on the first.
   * @default false
   */
  skipInvalid?: boolean
  /**
   * Called every thousand talks during clean-up with (done, total); for progress bars.
   * @default undefined
   */
  onProgress?: (done: number, total: number) => void
}

/** Result of {@link parseTalks}. */
export interface ParseTalksResult {
  /** Clean talks in input order, each with its original record under `source`. */
  readonly talks: Talk[]
  /** The format that was read. */
  readonly format: TalkFormat
  /** Non-fatal findings: empty abstracts, skipped talks, ragged CSV rows… */
  readonly warnings: Warning[]
  /** Plain text only: the leading block that describes the event or track, set aside. */
  readonly description?: string
  /** Plain text only: the cues that split the text (`truncation marks`, `wrapped lines`…). */
  readonly cues?: readonly string[]
  /** Records met, talks produced and records skipped, by warning code: in = out + skipped. */
  readonly tally: ReadTally
}

/** How many records a reader met and what became of them. */
export interface ReadTally {
  /** Records that could be talks (events, contributions, rows, text blocks). */
  readonly recordsIn: number
  /** Talks produced. */
  readonly talksOut: number
  /** Records that gave no talk, by the code of the warning that lists them. */
  readonly skipped: ReadonlyArray<{ readonly code: string; readonly count: number }>
}

// A guessed format that gives one talk per 5,000 characters or fewer (from 4,000 on) was
// probably guessed wrong or split wrong.
const suspectCharsPerTalk = 5000
const suspectMinLength = 4000

const jsonFormats = new Set<TalkFormat>(['json', 'frab-json', 'indico', 'sessionize'])

/**
 * Reads talks from the text of a conference export: talk JSON, frab/pentabarf XML, frab
 * or pretalx schedule.json, Indico or Sessionize JSON, CSV or plain text. Browser-safe.
 *
 * Every reader then goes through the same clean-up: HTML and Markdown reduced to text,
 * entities decoded, whitespace normalised, missing ids made from position and title
 * ({@link makeId}), the original record kept under `source`. An empty abstract is allowed
 * (warning `empty-abstract`); a talk with neither title nor abstract is unreadable.
 *
 * @param text Whole input (a leading BOM is ignored; NUL characters are removed with a
 *   `nul-characters` warning).
 * @param options Format, file name for messages, text and invalid-talk handling.
 * @returns Talks, the format read, warnings.
 * @throws {OptionError} On an unknown format.
 * @throws {InputError} On malformed input, naming file and line, row or field; on an
 *   unreadable talk or a repeated id unless `skipInvalid`; when no talk is found
 *   (`talks.txt: no talks found (read as text)`).
 */
export function parseTalks(text: string, options: ParseTalksOptions = {}): ParseTalksResult {
  const requested = options.format ?? 'auto'
  if (requested !== 'auto' && !talkFormats.includes(requested)) {
    throw new OptionError('parseTalks', 'format', requested, `auto or one of ${talkFormats.join(', ')}`)
  }
  const file = options.fileName
  const context: ReaderContext = { file, onePerLine: options.onePerLine ?? false }
  const warnings: Warning[] = []
  let input = stripBom(text)
  if (input.includes('\u0000')) {
    const count = input.split('\u0000').length - 1
    input = input.replaceAll('\u0000', '')
    warnings.push({ code: 'nul-characters', message: `${file ?? 'input'}: removed ${plural(count, 'NUL character')}` })
  }
  const { format, output } = readAny(input, requested, context)
  const finished = finishTalks(output.drafts, { file, skipInvalid: options.skipInvalid ?? false, onProgress: options.onProgress })
  const tally = tallyOf(output, finished.talks.length, finished.nInvalid, finished.nDuplicates)
  if (finished.talks.length === 0) {
    const skipped = tally.recordsIn === 0 ? '' : `; ${plural(tally.recordsIn, 'record')} skipped`
    throw new InputError(`no talks found (read as ${format}${skipped})`, withFile({}, file))
  }
  if (requested === 'auto' && input.length >= suspectMinLength && input.length / finished.talks.length > suspectCharsPerTalk) {
    warnings.push({
      code: 'few-talks',
      message: `${file ?? 'input'}: only ${plural(finished.talks.length, 'talk')} in ${(input.length / 1000).toFixed(1)} KB read as ${format}; if that is wrong, name the format (--from) or, for plain text, try --one-per-line`,
    })
  }
  return {
    talks: finished.talks,
    format,
    warnings: [...warnings, ...output.warnings, ...finished.warnings],
    ...(output.description === undefined ? {} : { description: output.description }),
    ...(output.cues === undefined ? {} : { cues: output.cues }),
    tally,
  }
}

/**
 * The tally of one read: every draft became a talk or was skipped (`finishTalks`), and the
 * reader counted what it left out on purpose, so records in = drafts + omitted (a property
 * test checks the readers' counts against the records of malformed containers).
 * @param output Reader output.
 * @param nTalks Talks produced.
 * @param nInvalid Drafts skipped as unreadable.
 * @param nDuplicates Drafts skipped for a repeated id.
 */
function tallyOf(output: ReaderOutput, nTalks: number, nInvalid: number, nDuplicates: number): ReadTally {
  const skipped: Array<{ code: string; count: number }> = []
  if (nInvalid > 0) skipped.push({ code: 'invalid-talk', count: nInvalid })
  if (nDuplicates > 0) skipped.push({ code: 'duplicate-id', count: nDuplicates })
  let omitted = 0
  for (const group of output.omitted ?? []) {
    omitted += group.count
    if (group.count > 0) skipped.push({ code: group.code, count: group.count })
  }
  return { recordsIn: output.drafts.length + omitted, talksOut: nTalks, skipped }
}

/**
 * Dispatches to the reader of the requested or detected format. JSON is parsed once.
 * @param text Input without BOM.
 * @param requested Format asked for.
 * @param context Reader context.
 */
function readAny(text: string, requested: TalkFormat | 'auto', context: ReaderContext): { format: TalkFormat; output: ReaderOutput } {
  const syntax = requested === 'auto' ? formatFromFileName(context.file) ?? sniffSyntax(text, context.file) : jsonFormats.has(requested) ? 'json' : requested
  switch (syntax) {
    case 'frab-xml':
      return { format: syntax, output: readFrabXml(text, context) }
    case 'csv':
      return { format: syntax, output: readCsv(text, context) }
    case 'text':
      return { format: syntax, output: readText(text, context) }
    case 'json':
    case 'frab-json':
    case 'indico':
    case 'sessionize': {
      const data = parseJson(text, context.file)
      const format = requested === 'auto' ? jsonShape(data) : requested
      return { format, output: readJson(format, data, context) }
    }
    default:
      return unreachable(syntax, 'syntax')
  }
}

/**
 * Runs the reader of one JSON format.
 * @param format JSON format.
 * @param data Parsed JSON.
 * @param context Reader context.
 */
function readJson(format: TalkFormat, data: unknown, context: ReaderContext): ReaderOutput {
  switch (format) {
    case 'frab-json':
      return readFrabJson(data, context)
    case 'indico':
      return readIndico(data, context)
    case 'sessionize':
      return readSessionize(data, context)
    default:
      return readJsonTalks(data, context)
  }
}

/**
 * `JSON.parse` with syntax errors turned into `file:line:column: reason`.
 * @param text JSON text.
 * @param file File name for messages.
 */
function parseJson(text: string, file: string | undefined): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const offset = locateJsonError(text)
    const line = lineAt(text, offset)
    const column = offset - text.lastIndexOf('\n', offset - 1)
    const reason = offset >= text.length ? 'invalid JSON: unexpected end of input' : `invalid JSON: unexpected ${describeChar(text, offset)}`
    throw new InputError(reason, withFile({ line, column }, file), error)
  }
}

/**
 * A character for a message: `'}'`, `a line break`.
 * @param text Text.
 * @param offset Offset of the character.
 */
function describeChar(text: string, offset: number): string {
  const ch = String.fromCodePoint(text.codePointAt(offset)!)
  if (ch === '\n' || ch === '\r') return 'line break inside a string'
  if (ch < ' ') return `control character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
  return `'${ch}'`
}
