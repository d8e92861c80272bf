import { TalkatlasError } from '../errors.js'
import { formatHelp, parseCommandArgs } from './args.js'
import { NotAvailableError, UsageError } from './cliErrors.js'
import { commands } from './commandList.js'
import { clearProgress, type CliContext } from './context.js'
import { stripTerminalControls } from './terminal.js'

/** Exit codes: 0 success, 1 internal error or unavailable command, 2 input or usage error. */
export const exitCodes = { ok: 0, internal: 1, usage: 2 } as const

/**
 * Runs `talkatlas` with its arguments and returns the exit code. Errors become one line
 * on stderr: input and usage errors exit 2, anything else 1; stacks only with
 * `TALKATLAS_DEBUG=1`.
 * @param argv Arguments after the program name.
 * @param context Process streams.
 * @param version Package version for `--version`.
 */
export async function runCli(argv: readonly string[], context: CliContext, version: string): Promise<number> {
  try {
    await dispatch(argv, context, version)
    clearProgress(context)
    return exitCodes.ok
  } catch (error) {
    clearProgress(context)
    return reportError(error, context)
  }
}

/**
 * Picks the command and runs it.
 * @param argv Arguments after the program name.
 * @param context Process streams.
 * @param version Package version.
 */
async function dispatch(argv: readonly string[], context: CliContext, version: string): Promise<void> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout.write(mainHelp())
    if (name === undefined) throw new UsageError('talkatlas: missing command')
    return
  }
  if (name === '--version' || name === '-v') {
    context.stdout.write(`${version}\n`)
    return
  }
  const entry = commands.find((candidate) => candidate.name === name)
  if (entry === undefined) throw new UsageError(`talkatlas: unknown command ${JSON.stringify(name)}; commands: ${commands.map((c) => c.name).join(', ')}`)
  // The command's code and the language packs load only now (each a chunk of dist/).
  const [command, { prepareText }] = await Promise.all([entry.load(), import('./textSetup.js')])
  prepareText()
  const wantsHelp = rest.includes('--help') || rest.includes('-h')
  if (!entry.available && Object.keys(command.options).length === 0 && !wantsHelp) throw new NotAvailableError(entry.name)
  const { common, values, help, inputs } = parseCommandArgs(command.name, rest, command.options, command.inputs)
  if (help) {
    context.stdout.write(formatHelp(command.usage, entry.summary + (entry.available ? '' : '\n(Not available yet in this build.)'), command.options, command.inputs))
    return
  }
  await command.run(common, values, context, inputs)
}

/**
 * Prints an error as one line and picks the exit code.
 * @param error Thrown value.
 * @param context Process streams.
 */
function reportError(error: unknown, context: CliContext): number {
  const debug = process.env['TALKATLAS_DEBUG'] === '1'
  if (error instanceof UsageError) {
    context.stderr.write(`${stripTerminalControls(error.message)}\nRun 'talkatlas --help' or 'talkatlas <command> --help' for usage.\n`)
    return exitCodes.usage
  }
  if (error instanceof NotAvailableError) {
    context.stderr.write(`${error.message}\n`)
    return exitCodes.internal
  }
  if (error instanceof TalkatlasError && (error.code === 'INPUT' || error.code === 'OPTION')) {
    context.stderr.write(`talkatlas: ${stripTerminalControls(error.message)}\n`)
    if (debug && error.stack !== undefined) context.stderr.write(`${error.stack}\n`)
    return exitCodes.usage
  }
  const message = error instanceof Error ? error.message : String(error)
  context.stderr.write(`talkatlas: internal error: ${stripTerminalControls(message)}\n`)
  if (debug && error instanceof Error && error.stack !== undefined) context.stderr.write(`${error.stack}\n`)
  else context.stderr.write('Set TALKATLAS_DEBUG=1 for details and report the problem.\n')
  return exitCodes.internal
}

/** `talkatlas --help`. */
function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2
  const list = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}${c.available ? '' : ' (not available yet)'}`)
  return [
    'Usage: talkatlas <command> <input> [options]',
    '',
    'Themes, tags, related talks and sessions from conference talk abstracts.',
    '',
    'Commands:',
    ...list,
    '',
    'Input: JSON talk list, frab/pentabarf XML, frab/pretalx schedule.json, Indico or',
    'Sessionize JSON, CSV with a header, or plain text; detected, or forced with --from.',
    '',
    'Exit codes: 0 success, 1 internal error, 2 input or usage error.',
    "Run 'talkatlas <command> --help' for the options of a command.",
    '',
  ].join('\n')
}
