/**
 * Label vectors shared by the evaluation metrics: validation and integer coding.
 * Internal to src/eval; the public types are re-exported from src/index.ts.
 */
import { InputError, describeValue } from '../errors.js'

/** A class or cluster label: a track name, a theme index, a tag. */
export type Label = string | number

/**
 * One label per item, in item order: a plain array or a typed array such as
 * `Atlas.assignments`. Labels are compared with SameValueZero (as `Map` keys), so `1` and
 * `'1'` are different labels.
 */
export type Labels = ArrayLike<Label>

/** Labels recoded as dense integers, in order of first appearance. */
export interface LabelCodes {
  /** Distinct labels; `values[c]` is the label coded `c`. */
  readonly values: readonly Label[]
  /** Code of each item, `0 ≤ codes[i] < values.length`. */
  readonly codes: Int32Array
  /** Number of items per code. */
  readonly sizes: Int32Array
}

/**
 * Checks that `labels` is an array-like of strings and numbers, then codes it.
 * @param labels Labels to code.
 * @param where Public function name, for messages.
 * @param argument Argument name (`truth`, `predicted`), for messages.
 */
export function encodeLabels(labels: Labels, where: string, argument: string): LabelCodes {
  checkArrayLike(labels, where, argument)
  const n = labels.length
  const codes = new Int32Array(n)
  const codeOf = new Map<Label, number>()
  const values: Label[] = []
  const counts: number[] = []
  for (let i = 0; i < n; i++) {
    const label = labels[i]
    let code = codeOf.get(label as Label)
    if (code === undefined) {
      checkLabel(label, where, `${argument}[${i}]`)
      code = values.length
      codeOf.set(label as Label, code)
      values.push(label as Label)
      counts.push(0)
    }
    codes[i] = code
    counts[code]!++
  }
  return { values, codes, sizes: Int32Array.from(counts) }
}

/**
 * Throws unless `value` is array-like (has a numeric `length`).
 * @param value Argument to check.
 * @param where Public function name, for messages.
 * @param argument Argument name, for messages.
 */
export function checkArrayLike(value: unknown, where: string, argument: string): void {
  const length = (value as { length?: unknown } | null | undefined)?.length
  if (typeof length !== 'number' || typeof value === 'string') {
    throw new InputError(`${where}: ${argument} must be an array, got ${describeValue(value)}`, {
      field: argument,
      actual: describeValue(value),
      expected: 'an array',
    })
  }
}

/**
 * Throws unless the two label vectors describe the same number of items.
 * @param where Public function name, for messages.
 * @param truth True labels.
 * @param predicted Predicted labels.
 */
export function checkSameLength(where: string, truth: ArrayLike<unknown>, predicted: ArrayLike<unknown>): void {
  if (truth.length !== predicted.length) {
    throw new InputError(`${where}: truth has ${truth.length} labels but predicted has ${predicted.length}`, {
      field: 'predicted',
      actual: `${predicted.length} labels`,
      expected: `${truth.length} labels`,
    })
  }
}

/**
 * Throws unless `label` is a string or a number.
 * @param label Label to check.
 * @param where Public function name, for messages.
 * @param field Place of the label (`truth[3]`).
 */
export function checkLabel(label: unknown, where: string, field: string): void {
  if (typeof label !== 'string' && typeof label !== 'number') {
    throw new InputError(`${where}: label is ${describeValue(label)}, expected a string or a number`, {
      field,
      actual: describeValue(label),
      expected: 'a string or a number',
    })
  }
}

/**
 * Throws unless `j` is an integer index into `n` items.
 * @param j Value to check.
 * @param n Number of items.
 * @param where Public function name, for messages.
 * @param field Place of the value (`neighbours[2][0]`).
 */
export function checkItemIndex(j: unknown, n: number, where: string, field: string): void {
  if (!Number.isInteger(j) || (j as number) < 0 || (j as number) >= n) {
    throw new InputError(`${where}: ${describeValue(j)} is not an item index, expected an integer in [0, ${n})`, {
      field,
      actual: describeValue(j),
      expected: `an integer in [0, ${n})`,
    })
  }
}
