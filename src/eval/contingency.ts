import { checkSameLength, encodeLabels } from './labels.js'
import type { LabelCodes, Labels } from './labels.js'

/**
 * Contingency table of two labellings of the same items, stored sparsely: only the
 * non-empty cells, so a clustering into thousands of singletons costs O(n), not O(n²).
 */
export interface Contingency {
  /** Number of items. */
  readonly n: number
  /** The true labels coded in order of first appearance; `sizes` are the row sums aᵢ. */
  readonly truth: LabelCodes
  /** The predicted labels coded in order of first appearance; `sizes` are the column sums bⱼ. */
  readonly predicted: LabelCodes
  /**
   * Non-empty cells, sorted by true class then predicted cluster: cell `p` counts
   * `count[p]` items with true code `truthCode[p]` and predicted code `predictedCode[p]`.
   */
  readonly cells: {
    readonly truthCode: Int32Array
    readonly predictedCode: Int32Array
    readonly count: Int32Array
  }
}

/**
 * Counts how the items of each true class spread over the predicted clusters: the
 * contingency table nᵢⱼ = |{items with true label i and predicted label j}| that every
 * clustering metric (mutual information, Rand index, V-measure) is computed from.
 *
 * @param truth True label of each item (e.g. the track of each talk).
 * @param predicted Predicted label of each item (e.g. the theme index of each talk).
 * @returns The sparse table with the coded labels and their sizes.
 * @throws {InputError} When the lengths differ or a label is neither a string nor a number.
 *
 * @example
 * contingency(['a', 'a', 'b'], [0, 1, 1]).cells.count // Int32Array [1, 1, 1]
 */
export function contingency(truth: Labels, predicted: Labels): Contingency {
  return countContingency('contingency', truth, predicted)
}

/**
 * {@link contingency} with the caller's name in error messages.
 * @param where Public function name, for messages.
 * @param truth True labels.
 * @param predicted Predicted labels.
 */
export function countContingency(where: string, truth: Labels, predicted: Labels): Contingency {
  const truthCodes = encodeLabels(truth, where, 'truth')
  const predictedCodes = encodeLabels(predicted, where, 'predicted')
  checkSameLength(where, truth, predicted)
  const n = truth.length
  const nPredicted = predictedCodes.values.length
  // One number per item identifies its cell; sorting the keys groups equal cells in
  // (truth, predicted) order. Keys stay below n² ≤ 2^53 for any realistic n.
  const keys = new Float64Array(n)
  for (let i = 0; i < n; i++) keys[i] = truthCodes.codes[i]! * nPredicted + predictedCodes.codes[i]!
  keys.sort()
  let nCells = 0
  for (let i = 0; i < n; i++) if (i === 0 || keys[i] !== keys[i - 1]) nCells++
  const truthCode = new Int32Array(nCells)
  const predictedCode = new Int32Array(nCells)
  const count = new Int32Array(nCells)
  let p = -1
  for (let i = 0; i < n; i++) {
    const key = keys[i]!
    if (i === 0 || key !== keys[i - 1]) {
      p++
      truthCode[p] = Math.floor(key / nPredicted)
      predictedCode[p] = key - truthCode[p]! * nPredicted
    }
    count[p]!++
  }
  return { n, truth: truthCodes, predicted: predictedCodes, cells: { truthCode, predictedCode, count } }
}
