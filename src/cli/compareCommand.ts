import { basename } from 'node:path'
import { jointTalks, resolveCompareOptions, summarizeChanges } from '../compare/compare.js'
import type { CompareResult } from '../compare/types.js'
import { InputError } from '../errors.js'
import type { Talk } from '../types.js'
import { integerOption, type CommonOptions, type OptionSpec } from './args.js'
import { UsageError } from './cliErrors.js'
import type { Command } from './command.js'
import { outputWidth, printWarnings, progressCallback, resolveOutputFormat, writeOutput, type CliContext } from './context.js'
import { kOption, parseK, parseRestarts, restartsOption } from './coreCommands.js'
import { buildAtlasThreaded } from './threadedAtlas.js'
import { readInput } from './readInput.js'
import { renderCompare, type CompareFiles } from './renderCompare.js'
import { renderCompareHtml } from '../report/renderCompareHtml.js'

/** `--examples`, shared by `compare` and `report --compare`. */
export const examplesOption: OptionSpec = { type: 'string', value: '<n>', help: 'example titles per theme and edition, 0 to 50 (default 3)' }

/** `talkatlas compare`. */
export const compareCommand: Command = {
  name: 'compare',
  usage: 'talkatlas compare <before> <after> [options]',
  inputs: ['<before>', '<after>'],
  options: { k: kOption, restarts: restartsOption, examples: examplesOption },
  async run(common, values, context, inputs) {
    const { result, files } = await compareInputs('compare', inputs[0]!, inputs[1]!, common, values, context)
    await writeOutput([renderCompare(result, files, resolveOutputFormat(common, context), outputWidth(common, context))], common, context)
  },
}

/**
 * `talkatlas report <after> --compare <before>`: the compare page (HTML), or the Markdown of
 * `compare` with `--format md` / a `.md` output.
 * @param common Common options; `common.input` is the after edition.
 * @param values The report's options (`compare`, `k`, `restarts`, `examples`, `title`).
 * @param context Process streams.
 */
export async function runCompareReport(common: CommonOptions, values: Readonly<Record<string, string | boolean | undefined>>, context: CliContext): Promise<void> {
  const beforePath = values['compare']
  if (typeof beforePath !== 'string' || beforePath === '') throw new UsageError('talkatlas report: --compare needs the before edition\'s file')
  if (common.format !== undefined && common.format !== 'md') throw new UsageError(`talkatlas report: --format ${common.format} is not a report format; the compare page is HTML (default) or md`)
  const ignored = ['size', 'parallel', 'rooms', 'themes', 'related', 'stopwords'].filter((name) => values[name] !== undefined)
  if (ignored.length > 0) throw new UsageError(`talkatlas report: --compare cannot be combined with ${ignored.map((name) => `--${name}`).join(', ')}`)
  const markdown = common.format === 'md' || (common.format === undefined && /\.(md|markdown)$/i.test(common.out ?? ''))
  const { result, files, talks } = await compareInputs('report', beforePath, common.input, common, values, context)
  const title = values['title']
  const text = markdown
    ? renderCompare(result, files, 'md', outputWidth(common, context))
    : renderCompareHtml(result, { names: { before: basename(files.before), after: basename(files.after) }, talks, ...(typeof title === 'string' ? { title } : {}) })
  await writeOutput([text], common, context)
}

/**
 * Reads two editions, fits themes over both and summarises the changes, printing warnings.
 * @param command Command name, for messages.
 * @param beforePath The earlier edition's file, or `-`.
 * @param afterPath The later edition's file, or `-`.
 * @param common Common options (input format, seed, threads, quiet).
 * @param values The command's own options (`k`, `restarts`, `examples`).
 * @param context Process streams.
 * @throws {UsageError} When both inputs are standard input.
 * @throws {InputError} When a file cannot be read or holds no talks, naming the file.
 */
export async function compareInputs(
  command: string,
  beforePath: string,
  afterPath: string,
  common: CommonOptions,
  values: Readonly<Record<string, string | boolean | undefined>>,
  context: CliContext,
): Promise<{ result: CompareResult; files: CompareFiles; talks: { before: readonly Talk[]; after: readonly Talk[] } }> {
  if (beforePath === '-' && afterPath === '-') throw new UsageError(`talkatlas ${command}: only one edition can be read from standard input (-)`)
  const options = resolveCompareOptions({
    k: parseK(command, values['k']),
    restarts: parseRestarts(command, values['restarts']),
    examples: integerOption(command, 'examples', values['examples'], 3, 0, 50),
    seed: common.seed,
  })
  const before = await readEdition(beforePath, 'before', common, context)
  const after = await readEdition(afterPath, 'after', common, context)
  const atlas = await buildAtlasThreaded(jointTalks(before.talks, after.talks), { ...options.atlas, onProgress: progressCallback(common, context) }, common.threads)
  const result = summarizeChanges(atlas, before.talks, after.talks, options)
  printWarnings(result.warnings, common, context)
  return { result, files: { before: before.fileName, after: after.fileName }, talks: { before: before.talks, after: after.talks } }
}

/**
 * One edition's talks, with an empty edition reported against its file.
 * @param path File path, or `-`.
 * @param edition `before` or `after`, for the message.
 * @param common Common options.
 * @param context Process streams.
 */
async function readEdition(path: string, edition: string, common: CommonOptions, context: CliContext) {
  const read = await readInput({ ...common, input: path }, context)
  if (read.talks.length === 0) throw new InputError(`no talks in the ${edition} edition; compare needs talks on both sides`, { file: read.fileName })
  return read
}
