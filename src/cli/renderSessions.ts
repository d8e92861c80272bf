import { formatCsv } from '../io/formatCsv.js'
import type { SessionsResult } from '../sessions/groupSessions.js'
import type { Talk } from '../types.js'
import type { OutputFormat } from './args.js'
import { escapeTerminalMarkdown } from './markdown.js'
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
      const { sessions, remainder, objective } = plan
      return `${escapeJsonForTerminal(JSON.stringify({ sessions, remainder, objective }, null, 1))}\n`
    }
    case 'csv': {
      const rows: unknown[][] = [['session_id', 'slot', 'room', 'session_label', 'similarity', 'position', 'talk_id', 'talk_title']]
      for (const session of plan.sessions) {
        session.talks.forEach((id, p) => rows.push([session.id, session.slot, session.room, session.label, session.similarity, p + 1, id, title(id)]))
      }
      return formatCsv(rows)
    }
    case 'md': {
      let out = `# Sessions (${plan.sessions.length})\n`
      for (const session of plan.sessions) {
        out += `\n## Slot ${session.slot}, room ${session.room}: ${escapeTerminalMarkdown(session.label, true)}\n\n`
        for (const id of session.talks) out += `- ${escapeTerminalMarkdown(title(id) || id, true)} (\`${id.replaceAll('`', "'")}\`)\n`
      }
      return out
    }
    case 'table': {
      const rows = plan.sessions.map((session) => [String(session.slot), String(session.room), session.id, session.label, String(session.talks.length), session.similarity.toFixed(3), session.talks.map((id) => title(id) || id).join(' · ')])
      const columns = [{ header: 'slot' }, { header: 'room' }, { header: 'id', maxWidth: 14 }, { header: 'label', maxWidth: 40, minWidth: 10 }, { header: 'talks' }, { header: 'similarity' }, { header: 'titles', minWidth: 12 }]
      const { meanWithinSimilarity, meanParallelSimilarity, speakerClashes } = plan.objective
      const summary = `${plan.sessions.length} sessions; mean within-session similarity ${meanWithinSimilarity.toFixed(3)}${meanParallelSimilarity === null ? '' : `, mean parallel similarity ${meanParallelSimilarity.toFixed(3)}`}; speaker clashes ${speakerClashes}`
      return `${renderTable(columns, rows, width)}${summary}\n`
    }
    default:
      return unreachable(format, 'format')
  }
}
