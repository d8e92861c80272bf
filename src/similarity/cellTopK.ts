/**
 * Approximate top-k lists: the rows of each cell of a {@link CellPlan} get the exact top-k
 * ({@link topKRows}, same scores and tie rule) among the cell's candidates instead of among
 * all talks. A list is the exact one whenever the exact related talks lie in the candidates.
 */
import { cellCandidates, cellCount, type CellPlan } from './candidateCells.js'
import { emptyTopKRows, pairSpace, topKRows, type PairSpace, type TopKRows } from './allPairsTopK.js'
import { permuteCsrRows, permuteEnsemble } from '../atlas/canonicalOrder.js'
import { gatherRows } from '../linalg/dense.js'
import { transposeCsr } from '../vectorize/csr.js'

/**
 * Top-k lists of the rows of cells `firstCell … endCell − 1`, as lists of all n rows in which
 * the other rows are left empty (count 0).
 * @param space Talks.
 * @param plan Cells of the talks.
 * @param top Entries per row.
 * @param firstCell First cell.
 * @param endCell Cell after the last.
 */
export function cellTopKRows(space: PairSpace, plan: CellPlan, top: number, firstCell = 0, endCell = cellCount(plan)): TopKRows {
  const width = Math.min(top, Math.max(0, space.n - 1))
  const out = emptyTopKRows(width, 0, space.n)
  for (let c = firstCell; c < endCell; c++) {
    const size = plan.starts[c + 1]! - plan.starts[c]!
    const candidates = cellCandidates(plan, c)
    const lists = topKRows(candidateSpace(space, candidates), width, 0, size)
    for (let r = 0; r < size; r++) copyRow(lists, r, candidates, candidates[r]!, out)
  }
  return out
}

/**
 * The top-k list of one row under a plan (the entries {@link cellTopKRows} gives it).
 * @param space Talks.
 * @param plan Cells of the talks.
 * @param top Entries.
 * @param row Talk.
 */
export function cellTopKRow(space: PairSpace, plan: CellPlan, top: number, row: number): TopKRows {
  const width = Math.min(top, Math.max(0, space.n - 1))
  const candidates = cellCandidates(plan, plan.cellOf[row]!)
  const position = candidates.indexOf(row)
  const lists = topKRows(candidateSpace(space, candidates), width, position, position + 1)
  const out = emptyTopKRows(width, row, 1)
  copyRow(lists, 0, candidates, 0, out)
  return out
}

/**
 * Copies one row of candidate-space lists into talk-space lists.
 * @param lists Lists over the candidates.
 * @param r Row within `lists`.
 * @param candidates Talk of every candidate position.
 * @param to Position of the row in `out` (its row − `out.from`).
 * @param out Lists over the talks.
 */
function copyRow(lists: TopKRows, r: number, candidates: Int32Array, to: number, out: TopKRows): void {
  const count = lists.counts[r]!
  out.counts[to] = count
  for (let e = 0; e < count; e++) {
    out.indices[to * out.top + e] = candidates[lists.indices[r * lists.top + e]!]!
    out.scores[to * out.top + e] = lists.scores[r * lists.top + e]!
  }
}

/**
 * The pair space of some talks (their rows, vectors, co-association labels and id ranks, in
 * the given order). Scores between two of them are those of the full space, bit for bit.
 * @param space All talks.
 * @param talks Talks kept.
 */
export function candidateSpace(space: PairSpace, talks: Int32Array): PairSpace {
  const d = space.dimensions
  const vectors = gatherRows(space.vectors, d, talks)
  const matrix = permuteCsrRows(space.rows, talks)
  const tieRank = Int32Array.from(talks, (talk) => space.tieRank[talk]!)
  const { ensemble } = space
  const index = { matrix, embedding: { dimensions: d, vectors }, ...(ensemble === undefined ? {} : { ensemble: permuteEnsemble(ensemble, talks) }) }
  return pairSpace(index, transposeCsr(matrix), tieRank)
}

/**
 * Consecutive ranges of cells for `parts` threads with about the same work each (a cell
 * costs its rows × its candidates).
 * @param plan Cells.
 * @param parts Number of ranges.
 */
export function cellRanges(plan: CellPlan, parts: number): [number, number][] {
  const k = cellCount(plan)
  const work = new Float64Array(k + 1)
  for (let c = 0; c < k; c++) work[c + 1] = work[c]! + (plan.starts[c + 1]! - plan.starts[c]!) * cellCandidates(plan, c).length
  const ranges: [number, number][] = []
  let first = 0
  for (let p = 1; p <= parts; p++) {
    let end = first
    const goal = (work[k]! * p) / parts
    while (end < k && (p === parts || end === first || work[end + 1]! <= goal)) end++
    ranges.push([first, end])
    first = end
  }
  return ranges
}

/**
 * Lists of disjoint row sets joined: every row is taken from the part whose cells hold it.
 * @param plan Cells.
 * @param ranges Cell range of every part.
 * @param parts Lists of every part (all n rows, as {@link cellTopKRows} returns them).
 */
export function joinCellLists(plan: CellPlan, ranges: readonly [number, number][], parts: readonly TopKRows[]): TopKRows {
  const { top } = parts[0]!
  const out = emptyTopKRows(top, 0, plan.cellOf.length)
  const { counts, indices, scores } = out
  ranges.forEach(([first, end], p) => {
    const part = parts[p]!
    for (let x = plan.starts[first]!; x < plan.starts[end]!; x++) {
      const row = plan.members[x]!
      counts[row] = part.counts[row]!
      indices.set(part.indices.subarray(row * top, (row + 1) * top), row * top)
      scores.set(part.scores.subarray(row * top, (row + 1) * top), row * top)
    }
  })
  return out
}
