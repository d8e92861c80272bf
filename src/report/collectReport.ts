/**
 * The data both report renderers show, gathered once from an atlas and the optional tags
 * and sessions: talks with their theme, tags, related talks and session; themes with their
 * colour; sessions arranged by slot and room.
 */
import { themeColors, UNCLASSIFIED_COLOR } from './themeColors.js'
import { groupOfTheme } from '../atlas/themeGroups.js'
import type { Atlas } from '../atlas/types.js'
import { UNCLASSIFIED_THEME_ID } from '../atlas/unclassified.js'
import { OptionError } from '../errors.js'
import type { TopKRows } from '../similarity/allPairsTopK.js'
import { relatedIndex } from '../similarity/relatedIndex.js'
import { MAX_RELATED_TOP, relatedFromIndex } from '../similarity/relatedTalks.js'
import type { ReportOptions, ReportSession, ReportSessions, ReportTag, ReportTags } from './types.js'

/** A related talk, by position. */
export interface CollectedRelated {
  readonly index: number
  readonly score: number
  readonly terms: readonly string[]
}

/** A talk as the report shows it. */
export interface CollectedTalk {
  readonly index: number
  readonly id: string
  readonly title: string
  readonly abstract: string
  readonly speakers: readonly string[]
  /** Index into {@link CollectedReport.themes}. */
  readonly theme: number
  readonly tags: readonly ReportTag[]
  readonly related: readonly CollectedRelated[]
  /** Index into {@link CollectedReport.sessions}, or -1. */
  readonly session: number
}

/** A theme as the report shows it. */
export interface CollectedTheme {
  readonly index: number
  readonly id: string
  readonly label: string
  readonly keywords: readonly string[]
  /** Members by position, most typical first. */
  readonly members: readonly { readonly index: number; readonly score: number }[]
  /** CSS colour. */
  readonly color: string
  /** Index into {@link CollectedReport.groups}. */
  readonly group: number
}

/** A theme group (track) as the report shows it. */
export interface CollectedGroup {
  readonly index: number
  readonly id: string
  readonly label: string
  readonly keywords: readonly string[]
  /** Indices into {@link CollectedReport.themes}, largest first. */
  readonly themes: readonly number[]
  /** Talks in its themes. */
  readonly size: number
}

/** A session with its talks resolved to positions (-1 for an id not in the atlas). */
export interface CollectedSession {
  readonly id: string
  readonly label: string
  readonly talks: readonly { readonly id: string; readonly index: number }[]
  /** Index into {@link CollectedReport.slots}. */
  readonly slot: number
  /** Index into {@link CollectedReport.rooms}. */
  readonly room: number
}

/** Everything a renderer needs. */
export interface CollectedReport {
  readonly title: string
  readonly talks: readonly CollectedTalk[]
  readonly themes: readonly CollectedTheme[]
  /** Theme groups, largest first. */
  readonly groups: readonly CollectedGroup[]
  readonly sessions: readonly CollectedSession[]
  /** Slot names in first-appearance order; `''` for sessions without a slot. */
  readonly slots: readonly string[]
  /** Room names in first-appearance order; `''` for sessions without a room. */
  readonly rooms: readonly string[]
  /** Whether sessions were given at all. */
  readonly hasSessions: boolean
}

/** Options with defaults filled in. */
interface ResolvedReportOptions {
  readonly title: string
  readonly related: number
  readonly tags: ReportTags | undefined
  readonly sessions: ReportSessions | undefined
}

/**
 * Validates the options and gathers the report data.
 * @param atlas A built or loaded atlas.
 * @param options See {@link ReportOptions}.
 * @param where Name of the calling renderer, for error messages.
 * @param withRelated Whether to compute related talks (the HTML page shows them).
 */
export function collectReport(atlas: Atlas, options: ReportOptions, where: string, withRelated: boolean): CollectedReport {
  const resolved = resolveReportOptions(options, where)
  const rowById = new Map<string, number>()
  for (let i = atlas.talks.length - 1; i >= 0; i--) rowById.set(atlas.talks[i]!.id, i)

  const groupOf = groupOfTheme(atlas)
  const colors = themeColors(groupOf.subarray(0, atlas.tree.leaves), atlas.groups.length)
  const themeIndex = new Map(atlas.themes.map((theme, c) => [theme.id, c]))
  const groups = atlas.groups.map((group, g): CollectedGroup => ({
    index: g, id: group.id, label: group.label, keywords: group.keywords.map((keyword) => keyword.term), themes: group.themes.map((id) => themeIndex.get(id)!), size: group.size,
  }))
  const themes = atlas.themes.map((theme, c): CollectedTheme => ({
    index: c,
    id: theme.id,
    label: theme.label,
    keywords: theme.keywords.map((keyword) => keyword.term),
    members: theme.talks.map((member) => ({ index: rowById.get(member.id) ?? -1, score: member.score })),
    color: theme.id === UNCLASSIFIED_THEME_ID ? UNCLASSIFIED_COLOR : colors[c]!,
    group: groupOf[c]!,
  }))
  const plan = arrangeSessions(resolved.sessions, rowById)
  const sessionOfTalk = new Int32Array(atlas.talks.length).fill(-1)
  plan.sessions.forEach((session, s) => {
    for (const talk of session.talks) if (talk.index >= 0 && sessionOfTalk[talk.index] === -1) sessionOfTalk[talk.index] = s
  })

  // One search for every talk's list (or the lists the caller computed before, e.g. on threads).
  const lists = withRelated && resolved.related > 0 ? relatedIndex(atlas, { top: resolved.related }) : undefined
  const talks = atlas.talks.map((talk, i): CollectedTalk => ({
    index: i,
    id: talk.id,
    title: talk.title,
    abstract: talk.abstract,
    speakers: Array.isArray(talk.speakers) ? talk.speakers.filter((name) => typeof name === 'string') : [],
    theme: atlas.assignments[i]!,
    tags: lookupTags(resolved.tags, talk.id),
    related: lists === undefined ? [] : relatedByRow(atlas, lists, i, resolved.related, rowById),
    session: sessionOfTalk[i]!,
  }))
  return { title: resolved.title, talks, themes, groups, ...plan, hasSessions: resolved.sessions !== undefined }
}

/**
 * Checks the options once, at entry.
 * @param options Caller's options.
 * @param where Calling renderer.
 */
function resolveReportOptions(options: ReportOptions, where: string): ResolvedReportOptions {
  const title = options.title ?? 'talkatlas report'
  if (typeof title !== 'string') throw new OptionError(where, 'title', title, 'a string')
  const related = options.related ?? 5
  if (!Number.isInteger(related) || related < 0 || related > MAX_RELATED_TOP) {
    throw new OptionError(where, 'related', related, `an integer from 0 to ${MAX_RELATED_TOP}`)
  }
  const { tags, sessions } = options
  if (tags !== undefined && (tags === null || typeof tags !== 'object')) {
    throw new OptionError(where, 'tags', tags, 'a Map or an object of tag lists per talk id')
  }
  if (sessions !== undefined) checkSessions(sessions, where)
  return { title, related, tags, sessions }
}

/**
 * Rejects a session plan whose shape the renderers cannot show.
 * @param sessions Caller's plan.
 * @param where Calling renderer.
 */
function checkSessions(sessions: ReportSessions, where: string): void {
  if (sessions === null || typeof sessions !== 'object' || !Array.isArray(sessions.sessions)) {
    throw new OptionError(where, 'sessions', sessions, 'an object with a sessions array')
  }
  sessions.sessions.forEach((session: ReportSession, s) => {
    if (session === null || typeof session !== 'object' || !Array.isArray(session.talks)) {
      throw new OptionError(where, `sessions.sessions[${s}]`, session, 'a session with a talks array of ids')
    }
  })
}

/**
 * Tags of one talk; own properties only, so `__proto__` or `constructor` ids are plain keys.
 * @param tags Tags per talk id.
 * @param id Talk id.
 */
function lookupTags(tags: ReportTags | undefined, id: string): readonly ReportTag[] {
  if (tags === undefined) return []
  const found = tags instanceof Map ? tags.get(id) : Object.prototype.hasOwnProperty.call(tags, id) ? (tags as Record<string, unknown>)[id] : undefined
  if (!Array.isArray(found)) return []
  return found.filter((tag): tag is ReportTag => tag !== null && typeof tag === 'object' && typeof tag.theme === 'string')
}

/**
 * Related talks of one talk, by position.
 * @param atlas The atlas.
 * @param lists The atlas's related index.
 * @param row Talk position.
 * @param top How many.
 * @param rowById First position of each id.
 */
function relatedByRow(atlas: Atlas, lists: TopKRows, row: number, top: number, rowById: ReadonlyMap<string, number>): CollectedRelated[] {
  return relatedFromIndex(atlas, lists, row, top, 5).map((related) => ({
    index: rowById.get(related.id) ?? -1,
    score: related.score,
    terms: related.terms,
  }))
}

/**
 * Resolves session talk ids and numbers the slots and rooms in order of first appearance.
 * @param sessions The plan, if any.
 * @param rowById First position of each id.
 */
function arrangeSessions(
  sessions: ReportSessions | undefined,
  rowById: ReadonlyMap<string, number>,
): Pick<CollectedReport, 'sessions' | 'slots' | 'rooms'> {
  const slots: string[] = []
  const rooms: string[] = []
  const slotIndex = new Map<string, number>()
  const roomIndex = new Map<string, number>()
  // Numbered slots and rooms (groupSessions gives 1-based numbers) read as `Slot 2`, `Room 1`.
  const position = (value: string | number | undefined, names: string[], index: Map<string, number>, noun: string): number => {
    const name = value === undefined || value === null ? '' : typeof value === 'number' ? `${noun} ${value}` : String(value)
    let found = index.get(name)
    if (found === undefined) {
      found = names.length
      names.push(name)
      index.set(name, found)
    }
    return found
  }
  const collected = (sessions?.sessions ?? []).map((session, s): CollectedSession => ({
    id: typeof session.id === 'string' ? session.id : `session-${s + 1}`,
    label: typeof session.label === 'string' ? session.label : '',
    talks: session.talks.map((id) => ({ id: String(id), index: rowById.get(String(id)) ?? -1 })),
    slot: position(session.slot, slots, slotIndex, 'Slot'),
    room: position(session.room, rooms, roomIndex, 'Room'),
  }))
  return { sessions: collected, slots, rooms }
}
