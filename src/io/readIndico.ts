import { InputError } from '../errors.js'
import { isRecord, pickField, scalarText, speakerNames, withFile } from './fields.js'
import type { ReaderContext, ReaderOutput, TalkDraft } from './talkDraft.js'

/**
 * Reads an Indico HTTP export (`/export/event/ID.json?detail=contributions`):
 * `results[].contributions[]` with `title`, `description`, `track`, `session`,
 * `speakers[]` (`first_name` + `last_name`, else `fullName`, where Indico's `Last, First`
 * becomes `First Last`; `primaryauthors` when there are no speakers).
 *
 * Ids: the contribution `id` (or `friendly_id`); when the export holds several events,
 * prefixed with the event id (`123-45`) so that ids stay unique.
 *
 * @param data Parsed JSON.
 * @param context File name for messages.
 * @throws {InputError} When `results` is not a list.
 * @internal
 */
export function readIndico(data: unknown, context: ReaderContext): ReaderOutput {
  const results = isRecord(data) ? data['results'] : undefined
  if (!Array.isArray(results)) throw new InputError('expected an Indico export with a "results" list', withFile({ field: 'results' }, context.file))
  const prefixIds = results.length > 1
  const drafts: TalkDraft[] = []
  for (let r = 0; r < results.length; r++) {
    const event: unknown = results[r]
    if (!isRecord(event) || !Array.isArray(event['contributions'])) continue
    const contributions = event['contributions']
    const eventId = scalarText(event['id'])
    for (let c = 0; c < contributions.length; c++) {
      drafts.push(draftFromContribution(contributions[c], prefixIds ? eventId : '', `results[${r}].contributions[${c}]`))
    }
  }
  return { drafts, warnings: [] }
}

/**
 * One draft from one contribution.
 * @param contribution Contribution record.
 * @param idPrefix Event id to prefix, or `''`.
 * @param field Path for messages.
 */
function draftFromContribution(contribution: unknown, idPrefix: string, field: string): TalkDraft {
  if (!isRecord(contribution)) return { id: undefined, title: undefined, abstract: undefined, source: contribution, place: { field }, invalid: 'expected a contribution record' }
  const rawId = pickField(contribution, ['id', 'friendly_id', 'db_id'])
  const id = idPrefix !== '' && (typeof rawId === 'string' || typeof rawId === 'number') ? `${idPrefix}-${String(rawId)}` : rawId
  let speakers = speakerNames(contribution['speakers'])
  if (speakers.length === 0) speakers = speakerNames(contribution['primaryauthors'])
  speakers = speakers.map(unswapName)
  const start = contribution['startDate']
  return {
    id,
    title: contribution['title'],
    abstract: contribution['description'],
    speakers,
    track: contribution['track'],
    extra: [
      ['session', contribution['session']],
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
