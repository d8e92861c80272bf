/**
 * Latent semantic analysis: a truncated SVD of the TF-IDF matrix by the randomized range
 * finder of Halko, Martinsson and Tropp (2011), "Finding structure with randomness",
 * algorithms 4.4 (subspace iteration) and 5.1 (direct SVD).
 */
import { DEFAULT_SEED, withDefaults, type OptionsGiven } from '../options.js'
import { createRandom, nextGaussian, sampleRows, type Random } from '../random.js'
import type { CsrMatrix } from '../types.js'
import {
  lowerCrossGram,
  lowerGram,
  normalizeDenseRows,
  orthonormalizeColumns,
  rowTimesDense,
  sparseTimesDense,
  symmetricEigen,
} from '../linalg/dense.js'
import { gatherCsrRows, transposeCsr } from '../vectorize/csr.js'

/** Options of {@link fitLsa}. */
export interface LsaOptions {
  /** Number of latent dimensions (capped by the matrix size). @default 100 */
  readonly dimensions?: number
  /** Extra random directions for accuracy. @default 10 */
  readonly oversampling?: number
  /** Subspace (power) iterations for accuracy. @default 3 */
  readonly powerIterations?: number
  /** Seed of the random projection. @default 42 */
  readonly seed?: number
}

/** Defaults of {@link LsaOptions}. */
export const defaultLsaOptions: Readonly<Required<LsaOptions>> = Object.freeze({ dimensions: 100, oversampling: 10, powerIterations: 3, seed: DEFAULT_SEED })

/**
 * Fills the defaults. Not validated: the atlas options were (`resolveAtlasOptions`).
 * @param options Options given.
 */
export function resolveLsaOptions(options: OptionsGiven<LsaOptions> = {}): Readonly<Required<LsaOptions>> {
  return withDefaults<Required<LsaOptions>>(defaultLsaOptions, options)
}

/** A fitted LSA projection. */
export interface LsaModel {
  /** Number of latent dimensions d. */
  readonly dimensions: number
  /** Number of input terms m. */
  readonly nTerms: number
  /** Right singular vectors, row-major m × d: term j's coordinates are `components[j*d .. j*d+d)`. */
  readonly components: Float32Array
  /** Singular values, descending. */
  readonly singularValues: Float32Array
}

/**
 * Fits a rank-d LSA projection of a sparse matrix. Above 10,000 rows the projection is fitted
 * on a seeded uniform sample of 10,000 rows (the vocabulary and idf stay those of all rows).
 * @param matrix TF-IDF rows (n × m).
 * @param options See {@link LsaOptions}.
 */
export function fitLsa(matrix: CsrMatrix, options: LsaOptions = {}): LsaModel {
  const { dimensions: requested, oversampling, powerIterations, seed } = resolveLsaOptions(options)
  const { nRows: n, nCols: m } = matrix
  const dimensions = Math.max(1, Math.min(requested, n, m))
  const l = Math.max(1, Math.min(dimensions + oversampling, n, m))
  if (n === 0 || m === 0) {
    return { dimensions, nTerms: m, components: new Float32Array(m * dimensions), singularValues: new Float32Array(dimensions) }
  }
  const random = createRandom(seed)
  const omega = new Float64Array(m * l)
  for (let p = 0; p < omega.length; p++) omega[p] = nextGaussian(random)
  // On large corpora the term space is learnt from a sample of the rows; every row is still
  // projected (projectLsa). The cost of the fit then stops growing with the number of talks.
  if (n > SAMPLE_ROWS) return fitOnRows(sampleCsrRows(matrix, SAMPLE_ROWS, random), omega, dimensions, l, powerIterations)
  return fitOnRows(matrix, omega, dimensions, l, powerIterations)
}

/** Rows above which {@link fitLsa} fits on a uniform sample of this many rows. */
const SAMPLE_ROWS = 10000

/**
 * A uniform sample of `size` rows of a CSR matrix, kept in ascending row order.
 * @param matrix Rows to sample.
 * @param size Rows wanted (< matrix.nRows).
 * @param random Generator of the fit.
 */
function sampleCsrRows(matrix: CsrMatrix, size: number, random: Random): CsrMatrix {
  return gatherCsrRows(matrix, sampleRows(Int32Array.from({ length: matrix.nRows }, (_, i) => i), size, random))
}

/**
 * The randomized SVD proper.
 * @param matrix Rows to fit (n × m).
 * @param omega Gaussian test matrix, m × l.
 * @param dimensions d ≤ l.
 * @param l Width of the range finder.
 * @param powerIterations Subspace iterations.
 */
function fitOnRows(matrix: CsrMatrix, omega: Float64Array, dimensions: number, l: number, powerIterations: number): LsaModel {
  const { nRows: n, nCols: m } = matrix
  // Xᵀ · Y as X's transpose times Y: each entry gets its products in ascending row order, as
  // a scatter over X's rows would add them, but by gathering (one store per four products).
  const transposed = transposeCsr(matrix)

  let y = sparseTimesDense(matrix, omega, l)
  // The subspace (X Xᵀ)^q X Ω does not depend on the intermediate orthonormalisations; they
  // only keep the columns apart in floating point. One per iteration is enough for the few
  // iterations used here, so it is done on the shorter of the two factors.
  const rowSideShorter = n <= m
  for (let q = 0; q < powerIterations; q++) {
    if (rowSideShorter) orthonormalizeColumns(y, n, l, 1)
    const z = sparseTimesDense(transposed, y, l)
    if (!rowSideShorter) orthonormalizeColumns(z, m, l, 1)
    y = sparseTimesDense(matrix, z, l)
  }
  orthonormalizeColumns(y, n, l)
  // Bᵀ = Xᵀ Q (m × l); B Bᵀ (l × l) has eigenvectors U_B and eigenvalues s².
  const bt = sparseTimesDense(transposed, y, l)
  const gram = projectedGram(matrix, y, bt, l)
  const { values, vectors } = symmetricEigen(gram, l)
  const singularValues = new Float32Array(dimensions)
  const exact = new Float64Array(dimensions) // the singular values before float32 rounding
  for (let c = 0; c < dimensions; c++) {
    exact[c] = Math.sqrt(Math.max(values[c], 0))
    singularValues[c] = exact[c]
  }
  const terms = termComponents(matrix, transposed, y, bt, vectors, exact, l, dimensions)
  const components = new Float32Array(m * dimensions)
  const largest = new Float64Array(dimensions)
  for (let p = 0; p < terms.length; p++) {
    components[p] = terms[p]
    const c = p % dimensions
    if (Math.abs(terms[p]) > Math.abs(largest[c])) largest[c] = terms[p]
  }
  // The sign of each dimension is fixed so that its largest entry is positive (deterministic).
  for (let c = 0; c < dimensions; c++) {
    if (largest[c] < 0) for (let j = 0; j < m; j++) components[j * dimensions + c] = -components[j * dimensions + c]
  }
  return { dimensions, nTerms: m, components, singularValues }
}

/**
 * B Bᵀ for B = Qᵀ X (l × l, symmetric), by whichever of two equal products is cheaper: the
 * Gram matrix of Bᵀ (m l²/2 products over the m terms), or Qᵀ (X Bᵀ) (nnz · l + n l²/2 over
 * the n talks). A conference has far fewer talks than terms: FOSDEM's 1,093 talks and 12,000
 * terms take 17 million products instead of 73 million.
 */
function projectedGram(matrix: CsrMatrix, q: Float64Array, bt: Float64Array, l: number): Float64Array {
  const { nRows: n, nCols: m } = matrix
  const nnz = matrix.indptr[n]
  const gram = m * l / 2 <= nnz + n * l / 2
    ? lowerGram(bt, m, l)
    : lowerCrossGram(q, sparseTimesDense(matrix, bt, l), n, l)
  // Lower triangle only, then mirrored: the same sums in the same order for every entry.
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) gram[b * l + a] = gram[a * l + b]
  return gram
}

/**
 * The term components V = Bᵀ U_B S⁻¹ (m × dimensions), zero for singular values below 1e-10.
 * Computed as Xᵀ (Q U_B S⁻¹) when that is cheaper (n · l + nnz products per dimension
 * instead of m · l), which it is whenever talks are fewer than terms.
 */
function termComponents(
  matrix: CsrMatrix, transposed: CsrMatrix, q: Float64Array, bt: Float64Array, vectors: Float64Array, exact: Float64Array, l: number, dimensions: number,
): Float64Array {
  const { nRows: n, nCols: m } = matrix
  const viaTalks = n * l + matrix.indptr[n] < m * l
  const factor = viaTalks ? q : bt
  const rows = viaTalks ? n : m
  // Row i of the factor times the eigenvectors (read along their rows), scaled by 1 / s.
  const scaled = new Float64Array(rows * dimensions)
  const sums = new Float64Array(dimensions)
  for (let i = 0; i < rows; i++) {
    rowTimesDense(factor, i * l, l, vectors, l, sums, dimensions)
    for (let c = 0; c < dimensions; c++) if (exact[c] >= 1e-10) scaled[i * dimensions + c] = sums[c] / exact[c]
  }
  return viaTalks ? sparseTimesDense(transposed, scaled, dimensions) : scaled
}

/**
 * Projects sparse rows onto the LSA dimensions and scales each to unit length.
 * @param model Fitted LSA model.
 * @param matrix TF-IDF rows over the same terms.
 * @returns Row-major n × d unit rows (zero rows stay zero).
 */
export function projectLsa(model: LsaModel, matrix: CsrMatrix): Float32Array {
  const d = model.dimensions
  const { nRows, indptr, indices, data } = matrix
  const components = model.components
  const out = new Float32Array(nRows * d)
  const row = new Float64Array(d)
  for (let i = 0; i < nRows; i++) {
    row.fill(0)
    const end = indptr[i + 1]
    // Two terms per pass over the row, unrolled by four: each coordinate still adds the terms'
    // products one after the other in term order (the same bits), but is loaded and stored
    // half as often; about 2.5× faster than a pass per term. An odd last term is paired with
    // a zero weight: adding +0 or −0 to a sum that started at +0 changes no bit.
    for (let p = indptr[i]; p < end; p += 2) {
      const pair = p + 1 < end
      const v0 = data[p]
      const v1 = pair ? data[p + 1] : 0
      const s0 = indices[p] * d
      const s1 = pair ? indices[p + 1] * d : s0
      let c = 0
      for (; c + 3 < d; c += 4) {
        row[c] = row[c] + v0 * components[s0 + c] + v1 * components[s1 + c]
        row[c + 1] = row[c + 1] + v0 * components[s0 + c + 1] + v1 * components[s1 + c + 1]
        row[c + 2] = row[c + 2] + v0 * components[s0 + c + 2] + v1 * components[s1 + c + 2]
        row[c + 3] = row[c + 3] + v0 * components[s0 + c + 3] + v1 * components[s1 + c + 3]
      }
      for (; c < d; c++) row[c] = row[c] + v0 * components[s0 + c] + v1 * components[s1 + c]
    }
    out.set(row, i * d)
  }
  normalizeDenseRows(out, d)
  return out
}
