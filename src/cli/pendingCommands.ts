import { integerOption } from './args.js'
import { NotAvailableError, UsageError } from './cliErrors.js'
import type { Command } from './command.js'

/**
 * `--k`: `auto` or an integer ≥ 2.
 * @param command Command name.
 * @param value Raw value.
 */
export function parseK(command: string, value: string | boolean | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto'
  if (typeof value !== 'string') throw new UsageError(`talkatlas ${command}: --k needs a value`)
  return integerOption(command, 'k', value, 0, 2, 100_000)
}

/** `talkatlas themes`: arguments checked; the clustering core is wired when it lands. */
export const themesCommand: Command = {
  name: 'themes',
  summary: 'Group talks into themes: {"themes":[{"id","label","keywords":[…],"talks":[ids]}]}.',
  usage: 'talkatlas themes <input> [options]',
  options: {
    k: { type: 'string', short: 'k', value: '<n|auto>', help: 'number of themes, or auto (default auto)' },
    keywords: { type: 'string', value: '<n>', help: 'keywords per theme, 1 to 50 (default 10)' },
  },
  available: false,
  run(_common, values) {
    parseK('themes', values['k'])
    integerOption('themes', 'keywords', values['keywords'], 10, 1, 50)
    return Promise.reject(new NotAvailableError('themes'))
  },
}

/** `talkatlas related`: arguments checked; similarity core wired when it lands. */
export const relatedCommand: Command = {
  name: 'related',
  summary: 'Related talks per talk: {"related":{"<talk id>":[{"id","score","terms"}]}}; with --query, search: {"query":[…]}.',
  usage: 'talkatlas related <input> [--id <talk id> | --query <text>] [options]',
  options: {
    top: { type: 'string', short: 'n', value: '<n>', help: 'related talks per talk, 1 to 100 (default 5)' },
    id: { type: 'string', value: '<talk id>', help: 'only the talks related to this one' },
    query: { type: 'string', value: '<text>', help: 'search the talks for this text instead' },
  },
  available: false,
  run(_common, values) {
    integerOption('related', 'top', values['top'], 5, 1, 100)
    if (values['id'] !== undefined && values['query'] !== undefined) throw new UsageError('talkatlas related: --id and --query cannot be combined')
    if (values['query'] === '') throw new UsageError('talkatlas related: --query needs a non-empty text')
    return Promise.reject(new NotAvailableError('related'))
  },
}

/** `talkatlas evaluate`: arguments checked; evaluation wired when the core lands. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Compare themes with a label field of the input (NMI, ARI).',
  usage: 'talkatlas evaluate <input> [--label <field>] [options]',
  options: {
    label: { type: 'string', value: '<field>', help: 'field holding the true label (default track)' },
    k: { type: 'string', short: 'k', value: '<n|auto>', help: 'number of themes, or auto (default auto)' },
  },
  available: false,
  run(_common, values) {
    parseK('evaluate', values['k'])
    if (values['label'] === '') throw new UsageError('talkatlas evaluate: --label needs a field name')
    return Promise.reject(new NotAvailableError('evaluate'))
  },
}

/**
 * A command owned by another part of the project, listed but not yet in this build.
 * @param name Command name.
 * @param summary One-line summary.
 */
function pendingCommand(name: string, summary: string): Command {
  return {
    name,
    summary,
    usage: `talkatlas ${name} <input> [options]`,
    options: {},
    available: false,
    run: () => Promise.reject(new NotAvailableError(name)),
  }
}

/** `talkatlas tag`. */
export const tagCommand = pendingCommand('tag', 'Tag talks with labels.')
/** `talkatlas sessions`. */
export const sessionsCommand = pendingCommand('sessions', 'Group talks into sessions of similar talks.')
/** `talkatlas report`. */
export const reportCommand = pendingCommand('report', 'Write a report of themes and related talks.')
