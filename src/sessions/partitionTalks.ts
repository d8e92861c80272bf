/**
 * The talks of an atlas cut into sessions of alike talks: one dense partition up to
 * BLOCK_TALKS talks, above that blocks of talks ordered by theme, then what the blocks left.
 */
import type { Atlas } from '../atlas/types.js'
import type { RankingIndex } from '../similarity/rankingIndex.js'
import type { ResolvedConstraints } from './constraints.js'
import { partitionBlock } from './partition.js'
import { talkSimilarityTable } from './similarityTable.js'

/**
 * Talks per block partitioned with a dense similarity table (about 16 MB). Larger corpora are
 * cut into blocks of talks ordered by theme and typicality; what each block leaves over is
 * partitioned once more at the end.
 */
const BLOCK_TALKS = 2000

/** What partitioning reads of the session options. */
interface PartitionOptions {
  readonly size: number
  readonly passes: number
}

/**
 * Talk indices of every session: full sessions first, shorter ones last.
 * @param atlas Atlas in canonical order.
 * @param ranking Its ranking index.
 * @param constraints Resolved constraints (units of talks kept together).
 * @param options Session size and passes.
 * @param unitIds The units to partition, ascending (default: all).
 */
export function partitionTalks(
  atlas: Atlas, ranking: RankingIndex, constraints: ResolvedConstraints, options: PartitionOptions,
  unitIds: readonly number[] = constraints.units.map((_, u) => u),
): Int32Array[] {
  const n = atlas.talks.length
  let talks = 0
  for (const u of unitIds) talks += constraints.units[u]!.length
  if (talks <= BLOCK_TALKS) return solveBlock(ranking, constraints, unitIds, options)
  const wanted = new Uint8Array(constraints.units.length)
  for (const u of unitIds) wanted[u] = 1
  const full: Int32Array[] = []
  for (const block of cutBlocks(atlas, constraints, options.size, wanted)) {
    for (const session of solveBlock(ranking, constraints, block, options)) {
      if (session.length === options.size) full.push(session)
    }
  }
  // What the blocks left over (their short sessions, whole units) is partitioned together.
  return [...full, ...solveBlock(ranking, constraints, leftOverUnits(constraints, full, n).filter((u) => wanted[u] === 1), options)]
}

/** Units not placed in any full session, ascending. */
function leftOverUnits(constraints: ResolvedConstraints, full: readonly Int32Array[], n: number): number[] {
  const placed = new Uint8Array(n)
  for (const session of full) for (let t = 0; t < session.length; t++) placed[session[t]] = 1
  const units: number[] = []
  for (let i = 0; i < n; i++) if (placed[i] === 0 && constraints.units[constraints.unitOf[i]][0] === i) units.push(constraints.unitOf[i])
  return units
}

/**
 * Units ordered by theme (atlas order) and typicality within the theme, cut into blocks of
 * about BLOCK_TALKS talks, a multiple of `size` where units allow.
 */
function cutBlocks(atlas: Atlas, constraints: ResolvedConstraints, size: number, wanted: Uint8Array): number[][] {
  const index = new Map<string, number>()
  atlas.talks.forEach((talk, i) => index.set(talk.id, i))
  const seen = new Uint8Array(constraints.units.length)
  const ordered: number[] = []
  const visit = (i: number) => {
    const u = constraints.unitOf[i]
    if (seen[u] === 0 && wanted[u] === 1) {
      seen[u] = 1
      ordered.push(u)
    }
  }
  for (const theme of atlas.themes) for (const member of theme.talks) visit(index.get(member.id)!)
  for (let i = 0; i < atlas.talks.length; i++) visit(i)
  const target = Math.max(size, Math.floor(BLOCK_TALKS / size) * size)
  const blocks: number[][] = []
  let block: number[] = []
  let count = 0
  for (const u of ordered) {
    const length = constraints.units[u].length
    if (count + length > target) {
      blocks.push(block)
      block = []
      count = 0
    }
    block.push(u)
    count += length
  }
  if (block.length > 0) blocks.push(block)
  return blocks
}

/** Partitions the talks of some units with a dense similarity table. */
function solveBlock(ranking: RankingIndex, constraints: ResolvedConstraints, unitIds: readonly number[], options: PartitionOptions): Int32Array[] {
  const rows: number[] = []
  for (const u of unitIds) for (const i of constraints.units[u]) rows.push(i)
  if (rows.length === 0) return []
  const global = Int32Array.from(rows)
  const local = new Map<number, number>()
  global.forEach((i, a) => local.set(i, a))
  const units = unitIds.map((u) => Int32Array.from(constraints.units[u], (i) => local.get(i)!))
  const apartOf = Array.from(global, (i) => {
    const partners: number[] = []
    for (const other of constraints.apartOf[i]) {
      const a = local.get(other)
      if (a !== undefined) partners.push(a)
    }
    return partners
  })
  const table = talkSimilarityTable(ranking, global)
  const { sessions } = partitionBlock({ table, m: global.length, size: options.size, units, apartOf, passes: options.passes })
  return sessions.map((session) => Int32Array.from(session, (a) => global[a]).sort())
}
