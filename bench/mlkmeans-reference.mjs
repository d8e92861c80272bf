// Reference figures for the project's k-means: times the design card's package ml-kmeans
// (devDependency, reference only) on unit-length Gaussian blobs (the shape of talkatlas's
// L2-normalised LSA rows) and scores every partition by two objectives computed from the
// labels alone:
//   inertia   Σ ‖x − mean of its cluster‖² (sklearn's `inertia_`; lower is better)
//   cohesion  Σ over clusters of ‖Σ x in the cluster‖ (the spherical k-means objective that
//             talkatlas's kmeans maximises; higher is better)
// so that talkatlas's own `kmeans` (run on the same points when the build exports it) can
// be compared: same objective or better, in less time.
//
// Usage: node bench/mlkmeans-reference.mjs [--runs 5] [--large]
//   default: 1,000 × 100 points, k = 20; --large adds 10,000 × 100 points, k = 100.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { kmeans as mlKmeans } from 'ml-kmeans'
import { mulberry32, printTable } from '../scripts/shared.mjs'

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

/** Per-coordinate spread of the points around their unit centre, before re-normalising. */
const SPREAD = 0.1
const DATA_SEED = 2025

const project = existsSync(DIST) ? await import(DIST) : {}

console.log(`ml-kmeans reference — node ${process.version}; ${runs} runs per case (seeds 1…${runs}); ml-kmeans: kmeans++ init, maxIterations 100, tolerance 1e-6`)
for (const spec of cases) {
  const data = unitBlobs(spec, DATA_SEED)
  console.log(`\n${spec.points} × ${spec.dimensions} unit points in ${spec.blobs} blobs (unit centres, spread σ = ${SPREAD}, data seed ${DATA_SEED}), k = ${spec.k}`)
  const truth = Array.from({ length: spec.points }, (_, i) => i % spec.blobs)
  printTable(['implementation', 'seed', 'seconds', 'iterations', 'converged', 'inertia', 'cohesion'], [
    ['generating blobs (truth)', '-', '', '', '', ...scores(data, truth, spec.blobs)],
    ...runMlKmeans(data, spec.k),
    ...runProjectKmeans(data, spec, 1),
    ...runProjectKmeans(data, spec, undefined),
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
    figures.push({ seconds, inertia: partitionInertia(data, result.clusters, k), cohesion: partitionCohesion(data, result.clusters, k) })
    rows.push(['ml-kmeans 7', String(seed), seconds.toFixed(3), String(result.iterations), String(result.converged), ...scores(data, result.clusters, k)])
  }
  rows.push(summaryRow('ml-kmeans 7', figures))
  return rows
}

/**
 * The project's `kmeans(points, dimensions, { k, seed, restarts })` on the same points, when
 * the build exports it.
 * @param {number[][]} data Points.
 * @param {{ points: number, dimensions: number, k: number }} spec Case.
 * @param {number | undefined} restarts Restarts per run; undefined = the library default.
 */
function runProjectKmeans(data, spec, restarts) {
  const name = `talkatlas kmeans (restarts ${restarts ?? 'default'})`
  if (typeof project.kmeans !== 'function') return [[name, '-', 'n/a', 'n/a', 'n/a', 'n/a (not exported yet)', '']]
  const points = new Float32Array(spec.points * spec.dimensions)
  for (let i = 0; i < spec.points; i++) points.set(data[i], i * spec.dimensions)
  const rows = []
  const figures = []
  for (let seed = 1; seed <= runs; seed++) {
    try {
      const started = performance.now()
      const result = project.kmeans(points, spec.dimensions, restarts === undefined ? { k: spec.k, seed } : { k: spec.k, seed, restarts })
      const seconds = (performance.now() - started) / 1000
      figures.push({ seconds, inertia: partitionInertia(data, result.labels, spec.k), cohesion: partitionCohesion(data, result.labels, spec.k) })
      rows.push([name, String(seed), seconds.toFixed(3), String(result.iterations), String(result.converged), ...scores(data, result.labels, spec.k)])
    } catch (error) {
      return [[name, String(seed), 'n/a', 'n/a', 'n/a', `n/a (${error.message})`, '']]
    }
  }
  rows.push(summaryRow(name, figures))
  return rows
}

/**
 * Median time; median and best of each objective over runs.
 * @param {string} name Implementation.
 * @param {{ seconds: number, inertia: number, cohesion: number }[]} figures One per run.
 */
function summaryRow(name, figures) {
  const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]
  const inertias = figures.map((f) => f.inertia)
  const cohesions = figures.map((f) => f.cohesion)
  return [
    `${name}: median; best`,
    '-',
    median(figures.map((f) => f.seconds)).toFixed(3),
    '',
    '',
    `${median(inertias).toFixed(3)}; ${Math.min(...inertias).toFixed(3)}`,
    `${median(cohesions).toFixed(3)}; ${Math.max(...cohesions).toFixed(3)}`,
  ]
}

/**
 * Both objectives of a partition, formatted.
 * @param {number[][]} data Points.
 * @param {ArrayLike<number>} labels Cluster per point.
 * @param {number} k Clusters.
 */
function scores(data, labels, k) {
  return [partitionInertia(data, labels, k).toFixed(3), partitionCohesion(data, labels, k).toFixed(3)]
}

/**
 * Spherical k-means objective of a partition: Σ over clusters of ‖Σ x in the cluster‖, i.e.
 * Σ cos(x, unit centroid of its cluster) over the points when they are unit length.
 * @param {number[][]} data Points.
 * @param {ArrayLike<number>} labels Cluster per point.
 * @param {number} k Clusters.
 */
function partitionCohesion(data, labels, k) {
  const dimensions = data[0].length
  const sums = new Float64Array(k * dimensions)
  for (let i = 0; i < data.length; i++) {
    const c = labels[i]
    if (c < 0) continue
    for (let j = 0; j < dimensions; j++) sums[c * dimensions + j] += data[i][j]
  }
  let cohesion = 0
  for (let c = 0; c < k; c++) {
    let norm = 0
    for (let j = 0; j < dimensions; j++) norm += sums[c * dimensions + j] ** 2
    cohesion += Math.sqrt(norm)
  }
  return cohesion
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
    if (c < 0) continue
    sizes[c]++
    for (let j = 0; j < dimensions; j++) sums[c * dimensions + j] += data[i][j]
  }
  let inertia = 0
  for (let i = 0; i < data.length; i++) {
    const c = labels[i]
    if (c < 0) continue
    for (let j = 0; j < dimensions; j++) {
      const d = data[i][j] - sums[c * dimensions + j] / sizes[c]
      inertia += d * d
    }
  }
  return inertia
}

/**
 * Unit points scattered around `blobs` unit centres: centre = normalised N(0, 1) vector,
 * point = normalise(centre + SPREAD · N(0, 1) noise per coordinate); the blob of point i is
 * i mod blobs.
 * @param {{ points: number, dimensions: number, blobs: number }} spec Shape.
 * @param {number} seed Data seed.
 */
function unitBlobs(spec, seed) {
  const random = mulberry32(seed)
  const normal = () => {
    // Box–Muller transform; 1 − u keeps the logarithm finite.
    const u = 1 - random()
    const v = random()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }
  const unit = (vector) => {
    const norm = Math.hypot(...vector)
    return vector.map((x) => x / norm)
  }
  const centres = Array.from({ length: spec.blobs }, () => unit(Array.from({ length: spec.dimensions }, normal)))
  return Array.from({ length: spec.points }, (_, i) => unit(centres[i % spec.blobs].map((x) => x + SPREAD * normal())))
}
