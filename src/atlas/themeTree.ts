/**
 * The merge tree over an atlas's themes: Ward linkage (Ward 1963) on the themes' talks. Each
 * theme starts as the mean of its talks' embedding rows weighted by its talk count; merging A
 * and B costs the rise in within-group squared error, `nA·nB / (nA + nB) · ‖μA − μB‖²`.
 * Average linkage on the same talks was measured first: on FOSDEM 2025 its cut at 10 groups
 * left 86 % of the talks in one group (NMI 0.18 against the tracks), Ward's largest group held
 * 30 % (NMI 0.37); docs/quality.md has every corpus. Merges are found by the
 * nearest-neighbour chain (Murtagh 1983; Müllner 2011), Ward being reducible, with distances
 * computed from the groups' sums: O(k² · d) time and O(k · d) memory for k themes.
 */
import type { Atlas } from './types.js'
import { nearestNeighbourChain, type ChainLinkage, type Merge } from '../cluster/nearestNeighbourChain.js'
import { labelByRoot } from '../util/labelByRoot.js'

/**
 * A binary merge tree over the themes with a centre (`atlas.themes` without `unclassified`),
 * in the layout of SciPy's linkage matrix: leaves are nodes `0 … leaves − 1` (theme indices),
 * merge `i` joins nodes `left[i]` and `right[i]` into node `leaves + i`, in order of height.
 */
export interface ThemeTree {
  /** Number of leaves: the themes with a centre. */
  readonly leaves: number
  /** First node of each merge (the lower node id). */
  readonly left: Int32Array
  /** Second node of each merge. */
  readonly right: Int32Array
  /** Ward cost of each merge (rise in squared error, ≥ 0), non-decreasing. */
  readonly heights: Float32Array
}

/**
 * The Ward merge tree of an atlas's themes.
 * @param vectors Row-major n × d embedding rows.
 * @param dimensions d.
 * @param assignments Theme index of each row; values ≥ `leaves` or < 0 are left out.
 * @param leaves Number of themes with a centre.
 */
export function buildThemeTree(vectors: Float32Array, dimensions: number, assignments: Int32Array, leaves: number): ThemeTree {
  const d = dimensions
  const sums = new Float64Array(leaves * d)
  const sizes = new Float64Array(leaves)
  for (let i = 0; i < assignments.length; i++) {
    const c = assignments[i]!
    if (c < 0 || c >= leaves) continue
    sizes[c]++
    for (let j = 0; j < d; j++) sums[c * d + j] += vectors[i * d + j]!
  }
  return toLinkage(nearestNeighbourChain(leaves, wardLinkage(sums, sizes, leaves, d)), leaves)
}

/**
 * Ward cost of merging clusters a and b from their sums and sizes.
 * @param sums Row-major sums of the clusters' rows.
 * @param sizes Rows in each cluster.
 * @param d Dimensions.
 * @param a First cluster.
 * @param b Second cluster.
 */
function wardCost(sums: Float64Array, sizes: Float64Array, d: number, a: number, b: number): number {
  const na = sizes[a]!
  const nb = sizes[b]!
  if (na === 0 || nb === 0) return 0
  let squared = 0
  for (let j = 0; j < d; j++) {
    const difference = sums[a * d + j]! / na - sums[b * d + j]! / nb
    squared += difference * difference
  }
  return ((na * nb) / (na + nb)) * squared
}

/**
 * Ward linkage over clusters given by their row sums and sizes, which merges overwrite (a
 * merged cluster lives on in its lower index).
 * @param sums Row-major m × d sums of the clusters' rows.
 * @param sizes Rows in each cluster.
 * @param m Number of clusters.
 * @param d Dimensions.
 */
function wardLinkage(sums: Float64Array, sizes: Float64Array, m: number, d: number): ChainLinkage {
  const costs = new Float64Array(m)
  return {
    costsFrom: (a, active) => {
      for (let x = 0; x < m; x++) if (active[x] !== 0 && x !== a) costs[x] = wardCost(sums, sizes, d, a, x)
      return costs
    },
    merge: (keep, drop) => {
      for (let j = 0; j < d; j++) sums[keep * d + j] += sums[drop * d + j]!
      sizes[keep] = sizes[keep]! + sizes[drop]!
    },
  }
}

/**
 * Orders the chain's merges by height (a merge never below those that formed its clusters,
 * ties in the order they were made) and numbers the nodes as SciPy does.
 */
function toLinkage(merges: readonly Merge[], leaves: number): ThemeTree {
  // Ward is monotone; float rounding could still put a merge a hair below its children's.
  const formedAt = new Float64Array(leaves)
  const heights = merges.map((merge) => {
    const height = Math.max(merge.height, formedAt[merge.a]!, formedAt[merge.b]!)
    formedAt[merge.a] = height
    return height
  })
  const order = merges.map((_, i) => i).sort((x, y) => heights[x]! - heights[y]! || x - y)
  const nodeOf = Int32Array.from({ length: leaves }, (_, c) => c)
  const count = merges.length
  const tree = { leaves, left: new Int32Array(count), right: new Int32Array(count), heights: new Float32Array(count) }
  order.forEach((t, i) => {
    const { a, b } = merges[t]!
    tree.left[i] = Math.min(nodeOf[a]!, nodeOf[b]!)
    tree.right[i] = Math.max(nodeOf[a]!, nodeOf[b]!)
    tree.heights[i] = heights[t]!
    nodeOf[a] = leaves + i
  })
  return tree
}

/**
 * The tree cut into `n` groups: undoes its top `n − 1` merges.
 * @param tree Merge tree.
 * @param n Groups wanted, clamped to [1, leaves] (0 leaves give none).
 * @returns Group of each leaf, numbered by first leaf.
 */
export function cutTree(tree: ThemeTree, n: number): Int32Array {
  const { leaves } = tree
  const parent = Int32Array.from({ length: leaves + tree.left.length }, (_, x) => x)
  const keep = leaves - Math.max(1, Math.min(n, leaves))
  for (let i = 0; i < keep; i++) {
    parent[tree.left[i]!] = leaves + i
    parent[tree.right[i]!] = leaves + i
  }
  const root = (x: number): number => {
    while (parent[x] !== x) x = parent[x]!
    return x
  }
  return labelByRoot(leaves, root)
}

/**
 * The tree of an atlas recomputed from its embedding, for atlases saved without one.
 * @param atlas Atlas without a tree.
 */
export function themeTreeOf(atlas: Pick<Atlas, 'embedding' | 'assignments' | 'centroids'>): ThemeTree {
  const { dimensions, vectors } = atlas.embedding
  return buildThemeTree(vectors, dimensions, atlas.assignments, atlas.centroids.length / dimensions)
}
