/**
 * Chooses the number of themes: k-means is run for a geometric grid of k (themes of 4 to 20
 * talks on average) on a sample of the talks and scored by mean silhouette (Rousseeuw 1987)
 * under cosine distance; the smallest k within 2 % of the best score wins. Silhouette compares each talk's mean distance to its own cluster (a) with
 * the mean distance to the nearest other cluster (b): s = (b − a) / max(a, b).
 */
import { DEFAULT_SEED, withDefaults, type OptionsGiven } from '../options.js'
import { createRandom, sampleRows } from '../random.js'
import { gatherRows, nonZeroRows } from '../linalg/dense.js'
import { kmeansBatchGram } from './kmeans.js'
import { runKmeansInOrder, type KmeansBatchRunner } from './kmeansBatch.js'

/**
 * Relative shortfall from the best silhouette still counted as a tie. On text the silhouette
 * keeps creeping up with k; among near-ties the fewer themes are the more useful answer
 * (FOSDEM 2025: 121 at 0.3849 against 182 at 0.3888).
 */
const TOLERANCE = 0.02

/**
 * The grid of k gives themes of MIN_THEME_SIZE to MAX_THEME_SIZE talks on average: a theme is
 * something a programme committee can name and turn into one to three sessions. Silhouette
 * alone, on the whole range, collapses small events (35C3's 167 talks: 2 themes) because
 * its maximum on text sits at k = 2 whenever one split (a second language) dominates.
 */
export const MIN_THEME_SIZE = 4
export const MAX_THEME_SIZE = 20
/** Largest k tried by default (a report of more themes is not browsable; the k-means time grows with k). */
export const MAX_AUTO_K = 400

/** Options of {@link chooseK}. */
export interface ChooseKOptions {
  /** Smallest k tried. @default ⌈n / 20⌉ (themes of at most 20 talks on average), at least 2 */
  readonly kMin?: number
  /** Largest k tried. @default ⌊n / 4⌋ (themes of at least 4 talks on average), at most 400 */
  readonly kMax?: number
  /** Number of k values tried (geometric grid). @default 12 */
  readonly candidates?: number
  /** Talks sampled to score each k. @default 2000 */
  readonly sampleSize?: number
  /** Random seed. @default 42 */
  readonly seed?: number
}

/** Defaults of {@link ChooseKOptions}; `kMin` and `kMax` depend on the number of rows. */
export const defaultChooseKOptions: Readonly<Required<Omit<ChooseKOptions, 'kMin' | 'kMax'>>> = Object.freeze({ candidates: 12, sampleSize: 2000, seed: DEFAULT_SEED })

/**
 * Fills the defaults. Not validated: the atlas options were (`resolveAtlasOptions`).
 * @param options Options given.
 */
export function resolveChooseKOptions(options: OptionsGiven<ChooseKOptions> = {}): Readonly<ChooseKOptions & typeof defaultChooseKOptions> {
  return withDefaults<ChooseKOptions & typeof defaultChooseKOptions>(defaultChooseKOptions, options)
}

/** Result of {@link chooseK}. */
export interface ChooseKResult {
  /** The chosen k. */
  readonly k: number
  /** Every k tried with its mean silhouette, ascending k. */
  readonly scores: readonly { readonly k: number; readonly silhouette: number }[]
}

/**
 * Picks k for a set of unit rows by the silhouette criterion.
 * @param points Row-major n × d unit rows (zero rows are ignored).
 * @param dimensions d.
 * @param options See {@link ChooseKOptions}.
 * @param runBatch Runner of the k-means calls, one per k (default: in order, here).
 */
export function chooseK(points: Float32Array, dimensions: number, options: ChooseKOptions = {}, runBatch: KmeansBatchRunner = runKmeansInOrder): ChooseKResult {
  const resolved = resolveChooseKOptions(options)
  const sample = sampleNonZeroRows(points, dimensions, resolved.sampleSize, resolved.seed)
  const sampled = sample.length / dimensions
  // The grid is the whole corpus's (themes of 4 to 20 of its talks); the sample scores it.
  const grid = candidateKs(sampled < points.length / dimensions ? points.length / dimensions : sampled, resolved)
  const candidates = Array.isArray(grid) ? grid.filter((k) => k < sampled) : grid
  if (!Array.isArray(candidates)) return { k: candidates.k, scores: [] }
  if (candidates.length === 0) return { k: Math.max(1, sampled - 1), scores: [] }
  const jobs = candidates.map((k) => ({ k, seed: resolved.seed, restarts: 2 }))
  // The k-means Gram matrix holds the dot products the silhouette needs; computed once, it serves both.
  const gram = kmeansBatchGram(sample, dimensions, jobs)
  const distances = gram === undefined ? cosineDistances(sample, dimensions) : distancesFromGram(gram)
  const results = runBatch(sample, dimensions, jobs, gram)
  return parsimoniousK(candidates.map((k, i) => ({ k, silhouette: meanSilhouette(distances, results[i]!.labels, results[i]!.k) })))
}

/**
 * The k values to score for n rows (a geometric grid from `kMin` to `kMax`: by default the
 * k that give themes of 4 to 20 rows on average, at most 400), or the answer
 * itself when there is nothing to choose (two rows or fewer, or `kMax` below `kMin`).
 */
export function candidateKs(n: number, options: ChooseKOptions = {}): number[] | { k: number } {
  if (n <= 2) return { k: Math.max(1, n) }
  const kMaxDefault = Math.min(MAX_AUTO_K, Math.max(2, Math.floor(n / MIN_THEME_SIZE)))
  // Above MAX_AUTO_K · MAX_THEME_SIZE / 2 rows the cap wins: the grid keeps a 2× span below it.
  const kMinDefault = Math.min(Math.ceil(n / MAX_THEME_SIZE), Math.floor(kMaxDefault / 2))
  const kMin = Math.max(2, options.kMin ?? kMinDefault)
  const kMax = Math.min(n - 1, options.kMax ?? Math.max(kMin, kMaxDefault))
  if (kMax < kMin) return { k: Math.max(1, Math.min(kMin, n)) }
  return geometricGrid(kMin, kMax, resolveChooseKOptions(options).candidates)
}

/**
 * The smallest k whose silhouette is within {@link TOLERANCE} of the best score.
 * @param scores Every k tried with its mean silhouette, ascending k (at least one).
 */
export function parsimoniousK(scores: ChooseKResult['scores']): ChooseKResult {
  let best = scores[0]!
  for (const score of scores) if (score.silhouette > best.silhouette) best = score
  // |best|: a corpus with no structure can score below zero everywhere.
  const threshold = best.silhouette - TOLERANCE * Math.abs(best.silhouette)
  const chosen = scores.find((score) => score.silhouette >= threshold) ?? best
  return { k: chosen.k, scores }
}

/**
 * Integers spread geometrically over [from, to], ascending, without repeats.
 * @param from Lower end.
 * @param to Upper end.
 * @param count Values wanted.
 */
export function geometricGrid(from: number, to: number, count: number): number[] {
  const values = new Set<number>()
  for (let t = 0; t < count; t++) {
    const value = count === 1 ? from : from * Math.pow(to / from, t / (count - 1))
    values.add(Math.round(value))
  }
  return [...values].sort((a, b) => a - b)
}

/**
 * Pairwise cosine distances `1 − x·y` of unit rows, as a row-major n × n matrix.
 * @param points Row-major unit rows.
 * @param d Width.
 */
export function cosineDistances(points: Float32Array, d: number): Float32Array {
  const n = points.length / d
  const out = new Float32Array(n * n)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let dot = 0
      for (let c = 0; c < d; c++) dot += points[i * d + c] * points[j * d + c]
      out[i * n + j] = 1 - dot
      out[j * n + i] = 1 - dot
    }
  }
  return out
}

/**
 * Mean silhouette of a labelling given pairwise distances (O(n²)).
 * @param distances Row-major n × n distances, or a function writing row i's into `out`.
 * @param labels Cluster per row.
 * @param k Number of clusters.
 */
export function meanSilhouette(distances: Float32Array | DistanceRow, labels: Int32Array, k: number): number {
  return nestedSilhouettes(distances, [labels], [k])[0]!
}

/**
 * Mean silhouettes of nested cuts of one dendrogram (ascending k, each refining the one
 * before), one row at a time: the row's distance sums to the finest cut's clusters take a
 * pass over its m distances; each coarser cut's sums add up those of the cut just finer
 * (k additions instead of m), while they are still in cache. The sums are added in another
 * order than a pass would add them, so a silhouette can differ from {@link meanSilhouette}'s
 * in the last bits (on FOSDEM 2025 all 12 are equal).
 * s = (b − a) / max(a, b) per row, with a the mean distance to its own cluster's other rows
 * and b the least mean distance to another cluster; rows alone in their cluster count 0.
 * @param distances Row-major m × m distances, or a function writing row i's into `out`.
 * @param cuts Cluster of each row per cut, k ascending, nested.
 * @param ks Number of clusters of each cut.
 */
export function nestedSilhouettes(distances: Float32Array | DistanceRow, cuts: readonly Int32Array[], ks: readonly number[]): number[] {
  const m = cuts[0]?.length ?? 0
  const rowOf = typeof distances === 'function' ? distances : (i: number) => distances.subarray(i * m, i * m + m)
  const sizes = cuts.map((cut, index) => {
    const size = new Int32Array(ks[index]!)
    for (let t = 0; t < m; t++) size[cut[t]!]++
    return size
  })
  // The cluster each of the finer cut's clusters lies in (every cluster of a cut has rows).
  const parents = cuts.map((cut, index) => {
    const parent = new Int32Array(ks[index + 1] ?? 0)
    for (let t = 0; index + 1 < cuts.length && t < m; t++) parent[cuts[index + 1]![t]!] = cut[t]!
    return parent
  })
  const sums = ks.map((k) => new Float64Array(k))
  const totals = new Float64Array(cuts.length)
  const out = new Float32Array(m)
  for (let i = 0; i < m; i++) {
    for (let index = cuts.length - 1; index >= 0; index--) {
      const k = ks[index]!
      const labels = cuts[index]!
      const own = labels[i]!
      const sum = sums[index]!
      const size = sizes[index]!
      const parent = parents[index]!
      const finer = sums[index + 1] ?? rowOf(i, out)
      sum.fill(0)
      // The finest cut's sums from the row's distances, each coarser cut's from the finer sums.
      if (parent.length === 0) for (let j = 0; j < m; j++) sum[labels[j]!] += finer[j]!
      else for (let c = 0; c < parent.length; c++) sum[parent[c]!] += finer[c]!
      if (size[own]! <= 1) continue
      const a = sum[own]! / (size[own]! - 1)
      let b = Infinity
      for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sum[c]! / size[c]!)
      if (b !== Infinity) totals[index] += (b - a) / Math.max(a, b, 1e-12)
    }
  }
  return Array.from(totals, (total) => total / m)
}

/** Row i of an m × m distance matrix, written into `out` (m long) or read where it is. */
export type DistanceRow = (i: number, out: Float32Array) => Float32Array

/** The rows of {@link distancesFromGram}'s matrix one at a time (the same float32 values), without the m × m matrix. */
export function gramDistanceRow(gram: Float64Array): DistanceRow {
  return (i, out) => {
    const m = out.length
    for (let j = 0; j < m; j++) out[j] = 1 - gram[i * m + j]
    out[i] = 0
    return out
  }
}

/** Cosine distances `1 − x·y` from the dot products of unit rows (n × n). */
export function distancesFromGram(gram: Float64Array): Float32Array {
  const out = new Float32Array(gram.length)
  for (let p = 0; p < gram.length; p++) out[p] = 1 - gram[p]
  const n = Math.round(Math.sqrt(gram.length))
  for (let i = 0; i < n; i++) out[i * n + i] = 0
  return out
}

function sampleNonZeroRows(points: Float32Array, d: number, size: number, seed: number): Float32Array {
  const rows = sampleRows(nonZeroRows(points, d), size, createRandom(seed))
  // All rows: the points themselves, so that a batch runner can tell they are the ones it clusters next.
  if (rows.length * d === points.length) return points
  return gatherRows(points, d, rows)
}
