/** Two-dimensional map coordinates of the talks, for the report's scatter plot. */
import { UMAP } from 'umap-js'
import type { Atlas } from '../atlas/types.js'
import { symmetricEigen } from '../linalg/dense.js'
import { OptionError } from '../errors.js'
import { DEFAULT_SEED } from '../options.js'
import { createRandom } from '../random.js'
import { progressReporter, type ProgressCallback } from '../progress.js'

/** Layout methods of {@link projectMap}. */
export type MapMethod = 'auto' | 'umap' | 'pca'

/** Options of {@link projectMap}. */
export interface ProjectMapOptions {
  /**
   * `'pca'`: first two principal components (linear, instant). `'umap'`: UMAP on cosine
   * distances (themes come out as separate islands; about 7 s for 1,000 talks, 12 s for
   * 5,000). `'auto'`: UMAP for 16 to 20,000 talks, PCA otherwise. @default 'auto'
   */
  readonly method?: MapMethod
  /** Seed of the UMAP layout. @default 42 */
  readonly seed?: number
  /** Called with `umap` steps (neighbour search, then epochs done of total). @default undefined */
  readonly onProgress?: ProgressCallback
}

/** Fewest talks UMAP is used for: below, 15 neighbours are most of the corpus. */
const UMAP_MIN_TALKS = 16
/** Most talks `'auto'` lays out with UMAP; beyond, its run time grows past a minute. */
const UMAP_MAX_TALKS = 20_000
/** UMAP neighbourhood size (umap-learn's default). */
const UMAP_NEIGHBOURS = 15

/** Where each talk sits on the map. */
export interface MapProjection {
  /** Row-major n × 2 coordinates (x, y) in input order, scaled so the largest |value| is 1. */
  readonly coordinates: Float32Array
  /** Method actually used. */
  readonly method: 'umap' | 'pca'
  /** Share of the total variance carried by each PCA axis, in [0, 1] (zeros for UMAP). */
  readonly explainedVariance: readonly [number, number]
}

/**
 * Lays the talks out in two dimensions from their unit LSA rows (`atlas.embedding.vectors`):
 * UMAP (McInnes, Healy and Melville 2018, via umap-js) on cosine distance, seeded from
 * `src/random.ts`, or the first two principal components. Either way the result is
 * deterministic and scaled so the largest |coordinate| is 1; a UMAP layout is first centred
 * on its median and its farthest 2 % of talks are drawn on the border (UMAP places small
 * detached groups far out, which would squeeze everything else into the middle).
 *
 * PCA:
 * With X the n × d rows and μ their mean, the covariance C = (X − μ)ᵀ(X − μ) / n is d × d
 * (d ≤ 100 by default), so its eigenvectors come from the Jacobi solver in a few
 * milliseconds even for 100,000 talks; coordinates are (xᵢ − μ) · v₁ and (xᵢ − μ) · v₂.
 * Each axis's sign is fixed so that the eigenvector's largest-magnitude entry is positive
 * (ties by index), which makes the map byte-identical across runs.
 *
 * @param atlas A built or loaded atlas.
 * @param options See {@link ProjectMapOptions}.
 * @returns Coordinates in [-1, 1] (all zero when there is no spread, e.g. one talk).
 * @throws OptionError for an unknown method or a non-finite seed.
 */
export function projectMap(atlas: Atlas, options: ProjectMapOptions = {}): MapProjection {
  const method = options.method ?? 'auto'
  if (method !== 'auto' && method !== 'umap' && method !== 'pca') {
    throw new OptionError('projectMap', 'method', method, "'auto', 'umap' or 'pca'")
  }
  const seed = options.seed ?? DEFAULT_SEED
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new OptionError('projectMap', 'seed', seed, 'a finite number')
  const n = atlas.talks.length
  const useUmap = n >= UMAP_MIN_TALKS && (method === 'umap' || (method === 'auto' && n <= UMAP_MAX_TALKS))
  const report = progressReporter('projectMap', options.onProgress)
  return useUmap ? projectUmap(atlas, seed, report) : projectPca(atlas)
}

/**
 * UMAP layout on cosine distance between the unit LSA rows.
 * @param atlas The atlas.
 * @param seed Layout seed.
 * @param report Progress reporter.
 */
function projectUmap(atlas: Atlas, seed: number, report: ReturnType<typeof progressReporter>): MapProjection {
  const { dimensions: d, vectors } = atlas.embedding
  const n = atlas.talks.length
  const rows: number[][] = new Array(n)
  for (let i = 0; i < n; i++) rows[i] = Array.from(vectors.subarray(i * d, i * d + d))
  const random = createRandom(seed)
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(UMAP_NEIGHBOURS, n - 1),
    minDist: 0.1,
    random: () => random.next(),
    distanceFn: cosineDistance,
  })
  // umap.fit(rows) as its two halves, to report the epochs (the same layout).
  report('umap', 0, 0, 'neighbours')
  const epochs = umap.initializeFit(rows)
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (epoch % 10 === 0) report('umap', epoch, epochs, 'layout')
    umap.step()
  }
  const layout = umap.getEmbedding()
  const raw = new Float64Array(n * 2)
  // Centre the layout so scaling by the largest |value| uses the whole [-1, 1] square.
  let meanX = 0
  let meanY = 0
  for (let i = 0; i < n; i++) {
    meanX += layout[i]![0]! / n
    meanY += layout[i]![1]! / n
  }
  for (let i = 0; i < n; i++) {
    raw[i * 2] = layout[i]![0]! - meanX
    raw[i * 2 + 1] = layout[i]![1]! - meanY
  }
  return { coordinates: scaleToUnit(centreOnBulk(raw)), method: 'umap', explainedVariance: [0, 0] }
}

/** Share of talks a UMAP map keeps inside the border; the farthest few are drawn on it. */
const MAP_BULK = 0.98

/**
 * Centres a UMAP layout on its per-axis median and pulls the farthest 2 % of talks in to the
 * 98th percentile of the distance (in max-norm): UMAP puts small detached groups far out,
 * and scaling to them left FOSDEM's 1,093 talks in the middle fifth of the map.
 * @param raw Row-major n × 2 layout.
 */
export function centreOnBulk(raw: Float64Array): Float64Array {
  const n = raw.length / 2
  if (n === 0) return raw
  const centre = [0, 1].map((axis) => median(Array.from({ length: n }, (_, i) => raw[2 * i + axis]!)))
  const reach = Array.from({ length: n }, (_, i) => Math.max(Math.abs(raw[2 * i]! - centre[0]!), Math.abs(raw[2 * i + 1]! - centre[1]!)))
  const bound = [...reach].sort((a, b) => a - b)[Math.min(n - 1, Math.floor(MAP_BULK * n))]!
  const out = new Float64Array(raw.length)
  for (let p = 0; p < raw.length; p++) out[p] = Math.max(-bound, Math.min(bound, raw[p]! - centre[p % 2]!))
  return out
}

function median(values: number[]): number {
  const sorted = values.sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * 1 − cos(a, b) for unit rows; talks without known terms (zero rows) are at distance 1.
 * @param a One row.
 * @param b Another row.
 */
function cosineDistance(a: readonly number[], b: readonly number[]): number {
  let dot = 0
  for (let j = 0; j < a.length; j++) dot += a[j]! * b[j]!
  return 1 - dot
}

/**
 * Divides by the largest |value|; leaves zeros when the spread is rounding noise.
 * @param raw Row-major n × 2 values.
 */
function scaleToUnit(raw: Float64Array): Float32Array {
  const coordinates = new Float32Array(raw.length)
  let extent = 0
  for (let p = 0; p < raw.length; p++) extent = Math.max(extent, Math.abs(raw[p]!))
  // Below this the spread is rounding noise (identical talks); a map of noise would mislead.
  if (extent > 1e-9) for (let p = 0; p < raw.length; p++) coordinates[p] = raw[p]! / extent
  return coordinates
}

/**
 * First two principal components of the unit LSA rows.
 * @param atlas The atlas.
 */
function projectPca(atlas: Atlas): MapProjection {
  const { dimensions: d, vectors } = atlas.embedding
  const n = atlas.talks.length
  if (n === 0 || d === 0) return { coordinates: new Float32Array(n * 2), method: 'pca', explainedVariance: [0, 0] }

  const mean = columnMeans(vectors, n, d)
  const covariance = centredCovariance(vectors, mean, n, d)
  const { values, vectors: eigenvectors } = symmetricEigen(covariance, d)
  let totalVariance = 0
  for (let j = 0; j < d; j++) totalVariance += Math.max(0, values[j])

  const axes = Math.min(2, d)
  const raw = new Float64Array(n * 2)
  for (let axis = 0; axis < axes; axis++) {
    const sign = axisSign(eigenvectors, d, axis)
    for (let i = 0; i < n; i++) {
      let sum = 0
      for (let j = 0; j < d; j++) sum += (vectors[i * d + j] - mean[j]) * eigenvectors[j * d + axis]
      raw[i * 2 + axis] = sign * sum
    }
  }
  const explained = (axis: number): number =>
    axis < axes && totalVariance > 0 ? Math.max(0, values[axis]) / totalVariance : 0
  return { coordinates: scaleToUnit(raw), method: 'pca', explainedVariance: [explained(0), explained(1)] }
}

/**
 * Mean of each column of a row-major matrix.
 * @param vectors Row-major n × d values.
 * @param n Rows.
 * @param d Columns.
 */
function columnMeans(vectors: Float32Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d)
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += vectors[i * d + j]
  for (let j = 0; j < d; j++) mean[j] /= n
  return mean
}

/**
 * Covariance (X − μ)ᵀ(X − μ) / n, filled from its upper triangle.
 * @param vectors Row-major n × d values.
 * @param mean Column means.
 * @param n Rows.
 * @param d Columns.
 */
function centredCovariance(vectors: Float32Array, mean: Float64Array, n: number, d: number): Float64Array {
  const covariance = new Float64Array(d * d)
  const row = new Float64Array(d)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) row[j] = vectors[i * d + j] - mean[j]
    for (let a = 0; a < d; a++) {
      const value = row[a]
      if (value === 0) continue
      for (let b = a; b < d; b++) covariance[a * d + b] += value * row[b]
    }
  }
  for (let a = 0; a < d; a++) {
    for (let b = a; b < d; b++) {
      const value = covariance[a * d + b] / n
      covariance[a * d + b] = value
      covariance[b * d + a] = value
    }
  }
  return covariance
}

/**
 * +1 or −1 so that the eigenvector's largest-magnitude entry (first one on ties) is positive.
 * @param eigenvectors Row-major d × d, eigenvectors as columns.
 * @param d Size.
 * @param axis Column.
 */
function axisSign(eigenvectors: Float64Array, d: number, axis: number): number {
  let best = 0
  for (let j = 0; j < d; j++) {
    const value = eigenvectors[j * d + axis]
    if (Math.abs(value) > Math.abs(best) + 1e-12) best = value
  }
  return best < 0 ? -1 : 1
}
