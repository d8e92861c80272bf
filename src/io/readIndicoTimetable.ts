import type { Warning } from '../types.js'
import { describeValue, isRecord, pickField, scalarText, speakerNames } from './fields.js'
import { listSome, plural } from './finishTalks.js'
import { type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

/**
 * Whether `results` has the shape of an Indico timetable export: a record of event id →
 * day → entry id → entry with an `entryType`.
 * @param results The export's `results` value.
 */
export function isIndicoTimetable(results: unknown): boolean {
  if (!isRecord(results)) return false
  for (const days of Object.values(results)) {
    if (!isRecord(days)) continue
    for (const entries of Object.values(days)) {
      if (!isRecord(entries)) continue
      for (const entry of Object.values(entries)) if (isRecord(entry) && typeof entry['entryType'] === 'string') return true
    }
  }
  return false
}

/**
 * Reads an Indico timetable export (`/export/timetable/ID.json`): `results` maps event id →
 * day → entry id → entry. `Contribution` entries are talks; `Session` entries (session
 * blocks) hold more entries under `entries`, their title kept as each talk's `session`;
 * `Break` entries are left out and listed in a `break-entry` warning; anything else is an
 * unreadable record.
 *
 * Ids: the entry's `contributionId` (else `id`), prefixed with the event id when the export
 * holds several events.
 *
 * @param results The export's `results` record.
 * @internal
 */
export function readIndicoTimetable(results: Record<string, unknown>): ReaderOutput {
  const drafts: TalkDraft[] = []
  const breaks: string[] = []
  const eventIds = Object.keys(results)
  for (const eventId of eventIds) {
    const days = results[eventId]
    const eventField = `results[${JSON.stringify(eventId)}]`
    if (!isRecord(days)) {
      if (days != null) drafts.push(unreadable(days, eventField, `an event is ${describeValue(days)}, expected a record of days`))
      continue
    }
    const prefix = eventIds.length > 1 ? eventId : ''
    for (const day of Object.keys(days)) readEntries(days[day], `${eventField}[${JSON.stringify(day)}]`, '', prefix, drafts, breaks)
  }
  const warnings: Warning[] = breaks.length === 0 ? [] : [{ code: 'break-entry', message: `left out ${plural(breaks.length, 'break')} (timetable entries that are not talks): ${listSome(breaks, ', ')}` }]
  return { drafts, warnings, omitted: breaks.length === 0 ? [] : [{ code: 'break-entry', count: breaks.length }] }
}

/**
 * Appends the drafts of one record of entries.
 * @param entries Entry id → entry.
 * @param path Path for messages.
 * @param session Title of the enclosing session block, or `''`.
 * @param prefix Event id to prefix ids with, or `''`.
 * @param drafts Output drafts.
 * @param breaks Output: titles of breaks left out.
 */
function readEntries(entries: unknown, path: string, session: string, prefix: string, drafts: TalkDraft[], breaks: string[]): void {
  if (entries == null) return
  if (!isRecord(entries)) {
    drafts.push(unreadable(entries, path, `entries are ${describeValue(entries)}, expected a record of entries`))
    return
  }
  for (const key of Object.keys(entries)) {
    const entry = entries[key]
    const field = `${path}[${JSON.stringify(key)}]`
    const type = isRecord(entry) ? scalarText(entry['entryType']) : ''
    if (!isRecord(entry)) drafts.push(unreadable(entry, field, `an entry is ${describeValue(entry)}, expected a record`))
    else if (type === 'Break') breaks.push(scalarText(entry['title']) || key)
    else if (type === 'Session' || type === 'Block') readEntries(entry['entries'], `${field}.entries`, scalarText(pickField(entry, ['slotTitle', 'title'])) || session, prefix, drafts, breaks)
    else if (type === 'Contribution') drafts.push(draftFromEntry(entry, field, session, prefix))
    else drafts.push(unreadable(entry, field, `an entry of type ${JSON.stringify(type)}, expected Contribution, Session or Break`))
  }
}

/**
 * One draft from a `Contribution` entry.
 * @param entry Entry record.
 * @param field Path for messages.
 * @param session Enclosing session title, or `''`.
 * @param prefix Event id prefix, or `''`.
 */
function draftFromEntry(entry: Record<string, unknown>, field: string, session: string, prefix: string): TalkDraft {
  const rawId = pickField(entry, ['contributionId', 'id', 'friendlyId'])
  const id = prefix !== '' && (typeof rawId === 'string' || typeof rawId === 'number') ? `${prefix}-${String(rawId)}` : rawId
  const start = entry['startDate']
  return {
    id,
    title: entry['title'],
    abstract: entry['description'],
    speakers: speakerNames(entry['presenters']),
    track: entry['track'],
    extra: [
      ['session', scalarText(entry['sessionTitle']) || session],
      ['room', entry['room']],
      ['location', entry['location']],
      ['day', isRecord(start) ? start['date'] : undefined],
      ['start', isRecord(start) ? start['time'] : undefined],
      ['duration', entry['duration']],
      ['url', entry['url']],
    ],
    source: entry,
    place: { field },
  }
}

/**
 * A draft that reports a record of the wrong shape.
 * @param value The record.
 * @param field Its path.
 * @param reason Why it cannot be read.
 */
function unreadable(value: unknown, field: string, reason: string): TalkDraft {
  return unreadableDraft(value, { field }, reason)
}
