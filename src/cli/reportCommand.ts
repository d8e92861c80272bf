import { buildAtlasThreaded, readWithEarlyPool } from './threadedAtlas.js'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { renderMarkdownReport } from '../report/renderMarkdownReport.js'
import type { ReportOptions } from '../report/types.js'
import { groupSessions } from '../sessions/groupSessions.js'
import { tagTalks } from '../tag/tagTalks.js'
import { InputError } from '../errors.js'
import { integerOption } from './args.js'
import { UsageError } from './cliErrors.js'
import type { Command } from './command.js'
import { printWarnings, progressCallback, progressLine, writeOutput } from './context.js'
import { kOption, parseK, parseRestarts, restartsOption } from './coreCommands.js'
import { readInput } from './readInput.js'
import { keepRankingIndex, keepRelatedIndexThreaded, relatedThreads } from './relatedPool.js'
import { inFile } from './readJsonFile.js'
import { readStopwordsOption, stopwordsOption } from './stopwordsFile.js'
import { embeddingsOption, embeddingWeightOption, readEmbeddingsOption } from './embeddingsFile.js'
import { readThemesFile } from './tagCommand.js'
import { examplesOption, runCompareReport } from './compareCommand.js'
import { groupsOption, parseGroups } from './groupsOption.js'

/** `talkatlas report`: the HTML page, or a Markdown summary with `--format md` / a `.md` output. */
export const reportCommand: Command = {
  name: 'report',
  usage: 'talkatlas report <input> --out report.html [--size <n>] [options]\n       talkatlas report <after> --compare <before> --out changes.html [options]',
  options: {
    k: kOption,
    restarts: restartsOption,
    size: { type: 'string', value: '<n>', help: 'plan sessions of n talks (1 to 1000) and show the plan' },
    parallel: { type: 'string', value: '<rooms>', help: 'parallel rooms per slot with --size, 1 to 100 (default 1)' },
    rooms: { type: 'string', value: '<n>', help: 'same as --parallel' },
    themes: { type: 'string', value: '<file>', help: 'tag talks with these themes (as for `talkatlas tag`; default: the built-in Linux networking and BPF taxonomy when the talks are about that field)' },
    title: { type: 'string', value: '<text>', help: 'page title (default "talkatlas report")' },
    related: { type: 'string', value: '<n>', help: 'related talks per talk, 0 to 50 (default 5)' },
    stopwords: stopwordsOption,
    embeddings: embeddingsOption,
    'embedding-weight': embeddingWeightOption,
    compare: { type: 'string', value: '<before>', help: 'instead: the page of what changed from this earlier edition to <input> (chart of theme sizes before vs after)' },
    examples: examplesOption,
    groups: groupsOption,
  },
  async run(common, values, context) {
    if (values['compare'] !== undefined) return runCompareReport(common, values, context)
    const markdown = common.format === 'md' || (common.format === undefined && /\.(md|markdown)$/i.test(common.out ?? ''))
    if (common.format !== undefined && common.format !== 'md') {
      throw new UsageError(`talkatlas report: --format ${common.format} is not a report format; the report is HTML (default) or md`)
    }
    const k = parseK('report', values['k'])
    const restarts = parseRestarts('report', values['restarts'])
    const groups = parseGroups('report', values['groups'])
    const related = integerOption('report', 'related', values['related'], 5, 0, 50)
    const size = values['size'] === undefined ? undefined : integerOption('report', 'size', values['size'], 0, 1, 1000)
    const rooms = values['parallel'] !== undefined
      ? integerOption('report', 'parallel', values['parallel'], 1, 1, 100)
      : integerOption('report', 'rooms', values['rooms'], 1, 1, 100)
    const themesPath = values['themes']
    if (themesPath === true || themesPath === '') throw new UsageError('talkatlas report: --themes needs a file name')
    const themesFile = typeof themesPath === 'string' ? await readThemesFile(themesPath) : {}
    const title = values['title']
    const stopwords = await readStopwordsOption('report', values['stopwords'])
    const { talks, embeddings } = await readWithEarlyPool(common.input, common.threads, async () => {
      const { talks } = await readInput(common, context)
      return { talks, embeddings: await readEmbeddingsOption('report', values, talks) }
    })
    const onProgress = progressCallback(common, context)
    const atlas = await buildAtlasThreaded(talks, { seed: common.seed, k, restarts, groups, onProgress, ...stopwords, ...embeddings }, common.threads, !markdown && related > 0 ? keepRankingIndex : undefined)
    printWarnings(atlas.warnings, common, context)
    const options: { -readonly [K in keyof ReportOptions]: ReportOptions[K] } = { related, onProgress }
    if (typeof title === 'string') options.title = title
    const tagged = reportTags(atlas, themesFile, typeof themesPath === 'string' ? themesPath : undefined)
    printWarnings(tagged.warnings, common, context)
    options.tags = tagged.tags
    if (size !== undefined) {
      progressLine(common, context).show('sessions', 0, 0)
      const plan = groupSessions(atlas, { size, parallel: rooms })
      printWarnings(plan.warnings, common, context)
      options.sessions = plan
    }
    const line = progressLine(common, context)
    // The page's related lists, searched on the threads before the (synchronous) rendering.
    if (!markdown && related > 0) {
      line.show('related', 0, 0, 'every talk')
      await keepRelatedIndexThreaded(atlas, related, relatedThreads(common.threads, atlas.talks.length))
    }
    line.show('report', 0, 0, 'rendering')
    // The HTML page's map layout (umap-js, ml-matrix) is loaded only when a page is rendered.
    const text = markdown ? renderMarkdownReport(atlas, options) : (await import('../report/renderHtmlReport.js')).renderHtmlReport(atlas, options)
    line.show('report', 0, 0, 'writing')
    await writeOutput([text], common, context)
    line.clear()
  },
}

/**
 * Tags for the report's talk cards, from a themes file or the built-in taxonomy.
 * @param atlas The report's atlas.
 * @param themesFile Parsed `--themes` file, or `{}`.
 * @param path The file's path, for messages.
 */
function reportTags(atlas: ReturnType<typeof buildAtlas>, themesFile: Awaited<ReturnType<typeof readThemesFile>>, path: string | undefined) {
  try {
    const result = themesFile.taxonomy === undefined ? tagTalks(atlas, themesFile.themes) : tagTalks(atlas, undefined, { taxonomy: themesFile.taxonomy })
    const tags = new Map(result.talks.map((talk) => [talk.id, talk.tags.map(({ theme, score }) => ({ theme, score }))]))
    return { tags, warnings: result.warnings }
  } catch (error) {
    throw error instanceof InputError && path !== undefined ? inFile(error, path, themesFile.root) : error
  }
}
