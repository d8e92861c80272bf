import { buildAtlas } from '../atlas/buildAtlas.js'
import { renderHtmlReport } from '../report/renderHtmlReport.js'
import { renderMarkdownReport } from '../report/renderMarkdownReport.js'
import type { ReportOptions } from '../report/types.js'
import { groupSessions } from '../sessions/groupSessions.js'
import { integerOption } from './args.js'
import { UsageError } from './cliErrors.js'
import type { Command } from './command.js'
import { printWarnings, writeOutput } from './context.js'
import { parseK } from './coreCommands.js'
import { readInput } from './readInput.js'

/** `talkatlas report`: the HTML page, or a Markdown summary with `--format md` / a `.md` output. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Write one self-contained HTML page (map, themes, talks, related talks, sessions, search); --format md for a Markdown summary.',
  usage: 'talkatlas report <input> --out report.html [--size <n>] [options]',
  options: {
    k: { type: 'string', short: 'k', value: '<n|auto>', help: 'number of themes, or auto (default auto)' },
    size: { type: 'string', value: '<n>', help: 'plan sessions of n talks (1 to 1000) and show the plan' },
    rooms: { type: 'string', value: '<n>', help: 'parallel rooms per slot with --size, 1 to 100 (default 1)' },
    title: { type: 'string', value: '<text>', help: 'page title (default "talkatlas report")' },
    related: { type: 'string', value: '<n>', help: 'related talks per talk, 0 to 50 (default 5)' },
  },
  available: true,
  async run(common, values, context) {
    const markdown = common.format === 'md' || (common.format === undefined && /\.(md|markdown)$/i.test(common.out ?? ''))
    if (common.format !== undefined && common.format !== 'md') {
      throw new UsageError(`talkatlas report: --format ${common.format} is not a report format; the report is HTML (default) or md`)
    }
    const k = parseK('report', values['k'])
    const related = integerOption('report', 'related', values['related'], 5, 0, 50)
    const size = values['size'] === undefined ? undefined : integerOption('report', 'size', values['size'], 0, 1, 1000)
    const rooms = integerOption('report', 'rooms', values['rooms'], 1, 1, 100)
    const title = values['title']
    const { talks } = await readInput(common, context)
    const atlas = buildAtlas(talks, { seed: common.seed, k })
    printWarnings(atlas.warnings, common, context)
    const options: { -readonly [K in keyof ReportOptions]: ReportOptions[K] } = { related }
    if (typeof title === 'string') options.title = title
    if (size !== undefined) {
      const plan = groupSessions(atlas, { size, parallel: rooms })
      printWarnings(plan.warnings, common, context)
      options.sessions = plan
    }
    const text = markdown ? renderMarkdownReport(atlas, options) : renderHtmlReport(atlas, options)
    await writeOutput([text], common, context)
  },
}
