/**
 * The Gram matrix of unit rows (every pairwise dot product), which a batch of k-means runs
 * reads instead of computing row–row products during seeding. Each entry is bit for bit
 * {@link rowDot}'s value: four partial sums over the coordinates ≡ 0, 1, 2, 3 (mod 4), the
 * tail into the first, added as `s0 + s1 + (s2 + s3)`. Only the loads are shared: one row is
 * taken against two others at a time, from a float64 copy of the rows (the same values; the
 * products of float32 values are exact in float64), so that a pass loads each coordinate of
 * the first row once for two dot products and converts no float32.
 */
import { rowDot } from './rowProducts.js'

/**
 * Dot products of every pair of `rows`, m × m row-major by position in `rows`.
 * @param points Row-major n × d rows.
 * @param d Dimensions.
 * @param rows Rows to take, in order.
 * @param gram Output, m × m (every entry is written).
 */
export function rowGramInto(points: Float32Array, d: number, rows: Int32Array, gram: Float64Array): Float64Array {
  const m = rows.length
  const x = new Float64Array(m * d)
  for (let s = 0; s < m; s++) for (let c = 0; c < d; c++) x[s * d + c] = points[rows[s]! * d + c]!
  const body = d - (d % 4)
  for (let s = 0; s < m; s++) {
    const a = s * d
    let t = s
    for (; t + 1 < m; t += 2) {
      const b = t * d
      const e = b + d
      let p0 = 0, p1 = 0, p2 = 0, p3 = 0, q0 = 0, q1 = 0, q2 = 0, q3 = 0
      let c = 0
      for (; c < body; c += 4) {
        const x0 = x[a + c]!, x1 = x[a + c + 1]!, x2 = x[a + c + 2]!, x3 = x[a + c + 3]!
        p0 += x0 * x[b + c]!
        p1 += x1 * x[b + c + 1]!
        p2 += x2 * x[b + c + 2]!
        p3 += x3 * x[b + c + 3]!
        q0 += x0 * x[e + c]!
        q1 += x1 * x[e + c + 1]!
        q2 += x2 * x[e + c + 2]!
        q3 += x3 * x[e + c + 3]!
      }
      for (; c < d; c++) {
        p0 += x[a + c]! * x[b + c]!
        q0 += x[a + c]! * x[e + c]!
      }
      const p = p0 + p1 + (p2 + p3)
      const q = q0 + q1 + (q2 + q3)
      gram[s * m + t] = p
      gram[t * m + s] = p
      gram[s * m + t + 1] = q
      gram[(t + 1) * m + s] = q
    }
    if (t < m) {
      const dot = rowDot(points, rows[s]! * d, points, rows[t]! * d, d)
      gram[s * m + t] = dot
      gram[t * m + s] = dot
    }
  }
  return gram
}
