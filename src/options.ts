/**
 * Option defaults and validators shared by every stage. Each stage keeps its own
 * `default…Options`; what they have in common lives here, so that the seed default and the
 * wording of an invalid-option message are written once.
 */
import { OptionError } from './errors.js'

/** Seed used when the caller passes none: same input, same output, run after run. */
export const DEFAULT_SEED = 42

/**
 * Throws unless `value` is an integer in [min, max]. The message reads
 * `groupSessions: size=0 is invalid, expected an integer in [1, 1000]`, or `… an integer ≥ 1` when
 * `max` is left open (`Infinity`) or is `Number.MAX_SAFE_INTEGER`.
 * @param where Function or command that takes the option (`fitTfidf`, `tagTalks`, `groupSessions`).
 * @param option Option name.
 * @param value Value the caller passed.
 * @param min Smallest allowed integer.
 * @param max Largest allowed integer.
 * @param orAuto Whether `'auto'` is allowed too (the message then ends `or 'auto'`).
 */
export function checkInteger(where: string, option: string, value: unknown, min: number, max = Infinity, orAuto = false): void {
  if ((orAuto && value === 'auto') || (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) return
  const allowed = max >= Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer in [${min}, ${max}]`
  throw new OptionError(where, option, value, orAuto ? `${allowed} or 'auto'` : allowed)
}

/**
 * Throws unless `value` is a number in [min, max], or [min, max) when `maxOpen`.
 * @param where Function or command that takes the option.
 * @param option Option name.
 * @param value Value the caller passed.
 * @param min Smallest allowed value.
 * @param max Upper bound.
 * @param maxOpen Whether `max` itself is excluded.
 * @param allowed Allowed values in words, for the message (`a number in [0, 1)`).
 */
export function checkRange(where: string, option: string, value: unknown, min: number, max: number, maxOpen: boolean, allowed: string): void {
  const ok = typeof value === 'number' && value >= min && (maxOpen ? value < max : value <= max)
  if (!ok) throw new OptionError(where, option, value, allowed)
}

/** Options as a caller may pass them: each optional, `undefined` meaning "the default". */
export type OptionsGiven<T> = { readonly [K in keyof T]?: T[K] | undefined }

/**
 * A stage's frozen defaults with the options the caller set on top; an option set to
 * `undefined` keeps its default, as if left out. Validation is not done here: it happens
 * once, where the user passes the option (`resolveAtlasOptions`, `resolveTagOptions`, …).
 * @param defaults The stage's `default…Options`.
 * @param options Options given, possibly partial.
 */
export function withDefaults<T extends object>(defaults: Readonly<T>, options: OptionsGiven<T>): Readonly<T> {
  const resolved = { ...defaults } as T
  for (const key of Object.keys(options) as (keyof T)[]) {
    const value = options[key]
    if (value !== undefined) resolved[key] = value as T[keyof T]
  }
  return Object.freeze(resolved)
}
