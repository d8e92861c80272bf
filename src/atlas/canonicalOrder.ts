/**
 * The order in which {@link buildAtlas} processes talks. k-means++ seeding, k-search
 * sampling, phrase sampling and every floating-point sum follow row positions; running
 * them on a canonical order instead of the input order makes themes, scores and related
 * talks independent of how the input happened to be sorted.
 */
import type { Talk } from '../types.js'
import type { Atlas, AtlasEnsemble } from './types.js'
import { cached } from '../util/cached.js'
import { compareStrings } from '../util/compareStrings.js'

/**
 * Positions of talks sorted by title, then abstract, then id (UTF-16 code unit order, so
 * no locale is involved). Ids are unique, so the order is total.
 * @param talks Checked talks.
 * @returns `order[r]` = input position of the talk processed r-th.
 */
export function canonicalOrder(talks: readonly Talk[]): Int32Array {
  return sortedPositions(talks.length, (a, b) => compareTalks(talks[a]!, talks[b]!))
}

/**
 * Positions `0 … count − 1` sorted by a comparison (stable: ties keep position order).
 * @param count Positions.
 * @param compare Comparison of two positions.
 */
export function sortedPositions(count: number, compare: (a: number, b: number) => number): Int32Array {
  return Int32Array.from(Array.from({ length: count }, (_, i) => i).sort(compare))
}

/** The order each atlas was fitted in, stored by the function that made the atlas. */
const fittedOrders = new WeakMap<Atlas, Int32Array>()

/**
 * Stores the canonical order with an atlas: `buildAtlas` and `loadAtlas` computed it and
 * hand it on, so that no later stage sorts the talks again.
 * @param atlas The atlas just made.
 * @param order Its {@link canonicalOrder}.
 * @returns The same atlas.
 */
export function rememberOrder<A extends Atlas>(atlas: A, order: Int32Array): A {
  fittedOrders.set(atlas, order)
  return atlas
}

/**
 * The canonical order of an atlas's talks (`order[r]` = position in `atlas.talks` of the
 * talk processed r-th): the one stored when the atlas was built or loaded, or, for an atlas
 * object made otherwise (a copy), computed once on first use and stored.
 * @param atlas A built or loaded atlas.
 */
export function atlasOrder(atlas: Atlas): Int32Array {
  return cached(fittedOrders, atlas, () => canonicalOrder(atlas.talks))
}

function compareTalks(a: Talk, b: Talk): number {
  return compareStrings(a.title, b.title) || compareStrings(a.abstract, b.abstract) || compareStrings(a.id, b.id)
}


/** Rows of a CSR matrix taken in a given order: row i of the result is row `from[i]` (`gatherCsrRows`). */
export { gatherCsrRows as permuteCsrRows } from '../vectorize/csr.js'

/** Rows of a dense row-major matrix taken in a given order: row i of the result is row `from[i]` (`gatherRows`). */
export { gatherRows as permuteDenseRows } from '../linalg/dense.js'

/**
 * Inverse of a permutation: `inverse[order[r]] = r`.
 * @param order A permutation of 0..n-1.
 */
export function invertPermutation(order: Int32Array): Int32Array {
  const inverse = new Int32Array(order.length)
  for (let r = 0; r < order.length; r++) inverse[order[r]!] = r
  return inverse
}

/**
 * Gives every talk the cluster of the first talk with the same title and abstract. In
 * canonical order such copies are adjacent; their vectors are equal, so k-means only parts
 * them when it re-seeds an empty cluster with one of them.
 * @param talks Talks in canonical order.
 * @param labels Cluster per talk, updated in place.
 */
export function keepCopiesTogether(talks: readonly Talk[], labels: Int32Array): void {
  for (let r = 1; r < talks.length; r++) {
    if (talks[r]!.title === talks[r - 1]!.title && talks[r]!.abstract === talks[r - 1]!.abstract) labels[r] = labels[r - 1]!
  }
}

/**
 * The runs' labels of an ensemble with every run's talks taken in a given order (a
 * permutation, or some of the talks).
 * @param ensemble Ensemble to permute.
 * @param from Source talk of every output position.
 */
export function permuteEnsemble(ensemble: AtlasEnsemble, from: Int32Array): AtlasEnsemble {
  const { runs } = ensemble
  const n = from.length
  const talks = ensemble.labels.length / runs
  const labels = new Int32Array(runs * n)
  for (let r = 0; r < runs; r++) for (let i = 0; i < n; i++) labels[r * n + i] = ensemble.labels[r * talks + from[i]!]!
  return { runs, labels }
}
