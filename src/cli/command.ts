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
  /** Names of its inputs when it takes more than one (`['<before>', '<after>']`); one `<input>` otherwise. */
  readonly inputs?: readonly string[]
  /** Whether the command works in this build; others exit 1 with "not available yet". */
  readonly available: boolean
  /**
   * Runs the command after its arguments were parsed.
   * @param common Common options.
   * @param values The command's own option values.
   * @param context Process streams.
   * @param inputs Every input given, in order.
   */
  run(common: CommonOptions, values: Readonly<Record<string, string | boolean | undefined>>, context: CliContext, inputs: readonly string[]): Promise<void>
}
