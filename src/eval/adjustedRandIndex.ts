import { countContingency } from './contingency.js'
import type { Labels } from './labels.js'

/**
 * Adjusted Rand index between two labellings of the same items: the share of item pairs
 * on which they agree (same group in both, or different groups in both), corrected for
 * chance. 1 for identical partitions up to renaming, about 0 for random labellings,
 * negative when worse than chance; symmetric.
 *
 * With the pair counts of scikit-learn's `pair_confusion_matrix` (ordered pairs):
 * tp = Σ nᵢⱼ² − n, fp = Σⱼ bⱼ² − Σ nᵢⱼ², fn = Σᵢ aᵢ² − Σ nᵢⱼ², tn = n² − tp − fp − fn − n,
 * ARI = 2·(tp·tn − fn·fp) / ((tp + fn)·(fn + tn) + (tp + fp)·(fp + tn)),
 * and 1 when fn = fp = 0 (this covers no items, one item, and identical partitions).
 * The same formula as Hubert and Arabie (1985), and as scikit-learn 1.2's `adjusted_rand_score`.
 *
 * @param truth True label of each item.
 * @param predicted Predicted label of each item.
 * @returns A number in [−1, 1].
 * @throws {InputError} When the lengths differ or a label is neither a string nor a number.
 *
 * @example
 * adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) // 0.24242424242424243
 */
export function adjustedRandIndex(truth: Labels, predicted: Labels): number {
  const table = countContingency('adjustedRandIndex', truth, predicted)
  const { n, cells } = table
  // Sums of squares are integers below 2^53 for n below 9·10^7, so they are exact.
  let sumSquares = 0
  for (let p = 0; p < cells.count.length; p++) sumSquares += cells.count[p]! * cells.count[p]!
  const truthSquares = sumOfSquares(table.truth.sizes)
  const predictedSquares = sumOfSquares(table.predicted.sizes)
  const tp = sumSquares - n
  const fp = predictedSquares - sumSquares
  const fn = truthSquares - sumSquares
  const tn = n * n - tp - fp - fn - n
  if (fn === 0 && fp === 0) return 1
  return (2 * (tp * tn - fn * fp)) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
}

/**
 * Σ x² over the sizes.
 * @param sizes Group sizes.
 */
function sumOfSquares(sizes: Int32Array): number {
  let sum = 0
  for (let c = 0; c < sizes.length; c++) sum += sizes[c]! * sizes[c]!
  return sum
}
