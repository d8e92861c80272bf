/**
 * The talks' embedding, computed here and nowhere else: `buildAtlas` embeds the fitted rows,
 * `loadAtlas` re-embeds a saved atlas, and similarity/ embeds its topicality-weighted rows.
 */
import { projectLsa, type LsaModel } from '../cluster/lsa.js'
import { smoothNeighbours } from '../cluster/smoothNeighbours.js'
import type { CsrMatrix, Talk } from '../types.js'
import { canonicalOrder, invertPermutation, permuteCsrRows, permuteDenseRows } from './canonicalOrder.js'
import type { ResolvedAtlasOptions } from './types.js'
import { blendRows, type UserEmbedding } from './userEmbedding.js'

/** The options the embedding reads; atlases saved before smoothing existed have no `smoothing`. */
export type EmbedOptions = Pick<ResolvedAtlasOptions, 'seed'> & { readonly smoothing?: number | 'auto' }

/**
 * The talks' embedding: unit LSA rows, blended with the given vectors when there are any
 * (userEmbedding.ts), each mixed with its `smoothing` nearest neighbours.
 * `loadAtlas` calls it too, so a loaded atlas ranks exactly like the built one.
 * @param lsa Fitted LSA model.
 * @param matrix TF-IDF rows of the talks.
 * @param options Resolved options (`smoothing`, `seed`; atlases saved before smoothing existed have none).
 * @param given Given vectors in the rows' order, if any.
 */
export function embedTalks(lsa: LsaModel, matrix: CsrMatrix, options: EmbedOptions, given?: UserEmbedding): Float32Array {
  const projected = projectLsa(lsa, matrix)
  const vectors = given === undefined ? projected : blendRows(projected, lsa.dimensions, given.vectors, given.dimensions, given.weight)
  const smoothing = resolveSmoothing(options.smoothing, matrix.nRows)
  if (smoothing === 0) return vectors
  return smoothNeighbours(vectors, embeddingDimensions(lsa, given), { neighbours: smoothing, seed: options.seed })
}

/**
 * Width of the talks' embedding: the LSA dimensions, plus those of the given vectors.
 * @param lsa Fitted LSA model.
 * @param given Given vectors, if any.
 */
export function embeddingDimensions(lsa: LsaModel, given?: UserEmbedding): number {
  return lsa.dimensions + (given === undefined ? 0 : given.dimensions)
}

/**
 * Given vectors taken in another row order.
 * @param given Given vectors, if any.
 * @param from Source row of every output row.
 */
export function permuteUserEmbedding(given: UserEmbedding | undefined, from: Int32Array): UserEmbedding | undefined {
  if (given === undefined) return undefined
  return { ...given, vectors: permuteDenseRows(given.vectors, given.dimensions, from) }
}

/**
 * Vectors of texts that are not talks of the atlas (a search query, new talks, tag
 * descriptions) in the talks' embedding space: their LSA rows, blended with their own given
 * vectors when the atlas has given vectors (zero when they come without; they then compare
 * on the words' half alone). Not smoothed: smoothing mixes talks of the corpus.
 * @param lsa Fitted LSA model.
 * @param matrix TF-IDF rows of the texts.
 * @param atlasGiven The atlas's given vectors, if any.
 * @param given The texts' own unit vectors (rows × atlasGiven.dimensions), if any.
 */
export function embedQueries(lsa: LsaModel, matrix: CsrMatrix, atlasGiven: UserEmbedding | undefined, given?: Float32Array): Float32Array {
  const projected = projectLsa(lsa, matrix)
  if (atlasGiven === undefined) return projected
  const rows = given ?? new Float32Array(matrix.nRows * atlasGiven.dimensions)
  return blendRows(projected, lsa.dimensions, rows, atlasGiven.dimensions, atlasGiven.weight, true)
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
 * @param given Given vectors in input order, if any.
 * @param order The talks' canonical order.
 */
export function embedInInputOrder(
  talks: readonly Talk[],
  lsa: LsaModel,
  matrix: CsrMatrix,
  options: EmbedOptions,
  given?: UserEmbedding,
  order: Int32Array = canonicalOrder(talks),
): Float32Array {
  const vectors = embedTalks(lsa, permuteCsrRows(matrix, order), options, permuteUserEmbedding(given, order))
  return permuteDenseRows(vectors, embeddingDimensions(lsa, given), invertPermutation(order))
}
