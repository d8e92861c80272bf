import type { Command } from './command.js'
import { outputWidth, resolveOutputFormat, writeOutput } from './context.js'
import { readInput } from './readInput.js'
import { renderTalks } from './renderTalks.js'

/** `talkatlas convert`: any supported input to normalised talks. */
export const convertCommand: Command = {
  name: 'convert',
  summary: 'Read talks from any supported format and write them normalised: {"talks":[{"id","title","abstract",…}]}.',
  usage: 'talkatlas convert <input> [options]',
  options: {
    source: { type: 'boolean', help: 'keep each talk\'s original record under "source" (JSON output)' },
  },
  available: true,
  async run(common, values, context) {
    const { talks } = await readInput(common, context)
    const format = resolveOutputFormat(common, context)
    const chunks = renderTalks(talks, format, { width: outputWidth(common, context), includeSource: values['source'] === true })
    await writeOutput(chunks, common, context)
  },
}
