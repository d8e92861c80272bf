/**
 * The theme groups ("tracks") in the CLI's output formats: `themes --level groups` lists the
 * groups with their theme ids, `--level tree` nests themes and talks under each group.
 */
import { formatCsv } from '../io/formatCsv.js'
import type { ThemeGroup } from '../atlas/themeGroups.js'
import type { Talk } from '../types.js'
import type { OutputFormat } from './args.js'
import { UsageError } from './cliErrors.js'
import { escapeTerminalMarkdown, markdownCodeId } from './markdown.js'
import type { ThemeView } from './renderResults.js'
import { renderTable } from './table.js'
import { escapeJsonForTerminal } from './terminal.js'
import { unreachable } from '../util/unreachable.js'

/** What `themes --level` prints. */
export type ThemeLevel = 'themes' | 'groups' | 'tree'

/**
 * `--level`: `themes` (default), `groups` or `tree`.
 * @param value Raw value.
 */
export function parseLevel(value: unknown): ThemeLevel {
  if (value === undefined || value === 'themes' || value === 'groups' || value === 'tree') return value ?? 'themes'
  throw new UsageError(`talkatlas themes: --level=${JSON.stringify(String(value))} is invalid, expected themes, groups or tree`)
}

/** A theme's taxonomy name with its label beside it, or its label alone. */
function display(theme: ThemeView): string {
  return typeof theme.name === 'string' && theme.name !== '' ? `${theme.name} (${theme.label})` : theme.label
}

/** The JSON of one theme, as the flat `themes` output writes it. */
function themeJson(theme: ThemeView): object {
  const named = typeof theme.name === 'string' && theme.name !== ''
  return { id: theme.id, ...(named ? { name: theme.name } : {}), label: theme.label, keywords: theme.keywords.map((k) => k.term), talks: theme.talks.map((t) => t.id) }
}

/**
 * Groups in an output format. JSON: `{"groups":[{"id","label","keywords":[…],"size","themes":[…]}]}`
 * where `themes` holds theme ids (`groups`) or whole themes as the flat output writes them (`tree`).
 * @param level `groups` or `tree`.
 * @param groups Groups, largest first.
 * @param themes Themes by id.
 * @param talks Talks by id, for titles.
 * @param format Output format.
 * @param width Table width.
 */
export function renderGroups(
  level: 'groups' | 'tree', groups: readonly ThemeGroup[], themes: ReadonlyMap<string, ThemeView>, talks: ReadonlyMap<string, Talk>, format: OutputFormat, width: number,
): string {
  const themesOf = (group: ThemeGroup) => group.themes.map((id) => themes.get(id)!)
  const title = (id: string) => talks.get(id)?.title || id
  switch (format) {
    case 'json': {
      const out = groups.map((group) => ({
        id: group.id, label: group.label, keywords: group.keywords.map((k) => k.term), size: group.size,
        themes: level === 'tree' ? themesOf(group).map(themeJson) : group.themes,
      }))
      return `${escapeJsonForTerminal(JSON.stringify({ groups: out }, null, 1))}\n`
    }
    case 'csv': {
      const rows: unknown[][] = [['group_id', 'group_label', 'group_keywords', 'theme_id', 'theme_label', ...(level === 'tree' ? ['talk_id', 'talk_title'] : ['talks'])]]
      for (const group of groups) {
        const keywords = group.keywords.map((k) => k.term).join('; ')
        for (const theme of themesOf(group)) {
          const head = [group.id, group.label, keywords, theme.id, display(theme)]
          if (level === 'groups') rows.push([...head, theme.talks.length])
          else for (const talk of theme.talks) rows.push([...head, talk.id, talks.get(talk.id)?.title ?? ''])
        }
      }
      return formatCsv(rows)
    }
    case 'md': {
      let out = `# Groups (${groups.length})\n`
      for (const group of groups) {
        out += `\n## ${escapeTerminalMarkdown(group.label, true)} (${group.size})\n\nKeywords: ${escapeTerminalMarkdown(group.keywords.map((k) => k.term).join(', '), true)}\n\n`
        for (const theme of themesOf(group)) {
          out += `- ${escapeTerminalMarkdown(display(theme), true)} (${theme.talks.length})\n`
          if (level === 'tree') for (const talk of theme.talks) out += `  - ${escapeTerminalMarkdown(title(talk.id), true)} (${markdownCodeId(talk.id)})\n`
        }
      }
      return out
    }
    case 'table': {
      const rows: string[][] = []
      for (const group of groups) {
        rows.push([group.id, group.label, String(group.size), String(group.themes.length), group.keywords.map((k) => k.term).join(', ')])
        if (level === 'groups') continue
        for (const theme of themesOf(group)) {
          // Table cells are trimmed, so the nesting is drawn, not indented with spaces.
          rows.push([`├ ${theme.id}`, `├ ${display(theme)}`, String(theme.talks.length), '', theme.keywords.map((k) => k.term).join(', ')])
          for (const talk of theme.talks) rows.push(['│', `│ · ${title(talk.id)}`, '', '', ''])
        }
      }
      const columns = [{ header: 'id', maxWidth: 14 }, { header: 'label', maxWidth: 50, minWidth: 12 }, { header: 'talks', minWidth: 5 }, { header: 'themes', minWidth: 6 }, { header: 'keywords', minWidth: 12 }]
      return `${renderTable(columns, rows, width)}${groups.length} groups\n`
    }
    default:
      return unreachable(format, 'format')
  }
}
