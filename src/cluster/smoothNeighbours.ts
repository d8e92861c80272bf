/**
 * Neighbour smoothing (document expansion): each talk's vector is mixed with the mean of its
 * nearest neighbours' vectors, `x'ᵢ = normalize(xᵢ + w · mean_{j ∈ N_m(i)} xⱼ)`. A short
 * abstract borrows the vocabulary of the talks closest to it, which pulls talks on one topic
 * together before clustering and ranking (in the spirit of pseudo-relevance feedback, Rocchio
 * 1971, applied to the documents instead of the query).
 */
import { DEFAULT_SEED } from '../options.js'
import { kmeans } from './kmeans.js'
import { nonZeroRows, normalizeDenseRows } from '../linalg/dense.js'

/** Options of {@link smoothNeighbours}. */
export interface SmoothOptions {
  /** Neighbours mixed into each vector; 0 returns an unchanged copy. @default 5 */
  readonly neighbours?: number
  /** Weight w of the neighbours' mean against the talk's own vector. @default 1 */
  readonly weight?: number
  /** Seed of the coarse partition used on large inputs. @default 42 */
  readonly seed?: number
}

/**
 * Above this many rows, neighbours are searched within a coarse k-means partition (parts of
 * about `PART_SIZE` rows) instead of among all rows, so the cost grows as n · PART_SIZE, not n².
 */
const EXACT_LIMIT = 4000
const PART_SIZE = 1000

/**
 * Mixes every unit row with the mean of its nearest rows by cosine.
 * @param vectors Row-major n × d unit rows (zero rows stay zero and are nobody's neighbour).
 * @param dimensions d.
 * @param options See {@link SmoothOptions}; not validated: the atlas options were
 * (`resolveAtlasOptions`, whose `smoothing` is the number of neighbours).
 * @returns New row-major n × d unit rows.
 */
export function smoothNeighbours(vectors: Float32Array, dimensions: number, { neighbours = 5, weight = 1, seed = DEFAULT_SEED }: SmoothOptions = {}): Float32Array {
  const out = vectors.slice()
  const rows = nonZeroRows(vectors, dimensions)
  const m = Math.min(neighbours, rows.length - 1)
  if (m < 1 || weight === 0) return out
  for (const part of partition(vectors, dimensions, rows, seed)) {
    const nearest = nearestRows(vectors, dimensions, part, m)
    for (let t = 0; t < part.length; t++) {
      const target = part[t] * dimensions
      const scale = weight / m
      for (let s = 0; s < m; s++) {
        const source = nearest[t * m + s] * dimensions
        for (let c = 0; c < dimensions; c++) out[target + c] += scale * vectors[source + c]
      }
    }
  }
  normalizeDenseRows(out, dimensions)
  return out
}

/**
 * Groups of rows searched together: all rows, or for large inputs the clusters of a coarse
 * spherical k-means (parts smaller than the neighbour count are harmless: they get fewer).
 */
function partition(vectors: Float32Array, d: number, rows: Int32Array, seed: number): Int32Array[] {
  if (rows.length <= EXACT_LIMIT) return [rows]
  const k = Math.ceil(rows.length / PART_SIZE)
  const { labels } = kmeans(vectors, d, { k, seed, restarts: 1, maxIterations: 20 })
  const members: number[][] = Array.from({ length: k }, () => [])
  for (let t = 0; t < rows.length; t++) members[labels[rows[t]]].push(rows[t])
  return members.filter((part) => part.length > 1).map((part) => Int32Array.from(part))
}

/**
 * The m nearest rows (highest dot product, ties to the lower row index) of every row of a
 * group, among the group's other rows; fewer than m when the group is smaller, padded with
 * the row itself so the mean keeps its scale.
 * @returns Row indices, `part.length × m`.
 */
function nearestRows(vectors: Float32Array, d: number, part: Int32Array, m: number): Int32Array {
  const size = part.length
  const ids = new Int32Array(size * m).fill(-1)
  const scores = new Float64Array(size * m).fill(-Infinity)
  const dots = new Float64Array(8)
  // The top-m lists order candidates by score, then row: what they end up holding does not
  // depend on the order the pairs are offered in.
  const offerPair = (a: number, b: number, dot: number) => {
    offer(ids, scores, a * m, m, part[b], dot)
    offer(ids, scores, b * m, m, part[a], dot)
  }
  let a = 0
  // Two rows a, a + 1 against four rows b at a time: each coordinate loaded once serves
  // several dot products, and the eight sums do not wait on each other.
  for (; a + 1 < size; a += 2) {
    const x = part[a] * d
    const x2 = part[a + 1] * d
    offerPair(a, a + 1, dotRows(vectors, x, x2, d))
    let b = a + 2
    for (; b + 3 < size; b += 4) {
      dotTwoByFour(vectors, x, x2, part[b] * d, part[b + 1] * d, part[b + 2] * d, part[b + 3] * d, d, dots)
      for (let s = 0; s < 4; s++) {
        offerPair(a, b + s, dots[s])
        offerPair(a + 1, b + s, dots[4 + s])
      }
    }
    for (; b < size; b++) {
      offerPair(a, b, dotRows(vectors, x, part[b] * d, d))
      offerPair(a + 1, b, dotRows(vectors, x2, part[b] * d, d))
    }
  }
  for (let s = 0; s < size * m; s++) if (ids[s] < 0) ids[s] = part[Math.floor(s / m)]
  return ids
}

/** Dot product of the rows at `x` and `y`, summed in coordinate order. */
function dotRows(vectors: Float32Array, x: number, y: number, d: number): number {
  let dot = 0
  for (let c = 0; c < d; c++) dot += vectors[x + c] * vectors[y + c]
  return dot
}

/**
 * Dot products of the rows at `x` and `x2` with the rows at `y0 … y3` (`out[0..4)` for x,
 * `out[4..8)` for x2), each summed in the same order as {@link dotRows}, so the result does
 * not depend on where a row falls in the blocks.
 */
function dotTwoByFour(vectors: Float32Array, x: number, x2: number, y0: number, y1: number, y2: number, y3: number, d: number, out: Float64Array): void {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let t0 = 0
  let t1 = 0
  let t2 = 0
  let t3 = 0
  for (let c = 0; c < d; c++) {
    const u = vectors[x + c]
    const v = vectors[x2 + c]
    const w0 = vectors[y0 + c]
    const w1 = vectors[y1 + c]
    const w2 = vectors[y2 + c]
    const w3 = vectors[y3 + c]
    s0 += u * w0
    s1 += u * w1
    s2 += u * w2
    s3 += u * w3
    t0 += v * w0
    t1 += v * w1
    t2 += v * w2
    t3 += v * w3
  }
  out[0] = s0
  out[1] = s1
  out[2] = s2
  out[3] = s3
  out[4] = t0
  out[5] = t1
  out[6] = t2
  out[7] = t3
}

/** Inserts (row, score) into the sorted top-m list starting at `base` when it beats the last. */
function offer(ids: Int32Array, scores: Float64Array, base: number, m: number, row: number, score: number): void {
  const last = base + m - 1
  if (!beats(score, row, scores[last], ids[last])) return
  let p = last
  while (p > base && beats(score, row, scores[p - 1], ids[p - 1])) {
    ids[p] = ids[p - 1]
    scores[p] = scores[p - 1]
    p--
  }
  ids[p] = row
  scores[p] = score
}

function beats(score: number, row: number, otherScore: number, otherRow: number): boolean {
  return score > otherScore || (score === otherScore && (otherRow < 0 || row < otherRow))
}

