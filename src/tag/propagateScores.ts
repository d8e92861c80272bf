/**
 * Calibration of the raw theme scores: centred per theme and scaled by one pooled standard
 * deviation, smoothed by label propagation over the talks' nearest-neighbour graph (cached
 * per atlas), with example talks kept on top of their theme.
 */
import type { Atlas } from '../atlas/types.js'
import type { Warning } from '../types.js'
import { neighbourGraph, type NeighbourGraph } from './neighbourGraph.js'
import type { ResolvedTagOptions } from './tagTalks.js'

/** Above this many talks the brute-force neighbour graph is skipped (with a warning). */
const MAX_PROPAGATION_TALKS = 20_000

/** Iterations of label propagation; α^10 ≤ 0.001 at the default α, so it has converged. */
const PROPAGATION_ITERATIONS = 10

/**
 * Centres every column on its mean over the talks and divides all columns by one pooled
 * standard deviation. Centring removes the advantage of a theme whose description is close
 * to every talk; the pooled scale (not one per theme) keeps a theme that no talk really
 * matches from being stretched until its best talks look like strong matches, which
 * per-theme z-scores do when a taxonomy lists themes absent from the corpus.
 * @param scores Raw scores, row-major n × T.
 * @param n Rows.
 * @param nThemes Columns.
 */
export function centreColumns(scores: Float64Array, n: number, nThemes: number): Float64Array {
  const out = new Float64Array(scores.length)
  let pooled = 0
  for (let t = 0; t < nThemes; t++) {
    let mean = 0
    for (let i = 0; i < n; i++) mean += scores[i * nThemes + t]
    mean /= n
    for (let i = 0; i < n; i++) {
      out[i * nThemes + t] = scores[i * nThemes + t] - mean
      pooled += out[i * nThemes + t] ** 2
    }
  }
  const sd = Math.sqrt(pooled / scores.length)
  if (sd > 1e-12) for (let p = 0; p < out.length; p++) out[p] /= sd
  return out
}

/**
 * Label propagation `F ← (1 − α) Z + α W F` over the neighbour graph.
 * @param atlas Atlas.
 * @param z Centred scores, row-major n × T.
 * @param nThemes T.
 * @param options Resolved options.
 * @param warnings Sink for warnings.
 */
export function propagate(atlas: Atlas, z: Float64Array, nThemes: number, options: ResolvedTagOptions, warnings: Warning[]): Float64Array {
  const n = atlas.talks.length
  const alpha = options.propagation
  if (alpha === 0 || n < 2) return z
  if (n > MAX_PROPAGATION_TALKS) {
    warnings.push({
      code: 'propagation-skipped',
      message: `tag: ${n} talks exceed ${MAX_PROPAGATION_TALKS}; scores are not smoothed over neighbouring talks`,
    })
    return z
  }
  const graph = cachedGraph(atlas, Math.min(options.neighbours, n - 1))
  let current = z.slice()
  let next = new Float64Array(z.length)
  for (let iteration = 0; iteration < PROPAGATION_ITERATIONS; iteration++) {
    for (let i = 0; i < n; i++) {
      const row = i * nThemes
      for (let t = 0; t < nThemes; t++) next[row + t] = (1 - alpha) * z[row + t]
      // A talk without neighbours keeps its own score in full.
      if (graph.indptr[i + 1] === graph.indptr[i]) {
        for (let t = 0; t < nThemes; t++) next[row + t] = z[row + t]
        continue
      }
      for (let p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) {
        const w = alpha * graph.weights[p]
        const source = graph.indices[p] * nThemes
        for (let t = 0; t < nThemes; t++) next[row + t] += w * current[source + t]
      }
    }
    const swap = current
    current = next
    next = swap
  }
  return current
}

const graphCache = new WeakMap<Float32Array, Map<number, NeighbourGraph>>()

/**
 * The neighbour graph of an atlas, computed once per atlas and k.
 * @param atlas Atlas.
 * @param k Neighbours.
 */
function cachedGraph(atlas: Atlas, k: number): NeighbourGraph {
  let byK = graphCache.get(atlas.embedding.vectors)
  if (byK === undefined) {
    byK = new Map()
    graphCache.set(atlas.embedding.vectors, byK)
  }
  let graph = byK.get(k)
  if (graph === undefined) {
    graph = neighbourGraph(atlas.embedding.vectors, atlas.embedding.dimensions, k)
    byK.set(k, graph)
  }
  return graph
}

/**
 * Raises each example talk's score for its theme to the best score of that theme, so that
 * a talk labelled by the user carries its label first.
 * @param scores Row-major n × T, changed in place.
 * @param examples Example rows per theme.
 * @param nThemes T.
 */
export function keepExamplesOnTop(scores: Float64Array, examples: readonly Int32Array[], nThemes: number): void {
  const n = scores.length / Math.max(nThemes, 1)
  for (let t = 0; t < nThemes; t++) {
    if (examples[t].length === 0) continue
    let best = -Infinity
    for (let i = 0; i < n; i++) best = Math.max(best, scores[i * nThemes + t])
    for (const i of examples[t]) {
      let rowBest = -Infinity
      for (let u = 0; u < nThemes; u++) rowBest = Math.max(rowBest, scores[i * nThemes + u])
      scores[i * nThemes + t] = Math.max(best, rowBest + 1e-9)
    }
  }
}
