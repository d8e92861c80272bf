import type { CommonOptions, OptionSpec } from './args.js'
import type { CliContext } from './context.js'

/** One `talkatlas <command>`: its options and its code, loaded when it runs (see commandList.ts). */
export interface Command {
  /** Name typed on the command line. */
  readonly name: string
  /** Usage line for `--help`. */
  readonly usage: string
  /** The command's own options (the common ones are added). */
  readonly options: Readonly<Record<string, OptionSpec>>
  /** Names of its inputs when it takes more than one (`['<before>', '<after>']`); one `<input>` otherwise. */
  readonly inputs?: readonly string[]
  /**
   * Runs the command after its arguments were parsed.
   * @param common Common options.
   * @param values The command's own option values.
   * @param context Process streams.
   * @param inputs Every input given, in order.
   */
  run(common: CommonOptions, values: Readonly<Record<string, string | boolean | undefined>>, context: CliContext, inputs: readonly string[]): Promise<void>
}
