import { readTalksFile, type ReadTalksFileResult } from '../io/readTalksFile.js'
import type { CommonOptions } from './args.js'
import { printWarnings, progressFor, type CliContext } from './context.js'
import { stripTerminalControls } from './terminal.js'

/**
 * Reads the command's input with the common input options, printing the reader's
 * warnings and a progress bar for long clean-ups.
 * @param common Common options.
 * @param context Process streams.
 */
export async function readInput(common: CommonOptions, context: CliContext): Promise<ReadTalksFileResult> {
  const progress = progressFor('reading', common, context)
  try {
    const result = await readTalksFile(common.input, {
      ...(common.from === undefined ? {} : { format: common.from }),
      onePerLine: common.onePerLine,
      skipInvalid: common.skipInvalid,
      stdin: context.stdin,
      onProgress: (done, total) => progress.update(done, total),
    })
    progress.finish()
    printWarnings(result.warnings, common, context)
    if (!common.quiet && result.format === 'text') context.stderr.write(`talkatlas: ${describeTextSplit(result)}\n`)
    return result
  } finally {
    progress.finish()
  }
}

/**
 * How plain text was split, so that a wrong split shows at once:
 * `read 15 talks from seed.txt (paragraph cues: truncation marks, wrapped lines); 1 description block set aside`.
 * @param result What was read.
 */
export function describeTextSplit(result: ReadTalksFileResult): string {
  const given = result.cues ?? []
  const cues = given.includes('one per line') ? ' (one talk per line)' : given.length > 0 ? ` (paragraph cues: ${given.join(', ')})` : ''
  const description = result.description === undefined ? '' : '; 1 description block set aside'
  const n = result.talks.length
  return `read ${n} talk${n === 1 ? '' : 's'} from ${stripTerminalControls(result.fileName)}${cues}${description}`
}

/**
 * Talks in, out and skipped with why, for `--verbose`.
 * @param result What was read.
 */
export function describeTally(result: ReadTalksFileResult): string {
  const { recordsIn, talksOut, skipped } = result.tally
  let nSkipped = 0
  for (const group of skipped) nSkipped += group.count
  const why = skipped.length === 0 ? '' : ` (${skipped.map((group) => `${group.code}: ${group.count}`).join(', ')})`
  return `${stripTerminalControls(result.fileName)}: read as ${result.format}: ${recordsIn} in, ${talksOut} talks out, ${nSkipped} skipped${why}`
}
