/** Related talks over an atlas (free-text search is in searchTalks.ts). */
import { describeValue, InputError, OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { cached } from '../util/cached.js'
import { round } from '../util/round.js'
import type { Atlas } from '../atlas/types.js'
import type { SimilarityQuery } from './cosine.js'
import type { RankingIndex } from './rankingIndex.js'
import { relatedRankingIndex } from './relatedRanking.js'
import type { TopKRows } from './allPairsTopK.js'
import { MAX_RELATED_TOP } from './candidateCells.js'
import { keptRelatedIndex, relatedIndex, relatedSearch, searchOneRow } from './relatedIndex.js'

export { MAX_RELATED_TOP } from './candidateCells.js'

/** Options of {@link relatedTalks} and `searchTalks`. */
export interface RelatedOptions {
  /** Number of talks returned, 0 to {@link MAX_RELATED_TOP} (100). @default 5 */
  readonly top?: number
  /** Shared terms listed per result. @default 5 */
  readonly explainTerms?: number
}

/** A related talk with its score and the terms that explain it. */
export interface RelatedTalk {
  /** Talk id. */
  readonly id: string
  /**
   * Blended cosine similarity, rounded to 6 decimals; for related talks of an atlas with
   * consensus runs, two thirds of it and a third of the two talks' co-association over the
   * consensus runs (and the coarse runs of relatedRanking.ts where it ranks at its coarse scale).
   */
  readonly score: number
  /** Display forms of the shared terms that contribute most, best first. */
  readonly terms: readonly string[]
}

const rowByIdCache = new WeakMap<readonly Talk[], Map<string, number>>()

/**
 * Position of every talk id, cached per talk list (a query on 100,000 talks must not scan
 * the ids).
 * @param talks Talks of an atlas.
 */
function rowsById(talks: readonly Talk[]): Map<string, number> {
  return cached(rowByIdCache, talks, () => new Map(talks.map((talk, i) => [talk.id, i])))
}

/**
 * The talks most similar to one talk (never the talk itself).
 * @param atlas A built or loaded atlas.
 * @param talkId Id of the query talk.
 * @param options See {@link RelatedOptions}.
 * @throws InputError when the id is unknown.
 * @throws OptionError on a `top` outside 0 to {@link MAX_RELATED_TOP} or a bad `explainTerms`.
 */
export function relatedTalks(atlas: Atlas, talkId: string, options?: RelatedOptions): RelatedTalk[]
/**
 * The related talks of every talk, in atlas order (`result[i]` belongs to `atlas.talks[i]`):
 * the lists `relatedTalks(atlas, id, options)` gives for each id, from one search over all
 * talks (linear in their number from 5,000 talks on) instead of one search per talk. The
 * lists are kept with the atlas, so that later calls with the same or a smaller `top` read them.
 * @param atlas A built or loaded atlas.
 * @param options See {@link RelatedOptions}.
 * @throws OptionError on a `top` outside 0 to {@link MAX_RELATED_TOP} or a bad `explainTerms`.
 */
export function relatedTalks(atlas: Atlas, options?: RelatedOptions): RelatedTalk[][]
export function relatedTalks(atlas: Atlas, talkIdOrOptions?: string | RelatedOptions, options: RelatedOptions = {}): RelatedTalk[] | RelatedTalk[][] {
  if (typeof talkIdOrOptions === 'string') {
    const row = rowsById(atlas.talks).get(talkIdOrOptions) ?? -1
    if (row < 0) throw new InputError(`related: no talk with id ${JSON.stringify(talkIdOrOptions)}`, { field: 'id' })
    return relatedToRow(atlas, row, options)
  }
  // Every talk when the id is left out, not when it is passed and undefined (or a talk
  // object instead of its id): a mistaken id must not turn into lists for every talk.
  const given = arguments.length === 1 ? {} : talkIdOrOptions
  if (given === null || typeof given !== 'object' || 'id' in given) {
    throw new InputError(`related: expected a talk id (a string) or options, found ${describeValue(given)}`, { field: 'id' })
  }
  return relatedOfEveryTalk(atlas, given)
}

/**
 * The lists of every talk from the atlas's related index (computed once and kept).
 * @param atlas The atlas.
 * @param options See {@link RelatedOptions}.
 */
function relatedOfEveryTalk(atlas: Atlas, options: RelatedOptions): RelatedTalk[][] {
  checkRankOptions(options)
  const top = options.top ?? 5
  const explainTerms = options.explainTerms ?? 5
  const lists = relatedIndex(atlas, { top })
  const out: RelatedTalk[][] = new Array(atlas.talks.length)
  for (let row = 0; row < atlas.talks.length; row++) out[row] = relatedFromIndex(atlas, lists, row, top, explainTerms)
  return out
}

/**
 * The talks most similar to the talk at a position (never the talk itself).
 * @param atlas A built or loaded atlas.
 * @param row Position of the query talk.
 * @param options See {@link RelatedOptions}.
 */
export function relatedToRow(atlas: Atlas, row: number, options: RelatedOptions = {}): RelatedTalk[] {
  if (!Number.isInteger(row) || row < 0 || row >= atlas.talks.length) {
    throw new InputError(`related: row ${String(row)} is not a talk position (0 to ${atlas.talks.length - 1})`)
  }
  checkRankOptions(options)
  const top = options.top ?? 5
  // The lists of every talk when they were computed (the report, `related` on all talks);
  // otherwise the same search for this row alone.
  const lists = keptRelatedIndex(atlas, top) ?? searchOneRow(relatedSearch(atlas), top, row)
  return relatedFromIndex(atlas, lists, row, top, options.explainTerms ?? 5)
}

/**
 * The related talks of one row read from top-k lists.
 * @param atlas The atlas of the lists.
 * @param lists Top-k lists holding the row.
 * @param row Talk position.
 * @param top Entries wanted (at most the lists' own).
 * @param explainTerms Shared terms listed per result.
 */
export function relatedFromIndex(atlas: Atlas, lists: TopKRows, row: number, top: number, explainTerms: number): RelatedTalk[] {
  const ranking = relatedRankingIndex(atlas)
  const { matrix } = ranking
  const query: SimilarityQuery = {
    terms: matrix.indices.subarray(matrix.indptr[row], matrix.indptr[row + 1]),
    weights: matrix.data.subarray(matrix.indptr[row], matrix.indptr[row + 1]),
    embedding: ranking.embedding.vectors.subarray(row * ranking.embedding.dimensions, (row + 1) * ranking.embedding.dimensions),
    row,
  }
  const at = (row - lists.from) * lists.top
  const count = Math.min(top, lists.counts[row - lists.from]!)
  const out: RelatedTalk[] = []
  for (let r = 0; r < count; r++) out.push(relatedTalk(atlas, ranking, query, lists.indices[at + r]!, lists.scores[at + r]!, explainTerms))
  return out
}

/**
 * Checks `top` and `explainTerms` before any index is built: related lists and search results
 * take the same bounds (a list longer than 100 is no answer, and an unbounded top would size
 * the heap from the caller's number).
 * @param options Options given.
 * @param caller Name errors give: `relatedTalks`, `searchTalks` or `findTalks`.
 */
export function checkRankOptions(options: RelatedOptions, caller = 'relatedTalks'): void {
  const top = options.top ?? 5
  if (!Number.isInteger(top) || top < 0 || top > MAX_RELATED_TOP) throw new OptionError(caller, 'top', top, `an integer from 0 to ${MAX_RELATED_TOP}`)
  const explainTerms = options.explainTerms ?? 5
  if (!Number.isInteger(explainTerms) || explainTerms < 0) {
    throw new OptionError(caller, 'explainTerms', explainTerms, 'an integer ≥ 0')
  }
}

/**
 * One result as returned.
 * @param atlas The atlas.
 * @param ranking Its ranking index.
 * @param query The query's vectors.
 * @param index Position of the result.
 * @param score Its exact score.
 * @param explainTerms Shared terms listed.
 */
function relatedTalk(atlas: Atlas, ranking: RankingIndex, query: SimilarityQuery, index: number, score: number, explainTerms: number): RelatedTalk {
  return {
    id: atlas.talks[index]!.id,
    // Both cosines are of unit rows and co-association is a share; clamping removes float32
    // rounding beyond ±1.
    score: round(Math.min(1, Math.max(-1, score)), 6),
    terms: sharedTerms(atlas, ranking.matrix, query, index, explainTerms),
  }
}

/**
 * Terms shared by the query and a talk, by their contribution to the (weighted) TF-IDF cosine.
 */
function sharedTerms(atlas: Atlas, matrix: RankingIndex['matrix'], query: SimilarityQuery, row: number, count: number): string[] {
  const { model } = atlas
  const contributions: { term: number; value: number }[] = []
  let q = 0
  for (let p = matrix.indptr[row]; p < matrix.indptr[row + 1] && q < query.terms.length; ) {
    const a = matrix.indices[p]
    const b = query.terms[q]
    if (a === b) {
      contributions.push({ term: a, value: matrix.data[p] * query.weights[q] })
      p++
      q++
    } else if (a < b) p++
    else q++
  }
  contributions.sort((x, y) => y.value - x.value || x.term - y.term)
  return contributions.slice(0, count).map((c) => model.labels[c.term]!)
}
