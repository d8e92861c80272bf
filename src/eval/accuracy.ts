import { checkArrayLike, checkLabel, checkSameLength } from './labels.js'
import type { Label, Labels } from './labels.js'

/**
 * Share of items whose predicted label equals the true one (`===`, so `1` and `'1'`
 * differ). A prediction of `null` or `undefined` means "no answer" and counts as wrong,
 * so a tagger that abstains is not rewarded for it.
 *
 * @param truth True label of each item.
 * @param predicted Predicted label of each item, or `null` where there is none.
 * @returns A number in [0, 1]; `NaN` when there are no items (no share exists).
 * @throws {InputError} When the lengths differ or a true label is neither a string nor a number.
 *
 * @example
 * accuracy(['kernel', 'rust', 'go'], ['kernel', 'go', 'go']) // 0.6666666666666666
 */
export function accuracy(truth: Labels, predicted: ArrayLike<Label | null | undefined>): number {
  checkArrayLike(truth, 'accuracy', 'truth')
  checkArrayLike(predicted, 'accuracy', 'predicted')
  checkSameLength('accuracy', truth, predicted)
  const n = truth.length
  let correct = 0
  for (let i = 0; i < n; i++) {
    const label = truth[i]
    checkLabel(label, 'accuracy', `truth[${i}]`)
    if (label === predicted[i]) correct++
  }
  return correct / n
}
