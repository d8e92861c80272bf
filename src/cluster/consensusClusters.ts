/**
 * Consensus clustering (evidence accumulation, Fred and Jain 2005, "Combining multiple
 * clusterings using evidence accumulation"): several k-means runs vote on every pair of
 * rows, the share of runs that put two rows together is their co-association, and average
 * linkage on the distance `1 − co-association` cuts the rows into k clusters. Single k-means
 * runs land in different local minima of nearly equal inertia; the pairs most runs agree on
 * are stable, so the consensus changes much less with the seed than the best-inertia run.
 *
 * The co-association matrix is dense (n²), so above {@link CONSENSUS_LIMIT} rows the
 * lowest-inertia run is kept instead, as plain k-means does.
 */
import { DEFAULT_SEED, withDefaults, type OptionsGiven } from '../options.js'
import { createRandom, nextInt } from '../random.js'
import type { Warning } from '../types.js'
import { labelByRoot } from '../util/labelByRoot.js'
import { groupByLabel } from '../util/groupByLabel.js'
import { candidateKs, chooseK, cosineDistances, gramDistanceRow, nestedSilhouettes, parsimoniousK, type ChooseKResult } from './chooseK.js'
import { kmeansBatchGram, RESTART_SAMPLE_ABOVE, type KmeansOptions, type KmeansResult } from './kmeans.js'
import { runKmeansInOrder, type KmeansBatchRunner } from './kmeansBatch.js'
import { gatherRows, nonZeroRows } from '../linalg/dense.js'
import { averageLinkageMerges, type Merge } from './nearestNeighbourChain.js'

/** Options of {@link consensusClusters}. */
export interface ConsensusOptions {
  /**
   * Number of clusters, or `'auto'`: the runs then take k from the upper half of
   * {@link chooseK}'s grid in turn, and the k of the cut is chosen by silhouette among the
   * grid's values (evidence accumulation, Fred & Jain 2005). Without a consensus (one run,
   * or above {@link CONSENSUS_LIMIT} rows) `'auto'` is `chooseK`'s k. Required.
   */
  readonly k: number | 'auto'
  /** Random seed of the k-means runs. @default 42 */
  readonly seed?: number
  /** k-means runs (one restart each) that vote; above 3,000 rows the best of at most 10 runs is kept instead. @default 20 */
  readonly runs?: number
}

/** Defaults of {@link ConsensusOptions} (`k` has none). */
export const defaultConsensusOptions: Readonly<Required<Omit<ConsensusOptions, 'k'>>> = Object.freeze({ seed: DEFAULT_SEED, runs: 20 })

/**
 * Fills the defaults. Not validated: the atlas options were (`resolveAtlasOptions`).
 * @param options Options given.
 */
export function resolveConsensusOptions(options: OptionsGiven<ConsensusOptions> & { readonly k: ConsensusOptions['k'] }): Readonly<Required<ConsensusOptions>> {
  return withDefaults<Required<ConsensusOptions>>({ ...defaultConsensusOptions, k: options.k }, options)
}

/** Result of {@link consensusClusters}. */
export interface ConsensusResult {
  /** Cluster of each row; -1 for zero rows. */
  readonly labels: Int32Array
  /** Unit mean of each cluster's rows, row-major k × d. */
  readonly centroids: Float32Array
  /** Number of clusters formed. */
  readonly k: number
  /** Whether the clusters come from the consensus (false: more rows than the limit, best-inertia run). */
  readonly consensus: boolean
  /**
   * The voting runs' clusters, run-major (`runs × n`: row i of run r at `r · n + i`, -1 for
   * zero rows); the co-association of two rows is the share of runs giving them the same
   * label. Empty when `consensus` is false.
   */
  readonly runLabels: Int32Array
  /** With `k: 'auto'`: the chosen k and the silhouette of every k tried. */
  readonly kSearch?: ChooseKResult
  readonly warnings: readonly Warning[]
}

/** Above this many non-zero rows the n × n co-association matrix (4 bytes a pair) is not built. */
export const CONSENSUS_LIMIT = 3000
/**
 * Restarts kept as best-of without consensus. On 100,000 synthetic talks the inertia of
 * 10 restarts matched that of 20 (22,530 for both on seed 2; 23,916 for one run) at 3.2 s
 * instead of 5.3 s.
 */
const MAX_BEST_OF_RUNS = 10

/**
 * Clusters unit rows by the consensus of several k-means runs.
 * @param points Row-major n × d unit rows (zero rows get label -1).
 * @param dimensions d.
 * @param options See {@link ConsensusOptions}.
 * @param runBatch Runner of the independent k-means calls (default: in order, here).
 */
export function consensusClusters(
  points: Float32Array,
  dimensions: number,
  options: ConsensusOptions,
  runBatch: KmeansBatchRunner = runKmeansInOrder,
): ConsensusResult {
  const { runs, seed } = resolveConsensusOptions(options)
  const rows = nonZeroRows(points, dimensions)
  if (runs === 1 || rows.length > CONSENSUS_LIMIT) return withoutConsensus(points, dimensions, options.k, seed, runs, runBatch)
  const auto = options.k === 'auto'
  const candidates = auto ? candidateKs(rows.length) : [options.k as number]
  if (!Array.isArray(candidates)) return consensusClusters(points, dimensions, { ...options, k: candidates.k }, runBatch)
  const jobs = votingJobs(auto ? upperHalf(candidates) : candidates, runs, seed)
  // A runner with threads fills the Gram matrix on all of them.
  const gram = auto ? (runBatch.gram ?? sharedBatchGram)(points, dimensions, jobs) : undefined
  const n = points.length / dimensions
  const votes = new Uint16Array(rows.length * rows.length)
  const runLabels = new Int32Array(runs * n)
  let formed = 0
  let warnings: readonly Warning[] = []
  runBatch(points, dimensions, jobs, gram).forEach((run, r) => {
    formed = Math.max(formed, run.k)
    warnings = run.warnings
    addVotes(votes, rows, run.labels)
    runLabels.set(run.labels, r * n)
  })
  const labels = new Int32Array(n).fill(-1)
  if (formed === 0) return { labels, centroids: new Float32Array(0), k: 0, consensus: true, runLabels, warnings }
  const merges = averageLinkageMerges(coAssociationDistances(votes, rows.length, runs), rows.length)
  const kSearch = auto ? searchCuts(points, dimensions, rows, gram, merges, candidates, formed) : undefined
  const k = kSearch?.k ?? Math.min(options.k as number, formed)
  const cut = cutDendrogram(merges, rows.length, k)
  for (let t = 0; t < rows.length; t++) labels[rows[t]] = cut[t]
  return { labels, centroids: unitMeans(points, dimensions, labels, k), k, consensus: true, runLabels, ...(kSearch && { kSearch }), warnings }
}

/**
 * The batch's Gram matrix, in a SharedArrayBuffer where the engine has one: a runner on
 * threads then reads it where it is, without a copy (about 10 MB at 1,100 rows).
 */
function sharedBatchGram(points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[]): Float64Array | undefined {
  const shareable = (length: number) => typeof SharedArrayBuffer === 'function' ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length)
  return kmeansBatchGram(points, dimensions, jobs, shareable)
}

/** One run or too many rows: `chooseK`'s k for `'auto'`, and the best of at most 10 restarts. */
function withoutConsensus(
  points: Float32Array, dimensions: number, k: number | 'auto', seed: number, runs: number, runBatch: KmeansBatchRunner,
): ConsensusResult {
  const kSearch = k === 'auto' ? chooseK(points, dimensions, { seed }, runBatch) : undefined
  const best = bestOfRuns(points, dimensions, kSearch?.k ?? (k as number), seed, Math.min(runs, MAX_BEST_OF_RUNS), runBatch)
  return { labels: best.labels, centroids: best.centroids, k: best.k, consensus: false, runLabels: new Int32Array(0), ...(kSearch && { kSearch }), warnings: best.warnings }
}

/** The candidate ks at least half the largest: the runs of `k: 'auto'` take these in turn. */
function upperHalf(candidates: readonly number[]): number[] {
  return candidates.filter((k) => 2 * k >= candidates[candidates.length - 1]!)
}

/** One single-restart job per run, k taken from `ks` in turn; each with its own seed from one stream, so the runs differ and the set is reproducible. */
function votingJobs(ks: readonly number[], runs: number, seed: number): KmeansOptions[] {
  const random = createRandom(seed)
  return Array.from({ length: runs }, (_, r) => ({ k: ks[r % ks.length]!, seed: nextInt(random, 0x7fffffff), restarts: 1 }))
}

/**
 * The silhouette of the dendrogram's cut at every candidate k, and the k chosen from them
 * by {@link parsimoniousK}.
 */
function searchCuts(
  points: Float32Array, dimensions: number, rows: Int32Array, gram: Float64Array | undefined,
  merges: readonly Merge[], candidates: readonly number[], formed: number,
): ChooseKResult {
  // The runs can form fewer clusters than asked (few distinct rows); no cut has more.
  const usable = candidates.filter((k) => k <= formed)
  if (usable.length === 0) return { k: formed, scores: [] }
  const distances = gram === undefined ? cosineDistances(gatherRows(points, dimensions, rows), dimensions) : gramDistanceRow(gram)
  const cuts = nestedCuts(merges, rows.length, usable)
  return parsimoniousK(nestedSilhouettes(distances, cuts, usable).map((silhouette, i) => ({ k: usable[i]!, silhouette })))
}

/**
 * The lowest-inertia result of `restarts` k-means restarts, as one call: above
 * {@link RESTART_SAMPLE_ABOVE} rows (= {@link CONSENSUS_LIMIT}) its restarts run on a sample
 * and it refines the best once on all rows, where two calls (for two threads) would refine
 * twice; below, this is the single run of `runs: 1`.
 */
function bestOfRuns(points: Float32Array, dimensions: number, k: number, seed: number, restarts: number, runBatch: KmeansBatchRunner): KmeansResult {
  return runBatch(points, dimensions, [{ k, seed, restarts }])[0]!
}

/** Adds one vote to every pair of rows a run puts in the same cluster (both triangles: about m² / k pairs). */
function addVotes(votes: Uint16Array, rows: Int32Array, labels: Int32Array): void {
  const m = rows.length
  // Positions grouped by cluster, ascending within each: only pairs that share a cluster are
  // visited (about m² / 2k of them instead of m² / 2).
  const positionLabels = Int32Array.from(rows, (row) => labels[row]!)
  const { starts, members } = groupByLabel(positionLabels, Math.max(0, ...positionLabels) + 1)
  for (let c = 0; c + 1 < starts.length; c++) {
    for (let x = starts[c]!; x < starts[c + 1]!; x++) {
      const base = members[x]! * m
      for (let y = x + 1; y < starts[c + 1]!; y++) {
        votes[base + members[y]!]++
        votes[members[y]! * m + members[x]!]++
      }
    }
  }
}

/** Symmetric distances `1 − votes / runs`, row-major m × m, zero diagonal (in one pass: the votes are symmetric). */
function coAssociationDistances(votes: Uint16Array, m: number, runs: number): Float32Array {
  const distance = Float32Array.from({ length: runs + 1 }, (_, v) => 1 - v / runs)
  const distances = new Float32Array(m * m)
  for (let p = 0; p < m * m; p++) distances[p] = distance[votes[p]]
  for (let a = 0; a < m; a++) distances[a * m + a] = 0
  return distances
}

/**
 * Average-linkage (UPGMA) clustering cut at k clusters, by the nearest-neighbour chain
 * algorithm (Murtagh 1983; Müllner 2011, "Modern hierarchical, agglomerative clustering
 * algorithms"): O(m²) time on the dense distance matrix, which it overwrites. Ties go to the
 * lower index, so the result is deterministic for a given row order.
 * @param distances Row-major m × m symmetric distances (overwritten).
 * @param m Number of rows.
 * @param k Clusters wanted (1 ≤ k ≤ m).
 * @returns Cluster of each row, numbered by first occurrence.
 */
export function averageLinkage(distances: Float32Array, m: number, k: number): Int32Array {
  return cutDendrogram(averageLinkageMerges(distances, m), m, k)
}

/**
 * Applies the m − k lowest merges (ties in the order they were made, so a cluster is always
 * formed before it merges again) and numbers the clusters by their first row.
 */
function cutDendrogram(merges: readonly Merge[], m: number, k: number): Int32Array {
  return nestedCuts(merges, m, [k])[0]!
}

/**
 * The cuts at every k of `ks` (ascending) in one pass: the merges are sorted once and applied
 * from the finest cut down, each cut taking the next lowest merges. A union's root is always
 * its lowest row, so each cut is the one {@link cutDendrogram} makes alone.
 */
function nestedCuts(merges: readonly Merge[], m: number, ks: readonly number[]): Int32Array[] {
  const order = merges.map((_, i) => i).sort((x, y) => merges[x]!.height - merges[y]!.height || x - y)
  const parent = Int32Array.from({ length: m }, (_, i) => i)
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  const cuts = new Array<Int32Array>(ks.length)
  let applied = 0
  for (let index = ks.length - 1; index >= 0; index--) {
    for (; applied < m - ks[index]!; applied++) {
      const { a, b } = merges[order[applied]!]!
      const ra = find(a)
      const rb = find(b)
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb)
    }
    cuts[index] = labelByRoot(m, find)
  }
  return cuts
}

/** Unit mean of each cluster's rows (rows labelled -1 are skipped). */
function unitMeans(points: Float32Array, d: number, labels: Int32Array, k: number): Float32Array {
  const sums = new Float64Array(k * d)
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!
    if (c < 0) continue
    for (let j = 0; j < d; j++) sums[c * d + j] += points[i * d + j]!
  }
  const centroids = new Float32Array(k * d)
  for (let c = 0; c < k; c++) {
    let norm = 0
    for (let j = 0; j < d; j++) norm += sums[c * d + j]! * sums[c * d + j]!
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let j = 0; j < d; j++) centroids[c * d + j] = sums[c * d + j]! * scale
  }
  return centroids
}

