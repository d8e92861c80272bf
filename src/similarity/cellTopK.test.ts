import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { generateCorpus } from '../eval/synthetic.js'
import type { CsrMatrix, Talk } from '../types.js'
import { pairSpace, topKRows, type PairSpace, type TopKRows } from './allPairsTopK.js'
import { candidateCells, cellCandidates, cellCount, MAX_RELATED_TOP } from './candidateCells.js'
import { cellRanges, cellTopKRow, cellTopKRows, joinCellLists } from './cellTopK.js'
import { APPROXIMATE_MIN_TALKS, atlasPairSpace, relatedIndex, searchesApproximately } from './relatedIndex.js'
import { relatedTalks } from './relatedTalks.js'
import { transposeCsr } from '../vectorize/csr.js'
import { createRandom } from '../random.js'

const talks: Talk[] = generateCorpus({ talks: 400, seed: 5, topics: 10, vocabulary: 1500, wordsPerAbstract: 40 }).map((talk, i) => ({
  id: `t${(i * 7919) % 400}`,
  title: talk.title,
  abstract: talk.abstract,
}))
const atlas = buildAtlas(talks, { seed: 1, k: 10, restarts: 3 })
const space = atlasPairSpace(atlas)

/** The entries of one row as (talk id, score) pairs. */
function row(lists: TopKRows, r: number): { id: string; score: number }[] {
  const out: { id: string; score: number }[] = []
  const at = (r - lists.from) * lists.top
  for (let e = 0; e < lists.counts[r - lists.from]!; e++) out.push({ id: atlas.talks[lists.indices[at + e]!]!.id, score: lists.scores[at + e]! })
  return out
}

describe('candidateCells(space, assignments, options)', () => {
  it('puts every talk in exactly one cell of at most maxTalks talks, splitting themes that are larger', () => {
    const plan = candidateCells(space, atlas.assignments, { maxTalks: 25 })
    expect(cellCount(plan)).toBeGreaterThan(atlas.themes.length)
    const seen = new Uint8Array(space.n)
    for (let c = 0; c < cellCount(plan); c++) {
      expect(plan.starts[c + 1]! - plan.starts[c]!).toBeLessThanOrEqual(25)
      for (let x = plan.starts[c]!; x < plan.starts[c + 1]!; x++) {
        const talk = plan.members[x]!
        seen[talk]!++
        expect(plan.cellOf[talk]).toBe(c)
        // A cell is part of one theme.
        expect(atlas.assignments[talk]).toBe(atlas.assignments[plan.members[plan.starts[c]!]!])
      }
    }
    expect(Array.from(seen).every((count) => count === 1)).toBe(true)
  })

  it('searches a cell, its nearest cells, and more until there are more than MAX_RELATED_TOP talks', () => {
    const plan = candidateCells(space, atlas.assignments, { probes: 1, maxTalks: 10 })
    for (let c = 0; c < cellCount(plan); c++) {
      const candidates = cellCandidates(plan, c)
      expect(candidates.length).toBeGreaterThan(MAX_RELATED_TOP)
      expect(new Set(candidates).size).toBe(candidates.length)
      expect(Array.from(candidates.subarray(0, plan.starts[c + 1]! - plan.starts[c]!))).toEqual(Array.from(plan.members.subarray(plan.starts[c], plan.starts[c + 1])))
    }
  })
})

describe('cellTopKRows(space, plan, top)', () => {
  it('equals the exact search, scores bit for bit, when the cells searched hold every talk', () => {
    const plan = candidateCells(space, atlas.assignments, { probes: 1000 })
    const exact = topKRows(space, 7, 0, space.n)
    const cells = cellTopKRows(space, plan, 7)
    for (let r = 0; r < space.n; r++) expect(row(cells, r), `row ${r}`).toEqual(row(exact, r))
  })

  it('finds the exact related talks of most rows with few cells, and only talks of the cells searched', () => {
    const plan = candidateCells(space, atlas.assignments, { probes: 2, maxTalks: 20 })
    const exact = topKRows(space, 5, 0, space.n)
    const cells = cellTopKRows(space, plan, 5)
    let found = 0
    for (let r = 0; r < space.n; r++) {
      const candidates = new Set(cellCandidates(plan, plan.cellOf[r]!))
      const got = row(cells, r)
      expect(got.length).toBe(5)
      for (let e = 0; e < 5; e++) expect(candidates.has(cells.indices[r * 5 + e]!)).toBe(true)
      const ids = new Set(got.map((entry) => entry.id))
      for (const entry of row(exact, r)) if (ids.has(entry.id)) found++
    }
    expect(found / (5 * space.n)).toBeGreaterThan(0.8)
  })

  it('gives the same lists for one row, for any split of the cells over threads, and for a larger top', () => {
    const plan = candidateCells(space, atlas.assignments, { probes: 2, maxTalks: 30 })
    const all = cellTopKRows(space, plan, 5)
    for (const parts of [2, 3, 7]) {
      const ranges = cellRanges(plan, parts)
      expect(ranges.length).toBe(parts)
      expect(ranges[parts - 1]![1]).toBe(cellCount(plan))
      const joined = joinCellLists(plan, ranges, ranges.map(([from, to]) => cellTopKRows(space, plan, 5, from, to)))
      expect(joined).toEqual(all)
    }
    const longer = cellTopKRows(space, plan, 9)
    for (const r of [0, 17, 399]) {
      expect(row(cellTopKRow(space, plan, 5, r), r)).toEqual(row(all, r))
      expect(row(longer, r).slice(0, 5)).toEqual(row(all, r))
    }
  })

  it('does not depend on the input order', () => {
    const shuffled = [...talks].reverse()
    const again = buildAtlas(shuffled, { seed: 1, k: 10, restarts: 3 })
    const forced = { top: 5, approximate: true }
    const a = relatedIndex(atlas, forced)
    const b = relatedIndex(again, forced)
    const lists = (lists: TopKRows, owner: typeof atlas) => new Map(owner.talks.map((talk, r) => [talk.id, Array.from(lists.indices.subarray(r * 5, r * 5 + lists.counts[r]!), (j) => owner.talks[j]!.id)]))
    expect(lists(b, again)).toEqual(lists(a, atlas))
  })
})

describe('relatedIndex(atlas) and relatedTalks below and above APPROXIMATE_MIN_TALKS', () => {
  it('searches exactly below the threshold, so that small conferences keep their lists', () => {
    expect(searchesApproximately(atlas)).toBe(false)
    expect(APPROXIMATE_MIN_TALKS).toBeGreaterThan(space.n)
    const exact = topKRows(space, 5, 0, space.n)
    expect(relatedIndex(buildAtlas(talks, { seed: 1, k: 10, restarts: 3 }))).toEqual(exact)
    expect(relatedTalks(atlas, 't3').map((r) => r.id)).toEqual(row(exact, atlas.talks.findIndex((t) => t.id === 't3')).map((r) => r.id))
  })
})

/**
 * A pair space of n random talks in themes of about 50 (sparse rows of 20 terms over 2,000,
 * 32 dimensions), without building an atlas.
 */
function randomSpace(n: number, seed: number): { space: PairSpace; assignments: Int32Array } {
  const generator = createRandom(seed)
  const random = (): number => generator.next()
  const d = 32
  const vectors = new Float32Array(n * d)
  const assignments = new Int32Array(n)
  const themes = Math.ceil(n / 50)
  const indptr = new Int32Array(n + 1)
  const indices = new Int32Array(n * 20)
  const data = new Float32Array(n * 20).fill(Math.sqrt(1 / 20))
  for (let i = 0; i < n; i++) {
    assignments[i] = Math.floor(random() * themes)
    let norm = 0
    for (let c = 0; c < d; c++) {
      const x = (c === assignments[i]! % d ? 3 : 0) + random() - 0.5
      vectors[i * d + c] = x
      norm += x * x
    }
    for (let c = 0; c < d; c++) vectors[i * d + c] /= Math.sqrt(norm)
    const terms = new Set<number>()
    while (terms.size < 20) terms.add(Math.floor(random() * 2000))
    indices.set([...terms].sort((a, b) => a - b), i * 20)
    indptr[i + 1] = (i + 1) * 20
  }
  const matrix: CsrMatrix = { nRows: n, nCols: 2000, indptr, indices, data }
  const tieRank = Int32Array.from({ length: n }, (_, i) => i)
  return { space: pairSpace({ matrix, embedding: { dimensions: d, vectors } }, transposeCsr(matrix), tieRank), assignments }
}

/** Fastest of three runs of the cell search of every row, in ms. */
function searchTime(n: number): number {
  const { space, assignments } = randomSpace(n, n)
  let best = Infinity
  for (let run = 0; run < 3; run++) {
    const started = performance.now()
    cellTopKRows(space, candidateCells(space, assignments), 5)
    best = Math.min(best, performance.now() - started)
  }
  return best
}

describe('cellTopKRows time', () => {
  it('grows about linearly: 4 × the talks take well under 16 × (quadratic) the time', () => {
    searchTime(300)
    const ratio = searchTime(6000) / searchTime(1500)
    // Linear is 4; the bound leaves room for a busy machine and still fails a quadratic search.
    expect(ratio).toBeLessThan(9)
  }, 180_000)
})
