// Reference figures for the project's k-means: times the design card's package ml-kmeans
// (devDependency, reference only) on dense Gaussian blobs and prints the k-means objective
// (inertia: the sum of squared Euclidean distances from each point to the mean of its
// cluster, sklearn's `inertia_`), so that talkatlas's own k-means can be compared on the
// same points: same objective or lower, in less time.
//
// Usage: node bench/mlkmeans-reference.mjs [--runs 5] [--large]
//   default: 1,000 × 100 points, k = 20; --large adds 10,000 × 100 points, k = 100.
// When the build exports `kmeans`, it runs on the same points (as a dense CSR matrix) too.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { kmeans as mlKmeans } from 'ml-kmeans'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist', 'index.js')

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    large: { type: 'boolean', default: false },
  },
})
const runs = Number(options.runs)

const cases = [{ points: 1000, dimensions: 100, blobs: 20, k: 20 }]
if (options.large) cases.push({ points: 10_000, dimensions: 100, blobs: 100, k: 100 })

const project = existsSync(DIST) ? await import(DIST) : {}

console.log(`ml-kmeans reference — node ${process.version}; ${runs} runs per case (seeds 1…${runs}), kmeans++ init, maxIterations 100, tolerance 1e-6`)
for (const spec of cases) {
  const data = gaussianBlobs(spec, 2025)
  console.log(`\n${spec.points} × ${spec.dimensions} points in ${spec.blobs} Gaussian blobs (centres N(0, 1), spread σ = 1, data seed 2025), k = ${spec.k}`)
  const truth = Array.from({ length: spec.points }, (_, i) => i % spec.blobs)
  printTable(['implementation', 'seed', 'seconds', 'iterations', 'converged', 'inertia'], [
    ['generating blobs (truth)', '-', '', '', '', partitionInertia(data, truth, spec.blobs).toFixed(2)],
    ...runMlKmeans(data, spec.k),
    ...runProjectKmeans(data, spec),
  ])
}

/**
 * ml-kmeans on `data` for seeds 1…runs, then a summary row.
 * @param {number[][]} data Points.
 * @param {number} k Clusters.
 */
function runMlKmeans(data, k) {
  const rows = []
  const figures = []
  for (let seed = 1; seed <= runs; seed++) {
    const started = performance.now()
    const result = mlKmeans(data, k, { seed, initialization: 'kmeans++', maxIterations: 100, tolerance: 1e-6 })
    const seconds = (performance.now() - started) / 1000
    const inertia = partitionInertia(data, result.clusters, k)
    figures.push({ seconds, inertia })
    rows.push(['ml-kmeans 7', String(seed), seconds.toFixed(3), String(result.iterations), String(result.converged), inertia.toFixed(2)])
  }
  rows.push(summaryRow('ml-kmeans 7', figures))
  return rows
}

/**
 * The project's `kmeans` on the same points as a CSR matrix, when the build exports it.
 * @param {number[][]} data Points.
 * @param {{ points: number, dimensions: number, k: number }} spec Case.
 */
function runProjectKmeans(data, spec) {
  if (typeof project.kmeans !== 'function') return [['talkatlas kmeans', '-', 'n/a', 'n/a', 'n/a', 'n/a (not exported yet)']]
  const matrix = denseToCsr(data, spec.dimensions)
  const rows = []
  const figures = []
  for (let seed = 1; seed <= runs; seed++) {
    try {
      const started = performance.now()
      const result = project.kmeans(matrix, { k: spec.k, seed })
      const seconds = (performance.now() - started) / 1000
      const labels = result.assignments ?? result.labels ?? result.clusters
      const inertia = partitionInertia(data, labels, spec.k)
      figures.push({ seconds, inertia })
      rows.push(['talkatlas kmeans', String(seed), seconds.toFixed(3), String(result.iterations ?? 'n/a'), String(result.converged ?? 'n/a'), inertia.toFixed(2)])
    } catch (error) {
      return [['talkatlas kmeans', String(seed), 'n/a', 'n/a', 'n/a', `n/a (${error.message})`]]
    }
  }
  rows.push(summaryRow('talkatlas kmeans', figures))
  return rows
}

/**
 * Median time, best and median inertia over runs.
 * @param {string} name Implementation.
 * @param {{ seconds: number, inertia: number }[]} figures One per run.
 */
function summaryRow(name, figures) {
  const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
  const best = Math.min(...figures.map((f) => f.inertia))
  return [`${name} (median; best inertia)`, '-', median(figures.map((f) => f.seconds)).toFixed(3), '', '', `${median(figures.map((f) => f.inertia)).toFixed(2)}; ${best.toFixed(2)}`]
}

/**
 * Inertia of a partition: Σ ‖x − mean of its cluster‖². Computed from the labels alone so
 * that every implementation is scored by the same objective.
 * @param {number[][]} data Points.
 * @param {ArrayLike<number>} labels Cluster per point.
 * @param {number} k Clusters.
 */
function partitionInertia(data, labels, k) {
  const dimensions = data[0].length
  const sums = new Float64Array(k * dimensions)
  const sizes = new Float64Array(k)
  for (let i = 0; i < data.length; i++) {
    const c = labels[i]
    sizes[c]++
    for (let j = 0; j < dimensions; j++) sums[c * dimensions + j] += data[i][j]
  }
  let inertia = 0
  for (let i = 0; i < data.length; i++) {
    const c = labels[i]
    for (let j = 0; j < dimensions; j++) {
      const d = data[i][j] - sums[c * dimensions + j] / sizes[c]
      inertia += d * d
    }
  }
  return inertia
}

/**
 * Points scattered around `blobs` centres: centre coordinates N(0, 1), point = centre +
 * N(0, 1) noise per coordinate; blob of point i is i mod blobs.
 * @param {{ points: number, dimensions: number, blobs: number }} spec Shape.
 * @param {number} seed Data seed.
 */
function gaussianBlobs(spec, seed) {
  const random = mulberry32(seed)
  const normal = () => {
    // Box–Muller transform; 1 − u keeps the logarithm finite.
    const u = 1 - random()
    const v = random()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
  const centres = Array.from({ length: spec.blobs }, () => Array.from({ length: spec.dimensions }, normal))
  return Array.from({ length: spec.points }, (_, i) => centres[i % spec.blobs].map((x) => x + normal()))
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a small 32-bit seeded generator, enough for
 * reproducible test data here.
 * @param {number} seed Seed.
 */
function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Dense rows as a CsrMatrix (every column stored), the project's matrix type.
 * @param {number[][]} data Points.
 * @param {number} dimensions Columns.
 */
function denseToCsr(data, dimensions) {
  const nRows = data.length
  const indptr = new Int32Array(nRows + 1)
  const indices = new Int32Array(nRows * dimensions)
  const values = new Float32Array(nRows * dimensions)
  for (let i = 0; i < nRows; i++) {
    indptr[i + 1] = (i + 1) * dimensions
    for (let j = 0; j < dimensions; j++) {
      indices[i * dimensions + j] = j
      values[i * dimensions + j] = data[i][j]
    }
  }
  return { nRows, nCols: dimensions, indptr, indices, data: values }
}

/**
 * Prints an aligned text table.
 * @param {string[]} headers Column titles.
 * @param {string[][]} rows Cells.
 */
function printTable(headers, rows) {
  const widths = headers.map((header, c) => Math.max(header.length, ...rows.map((row) => String(row[c]).length)))
  const line = (cells) => cells.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')
  console.log(line(headers))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) console.log(line(row))
}
