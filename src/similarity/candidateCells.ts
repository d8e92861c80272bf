/**
 * Cells of talks for the approximate related-talk search of large corpora: an inverted-file
 * index in the manner of IVF (Jégou, Douze and Schmid, "Product quantization for nearest
 * neighbor search", 2011), whose coarse cells are the atlas's themes. A talk's related talks
 * are searched exactly among the talks of its own cell and of the {@link PROBE_CELLS} cells
 * whose centroids are nearest to its cell's centroid, instead of among all talks.
 *
 * A theme larger than {@link CELL_MAX_TALKS} is cut in halves at the median of its talks'
 * coordinate of widest spread (a k-d tree split, Bentley 1975), until every cell fits; so a
 * row is compared with at most (1 + PROBE_CELLS) × CELL_MAX_TALKS talks whatever the number
 * of themes, and the whole search is linear in the number of talks.
 *
 * Everything is ordered by talk id rank (members, splits, centroid sums) and cell index
 * (ties between centroids), so that the cells do not depend on the input order.
 */
import type { PairSpace } from './allPairsTopK.js'
import { TopK } from './topK.js'

/** Nearest cells (by centroid cosine) searched besides a talk's own. */
export const PROBE_CELLS = 8

/**
 * Largest cell: bigger themes are split in halves until they fit. With 8 probes a row has at
 * most 2,250 candidates. On 20,000 generated talks (k = 100) recall@5 was 0.932 with 250 and
 * 0.936 with 1,000, which allows up to 9,000 candidates per row: four times the work for
 * little more recall (docs/performance.md).
 */
export const CELL_MAX_TALKS = 250

/**
 * Most related talks a list can hold (the library's bound on `top`). Cells search at least
 * one more talk than this, so that every row finds `top` related talks as the exact search
 * would, and a list of k entries starts with the list of any j < k.
 */
export const MAX_RELATED_TOP = 100

/** Options of {@link candidateCells} (for measurements; the defaults are the constants above). */
export interface CellOptions {
  /** @default {@link PROBE_CELLS} */
  readonly probes?: number
  /** @default {@link CELL_MAX_TALKS} */
  readonly maxTalks?: number
}

/** Talks grouped into cells, with each cell's nearest cells. Typed arrays only (it crosses to workers). */
export interface CellPlan {
  /** Talks of cell c at `members[starts[c]] … members[starts[c + 1] − 1]`, in id rank order. */
  readonly starts: Int32Array
  readonly members: Int32Array
  /** Cell of every talk. */
  readonly cellOf: Int32Array
  /** The nearest cells of cell c, nearest centroid first, at `c × width` (see {@link cellCandidates}). */
  readonly nearest: Int32Array
  /** Nearest cells searched besides the own one. */
  readonly probes: number
}

/**
 * Cells of a pair space's talks from their themes.
 * @param space Talks.
 * @param assignments Theme of every talk.
 * @param options See {@link CellOptions}.
 */
export function candidateCells(space: PairSpace, assignments: Int32Array, options: CellOptions = {}): CellPlan {
  const probes = options.probes ?? PROBE_CELLS
  const maxTalks = options.maxTalks ?? CELL_MAX_TALKS
  const cells: Int32Array[] = []
  for (const theme of themeMembers(space, assignments)) splitCell(space, theme, maxTalks, cells)
  const starts = new Int32Array(cells.length + 1)
  const members = new Int32Array(space.n)
  const cellOf = new Int32Array(space.n)
  cells.forEach((cell, c) => {
    members.set(cell, starts[c])
    for (const talk of cell) cellOf[talk] = c
    starts[c + 1] = starts[c]! + cell.length
  })
  return { starts, members, cellOf, nearest: nearestCells(space, cells, probes), probes }
}

/**
 * Talks of every theme in id rank order (themes in index order, empty ones left out).
 * @param space Talks.
 * @param assignments Theme of every talk.
 */
function themeMembers(space: PairSpace, assignments: Int32Array): Int32Array[] {
  const byRank = new Int32Array(space.n)
  for (let i = 0; i < space.n; i++) byRank[space.tieRank[i]!] = i
  let themes = 0
  for (let i = 0; i < space.n; i++) themes = Math.max(themes, assignments[i]! + 1)
  const lists: number[][] = Array.from({ length: themes }, () => [])
  for (const talk of byRank) lists[assignments[talk]!]!.push(talk)
  return lists.filter((list) => list.length > 0).map((list) => Int32Array.from(list))
}

/**
 * Appends a cell to `out`, or its two halves (recursively) when it holds more than
 * `maxTalks`: split at the median of the prefix coordinate with the largest variance, ties
 * by id rank; each half keeps id rank order.
 * @param space Talks.
 * @param cell Talks of the cell, in id rank order.
 * @param maxTalks Largest cell.
 * @param out Cells so far.
 */
function splitCell(space: PairSpace, cell: Int32Array, maxTalks: number, out: Int32Array[]): void {
  if (cell.length <= maxTalks) {
    out.push(cell)
    return
  }
  const { prefix, prefixDimensions: m, tieRank } = space
  const axis = widestAxis(space, cell)
  const byValue = Array.from(cell).sort((a, b) => prefix[a * m + axis]! - prefix[b * m + axis]! || tieRank[a]! - tieRank[b]!)
  const half = cell.length >> 1
  const byRank = (a: number, b: number): number => tieRank[a]! - tieRank[b]!
  splitCell(space, Int32Array.from(byValue.slice(0, half)).sort(byRank), maxTalks, out)
  splitCell(space, Int32Array.from(byValue.slice(half)).sort(byRank), maxTalks, out)
}

/**
 * The prefix coordinate whose values vary most over a cell (the lowest on ties).
 * @param space Talks.
 * @param cell Talks.
 */
function widestAxis(space: PairSpace, cell: Int32Array): number {
  const { prefix, prefixDimensions: m } = space
  let best = 0
  let bestVariance = -1
  for (let c = 0; c < m; c++) {
    let sum = 0
    let squares = 0
    for (const talk of cell) {
      const x = prefix[talk * m + c]!
      sum += x
      squares += x * x
    }
    const variance = squares / cell.length - (sum / cell.length) ** 2
    if (variance > bestVariance) {
      best = c
      bestVariance = variance
    }
  }
  return best
}

/**
 * For every cell, the nearest other cells by decreasing cosine of their centroids (ties: lower
 * cell first): `probes` of them, and {@link MAX_RELATED_TOP} + 1 more (each cell holds a
 * talk, so that many always reach the candidates {@link cellCandidates} needs). The centroid
 * is the mean of the cell's unit LSA vectors; a zero centroid has cosine 0 with every cell.
 * @param space Talks.
 * @param cells Talks of every cell.
 * @param probes Nearest cells searched.
 */
function nearestCells(space: PairSpace, cells: readonly Int32Array[], probes: number): Int32Array {
  const { dimensions: d, vectors } = space
  const k = cells.length
  const centroids = new Float64Array(k * d)
  cells.forEach((cell, c) => {
    const at = c * d
    for (const talk of cell) for (let x = 0; x < d; x++) centroids[at + x] += vectors[talk * d + x]!
    let norm = 0
    for (let x = 0; x < d; x++) norm += centroids[at + x]! ** 2
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
    for (let x = 0; x < d; x++) centroids[at + x] *= scale
  })
  const width = nearestWidth(k, probes)
  const nearest = new Int32Array(k * width)
  for (let c = 0; c < k; c++) {
    const best = new TopK(width)
    for (let o = 0; o < k; o++) {
      if (o === c) continue
      let dot = 0
      for (let x = 0; x < d; x++) dot += centroids[c * d + x]! * centroids[o * d + x]!
      best.offer(o, dot)
    }
    best.results().forEach((entry, r) => (nearest[c * width + r] = entry.index))
  }
  return nearest
}

/**
 * Nearest cells kept per cell.
 * @param k Number of cells.
 * @param probes Nearest cells searched.
 */
function nearestWidth(k: number, probes: number): number {
  return Math.min(Math.max(0, k - 1), probes + MAX_RELATED_TOP + 1)
}

/** Number of cells of a plan. */
export function cellCount(plan: CellPlan): number {
  return plan.starts.length - 1
}

/**
 * The talks searched for the rows of cell c: its own talks first (so that its rows are the
 * first positions), then the talks of its {@link CellPlan.probes} nearest cells, then of more
 * cells while there are no more than {@link MAX_RELATED_TOP} talks.
 * @param plan Cells.
 * @param c Cell.
 */
export function cellCandidates(plan: CellPlan, c: number): Int32Array {
  const { starts, members, nearest } = plan
  const width = nearestWidth(cellCount(plan), plan.probes)
  let size = starts[c + 1]! - starts[c]!
  let used = 0
  while (used < width && (used < plan.probes || size <= MAX_RELATED_TOP)) {
    const o = nearest[c * width + used]!
    size += starts[o + 1]! - starts[o]!
    used++
  }
  const out = new Int32Array(size)
  out.set(members.subarray(starts[c], starts[c + 1]), 0)
  let at = starts[c + 1]! - starts[c]!
  for (let u = 0; u < used; u++) {
    const o = nearest[c * width + u]!
    out.set(members.subarray(starts[o], starts[o + 1]), at)
    at += starts[o + 1]! - starts[o]!
  }
  return out
}
