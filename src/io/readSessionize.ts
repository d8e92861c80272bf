import { InputError } from '../errors.js'
import type { Warning } from '../types.js'
import { describeValue, isRecord, personName, scalarText, speakerNames, withFile } from './fields.js'
import { listSome, plural } from './finishTalks.js'
import { type ReaderContext, type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

/** Id → name lookups of an "All data" export. */
interface Lookups {
  readonly speakers: ReadonlyMap<string, string>
  readonly categoryItems: ReadonlyMap<string, { readonly category: string; readonly name: string }>
  readonly rooms: ReadonlyMap<string, string>
}

const trackCategory = /track|topic|theme|stream/i

/**
 * Reads a Sessionize export: the "All data" object (`sessions[]` with speaker, category
 * item and room ids resolved through `speakers[]`, `categories[].items[]`, `rooms[]`) or
 * the "Sessions" list (`[{ groupName, sessions: [...] }]`).
 *
 * `track` is the first item of the category named like Track/Topic/Theme/Stream (else of
 * the first category); all category items are kept as `categories`. Service sessions
 * (breaks, lunch) are not talks: they are left out and listed in a `service-session`
 * warning.
 *
 * @param data Parsed JSON.
 * @param context File name for messages.
 * @throws {InputError} When there is no `sessions` list.
 * @internal
 */
export function readSessionize(data: unknown, context: ReaderContext): ReaderOutput {
  const drafts: TalkDraft[] = []
  const service: string[] = []
  if (isRecord(data) && Array.isArray(data['sessions'])) {
    readSessions(data['sessions'], 'sessions', collectLookups(data), drafts, service)
  } else if (Array.isArray(data)) {
    for (let g = 0; g < data.length; g++) {
      const group: unknown = data[g]
      if (isRecord(group) && Array.isArray(group['sessions'])) readSessions(group['sessions'], `[${g}].sessions`, undefined, drafts, service)
      else if (!(isRecord(group) && group['sessions'] == null && !('title' in group))) {
        // Anything but an empty group is a record that would otherwise vanish.
        const reason = isRecord(group) ? (group['sessions'] == null ? 'a session outside a group (the "Sessions" export lists groups with "sessions")' : `sessions is ${describeValue(group['sessions'])}, expected a list`) : `a group is ${describeValue(group)}, expected a record with "sessions"`
        drafts.push(unreadableDraft(group, { field: `[${g}]` }, reason))
      }
    }
  } else {
    throw new InputError('expected a Sessionize export with a "sessions" list', withFile({}, context.file))
  }
  const omitted = service.length === 0 ? [] : [{ code: 'service-session', count: service.length }]
  const warnings: Warning[] = service.length === 0 ? [] : [{
    code: 'service-session',
    message: `left out ${plural(service.length, 'service session')} (breaks, not talks): ${listSome(service, ', ')}`,
    talkIds: service,
  }]
  return { drafts, warnings, omitted }
}

/**
 * Appends the drafts of one list of sessions.
 * @param sessions Session records.
 * @param path Path of the list for messages.
 * @param lookups Id lookups of an "All data" export, if any.
 * @param drafts Output drafts.
 * @param service Output ids of service sessions.
 */
function readSessions(sessions: readonly unknown[], path: string, lookups: Lookups | undefined, drafts: TalkDraft[], service: string[]): void {
  for (let s = 0; s < sessions.length; s++) {
    const session: unknown = sessions[s]
    const field = `${path}[${s}]`
    if (!isRecord(session)) {
      drafts.push(unreadableDraft(session, { field }, 'expected a session record'))
      continue
    }
    if (session['isServiceSession'] === true) {
      service.push(scalarText(session['id']) || scalarText(session['title']))
      continue
    }
    const categories = categoryItems(session, lookups)
    const track = categories.find((item) => trackCategory.test(item.category)) ?? categories[0]
    drafts.push({
      id: session['id'],
      title: session['title'],
      abstract: session['description'],
      speakers: sessionSpeakers(session['speakers'], lookups),
      track: track?.name,
      extra: [
        ['categories', categories.map((item) => item.name)],
        ['room', scalarText(session['room']) || (lookups?.rooms.get(scalarText(session['roomId'])) ?? '')],
        ['start', session['startsAt']],
        ['end', session['endsAt']],
        ['url', session['liveUrl']],
      ],
      source: session,
      place: { field },
    })
  }
}

/**
 * Speaker names: records with `name` in the "Sessions" list, ids in "All data".
 * @param speakers Raw `speakers` value of a session.
 * @param lookups Id lookups, if any.
 */
function sessionSpeakers(speakers: unknown, lookups: Lookups | undefined): string[] {
  if (!Array.isArray(speakers)) return []
  if (lookups === undefined) return speakerNames(speakers)
  const names: string[] = []
  for (const speaker of speakers) {
    const name = typeof speaker === 'string' ? lookups.speakers.get(speaker) : isRecord(speaker) ? personName(speaker) : undefined
    if (name !== undefined && name.trim() !== '') names.push(name)
  }
  return names
}

/**
 * Category items of a session with the name of their category.
 * @param session Session record.
 * @param lookups Id lookups of an "All data" export, if any.
 */
function categoryItems(session: Record<string, unknown>, lookups: Lookups | undefined): Array<{ category: string; name: string }> {
  const out: Array<{ category: string; name: string }> = []
  if (lookups !== undefined && Array.isArray(session['categoryItems'])) {
    for (const id of session['categoryItems']) {
      const item = lookups.categoryItems.get(scalarText(id))
      if (item !== undefined) out.push({ category: item.category, name: item.name })
    }
    return out
  }
  if (!Array.isArray(session['categories'])) return out
  for (const category of session['categories']) {
    if (!isRecord(category) || !Array.isArray(category['categoryItems'])) continue
    const categoryName = scalarText(category['name'])
    for (const item of category['categoryItems']) {
      const name = isRecord(item) ? scalarText(item['name']) : ''
      if (name !== '') out.push({ category: categoryName, name })
    }
  }
  return out
}

/**
 * Id → name maps of an "All data" export.
 * @param data Export root.
 */
function collectLookups(data: Record<string, unknown>): Lookups {
  const speakers = new Map<string, string>()
  for (const speaker of Array.isArray(data['speakers']) ? data['speakers'] : []) {
    if (isRecord(speaker)) speakers.set(scalarText(speaker['id']), personName(speaker))
  }
  const categoryItems = new Map<string, { category: string; name: string }>()
  for (const category of Array.isArray(data['categories']) ? data['categories'] : []) {
    if (!isRecord(category) || !Array.isArray(category['items'])) continue
    const categoryName = scalarText(category['title']) || scalarText(category['name'])
    for (const item of category['items']) {
      if (isRecord(item)) categoryItems.set(scalarText(item['id']), { category: categoryName, name: scalarText(item['name']) })
    }
  }
  const rooms = new Map<string, string>()
  for (const room of Array.isArray(data['rooms']) ? data['rooms'] : []) {
    if (isRecord(room)) rooms.set(scalarText(room['id']), scalarText(room['name']))
  }
  return { speakers, categoryItems, rooms }
}
