/**
 * Dense linear algebra on row-major typed arrays, the floor shared by cluster/ (the SVD,
 * k-means, smoothing), atlas/ (row reordering) and report/ (the map's PCA). Imports nothing
 * but the matrix type.
 */
import type { CsrMatrix } from '../types.js'

/**
 * `out = X · M` where X is sparse (n × m) and M dense row-major (m × l).
 * @param matrix Sparse X.
 * @param dense Dense M.
 * @param l Columns of M.
 */
export function sparseTimesDense(matrix: CsrMatrix, dense: Float64Array, l: number): Float64Array {
  const { nRows, indptr, indices, data } = matrix
  const out = new Float64Array(nRows * l)
  for (let i = 0; i < nRows; i++) {
    const row = i * l
    let p = indptr[i]
    // Eight, then four, of the row's terms per pass over the output row: each entry still gets
    // their products added one after the other, as axpy passes would, with one load and store
    // (eight a pass: Xᵀ · Y on FOSDEM's matrix 14.0 → 10.7 ms, X · M 11.5 → 10.1 ms).
    for (; p + 7 < indptr[i + 1]; p += 8) axpyEight(data, indices, p, dense, out, row, l)
    for (; p + 3 < indptr[i + 1]; p += 4) {
      axpyFour(data[p], indices[p] * l, data[p + 1], indices[p + 1] * l, data[p + 2], indices[p + 2] * l, data[p + 3], indices[p + 3] * l, dense, out, row, l)
    }
    for (; p < indptr[i + 1]; p++) axpy(data[p], dense, indices[p] * l, out, row, l)
  }
  return out
}

/** `y[to..] += Σ data[q] · x[indices[q] · l ..]` for q = p … p + 7, each entry's products added in that order. */
function axpyEight(data: Float32Array, indices: Int32Array, p: number, x: Float64Array, y: Float64Array, to: number, l: number): void {
  const a = data[p], b = data[p + 1], c = data[p + 2], d = data[p + 3], e = data[p + 4], f = data[p + 5], g = data[p + 6], h = data[p + 7]
  const fa = indices[p] * l, fb = indices[p + 1] * l, fc = indices[p + 2] * l, fd = indices[p + 3] * l
  const fe = indices[p + 4] * l, ff = indices[p + 5] * l, fg = indices[p + 6] * l, fh = indices[p + 7] * l
  for (let k = 0; k < l; k++) {
    y[to + k] = y[to + k] + a * x[fa + k] + b * x[fb + k] + c * x[fc + k] + d * x[fd + k] + e * x[fe + k] + f * x[ff + k] + g * x[fg + k] + h * x[fh + k]
  }
}

/**
 * `y[to .. to+l) += a · x[from .. from+l)`, four entries a step (each entry still gets one
 * addition, so the results are those of the plain loop; the unrolled loop is 1.6× faster).
 */
export function axpy(a: number, x: Float64Array, from: number, y: Float64Array, to: number, l: number): void {
  let c = 0
  for (; c + 3 < l; c += 4) {
    y[to + c] += a * x[from + c]
    y[to + c + 1] += a * x[from + c + 1]
    y[to + c + 2] += a * x[from + c + 2]
    y[to + c + 3] += a * x[from + c + 3]
  }
  for (; c < l; c++) y[to + c] += a * x[from + c]
}

/** Four {@link axpy} calls into one `y` row in one pass: `y += a · x[fa..]`, then b, c and d, entry by entry. */
function axpyFour(a: number, fa: number, b: number, fb: number, c: number, fc: number, d: number, fd: number, x: Float64Array, y: Float64Array, to: number, l: number): void {
  for (let e = 0; e < l; e++) y[to + e] = y[to + e] + a * x[fa + e] + b * x[fb + e] + c * x[fc + e] + d * x[fd + e]
}

/**
 * `out = x · M` for a dense row x (`count` entries from `from`) and M row-major (`count` × width,
 * rows `stride` apart): out is zeroed, then gets x[0]·M[0], x[1]·M[1], … added entry by
 * entry, four rows of M per pass (the additions of `count` axpy calls, in their order).
 */
export function rowTimesDense(x: Float64Array, from: number, count: number, dense: Float64Array, stride: number, out: Float64Array, width: number): void {
  out.fill(0, 0, width)
  let a = 0
  for (; a + 3 < count; a += 4) {
    axpyFour(x[from + a], a * stride, x[from + a + 1], (a + 1) * stride, x[from + a + 2], (a + 2) * stride, x[from + a + 3], (a + 3) * stride, dense, out, 0, width)
  }
  for (; a < count; a++) axpy(x[from + a], dense, a * stride, out, 0, width)
}

/**
 * Orthonormalises the columns of a tall row-major matrix in place by Cholesky QR applied
 * twice (CholeskyQR2, Fukaya et al. 2014); a tiny ridge keeps rank-deficient inputs finite.
 * @param y Row-major matrix (rows × l), overwritten with Q.
 * @param rows Number of rows.
 * @param l Number of columns.
 * @param passes 2 for orthonormal columns to machine precision; 1 is enough to keep
 *   subspace iterations well scaled.
 */
export function orthonormalizeColumns(y: Float64Array, rows: number, l: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    const gram = lowerGram(y, rows, l)
    let trace = 0
    for (let a = 0; a < l; a++) trace += gram[a * l + a]
    const ridge = Math.max(trace / Math.max(l, 1), 1e-300) * 1e-12
    for (let a = 0; a < l; a++) gram[a * l + a] += ridge
    const r = choleskyLower(gram, l)
    solveRightLowerTranspose(y, rows, l, r)
  }
}

/**
 * The lower triangle (b ≤ a) of `Yᵀ Y` for a tall row-major Y; the upper triangle is zero.
 * @param y Row-major rows × l matrix.
 * @param rows Number of rows.
 * @param l Number of columns.
 */
export function lowerGram(y: Float64Array, rows: number, l: number): Float64Array {
  return lowerCrossGram(y, y, rows, l)
}

/**
 * Lower triangle (b ≤ a) of Qᵀ W for row-major `rows` × l matrices Q and W, each entry summed
 * over the rows in order, from +0 (the order of the one-row loop that adds row after row).
 */
export function lowerCrossGram(q: Float64Array, w: Float64Array, rows: number, l: number): Float64Array {
  const gram = new Float64Array(l * l)
  // Columns made contiguous, then a block of 3 × 3 entries summed over all rows at once: each
  // entry keeps its own running sum in row order (the same bits), while a pass loads six
  // values for nine products instead of loading and storing the triangle's row per product.
  const qt = transposeDense(q, rows, l)
  const wt = q === w ? qt : transposeDense(w, rows, l)
  for (let a = 0; a < l; a += 3) {
    for (let b = 0; b <= a; b += 3) {
      const sums = blockSums(qt, wt, rows, a * rows, Math.min(a + 1, l - 1) * rows, Math.min(a + 2, l - 1) * rows, b * rows, Math.min(b + 1, l - 1) * rows, Math.min(b + 2, l - 1) * rows)
      // Columns past the last repeat it; their sums, and those above the diagonal, are dropped.
      for (let r = 0; r < 3 && a + r < l; r++) {
        for (let c = 0; c < 3 && b + c <= a + r; c++) gram[(a + r) * l + b + c] = sums[r * 3 + c]
      }
    }
  }
  return gram
}

/** Column-major copy (l × rows) of a row-major rows × l matrix. */
function transposeDense(y: Float64Array, rows: number, l: number): Float64Array {
  const out = new Float64Array(rows * l)
  for (let i = 0; i < rows; i++) for (let c = 0; c < l; c++) out[c * rows + i] = y[i * l + c]
  return out
}

/** The nine dot products of columns a0…a2 of `qt` with columns b0…b2 of `wt` (offsets into the column-major copies), each summed in row order; a 3 × 3 block, row-major. */
function blockSums(qt: Float64Array, wt: Float64Array, rows: number, a0: number, a1: number, a2: number, b0: number, b1: number, b2: number): number[] {
  let s00 = 0, s01 = 0, s02 = 0, s10 = 0, s11 = 0, s12 = 0, s20 = 0, s21 = 0, s22 = 0
  for (let i = 0; i < rows; i++) {
    const u0 = wt[b0 + i]
    const u1 = wt[b1 + i]
    const u2 = wt[b2 + i]
    const x0 = qt[a0 + i]
    const x1 = qt[a1 + i]
    const x2 = qt[a2 + i]
    s00 += x0 * u0
    s01 += x0 * u1
    s02 += x0 * u2
    s10 += x1 * u0
    s11 += x1 * u1
    s12 += x1 * u2
    s20 += x2 * u0
    s21 += x2 * u1
    s22 += x2 * u2
  }
  return [s00, s01, s02, s10, s11, s12, s20, s21, s22]
}

/**
 * Lower Cholesky factor L of a symmetric positive definite matrix (lower triangle read).
 * @param a Row-major l × l matrix.
 * @param l Size.
 */
function choleskyLower(a: Float64Array, l: number): Float64Array {
  const lower = new Float64Array(l * l)
  for (let i = 0; i < l; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * l + j]
      for (let k = 0; k < j; k++) sum -= lower[i * l + k] * lower[j * l + k]
      if (i === j) lower[i * l + i] = Math.sqrt(Math.max(sum, 1e-300))
      else lower[i * l + j] = sum / lower[j * l + j]
    }
  }
  return lower
}

/**
 * Replaces every row y of Y by the solution x of `x · Lᵀ = y` (that is, Y ← Y · L⁻ᵀ).
 * @param y Row-major rows × l, overwritten.
 * @param rows Number of rows.
 * @param l Number of columns.
 * @param lower Lower-triangular L.
 */
function solveRightLowerTranspose(y: Float64Array, rows: number, l: number, lower: Float64Array): void {
  // Four rows at a time share the loads of L, each row's running differences in the one-row
  // loop's order. A missing row of the last four repeats the last row, solved again alike.
  for (let i = 0; i < rows; i += 4) {
    const r0 = i * l
    const r1 = Math.min(i + 1, rows - 1) * l
    const r2 = Math.min(i + 2, rows - 1) * l
    const r3 = Math.min(i + 3, rows - 1) * l
    for (let j = 0; j < l; j++) {
      const lj = j * l
      let s0 = y[r0 + j], s1 = y[r1 + j], s2 = y[r2 + j], s3 = y[r3 + j]
      for (let k = 0; k < j; k++) {
        const f = lower[lj + k]
        s0 -= y[r0 + k] * f
        s1 -= y[r1 + k] * f
        s2 -= y[r2 + k] * f
        s3 -= y[r3 + k] * f
      }
      const d = lower[lj + j]
      y[r0 + j] = s0 / d
      y[r1 + j] = s1 / d
      y[r2 + j] = s2 / d
      y[r3 + j] = s3 / d
    }
  }
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
 * @param a Row-major l × l symmetric matrix (copied, not modified).
 * @param l Size.
 * @returns Eigenvalues in descending order and the matching eigenvectors as columns of a
 *   row-major l × l matrix.
 */
export function symmetricEigen(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a)
  // The eigenvectors transposed: a rotation then updates two rows of vt, which are
  // contiguous, instead of two columns of v.
  const vt = new Float64Array(l * l)
  for (let i = 0; i < l; i++) vt[i * l + i] = 1
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    let diagonal = 0
    for (let p = 0; p < l; p++) {
      diagonal += m[p * l + p] * m[p * l + p]
      for (let q = p + 1; q < l; q++) off += m[p * l + q] * m[p * l + q]
    }
    if (off <= 1e-24 * diagonal || off < 1e-300) break
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = m[p * l + q]
        if (Math.abs(apq) < 1e-300) continue
        const theta = (m[q * l + q] - m[p * l + p]) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        rotate(m, vt, l, p, q, c, s)
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => m[y * l + y] - m[x * l + x] || x - y)
  const values = Float64Array.from(order, (i) => m[i * l + i])
  const vectors = new Float64Array(l * l)
  order.forEach((source, target) => {
    for (let r = 0; r < l; r++) vectors[r * l + target] = vt[source * l + r]
  })
  return { values, vectors }
}

/** Applies the rotation (p, q) to both sides of m and to the rows p and q of vt. */
function rotate(m: Float64Array, vt: Float64Array, l: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < l; k++) {
    const mkp = m[k * l + p]
    const mkq = m[k * l + q]
    m[k * l + p] = c * mkp - s * mkq
    m[k * l + q] = s * mkp + c * mkq
  }
  for (let k = 0; k < l; k++) {
    const mpk = m[p * l + k]
    const mqk = m[q * l + k]
    m[p * l + k] = c * mpk - s * mqk
    m[q * l + k] = s * mpk + c * mqk
  }
  const rowP = p * l
  const rowQ = q * l
  for (let k = 0; k < l; k++) {
    const vpk = vt[rowP + k]
    const vqk = vt[rowQ + k]
    vt[rowP + k] = c * vpk - s * vqk
    vt[rowQ + k] = s * vpk + c * vqk
  }
}

/**
 * Scales each row of a row-major matrix to unit length in place; zero rows stay zero.
 * @param values Row-major rows × width.
 * @param width Row length.
 */
export function normalizeDenseRows(values: Float32Array, width: number): void {
  const rows = values.length / width
  for (let i = 0; i < rows; i++) {
    let sum = 0
    for (let c = i * width; c < (i + 1) * width; c++) sum += values[c] * values[c]
    if (sum === 0) continue
    const scale = 1 / Math.sqrt(sum)
    for (let c = i * width; c < (i + 1) * width; c++) values[c] = values[c] * scale
  }
}

/**
 * Indices of the rows with at least one non-zero entry: talks without any known term have
 * zero rows, which belong to no cluster and are nobody's neighbour.
 * @param points Row-major n × d values.
 * @param d Width.
 */
export function nonZeroRows(points: Float32Array, d: number): Int32Array {
  const rows: number[] = []
  const n = points.length / d
  for (let i = 0; i < n; i++) {
    for (let c = i * d; c < (i + 1) * d; c++) {
      if (points[c] !== 0) {
        rows.push(i)
        break
      }
    }
  }
  return Int32Array.from(rows)
}

/**
 * The given rows of a row-major matrix, packed in the order given.
 * @param values Row-major matrix.
 * @param width Row length.
 * @param rows Indices of the rows to take.
 */
export function gatherRows(values: Float32Array, width: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * width)
  for (let t = 0; t < rows.length; t++) out.set(values.subarray(rows[t]! * width, rows[t]! * width + width), t * width)
  return out
}
