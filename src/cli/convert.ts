import { detectLanguage } from '../text/language.js'
import type { Talk } from '../types.js'
import type { Command } from './command.js'
import { outputWidth, resolveOutputFormat, writeOutput } from './context.js'
import { describeTally, readInput } from './readInput.js'
import { renderTalks } from './renderTalks.js'

/** `talkatlas convert`: any supported input to normalised talks. */
export const convertCommand: Command = {
  name: 'convert',
  usage: 'talkatlas convert <input> [options]',
  options: {
    source: { type: 'boolean', help: 'keep each talk\'s original record under "source" (JSON output)' },
    verbose: { type: 'boolean', help: 'say on stderr how many records were read, how many talks came out, and what was skipped and why' },
  },
  async run(common, values, context) {
    const read = await readInput(common, context)
    if (values['verbose'] === true) context.stderr.write(`talkatlas: ${describeTally(read)}\n`)
    const format = resolveOutputFormat(common, context)
    const chunks = renderTalks(read.talks.map(withLanguage), format, { width: outputWidth(common, context), includeSource: values['source'] === true, description: read.description })
    await writeOutput(chunks, common, context)
  },
}

/**
 * The talk with `language` set to the language of its text, as the themes read it. A different
 * `language` of the input (a schedule states the language spoken) is kept as `declaredLanguage`.
 * @param talk Talk as read.
 */
export function withLanguage(talk: Talk): Talk {
  const language = detectLanguage(`${talk.title}\n${talk.abstract}`)
  const declared = talk['language']
  if (declared === undefined || declared === language || talk['declaredLanguage'] !== undefined) return { ...talk, language }
  return { ...talk, language, declaredLanguage: declared }
}
