import { InputError } from '../errors.js'
import { checkArrayLike, checkItemIndex, encodeLabels } from './labels.js'
import type { Labels } from './labels.js'

/**
 * Pair purity of a grouping: among all pairs of items that share a group, the share whose
 * two items also share a label. For sessions of talks against tracks: "how often do two
 * talks in the same session come from the same track?". Singleton groups contribute no
 * pair; items in no group are ignored.
 *
 * Counted per group from label frequencies, Σ C(cₗ, 2) / Σ C(size, 2), in O(items).
 *
 * @param groups Item indices of each group (e.g. the talks of each session).
 * @param labels True label of each item.
 * @returns A number in [0, 1]; `NaN` when no group holds two items (no pair exists).
 * @throws {InputError} When a group member is not an item index, an item appears twice,
 *   or a label is neither a string nor a number.
 *
 * @example
 * pairPurity([[0, 1, 2], [3]], ['a', 'a', 'b', 'b']) // 0.3333333333333333
 */
export function pairPurity(groups: readonly ArrayLike<number>[], labels: Labels): number {
  checkArrayLike(groups, 'pairPurity', 'groups')
  const { codes, values } = encodeLabels(labels, 'pairPurity', 'labels')
  const n = codes.length
  const groupOf = new Int32Array(n).fill(-1)
  const countOf = new Int32Array(values.length)
  let samePairs = 0
  let pairs = 0
  for (let g = 0; g < groups.length; g++) {
    const members = groups[g]!
    checkArrayLike(members, 'pairPurity', `groups[${g}]`)
    for (let r = 0; r < members.length; r++) {
      const i = members[r]!
      checkItemIndex(i, n, 'pairPurity', `groups[${g}][${r}]`)
      if (groupOf[i] !== -1) {
        throw new InputError(`pairPurity: item ${i} appears in group ${groupOf[i]} and again in group ${g}`, {
          field: `groups[${g}][${r}]`,
          actual: String(i),
          expected: 'each item in at most one group, once',
        })
      }
      groupOf[i] = g
      // Each new member pairs with every earlier member of its label: Σ C(cₗ, 2) built up.
      samePairs += countOf[codes[i]!]!++
    }
    pairs += (members.length * (members.length - 1)) / 2
    for (let r = 0; r < members.length; r++) countOf[codes[members[r]!]!] = 0
  }
  return samePairs / pairs
}
