/**
 * Eigen-decomposition of a small dense symmetric matrix: Householder reduction to tridiagonal
 * form, then the implicit QL algorithm (EISPACK's tred2 and tql2, as in the public-domain JAMA
 * package). About 4 l³ operations in all, against 6 l³ per sweep of the cyclic Jacobi method it
 * replaced (which took 8–10 sweeps on LSA's 110 × 110 Gram matrices). Only +, −, ×, ÷ and
 * square roots: the same bits on every engine.
 */

/** Largest relative size of a negligible off-diagonal entry (2⁻⁵²). */
const EPSILON = 2.220446049250313e-16

/**
 * Eigenvalues and eigenvectors of a symmetric matrix.
 * @param a Row-major l × l symmetric matrix (its lower triangle is read; not modified).
 * @param l Size.
 * @returns Eigenvalues in descending order (ties by position) and the matching eigenvectors
 *   as columns of a row-major l × l matrix.
 */
export function symmetricEigen(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  // Scaled to entries of at most 1, so that neither tiny nor huge entries under- or overflow.
  let size = 0
  for (let i = 0; i < l; i++) for (let j = 0; j <= i; j++) size = Math.max(size, Math.abs(a[i * l + j]))
  const v = Float64Array.from(a.subarray(0, l * l), (x) => (size > 0 ? x / size : x))
  const d = new Float64Array(l)
  const e = new Float64Array(l)
  if (l > 0) {
    tridiagonalize(v, d, e, l)
    // The QL rotations update two columns of V; kept transposed, they update two rows.
    const vt = transposeSquare(v, l)
    diagonalize(vt, d, e, l)
    v.set(vt)
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => d[y] - d[x] || x - y)
  const values = Float64Array.from(order, (i) => (size > 0 ? d[i] * size : d[i]))
  const vectors = new Float64Array(l * l)
  for (let target = 0; target < l; target++) {
    const row = order[target] * l
    for (let r = 0; r < l; r++) vectors[r * l + target] = v[row + r]
  }
  return { values, vectors }
}

/** Transpose of a row-major n × n matrix. */
function transposeSquare(m: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[j * n + i] = m[i * n + j]
  return out
}

/**
 * Householder tridiagonalisation (tred2): on return `v` holds the orthogonal transformation,
 * `d` the diagonal and `e[1..]` the subdiagonal.
 */
function tridiagonalize(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]
  for (let i = n - 1; i > 0; i--) {
    let scale = 0
    let h = 0
    for (let k = 0; k < i; k++) scale += Math.abs(d[k])
    if (scale === 0) {
      e[i] = d[i - 1]
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]
        v[i * n + j] = 0
        v[j * n + i] = 0
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale
        h += d[k] * d[k]
      }
      let f = d[i - 1]
      let g = Math.sqrt(h)
      if (f > 0) g = -g
      e[i] = scale * g
      h -= f * g
      d[i - 1] = f - g
      for (let j = 0; j < i; j++) e[j] = 0
      for (let j = 0; j < i; j++) {
        f = d[j]
        v[j * n + i] = f
        g = e[j] + v[j * n + j] * f
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k * n + j] * d[k]
          e[k] += v[k * n + j] * f
        }
        e[j] = g
      }
      f = 0
      for (let j = 0; j < i; j++) {
        e[j] /= h
        f += e[j] * d[j]
      }
      const hh = f / (h + h)
      for (let j = 0; j < i; j++) e[j] -= hh * d[j]
      for (let j = 0; j < i; j++) {
        f = d[j]
        g = e[j]
        for (let k = j; k <= i - 1; k++) v[k * n + j] -= f * e[k] + g * d[k]
        d[j] = v[(i - 1) * n + j]
        v[i * n + j] = 0
      }
    }
    d[i] = h
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]
    v[i * n + i] = 1
    const h = d[i + 1]
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1] / h
      for (let j = 0; j <= i; j++) {
        let g = 0
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1] * v[k * n + j]
        for (let k = 0; k <= i; k++) v[k * n + j] -= g * d[k]
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]
    v[(n - 1) * n + j] = 0
  }
  v[(n - 1) * n + n - 1] = 1
  e[0] = 0
}

/**
 * Implicit QL iterations on the tridiagonal matrix (tql2): on return `d` holds the
 * eigenvalues and row i of `vt` the eigenvector of `d[i]`.
 */
function diagonalize(vt: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]
  e[n - 1] = 0
  let f = 0
  // Negligible means against the whole matrix's size (tql2 takes the rows seen so far, which
  // lets a subnormal entry count and overflow the shift).
  let largest = 0
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(d[i]) + Math.abs(e[i]))
  for (let l = 0; l < n; l++) {
    // The first negligible subdiagonal entry at or after l (e[n − 1] = 0 always is).
    let m = l
    while (m < n - 1 && !(Math.abs(e[m]) <= EPSILON * largest)) m++
    // A cap on the iterations keeps a matrix with NaN or infinite entries from looping.
    for (let iteration = 0; m > l && iteration < 64 && Math.abs(e[l]) > EPSILON * largest; iteration++) {
      let g = d[l]
      let p = (d[l + 1] - g) / (2 * e[l])
      // No overflow or underflow in these squares: the entries were scaled to at most 1, and
      // an e[i] taken here is not negligible against the whole matrix (Frobenius norm ≥ 1).
      let r = Math.sqrt(p * p + 1)
      if (p < 0) r = -r
      d[l] = e[l] / (p + r)
      d[l + 1] = e[l] * (p + r)
      const dl1 = d[l + 1]
      let h = g - d[l]
      for (let i = l + 2; i < n; i++) d[i] -= h
      f += h
      p = d[m]
      let c = 1
      let c2 = c
      let c3 = c
      const el1 = e[l + 1]
      let s = 0
      let s2 = 0
      for (let i = m - 1; i >= l; i--) {
        c3 = c2
        c2 = c
        s2 = s
        g = c * e[i]
        h = c * p
        r = Math.sqrt(p * p + e[i] * e[i])
        e[i + 1] = s * r
        s = e[i] / r
        c = p / r
        p = c * d[i] - s * g
        d[i + 1] = h + s * (c * g + s * d[i])
        rotateRows(vt, n, i, c, s)
      }
      p = -s * s2 * c3 * el1 * e[l] / dl1
      e[l] = s * p
      d[l] = c * p
    }
    d[l] += f
    e[l] = 0
  }
}

/** Rows i and i + 1 of `vt` ← (c·vᵢ − s·vᵢ₊₁, s·vᵢ + c·vᵢ₊₁). */
function rotateRows(vt: Float64Array, n: number, i: number, c: number, s: number): void {
  const a = i * n
  const b = a + n
  for (let k = 0; k < n; k++) {
    const h = vt[b + k]
    vt[b + k] = s * vt[a + k] + c * h
    vt[a + k] = c * vt[a + k] - s * h
  }
}
