import { InputError } from '../errors.js'
import { isRecord, isSafeKey, pickField, pickFieldName, speakerNames } from './fields.js'
import { type ReaderContext, type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

const idFields = ['id', 'slug', 'code', 'guid', 'key'] as const
const titleFields = ['title', 'name'] as const
const abstractFields = ['abstract', 'description', 'summary', 'text', 'body'] as const
const speakerFields = ['speakers', 'persons', 'authors', 'speaker', 'author', 'presenters'] as const
const trackFields = ['track', 'category', 'topic'] as const
// Everything the reader maps itself, or must never copy.
const mappedFields = new Set<string>([...idFields, ...titleFields, ...abstractFields, ...speakerFields, ...trackFields, 'source'])

/**
 * Reads talks from parsed JSON: an array of talk records or `{ "talks": [...] }`.
 * Fields: `id` (or `slug`, `code`, `guid`, `key`), `title` (or `name`), `abstract` (or
 * `description`, `summary`, `text`, `body`), `speakers` (or `persons`, `authors`…, strings
 * or person records), `track` (or `category`, `topic`). Every other field holding text, a
 * number, a boolean or a list of strings is kept, except `__proto__`, `constructor` and
 * `prototype`.
 *
 * @param data Parsed JSON value.
 * @param context File name for messages.
 * @internal
 */
export function readJsonTalks(data: unknown, context: ReaderContext): ReaderOutput {
  const { list, path } = talkList(data, context)
  const drafts: TalkDraft[] = new Array(list.length)
  for (let i = 0; i < list.length; i++) drafts[i] = draftFromRecord(list[i], `${path}[${i}]`)
  return { drafts, warnings: [] }
}

/**
 * The array of talk records and its path for messages.
 * @param data Parsed JSON.
 * @param context File name for messages.
 */
function talkList(data: unknown, context: ReaderContext): { list: readonly unknown[]; path: string } {
  if (Array.isArray(data)) return { list: data, path: '' }
  if (isRecord(data) && Array.isArray(data['talks'])) return { list: data['talks'], path: 'talks' }
  const place = context.file === undefined ? {} : { file: context.file }
  throw new InputError('expected an array of talks or an object with a "talks" array', place)
}

/**
 * One draft from one record.
 * @param record Array element.
 * @param field Path of the element for messages (`talks[3]`).
 */
function draftFromRecord(record: unknown, field: string): TalkDraft {
  if (!isRecord(record)) {
    const kind = Array.isArray(record) ? 'a list' : record === null ? 'null' : `a ${typeof record}`
    return unreadableDraft(record, { field }, `expected a talk record, found ${kind}`)
  }
  const idField = pickFieldName(record, idFields)
  const extra: Array<readonly [string, unknown]> = []
  for (const key of Object.keys(record)) {
    if (!mappedFields.has(key) && isSafeKey(key)) extra.push([key, record[key]])
  }
  const speakers = pickField(record, speakerFields)
  return {
    id: idField === undefined ? undefined : record[idField],
    idField: idField ?? 'id',
    title: pickField(record, titleFields),
    abstract: pickField(record, abstractFields),
    speakers: speakerNames(speakers),
    track: pickTrack(record),
    extra,
    source: record,
    place: { field },
  }
}

/**
 * The track: a string, or the first string of a list.
 * @param record Talk record.
 */
function pickTrack(record: Record<string, unknown>): unknown {
  const track = pickField(record, trackFields)
  if (Array.isArray(track)) return track.find((item) => typeof item === 'string')
  if (isRecord(track)) return pickField(track, ['name', 'title'])
  return track
}
