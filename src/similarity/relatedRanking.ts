/**
 * What related talks rank with: the ranking of rankingIndex.ts (topicality-weighted TF-IDF,
 * its embedding, co-association), with every theme signal taken at a coarse, fixed scale, so
 * that related lists do not depend on how finely the themes cut.
 *
 * The themes' scale moves both signals: topicality weights are computed over the themes, and
 * the consensus runs take their k from the themes' scale (with `k: 'auto'` the upper half of
 * the k grid, themes of 4 to 8 talks; with a given k that k). On FOSDEM 2025 related
 * precision@5 fell from 0.419 (78 themes) to 0.396 (152, automatic). Here both use a
 * track-sized scale, at most p = max(talks / {@link COARSE_THEME_SIZE}, √(2 · talks)) parts:
 *
 * - the number of parts is read from the data: the most stable of p/2, p/√2 and p
 *   (coarseScale.ts), so that an event of few broad tracks is not cut into parts of half a
 *   track (35C3 at the automatic k: 9 parts instead of 18, precision@5 0.487 → 0.499);
 * - topicality weights over the theme tree cut into that many groups;
 * - single-restart k-means runs at that k on the atlas's embedding, beside the 20 consensus
 *   runs: 60 at p, so that the co-association of two talks is ¼ the consensus share and ¾
 *   the coarse share, and as many more at a coarser k as cost the same k-means work.
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
import { kmeansBatchGram, type KmeansOptions } from '../cluster/kmeans.js'
import { runKmeansInOrder, type KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import { createRandom, nextInt } from '../random.js'
import { cached } from '../util/cached.js'
import { mostStableScale, PROBE_RUNS, scaleCandidates } from './coarseScale.js'
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
  return cached(indexCache, atlas, () => {
    // The ensemble first: it makes the coarse scale's runs with `runKmeans` (on the caller's
    // threads), which `coarseThemes` then finds cached instead of making them on this thread.
    const ensemble = relatedEnsemble(atlas, runKmeans)
    return rankingIndexOver(atlas, coarseThemes(atlas), ensemble)
  })
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
 * The themes merged along the theme tree into as many groups as the coarse scale has parts
 * ({@link coarseScale}; {@link coarseK} for an atlas without consensus runs), or the themes
 * themselves when there are no more; the `unclassified` theme stays a part of its own.
 * @param atlas The atlas.
 */
export function coarseThemes(atlas: Atlas): TalkPartition {
  const leaves = atlas.tree.leaves
  // Without consensus runs (above 3,000 talks) no coarse runs are made, and p is not put to the test.
  const wanted = atlas.ensemble === undefined ? coarseK(atlas.talks.length) : coarseScale(atlas).k
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
  const coarse = coarseScale(atlas, runKmeans).runs
  const labels = new Int32Array(own.labels.length + coarse.labels.length)
  labels.set(own.labels, 0)
  labels.set(coarse.labels, own.labels.length)
  return { runs: own.runs + coarse.runs, labels }
}

/** The coarse scale chosen for an atlas and its runs, in the atlas's input order. */
export interface CoarseScale {
  /** Parts: one of {@link scaleCandidates} of {@link coarseK}. */
  readonly k: number
  /** {@link coarseRunCount} k-means runs at k. */
  readonly runs: AtlasEnsemble
}

const scaleCache = new WeakMap<Atlas, CoarseScale>()

/**
 * The coarse runs: {@link CoarseScale.runs}.
 * @param atlas The atlas.
 * @param runKmeans Runner of the k-means batches.
 */
export function coarseRuns(atlas: Atlas, runKmeans: KmeansBatchRunner = runKmeansInOrder): AtlasEnsemble {
  return coarseScale(atlas, runKmeans).runs
}

/**
 * The coarse scale of an atlas, computed on first use and cached per atlas: the most stable
 * of {@link scaleCandidates}(coarseK) ({@link mostStableScale} over {@link PROBE_RUNS} runs
 * at each), and {@link coarseRunCount} k-means runs there (its probe runs and more). The runs
 * are made in canonical order, so that the input order cannot change them, with seeds drawn
 * from the atlas's seed; the runs at {@link coarseK} take the seeds they took when the scale
 * was always coarseK, so that where coarseK is chosen the ranking is that of before. Each
 * step's runs are one batch, which a runner can spread over threads; on one thread
 * `kmeansBatch` shares the rows' Gram matrix between them.
 * @param atlas The atlas.
 * @param runKmeans Runner of the batches; every runner gives the same runs.
 */
export function coarseScale(atlas: Atlas, runKmeans: KmeansBatchRunner = runKmeansInOrder): CoarseScale {
  return cached(scaleCache, atlas, () => chooseCoarseScale(atlas, runKmeans))
}

function chooseCoarseScale(atlas: Atlas, runKmeans: KmeansBatchRunner): CoarseScale {
  const n = atlas.talks.length
  const p = coarseK(n)
  if (n === 0) return { k: p, runs: { runs: COARSE_RUNS, labels: new Int32Array(0) } }
  const { dimensions, vectors } = atlas.embedding
  const order = atlasOrder(atlas)
  const rows = permuteDenseRows(vectors, dimensions, order)
  const random = createRandom(atlas.options.seed)
  const draw = (count: number) => Array.from({ length: count }, () => nextInt(random, 0x7fffffff))
  const seedsAtP = draw(COARSE_RUNS)
  const candidates = scaleCandidates(p)
  // Single-restart runs at k with these seeds, their labels; one Gram matrix of the rows for
  // both batches (the probes, then the runs at the chosen scale).
  const jobsAt = (k: number, seeds: number[]) => seeds.map((seed) => ({ k, seed, restarts: 1 }))
  const probeJobs = candidates.flatMap((k) => jobsAt(k, k === p ? seedsAtP.slice(0, PROBE_RUNS) : draw(PROBE_RUNS)))
  const gram = runKmeans.gram?.(rows, dimensions, probeJobs) ?? kmeansBatchGram(rows, dimensions, probeJobs)
  const labelsOf = (jobs: KmeansOptions[]) => runKmeans(rows, dimensions, jobs, gram).map((run) => run.labels)
  const probes = labelsOf(probeJobs)
  const probeRuns = candidates.map((_, c) => probes.slice(c * PROBE_RUNS, (c + 1) * PROBE_RUNS))
  const chosen = mostStableScale(probeRuns, candidates)
  const k = candidates[chosen]!
  const runs = [...probeRuns[chosen]!, ...labelsOf(jobsAt(k, k === p ? seedsAtP.slice(PROBE_RUNS) : draw(coarseRunCount(p, k) - PROBE_RUNS)))]
  const labels = new Int32Array(runs.length * n)
  runs.forEach((run, r) => labels.set(run, r * n))
  return { k, runs: permuteEnsemble({ runs: runs.length, labels }, invertPermutation(order)) }
}

/**
 * Coarse runs at k parts: {@link COARSE_RUNS} at p, more at a coarser k, so that they cost
 * the same k-means work (about runs × k) and the co-association at the coarser scale is not
 * noisier (on 35C3, 9 parts: precision@5 at the automatic k 0.479 / 0.497 / 0.499 with 60
 * runs at seeds 1 / 42 / 7, 0.489 / 0.499 / 0.495 with 120, against 0.486 / 0.487 / 0.491 at
 * p = 18). The consensus runs then weigh less in the co-association (20 of 140 runs).
 * @param p The track-sized number of parts.
 * @param k The chosen number of parts, at most p.
 */
export function coarseRunCount(p: number, k: number): number {
  return Math.max(COARSE_RUNS, Math.round((COARSE_RUNS * p) / k))
}
