import { isTitleLike, segmentLines, type Piece, type SplitCue } from './segmentText.js'
import type { ReaderContext, ReaderOutput, TalkDraft } from './talkDraft.js'

/** A talk found in the text: its lines (each a piece) and where it starts. */
interface TextTalk {
  readonly pieces: Piece[]
  /** Title given by the layout (a heading, a list item, a `Title:` field), if any. */
  readonly title?: string
  /** 0-based line of the layout's title. */
  readonly line?: number
}

// Layout cues, each tried on the whole text before the paragraph and line cues.
const numbered = /^(\d{1,3})[.)][ \t]+(\S.*)$/
const titleField = /^(?:title|talk|session|talk title)[ \t]*:[ \t]*(\S.*)$/i
const fieldLine = /^[*_]{0,2}(speakers?|authors?|presenters?|by|abstract|description|summary|track)[ \t]*(?::[*_]{0,2}|[*_]{0,2}:)[ \t]*(.*)$/i
const mailHeader = /^(?:from|to|cc|subject|date|reply-to|message-id)[ \t]*:/i
const signatureDelimiter = /^-- ?$/
// A leading block that describes the track or event rather than a talk.
const descriptionHeading = /^(?:description|about|overview|introduction|track description|about (?:the|this) (?:track|event|conference|workshop|devroom))[ \t]*:?$/i
const eventWords = /\b(?:committee|call for (?:papers|proposals|talks|participation)|cfp|submissions?|deadline|chairs?|track will|talks will|minutes (?:in length|long|each)|registration|venue|accepted talks|the following talks)\b/gi
// `Title — Jane Doe`, `Title -- Jane Doe & Ali Khan`: a dash, then two to four capitalised words per name.
const name = String.raw`\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){1,3}`
// Longest title searched for a speaker after a dash; keeps the pattern's work bounded.
const maxSpeakerTitle = 200
const titleSpeaker = new RegExp(String.raw`^(.*\S)[ \t]+(?:—|–|--|-)[ \t]+(${name}(?:[ \t]*(?:,|&|and)[ \t]*${name})*)$`, 'u')

/**
 * Reads plain text as people paste it. `onePerLine` makes every line a talk. Otherwise
 * the layout decides, first match wins:
 *
 * 1. Markdown headings (`## Title`) at the shallowest level used twice or more: each
 *    starts a talk;
 * 2. a numbered list (`1.`, `2)`…) counting up from 1: each item starts a talk;
 * 3. `Title:` fields: each starts a talk (`Speaker:`, `Abstract:` fields inside are read);
 * 4. paragraphs separated by blank lines, each split further by the cues of
 *    {@link segmentLines} (truncation marks, wrapped lines, titles, topic shifts); a
 *    paragraph that is only a title takes the paragraph after it as its abstract.
 *
 * Text before the first talk that describes the event (a heading such as "Description" or
 * "About", or words about the committee, the call, the format; e-mail headers and greeting)
 * is returned as `description`, not as a talk. A talk's first line is its title when it
 * reads as one (short, no final punctuation); `Title — Speaker` titles give the speaker.
 * An e-mail signature (after a `-- ` line) and `> ` quoting are dropped.
 *
 * @param text Plain text.
 * @param context One-per-line switch.
 * @internal
 */
export function readText(text: string, context: ReaderContext): ReaderOutput {
  const lines = unquote(text.split(/\r\n?|\n/))
  if (context.onePerLine) {
    const drafts: TalkDraft[] = []
    for (let i = 0; i < lines.length; i++) if (lines[i]!.trim() !== '') drafts.push(draftFromTalk({ pieces: [{ lines: [lines[i]!.trim()], start: i }] }))
    return { drafts, warnings: [], cues: ['one per line'] }
  }
  const end = lines.findIndex((line) => signatureDelimiter.test(line))
  const body = end === -1 ? lines : lines.slice(0, end)
  const cues = new Set<SplitCue | string>()
  const found = byLayout(body, cues) ?? byParagraphs(body, cues)
  const description = leadingDescription(found, body)
  const talks = description === undefined ? found : found.slice(1)
  return {
    drafts: talks.map(draftFromTalk),
    warnings: [],
    cues: [...cues],
    ...(description === undefined ? {} : { description }),
  }
}

/**
 * Drops `> ` quoting when every non-blank line carries it (a forwarded e-mail).
 * @param lines Lines.
 */
function unquote(lines: string[]): string[] {
  const quoted = lines.filter((line) => line.trim() !== '')
  if (quoted.length === 0 || !quoted.every((line) => /^>[ \t]?/.test(line))) return lines
  return lines.map((line) => line.replace(/^>[ \t]?/, ''))
}

/**
 * Talks from headings, a numbered list or `Title:` fields, or undefined when the text has
 * none of these layouts. Lines before the first talk form a leading group.
 * @param lines Lines.
 * @param cues Output: cues used.
 */
function byLayout(lines: readonly string[], cues: Set<string>): TextTalk[] | undefined {
  const starts = headingStarts(lines) ?? numberedStarts(lines) ?? fieldStarts(lines)
  if (starts === undefined) return undefined
  cues.add(starts.cue)
  const talks: TextTalk[] = []
  const leading = piecesOf(lines, 0, starts.at[0]!)
  if (leading.length > 0) talks.push({ pieces: leading })
  for (let t = 0; t < starts.at.length; t++) {
    const from = starts.at[t]!
    const to = t + 1 < starts.at.length ? starts.at[t + 1]! : lines.length
    talks.push({ pieces: piecesOf(lines, from + 1, to), title: starts.titles[t]!, line: from })
  }
  return talks
}

/** Lines that start talks, their titles and the cue's name. */
interface Starts {
  readonly at: number[]
  readonly titles: string[]
  readonly cue: string
}

/**
 * Markdown headings of the shallowest level that occurs at least twice.
 * @param lines Lines.
 */
function headingStarts(lines: readonly string[]): Starts | undefined {
  const levels = new Map<number, number>()
  for (const line of lines) {
    const match = markdownHeading(line.trim())
    if (match !== undefined) levels.set(match.level, (levels.get(match.level) ?? 0) + 1)
  }
  let level = 0
  for (const [depth, count] of levels) if (count >= 2 && (level === 0 || depth < level)) level = depth
  if (level === 0) return undefined
  const at: number[] = []
  const titles: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const match = markdownHeading(lines[i]!.trim())
    if (match !== undefined && match.level === level) {
      at.push(i)
      titles.push(match.text)
    }
  }
  return { at, titles, cue: 'headings' }
}

/**
 * An ATX Markdown heading (`## Title ##`): its level and text. Scanned by hand: the
 * pattern `^#+\s+(.*?)[\s#]*$` backtracks quadratically on long runs of spaces.
 * @param line Trimmed line.
 */
function markdownHeading(line: string): { level: number; text: string } | undefined {
  let level = 0
  while (level < line.length && line.charCodeAt(level) === 35) level++
  if (level === 0 || level > 6) return undefined
  const gap = line.charCodeAt(level)
  if (gap !== 32 && gap !== 9) return undefined
  // A closing run of # counts only after a space (`## C#` keeps its #).
  let end = line.length
  while (end > level && line.charCodeAt(end - 1) === 35) end--
  if (end === line.length || (line.charCodeAt(end - 1) !== 32 && line.charCodeAt(end - 1) !== 9)) end = line.length
  const text = line.slice(level, end).trim()
  return text === '' ? undefined : { level, text }
}

/**
 * Items of a numbered list counting 1, 2, 3… (at least two).
 * @param lines Lines.
 */
function numberedStarts(lines: readonly string[]): Starts | undefined {
  const at: number[] = []
  const titles: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const match = numbered.exec(lines[i]!.trim())
    if (match !== null && Number(match[1]) === at.length + 1) {
      at.push(i)
      titles.push(match[2]!)
    }
  }
  return at.length >= 2 ? { at, titles, cue: 'numbered list' } : undefined
}

/**
 * `Title:` field lines (at least two).
 * @param lines Lines.
 */
function fieldStarts(lines: readonly string[]): Starts | undefined {
  const at: number[] = []
  const titles: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const match = titleField.exec(lines[i]!.trim())
    if (match !== null) {
      at.push(i)
      titles.push(match[1]!)
    }
  }
  return at.length >= 2 ? { at, titles, cue: 'Title: fields' } : undefined
}

/**
 * The non-blank lines from..to as one-line pieces.
 * @param lines Lines.
 * @param from First line.
 * @param to End (exclusive).
 */
function piecesOf(lines: readonly string[], from: number, to: number): Piece[] {
  const pieces: Piece[] = []
  for (let i = from; i < to; i++) {
    const line = lines[i]!.trim()
    if (line !== '') pieces.push({ lines: [line], start: i })
  }
  return pieces
}

/**
 * Talks from blank-line paragraphs, each split further by line cues.
 * @param lines Lines.
 * @param cues Output: cues used.
 */
function byParagraphs(lines: readonly string[], cues: Set<string>): TextTalk[] {
  const paragraphs: Array<{ lines: string[]; start: number }> = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    if (i === 0 || lines[i - 1]!.trim() === '') paragraphs.push({ lines: [], start: i })
    paragraphs[paragraphs.length - 1]!.lines.push(line)
  }
  if (paragraphs.length > 1) cues.add('blank lines')
  const talks: TextTalk[] = []
  let pendingTitle: Piece | undefined
  for (const paragraph of paragraphs) {
    const split = segmentLines(paragraph.lines, paragraph.start)
    for (const cue of split.cues) cues.add(cue)
    for (const pieces of split.talks) {
      const loneTitle = pieces.length === 1 && pieces[0]!.lines.length === 1 && isTitleLike(pieces[0]!.lines[0]!) && split.talks.length === 1
      if (pendingTitle !== undefined && !loneTitle) {
        talks.push({ pieces: [pendingTitle, ...pieces] })
        pendingTitle = undefined
        continue
      }
      if (pendingTitle !== undefined) talks.push({ pieces: [pendingTitle] })
      pendingTitle = undefined
      if (loneTitle && paragraphs.length > 1) pendingTitle = pieces[0]!
      else talks.push({ pieces })
    }
  }
  if (pendingTitle !== undefined) talks.push({ pieces: [pendingTitle] })
  return talks
}

/**
 * The first group's text when it describes the event rather than a talk: a description
 * heading, e-mail headers, or two different words about the committee, call or format.
 * @param talks Groups found, in order.
 * @param lines All lines (for the e-mail check).
 */
function leadingDescription(talks: readonly TextTalk[], lines: readonly string[]): string | undefined {
  if (talks.length < 2) return undefined
  const first = talks[0]!
  const text = first.pieces.map((piece) => piece.lines.join('\n')).join('\n')
  const firstLine = first.title ?? first.pieces[0]?.lines[0] ?? ''
  const untitledPreamble = first.title === undefined && talks.slice(1).every((talk) => talk.title !== undefined)
  const mail = lines.some((line) => mailHeader.test(line)) && mailHeader.test(first.pieces[0]?.lines[0] ?? '')
  const eventWordCount = new Set((text.match(eventWords) ?? []).map((word) => word.toLowerCase())).size
  if (untitledPreamble || mail || descriptionHeading.test(firstLine) || eventWordCount >= 2) return text
  return undefined
}

/**
 * One draft from one talk: the layout's title, else the first line when it reads as a
 * title; `Speaker:` and `Abstract:` field lines read; a speaker after a dash in the title.
 * @param talk Talk.
 */
function draftFromTalk(talk: TextTalk): TalkDraft {
  let pieces = talk.pieces
  let title = talk.title
  if (title === undefined && pieces.length > 0 && pieces[0]!.lines.length === 1 && isTitleLike(pieces[0]!.lines[0]!)) {
    const next = pieces[1]?.lines[0] ?? ''
    if (!/^\p{Ll}/u.test(next)) {
      title = pieces[0]!.lines[0]!
      pieces = pieces.slice(1)
    }
  }
  const speakers: string[] = []
  const abstract: string[] = []
  for (const piece of pieces) {
    for (const line of piece.lines) {
      const field = fieldLine.exec(line)
      const label = field?.[1]!.toLowerCase() ?? ''
      if (field !== null && /^(speaker|author|presenter|by)/.test(label)) speakers.push(...field[2]!.split(/\s*(?:,|&|\band\b)\s*/).filter((item) => item !== ''))
      else if (field !== null && label !== 'track') abstract.push(field[2]!)
      else if (field === null) abstract.push(line)
    }
  }
  if (title !== undefined && speakers.length === 0 && title.length <= maxSpeakerTitle) {
    const match = titleSpeaker.exec(title)
    if (match !== null) {
      title = match[1]!
      speakers.push(...match[2]!.split(/[ \t]*(?:,|&|\band\b)[ \t]*/).filter((item) => item !== ''))
    }
  }
  const start = talk.line ?? talk.pieces[0]?.start ?? 0
  const source = talk.pieces.map((piece) => piece.lines.join('\n')).join('\n')
  return {
    id: undefined,
    title: title ?? '',
    abstract: abstract.join('\n'),
    ...(speakers.length > 0 ? { speakers } : {}),
    source: talk.title === undefined ? source : `${talk.title}\n${source}`.trim(),
    place: { line: start + 1 },
  }
}
