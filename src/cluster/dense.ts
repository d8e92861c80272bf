// The dense kernels moved to linalg/dense.ts; the k-means files still import these two from here.
export { nonZeroRows, normalizeDenseRows } from '../linalg/dense.js'
