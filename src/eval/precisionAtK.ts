import { InputError, OptionError } from '../errors.js'
import { checkArrayLike, checkItemIndex, encodeLabels } from './labels.js'
import type { Labels } from './labels.js'

/**
 * Precision at k of a nearest-neighbour ranking: for each query item, the share of its
 * first k neighbours (the query itself skipped wherever it appears) that carry the query's
 * label, averaged over all queries. This is how related talks are scored against tracks:
 * "of the 5 talks shown next to this one, how many are from the same track?".
 *
 * The denominator is always k, so a list shorter than k neighbours counts the missing
 * places as misses, as a reader would see fewer useful suggestions.
 *
 * @param neighbours For each item (query) in label order, the indices of its neighbours,
 *   best first. It may include the query; each neighbour should appear once.
 * @param labels True label of each item.
 * @param k Number of neighbours inspected per query, an integer ≥ 1.
 * @returns A number in [0, 1]; `NaN` when there are no items.
 * @throws {OptionError} When `k` is not an integer ≥ 1.
 * @throws {InputError} When there is not one neighbour list per label, a neighbour is not
 *   an item index, or a label is neither a string nor a number.
 *
 * @example
 * precisionAtK([[1, 2], [0, 2], [0, 1]], ['a', 'a', 'b'], 1) // 0.6666666666666666
 */
export function precisionAtK(neighbours: readonly ArrayLike<number>[], labels: Labels, k: number): number {
  if (!Number.isInteger(k) || k < 1) throw new OptionError('precisionAtK', 'k', k, 'an integer ≥ 1')
  checkArrayLike(neighbours, 'precisionAtK', 'neighbours')
  const { codes } = encodeLabels(labels, 'precisionAtK', 'labels')
  const n = codes.length
  if (neighbours.length !== n) {
    throw new InputError(`precisionAtK: ${n} labels but ${neighbours.length} neighbour lists`, {
      field: 'neighbours',
      actual: `${neighbours.length} lists`,
      expected: `${n} lists`,
    })
  }
  // Hits are integers, so the mean is one exact division.
  let hits = 0
  for (let i = 0; i < n; i++) {
    const list = neighbours[i]!
    checkArrayLike(list, 'precisionAtK', `neighbours[${i}]`)
    let seen = 0
    for (let r = 0; r < list.length && seen < k; r++) {
      const j = list[r]!
      checkItemIndex(j, n, 'precisionAtK', `neighbours[${i}][${r}]`)
      if (j === i) continue
      seen++
      if (codes[j] === codes[i]) hits++
    }
  }
  return hits / (n * k)
}
