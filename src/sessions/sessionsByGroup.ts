/**
 * Sessions that stay within one theme group (track): the talks of each group are partitioned
 * on their own, so a session never mixes groups.
 */
import { groupOfTheme } from '../atlas/themeGroups.js'
import type { Atlas } from '../atlas/types.js'
import type { RankingIndex } from '../similarity/rankingIndex.js'
import type { ResolvedConstraints } from './constraints.js'
import { partitionTalks } from './partitionTalks.js'

/** Sessions of every group, and the group of each. */
export interface GroupPartition {
  /** Talk indices of every session, group after group. */
  readonly sessions: Int32Array[]
  /** Index into `atlas.groups` of each session. */
  readonly group: Int32Array
}

/**
 * Partitions each group's talks into sessions. Talks that must share a session (`together`)
 * go with the group of the first of them in canonical order: the constraint wins over the group.
 * @param atlas Atlas in canonical order.
 * @param ranking Its ranking index.
 * @param constraints Resolved constraints.
 * @param options Session size and passes.
 */
export function partitionByGroup(atlas: Atlas, ranking: RankingIndex, constraints: ResolvedConstraints, options: { readonly size: number; readonly passes: number }): GroupPartition {
  const groupOf = groupOfTheme(atlas)
  const unitsOf: number[][] = atlas.groups.map(() => [])
  constraints.units.forEach((unit, u) => unitsOf[groupOf[atlas.assignments[unit[0]!]!]!]!.push(u))
  const sessions: Int32Array[] = []
  const group: number[] = []
  unitsOf.forEach((units, g) => {
    for (const session of partitionTalks(atlas, ranking, constraints, options, units)) {
      sessions.push(session)
      group.push(g)
    }
  })
  return { sessions, group: Int32Array.from(group) }
}
