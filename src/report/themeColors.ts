/** Theme colours of the report: one hue per group of alike themes, shades within a group. */
import { averageLinkage } from '../cluster/consensusClusters.js'

/**
 * Tableau 10 plus two, distinguishable on white: the colours of atlases with up to twelve
 * themes.
 */
const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#17becf', '#bcbd22', '#8c6d31',
]
/** Colour of the `unclassified` theme. */
export const UNCLASSIFIED_COLOR = '#9a9a9a'
/** Most hues: 16 hues are 22.5° apart, about as close as hues stay apart on a map. */
const MAX_GROUPS = 16
/** Themes per group aimed at: few enough shades of one hue to tell apart. */
const THEMES_PER_GROUP = 6

/**
 * Colours of `k` themes from their centroids. Up to twelve themes take the palette in
 * order. Beyond, the themes are cut into at most 16 groups by average linkage on the
 * cosine distance of their centroids (deterministic, ties by index); group g (numbered by
 * its first theme) takes hue 360° · g / groups, and its themes, in order, shades from dark
 * to light, with saturation alternating so neighbouring shades differ twice.
 * @param centroids Row-major k × d theme centres (`atlas.centroids`).
 * @param dimensions d.
 * @param k Themes with a centroid.
 * @returns One CSS colour per theme.
 */
export function themeColors(centroids: Float32Array, dimensions: number, k: number): string[] {
  if (k <= PALETTE.length) return PALETTE.slice(0, k)
  const groups = Math.min(MAX_GROUPS, Math.ceil(k / THEMES_PER_GROUP))
  const group = averageLinkage(centroidDistances(centroids, dimensions, k), k, groups)
  const sizes = new Int32Array(groups)
  for (let c = 0; c < k; c++) sizes[group[c]!]++
  const seen = new Int32Array(groups)
  const colors: string[] = []
  for (let c = 0; c < k; c++) {
    const g = group[c]!
    const shade = seen[g]++
    const n = sizes[g]!
    const hue = Math.round((360 * g) / groups)
    const lightness = n === 1 ? 45 : Math.round(28 + (44 * shade) / (n - 1))
    const saturation = shade % 2 === 0 ? 70 : 45
    colors.push(`hsl(${hue} ${saturation}% ${lightness}%)`)
  }
  return colors
}

/**
 * Cosine distances 1 − cos between the k centroids, row-major k × k (zero rows are at
 * distance 1 from everything).
 * @param centroids Row-major k × d.
 * @param d Dimensions.
 * @param k Rows.
 */
function centroidDistances(centroids: Float32Array, d: number, k: number): Float32Array {
  const norms = new Float64Array(k)
  for (let c = 0; c < k; c++) {
    let sum = 0
    for (let j = 0; j < d; j++) sum += centroids[c * d + j]! * centroids[c * d + j]!
    norms[c] = Math.sqrt(sum)
  }
  const distances = new Float32Array(k * k)
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let dot = 0
      for (let j = 0; j < d; j++) dot += centroids[a * d + j]! * centroids[b * d + j]!
      const cosine = norms[a]! > 0 && norms[b]! > 0 ? dot / (norms[a]! * norms[b]!) : 0
      distances[a * k + b] = distances[b * k + a] = 1 - cosine
    }
  }
  return distances
}
