import { InputError, formatPlace, type InputPlace } from '../errors.js'
import type { Talk, Warning } from '../types.js'
import { cleanText } from './cleanText.js'
import { makeId } from './makeId.js'
import type { TalkDraft } from './talkDraft.js'

/** How {@link finishTalks} treats the drafts. @internal */
export interface FinishOptions {
  readonly file: string | undefined
  readonly skipInvalid: boolean
  readonly onProgress: ((done: number, total: number) => void) | undefined
}

/** Talks that survived and the warnings about them. @internal */
export interface FinishResult {
  readonly talks: Talk[]
  readonly warnings: Warning[]
  /** Drafts skipped as unreadable (`invalid-talk`). */
  readonly nInvalid: number
  /** Drafts skipped for a repeated id (`duplicate-id`). */
  readonly nDuplicates: number
}

// Fields cleaned as prose (markup removed); the other extras are only trimmed.
const proseExtras = new Set(['subtitle', 'session', 'description'])
// Fields of every talk that an extra field of the same name must not replace.
const ownFields = new Set(['id', 'title', 'abstract', 'speakers', 'track', 'source'])
// How many places a warning message lists before it says "and N more".
const listedInMessage = 10
const progressEvery = 1000

/**
 * The common clean-up every reader goes through: text cleaned, ids made when missing,
 * unreadable talks and repeated ids rejected (or skipped with a warning), empty titles
 * and abstracts reported.
 *
 * A draft is unreadable when its id is not text or a whole number, a text field holds an
 * object, or it has neither title nor abstract. A repeated id is an error naming both
 * places; with `skipInvalid` the later talk is skipped and listed in a `duplicate-id`
 * warning instead.
 *
 * @param drafts Drafts in input order.
 * @param options File name for messages, invalid-talk policy, progress callback.
 * @internal
 */
export function finishTalks(drafts: readonly TalkDraft[], options: FinishOptions): FinishResult {
  const talks: Talk[] = []
  const firstPlaceOfId = new Map<string, number>()
  // Skipped drafts keep their index and reason; places are worked out only for the few a
  // message lists, since locating a draft can cost a scan of the input.
  const invalid: Array<{ index: number; reason: string }> = []
  const invalidIds: string[] = []
  const duplicates: Array<{ index: number; reason: string; id: string }> = []
  const duplicateIds: string[] = []
  const emptyAbstract: string[] = []
  const emptyTitle: string[] = []
  const shadowed: string[] = []
  const nDrafts = drafts.length
  for (let i = 0; i < nDrafts; i++) {
    if (options.onProgress !== undefined && i % progressEvery === 0) options.onProgress(i, nDrafts)
    const draft = drafts[i]!
    const built = buildTalk(draft, i, shadowed)
    if (typeof built === 'string') {
      if (!options.skipInvalid) throw new InputError(built, placeOf(draft, options.file))
      invalid.push({ index: i, reason: built })
      if (typeof draft.id === 'string' && draft.id !== '') invalidIds.push(draft.id)
      continue
    }
    const first = firstPlaceOfId.get(built.id)
    if (first !== undefined) {
      if (!options.skipInvalid) throw new InputError(duplicateReason(built.id, drafts[first]!), placeOf(draft, options.file))
      duplicates.push({ index: i, reason: '', id: built.id })
      duplicateIds.push(built.id)
      continue
    }
    firstPlaceOfId.set(built.id, i)
    if (built.abstract === '') emptyAbstract.push(built.id)
    if (built.title === '') emptyTitle.push(built.id)
    talks.push(built)
  }
  if (options.onProgress !== undefined) options.onProgress(nDrafts, nDrafts)
  // A duplicate's message is written only for the entries a warning lists.
  const describe = (entry: { index: number; reason: string; id?: string }): string => {
    const draft = drafts[entry.index]!
    const reason = entry.id === undefined ? entry.reason : duplicateReason(entry.id, drafts[firstPlaceOfId.get(entry.id)!]!)
    return `${formatPlace(placeOf(draft, options.file))}${reason}`
  }
  const warnings: Warning[] = []
  if (invalid.length > 0) warnings.push({ code: 'invalid-talk', message: `skipped ${plural(invalid.length, 'unreadable talk')}: ${listFirst(invalid, describe, '; ')}`, talkIds: invalidIds })
  if (duplicates.length > 0) warnings.push({ code: 'duplicate-id', message: `skipped ${plural(duplicates.length, 'talk')} whose id was already used: ${listFirst(duplicates, describe, '; ')}`, talkIds: duplicateIds })
  if (emptyAbstract.length > 0) warnings.push({ code: 'empty-abstract', message: `${plural(emptyAbstract.length, 'talk')} with an empty abstract: ${listSome(emptyAbstract, ', ')}`, talkIds: emptyAbstract })
  if (emptyTitle.length > 0) warnings.push({ code: 'empty-title', message: `${plural(emptyTitle.length, 'talk')} without a title: ${listSome(emptyTitle, ', ')}`, talkIds: emptyTitle })
  if (shadowed.length > 0) warnings.push({ code: 'field-dropped', message: `left out ${plural(shadowed.length, 'field')} named like a talk's own field: ${listSome(shadowed, ', ')}` })
  return { talks, warnings, nInvalid: invalid.length, nDuplicates: duplicates.length }
}

/**
 * The message of a repeated id.
 * @param id The repeated id.
 * @param first The draft that used it first.
 */
function duplicateReason(id: string, first: TalkDraft): string {
  return `duplicate id ${JSON.stringify(id)} (first at ${describePlace(placeOf(first, undefined))})`
}

/**
 * The first items of a list described and joined, with `(and N more)` when cut.
 * @param items Items.
 * @param describe Describes one item (called for the listed ones only).
 * @param separator Separator.
 */
function listFirst<T>(items: readonly T[], describe: (item: T) => string, separator: string): string {
  const shown: string[] = []
  for (let i = 0; i < items.length && i < listedInMessage; i++) shown.push(describe(items[i]!))
  return items.length > listedInMessage ? `${shown.join(separator)} (and ${items.length - listedInMessage} more)` : shown.join(separator)
}

/**
 * The clean talk for a draft, or the reason it cannot be one.
 * @param draft Draft to finish.
 * @param position 0-based position in the input, for generated ids.
 * @param shadowed Output: extra fields left out because a talk field has that name.
 */
function buildTalk(draft: TalkDraft, position: number, shadowed: string[]): Talk | string {
  if (draft.invalid !== undefined) return draft.invalid
  const title = textField(draft.title, 'title', true)
  if (title instanceof Error) return title.message
  const abstract = textField(draft.abstract, 'abstract', false)
  if (abstract instanceof Error) return abstract.message
  if (title === '' && abstract === '') return 'no title and no abstract'
  const id = resolveId(draft, position, title)
  if (id instanceof Error) return id.message
  const talk: Record<string, unknown> = { id, title, abstract }
  if (draft.speakers !== undefined && draft.speakers.length > 0) {
    const speakers = draft.speakers.map((name) => cleanText(name, { singleLine: true })).filter((name) => name !== '')
    if (speakers.length > 0) talk['speakers'] = speakers
  }
  const track = textField(draft.track, 'track', true)
  if (typeof track === 'string' && track !== '') talk['track'] = track
  if (draft.extra !== undefined) addExtras(talk, draft.extra, shadowed)
  talk['source'] = draft.source
  return talk as Talk
}

/**
 * Copies the extra fields that hold something, cleaned.
 * @param talk Talk under construction.
 * @param extra Extra fields in output order.
 * @param shadowed Output: names left out because the talk's own field has that name.
 */
function addExtras(talk: Record<string, unknown>, extra: ReadonlyArray<readonly [string, unknown]>, shadowed: string[]): void {
  for (let e = 0; e < extra.length; e++) {
    const [key, value] = extra[e]!
    // Own keys only: `toString` or `valueOf` are fine field names, `key in talk` is not.
    if (Object.hasOwn(talk, key) || ownFields.has(key)) {
      if (value != null && value !== '' && !shadowed.includes(key)) shadowed.push(key)
      continue
    }
    if (typeof value === 'string') {
      const cleaned = cleanText(value, { singleLine: key !== 'description', markup: proseExtras.has(key) })
      if (cleaned !== '') talk[key] = cleaned
    } else if (typeof value === 'number') {
      if (Number.isFinite(value)) talk[key] = value
    } else if (typeof value === 'boolean') {
      talk[key] = value
    } else if (Array.isArray(value)) {
      const items = value.filter((item): item is string => typeof item === 'string').map((item) => cleanText(item, { singleLine: true, markup: false })).filter((item) => item !== '')
      if (items.length > 0) talk[key] = items
    }
  }
}

/**
 * A text field as clean text, or an error when it holds a record or list.
 * @param value Raw value.
 * @param name Field name for the message.
 * @param singleLine Collapse line breaks.
 */
function textField(value: unknown, name: string, singleLine: boolean): string | Error {
  if (value == null) return ''
  if (typeof value === 'string') return cleanText(value, { singleLine })
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return new Error(`${name} is ${Array.isArray(value) ? 'a list' : 'a record'}, expected text`)
}

/**
 * The talk id: the record's own when it has one, a generated one otherwise.
 * @param draft Draft with its raw id.
 * @param position 0-based position in the input.
 * @param title Clean title.
 */
function resolveId(draft: TalkDraft, position: number, title: string): string | Error {
  const raw = draft.id
  const field = draft.idField ?? 'id'
  if (raw == null) return makeId(position, title)
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) return String(raw)
    return new Error(`${field} ${String(raw)} is not a whole number that can be kept exactly; write the id as a string`)
  }
  if (typeof raw !== 'string') return new Error(`${field} is ${Array.isArray(raw) ? 'a list' : typeof raw === 'object' ? 'a record' : `a ${typeof raw}`}, expected text or a whole number`)
  const id = cleanText(raw, { singleLine: true, markup: false })
  return id === '' ? makeId(position, title) : id
}

/**
 * Resolves a draft's place and adds the file name.
 * @param draft Draft.
 * @param file File name, when known.
 */
function placeOf(draft: TalkDraft, file: string | undefined): InputPlace {
  const place = typeof draft.place === 'function' ? draft.place() : draft.place
  return file === undefined ? place : { ...place, file }
}

/**
 * A place without its file, as a phrase: `line 12`, `row 3`, `talks[4]`.
 * @param place Place to describe.
 */
export function describePlace(place: InputPlace): string {
  if (place.line !== undefined) return `line ${place.line}`
  if (place.row !== undefined) return `row ${place.row}`
  return place.field ?? 'an earlier record'
}

/**
 * `1 talk`, `3 talks`.
 * @param count Count.
 * @param noun Singular noun.
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * The first items of a list joined, with `(and N more)` when cut.
 * @param items Items to list.
 * @param separator Separator between items.
 */
export function listSome(items: readonly string[], separator: string): string {
  const shown = items.slice(0, listedInMessage).join(separator)
  return items.length > listedInMessage ? `${shown} (and ${items.length - listedInMessage} more)` : shown
}
