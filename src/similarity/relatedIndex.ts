/**
 * The related-talk lists of every talk of an atlas: one top-k index that `relatedTalks`,
 * the `related` command and the report all read, computed by {@link topKRows} (exact, with
 * the scores and ties of one talk's brute-force ranking).
 */
import type { Atlas } from '../atlas/types.js'
import type { Talk } from '../types.js'
import { pairSpace, topKRows, type PairSpace, type TopKRows } from './allPairsTopK.js'
import { rankingIndex } from './rankingIndex.js'

/**
 * Computes the top-k lists of every row of a pair space, best first (for example on several
 * threads); the result must be {@link topKRows}`(space, top, 0, space.n)`.
 */
export type TopKRunner = (space: PairSpace, top: number) => TopKRows

/** Options of {@link relatedIndex}. */
export interface RelatedIndexOptions {
  /** Related talks kept per talk. @default 5 */
  readonly top?: number
  /** Runs the search; the default runs it on this thread. */
  readonly runner?: TopKRunner
}

const spaceCache = new WeakMap<Atlas, PairSpace>()
const indexCache = new WeakMap<Atlas, TopKRows>()
const idRankCache = new WeakMap<readonly Talk[], Int32Array>()

/**
 * Rank of every talk in id order (ids are unique), cached per talk list.
 * @param talks Talks of an atlas.
 */
export function idRanks(talks: readonly Talk[]): Int32Array {
  let ranks = idRankCache.get(talks)
  if (ranks === undefined) {
    const positions = Array.from({ length: talks.length }, (_, i) => i)
    positions.sort((a, b) => (talks[a]!.id < talks[b]!.id ? -1 : talks[a]!.id > talks[b]!.id ? 1 : a - b))
    ranks = new Int32Array(talks.length)
    positions.forEach((position, rank) => (ranks![position] = rank))
    idRankCache.set(talks, ranks)
  }
  return ranks
}

/**
 * The pair space of an atlas (its ranking vectors with the bound's prefixes), cached.
 * @param atlas A built or loaded atlas.
 */
export function atlasPairSpace(atlas: Atlas): PairSpace {
  let space = spaceCache.get(atlas)
  if (space === undefined) {
    const index = rankingIndex(atlas)
    space = pairSpace(index, index.inverted, idRanks(atlas.talks))
    spaceCache.set(atlas, space)
  }
  return space
}

/**
 * The `top` best related talks of every talk, computed once per atlas and kept (a later call
 * with the same or a smaller `top` reads the kept lists: a top-k list starts with the top-j).
 * @param atlas A built or loaded atlas.
 * @param options See {@link RelatedIndexOptions}.
 */
export function relatedIndex(atlas: Atlas, options: RelatedIndexOptions = {}): TopKRows {
  const top = options.top ?? 5
  const kept = keptRelatedIndex(atlas, top)
  if (kept !== undefined) return kept
  const space = atlasPairSpace(atlas)
  const index = options.runner === undefined ? topKRows(space, top, 0, space.n) : options.runner(space, top)
  indexCache.set(atlas, index)
  return index
}

/**
 * The kept related index of an atlas when it holds at least `top` per talk.
 * @param atlas The atlas.
 * @param top Entries needed.
 */
export function keptRelatedIndex(atlas: Atlas, top: number): TopKRows | undefined {
  const kept = indexCache.get(atlas)
  // Lists of n − 1 talks hold every talk, whatever `top` asks for.
  return kept !== undefined && kept.top >= Math.min(top, atlas.talks.length - 1) ? kept : undefined
}

/**
 * Top-k lists of row ranges, joined into one (the ranges in order, covering 0 … n − 1).
 * @param parts Lists of consecutive ranges, with the same entries per row.
 */
export function joinTopKRows(parts: readonly TopKRows[]): TopKRows {
  const top = parts.length === 0 ? 0 : parts[0]!.top
  let rows = 0
  for (const part of parts) rows += part.counts.length
  const counts = new Int32Array(rows)
  const indices = new Int32Array(rows * top)
  const scores = new Float64Array(rows * top)
  for (const part of parts) {
    counts.set(part.counts, part.from)
    indices.set(part.indices, part.from * top)
    scores.set(part.scores, part.from * top)
  }
  return { top, from: 0, counts, indices, scores }
}
