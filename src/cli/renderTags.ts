import { formatCsv } from '../io/formatCsv.js'
import type { Talk } from '../types.js'
import type { OutputFormat } from './args.js'
import { escapeTerminalMarkdown, markdownCodeId } from './markdown.js'
import { renderTable } from './table.js'
import { escapeJsonForTerminal } from './terminal.js'
import { unreachable } from '../util/unreachable.js'

/** The tags of one talk as the CLI prints them (the core's `TalkTags`). */
export interface TalkTagsView {
  readonly id: string
  readonly tags: readonly { readonly theme: string; readonly score: number; readonly evidence: number; readonly terms: readonly string[] }[]
}

/**
 * Tags in an output format. JSON: `{"tags":{"<talk id>":[{"theme","score","evidence"}]}}`, one talk
 * per line in input order, tags best first.
 * @param tagged Tags of every talk, in input order.
 * @param talks The talks, in the same order, for titles.
 * @param format Output format.
 * @param width Table width.
 */
export function renderTags(tagged: readonly TalkTagsView[], talks: readonly Talk[], format: OutputFormat, width: number): string {
  const title = (i: number): string => talks[i]?.title ?? ''
  switch (format) {
    case 'json': {
      // Written by hand so that ids keep input order (an object would move integer-like ids
      // such as "103" to the front, and a "__proto__" id would vanish).
      const lines = tagged.map((talk) => `${JSON.stringify(talk.id)}:${JSON.stringify(talk.tags.map(({ theme, score, evidence }) => ({ theme, score, evidence })))}`)
      return `${escapeJsonForTerminal(`{"tags":{\n${lines.join(',\n')}\n}}`)}\n`
    }
    case 'csv': {
      const rows: unknown[][] = [['talk_id', 'talk_title', 'rank', 'theme', 'score', 'terms']]
      tagged.forEach((talk, i) => {
        // A talk without tags keeps a row, so that every talk is in the output.
        if (talk.tags.length === 0) rows.push([talk.id, title(i), '', '', '', ''])
        talk.tags.forEach((tag, r) => rows.push([talk.id, title(i), r + 1, tag.theme, tag.score, tag.terms.join('; ')]))
      })
      return formatCsv(rows)
    }
    case 'md': {
      let out = `# Tags (${tagged.length} talks)\n\n`
      tagged.forEach((talk, i) => {
        const tags = talk.tags.length === 0 ? 'no tag' : talk.tags.map((tag) => `${escapeTerminalMarkdown(tag.theme, true)} (${tag.score})`).join(', ')
        out += `- ${escapeTerminalMarkdown(title(i) || talk.id, true)} (${markdownCodeId(talk.id)}): ${tags}\n`
      })
      return out
    }
    case 'table': {
      const rows = tagged.map((talk, i) => [talk.id, title(i), talk.tags.map((tag) => `${tag.theme} ${tag.score.toFixed(2)}`).join(', '), talk.tags[0]?.terms.join(', ') ?? ''])
      const columns = [{ header: 'id', maxWidth: 30, minWidth: 6 }, { header: 'title', maxWidth: 50, minWidth: 10 }, { header: 'tags', minWidth: 12 }, { header: 'terms of the best tag', maxWidth: 40, minWidth: 10 }]
      return `${renderTable(columns, rows, width)}${tagged.length} talks\n`
    }
    default:
      return unreachable(format, 'format')
  }
}
