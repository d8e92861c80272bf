/**
 * Items grouped by their label in one counting sort: group c's items are
 * `members[starts[c] … starts[c + 1])`, ascending; items labelled -1 are left out.
 * @param labels Label of each item, in `[-1, groups)`.
 * @param groups Number of groups.
 * @example groupByLabel(Int32Array.of(1, 0, -1, 1), 2) // starts [0, 1, 3], members [1, 0, 3]
 */
export function groupByLabel(labels: Int32Array, groups: number): { starts: Int32Array; members: Int32Array } {
  const starts = new Int32Array(groups + 1)
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0) starts[labels[i]! + 1]++
  for (let c = 0; c < groups; c++) starts[c + 1] += starts[c]!
  const members = new Int32Array(starts[groups]!)
  const next = starts.slice(0, groups)
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0) members[next[labels[i]!]!++] = i
  return { starts, members }
}
