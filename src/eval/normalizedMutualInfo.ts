import { OptionError } from '../errors.js'
import { countContingency } from './contingency.js'
import { entropy, mutualInformation } from './information.js'
import type { Labels } from './labels.js'
import { unreachable } from '../util/unreachable.js'

/** How the two entropies are averaged into the normaliser of {@link normalizedMutualInfo}. */
export type EntropyAverage = 'arithmetic' | 'geometric' | 'min' | 'max'

/** Options of {@link normalizedMutualInfo}. */
export interface NormalizedMutualInfoOptions {
  /**
   * Mean of H(truth) and H(predicted) that divides the mutual information. `'arithmetic'`
   * makes NMI equal to the V-measure, as in scikit-learn's default.
   * @default 'arithmetic'
   */
  average?: EntropyAverage
}

/** Defaults of {@link NormalizedMutualInfoOptions}. */
export const defaultNormalizedMutualInfoOptions: Readonly<Required<NormalizedMutualInfoOptions>> = Object.freeze({
  average: 'arithmetic',
})

const averages: readonly EntropyAverage[] = ['arithmetic', 'geometric', 'min', 'max']

/**
 * Normalised mutual information between two labellings of the same items:
 * NMI = I(truth; predicted) / mean(H(truth), H(predicted)), with natural logarithms.
 * 1 when the partitions are identical up to renaming the labels, 0 when they are
 * independent; symmetric in its arguments; not adjusted for chance (many small clusters
 * score higher than they deserve, see {@link adjustedRandIndex}).
 *
 * Matches scikit-learn's `normalized_mutual_info_score`, including its limit cases: 1 when
 * both labellings have a single label (or no items), 0 when the mutual information is 0.
 *
 * @param truth True label of each item.
 * @param predicted Predicted label of each item.
 * @param options Normalisation.
 * @returns A number in [0, 1].
 * @throws {InputError} When the lengths differ or a label is neither a string nor a number.
 * @throws {OptionError} When `average` is not one of the four means.
 *
 * @example
 * normalizedMutualInfo([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) // 0.5158037429793888
 */
export function normalizedMutualInfo(
  truth: Labels,
  predicted: Labels,
  options: NormalizedMutualInfoOptions = {},
): number {
  const average = resolveAverage(options)
  const table = countContingency('normalizedMutualInfo', truth, predicted)
  const nClasses = table.truth.values.length
  const nClusters = table.predicted.values.length
  if (nClasses === nClusters && nClasses <= 1) return 1
  const mi = mutualInformation(table)
  if (mi === 0) return 0
  const normalizer = averageEntropies(entropy(table.truth.sizes, table.n), entropy(table.predicted.sizes, table.n), average)
  return Math.min(1, mi / normalizer)
}

/**
 * Validates the options once at entry.
 * @param options Options as given.
 */
function resolveAverage(options: NormalizedMutualInfoOptions): EntropyAverage {
  const average = options.average ?? defaultNormalizedMutualInfoOptions.average
  if (!averages.includes(average)) {
    throw new OptionError('normalizedMutualInfo', 'average', average, `one of ${averages.map((a) => `'${a}'`).join(', ')}`)
  }
  return average
}

/**
 * The chosen mean of two entropies.
 * @param u First entropy.
 * @param v Second entropy.
 * @param average Which mean.
 */
function averageEntropies(u: number, v: number, average: EntropyAverage): number {
  switch (average) {
    case 'arithmetic':
      return (u + v) / 2
    case 'geometric':
      return Math.sqrt(u * v)
    case 'min':
      return Math.min(u, v)
    case 'max':
      return Math.max(u, v)
    default:
      return unreachable(average, 'average')
  }
}
