import { formatCsv } from '../io/formatCsv.js'
import type { SessionsResult } from '../sessions/groupSessions.js'
import type { Talk } from '../types.js'
import type { OutputFormat } from './args.js'
import { escapeTerminalMarkdown, markdownCodeId } from './markdown.js'
import { renderTable } from './table.js'
import { escapeJsonForTerminal } from './terminal.js'
import { unreachable } from '../util/unreachable.js'

/**
 * A session plan in an output format. JSON: `{"sessions":[{"id","label","talks":[ids],
 * "similarity","slot","room"}],"remainder","objective"}`; warnings go to stderr instead.
 * @param plan Result of `groupSessions`.
 * @param talks The talks, for titles.
 * @param format Output format.
 * @param width Table width.
 */
export function renderSessions(plan: SessionsResult, talks: readonly Talk[], format: OutputFormat, width: number): string {
  const titles = new Map(talks.map((talk) => [talk.id, talk.title]))
  const title = (id: string): string => titles.get(id) ?? ''
  switch (format) {
    case 'json': {
      const { sessions, remainder, objective, tracks } = plan
      return `${escapeJsonForTerminal(JSON.stringify({ sessions, remainder, objective, ...(tracks === undefined ? {} : { tracks }) }, null, 1))}\n`
    }
    case 'csv': {
      const grouped = plan.tracks !== undefined
      const rows: unknown[][] = [['session_id', 'slot', 'room', ...(grouped ? ['group'] : []), 'session_label', 'similarity', 'position', 'talk_id', 'talk_title']]
      for (const session of plan.sessions) {
        const group = grouped ? [session.group ?? ''] : []
        session.talks.forEach((id, p) => rows.push([session.id, session.slot, session.room, ...group, session.label, session.similarity, p + 1, id, title(id)]))
      }
      return formatCsv(rows)
    }
    case 'md': {
      let out = `# Sessions (${plan.sessions.length})\n`
      if (plan.tracks !== undefined) {
        out += '\n## Tracks\n\n'
        for (const track of plan.tracks) out += `- Room ${track.room}, ${slotRange(track)}: ${escapeTerminalMarkdown(track.label, true)} (${track.group})\n`
      }
      for (const session of plan.sessions) {
        const group = session.group === undefined ? '' : ` [${session.group}]`
        out += `\n## Slot ${session.slot}, room ${session.room}${group}: ${escapeTerminalMarkdown(session.label, true)}\n\n`
        for (const id of session.talks) out += `- ${escapeTerminalMarkdown(title(id) || id, true)} (${markdownCodeId(id)})\n`
      }
      return out
    }
    case 'table': {
      const grouped = plan.tracks !== undefined
      const rows = plan.sessions.map((session) => [String(session.slot), String(session.room), session.id, ...(grouped ? [session.group ?? ''] : []), session.label, String(session.talks.length), session.similarity.toFixed(3), session.talks.map((id) => title(id) || id).join(' · ')])
      const columns = [{ header: 'slot' }, { header: 'room' }, { header: 'id', maxWidth: 14 }, ...(grouped ? [{ header: 'group', maxWidth: 14 }] : []), { header: 'label', maxWidth: 40, minWidth: 10 }, { header: 'talks' }, { header: 'similarity' }, { header: 'titles', minWidth: 12 }]
      const { meanWithinSimilarity, meanParallelSimilarity, speakerClashes } = plan.objective
      const summary = `${plan.sessions.length} sessions; mean within-session similarity ${meanWithinSimilarity.toFixed(3)}${meanParallelSimilarity === null ? '' : `, mean parallel similarity ${meanParallelSimilarity.toFixed(3)}`}; speaker clashes ${speakerClashes}`
      const tracks = plan.tracks === undefined ? '' : `\n${renderTable([{ header: 'room' }, { header: 'slots' }, { header: 'group' }, { header: 'label', minWidth: 10 }], plan.tracks.map((t) => [String(t.room), slotRange(t), t.group, t.label]), width)}`
      return `${renderTable(columns, rows, width)}${summary}\n${tracks}`
    }
    default:
      return unreachable(format, 'format')
  }
}

/** `slot 3` or `slots 3–7`. */
function slotRange(track: { readonly firstSlot: number; readonly lastSlot: number }): string {
  return track.firstSlot === track.lastSlot ? `slot ${track.firstSlot}` : `slots ${track.firstSlot}–${track.lastSlot}`
}
