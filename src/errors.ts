/**
 * Errors thrown by talkatlas. Every error has a stable `code`; input errors carry the
 * place (file, line, column, field) so that a CLI can print `talks.csv row 14: …`
 * without a stack trace.
 */

/** Machine-readable error kinds. */
export type ErrorCode = 'INPUT' | 'OPTION' | 'INTERNAL'

/** Base class of every error talkatlas throws on purpose. */
export class TalkatlasError extends Error {
  /** Stable kind of the error. */
  readonly code: ErrorCode

  /**
   * @param code Stable kind of the error.
   * @param message Human-readable message, already naming the place or option.
   * @param cause Underlying error, if any.
   */
  constructor(code: ErrorCode, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
    this.name = 'TalkatlasError'
    this.code = code
  }
}

/** Where in an input something went wrong. All fields optional. */
export interface InputPlace {
  /** File name as given by the user (or `<stdin>`). */
  file?: string
  /** 1-based line number. */
  line?: number
  /** 1-based column number. */
  column?: number
  /** 1-based data row (CSV) or 0-based record index (JSON arrays). */
  row?: number
  /** Field or key that is wrong, e.g. `talks[3].title`. */
  field?: string
  /** What was found. */
  actual?: string
  /** What was expected. */
  expected?: string
}

/** Malformed or unusable input: exit code 2 in the CLI. */
export class InputError extends TalkatlasError {
  readonly file: string | undefined
  readonly line: number | undefined
  readonly column: number | undefined
  readonly row: number | undefined
  readonly field: string | undefined
  readonly actual: string | undefined
  readonly expected: string | undefined

  /**
   * @param reason What is wrong, without the place (`unclosed <event>`).
   * @param place Where it is wrong; rendered in front of the reason.
   * @param cause Underlying parser error, if any.
   */
  constructor(reason: string, place: InputPlace = {}, cause?: unknown) {
    super('INPUT', `${formatPlace(place)}${reason}`, cause)
    this.name = 'InputError'
    this.file = place.file
    this.line = place.line
    this.column = place.column
    this.row = place.row
    this.field = place.field
    this.actual = place.actual
    this.expected = place.expected
  }
}

/** An option outside its allowed range: exit code 2 in the CLI. */
export class OptionError extends TalkatlasError {
  readonly option: string
  readonly value: unknown
  readonly allowed: string

  /**
   * @param where Function or command that rejected the option (`kmeans`).
   * @param option Option name (`k`).
   * @param value Offending value.
   * @param allowed Human description of the allowed values (`an integer ≥ 1`).
   * @param detail Optional extra explanation replacing the default message tail.
   */
  constructor(where: string, option: string, value: unknown, allowed: string, detail?: string) {
    super('OPTION', `${where}: ${option}=${describeValue(value)} ${detail ?? `is invalid, expected ${allowed}`}`)
    this.name = 'OptionError'
    this.option = option
    this.value = value
    this.allowed = allowed
  }
}

/**
 * Renders a place as the prefix of a message: `file.xml:12: `, `talks.csv row 14: `,
 * `talks.json talks[3].title: `.
 * @param place Place to render.
 */
export function formatPlace(place: InputPlace): string {
  let out = place.file ?? ''
  if (place.line !== undefined) out += `:${place.line}${place.column !== undefined ? `:${place.column}` : ''}`
  else if (place.row !== undefined) out += `${out ? ' ' : ''}row ${place.row}`
  if (place.field !== undefined) out += `${out ? ' ' : ''}${place.field}`
  return out ? `${out}: ` : ''
}

/**
 * Short printable form of a value for messages.
 * @param value Value to describe.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value)
  return Object.prototype.toString.call(value)
}
