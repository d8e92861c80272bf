import type { CommonOptions, OptionSpec } from './args.js'
import type { CliContext } from './context.js'

/** One `talkatlas <command>`. */
export interface Command {
  /** Name typed on the command line. */
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** Usage line for `--help`. */
  readonly usage: string
  /** The command's own options (the common ones are added). */
  readonly options: Readonly<Record<string, OptionSpec>>
  /** Whether the command works in this build; others exit 1 with "not available yet". */
  readonly available: boolean
  /**
   * Runs the command after its arguments were parsed.
   * @param common Common options.
   * @param values The command's own option values.
   * @param context Process streams.
   */
  run(common: CommonOptions, values: Readonly<Record<string, string | boolean | undefined>>, context: CliContext): Promise<void>
}
