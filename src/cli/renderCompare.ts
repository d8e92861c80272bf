import type { CompareResult, ThemeChange } from '../compare/types.js'
import { formatCsv } from '../io/formatCsv.js'
import type { OutputFormat } from './args.js'
import { escapeTerminalMarkdown } from './markdown.js'
import { renderTable } from './table.js'
import { escapeJsonForTerminal } from './terminal.js'
import { unreachable } from '../util/unreachable.js'

/** The two input files, for headings and the JSON. */
export interface CompareFiles {
  readonly before: string
  readonly after: string
}

/**
 * The result of `compare` in an output format. JSON:
 * `{"editions":{"before":{"file","talks"},"after":{…}},"k","themes":[{"id","label","keywords",
 * "before","after","change","shareChange","kind","beforeTalks":{"talks","examples"},"afterTalks":{…}}]}`;
 * CSV: one row per theme, with the talk ids of each edition; table and Markdown: one line per
 * theme with example titles (after for a theme that grew, before for one that shrank).
 * @param result What `compare` found.
 * @param files The two input files.
 * @param format Output format.
 * @param width Table width.
 */
export function renderCompare(result: CompareResult, files: CompareFiles, format: OutputFormat, width: number): string {
  const { themes } = result
  switch (format) {
    case 'json': {
      const editions = { before: { file: files.before, talks: result.editions.before }, after: { file: files.after, talks: result.editions.after } }
      return `${escapeJsonForTerminal(JSON.stringify({ editions, k: result.k, themes }, null, 1))}\n`
    }
    case 'csv': {
      const rows: unknown[][] = [['theme_id', 'theme_label', 'theme_keywords', 'before', 'after', 'change', 'share_change', 'kind', 'examples_before', 'examples_after', 'talks_before', 'talks_after']]
      for (const theme of themes) {
        rows.push([theme.id, theme.label, theme.keywords, theme.before, theme.after, theme.change, theme.shareChange, theme.kind, theme.beforeTalks.examples, theme.afterTalks.examples, theme.beforeTalks.talks, theme.afterTalks.talks])
      }
      return formatCsv(rows)
    }
    case 'md': {
      const cell = (text: string): string => escapeTerminalMarkdown(text, true)
      let out = `# What changed: ${cell(files.before)} (${result.editions.before} talks) → ${cell(files.after)} (${result.editions.after} talks)\n\n${summary(result)}\n\n`
      out += '| theme | before | after | change | kind | examples |\n| --- | ---: | ---: | ---: | --- | --- |\n'
      for (const theme of themes) out += `| ${cell(theme.label)} | ${theme.before} | ${theme.after} | ${signed(theme.change)} | ${theme.kind} | ${cell(examples(theme).join(' · '))} |\n`
      return out
    }
    case 'table': {
      const rows = themes.map((theme) => [signed(theme.change), String(theme.before), String(theme.after), theme.kind, theme.label, examples(theme).join(' · ')])
      const columns = [{ header: 'change' }, { header: 'before' }, { header: 'after' }, { header: 'kind' }, { header: 'theme', maxWidth: 40, minWidth: 10 }, { header: 'examples', minWidth: 12 }]
      return `${renderTable(columns, rows, width)}${summary(result)}\n`
    }
    default:
      return unreachable(format, 'format')
  }
}

/**
 * One line: themes, talks per edition, and how many themes are new and faded.
 * @param result What `compare` found.
 */
export function summary(result: CompareResult): string {
  const count = (kind: ThemeChange['kind']): number => result.themes.filter((theme) => theme.kind === kind).length
  return `${result.themes.length} themes over ${result.editions.before} + ${result.editions.after} talks: ${count('new')} new, ${count('grew')} grew, ${count('steady')} steady, ${count('shrank')} shrank, ${count('faded')} faded`
}

/**
 * Example titles of the edition that says most about the change: after for a theme that
 * grew or stayed, before for one that shrank.
 * @param theme A theme's change.
 */
function examples(theme: ThemeChange): readonly string[] {
  return theme.change < 0 ? theme.beforeTalks.examples : theme.afterTalks.examples
}

/**
 * A change with its sign: `+3`, `-2`, `0`.
 * @param change Change in talks.
 */
export function signed(change: number): string {
  return change > 0 ? `+${change}` : String(change)
}
