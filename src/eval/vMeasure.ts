import { OptionError } from '../errors.js'
import { countContingency } from './contingency.js'
import { entropy, mutualInformation } from './information.js'
import type { Labels } from './labels.js'

/** Options of {@link vMeasure}. */
export interface VMeasureOptions {
  /**
   * Weight of completeness against homogeneity in the harmonic mean: above 1 favours
   * completeness, below 1 homogeneity.
   * @default 1
   */
  beta?: number
}

/** Defaults of {@link VMeasureOptions}. */
export const defaultVMeasureOptions: Readonly<Required<VMeasureOptions>> = Object.freeze({ beta: 1 })

/** Result of {@link vMeasure}. */
export interface VMeasure {
  /** h = I / H(truth): 1 when every predicted cluster holds a single true class. */
  readonly homogeneity: number
  /** c = I / H(predicted): 1 when every true class sits in a single predicted cluster. */
  readonly completeness: number
  /** v = (1 + β)·h·c / (β·h + c), the weighted harmonic mean of the two. */
  readonly v: number
}

/**
 * Homogeneity, completeness and their harmonic mean, the V-measure (Rosenberg and
 * Hirschberg, 2007), of a predicted labelling against the truth. With β = 1 the V-measure
 * equals {@link normalizedMutualInfo} with the arithmetic mean. Not symmetric:
 * swapping the arguments swaps homogeneity and completeness.
 *
 * Matches scikit-learn's `homogeneity_completeness_v_measure`: a labelling with zero
 * entropy counts as homogeneous (or complete), and no items gives 1, 1, 1.
 *
 * @param truth True label of each item.
 * @param predicted Predicted label of each item.
 * @param options Weight β.
 * @returns The three scores, each in [0, 1].
 * @throws {InputError} When the lengths differ or a label is neither a string nor a number.
 * @throws {OptionError} When `beta` is not a finite number ≥ 0.
 *
 * @example
 * vMeasure([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])
 * // { homogeneity: 0.6666666666666666, completeness: 0.420619835714305, v: 0.5158037429793888 }
 */
export function vMeasure(truth: Labels, predicted: Labels, options: VMeasureOptions = {}): VMeasure {
  const beta = resolveBeta(options)
  const table = countContingency('vMeasure', truth, predicted)
  if (table.n === 0) return { homogeneity: 1, completeness: 1, v: 1 }
  const mi = mutualInformation(table)
  const truthEntropy = entropy(table.truth.sizes, table.n)
  const predictedEntropy = entropy(table.predicted.sizes, table.n)
  const homogeneity = truthEntropy === 0 ? 1 : Math.min(1, mi / truthEntropy)
  const completeness = predictedEntropy === 0 ? 1 : Math.min(1, mi / predictedEntropy)
  const v =
    homogeneity + completeness === 0
      ? 0
      : ((1 + beta) * homogeneity * completeness) / (beta * homogeneity + completeness)
  return { homogeneity, completeness, v }
}

/**
 * Validates the options once at entry.
 * @param options Options as given.
 */
function resolveBeta(options: VMeasureOptions): number {
  const beta = options.beta ?? defaultVMeasureOptions.beta
  if (typeof beta !== 'number' || !Number.isFinite(beta) || beta < 0) {
    throw new OptionError('vMeasure', 'beta', beta, 'a finite number ≥ 0')
  }
  return beta
}
