import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { InputError, type InputPlace } from '../errors.js'
import { decodeXmlEntities } from './htmlEntities.js'
import { isRecord, lineAt, lineLocator, speakerNames, withFile } from './fields.js'
import { type ReaderContext, type ReaderOutput, type TalkDraft, unreadableDraft } from './talkDraft.js'

const eventPath = 'schedule.day.room.event'
/** Child elements of an `<event>` read as one text: repeated, the parser gives a list, which must not read as empty. */
const singleElements = ['slug', 'title', 'subtitle', 'abstract', 'description', 'track', 'room', 'date', 'start', 'duration', 'type', 'language', 'url', 'persons'] as const
const arrayPaths = new Set(['schedule.day', 'schedule.day.room', eventPath, `${eventPath}.persons.person`, `${eventPath}.links.link`])

// Entity expansion stays off: the parser never reads DOCTYPE entities, and documents that
// declare any are refused before parsing (XXE, billion laughs). Abstracts are stop nodes so
// that embedded XHTML arrives as text for cleanText instead of as nested records.
// Built on first use, so that bundles which never read XML drop the parser.
let parser: XMLParser | undefined
const makeParser = (): XMLParser => new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  stopNodes: [`${eventPath}.abstract`, `${eventPath}.description`],
  isArray: (_name, jpath) => arrayPaths.has(String(jpath)),
})

/**
 * Reads a frab / pentabarf schedule XML (FOSDEM, CCC, pretalx export):
 * `schedule > day > room > event`.
 *
 * Id mapping, the same as {@link readFrabJson} so both exports of one schedule agree:
 * `slug`, else the event's `id` attribute, else a generated id. `abstract` and
 * `description` are joined as paragraphs when both are present and differ.
 *
 * @param text XML document.
 * @param context File name for messages.
 * @throws {InputError} On malformed XML (with its line), entity declarations, or a
 *   document that is not a schedule.
 * @internal
 */
export function readFrabXml(text: string, context: ReaderContext): ReaderOutput {
  const file = context.file
  refuseEntityDeclarations(text, file)
  checkWellFormed(text, file)
  let document: unknown
  try {
    parser ??= makeParser()
    document = parser.parse(text)
  } catch (error) {
    throw new InputError(`malformed XML: ${lowerFirst(error instanceof Error ? error.message : String(error))}`, withFile({}, file), error)
  }
  const schedule = isRecord(document) ? document['schedule'] : undefined
  if (!isRecord(schedule)) {
    const root = isRecord(document) ? Object.keys(document).find((key) => !key.startsWith('?')) : undefined
    throw new InputError(`expected a frab/pentabarf <schedule> root element, found ${root === undefined ? 'no element' : `<${root}>`}`, withFile({ line: 1 }, file))
  }
  const eventOffsets = lazyEventOffsets(text)
  const lineOf = lineLocator(text)
  const drafts: TalkDraft[] = []
  // The n-th <event> read in a room is the n-th <event start tag when every event sits in
  // a room (as frab writes them), so its line is found lazily.
  let nInRooms = 0
  const placeOfEvent = (n: number) => (): InputPlace => ({ line: lineOf(eventOffsets()[n] ?? 0) })
  // Events anywhere but day > room are counted and reported: frab never puts them there,
  // and reading them would guess at their room.
  const misplaced = (event: unknown, field: string): void => {
    drafts.push(unreadableDraft(event, { field }, '<event> outside a <room> (frab nests schedule > day > room > event)'))
  }
  for (const event of asArray(schedule['event'])) misplaced(event, 'schedule.event')
  const days = asArray(schedule['day'])
  for (let d = 0; d < days.length; d++) {
    const day = days[d]
    if (!isRecord(day)) continue
    const date = xmlText(day['@date'])
    for (const event of asArray(day['event'])) misplaced(event, `schedule.day[${d}].event`)
    for (const room of asArray(day['room'])) {
      if (!isRecord(room)) continue
      const roomName = xmlText(room['@name'])
      for (const event of asArray(room['event'])) drafts.push(draftFromEvent(event, date, roomName, placeOfEvent(nInRooms++)))
    }
  }
  return { drafts, warnings: [] }
}

/**
 * One draft from one `<event>`.
 * @param event Parsed event element.
 * @param date The day's `date` attribute.
 * @param roomName The room's `name` attribute.
 * @param place Lazily computed line of the event.
 */
function draftFromEvent(event: unknown, date: string, roomName: string, place: () => InputPlace): TalkDraft {
  if (!isRecord(event)) {
    return unreadableDraft(event, place, 'empty <event>')
  }
  const repeated = singleElements.find((name) => Array.isArray(event[name]))
  if (repeated !== undefined) {
    return unreadableDraft(event, place, `<${repeated}> appears ${(event[repeated] as unknown[]).length} times in one <event>, expected once`)
  }
  const slug = xmlText(event['slug'])
  const eventId = xmlText(event['@id'])
  const persons = isRecord(event['persons']) ? asArray(event['persons']['person']).map(xmlText) : []
  return {
    id: slug !== '' ? slug : eventId !== '' ? eventId : undefined,
    idField: slug !== '' ? 'slug' : 'id',
    title: xmlText(event['title']),
    abstract: joinAbstract(rawText(event['abstract']), rawText(event['description'])),
    speakers: speakerNames(persons),
    track: xmlText(event['track']),
    extra: [
      ['subtitle', xmlText(event['subtitle'])],
      ['eventId', eventId],
      ['guid', xmlText(event['@guid'])],
      ['room', xmlText(event['room']) || roomName],
      ['day', date],
      ['date', xmlText(event['date'])],
      ['start', xmlText(event['start'])],
      ['duration', xmlText(event['duration'])],
      ['type', xmlText(event['type'])],
      ['language', xmlText(event['language'])],
      ['url', xmlText(event['url'])],
    ],
    source: event,
    place,
  }
}

/**
 * Abstract and description as one text: both paragraphs when they differ.
 * @param abstract Abstract text.
 * @param description Description text.
 */
export function joinAbstract(abstract: string, description: string): string {
  const a = abstract.trim()
  const d = description.trim()
  if (a === '' || a === d) return d
  if (d === '' || a.includes(d)) return a
  return `${a}\n\n${d}`
}

/**
 * Text content of a parsed element or attribute, XML references decoded.
 * @param value Parsed value: string, or a record with `#text` when the element has attributes.
 */
function xmlText(value: unknown): string {
  if (typeof value === 'string') return decodeXmlEntities(value)
  if (typeof value === 'number') return String(value)
  if (isRecord(value)) return xmlText(value['#text'])
  return ''
}

/**
 * Content of a stop node (kept raw by the parser): CDATA sections unwrapped verbatim,
 * XML references decoded elsewhere, markup left for cleanText.
 * @param value Raw inner XML.
 */
function rawText(value: unknown): string {
  if (isRecord(value)) return rawText(value['#text'])
  if (typeof value !== 'string') return ''
  if (!value.includes('<![CDATA[')) return decodeXmlEntities(value)
  let out = ''
  let from = 0
  for (;;) {
    const start = value.indexOf('<![CDATA[', from)
    if (start === -1) break
    const end = value.indexOf(']]>', start + 9)
    out += decodeXmlEntities(value.slice(from, start)) + value.slice(start + 9, end === -1 ? value.length : end)
    if (end === -1) return out
    from = end + 3
  }
  return out + decodeXmlEntities(value.slice(from))
}

/**
 * A list from a value the parser may have left single or missing.
 * @param value Parsed value.
 */
function asArray(value: unknown): readonly unknown[] {
  if (value === undefined || value === '') return []
  return Array.isArray(value) ? value : [value]
}

/**
 * Offsets of every `<event` start tag, computed once on first use (only messages need them).
 * @param text XML document.
 */
function lazyEventOffsets(text: string): () => readonly number[] {
  let offsets: number[] | undefined
  return () => {
    if (offsets === undefined) {
      offsets = []
      const pattern = /<event[\s>/]/g
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) offsets.push(match.index)
    }
    return offsets
  }
}

/**
 * Refuses documents that declare entities: external entities could read local files
 * and nested ones can expand to gigabytes. frab exports never declare any.
 * @param text XML document.
 * @param file File name for messages.
 */
function refuseEntityDeclarations(text: string, file: string | undefined): void {
  const at = entityDeclarationAt(text)
  if (at === -1) return
  throw new InputError('entity declarations (<!ENTITY>) are refused: external and expanding entities are not supported', withFile({ line: lineAt(text, at) }, file))
}

/**
 * Offset of the first `<!ENTITY` outside CDATA sections, or -1: the words as text inside
 * `<![CDATA[…]]>` (an abstract about XML) declare nothing. One pass with indexOf.
 * @param text XML document.
 */
export function entityDeclarationAt(text: string): number {
  const pattern = /<!(?:[Ee][Nn][Tt][Ii][Tt][Yy]|\[CDATA\[)/g
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 8) return match.index
    const end = text.indexOf(']]>', match.index + 9)
    if (end === -1) return -1
    pattern.lastIndex = end + 3
  }
  return -1
}

/**
 * Runs the parser's validator and turns its findings into `file:line: reason`.
 * @param text XML document.
 * @param file File name for messages.
 */
function checkWellFormed(text: string, file: string | undefined): void {
  const result = XMLValidator.validate(text, { allowBooleanAttributes: true })
  if (result === true) return
  const { msg, line, col } = result.err
  const mismatch = /^Expected closing tag '([^']+)' \(opened in line (\d+), col \d+\) instead of closing tag '([^']+)'/.exec(msg)
  if (mismatch !== null) {
    throw new InputError(`unclosed <${mismatch[1]!}> (found </${mismatch[3]!}> at line ${line})`, withFile({ line: Number(mismatch[2]) }, file))
  }
  const unclosed = /^Unclosed tag '([^']+)'/.exec(msg)
  if (unclosed !== null) throw new InputError(`unclosed <${unclosed[1]!}>`, withFile({ line }, file))
  const openAtEnd = /^Invalid '\[(.*)\]' found/s.exec(msg)
  if (openAtEnd !== null) {
    const names = openAtEnd[1]!.split(',').map((name) => name.trim().replace(/^"|"$/g, ''))
    const innermost = names[names.length - 1] ?? ''
    const opened = text.lastIndexOf(`<${innermost}`)
    throw new InputError(`unclosed <${innermost}> at end of input`, withFile({ line: lineAt(text, opened === -1 ? text.length : opened) }, file))
  }
  throw new InputError(`malformed XML: ${lowerFirst(msg.replace(/\.$/, ''))}`, withFile({ line, column: col }, file))
}

/**
 * Lower-cases the first letter of a parser message.
 * @param text Message.
 */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
