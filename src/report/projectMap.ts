/** Two-dimensional map coordinates of the talks, for the report's scatter plot. */
import type { Atlas } from '../atlas/types.js'
import { symmetricEigen } from '../cluster/dense.js'

/** Where each talk sits on the map. */
export interface MapProjection {
  /** Row-major n × 2 coordinates (x, y) in input order, scaled so the largest |value| is 1. */
  readonly coordinates: Float32Array
  /** Share of the total variance carried by each axis, in [0, 1]. */
  readonly explainedVariance: readonly [number, number]
}

/**
 * Projects the talks onto the first two principal components of their unit LSA rows
 * (`atlas.embedding.vectors`).
 *
 * With X the n × d rows and μ their mean, the covariance C = (X − μ)ᵀ(X − μ) / n is d × d
 * (d ≤ 100 by default), so its eigenvectors come from the Jacobi solver in a few
 * milliseconds even for 100,000 talks; coordinates are (xᵢ − μ) · v₁ and (xᵢ − μ) · v₂.
 * Each axis's sign is fixed so that the eigenvector's largest-magnitude entry is positive
 * (ties by index), which makes the map byte-identical across runs.
 *
 * @param atlas A built or loaded atlas.
 * @returns Coordinates in [-1, 1] (all zero when there is no spread, e.g. one talk).
 */
export function projectMap(atlas: Atlas): MapProjection {
  const { dimensions: d, vectors } = atlas.embedding
  const n = atlas.talks.length
  const coordinates = new Float32Array(n * 2)
  if (n === 0 || d === 0) return { coordinates, explainedVariance: [0, 0] }

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
  let extent = 0
  for (let p = 0; p < raw.length; p++) extent = Math.max(extent, Math.abs(raw[p]))
  // Below this the spread is rounding noise (identical talks); a map of noise would mislead.
  if (extent > 1e-9) for (let p = 0; p < raw.length; p++) coordinates[p] = raw[p] / extent

  const explained = (axis: number): number =>
    axis < axes && totalVariance > 0 ? Math.max(0, values[axis]) / totalVariance : 0
  return { coordinates, explainedVariance: [explained(0), explained(1)] }
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
