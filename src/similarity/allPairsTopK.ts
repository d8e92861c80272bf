/**
 * Exact top-k related talks for many rows at once, with the scores of `similarityToAll`
 * bit for bit and its tie rule (equal scores: lower id rank first).
 *
 * Brute force costs n · d multiply-adds per row for the LSA cosine alone (n talks, d = 100
 * dimensions). Here a row first gets a cheap upper bound on its score with every talk, and
 * only the talks whose bound reaches the row's current k-th best score are scored exactly:
 *
 *   bound(i, j) = ½ · (Σ_{c<m} x_ic x_jc + ‖x_i[m:]‖ · ‖x_j[m:]‖) + ½ · tfidf(i, j) + ε
 *
 * The first m LSA dimensions hold most of the variance (they come from the largest singular
 * values), Cauchy–Schwarz bounds the rest, and the TF-IDF cosine is exact, scattered through
 * the inverted index as `similarityToAll` does. With the co-association of an ensemble, the
 * bound goes through the same affine blend. A talk is skipped only when its bound is below
 * the k-th best exact score already found, which can only rise; so it scores strictly below
 * the final k-th, and the result is exactly the brute-force top-k. The exact score of a kept
 * talk is summed in `similarityToAll`'s order (LSA dimensions ascending, then shared terms
 * ascending), so that the floats are the same.
 *
 * The bounds of a block of rows are computed together, 4 rows × 4 talks at a time over
 * chunks of talks that stay in cache (Goto and van de Geijn, "Anatomy of high-performance
 * matrix multiplication", 2008, for the blocking).
 */
import type { AtlasEnsemble } from '../atlas/types.js'
import type { CsrMatrix } from '../types.js'
import { COASSOCIATION_SHARE, coAssociationCounts, TFIDF_SHARE, type SimilarityIndex } from './cosine.js'
import { TopK } from './topK.js'

/**
 * LSA dimensions in the bound. On 20,000 generated talks, 16 dimensions leave about 170 talks
 * per row to score exactly and 32 about 90, at twice the cost of the bound (docs/performance.md).
 */
export const BOUND_DIMENSIONS = 16

/** Rows whose bounds are computed together (their bound buffer holds rows × talks doubles). */
const ROW_BLOCK = 8

/** Talks per chunk of the bound product: their 512 × 16 prefix floats stay in the L1/L2 cache. */
const TALK_CHUNK = 512

/** A term in this share of the talks or more is frequent (see {@link defaultFrequentDf}). */
const FREQUENT_SHARE = 0.05

/** ... and in at least this many talks. */
const FREQUENT_MIN_DF = 50

/** Talks with the best bounds scored first (at least 4 × top). */
const SEEDS = 32

/** Slack for float rounding in the bound: scores are sums of ≤ 10⁴ terms of size ≤ 1. */
const BOUND_SLACK = 1e-9

/** Everything the top-k search needs, as typed arrays (it can cross to a worker thread). */
export interface PairSpace {
  readonly n: number
  readonly dimensions: number
  /** Unit LSA vectors, n × dimensions. */
  readonly vectors: Float32Array
  /** The first {@link BOUND_DIMENSIONS} (or fewer) coordinates of every vector, packed. */
  readonly prefix: Float32Array
  readonly prefixDimensions: number
  /** Norm of every vector past the prefix, rounded up. */
  readonly tails: Float64Array
  /** Weighted unit TF-IDF rows. */
  readonly rows: CsrMatrix
  /** Talks a term must be in to count as frequent: left out of the scatter, bounded by norms. */
  readonly frequentDf: number
  /** Norm of every row over its frequent terms, rounded up. */
  readonly frequentNorms: Float64Array
  /** The same rows transposed (term → talks). */
  readonly inverted: CsrMatrix
  /** Rank of every talk by id (ties go to the lower rank). */
  readonly tieRank: Int32Array
  readonly ensemble: AtlasEnsemble | undefined
}

/** Top-k lists of consecutive rows: `count` entries of row r at `r × top`, best first. */
export interface TopKRows {
  /** Entries per row: the `top` asked for, at most n − 1. */
  readonly top: number
  readonly from: number
  readonly counts: Int32Array
  readonly indices: Int32Array
  readonly scores: Float64Array
}

/**
 * Lists of `rows` rows from row `from` with room for `top` entries each, all empty (count 0,
 * every index −1).
 * @param top Entries per row.
 * @param from First row.
 * @param rows Number of rows.
 */
export function emptyTopKRows(top: number, from: number, rows: number): TopKRows {
  return { top, from, counts: new Int32Array(rows), indices: new Int32Array(rows * top).fill(-1), scores: new Float64Array(rows * top) }
}

/**
 * The pair space of a ranking index.
 * @param index Talk vectors and the inverted TF-IDF rows.
 * @param inverted Transposed TF-IDF rows.
 * @param tieRank Rank of every talk by id.
 */
export function pairSpace(index: SimilarityIndex, inverted: CsrMatrix, tieRank: Int32Array, frequentDf = defaultFrequentDf(index.matrix.nRows)): PairSpace {
  const n = index.matrix.nRows
  const { dimensions: d, vectors } = index.embedding
  const m = Math.min(BOUND_DIMENSIONS, d)
  const prefix = new Float32Array(n * m)
  const tails = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let tail = 0
    for (let c = 0; c < d; c++) {
      const x = vectors[i * d + c]!
      if (c < m) prefix[i * m + c] = x
      else tail += x * x
    }
    // Rounded up, so that the bound stays a bound after float rounding.
    tails[i] = Math.sqrt(tail) * (1 + 1e-12)
  }
  const rows = index.matrix
  const frequentNorms = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let sum = 0
    for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) {
      const term = rows.indices[p]
      if (inverted.indptr[term + 1] - inverted.indptr[term] >= frequentDf) sum += rows.data[p] * rows.data[p]
    }
    frequentNorms[i] = Math.sqrt(sum) * (1 + 1e-12)
  }
  return { n, dimensions: d, vectors, prefix, prefixDimensions: m, tails, rows, frequentDf, frequentNorms, inverted, tieRank, ensemble: index.ensemble }
}

/**
 * Talks a term must be in to be left out of the scatter: a row's scatter costs the summed
 * talk counts of its terms, which the few most frequent terms dominate.
 * @param n Number of talks.
 */
export function defaultFrequentDf(n: number): number {
  return Math.max(FREQUENT_MIN_DF, Math.ceil(n * FREQUENT_SHARE))
}

/**
 * Exact top-k lists of rows `from … to − 1` (never the row itself).
 * @param space Talks.
 * @param top Entries per row (at most n − 1 are found).
 * @param from First row.
 * @param to Row after the last.
 */
export function topKRows(space: PairSpace, top: number, from: number, to: number): TopKRows {
  const { n } = space
  const size = Math.min(top, n)
  // A row has at most n − 1 related talks: a huge `top` must not allocate for more.
  const width = Math.min(top, Math.max(0, n - 1))
  const rowCount = Math.max(0, to - from)
  const lists = emptyTopKRows(width, from, rowCount)
  const { counts, indices, scores } = lists
  const block = Math.min(ROW_BLOCK, rowCount)
  const bounds = new Float64Array(block * n)
  const scratch: RowScratch = { termWeights: new Float64Array(space.rows.nCols), seen: new Uint8Array(n), together: new Uint16Array(space.ensemble === undefined ? 0 : n) }
  for (let start = from; start < to; start += block) {
    const end = Math.min(to, start + block)
    bounds.fill(0)
    for (let i = start; i < end; i++) scatterRareTerms(space, i, bounds.subarray((i - start) * n, (i - start + 1) * n))
    addPrefixBounds(space, start, end, bounds)
    for (let i = start; i < end; i++) {
      const best = searchRow(space, i, bounds.subarray((i - start) * n, (i - start + 1) * n), size, scratch)
      const results = best.results()
      const at = (i - from) * width
      counts[i - from] = results.length
      for (let r = 0; r < results.length; r++) {
        indices[at + r] = results[r]!.index
        scores[at + r] = results[r]!.score
      }
    }
  }
  return lists
}

/**
 * Adds half the TF-IDF cosine of row i over its rare terms with every talk to `bound`, in
 * `similarityToAll`'s way (through the inverted index).
 * @param space Talks.
 * @param i Row.
 * @param bound Bounds of row i.
 */
function scatterRareTerms(space: PairSpace, i: number, bound: Float64Array): void {
  const { rows, inverted, frequentDf } = space
  for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) {
    const term = rows.indices[p]
    const first = inverted.indptr[term]
    const last = inverted.indptr[term + 1]
    if (last - first >= frequentDf) continue
    const weight = TFIDF_SHARE * rows.data[p]
    for (let q = first; q < last; q++) bound[inverted.indices[q]] += weight * inverted.data[q]
  }
}

/**
 * Scores exactly the
 * talks with the best bounds, which sets a high k-th best score early, then every other talk
 * whose bound reaches the running k-th best.
 * @param space Talks.
 * @param i Row.
 * @param bound Bound of row i's score with every talk, before the co-association (overwritten).
 * @param size Entries kept.
 * @param scratch Buffers reused from row to row.
 */
function searchRow(space: PairSpace, i: number, bound: Float64Array, size: number, scratch: RowScratch): TopK {
  const { n, rows, ensemble } = space
  const best = new TopK(size, space.tieRank)
  if (size === 0) return best
  const { termWeights, seen, together } = scratch
  for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) termWeights[rows.indices[p]] = TFIDF_SHARE * rows.data[p]
  let share = 0
  if (ensemble !== undefined) {
    coAssociationCounts(ensemble, i, n, together)
    share = COASSOCIATION_SHARE / ensemble.runs
    for (let j = 0; j < n; j++) bound[j] = (1 - COASSOCIATION_SHARE) * bound[j] + share * together[j] + BOUND_SLACK
  }
  const score = (j: number): number => {
    const blended = exactScore(space, i, j, termWeights)
    return ensemble === undefined ? blended : (1 - COASSOCIATION_SHARE) * blended + share * together[j]
  }
  const seeds = new TopK(Math.min(n, Math.max(SEEDS, 4 * size)))
  for (let j = 0; j < n; j++) if (j !== i) seeds.offer(j, bound[j])
  for (const { index: j } of seeds.results()) {
    seen[j] = 1
    best.offer(j, score(j))
  }
  let threshold = best.threshold()
  for (let j = 0; j < n; j++) {
    // `x < y` is false for a NaN bound: it is scored, as brute force would keep it.
    if (j === i || seen[j] === 1 || bound[j] < threshold) continue
    best.offer(j, score(j))
    threshold = best.threshold()
  }
  for (const { index: j } of seeds.results()) seen[j] = 0
  for (let p = rows.indptr[i]; p < rows.indptr[i + 1]; p++) termWeights[rows.indices[p]] = 0
  return best
}

/** Buffers of {@link searchRow}, allocated once per call of {@link topKRows}. */
interface RowScratch {
  /** Half the TF-IDF weight of every term of the row, 0 elsewhere. */
  readonly termWeights: Float64Array
  /** 1 for the talks scored as seeds. */
  readonly seen: Uint8Array
  /** Co-association counts of the row. */
  readonly together: Uint16Array
}

/**
 * The blended cosine of rows i and j, summed in the order of `similarityToAll` for query i:
 * LSA dimensions ascending, halved, then the shared terms ascending (the terms of row j are
 * ascending, and `termWeights` holds half the weights of row i's terms).
 * @param space Talks.
 * @param i Query row.
 * @param j Other row.
 * @param termWeights Half of row i's weight of every term, 0 for terms not in row i.
 */
export function exactScore(space: PairSpace, i: number, j: number, termWeights: Float64Array): number {
  const { dimensions: d, vectors, rows } = space
  const a = i * d
  const b = j * d
  let dot = 0
  for (let c = 0; c < d; c++) dot += vectors[b + c] * vectors[a + c]
  let score = (1 - TFIDF_SHARE) * dot
  const { indptr, indices, data } = rows
  for (let q = indptr[j]; q < indptr[j + 1]; q++) {
    const weight = termWeights[indices[q]]
    if (weight !== 0) score += weight * data[q]
  }
  return score
}

/**
 * Adds to the bounds of rows `start … end − 1` (row-major, n per row) the LSA part:
 * ½ · (prefix dot product + product of tail norms), the frequent terms' ½ · product of norms,
 * and the slack.
 * @param space Talks.
 * @param start First row.
 * @param end Row after the last.
 * @param bounds Bounds, at least (end − start) × n.
 */
function addPrefixBounds(space: PairSpace, start: number, end: number, bounds: Float64Array): void {
  const { n, prefix: x, prefixDimensions: m, tails, frequentNorms: norms } = space
  const half = 1 - TFIDF_SHARE
  const share = TFIDF_SHARE
  for (let j0 = 0; j0 < n; j0 += TALK_CHUNK) {
    const j1 = Math.min(n, j0 + TALK_CHUNK)
    let i = start
    for (; i + 3 < end; i += 4) {
      const a0 = i * m
      const a1 = a0 + m
      const a2 = a1 + m
      const a3 = a2 + m
      const o0 = (i - start) * n
      const o1 = o0 + n
      const o2 = o1 + n
      const o3 = o2 + n
      const t0 = half * tails[i], t1 = half * tails[i + 1], t2 = half * tails[i + 2], t3 = half * tails[i + 3]
      const f0 = share * norms[i], f1 = share * norms[i + 1], f2 = share * norms[i + 2], f3 = share * norms[i + 3]
      let j = j0
      for (; j + 3 < j1; j += 4) {
        const b0 = j * m
        const b1 = b0 + m
        const b2 = b1 + m
        const b3 = b2 + m
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0
        let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0
        for (let c = 0; c < m; c++) {
          const x0 = x[a0 + c], x1 = x[a1 + c], x2 = x[a2 + c], x3 = x[a3 + c]
          const y0 = x[b0 + c], y1 = x[b1 + c], y2 = x[b2 + c], y3 = x[b3 + c]
          s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3
          s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3
          s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3
          s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3
        }
        const u0 = tails[j], u1 = tails[j + 1], u2 = tails[j + 2], u3 = tails[j + 3]
        const g0 = norms[j] , g1 = norms[j + 1], g2 = norms[j + 2], g3 = norms[j + 3]
        bounds[o0 + j] += half * s00 + t0 * u0 + f0 * g0 + BOUND_SLACK
        bounds[o0 + j + 1] += half * s01 + t0 * u1 + f0 * g1 + BOUND_SLACK
        bounds[o0 + j + 2] += half * s02 + t0 * u2 + f0 * g2 + BOUND_SLACK
        bounds[o0 + j + 3] += half * s03 + t0 * u3 + f0 * g3 + BOUND_SLACK
        bounds[o1 + j] += half * s10 + t1 * u0 + f1 * g0 + BOUND_SLACK
        bounds[o1 + j + 1] += half * s11 + t1 * u1 + f1 * g1 + BOUND_SLACK
        bounds[o1 + j + 2] += half * s12 + t1 * u2 + f1 * g2 + BOUND_SLACK
        bounds[o1 + j + 3] += half * s13 + t1 * u3 + f1 * g3 + BOUND_SLACK
        bounds[o2 + j] += half * s20 + t2 * u0 + f2 * g0 + BOUND_SLACK
        bounds[o2 + j + 1] += half * s21 + t2 * u1 + f2 * g1 + BOUND_SLACK
        bounds[o2 + j + 2] += half * s22 + t2 * u2 + f2 * g2 + BOUND_SLACK
        bounds[o2 + j + 3] += half * s23 + t2 * u3 + f2 * g3 + BOUND_SLACK
        bounds[o3 + j] += half * s30 + t3 * u0 + f3 * g0 + BOUND_SLACK
        bounds[o3 + j + 1] += half * s31 + t3 * u1 + f3 * g1 + BOUND_SLACK
        bounds[o3 + j + 2] += half * s32 + t3 * u2 + f3 * g2 + BOUND_SLACK
        bounds[o3 + j + 3] += half * s33 + t3 * u3 + f3 * g3 + BOUND_SLACK
      }
      for (; j < j1; j++) for (let r = 0; r < 4; r++) bounds[(i + r - start) * n + j] += pairBound(space, i + r, j)
    }
    // One row (a single `relatedTalks` query, or the rows left over from blocks of 4).
    for (; i < end; i++) for (let j = j0; j < j1; j++) bounds[(i - start) * n + j] += pairBound(space, i, j)
  }
}

/**
 * What {@link addPrefixBounds} adds for one pair.
 * @param space Talks.
 * @param i Row.
 * @param j Talk.
 */
function pairBound(space: PairSpace, i: number, j: number): number {
  const { prefix: x, prefixDimensions: m, tails, frequentNorms: norms } = space
  let s = 0
  for (let c = 0; c < m; c++) s += x[i * m + c] * x[j * m + c]
  return (1 - TFIDF_SHARE) * (s + tails[i] * tails[j]) + TFIDF_SHARE * norms[i] * norms[j] + BOUND_SLACK
}
