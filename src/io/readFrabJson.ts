import { InputError } from '../errors.js'
import { describeValue, isRecord, pickField, scalarText, speakerNames, withFile } from './fields.js'
import { joinAbstract } from './readFrabXml.js'
import { type ReaderContext, type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

/**
 * Reads a frab / pretalx `schedule.json`: `schedule.conference.days[].rooms{name: [events]}`.
 * Same id mapping as {@link readFrabXml}: `slug`, else the event `id`, else generated.
 *
 * @param data Parsed JSON.
 * @param context File name for messages.
 * @throws {InputError} When `schedule.conference.days` is missing or not a list.
 * @internal
 */
export function readFrabJson(data: unknown, context: ReaderContext): ReaderOutput {
  const schedule = isRecord(data) ? data['schedule'] : undefined
  const conference = isRecord(schedule) ? schedule['conference'] : undefined
  const days = isRecord(conference) ? conference['days'] : undefined
  if (!Array.isArray(days)) throw new InputError('expected schedule.conference.days to be a list', withFile({ field: 'schedule.conference.days' }, context.file))
  const drafts: TalkDraft[] = []
  const unreadable = (value: unknown, field: string, reason: string): void => {
    drafts.push(unreadableDraft(value, { field }, reason))
  }
  for (let d = 0; d < days.length; d++) {
    const day: unknown = days[d]
    const dayField = `schedule.conference.days[${d}]`
    if (!isRecord(day)) {
      if (day != null) unreadable(day, dayField, `a day is ${describeValue(day)}, expected a record with "rooms"`)
      continue
    }
    const rooms = day['rooms']
    if (rooms == null) continue
    if (!isRecord(rooms)) {
      unreadable(rooms, `${dayField}.rooms`, `rooms is ${describeValue(rooms)}, expected a record of room name → events`)
      continue
    }
    for (const roomName of Object.keys(rooms)) {
      const events = rooms[roomName]
      const roomField = `${dayField}.rooms[${JSON.stringify(roomName)}]`
      if (!Array.isArray(events)) {
        if (events != null) unreadable(events, roomField, `room ${JSON.stringify(roomName)} is ${describeValue(events)}, expected a list of events`)
        continue
      }
      for (let e = 0; e < events.length; e++) {
        drafts.push(draftFromEvent(events[e], scalarText(day['date']), roomName, `${roomField}[${e}]`))
      }
    }
  }
  return { drafts, warnings: [] }
}

/**
 * One draft from one event record.
 * @param event Event record.
 * @param date The day's date.
 * @param roomName Key of the room the event is listed under.
 * @param field Path of the event for messages.
 */
function draftFromEvent(event: unknown, date: string, roomName: string, field: string): TalkDraft {
  if (!isRecord(event)) return unreadableDraft(event, { field }, 'expected an event record')
  const slug = scalarText(event['slug'])
  const hasSlug = slug.trim() !== ''
  return {
    id: hasSlug ? slug : event['id'],
    idField: hasSlug ? 'slug' : 'id',
    title: event['title'],
    abstract: abstractOf(event['abstract'], event['description']),
    speakers: speakerNames(event['persons']),
    track: trackName(event['track']),
    extra: [
      ['subtitle', event['subtitle']],
      ['eventId', scalarText(event['id'])],
      ['guid', event['guid']],
      ['room', scalarText(event['room']) || roomName],
      ['day', date],
      ['date', event['date']],
      ['start', event['start']],
      ['duration', event['duration']],
      ['type', event['type']],
      ['language', event['language']],
      ['url', event['url']],
    ],
    source: event,
    place: { field },
  }
}

/**
 * Track name: pretalx may give a record with `name`.
 * @param track Raw track value.
 */
function trackName(track: unknown): unknown {
  return isRecord(track) ? pickField(track, ['name', 'title']) : track
}

/**
 * Abstract and description joined; a record or list in either is passed on as it is, so
 * that the talk is reported as unreadable instead of losing its text.
 * @param abstract Raw abstract.
 * @param description Raw description.
 */
function abstractOf(abstract: unknown, description: unknown): unknown {
  if (abstract !== null && typeof abstract === 'object') return abstract
  if (description !== null && typeof description === 'object') return description
  return joinAbstract(scalarText(abstract), scalarText(description))
}

