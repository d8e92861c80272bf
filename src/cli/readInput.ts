import { readTalksFile, type ReadTalksFileResult } from '../io/readTalksFile.js'
import type { CommonOptions } from './args.js'
import { printWarnings, progressFor, type CliContext } from './context.js'

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
    return result
  } finally {
    progress.finish()
  }
}
