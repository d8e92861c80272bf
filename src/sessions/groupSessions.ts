/**
 * Session planning: partitions the talks of an atlas into sessions of a fixed size with
 * alike talks, then places the sessions into time slots of parallel rooms so that sessions
 * at the same time are unlike and no speaker is in two rooms at once.
 */
import type { Atlas } from '../atlas/types.js'
import { OptionError } from '../errors.js'
import { checkInteger } from '../options.js'
import { COASSOCIATION_SHARE, TFIDF_SHARE } from '../similarity/cosine.js'
import { permuteRankingIndex, rankingIndex, type RankingIndex } from '../similarity/rankingIndex.js'
import { canonicalOrder } from '../atlas/canonicalOrder.js'
import type { Warning } from '../types.js'
import { canonicalAtlas } from './canonicalAtlas.js'
import { resolveConstraints, type ResolvedConstraints, type SessionConstraints } from './constraints.js'
import { labelSessions } from './labelSessions.js'
import { partitionBlock } from './partition.js'
import { scheduleSessions } from './schedule.js'
import { sessionCoAssociation, sessionSimilarity, sessionVectors, talkSimilarityTable, type SessionVectors } from './similarityTable.js'
import { round } from '../util/round.js'

export type { SessionConstraints } from './constraints.js'

/** Largest `parallel`, as on the command line. */
export const MAX_PARALLEL = 100_000

/** Options of {@link groupSessions}. */
export interface SessionOptions {
  /** Talks per session; the talks left over form one shorter session. @default 4 */
  readonly size?: number
  /** Rooms running at the same time (at most 100,000); sessions are placed into slots of this many rooms. @default 1 */
  readonly parallel?: number
  /** Talks that must or must not share a session. @default {} */
  readonly constraints?: SessionConstraints
  /** Maximum local-search passes (talk swaps, then session swaps between slots). @default 50 */
  readonly passes?: number
  /** Terms in a session label. @default 3 */
  readonly labelTerms?: number
}

/** Options with defaults filled in. */
export interface ResolvedSessionOptions {
  readonly size: number
  readonly parallel: number
  readonly constraints: SessionConstraints
  readonly passes: number
  readonly labelTerms: number
}

/** Defaults of {@link SessionOptions}. */
export const defaultSessionOptions: ResolvedSessionOptions = Object.freeze({
  size: 4,
  parallel: 1,
  constraints: Object.freeze({}),
  passes: 50,
  labelTerms: 3,
})

/** Largest allowed session size. */
export const MAX_SESSION_SIZE = 1000

/** A session: alike talks in one room, one after the other. */
export interface Session {
  /** `session-1`, … in schedule order (slot, then room). */
  readonly id: string
  /** The session's most distinctive shared terms, e.g. `XDP · AF_XDP · zero-copy`. */
  readonly label: string
  /** Talk ids, in canonical order (title, then abstract, then id), whatever the input order. */
  readonly talks: readonly string[]
  /**
   * Mean similarity of the session's talk pairs as related talks score them (blended cosine,
   * and a third co-association when the atlas has consensus runs); 1 for a single talk; 6 decimals.
   */
  readonly similarity: number
  /** 1-based time slot; sessions of one slot run at the same time. */
  readonly slot: number
  /** 1-based room within the slot. */
  readonly room: number
}

/** The one session shorter than `size`, when the talks do not divide evenly. */
export interface SessionRemainder {
  readonly sessionId: string
  readonly size: number
}

/** How good the plan is. */
export interface SessionObjective {
  /** Mean of `similarity` over the sessions with two talks or more (higher is better). */
  readonly meanWithinSimilarity: number
  /**
   * Mean similarity of two sessions in the same slot (lower is better): the blended cosine of
   * their talks, without co-association; null without parallel sessions.
   */
  readonly meanParallelSimilarity: number | null
  /** Times a speaker is in two sessions of one slot (each extra session counts once); 0 unless unavoidable. */
  readonly speakerClashes: number
}

/** Result of {@link groupSessions}. */
export interface SessionsResult {
  /** Sessions in schedule order. */
  readonly sessions: readonly Session[]
  /** The shorter session, or null when every session has `size` talks. */
  readonly remainder: SessionRemainder | null
  readonly objective: SessionObjective
  /** `speaker-clash` for a clash that could not be avoided, `short-sessions` when constraints left more than one short session. */
  readonly warnings: readonly Warning[]
}

/**
 * Talks per block partitioned with a dense similarity table (about 16 MB). Larger corpora are
 * cut into blocks of talks ordered by theme and typicality; what each block leaves over is
 * partitioned once more at the end.
 */
const BLOCK_TALKS = 2000

/**
 * Groups the talks of an atlas into sessions of `size` alike talks and schedules them into
 * slots of `parallel` rooms.
 *
 * @param atlas A built or loaded atlas.
 * @param options See {@link SessionOptions}.
 * @throws OptionError on an option outside its range or on constraints that cannot hold.
 * @throws InputError on a constraint naming an unknown talk id.
 */
export function groupSessions(input: Atlas, options: SessionOptions = {}): SessionsResult {
  const resolved = resolveSessionOptions(options)
  const n = input.talks.length
  if (n === 0) {
    resolveConstraints(resolved.constraints, new Map(), resolved.size, 0)
    return emptyResult()
  }
  // Planned in canonical order: ties and greedy choices follow canonical positions, so the
  // input order cannot change the sessions.
  const canonical = canonicalOrder(input.talks)
  const atlas = canonicalAtlas(input, canonical)
  const index = new Map<string, number>()
  atlas.talks.forEach((talk, i) => index.set(talk.id, i))
  const nSessions = Math.ceil(n / resolved.size)
  const constraints = resolveConstraints(resolved.constraints, index, resolved.size, nSessions)

  // Talks are compared as related talks compares them (topicality weights, co-association);
  // the input atlas's index is shared with related talks (the CLI report asks for both).
  const ranking = permuteRankingIndex(rankingIndex(input), canonical)
  const groups = partitionTalks(atlas, ranking, constraints, resolved)
  const vectors = sessionVectors(ranking, groups)
  const topic = dominantThemes(atlas.assignments, groups)
  const speakers = speakerIds(atlas, groups)
  const schedule = scheduleSessions({ vectors, speakers, topic, parallel: resolved.parallel, passes: resolved.passes })
  const order = groups.map((_, s) => s).sort((a, b) => schedule.slot[a] - schedule.slot[b] || schedule.room[a] - schedule.room[b])
  const labels = labelSessions(atlas.matrix, atlas.model, groups, resolved.labelTerms)
  const within = withinSimilarities(ranking, vectors, groups)
  const sessions: Session[] = order.map((s, rank) => ({
    id: `session-${rank + 1}`,
    label: labels[s],
    talks: Array.from(groups[s], (i) => atlas.talks[i]!.id),
    similarity: round(within[s], 6),
    slot: schedule.slot[s] + 1,
    room: schedule.room[s] + 1,
  }))
  const warnings: Warning[] = []
  const speakerClashes = reportClashes(atlas, groups, order, schedule.slot, sessions, warnings)
  const remainder = findRemainder(sessions, n, resolved.size, warnings)
  const objective: SessionObjective = {
    meanWithinSimilarity: round(meanWithin(sessions), 6),
    meanParallelSimilarity: meanParallel(vectors, schedule.slot, schedule.nSlots),
    speakerClashes,
  }
  return { sessions, remainder, objective, warnings }
}

/**
 * Fills in defaults and validates options.
 * @param options Options as given.
 * @throws OptionError on a value outside its range.
 */
export function resolveSessionOptions(options: SessionOptions = {}): ResolvedSessionOptions {
  const resolved = { ...defaultSessionOptions, ...withoutUndefined(options) }
  checkInteger('sessions', 'size', resolved.size, 1, MAX_SESSION_SIZE)
  checkInteger('sessions', 'parallel', resolved.parallel, 1, MAX_PARALLEL)
  checkInteger('sessions', 'passes', resolved.passes, 0, Number.MAX_SAFE_INTEGER)
  checkInteger('sessions', 'labelTerms', resolved.labelTerms, 1, 10)
  if (resolved.constraints === null || typeof resolved.constraints !== 'object' || Array.isArray(resolved.constraints)) {
    throw new OptionError('sessions', 'constraints', resolved.constraints, 'an object { together?, apart? }')
  }
  return resolved
}

function withoutUndefined(options: SessionOptions): SessionOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}

function emptyResult(): SessionsResult {
  return { sessions: [], remainder: null, objective: { meanWithinSimilarity: 0, meanParallelSimilarity: null, speakerClashes: 0 }, warnings: [] }
}

// ---------------------------------------------------------------------------- partition

/** Talk indices of every session: full sessions first, shorter ones last. */
function partitionTalks(atlas: Atlas, ranking: RankingIndex, constraints: ResolvedConstraints, options: ResolvedSessionOptions): Int32Array[] {
  const n = atlas.talks.length
  const allUnits = constraints.units.map((_, u) => u)
  if (n <= BLOCK_TALKS) return solveBlock(ranking, constraints, allUnits, options)
  const full: Int32Array[] = []
  for (const block of cutBlocks(atlas, constraints, options.size)) {
    for (const session of solveBlock(ranking, constraints, block, options)) {
      if (session.length === options.size) full.push(session)
    }
  }
  // What the blocks left over (their short sessions, whole units) is partitioned together.
  return [...full, ...solveBlock(ranking, constraints, leftOverUnits(constraints, full, n), options)]
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
function cutBlocks(atlas: Atlas, constraints: ResolvedConstraints, size: number): number[][] {
  const index = new Map<string, number>()
  atlas.talks.forEach((talk, i) => index.set(talk.id, i))
  const seen = new Uint8Array(constraints.units.length)
  const ordered: number[] = []
  const visit = (i: number) => {
    const u = constraints.unitOf[i]
    if (seen[u] === 0) {
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
function solveBlock(ranking: RankingIndex, constraints: ResolvedConstraints, unitIds: readonly number[], options: ResolvedSessionOptions): Int32Array[] {
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

// ---------------------------------------------------------------------------- measures

/**
 * Mean pair similarity inside each session: the blend from the mean vectors, minus the talks'
 * self-products, and with consensus runs the mean co-association of the pairs.
 */
function withinSimilarities(ranking: RankingIndex, vectors: SessionVectors, groups: readonly Int32Array[]): Float64Array {
  const { matrix, ensemble } = ranking
  const { dimensions: d, vectors: lsa } = ranking.embedding
  const coAssociation = ensemble === undefined ? null : sessionCoAssociation(ensemble, matrix.nRows, groups)
  const out = new Float64Array(groups.length)
  groups.forEach((members, s) => {
    const k = members.length
    if (k < 2) {
      out[s] = 1
      return
    }
    let self = 0
    for (let t = 0; t < k; t++) {
      const i = members[t]
      let sparse = 0
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) sparse += matrix.data[p] * matrix.data[p]
      let dense = 0
      for (let c = 0; c < d; c++) dense += lsa[i * d + c] * lsa[i * d + c]
      self += TFIDF_SHARE * sparse + (1 - TFIDF_SHARE) * dense
    }
    // k² · |mean|² = Σ_i Σ_j v_i · v_j = Σ_i |v_i|² + 2 Σ_{pairs} v_i · v_j
    const cosine = (k * k * sessionSimilarity(vectors, s, s) - self) / (k * (k - 1))
    out[s] = coAssociation === null ? cosine : (1 - COASSOCIATION_SHARE) * cosine + (COASSOCIATION_SHARE * 2 * coAssociation[s]) / (k * (k - 1))
  })
  return out
}

function meanWithin(sessions: readonly Session[]): number {
  let total = 0
  let count = 0
  for (const session of sessions) {
    if (session.talks.length < 2) continue
    total += session.similarity
    count++
  }
  return count === 0 ? 0 : total / count
}

/** Mean similarity of two sessions in the same slot; null when no slot has two. */
function meanParallel(vectors: SessionVectors, slot: Int32Array, nSlots: number): number | null {
  const bySlot: number[][] = Array.from({ length: nSlots }, () => [])
  for (let s = 0; s < slot.length; s++) bySlot[slot[s]].push(s)
  let total = 0
  let count = 0
  for (const members of bySlot) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        total += sessionSimilarity(vectors, members[x], members[y])
        count++
      }
    }
  }
  return count === 0 ? null : round(total / count, 6)
}

/** Theme most talks of each session belong to (ties: lower theme index). */
function dominantThemes(assignments: Int32Array, groups: readonly Int32Array[]): Int32Array {
  return Int32Array.from(groups, (members) => {
    const counts = new Map<number, number>()
    let best = -1
    let bestCount = 0
    for (let t = 0; t < members.length; t++) {
      const theme = assignments[members[t]]
      const count = (counts.get(theme) ?? 0) + 1
      counts.set(theme, count)
      if (count > bestCount || (count === bestCount && theme < best)) {
        best = theme
        bestCount = count
      }
    }
    return best
  })
}

// ---------------------------------------------------------------------------- speakers

/** A speaker's name as a key: trimmed, inner whitespace collapsed, case folded. */
function speakerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Speakers of a talk, as given in its `speakers` field (non-string entries ignored). */
function talkSpeakers(atlas: Atlas, i: number): string[] {
  const speakers = atlas.talks[i]!.speakers
  if (!Array.isArray(speakers)) return []
  return speakers.filter((name): name is string => typeof name === 'string' && name.trim() !== '')
}

/** Speaker ids of every session, ascending and unique. */
function speakerIds(atlas: Atlas, groups: readonly Int32Array[]): Int32Array[] {
  const ids = new Map<string, number>()
  return groups.map((members) => {
    const set = new Set<number>()
    for (const i of members) {
      for (const name of talkSpeakers(atlas, i)) {
        const key = speakerKey(name)
        let id = ids.get(key)
        if (id === undefined) {
          id = ids.size
          ids.set(key, id)
        }
        set.add(id)
      }
    }
    return Int32Array.from([...set].sort((a, b) => a - b))
  })
}

/**
 * Counts speaker clashes (a speaker in k > 1 sessions of a slot counts k − 1) and warns once
 * per speaker and slot.
 */
function reportClashes(
  atlas: Atlas,
  groups: readonly Int32Array[],
  order: readonly number[],
  slot: Int32Array,
  sessions: readonly Session[],
  warnings: Warning[],
): number {
  // speaker key + slot → { name, sessions (output positions), talk ids }
  const seen = new Map<string, { name: string; slot: number; sessions: number[]; talks: number[] }>()
  order.forEach((s, position) => {
    for (const i of groups[s]) {
      for (const name of talkSpeakers(atlas, i)) {
        const key = `${slot[s]}\u0000${speakerKey(name)}`
        let entry = seen.get(key)
        if (entry === undefined) {
          entry = { name: name.trim(), slot: slot[s] + 1, sessions: [], talks: [] }
          seen.set(key, entry)
        }
        if (!entry.sessions.includes(position)) entry.sessions.push(position)
        entry.talks.push(i)
      }
    }
  })
  let clashes = 0
  for (const entry of seen.values()) {
    if (entry.sessions.length < 2) continue
    clashes += entry.sessions.length - 1
    const ids = entry.sessions.map((position) => sessions[position]!.id).join(', ')
    warnings.push({
      code: 'speaker-clash',
      message: `sessions: speaker ${JSON.stringify(entry.name)} is in ${entry.sessions.length} sessions of slot ${entry.slot} (${ids}); no clash-free schedule was found`,
      talkIds: entry.talks.sort((a, b) => a - b).map((i) => atlas.talks[i]!.id),
    })
  }
  return clashes
}

/** The shorter session; warns when constraints left more than one. */
function findRemainder(sessions: readonly Session[], n: number, size: number, warnings: Warning[]): SessionRemainder | null {
  const short = sessions.filter((session) => session.talks.length < size)
  if (short.length === 0) return null
  if (short.length > 1) {
    warnings.push({
      code: 'short-sessions',
      message: `sessions: the constraints left ${short.length} sessions shorter than size=${size} (${short.map((s) => `${s.id}: ${s.talks.length}`).join(', ')}); ${n % size === 0 ? 'none' : 'one'} was expected`,
      talkIds: short.flatMap((s) => s.talks),
    })
  }
  const expected = short.find((session) => session.talks.length === n % size) ?? short[0]!
  return { sessionId: expected.id, size: expected.talks.length }
}
