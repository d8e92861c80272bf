/**
 * A small schema language for untrusted parsed JSON: each check walks a value, throws an
 * `InputError` naming the first bad path, and adds a lower bound of the value's JSON length
 * to a running tally (a parsed object no longer knows its file's length, but its array
 * lengths and strings bound it from below). Nothing is allocated from a declared size.
 */
import { InputError } from '../errors.js'

/** Running lower bound of the JSON text length of what has been checked, in characters. */
export interface JsonTally {
  chars: number
}

/** Checks one value at a path; throws InputError on the first problem. */
export type Check = (value: unknown, path: string, tally: JsonTally) => void

/** Largest value an Int32Array element holds. */
export const INT32_MAX = 2 ** 31 - 1

/**
 * Throws the InputError of a path.
 * @param path Path in the JSON (`atlas.lsa.components[12]`).
 * @param reason What is wrong.
 * @param expected What was expected, if worth saying apart.
 */
export function fail(path: string, reason: string, expected?: string): never {
  throw new InputError(reason, expected === undefined ? { field: path } : { field: path, expected })
}

/**
 * Throws "expected …, found …".
 * @param path Path of the value.
 * @param expected What was expected.
 * @param value What was found.
 */
export function failType(path: string, expected: string, value: unknown): never {
  const found = describeJson(value)
  throw new InputError(`expected ${expected}, found ${found}`, { field: path, expected, actual: found })
}

/**
 * A value as an error message shows it: strings quoted and cut at 40 characters, numbers as
 * they are, containers by kind.
 * @param value Value found.
 */
export function describeJson(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  return String(value)
}

/** Any string. */
export const string: Check = (value, path, tally) => {
  if (typeof value !== 'string') failType(path, 'a string', value)
  tally.chars += value.length + 2
}

/** A string with at least one character. */
export const nonEmptyString: Check = (value, path, tally) => {
  if (typeof value !== 'string' || value === '') failType(path, 'a non-empty string', value)
  tally.chars += value.length + 2
}

/** Exactly the given string. */
export function literal(expected: string): Check {
  return (value, path, tally) => {
    if (value !== expected) failType(path, JSON.stringify(expected), value)
    tally.chars += expected.length + 2
  }
}

/**
 * An integer in [min, max].
 * @param min Smallest allowed value.
 * @param max Largest allowed value (default: none below 2⁵³).
 */
export function integer(min: number, max: number = Number.MAX_SAFE_INTEGER): Check {
  const expected = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`
  return (value, path, tally) => {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) failType(path, expected, value)
    tally.chars += 1
  }
}

/**
 * A number that stays finite and within [min, max] once rounded to float32, as it is stored.
 * @param min Smallest allowed value (after rounding).
 * @param max Largest allowed value (after rounding).
 */
export function float32(min: number, max: number): Check {
  return (value, path, tally) => {
    checkFloat32(value, path, min, max)
    tally.chars += 1
  }
}

/**
 * One float32 element; shared by {@link float32} and {@link float32Array}.
 * @param value Element.
 * @param path Its path.
 * @param min Smallest allowed value.
 * @param max Largest allowed value.
 */
function checkFloat32(value: unknown, path: string, min: number, max: number): void {
  if (typeof value !== 'number' || Number.isNaN(value)) failType(path, 'a number', value)
  const rounded = Math.fround(value)
  if (!Number.isFinite(rounded)) fail(path, `${rounded} after float32 conversion`)
  if (!(rounded >= min && rounded <= max)) fail(path, `${value} is outside [${min}, ${max}]`)
}

/**
 * An array of float32 values in [min, max] (a plain loop: these arrays hold millions of values).
 * @param min Smallest allowed value.
 * @param max Largest allowed value.
 */
export function float32Array(min: number, max: number): Check {
  return (value, path, tally) => {
    if (!Array.isArray(value)) failType(path, 'an array', value)
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      // The path is only spelled out for a bad element: these loops run over millions.
      if (typeof item !== 'number' || !(Math.fround(item) >= min && Math.fround(item) <= max)) checkFloat32(item, `${path}[${i}]`, min, max)
    }
    tally.chars += 2 + 2 * value.length
  }
}

/**
 * An array of integers in [min, max] (Int32Array elements).
 * @param min Smallest allowed value.
 * @param max Largest allowed value.
 */
export function int32Array(min: number, max: number): Check {
  return (value, path, tally) => {
    if (!Array.isArray(value)) failType(path, 'an array', value)
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (!Number.isInteger(item) || (item as number) < min || (item as number) > max) failType(`${path}[${i}]`, `an integer in [${min}, ${max}]`, item)
    }
    tally.chars += 2 + 2 * value.length
  }
}

/**
 * An array whose every item passes a check.
 * @param item Check of each item.
 */
export function arrayOf(item: Check): Check {
  return (value, path, tally) => {
    if (!Array.isArray(value)) failType(path, 'an array', value)
    for (let i = 0; i < value.length; i++) item(value[i], `${path}[${i}]`, tally)
    tally.chars += 2 + value.length
  }
}

/**
 * An array of fixed length with one check per position.
 * @param items Check of each position.
 * @param description How the expected array reads in a message.
 */
export function tuple(items: readonly Check[], description: string): Check {
  return (value, path, tally) => {
    if (!Array.isArray(value) || value.length !== items.length) failType(path, description, value)
    items.forEach((item, i) => item(value[i], `${path}[${i}]`, tally))
    tally.chars += 1 + items.length
  }
}

/**
 * One of two checks; the message names both.
 * @param first First alternative.
 * @param second Second alternative.
 * @param description How the alternatives read in a message.
 */
export function either(first: Check, second: Check, description: string): Check {
  return (value, path, tally) => {
    for (const check of [first, second]) {
      try {
        check(value, path, tally)
        return
      } catch (error) {
        if (!(error instanceof InputError)) throw error
      }
    }
    failType(path, description, value)
  }
}

/** Any value (read by nothing that could break on it). */
export const anything: Check = () => {}

/** A plain object (not null, not an array). */
export const anyObject: Check = (value, path) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) failType(path, 'an object', value)
}

/**
 * An object with the given fields; other fields are allowed and left alone.
 * @param fields Check of each required field.
 * @param optional Check of each field that may be absent.
 */
export function objectOf(fields: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check {
  const required = Object.entries(fields)
  const maybe = Object.entries(optional)
  return (value, path, tally) => {
    anyObject(value, path, tally)
    const record = value as Record<string, unknown>
    for (const [key, check] of required) {
      const field = Object.hasOwn(record, key) ? record[key] : undefined
      if (field === undefined) fail(`${path}.${key}`, 'missing field')
      check(field, `${path}.${key}`, tally)
      tally.chars += key.length + 4
    }
    for (const [key, check] of maybe) {
      if (!Object.hasOwn(record, key) || record[key] === undefined) continue
      check(record[key], `${path}.${key}`, tally)
      tally.chars += key.length + 4
    }
  }
}
