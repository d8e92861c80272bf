/**
 * What related talks rank with: the ranking of rankingIndex.ts (topicality-weighted TF-IDF,
 * its embedding, co-association), with every theme signal taken at a coarse, fixed scale, so
 * that related lists do not depend on how finely the themes cut.
 *
 * The themes' scale moves both signals: topicality weights are computed over the themes, and
 * the consensus runs take their k from the themes' scale (with `k: 'auto'` the upper half of
 * the k grid, themes of 4 to 8 talks; with a given k that k). On FOSDEM 2025 related
 * precision@5 fell from 0.419 (78 themes) to 0.396 (152, automatic). Here both use a
 * track-sized scale, k = max(talks / {@link COARSE_THEME_SIZE}, √(2 · talks)) parts:
 *
 * - topicality weights over the theme tree cut into that many groups;
 * - 60 single-restart k-means runs at that k on the atlas's embedding, beside the 20
 *   consensus runs, so that the co-association of two talks is ¼ the consensus share and ¾
 *   the coarse share.
 *
 * The scale only ever coarsens: with fewer themes than coarse parts (a k given below it, or
 * a small event's few themes) the coarse runs would cut finer than the themes and outvote
 * the consensus runs at the themes' own scale, so related talks rank with the themes' own
 * index (rankingIndex.ts). That gate gave back the true-k precision@5 the coarse runs had
 * cost (35C3, 8 tracks: 0.492 → 0.504; a FOSDEM 8-track subsample 0.666 → 0.678; the ML
 * fixture 0.987 → 0.993, at its automatic k 0.987 → 1) and left the automatic k unchanged.
 *
 * Below 1,250 talks √(2n) is the larger: parts of 25 talks would be two or three parts
 * mixing every topic of a workshop (on the 72-talk LPC fixture, 12 parts keep its 12
 * themes; √n, 8 parts, cost its related precision@3 0.819 → 0.782). Tuned on FOSDEM 2025 and
 * EMNLP 2020, confirmed on every other corpus of docs/quality.md. Search and session planning
 * keep the themes' own index.
 */
import { atlasOrder, invertPermutation, permuteDenseRows, permuteEnsemble } from '../atlas/canonicalOrder.js'
import { cutTree } from '../atlas/themeTree.js'
import type { Atlas, AtlasEnsemble } from '../atlas/types.js'
import { runKmeansInOrder, type KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { createRandom, nextInt } from '../random.js'
import { rankingIndex, rankingIndexOver, themePartition, type RankingIndex, type TalkPartition } from './rankingIndex.js'

/** Talks per part at the coarse scale: the size of a conference track rather than a theme. */
export const COARSE_THEME_SIZE = 25

/** Coarse k-means runs (three times the consensus runs: with 20, lists moved with the seed). */
export const COARSE_RUNS = 60

const indexCache = new WeakMap<Atlas, RankingIndex>()

/**
 * The related-talk ranking index of an atlas, computed on first use and cached per atlas:
 * the themes' own index ({@link rankingIndex}) when the atlas has fewer themes than
 * {@link coarseK} parts.
 * @param atlas A built or loaded atlas.
 * @param runKmeans Runner of the coarse k-means runs on first use (the CLI's runs them on
 * several threads); every runner gives the same runs, so the cached index does not depend on it.
 */
export function relatedRankingIndex(atlas: Atlas, runKmeans: KmeansBatchRunner = runKmeansInOrder): RankingIndex {
  if (!ranksAtCoarseScale(atlas)) return rankingIndex(atlas)
  let index = indexCache.get(atlas)
  if (index === undefined) {
    index = rankingIndexOver(atlas, coarseThemes(atlas), relatedEnsemble(atlas, runKmeans))
    indexCache.set(atlas, index)
  }
  return index
}

/**
 * Whether related talks take the theme signals at the coarse scale: when the themes are at
 * least {@link coarseK} (so that the coarse scale is never finer than the themes).
 * @param atlas A built or loaded atlas.
 */
export function ranksAtCoarseScale(atlas: Atlas): boolean {
  return atlas.tree.leaves >= coarseK(atlas.talks.length)
}

/**
 * Parts at the coarse scale: talks / {@link COARSE_THEME_SIZE}, at least √(2 · talks) and 2.
 * @param talks Number of talks.
 */
export function coarseK(talks: number): number {
  return Math.max(2, Math.round(talks / COARSE_THEME_SIZE), Math.round(Math.sqrt(2 * talks)))
}

/**
 * The themes merged along the theme tree into {@link coarseK} groups (the themes themselves
 * when there are no more); the `unclassified` theme stays a part of its own.
 * @param atlas The atlas.
 */
export function coarseThemes(atlas: Atlas): TalkPartition {
  const leaves = atlas.tree.leaves
  const wanted = coarseK(atlas.talks.length)
  if (leaves === 0 || leaves <= wanted) return themePartition(atlas)
  const group = cutTree(atlas.tree, wanted)
  const count = Math.max(...group) + 1
  return { assignments: Int32Array.from(atlas.assignments, (theme) => (theme < leaves ? group[theme]! : count)), count: count + 1 }
}

/**
 * The consensus runs followed by the coarse runs (the consensus runs alone when the atlas
 * has fewer themes than {@link coarseK}), or undefined when the atlas has no consensus runs
 * (above 3,000 talks, or saved without them).
 * @param atlas The atlas.
 * @param runKmeans Runner of the coarse runs.
 */
export function relatedEnsemble(atlas: Atlas, runKmeans: KmeansBatchRunner = runKmeansInOrder): AtlasEnsemble | undefined {
  const own = atlas.ensemble
  if (own === undefined || !ranksAtCoarseScale(atlas)) return own
  const coarse = coarseRuns(atlas, runKmeans)
  const labels = new Int32Array(own.labels.length + coarse.labels.length)
  labels.set(own.labels, 0)
  labels.set(coarse.labels, own.labels.length)
  return { runs: own.runs + coarse.runs, labels }
}

/**
 * {@link COARSE_RUNS} k-means runs at {@link coarseK} on the embedding, in the atlas's input
 * order. They run in canonical order, so that the input order cannot change them, with
 * seeds drawn from the atlas's seed. They are one batch, so that a runner can spread them
 * over threads; on one thread `kmeansBatch` shares the rows' Gram matrix between them (on
 * FOSDEM 2025, 1,093 rows and 60 runs at k = 44, it pays).
 * @param atlas The atlas.
 * @param runKmeans Runner of the batch.
 */
export function coarseRuns(atlas: Atlas, runKmeans: KmeansBatchRunner = runKmeansInOrder): AtlasEnsemble {
  const n = atlas.talks.length
  const { dimensions, vectors } = atlas.embedding
  const order = atlasOrder(atlas)
  const k = coarseK(n)
  const random = createRandom(atlas.options.seed)
  const jobs = Array.from({ length: COARSE_RUNS }, () => ({ k, seed: nextInt(random, 0x7fffffff), restarts: 1 }))
  const labels = new Int32Array(COARSE_RUNS * n)
  if (n > 0) runKmeans(permuteDenseRows(vectors, dimensions, order), dimensions, jobs).forEach((run, r) => labels.set(run.labels, r * n))
  return permuteEnsemble({ runs: COARSE_RUNS, labels }, invertPermutation(order))
}
