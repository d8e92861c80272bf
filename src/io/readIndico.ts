import { InputError } from '../errors.js'
import { describeValue, isRecord, pickField, scalarText, speakerNames, withFile } from './fields.js'
import { isIndicoTimetable, readIndicoTimetable } from './readIndicoTimetable.js'
import { type ReaderContext, type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

/**
 * Reads an Indico HTTP export (`/export/event/ID.json`): contributions at
 * `results[].contributions[]` (`detail=contributions`) and inside sessions at
 * `results[].sessions[].contributions[]` (`detail=sessions`, where the top-level list holds
 * only the contributions outside any session). A contribution listed in both places is
 * read once, with its session (a contribution with the same id but another title or
 * description is kept, and reported as a repeated id). Fields: `title`, `description`, `track`, `session` (else
 * the enclosing session's title), `speakers[]` (`first_name` + `last_name`, else
 * `fullName`, where Indico's `Last, First` becomes `First Last`; `primaryauthors` when
 * there are no speakers).
 *
 * Ids: the contribution `id` (or `friendly_id`); when the export holds several events,
 * prefixed with the event id (`123-45`) so that ids stay unique.
 *
 * The timetable export (`/export/timetable/ID.json`, `results` keyed by event and day) is
 * read by {@link readIndicoTimetable}.
 *
 * A `contributions` or `sessions` value that is not a list, or an event with neither, is
 * an unreadable record (never skipped silently).
 *
 * @param data Parsed JSON.
 * @param context File name for messages.
 * @throws {InputError} When `results` is not a list.
 * @internal
 */
export function readIndico(data: unknown, context: ReaderContext): ReaderOutput {
  const results = isRecord(data) ? data['results'] : undefined
  if (isRecord(results) && isIndicoTimetable(results)) return readIndicoTimetable(results)
  if (!Array.isArray(results)) throw new InputError('expected an Indico export with a "results" list', withFile({ field: 'results' }, context.file))
  const prefixIds = results.length > 1
  const drafts: TalkDraft[] = []
  for (let r = 0; r < results.length; r++) readEvent(results[r], `results[${r}]`, prefixIds, drafts)
  return { drafts, warnings: [] }
}

/**
 * Appends the drafts of one event: its sessions' contributions, then the others.
 * @param event Event record.
 * @param path Path of the event for messages.
 * @param prefixIds Prefix ids with the event id.
 * @param drafts Output drafts.
 */
function readEvent(event: unknown, path: string, prefixIds: boolean, drafts: TalkDraft[]): void {
  const unreadable = (value: unknown, field: string, reason: string): void => {
    drafts.push(unreadableDraft(value, { field }, reason))
  }
  if (!isRecord(event)) {
    unreadable(event, path, `an event is ${describeValue(event)}, expected a record`)
    return
  }
  const idPrefix = prefixIds ? scalarText(event['id']) : ''
  const contributions = event['contributions']
  const sessions = event['sessions']
  if (contributions === undefined && sessions === undefined) {
    unreadable(event, path, 'an event without contributions (export with ?detail=contributions or ?detail=sessions)')
    return
  }
  // Contributions met so far, by id, with their title and description: detail=sessions
  // lists a contribution once, but an export merged by hand may list it at the top level
  // too. Only such a copy is read once; another contribution under the same id is kept, so
  // that it is reported as a repeated id instead of vanishing.
  const seen = new Map<string, string>()
  const add = (contribution: unknown, field: string, sessionTitle: string): void => {
    const key = isRecord(contribution) ? scalarText(pickField(contribution, ['db_id', 'id', 'friendly_id'])) : ''
    if (key !== '' && isRecord(contribution)) {
      const content = JSON.stringify([contribution['title'] ?? null, contribution['description'] ?? null])
      const earlier = seen.get(key)
      if (earlier === content) return
      if (earlier === undefined) seen.set(key, content)
    }
    drafts.push(draftFromContribution(contribution, idPrefix, field, sessionTitle))
  }
  if (sessions != null) {
    if (!Array.isArray(sessions)) unreadable(sessions, `${path}.sessions`, `sessions is ${describeValue(sessions)}, expected a list`)
    else {
      for (let s = 0; s < sessions.length; s++) {
        const session: unknown = sessions[s]
        const field = `${path}.sessions[${s}]`
        if (!isRecord(session)) {
          unreadable(session, field, `a session is ${describeValue(session)}, expected a record`)
          continue
        }
        const inner = session['contributions']
        if (inner == null) continue
        if (!Array.isArray(inner)) {
          unreadable(inner, `${field}.contributions`, `contributions is ${describeValue(inner)}, expected a list`)
          continue
        }
        const title = sessionTitle(session)
        for (let c = 0; c < inner.length; c++) add(inner[c], `${field}.contributions[${c}]`, title)
      }
    }
  }
  if (contributions === undefined || (contributions === null && sessions != null)) return
  if (!Array.isArray(contributions)) {
    unreadable(contributions, `${path}.contributions`, `contributions is ${describeValue(contributions)}, expected a list`)
    return
  }
  for (let c = 0; c < contributions.length; c++) add(contributions[c], `${path}.contributions[${c}]`, '')
}

/**
 * Title of a session: its own `title`, or that of the session a block belongs to.
 * @param session Session (or session block) record.
 */
function sessionTitle(session: Record<string, unknown>): string {
  const own = scalarText(session['title']).trim()
  if (own !== '') return own
  const parent = session['session']
  return isRecord(parent) ? scalarText(parent['title']).trim() : ''
}

/**
 * One draft from one contribution.
 * @param contribution Contribution record.
 * @param idPrefix Event id to prefix, or `''`.
 * @param field Path for messages.
 * @param enclosingSession Title of the session the contribution was listed in, or `''`.
 */
function draftFromContribution(contribution: unknown, idPrefix: string, field: string, enclosingSession: string): TalkDraft {
  if (!isRecord(contribution)) return unreadableDraft(contribution, { field }, `expected a contribution record, found ${describeValue(contribution)}`)
  const rawId = pickField(contribution, ['id', 'friendly_id', 'db_id'])
  const id = idPrefix !== '' && (typeof rawId === 'string' || typeof rawId === 'number') ? `${idPrefix}-${String(rawId)}` : rawId
  let speakers = speakerNames(contribution['speakers'])
  if (speakers.length === 0) speakers = speakerNames(contribution['primaryauthors'])
  speakers = speakers.map(unswapName)
  const start = contribution['startDate']
  const ownSession = contribution['session']
  return {
    id,
    title: contribution['title'],
    abstract: contribution['description'],
    speakers,
    track: isRecord(contribution['track']) ? pickField(contribution['track'], ['title', 'name']) : contribution['track'],
    extra: [
      ['session', isRecord(ownSession) ? pickField(ownSession, ['title', 'name']) : ownSession != null && ownSession !== '' ? ownSession : enclosingSession],
      ['room', contribution['room']],
      ['location', contribution['location']],
      ['day', isRecord(start) ? start['date'] : undefined],
      ['start', isRecord(start) ? start['time'] : undefined],
      ['duration', contribution['duration']],
      ['type', isRecord(contribution['type']) ? contribution['type']['name'] : contribution['type']],
      ['url', contribution['url']],
    ],
    source: contribution,
    place: { field },
  }
}

/**
 * Indico writes `fullName` as `Last, First`; turns it into `First Last`.
 * @param name Speaker name.
 */
function unswapName(name: string): string {
  const parts = /^([^,]+),\s*([^,]+)$/.exec(name)
  return parts === null ? name : `${parts[2]!.trim()} ${parts[1]!.trim()}`
}
