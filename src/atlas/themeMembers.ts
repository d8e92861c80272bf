import type { Talk } from '../types.js'
import { round } from '../util/round.js'
import type { ThemeMember } from './types.js'

/**
 * Members of each theme, most typical first: typicality is the cosine between a talk's LSA
 * vector and its theme centre (ties: row order, which buildAtlas makes canonical).
 * @param talks Talks in input order.
 * @param vectors Unit LSA rows.
 * @param d Dimensions.
 * @param assignment Theme index per talk (-1: none).
 * @param centroids Unit theme centres, row-major.
 * @param k Number of themes.
 */
export function themeMembers(
  talks: readonly Talk[],
  vectors: Float32Array,
  d: number,
  assignment: Int32Array,
  centroids: Float32Array,
  k: number,
): ThemeMember[][] {
  const scored: { row: number; score: number }[][] = Array.from({ length: k }, () => [])
  for (let i = 0; i < talks.length; i++) {
    const c = assignment[i]
    if (c < 0) continue
    let dot = 0
    for (let t = 0; t < d; t++) dot += vectors[i * d + t] * centroids[c * d + t]
    // Unit rows: clamping removes float32 rounding beyond ±1.
    scored[c].push({ row: i, score: round(Math.min(1, Math.max(-1, dot)), 6) })
  }
  return scored.map((members) =>
    members.sort((a, b) => b.score - a.score || a.row - b.row).map(({ row, score }) => ({ id: talks[row].id, score })),
  )
}
