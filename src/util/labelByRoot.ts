/**
 * Numbers items by the component they fall in: item x gets the number of `root(x)`, and roots
 * are numbered in the order of their first item, so the labels follow the items' order and do
 * not depend on which node a union-find chose as root.
 * @param count Items `0 … count − 1`.
 * @param root The root of an item's component.
 * @example labelByRoot(4, (x) => [2, 1, 2, 1][x]) // Int32Array [0, 1, 0, 1]
 */
export function labelByRoot(count: number, root: (item: number) => number): Int32Array {
  const labels = new Int32Array(count)
  const number = new Map<number, number>()
  for (let x = 0; x < count; x++) {
    const top = root(x)
    if (!number.has(top)) number.set(top, number.size)
    labels[x] = number.get(top)!
  }
  return labels
}
