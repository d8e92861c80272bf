/**
 * Dense products of k-means on unit rows: one dot product at a time ({@link rowDot}), or a
 * block of four rows against every centre ({@link blockDots}), and the squared distances
 * `2 − 2 x·c` they give.
 */

/** Squared Euclidean distance between row i of `points` and row c of `centroids`, unit rows: 2 − 2 x·c. */
export function squaredDistance(points: Float32Array, i: number, centroids: Float32Array, c: number, d: number): number {
  return Math.max(0, 2 - 2 * rowDot(points, i * d, centroids, c * d, d))
}

/**
 * Dot product of `a[x .. x+d)` and `b[y .. y+d)` with four independent sums: the additions
 * no longer wait on each other, which makes this loop about 1.4× faster than one running sum
 * (it is the innermost loop of seeding, assignment and every restart).
 */
export function rowDot(a: Float32Array, x: number, b: Float32Array, y: number, d: number): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let t = 0
  for (; t + 3 < d; t += 4) {
    s0 += a[x + t] * b[y + t]
    s1 += a[x + t + 1] * b[y + t + 1]
    s2 += a[x + t + 2] * b[y + t + 2]
    s3 += a[x + t + 3] * b[y + t + 3]
  }
  for (; t < d; t++) s0 += a[x + t] * b[y + t]
  return s0 + s1 + (s2 + s3)
}

export function squaredDistanceRows(points: Float32Array, a: number, b: number, d: number): number {
  return Math.max(0, 2 - 2 * rowDot(points, a * d, points, b * d, d))
}

/** Rows taken together by {@link blockDots}. */
export const ROW_BLOCK = 4

/** Dot products of four rows (offsets x0 … x3) with every centroid, into `dots` (row-major 4 × k). */
export function blockDots(points: Float32Array, d: number, x0: number, x1: number, x2: number, x3: number, centroids: Float32Array, k: number, dots: Float64Array): void {
  let c = 0
  for (; c + 1 < k; c += 2) {
    const y0 = c * d
    const y1 = y0 + d
    let a00 = 0, a01 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a30 = 0, a31 = 0
    for (let s = 0; s < d; s++) {
      const c0 = centroids[y0 + s]
      const c1 = centroids[y1 + s]
      const v0 = points[x0 + s]
      const v1 = points[x1 + s]
      const v2 = points[x2 + s]
      const v3 = points[x3 + s]
      a00 += v0 * c0
      a01 += v0 * c1
      a10 += v1 * c0
      a11 += v1 * c1
      a20 += v2 * c0
      a21 += v2 * c1
      a30 += v3 * c0
      a31 += v3 * c1
    }
    dots[c] = a00
    dots[c + 1] = a01
    dots[k + c] = a10
    dots[k + c + 1] = a11
    dots[2 * k + c] = a20
    dots[2 * k + c + 1] = a21
    dots[3 * k + c] = a30
    dots[3 * k + c + 1] = a31
  }
  if (c < k) {
    const y = c * d
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0
    for (let s = 0; s < d; s++) {
      const v = centroids[y + s]
      a0 += points[x0 + s] * v
      a1 += points[x1 + s] * v
      a2 += points[x2 + s] * v
      a3 += points[x3 + s] * v
    }
    dots[c] = a0
    dots[k + c] = a1
    dots[2 * k + c] = a2
    dots[3 * k + c] = a3
  }
}

export function squaredDistanceCentroids(a: Float32Array, b: Float32Array, c: number, d: number): number {
  let sum = 0
  for (let s = c * d; s < (c + 1) * d; s++) sum += (a[s] - b[s]) * (a[s] - b[s])
  return sum
}

/**
 * Squared distances of centre `a` to the centres `others[from .. to)` (indices into
 * `centroids`), into `out[from .. to)`: each a single running sum, coordinate after
 * coordinate, so bit for bit the value one pair at a time gives;
 * four centres at a time, so that four sums advance together instead of each addition
 * waiting on the one before (the loop was latency-bound).
 * @param centroids Row-major k × d centres.
 * @param a Centre measured from.
 * @param others Centres measured to.
 * @param from First position in `others`.
 * @param to Position after the last.
 * @param d Dimensions.
 * @param out Squared distances, by position in `others`.
 */
export function squaredDistancesFromCentre(centroids: Float32Array, a: number, others: Int32Array, from: number, to: number, d: number, out: Float64Array): void {
  const x = a * d
  for (let i = from; i < to; i += 4) {
    // A missing centre of the last four repeats the last one and is not kept.
    const y0 = others[i] * d
    const y1 = others[Math.min(i + 1, to - 1)] * d
    const y2 = others[Math.min(i + 2, to - 1)] * d
    const y3 = others[Math.min(i + 3, to - 1)] * d
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let s = 0; s < d; s++) {
      const v = centroids[x + s]
      const e0 = v - centroids[y0 + s]
      const e1 = v - centroids[y1 + s]
      const e2 = v - centroids[y2 + s]
      const e3 = v - centroids[y3 + s]
      s0 += e0 * e0
      s1 += e1 * e1
      s2 += e2 * e2
      s3 += e3 * e3
    }
    out[i] = s0
    if (i + 1 < to) out[i + 1] = s1
    if (i + 2 < to) out[i + 2] = s2
    if (i + 3 < to) out[i + 3] = s3
  }
}
