/**
 * The vectors related talks and search rank with: the atlas's TF-IDF rows with every term
 * weighted by its topicality, the embedding recomputed from them, and the consensus runs.
 *
 * Topicality of a term is how much of it one theme holds. With `rate(t, c)` the mean weight
 * of term t over the talks of theme c, the term's weight is `max_c rate(t, c) / Σ_c rate(t, c)`:
 * 1 for a term of a single theme, 1/k for a term spread evenly over k themes. Generic
 * vocabulary that several topics share (on the networking fixture: queue, socket, map, ring
 * buffer) then counts less than the vocabulary that tells topics apart, which TF-IDF alone
 * cannot see: idf knows how many talks use a term, not whether they are on one topic.
 * The themes come from the whole corpus, so the weights are transductive, like the themes.
 * Measured on the LPC fixture at seed 42 with the co-association of cosine.ts: related
 * precision@3 0.782 → 0.819, FOSDEM precision@5 0.408 → 0.419 (docs/quality.md).
 */
import { embeddingDimensions, embedTalks, permuteUserEmbedding } from '../atlas/embed.js'
import { atlasOrder, invertPermutation, permuteCsrRows, permuteDenseRows, permuteEnsemble } from '../atlas/canonicalOrder.js'
import type { Atlas, AtlasEnsemble } from '../atlas/types.js'
import type { CsrMatrix } from '../types.js'
import { cached } from '../util/cached.js'
import { normalizeRows, transposeCsr } from '../vectorize/csr.js'
import type { SimilarityIndex } from './cosine.js'

/** What ranking needs of an atlas, derived once per atlas. */
export interface RankingIndex extends SimilarityIndex {
  /** Topicality weight of every term, in (0, 1]. */
  readonly weights: Float32Array
  /** The weighted TF-IDF rows transposed (term → talks). */
  readonly inverted: CsrMatrix
}

const indexCache = new WeakMap<Atlas, RankingIndex>()

/**
 * The ranking index of an atlas, computed on first use and cached per atlas object.
 * It is computed in canonical talk order and put back into the atlas's order, so that the
 * input order cannot change a ranking, and a loaded atlas ranks like the built one.
 * @param atlas A built or loaded atlas.
 */
export function rankingIndex(atlas: Atlas): RankingIndex {
  return cached(indexCache, atlas, () => computeRankingIndex(atlas))
}

/**
 * A ranking index with its talks taken in another order (the same values, row for row).
 * @param index Index to permute.
 * @param from Source talk of every output position.
 */
export function permuteRankingIndex(index: RankingIndex, from: Int32Array): RankingIndex {
  const { dimensions, vectors } = index.embedding
  const matrix = permuteCsrRows(index.matrix, from)
  return {
    matrix,
    inverted: transposeCsr(matrix),
    embedding: { dimensions, vectors: permuteDenseRows(vectors, dimensions, from) },
    ...(index.ensemble === undefined ? {} : { ensemble: permuteEnsemble(index.ensemble, from) }),
    weights: index.weights,
  }
}

/**
 * The ranking index in the atlas's canonical order (the order it was fitted in, stored with
 * the atlas): what session planning ranks with. When the index in the atlas's own order is
 * cached (related talks ran first) it is reordered from it; otherwise it is computed in
 * canonical order directly, without a round trip through the input order. Not cached: it
 * would double the index's memory for atlases that also rank related talks.
 * @param atlas A built or loaded atlas.
 */
export function canonicalRankingIndex(atlas: Atlas): RankingIndex {
  const cached = indexCache.get(atlas)
  if (cached !== undefined) return permuteRankingIndex(cached, atlasOrder(atlas))
  const { weights, matrix, vectors } = weighInCanonicalOrder(atlas)
  return {
    matrix,
    inverted: transposeCsr(matrix),
    embedding: { dimensions: embeddingDimensions(atlas.lsa, atlas.userEmbedding), vectors },
    ...(atlas.ensemble === undefined ? {} : { ensemble: permuteEnsemble(atlas.ensemble, atlasOrder(atlas)) }),
    weights,
  }
}

function computeRankingIndex(atlas: Atlas): RankingIndex {
  return rankingIndexOver(atlas, themePartition(atlas), atlas.ensemble)
}

/** A partition of an atlas's talks: a part per talk (input order) and the number of parts. */
export interface TalkPartition {
  readonly assignments: Int32Array
  readonly count: number
}

/**
 * The atlas's themes as a {@link TalkPartition}.
 * @param atlas A built or loaded atlas.
 */
export function themePartition(atlas: Atlas): TalkPartition {
  return { assignments: atlas.assignments, count: atlas.themes.length }
}

/**
 * A ranking index in the atlas's order with the topicality weights of another partition of
 * its talks and another ensemble (related talks use coarser ones than the themes).
 * @param atlas A built or loaded atlas.
 * @param partition Parts the topicality weights are computed over.
 * @param ensemble Runs of the co-association, if any.
 */
export function rankingIndexOver(atlas: Atlas, partition: TalkPartition, ensemble: AtlasEnsemble | undefined): RankingIndex {
  const { weights, matrix: weighted, vectors } = weighInCanonicalOrder(atlas, partition)
  const d = embeddingDimensions(atlas.lsa, atlas.userEmbedding)
  const rowOf = invertPermutation(atlasOrder(atlas))
  const matrix = permuteCsrRows(weighted, rowOf)
  return {
    matrix,
    inverted: transposeCsr(matrix),
    embedding: { dimensions: d, vectors: permuteDenseRows(vectors, d, rowOf) },
    ...(ensemble === undefined ? {} : { ensemble }),
    weights,
  }
}

/**
 * The topicality weights, and the weighted rows and their embedding in canonical order:
 * the sums and the smoothing follow row positions, so they run in the order the atlas was
 * fitted in, whatever the order of `atlas.talks`.
 * @param atlas A built or loaded atlas.
 * @param partition Parts the weights are computed over; the themes by default.
 */
function weighInCanonicalOrder(
  atlas: Atlas,
  partition: TalkPartition = themePartition(atlas),
): { weights: Float32Array; matrix: CsrMatrix; vectors: Float32Array } {
  const order = atlasOrder(atlas)
  const canonical = permuteCsrRows(atlas.matrix, order)
  const assignments = Int32Array.from(order, (i) => partition.assignments[i]!)
  const weights = topicalityWeights(canonical, assignments, partition.count)
  const matrix = weighTerms(canonical, weights)
  return { weights, matrix, vectors: embedTalks(atlas.lsa, matrix, atlas.options, permuteUserEmbedding(atlas.userEmbedding, order)) }
}

/**
 * Topicality of every term over the themes: `max_c rate(t, c) / Σ_c rate(t, c)`, where
 * `rate(t, c)` is the summed weight of term t in the talks of theme c divided by the theme's
 * size. Terms no talk uses weigh 1.
 * @param matrix TF-IDF rows.
 * @param assignments Theme of every row.
 * @param nThemes Number of themes.
 */
export function topicalityWeights(matrix: CsrMatrix, assignments: Int32Array, nThemes: number): Float32Array {
  const sizes = new Float64Array(nThemes)
  for (let i = 0; i < assignments.length; i++) sizes[assignments[i]!]++
  const byTerm = transposeCsr(matrix)
  const sums = new Float64Array(nThemes)
  const seen = new Uint8Array(nThemes)
  const touched: number[] = []
  const weights = new Float32Array(matrix.nCols)
  for (let t = 0; t < matrix.nCols; t++) {
    for (let p = byTerm.indptr[t]; p < byTerm.indptr[t + 1]; p++) {
      const theme = assignments[byTerm.indices[p]]!
      if (seen[theme] === 0) {
        seen[theme] = 1
        touched.push(theme)
      }
      sums[theme] += byTerm.data[p]
    }
    // Themes in ascending order, so the sum does not depend on which talk came first.
    touched.sort((a, b) => a - b)
    let total = 0
    let best = 0
    for (const theme of touched) {
      const rate = sums[theme]! / sizes[theme]!
      total += rate
      if (rate > best) best = rate
      sums[theme] = 0
      seen[theme] = 0
    }
    touched.length = 0
    weights[t] = total > 0 ? best / total : 1
  }
  return weights
}

/**
 * Rows with every term scaled by its weight, back to unit length.
 * @param matrix Unit TF-IDF rows.
 * @param weights Weight of every term.
 */
export function weighTerms(matrix: CsrMatrix, weights: Float32Array): CsrMatrix {
  const data = new Float32Array(matrix.data.length)
  for (let p = 0; p < data.length; p++) data[p] = matrix.data[p]! * weights[matrix.indices[p]!]!
  const out: CsrMatrix = { nRows: matrix.nRows, nCols: matrix.nCols, indptr: matrix.indptr, indices: matrix.indices, data }
  normalizeRows(out)
  return out
}
