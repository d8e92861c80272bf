/** A Markdown summary of an atlas, for pasting into an email or an issue. */
import type { Atlas } from '../atlas/types.js'
import { collectReport, type CollectedGroup, type CollectedReport, type CollectedTheme } from './collectReport.js'
import { escapeMarkdown } from './escape.js'
import type { ReportOptions } from './types.js'

/**
 * Renders the theme groups (tracks), largest first, each with its keywords and its themes
 * (largest first, each with its keywords and talks, most typical first), as the HTML report
 * nests them, and, when given, the session plan slot by slot and room by room. Every piece
 * of input text is escaped (no raw HTML, no Markdown syntax), one line per item. `tags` and
 * `related` are not shown: the summary stays short.
 *
 * @param atlas A built or loaded atlas.
 * @param options See {@link ReportOptions}.
 * @returns Markdown text ending in a newline.
 * @throws OptionError for a non-string title or sessions of the wrong shape.
 * @example renderMarkdownReport(atlas, { title: 'LPC 2025' }) // '# LPC 2025\n\n72 talks in 4 groups of 12 themes.\n…'
 */
export function renderMarkdownReport(atlas: Atlas, options: ReportOptions = {}): string {
  const report = collectReport(atlas, options, 'renderMarkdownReport', false)
  const lines: string[] = [`# ${escapeMarkdown(report.title)}`, '', summaryLine(report), '', '## Themes', '']
  for (const group of report.groups) lines.push(...groupLines(report, group))
  if (report.hasSessions) lines.push(...sessionLines(report))
  return lines.join('\n').replace(/\n+$/, '\n')
}

/**
 * A group: `### label (talks, themes)`, its keywords, then its themes.
 * @param report Report data.
 * @param group The group.
 */
function groupLines(report: CollectedReport, group: CollectedGroup): string[] {
  const lines = [`### ${escapeMarkdown(group.label)} (${count(group.size, 'talk')}, ${count(group.themes.length, 'theme')})`, '']
  if (group.keywords.length) lines.push(`Keywords: ${escapeMarkdown(group.keywords.join(', '))}`, '')
  for (const c of group.themes) lines.push(...themeLines(report, report.themes[c]!))
  return lines
}

/**
 * A theme: `#### n. label (talks)` (n: its place in the atlas, as its id `theme-n`), its
 * keywords and its talks, most typical first.
 * @param report Report data.
 * @param theme The theme.
 */
function themeLines(report: CollectedReport, theme: CollectedTheme): string[] {
  const lines = [`#### ${theme.index + 1}. ${escapeMarkdown(theme.label)} (${count(theme.members.length, 'talk')})`, '']
  if (theme.keywords.length) lines.push(`Keywords: ${escapeMarkdown(theme.keywords.join(', '))}`, '')
  theme.members.forEach((member, position) => {
    const talk = report.talks[member.index]
    if (talk !== undefined) lines.push(`${position + 1}. ${talkLine(report, talk.index)}`)
  })
  lines.push('')
  return lines
}

/**
 * `72 talks in 4 groups of 12 themes.` plus the session count when there is a plan.
 * @param report Report data.
 */
function summaryLine(report: CollectedReport): string {
  const sessions = report.hasSessions ? `, ${count(report.sessions.length, 'session')}` : ''
  return `${count(report.talks.length, 'talk')} in ${count(report.groups.length, 'group')} of ${count(report.themes.length, 'theme')}${sessions}.`
}

/**
 * A talk as one line: title and speakers.
 * @param report Report data.
 * @param index Talk position.
 */
function talkLine(report: CollectedReport, index: number): string {
  const talk = report.talks[index]!
  const speakers = talk.speakers.length ? ` — ${escapeMarkdown(talk.speakers.join(', '))}` : ''
  return `${escapeMarkdown(talk.title)}${speakers}`
}

/**
 * The plan: one heading per slot, one bullet per session (room and label), talks nested.
 * @param report Report data.
 */
function sessionLines(report: CollectedReport): string[] {
  const lines = ['## Sessions', '']
  if (report.sessions.length === 0) return [...lines, 'No sessions.', '']
  const hasSlots = report.slots.some(Boolean)
  report.slots.forEach((slot, s) => {
    if (hasSlots) lines.push(`### ${slot ? escapeMarkdown(slot) : 'Unscheduled'}`, '')
    report.sessions.forEach((session, index) => {
      if (session.slot !== s) return
      const room = report.rooms[session.room]
      const label = escapeMarkdown(session.label || session.id || `Session ${index + 1}`)
      lines.push(`- ${room ? `**${escapeMarkdown(room)}** · ` : ''}${label}`)
      session.talks.forEach((talk, position) => {
        const line = talk.index >= 0 ? talkLine(report, talk.index) : `${escapeMarkdown(talk.id)} (not in the atlas)`
        lines.push(`    ${position + 1}. ${line}`)
      })
    })
    lines.push('')
  })
  return lines
}

/**
 * `1 talk`, `2 talks`.
 * @param n How many.
 * @param noun Singular noun.
 */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
