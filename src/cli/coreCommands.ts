import { buildAtlasThreaded, readWithEarlyPool } from './threadedAtlas.js'
import type { KmeansPool } from './kmeansPool.js'
import type { Atlas } from '../atlas/types.js'
import { adjustedRandIndex } from '../eval/adjustedRandIndex.js'
import { normalizedMutualInfo } from '../eval/normalizedMutualInfo.js'
import { vMeasure } from '../eval/vMeasure.js'
import { MAX_RELATED_TOP, relatedTalks, relatedToRow } from '../similarity/relatedTalks.js'
import { findTalks } from '../similarity/searchTalks.js'
import type { Talk, Warning } from '../types.js'
import { integerOption, type CommonOptions, type OptionSpec } from './args.js'
import { readStopwordsOption, stopwordsOption } from './stopwordsFile.js'
import { embeddingsOption, embeddingWeightOption, readEmbeddingsOption } from './embeddingsFile.js'
import { detectLanguage } from '../text/language.js'
import { UsageError } from './cliErrors.js'
import type { Command } from './command.js'
import { outputWidth, printWarnings, progressCallback, progressFor, resolveOutputFormat, writeOutput, type CliContext } from './context.js'
import { readInput } from './readInput.js'
import { keepRankingIndex, keepRelatedIndexThreaded, relatedThreads } from './relatedPool.js'
import { readThemesFile, type ThemesFile } from './tagCommand.js'
import { nameThemes, namingTaxonomy } from '../tag/nameThemes.js'
import type { TaxonomyFit } from '../tag/taxonomyFit.js'
import { builtinTaxonomyFitAside } from './taxonomyFitAside.js'
import { injectTestFault } from './testFault.js'
import type { Taxonomy } from '../tag/taxonomy.js'
import { renderEvaluation, renderRelated, renderThemes, type RelatedView } from './renderResults.js'
import { parseLevel, renderGroups } from './renderGroups.js'
import { groupsOption, parseGroups } from './groupsOption.js'

/**
 * `--k`: `auto` or an integer ≥ 1.
 * @param command Command name.
 * @param value Raw value.
 */
export function parseK(command: string, value: string | boolean | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto'
  if (typeof value !== 'string') throw new UsageError(`talkatlas ${command}: --k needs a value`)
  return integerOption(command, 'k', value, 0, 1, 100_000)
}

/** `--k`, shared by the commands that build themes. */
export const kOption: OptionSpec = { type: 'string', short: 'k', value: '<n|auto>', help: 'number of themes, or auto (default auto)' }

/** `--restarts`, shared by the commands that build themes. */
export const restartsOption: OptionSpec = {
  type: 'string',
  value: '<n>',
  help: 'k-means runs combined into the themes, 1 to 100 (default 20); fewer is faster and less stable',
}

/**
 * `--restarts`: an integer from 1 to 100, default 20.
 * @param command Command name.
 * @param value Raw value.
 */
export function parseRestarts(command: string, value: string | boolean | undefined): number {
  return integerOption(command, 'restarts', value, 20, 1, 100)
}

/**
 * Reads the input and builds the atlas, printing warnings of both steps.
 * @param common Common options.
 * @param context Process streams.
 * @param options Atlas options from the command line.
 * @param command Command name and option values, for `--embeddings`.
 * @param onPool Called with the talks read and the build's k-means pool once it is started
 * (undefined on one thread), for work that needs only the talks (see `buildAtlasThreaded`).
 * @param onThreads More k-means work on the build's threads (see `buildAtlasThreaded`).
 */
async function readAtlas(
  common: CommonOptions,
  context: CliContext,
  options: { k?: number | 'auto'; keywords?: number; restarts: number; groups?: number | 'auto'; stopwords?: readonly string[] },
  command: { name: string; values: Readonly<Record<string, string | boolean | undefined>> },
  onPool?: (talks: readonly Talk[], pool: KmeansPool | undefined) => void,
  onThreads?: Parameters<typeof buildAtlasThreaded>[3],
): Promise<Atlas> {
  const { talks, embeddings } = await readWithEarlyPool(common.input, common.threads, async () => {
    const { talks } = await readInput(common, context)
    return { talks, embeddings: await readEmbeddingsOption(command.name, command.values, talks) }
  })
  const atlas = await buildAtlasThreaded(
    talks, { seed: common.seed, ...options, ...embeddings, onProgress: progressCallback(common, context) }, common.threads, onThreads, (pool) => onPool?.(talks, pool),
  )
  printWarnings(atlas.warnings, common, context)
  return atlas
}

/**
 * Talks by id.
 * @param talks Talks.
 */
function talksById(talks: readonly Talk[]): Map<string, Talk> {
  return new Map(talks.map((talk) => [talk.id, talk]))
}

/** `talkatlas themes`. */
export const themesCommand: Command = {
  name: 'themes',
  usage: 'talkatlas themes <input> [options]',
  options: {
    k: kOption,
    keywords: { type: 'string', value: '<n>', help: 'keywords per theme, 1 to 50 (default 10)' },
    restarts: restartsOption,
    themes: { type: 'string', value: '<file>', help: 'name themes after these themes or this taxonomy (as for `talkatlas tag`; default: the built-in Linux networking and BPF taxonomy when the talks are about that field)' },
    stopwords: stopwordsOption,
    embeddings: embeddingsOption,
    'embedding-weight': embeddingWeightOption,
    groups: groupsOption,
    level: { type: 'string', value: '<themes|groups|tree>', help: 'themes (default); groups: the theme groups (tracks) with their theme ids; tree: groups → themes → talks' },
  },
  async run(common, values, context) {
    const level = parseLevel(values['level'])
    const groups = parseGroups('themes', values['groups'])
    const k = parseK('themes', values['k'])
    const keywords = integerOption('themes', 'keywords', values['keywords'], 10, 1, 50)
    const themesPath = values['themes']
    if (themesPath === true || themesPath === '') throw new UsageError('talkatlas themes: --themes needs a file name')
    const themesFile = typeof themesPath === 'string' ? await readThemesFile(themesPath) : undefined
    const stopwords = await readStopwordsOption('themes', values['stopwords'])
    let fit: Promise<TaxonomyFit | undefined> | undefined
    const measureFit = themesFile === undefined ? (talks: readonly Talk[], pool: KmeansPool | undefined) => (fit = builtinTaxonomyFitAside(pool, talks, stopwords)) : undefined
    const atlas = await readAtlas(common, context, { k, keywords, restarts: parseRestarts('themes', values['restarts']), groups, ...stopwords }, { name: 'themes', values }, measureFit)
    const names = themeNames(atlas, themesFile, common, context, await fit)
    const views = atlas.themes.map((theme, c) => ({ ...theme, name: names[c] ?? null }))
    const format = resolveOutputFormat(common, context)
    const width = outputWidth(common, context)
    const text = level === 'themes'
      ? renderThemes(views, talksById(atlas.talks), format, width)
      : renderGroups(level, atlas.groups, new Map(views.map((view) => [view.id, view])), talksById(atlas.talks), format, width)
    await writeOutput([text], common, context)
  },
}

/**
 * Taxonomy names of the atlas's themes: after the `--themes` file, else after the built-in
 * taxonomy when it fits the talks (with a notice), else none.
 * @param atlas Atlas.
 * @param file Parsed `--themes` file.
 * @param common Common options.
 * @param context Process streams.
 * @param fit The built-in taxonomy's fit, when measured on another thread.
 */
function themeNames(atlas: Atlas, file: ThemesFile | undefined, common: CommonOptions, context: CliContext, fit?: TaxonomyFit): (string | null)[] {
  const given: Taxonomy | undefined = file === undefined
    ? undefined
    : file.taxonomy ?? { name: 'themes', themes: (file.themes ?? []).map(({ name, aliases, keywords }) => ({ name, ...(aliases ? { aliases } : {}), ...(keywords ? { keywords } : {}) })) }
  // A test tripwire: proves, by failing here, that a fit from the worker was not measured again.
  if (given === undefined && fit === undefined) injectTestFault('main-taxonomy')
  const { taxonomy, warnings } = namingTaxonomy(atlas, given, fit)
  printWarnings(warnings, common, context)
  return taxonomy === null ? [] : nameThemes(atlas, taxonomy).map((entry) => entry.name)
}

/** `talkatlas related`. */
export const relatedCommand: Command = {
  name: 'related',
  usage: 'talkatlas related <input> [--id <talk id> | --query <text>] [options]',
  options: {
    top: { type: 'string', short: 'n', value: '<n>', help: `related talks per talk, 1 to ${MAX_RELATED_TOP} (default 5)` },
    id: { type: 'string', value: '<talk id>', help: 'only the talks related to this one' },
    query: { type: 'string', value: '<text>', help: 'search the talks for this text instead' },
    restarts: restartsOption,
    stopwords: stopwordsOption,
    embeddings: embeddingsOption,
    'embedding-weight': embeddingWeightOption,
  },
  async run(common, values, context) {
    const top = integerOption('related', 'top', values['top'], 5, 1, MAX_RELATED_TOP)
    const id = values['id']
    const query = values['query']
    if (id !== undefined && query !== undefined) throw new UsageError('talkatlas related: --id and --query cannot be combined')
    if (query === '' || query === true) throw new UsageError('talkatlas related: --query needs a non-empty text')
    const stopwords = await readStopwordsOption('related', values['stopwords'])
    // Talk lists rank with the coarse runs: they run on the build's threads.
    const atlas = await readAtlas(common, context, { restarts: parseRestarts('related', values['restarts']), ...stopwords }, { name: 'related', values }, undefined, typeof query === 'string' ? undefined : keepRankingIndex)
    const lists = new Map<string, readonly RelatedView[]>()
    let searchWarnings: readonly Warning[] = []
    if (typeof query === 'string') {
      const found = findTalks(atlas, query, { top })
      lists.set(query, found.talks)
      searchWarnings = found.warnings
      printWarnings(searchWarnings, common, context)
    } else if (typeof id === 'string') {
      if (!atlas.talks.some((talk) => talk.id === id)) throw new UsageError(`talkatlas related: --id=${JSON.stringify(id)} is not a talk id of ${common.input === '-' ? '<stdin>' : common.input}`)
      lists.set(id, relatedTalks(atlas, id, { top }))
    } else {
      await keepRelatedIndexThreaded(atlas, top, relatedThreads(common.threads, atlas.talks.length))
      const progress = progressFor('related', common, context)
      for (let row = 0; row < atlas.talks.length; row++) {
        lists.set(atlas.talks[row]!.id, relatedToRow(atlas, row, { top }))
        progress.update(row + 1, atlas.talks.length)
      }
      progress.finish()
    }
    const text = renderRelated(typeof query === 'string' ? 'query' : 'related', lists, talksById(atlas.talks), resolveOutputFormat(common, context), outputWidth(common, context), searchWarnings)
    await writeOutput([text], common, context)
  },
}

/** `talkatlas evaluate`. */
export const evaluateCommand: Command = {
  name: 'evaluate',
  usage: 'talkatlas evaluate <input> [--truth <field>] [options]',
  options: {
    truth: { type: 'string', value: '<field>', help: 'field holding the true label, never read by the clustering (default track)' },
    label: { type: 'string', value: '<field>', help: 'same as --truth' },
    k: kOption,
    restarts: restartsOption,
    stopwords: stopwordsOption,
    embeddings: embeddingsOption,
    'embedding-weight': embeddingWeightOption,
  },
  async run(common, values, context) {
    const k = parseK('evaluate', values['k'])
    const label = truthField(values['truth'], values['label'])
    const stopwords = await readStopwordsOption('evaluate', values['stopwords'])
    const atlas = await readAtlas(common, context, { k, restarts: parseRestarts('evaluate', values['restarts']), ...stopwords }, { name: 'evaluate', values })
    const truth: string[] = []
    const predicted: number[] = []
    const unlabelled: string[] = []
    for (let i = 0; i < atlas.talks.length; i++) {
      const value = atlas.talks[i]![label]
      if (typeof value === 'string' && value !== '') {
        truth.push(value)
        predicted.push(atlas.assignments[i]!)
      } else if (typeof value === 'number') {
        truth.push(String(value))
        predicted.push(atlas.assignments[i]!)
      } else {
        unlabelled.push(atlas.talks[i]!.id)
      }
    }
    if (truth.length === 0) throw new UsageError(`talkatlas evaluate: no talk has a "${label}" field; choose the label field with --truth`)
    if (unlabelled.length > 0) printWarnings([{ code: 'unlabelled', message: `${unlabelled.length} talks without "${label}" are left out of the scores`, talkIds: unlabelled }], common, context)
    const v = vMeasure(truth, predicted)
    const scores = {
      label,
      talks: truth.length,
      labels: new Set(truth).size,
      themes: atlas.themes.length,
      languages: countLanguages(atlas.talks),
      nmi: normalizedMutualInfo(truth, predicted),
      ari: adjustedRandIndex(truth, predicted),
      v: v.v,
      homogeneity: v.homogeneity,
      completeness: v.completeness,
    }
    await writeOutput([renderEvaluation(scores, resolveOutputFormat(common, context), outputWidth(common, context))], common, context)
  },
}

/**
 * The languages of the talks with their counts, most frequent first (ties by code).
 * @param talks Talks.
 */
function countLanguages(talks: readonly Talk[]): string {
  const counts = new Map<string, number>()
  for (const talk of talks) {
    const language = detectLanguage(`${talk.title}\n${talk.abstract}`)
    counts.set(language, (counts.get(language) ?? 0) + 1)
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([language, n]) => `${language} ${n}`).join(', ')
}

/**
 * The label field of `evaluate`: `--truth`, or its synonym `--label`, default `track`.
 * @param truth `--truth` value.
 * @param label `--label` value.
 * @throws {UsageError} On an empty field name, or two different fields.
 */
function truthField(truth: string | boolean | undefined, label: string | boolean | undefined): string {
  for (const [name, value] of [['truth', truth], ['label', label]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new UsageError(`talkatlas evaluate: --${name} needs a field name`)
  }
  if (typeof truth === 'string' && typeof label === 'string' && truth !== label) {
    throw new UsageError(`talkatlas evaluate: --truth ${JSON.stringify(truth)} and --label ${JSON.stringify(label)} name different fields; give one`)
  }
  return (truth ?? label ?? 'track') as string
}
