/**
 * Agglomerative clustering by the nearest-neighbour chain (Murtagh 1983; Müllner 2011,
 * "Modern hierarchical, agglomerative clustering algorithms", §3.2). The chain grows from a
 * cluster to its nearest one until two clusters are each other's nearest; those merge, and
 * the chain goes on from what is left of it. For a reducible linkage (a union never nearer to
 * a third cluster than the nearer of its parts: single, complete, average, Ward) the merges
 * are those of the greedy algorithm that always joins the closest pair, in O(m²) linkage
 * evaluations instead of O(m³). Both the consensus (average linkage over rows) and the theme
 * tree (Ward over themes) run this one driver with their own linkage.
 */

/** A reducible linkage, as the chain asks for it. */
export interface ChainLinkage {
  /**
   * Cost of merging cluster `a` with each cluster: entry `x` for every active `x ≠ a` (the
   * others are not read). The array may be a view or a buffer the next call overwrites.
   */
  readonly costsFrom: (a: number, active: Uint8Array) => Float32Array | Float64Array
  /** Joins cluster `drop` into `keep` (`keep < drop`; `drop` is still active during the call). */
  readonly merge: (keep: number, drop: number, active: Uint8Array) => void
}

/** One merge: cluster `b` joins cluster `a` (`a < b`, the union keeps index `a`) at `height`. */
export interface Merge {
  readonly a: number
  readonly b: number
  readonly height: number
}

/**
 * Every merge of a linkage over `m` clusters, in the order the chain makes them (not sorted
 * by height). Ties go to the chain's previous cluster, then to the lower index, so the
 * result depends only on the input order.
 * @param m Number of starting clusters (0 and 1 give no merge).
 * @param linkage Costs and merge rule.
 */
export function nearestNeighbourChain(m: number, linkage: ChainLinkage): Merge[] {
  const active = new Uint8Array(m).fill(1)
  const merges: Merge[] = []
  const chain: number[] = []
  for (let remaining = m; remaining > 1; ) {
    if (chain.length === 0) chain.push(active.indexOf(1))
    const a = chain[chain.length - 1]!
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1
    const costs = linkage.costsFrom(a, active)
    let b = previous
    let best = previous < 0 ? Infinity : costs[previous]!
    for (let x = 0; x < m; x++) {
      // Strictly nearer only: a tie keeps the chain's previous cluster, else the lowest index.
      if (active[x] !== 0 && x !== a && costs[x]! < best) {
        best = costs[x]!
        b = x
      }
    }
    if (b !== previous) {
      chain.push(b)
      continue
    }
    chain.length -= 2
    const keep = Math.min(a, b)
    const drop = Math.max(a, b)
    merges.push({ a: keep, b: drop, height: best })
    linkage.merge(keep, drop, active)
    active[drop] = 0
    remaining--
  }
  return merges
}

/**
 * Average linkage (UPGMA) on a dense distance matrix, which it overwrites: the distance of
 * a union to any other cluster is the size-weighted mean of its parts' distances
 * (Lance–Williams), so row `a` of the matrix is cluster `a`'s costs.
 * @param distances Row-major m × m symmetric distances (overwritten).
 * @param m Number of rows.
 */
export function averageLinkageMerges(distances: Float32Array, m: number): Merge[] {
  const size = new Float64Array(m).fill(1)
  return nearestNeighbourChain(m, {
    costsFrom: (a) => distances.subarray(a * m, a * m + m),
    merge: (keep, drop, active) => {
      const wKeep = size[keep]! / (size[keep]! + size[drop]!)
      const wDrop = 1 - wKeep
      for (let x = 0; x < m; x++) {
        if (active[x] === 0 || x === keep || x === drop) continue
        const distance = wKeep * distances[keep * m + x]! + wDrop * distances[drop * m + x]!
        distances[keep * m + x] = distance
        distances[x * m + keep] = distance
      }
      size[keep] = size[keep]! + size[drop]!
    },
  })
}
