/**
 * Session planning: partitions the talks of an atlas into sessions of a fixed size with
 * alike talks, then places the sessions into time slots of parallel rooms so that sessions
 * at the same time are unlike and no speaker is in two rooms at once.
 */
import type { Atlas } from '../atlas/types.js'
import { OptionError } from '../errors.js'
import { checkInteger } from '../options.js'
import { canonicalRankingIndex } from '../similarity/rankingIndex.js'
import type { Warning } from '../types.js'
import { canonicalAtlas } from './canonicalAtlas.js'
import { resolveConstraints, type SessionConstraints } from './constraints.js'
import { labelSessions } from './labelSessions.js'
import { partitionTalks } from './partitionTalks.js'
import { scheduleSessions } from './schedule.js'
import { dominantThemes, meanParallel, meanWithin, withinSimilarities } from './sessionMeasures.js'
import { sessionVectors } from './similarityTable.js'
import { reportClashes, speakerIds } from './speakers.js'
import { partitionByGroup } from './sessionsByGroup.js'
import { scheduleTracks } from './trackSchedule.js'
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
  /**
   * Keep each session within one theme group (`atlas.groups`) and run each group as a track:
   * its sessions in one room on consecutive slots where the rooms allow (see `tracks`).
   * @default false
   */
  readonly byGroup?: boolean
}

/** Options with defaults filled in. */
export interface ResolvedSessionOptions {
  readonly size: number
  readonly parallel: number
  readonly constraints: SessionConstraints
  readonly passes: number
  readonly labelTerms: number
  readonly byGroup: boolean
}

/** Defaults of {@link SessionOptions}. */
export const defaultSessionOptions: ResolvedSessionOptions = Object.freeze({
  size: 4,
  parallel: 1,
  constraints: Object.freeze({}),
  passes: 50,
  labelTerms: 3,
  byGroup: false,
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
  /** With `byGroup`: id of the theme group (`group-1`, …) all its talks belong to. */
  readonly group?: string
}

/** With `byGroup`: a room holding one theme group for consecutive slots. */
export interface SessionTrack {
  /** Group id (`group-1`, …). */
  readonly group: string
  /** Group label. */
  readonly label: string
  /** 1-based room. */
  readonly room: number
  /** 1-based first and last slot. */
  readonly firstSlot: number
  readonly lastSlot: number
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
  /** With `byGroup`: which group each room holds when, by room then slot. */
  readonly tracks?: readonly SessionTrack[]
  /**
   * `speaker-clash` for a clash that could not be avoided, `short-sessions` when constraints
   * left more than one short session (with `byGroup`, more than one per group).
   */
  readonly warnings: readonly Warning[]
}

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
  // Planned in the atlas's canonical order: ties and greedy choices follow canonical
  // positions, so the input order cannot change the sessions.
  const atlas = canonicalAtlas(input)
  const index = new Map<string, number>()
  atlas.talks.forEach((talk, i) => index.set(talk.id, i))
  const nSessions = Math.ceil(n / resolved.size)
  const constraints = resolveConstraints(resolved.constraints, index, resolved.size, nSessions)

  // Talks are compared as related talks compares them (topicality weights, co-association);
  // an index related talks already built for this atlas is reused (the CLI report asks for both).
  const ranking = canonicalRankingIndex(input)
  const byGroup = resolved.byGroup ? partitionByGroup(atlas, ranking, constraints, resolved) : undefined
  const groups = byGroup?.sessions ?? partitionTalks(atlas, ranking, constraints, resolved)
  const vectors = sessionVectors(ranking, groups)
  const topic = dominantThemes(atlas.assignments, groups)
  const speakers = speakerIds(atlas, groups)
  const tracked = byGroup === undefined ? undefined : scheduleTracks(byGroup.group, topic, resolved.parallel)
  const schedule = tracked ?? scheduleSessions({ vectors, speakers, topic, parallel: resolved.parallel, passes: resolved.passes })
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
    ...(byGroup === undefined ? {} : { group: atlas.groups[byGroup.group[s]!]!.id }),
  }))
  const warnings: Warning[] = []
  const speakerClashes = reportClashes(atlas, groups, order, schedule.slot, sessions, warnings)
  const remainder = findRemainder(sessions, n, resolved.size, byGroup === undefined ? 1 : atlas.groups.length, warnings)
  const objective: SessionObjective = {
    meanWithinSimilarity: round(meanWithin(sessions), 6),
    meanParallelSimilarity: meanParallel(vectors, schedule.slot, schedule.nSlots),
    speakerClashes,
  }
  const tracks = tracked !== undefined
    ? tracked.runs.map((run) => ({ group: atlas.groups[run.group]!.id, label: atlas.groups[run.group]!.label, room: run.room + 1, firstSlot: run.firstSlot + 1, lastSlot: run.lastSlot + 1 }))
    : undefined
  return { sessions, remainder, objective, ...(tracks === undefined ? {} : { tracks }), warnings }
}

/**
 * Fills in defaults and validates options.
 * @param options Options as given.
 * @throws OptionError on a value outside its range.
 */
export function resolveSessionOptions(options: SessionOptions = {}): ResolvedSessionOptions {
  const resolved = { ...defaultSessionOptions, ...withoutUndefined(options) }
  checkInteger('groupSessions', 'size', resolved.size, 1, MAX_SESSION_SIZE)
  checkInteger('groupSessions', 'parallel', resolved.parallel, 1, MAX_PARALLEL)
  checkInteger('groupSessions', 'passes', resolved.passes, 0, Number.MAX_SAFE_INTEGER)
  checkInteger('groupSessions', 'labelTerms', resolved.labelTerms, 1, 10)
  if (typeof resolved.byGroup !== 'boolean') throw new OptionError('groupSessions', 'byGroup', resolved.byGroup, 'a boolean')
  if (resolved.constraints === null || typeof resolved.constraints !== 'object' || Array.isArray(resolved.constraints)) {
    throw new OptionError('groupSessions', 'constraints', resolved.constraints, 'an object { together?, apart? }')
  }
  return resolved
}

function withoutUndefined(options: SessionOptions): SessionOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}

function emptyResult(): SessionsResult {
  return { sessions: [], remainder: null, objective: { meanWithinSimilarity: 0, meanParallelSimilarity: null, speakerClashes: 0 }, warnings: [] }
}

/** The shorter session; warns when constraints left more than `expected` (one, or one per group). */
function findRemainder(sessions: readonly Session[], n: number, size: number, allowed: number, warnings: Warning[]): SessionRemainder | null {
  const short = sessions.filter((session) => session.talks.length < size)
  if (short.length === 0) return null
  if (short.length > allowed) {
    warnings.push({
      code: 'short-sessions',
      message: `sessions: the constraints left ${short.length} sessions shorter than size=${size} (${short.map((s) => `${s.id}: ${s.talks.length}`).join(', ')}); ${allowed > 1 ? `at most one per group (${allowed})` : n % size === 0 ? 'none' : 'one'} was expected`,
      talkIds: short.flatMap((s) => s.talks),
    })
  }
  const expected = short.find((session) => session.talks.length === n % size) ?? short[0]!
  return { sessionId: expected.id, size: expected.talks.length }
}
