/** Small helpers the readers share for picking fields out of loosely shaped records. */
import type { InputPlace } from '../errors.js'

/** Keys never copied from untrusted records onto new objects. */
const unsafeKeys = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Whether a key may be copied onto a plain object without touching its prototype.
 * @param key Record key.
 */
export function isSafeKey(key: string): boolean {
  return !unsafeKeys.has(key)
}

/**
 * Whether a value is a plain record (not null, not an array).
 * @param value Any parsed value.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The value of the first own field of `record` among `names` that is neither missing,
 * null nor an empty string.
 * @param record Record to read.
 * @param names Candidate field names, most specific first.
 */
export function pickField(record: Record<string, unknown>, names: readonly string[]): unknown {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (!Object.prototype.hasOwnProperty.call(record, name)) continue
    const value = record[name]
    if (value !== undefined && value !== null && value !== '') return value
  }
  return undefined
}

/**
 * Name of the first own field of `record` among `names` that holds a value.
 * @param record Record to read.
 * @param names Candidate field names.
 */
export function pickFieldName(record: Record<string, unknown>, names: readonly string[]): string | undefined {
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    if (Object.prototype.hasOwnProperty.call(record, name) && record[name] != null && record[name] !== '') return name
  }
  return undefined
}

const personNameFields = ['public_name', 'publicName', 'fullName', 'full_name', 'displayName', 'name'] as const

/**
 * Speaker names from the usual shapes: an array of strings, an array of person records
 * (`public_name`, `fullName`, `name`, or `first_name` + `last_name`), or one string with
 * names separated by `;`, `|` or line breaks (or by commas when none of those occur).
 * @param value Raw speakers value.
 * @returns Non-empty trimmed names, in input order.
 */
export function speakerNames(value: unknown): string[] {
  if (value == null || value === '') return []
  if (typeof value === 'string') return splitNames(value)
  if (!Array.isArray(value)) return isRecord(value) ? nonEmpty([personName(value)]) : []
  const names: string[] = []
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i]
    const name = typeof item === 'string' ? item : isRecord(item) ? personName(item) : ''
    const trimmed = name.trim()
    if (trimmed !== '') names.push(trimmed)
  }
  return names
}

/**
 * One display name from a person record.
 * @param person Person record.
 */
export function personName(person: Record<string, unknown>): string {
  const first = person['first_name'] ?? person['firstName']
  const last = person['last_name'] ?? person['lastName']
  if (typeof first === 'string' && typeof last === 'string' && `${first}${last}`.trim() !== '') return `${first.trim()} ${last.trim()}`.trim()
  const name = pickField(person, personNameFields)
  return typeof name === 'string' ? name : typeof name === 'number' ? String(name) : ''
}

/**
 * Splits a list of names written in one string.
 * @param text Names separated by `;`, `|`, line breaks or commas.
 */
export function splitNames(text: string): string[] {
  const separator = /[;|\n]/.test(text) ? /[;|\n]/ : /,/
  return nonEmpty(text.split(separator))
}

/**
 * Trims strings and drops the empty ones.
 * @param items Strings to filter.
 */
function nonEmpty(items: readonly string[]): string[] {
  const out: string[] = []
  for (const item of items) {
    const trimmed = item.trim()
    if (trimmed !== '') out.push(trimmed)
  }
  return out
}

/**
 * Line number (1-based) of a character offset in a text.
 * @param text Whole input.
 * @param offset 0-based character offset.
 */
export function lineAt(text: string, offset: number): number {
  let line = 1
  let p = text.indexOf('\n')
  while (p !== -1 && p < offset) {
    line++
    p = text.indexOf('\n', p + 1)
  }
  return line
}

/**
 * A function from character offset to line number (1-based) that scans the text once, on
 * its first call, then answers each call by binary search: many lookups stay linear overall.
 * @param text Whole input.
 */
export function lineLocator(text: string): (offset: number) => number {
  let breaks: Int32Array | undefined
  return (offset) => {
    if (breaks === undefined) {
      let n = 0
      for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) n++
      breaks = new Int32Array(n)
      n = 0
      for (let p = text.indexOf('\n'); p !== -1; p = text.indexOf('\n', p + 1)) breaks[n++] = p
    }
    // Line = 1 + number of line breaks before offset.
    let lo = 0
    let hi = breaks.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (breaks[mid]! < offset) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  }
}

/**
 * A place with the file name added when known.
 * @param place Place without file.
 * @param file File name.
 */
export function withFile(place: InputPlace, file: string | undefined): InputPlace {
  return file === undefined ? place : { ...place, file }
}

/**
 * Text of a scalar field: strings as they are, numbers in their string form, else `''`.
 * @param value Field value.
 */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

/**
 * `null`, `a list`, `a record`, `a number`, for messages.
 * @param value Any parsed value.
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'a record' : `a ${typeof value}`
}
