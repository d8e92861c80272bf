/**
 * The talks' embedding, computed here and nowhere else: `buildAtlas` embeds the fitted rows,
 * `loadAtlas` re-embeds a saved atlas, and similarity/ embeds its topicality-weighted rows.
 */
import { projectLsa, type LsaModel } from '../cluster/lsa.js'
import { smoothNeighbours } from '../cluster/smoothNeighbours.js'
import type { CsrMatrix, Talk } from '../types.js'
import { canonicalOrder, invertPermutation, permuteCsrRows, permuteDenseRows } from './canonicalOrder.js'
import type { ResolvedAtlasOptions } from './types.js'

/** The options the embedding reads; atlases saved before smoothing existed have no `smoothing`. */
export type EmbedOptions = Pick<ResolvedAtlasOptions, 'seed'> & { readonly smoothing?: number | 'auto' }

/**
 * The talks' embedding: unit LSA rows, each mixed with its `smoothing` nearest neighbours.
 * `loadAtlas` calls it too, so a loaded atlas ranks exactly like the built one.
 * @param lsa Fitted LSA model.
 * @param matrix TF-IDF rows of the talks.
 * @param options Resolved options (`smoothing`, `seed`; atlases saved before smoothing existed have none).
 */
export function embedTalks(lsa: LsaModel, matrix: CsrMatrix, options: EmbedOptions): Float32Array {
  const vectors = projectLsa(lsa, matrix)
  const smoothing = resolveSmoothing(options.smoothing, matrix.nRows)
  if (smoothing === 0) return vectors
  return smoothNeighbours(vectors, lsa.dimensions, { neighbours: smoothing, seed: options.seed })
}

/** Talks up to which `smoothing: 'auto'` mixes neighbours. */
const AUTO_SMOOTHING_MAX_TALKS = 20000
/** Neighbours mixed by `smoothing: 'auto'`. */
const AUTO_SMOOTHING_NEIGHBOURS = 5

/**
 * Neighbours to mix for a smoothing option and corpus size. Above 20,000 talks `'auto'` mixes
 * none: on 100,000 synthetic talks smoothing took 5.9 of 29 s and did not raise NMI.
 * @param smoothing Option value; absent in atlases saved before smoothing existed.
 * @param talks Number of talks.
 */
export function resolveSmoothing(smoothing: number | 'auto' | undefined, talks: number): number {
  if (smoothing === undefined) return 0
  if (smoothing !== 'auto') return smoothing
  return talks <= AUTO_SMOOTHING_MAX_TALKS ? AUTO_SMOOTHING_NEIGHBOURS : 0
}

/**
 * {@link embedTalks} for talks in input order, computed in the canonical order `buildAtlas`
 * fits in, so that a loaded atlas has bit-identical vectors.
 * @param talks Talks in input order.
 * @param lsa Fitted LSA model.
 * @param matrix TF-IDF rows in input order.
 * @param options Resolved options (`smoothing`, `seed`).
 * @param order The talks' canonical order.
 */
export function embedInInputOrder(
  talks: readonly Talk[],
  lsa: LsaModel,
  matrix: CsrMatrix,
  options: EmbedOptions,
  order: Int32Array = canonicalOrder(talks),
): Float32Array {
  const vectors = embedTalks(lsa, permuteCsrRows(matrix, order), options)
  return permuteDenseRows(vectors, lsa.dimensions, invertPermutation(order))
}
