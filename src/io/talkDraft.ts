import type { InputPlace } from '../errors.js'
import type { Warning } from '../types.js'

/**
 * A talk as a reader found it, before the common clean-up: raw field values picked from
 * the record, the record itself, and where it sits in the input for messages.
 * @internal
 */
export interface TalkDraft {
  /** Raw id (string or number) or undefined when the record has none. */
  readonly id: unknown
  /** Name of the field the id came from, for messages (`slug`, `id`). */
  readonly idField?: string
  /** Raw title, HTML or Markdown allowed. */
  readonly title: unknown
  /** Raw abstract, HTML or Markdown allowed. */
  readonly abstract: unknown
  /** Speaker names, already extracted by the reader. */
  readonly speakers?: readonly string[]
  /** Raw track name. */
  readonly track?: unknown
  /** Other fields worth keeping, in output order: subtitle, room, day, start, url… */
  readonly extra?: ReadonlyArray<readonly [string, unknown]>
  /** The original record, kept on the talk as `source`. */
  readonly source: unknown
  /** Where the record is; a function when working it out costs time (XML line numbers). */
  readonly place: InputPlace | (() => InputPlace)
  /** Set by a reader that already knows the record cannot be a talk. */
  readonly invalid?: string
}

/**
 * The draft of a record that cannot be a talk: `finishTalks` reports it (or skips it with
 * `skipInvalid`) with `reason`.
 * @param source The record.
 * @param place Where it is.
 * @param reason Why it is not a talk.
 * @internal
 */
export function unreadableDraft(source: unknown, place: TalkDraft['place'], reason: string): TalkDraft {
  return { id: undefined, title: undefined, abstract: undefined, source, place, invalid: reason }
}

/** Records a reader met and left out on purpose (breaks, service sessions), by warning code. @internal */
export interface OmittedRecords {
  /** Code of the reader warning that lists them. */
  readonly code: string
  /** How many. */
  readonly count: number
}

/**
 * What every reader returns. Every record the reader meets becomes a draft (an unreadable
 * one carries `invalid`) or is counted in `omitted` with a warning naming it, so that
 * records met = drafts + omitted (asserted by a property test over malformed containers,
 * test/adversarial/readers.test.ts).
 * @internal
 */
export interface ReaderOutput {
  readonly drafts: TalkDraft[]
  readonly warnings: Warning[]
  /** Records left out on purpose, each group listed in one of `warnings`. */
  readonly omitted?: readonly OmittedRecords[]
  /** Plain text only: the leading block that describes the event, not a talk. */
  readonly description?: string
  /** Plain text only: the cues that split the text, for the notice (`truncation marks`). */
  readonly cues?: readonly string[]
}

/** What every reader is told about its input. @internal */
export interface ReaderContext {
  /** File name for messages, when known. */
  readonly file: string | undefined
  /** Plain text only: one talk per line. */
  readonly onePerLine: boolean
}
