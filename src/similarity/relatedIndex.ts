/**
 * The related-talk lists of every talk of an atlas: one top-k index that `relatedTalks`,
 * the `related` command and the report all read. Below {@link APPROXIMATE_MIN_TALKS} talks it
 * is computed by {@link topKRows} (exact, with the scores and ties of one talk's brute-force
 * ranking); from there on, among candidate cells ({@link candidateCells}: the talk's theme and
 * the nearest themes), which keeps the search linear in the number of talks.
 */
import { invertPermutation, sortedPositions } from '../atlas/canonicalOrder.js'
import { compareStrings } from '../util/compareStrings.js'
import type { Atlas } from '../atlas/types.js'
import type { Talk } from '../types.js'
import { cached } from '../util/cached.js'
import { emptyTopKRows, pairSpace, topKRows, type PairSpace, type TopKRows } from './allPairsTopK.js'
import { candidateCells, type CellPlan } from './candidateCells.js'
import { cellTopKRow, cellTopKRows } from './cellTopK.js'
import { relatedRankingIndex } from './relatedRanking.js'

/**
 * Talks from which related talks are searched among candidate cells instead of all talks.
 * Below it the exact search takes under a second; from it on, its n² cost grows past the
 * cell search's (docs/performance.md).
 */
export const APPROXIMATE_MIN_TALKS = 5000

/** What the related search of an atlas works on: its talks, and its cells when approximate. */
export interface RelatedSearch {
  readonly space: PairSpace
  /** Candidate cells; undefined for the exact search. */
  readonly plan: CellPlan | undefined
}

/**
 * Computes the top-k lists of every row, best first (for example on several threads); the
 * result must be {@link searchAllRows}`(search, top)`.
 */
export type TopKRunner = (search: RelatedSearch, top: number) => TopKRows

/** Options of {@link relatedIndex}. */
export interface RelatedIndexOptions {
  /** Related talks kept per talk. @default 5 */
  readonly top?: number
  /** Runs the search; the default runs it on this thread. */
  readonly runner?: TopKRunner
  /** Search among candidate cells. @default from {@link APPROXIMATE_MIN_TALKS} talks */
  readonly approximate?: boolean
}

const spaceCache = new WeakMap<Atlas, PairSpace>()
const planCache = new WeakMap<Atlas, CellPlan>()
const indexCache = new WeakMap<Atlas, { readonly lists: TopKRows; readonly approximate: boolean }>()
const idRankCache = new WeakMap<readonly Talk[], Int32Array>()

/**
 * Rank of every talk in id order (ids are unique), cached per talk list.
 * @param talks Talks of an atlas.
 */
export function idRanks(talks: readonly Talk[]): Int32Array {
  return cached(idRankCache, talks, () => invertPermutation(sortedPositions(talks.length, (a, b) => compareStrings(talks[a]!.id, talks[b]!.id) || a - b)))
}

/**
 * The pair space of an atlas (its related ranking vectors, relatedRanking.ts, with the
 * bound's prefixes), cached.
 * @param atlas A built or loaded atlas.
 */
export function atlasPairSpace(atlas: Atlas): PairSpace {
  return cached(spaceCache, atlas, () => {
    const index = relatedRankingIndex(atlas)
    return pairSpace(index, index.inverted, idRanks(atlas.talks))
  })
}

/**
 * Whether the related talks of an atlas are searched among candidate cells by default.
 * @param atlas The atlas.
 */
export function searchesApproximately(atlas: Atlas): boolean {
  return atlas.talks.length >= APPROXIMATE_MIN_TALKS
}

/**
 * The related search of an atlas (its pair space, and its cells when approximate), cached.
 * @param atlas A built or loaded atlas.
 * @param approximate Whether to search among candidate cells.
 */
export function relatedSearch(atlas: Atlas, approximate = searchesApproximately(atlas)): RelatedSearch {
  const space = atlasPairSpace(atlas)
  if (!approximate) return { space, plan: undefined }
  return { space, plan: cached(planCache, atlas, () => candidateCells(space, atlas.assignments)) }
}

/**
 * The top-k lists of every row of a search, on this thread.
 * @param search Talks and cells.
 * @param top Entries per row.
 */
export function searchAllRows(search: RelatedSearch, top: number): TopKRows {
  return search.plan === undefined ? topKRows(search.space, top, 0, search.space.n) : cellTopKRows(search.space, search.plan, top)
}

/**
 * The top-k list of one row, as {@link searchAllRows} gives it.
 * @param search Talks and cells.
 * @param top Entries.
 * @param row Talk.
 */
export function searchOneRow(search: RelatedSearch, top: number, row: number): TopKRows {
  return search.plan === undefined ? topKRows(search.space, top, row, row + 1) : cellTopKRow(search.space, search.plan, top, row)
}

/**
 * The `top` best related talks of every talk, computed once per atlas and kept (a later call
 * with the same or a smaller `top` reads the kept lists: a top-k list starts with the top-j).
 * @param atlas A built or loaded atlas.
 * @param options See {@link RelatedIndexOptions}.
 */
export function relatedIndex(atlas: Atlas, options: RelatedIndexOptions = {}): TopKRows {
  const top = options.top ?? 5
  const approximate = options.approximate ?? searchesApproximately(atlas)
  const kept = keptRelatedIndex(atlas, top, approximate)
  if (kept !== undefined) return kept
  const search = relatedSearch(atlas, approximate)
  const lists = options.runner === undefined ? searchAllRows(search, top) : options.runner(search, top)
  indexCache.set(atlas, { lists, approximate })
  return lists
}

/**
 * The kept related index of an atlas when it holds at least `top` per talk, searched the
 * way asked.
 * @param atlas The atlas.
 * @param top Entries needed.
 * @param approximate Search wanted.
 */
export function keptRelatedIndex(atlas: Atlas, top: number, approximate = searchesApproximately(atlas)): TopKRows | undefined {
  const kept = indexCache.get(atlas)
  if (kept === undefined || kept.approximate !== approximate) return undefined
  // Lists of n − 1 talks hold every talk, whatever `top` asks for.
  return kept.lists.top >= Math.min(top, atlas.talks.length - 1) ? kept.lists : undefined
}

/**
 * Top-k lists of row ranges, joined into one (the ranges in order, covering 0 … n − 1).
 * @param parts Lists of consecutive ranges, with the same entries per row.
 */
export function joinTopKRows(parts: readonly TopKRows[]): TopKRows {
  const top = parts.length === 0 ? 0 : parts[0]!.top
  let rows = 0
  for (const part of parts) rows += part.counts.length
  const out = emptyTopKRows(top, 0, rows)
  for (const part of parts) {
    out.counts.set(part.counts, part.from)
    out.indices.set(part.indices, part.from * top)
    out.scores.set(part.scores, part.from * top)
  }
  return out
}
