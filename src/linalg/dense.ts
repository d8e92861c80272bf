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
    // Four of the row's terms per pass over the output row: each entry still gets their
    // products added one after the other, as four axpy passes would, with one load and store.
    for (; p + 3 < indptr[i + 1]; p += 4) {
      axpyFour(data[p], indices[p] * l, data[p + 1], indices[p + 1] * l, data[p + 2], indices[p + 2] * l, data[p + 3], indices[p + 3] * l, dense, out, row, l)
    }
    for (; p < indptr[i + 1]; p++) axpy(data[p], dense, indices[p] * l, out, row, l)
  }
  return out
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
 * `out = Xᵀ · Y` where X is sparse (n × m) and Y dense row-major (n × l).
 * @param matrix Sparse X.
 * @param dense Dense Y.
 * @param l Columns of Y.
 */
export function sparseTransposeTimesDense(matrix: CsrMatrix, dense: Float64Array, l: number): Float64Array {
  const { nRows, nCols, indptr, indices, data } = matrix
  const out = new Float64Array(nCols * l)
  for (let i = 0; i < nRows; i++) {
    const source = i * l
    let p = indptr[i]
    // Four output rows per pass over the source row (each entry still gets one addition).
    for (; p + 3 < indptr[i + 1]; p += 4) {
      scatterFour(data[p], indices[p] * l, data[p + 1], indices[p + 1] * l, data[p + 2], indices[p + 2] * l, data[p + 3], indices[p + 3] * l, dense, source, out, l)
    }
    for (; p < indptr[i + 1]; p++) axpy(data[p], dense, source, out, indices[p] * l, l)
  }
  return out
}

/** `y[ta..] += a · x[from..]`, and the same for b, c and d, in one pass over `x`'s row. */
function scatterFour(a: number, ta: number, b: number, tb: number, c: number, tc: number, d: number, td: number, x: Float64Array, from: number, y: Float64Array, l: number): void {
  for (let e = 0; e < l; e++) {
    const value = x[from + e]
    y[ta + e] += a * value
    y[tb + e] += b * value
    y[tc + e] += c * value
    y[td + e] += d * value
  }
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
 * over the rows in order.
 */
export function lowerCrossGram(q: Float64Array, w: Float64Array, rows: number, l: number): Float64Array {
  const gram = new Float64Array(l * l)
  let i = 0
  // Four rows per pass over the triangle: each entry gets row i's product, then row i + 1's,
  // and so on. (A zero factor adds ±0, which leaves a sum unchanged: the one-row loop's skip
  // of zeros changes no bit either.) 1.35× faster than two rows per pass.
  for (; i + 3 < rows; i += 4) {
    const row = i * l
    for (let a = 0; a < l; a++) {
      const q0 = q[row + a]
      const q1 = q[row + l + a]
      const q2 = q[row + 2 * l + a]
      const q3 = q[row + 3 * l + a]
      if (q0 !== 0 || q1 !== 0 || q2 !== 0 || q3 !== 0) axpyFourRows(q0, q1, q2, q3, w, row, l, gram, a * l, a + 1)
    }
  }
  for (; i < rows; i++) {
    const row = i * l
    for (let a = 0; a < l; a++) {
      const qa = q[row + a]
      if (qa !== 0) axpy(qa, w, row, gram, a * l, a + 1)
    }
  }
  return gram
}

/** `y[to..] += a · x[from..]`, then b, c and d times the next rows of x (`stride` apart), entry by entry in one pass. */
function axpyFourRows(a: number, b: number, c: number, d: number, x: Float64Array, from: number, stride: number, y: Float64Array, to: number, l: number): void {
  const fromB = from + stride
  const fromC = fromB + stride
  const fromD = fromC + stride
  for (let e = 0; e < l; e++) y[to + e] = y[to + e] + a * x[from + e] + b * x[fromB + e] + c * x[fromC + e] + d * x[fromD + e]
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
  let i = 0
  // Two rows at a time share the loads of L; each row's running differences are the one-row loop's.
  for (; i + 1 < rows; i += 2) {
    const row = i * l
    const next = row + l
    for (let j = 0; j < l; j++) {
      let sum = y[row + j]
      let sumNext = y[next + j]
      const lowerRow = j * l
      for (let k = 0; k < j; k++) {
        const factor = lower[lowerRow + k]
        sum -= y[row + k] * factor
        sumNext -= y[next + k] * factor
      }
      y[row + j] = sum / lower[lowerRow + j]
      y[next + j] = sumNext / lower[lowerRow + j]
    }
  }
  for (; i < rows; i++) {
    const row = i * l
    for (let j = 0; j < l; j++) {
      let sum = y[row + j]
      const lowerRow = j * l
      for (let k = 0; k < j; k++) sum -= y[row + k] * lower[lowerRow + k]
      y[row + j] = sum / lower[lowerRow + j]
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
