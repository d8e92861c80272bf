import { formatCsv } from '../io/formatCsv.js'
import type { Talk, Warning } from '../types.js'
import type { OutputFormat } from './args.js'
import { escapeTerminalMarkdown, markdownCodeId } from './markdown.js'
import { renderTable } from './table.js'
import { escapeJsonForTerminal } from './terminal.js'
import { round } from '../util/round.js'
import { unreachable } from '../util/unreachable.js'

/** The parts of a theme the CLI prints (the core's `Theme`). */
export interface ThemeView {
  readonly id: string
  readonly label: string
  /** Name of the taxonomy theme it matches (`nameThemes`), shown before the label; null or absent for none. */
  readonly name?: string | null
  readonly keywords: readonly { readonly term: string; readonly score: number }[]
  readonly talks: readonly { readonly id: string; readonly score: number }[]
}

/** One related talk or search hit (the core's `relatedTalks` / `searchTalks` items). */
export interface RelatedView {
  readonly id: string
  readonly score: number
  readonly terms: readonly string[]
}

/**
 * Themes in an output format. JSON: `{"themes":[{"id","label","keywords":[…],"talks":[ids]}]}`,
 * with `"name"` after `"id"` for a theme named after a taxonomy theme; elsewhere the name
 * comes first and the label beside it (`XDP (xdp · queue · ring)`).
 * @param themes Themes, most typical talks first.
 * @param talks Talks by id, for titles.
 * @param format Output format.
 * @param width Table width.
 */
export function renderThemes(themes: readonly ThemeView[], talks: ReadonlyMap<string, Talk>, format: OutputFormat, width: number): string {
  switch (format) {
    case 'json': {
      const out = themes.map((theme) => ({ id: theme.id, ...(named(theme) ? { name: theme.name } : {}), label: theme.label, keywords: theme.keywords.map((k) => k.term), talks: theme.talks.map((t) => t.id) }))
      return `${escapeJsonForTerminal(JSON.stringify({ themes: out }, null, 1))}\n`
    }
    case 'csv': {
      const rows: unknown[][] = [['theme_id', 'theme_label', 'theme_keywords', 'talk_id', 'talk_title', 'score']]
      for (const theme of themes) {
        const keywords = theme.keywords.map((k) => k.term).join('; ')
        for (const talk of theme.talks) rows.push([theme.id, display(theme), keywords, talk.id, talks.get(talk.id)?.title ?? '', round(talk.score, 4)])
      }
      return formatCsv(rows)
    }
    case 'md': {
      let out = `# Themes (${themes.length})\n`
      for (const theme of themes) {
        out += `\n## ${escapeTerminalMarkdown(display(theme), true)} (${theme.talks.length})\n\nKeywords: ${escapeTerminalMarkdown(theme.keywords.map((k) => k.term).join(', '), true)}\n\n`
        for (const talk of theme.talks) out += `- ${escapeTerminalMarkdown(talks.get(talk.id)?.title || talk.id, true)} (${markdownCodeId(talk.id)})\n`
      }
      return out
    }
    case 'table': {
      const rows = themes.map((theme) => [theme.id, display(theme), String(theme.talks.length), theme.keywords.map((k) => k.term).join(', '), theme.talks.slice(0, 3).map((t) => talks.get(t.id)?.title ?? t.id).join(' · ')])
      const columns = [{ header: 'id', maxWidth: 12 }, { header: 'label', maxWidth: 40, minWidth: 10 }, { header: 'talks', minWidth: 5 }, { header: 'keywords', maxWidth: 50, minWidth: 12 }, { header: 'typical talks', minWidth: 12 }]
      return `${renderTable(columns, rows, width)}${themes.length} themes\n`
    }
    default:
      return unreachable(format, 'format')
  }
}

/** Whether a theme carries a taxonomy name. */
function named(theme: ThemeView): theme is ThemeView & { readonly name: string } {
  return typeof theme.name === 'string' && theme.name !== ''
}

/** A theme's taxonomy name with its own label beside it, or its label alone. */
function display(theme: ThemeView): string {
  return named(theme) ? `${theme.name} (${theme.label})` : theme.label
}

/**
 * Related talks in an output format. JSON: `{"related":{"<id>":[{"id","score","terms"}]}}`,
 * or `{"query":[…]}` for a search, with `"warnings":[{"code","message"}]` when the search
 * had any (e.g. `no talk mentions "quantum"`).
 * @param key `related` for talk-to-talk lists, `query` for a search.
 * @param lists Results per talk id (for `query`, one list under the query text).
 * @param talks Talks by id, for titles.
 * @param format Output format.
 * @param width Table width.
 * @param warnings Warnings of a search, added to its JSON.
 */
export function renderRelated(key: 'related' | 'query', lists: ReadonlyMap<string, readonly RelatedView[]>, talks: ReadonlyMap<string, Talk>, format: OutputFormat, width: number, warnings: readonly Warning[] = []): string {
  const clean = (items: readonly RelatedView[]): RelatedView[] => items.map((item) => ({ id: item.id, score: round(item.score, 4), terms: [...item.terms] }))
  const title = (id: string): string => talks.get(id)?.title ?? ''
  switch (format) {
    case 'json': {
      if (key === 'query') {
        const hits = clean([...lists.values()][0] ?? [])
        const notes = warnings.map(({ code, message }) => ({ code, message }))
        return `${escapeJsonForTerminal(JSON.stringify(notes.length > 0 ? { query: hits, warnings: notes } : { query: hits }))}\n`
      }
      // Written by hand, one talk per line, so that ids keep input order (an object would
      // move integer-like ids such as "103" to the front).
      const lines = [...lists].map(([id, items]) => `${JSON.stringify(id)}:${JSON.stringify(clean(items))}`)
      return `${escapeJsonForTerminal(`{"related":{\n${lines.join(',\n')}\n}}`)}\n`
    }
    case 'csv': {
      const rows: unknown[][] = [[key === 'query' ? 'query' : 'talk_id', 'rank', 'related_id', 'related_title', 'score', 'terms']]
      for (const [from, items] of lists) items.forEach((item, r) => rows.push([from, r + 1, item.id, title(item.id), round(item.score, 4), item.terms.join('; ')]))
      return formatCsv(rows)
    }
    case 'md': {
      let out = key === 'query' ? '# Search results\n' : '# Related talks\n'
      for (const [from, items] of lists) {
        out += `\n## ${escapeTerminalMarkdown(key === 'query' ? from : title(from) || from, true)}\n\n`
        for (const item of items) out += `- ${escapeTerminalMarkdown(title(item.id) || item.id, true)} (${markdownCodeId(item.id)}, ${round(item.score, 4)}): ${escapeTerminalMarkdown(item.terms.join(', '), true)}\n`
      }
      return out
    }
    case 'table': {
      const rows: string[][] = []
      for (const [from, items] of lists) items.forEach((item, r) => rows.push([r === 0 ? (key === 'query' ? from : title(from) || from) : '', item.id, title(item.id), round(item.score, 4).toFixed(3), item.terms.join(', ')]))
      const columns = [{ header: key === 'query' ? 'query' : 'talk', maxWidth: 40, minWidth: 10 }, { header: 'related id', maxWidth: 30, minWidth: 6 }, { header: 'title', maxWidth: 50, minWidth: 10 }, { header: 'score' }, { header: 'shared terms', minWidth: 10 }]
      return renderTable(columns, rows, width)
    }
    default:
      return unreachable(format, 'format')
  }
}

/** Scores printed by `talkatlas evaluate`. */
export interface EvaluationView {
  readonly label: string
  readonly talks: number
  readonly labels: number
  readonly themes: number
  /** Languages of the talks' texts with their counts, most frequent first: `en 112, de 55`. */
  readonly languages: string
  readonly nmi: number
  readonly ari: number
  /** V-measure: harmonic mean of homogeneity and completeness. */
  readonly v: number
  readonly homogeneity: number
  readonly completeness: number
}

/**
 * Evaluation scores in an output format. JSON: `{"evaluation":{…}}`.
 * @param scores Scores and counts.
 * @param format Output format.
 * @param width Table width.
 */
export function renderEvaluation(scores: EvaluationView, format: OutputFormat, width: number): string {
  const entries = Object.entries(scores).map(([key, value]) => [key, typeof value === 'number' && !Number.isInteger(value) ? round(value, 4) : value] as const)
  switch (format) {
    case 'json':
      return `${escapeJsonForTerminal(JSON.stringify({ evaluation: Object.fromEntries(entries) }, null, 1))}\n`
    case 'csv':
      return formatCsv([['metric', 'value'], ...entries.map(([key, value]) => [key, value])])
    case 'md':
      return `# Evaluation against "${escapeTerminalMarkdown(scores.label, true)}"\n\n| metric | value |\n| --- | --- |\n${entries.map(([key, value]) => `| ${key} | ${escapeTerminalMarkdown(String(value), true)} |`).join('\n')}\n`
    case 'table':
      return renderTable([{ header: 'metric' }, { header: 'value' }], entries.map(([key, value]) => [key, String(value)]), width)
    default:
      return unreachable(format, 'format')
  }
}
