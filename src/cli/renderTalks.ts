import { InputError } from '../errors.js'
import { formatCsv } from '../io/formatCsv.js'
import type { Talk } from '../types.js'
import type { OutputFormat } from './args.js'
import { escapeTerminalMarkdown, markdownCodeId } from './markdown.js'
import { renderTable } from './table.js'
import { escapeJsonForTerminal } from './terminal.js'
import { unreachable } from '../util/unreachable.js'

/** How {@link renderTalks} lays out talks. */
export interface RenderTalksOptions {
  /** Table width in columns. */
  readonly width: number
  /** Keep each talk's `source` record (JSON only). */
  readonly includeSource: boolean
  /** Plain text input: the description set aside, written as `description` (JSON only). */
  readonly description?: string | undefined
}

const baseColumns = ['id', 'title', 'abstract', 'speakers', 'track'] as const

/**
 * Talks in an output format, as chunks (JSON one talk per line, so 100,000 talks never
 * become one giant string).
 * @param talks Talks to render.
 * @param format Output format.
 * @param options Width and source switch.
 */
export function* renderTalks(talks: readonly Talk[], format: OutputFormat, options: RenderTalksOptions): Generator<string> {
  switch (format) {
    case 'json':
      yield* talksJson(talks, options.includeSource, options.description)
      return
    case 'csv':
      yield* talksCsv(talks)
      return
    case 'md':
      yield* talksMarkdown(talks)
      return
    case 'table':
      yield talksTable(talks, options.width)
      return
    default:
      return unreachable(format, 'format')
  }
}

/**
 * `{"talks":[…]}` with one talk per line.
 * @param talks Talks.
 * @param includeSource Keep `source`.
 * @param description Description of the collection, when there is one.
 */
function* talksJson(talks: readonly Talk[], includeSource: boolean, description: string | undefined): Generator<string> {
  yield description === undefined ? '{"talks":[' : `{"description":${escapeJsonForTerminal(JSON.stringify(description))},\n"talks":[`
  for (let i = 0; i < talks.length; i++) {
    const talk = includeSource ? talks[i]! : withoutSource(talks[i]!)
    yield `${i === 0 ? '\n' : ',\n'}${escapeJsonForTerminal(stringifyTalk(talk))}`
  }
  yield '\n]}\n'
}

/**
 * One talk as JSON. A source record nested deeper than the JavaScript stack allows is an
 * input problem (exit 2), not a crash.
 * @param talk Talk, with or without source.
 */
function stringifyTalk(talk: Readonly<Record<string, unknown>>): string {
  try {
    return JSON.stringify(talk)
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`talk ${JSON.stringify(talk['id'])}: its source record is nested too deeply to write as JSON; leave out --source`, {}, error)
    throw error
  }
}

/**
 * CSV with the base columns then every other scalar or list field, in first-seen order.
 * @param talks Talks.
 */
function* talksCsv(talks: readonly Talk[]): Generator<string> {
  const columns: string[] = [...baseColumns]
  const seen = new Set<string>([...baseColumns, 'source'])
  for (const talk of talks) {
    for (const key of Object.keys(talk)) {
      if (!seen.has(key)) {
        seen.add(key)
        columns.push(key)
      }
    }
  }
  yield formatCsv([columns])
  for (let i = 0; i < talks.length; i += 1000) {
    const rows: unknown[][] = []
    for (const talk of talks.slice(i, i + 1000)) rows.push(columns.map((column) => talk[column]))
    yield formatCsv(rows)
  }
}

/**
 * One section per talk: title heading, id/track/speakers line, abstract.
 * @param talks Talks.
 */
function* talksMarkdown(talks: readonly Talk[]): Generator<string> {
  yield `# Talks (${talks.length})\n`
  for (const talk of talks) {
    const meta = [markdownCodeId(talk.id)]
    if (typeof talk['track'] === 'string') meta.push(escapeTerminalMarkdown(talk['track'], true))
    if (talk.speakers !== undefined && talk.speakers.length > 0) meta.push(escapeTerminalMarkdown(talk.speakers.join(', '), true))
    const abstract = talk.abstract === '' ? '' : `\n${escapeTerminalMarkdown(talk.abstract)}\n`
    yield `\n## ${escapeTerminalMarkdown(talk.title || '(untitled)', true)}\n\n${meta.join(' · ')}\n${abstract}`
  }
}

/**
 * A terminal table: id, title, track, speakers and the start of the abstract.
 * @param talks Talks.
 * @param width Terminal width.
 */
function talksTable(talks: readonly Talk[], width: number): string {
  const rows = talks.map((talk) => [talk.id, talk.title, typeof talk['track'] === 'string' ? talk['track'] : '', (talk.speakers ?? []).join(', '), talk.abstract])
  const columns = [
    { header: 'id', maxWidth: 40, minWidth: 6 },
    { header: 'title', maxWidth: 60, minWidth: 12 },
    { header: 'track', maxWidth: 24, minWidth: 5 },
    { header: 'speakers', maxWidth: 30, minWidth: 8 },
    { header: 'abstract', minWidth: 10 },
  ]
  return `${renderTable(columns, rows, width)}${talks.length} talks\n`
}

/**
 * A talk without its `source` record.
 * @param talk Talk.
 */
function withoutSource(talk: Talk): Omit<Talk, 'source'> {
  const { source: _source, ...rest } = talk
  return rest
}
