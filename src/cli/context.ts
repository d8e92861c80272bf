import { once } from 'node:events'
import { extname } from 'node:path'
import { removePendingTemporaryFiles, writeFileAtomic } from '../io/writeFileAtomic.js'
import type { Warning } from '../types.js'
import type { CommonOptions, OutputFormat } from './args.js'
import { isCi, startProgressLine, stepOf, type Progress, type ProgressLine } from './progress.js'
import type { ProgressCallback } from '../progress.js'
import { stripTerminalControls } from './terminal.js'

/** The process surroundings a command runs in; tests and main pass the real ones. */
export interface CliContext {
  readonly stdout: NodeJS.WriteStream
  readonly stderr: NodeJS.WriteStream
  readonly stdin: NodeJS.ReadStream
}

const formatByExtension: Readonly<Record<string, OutputFormat>> = { '.json': 'json', '.csv': 'csv', '.md': 'md', '.markdown': 'md', '.txt': 'table' }

/**
 * The output format: `--format`, else the `--out` extension, else table on a terminal
 * and JSON otherwise.
 * @param common Common options.
 * @param context Process streams.
 */
export function resolveOutputFormat(common: CommonOptions, context: CliContext): OutputFormat {
  if (common.format !== undefined) return common.format
  if (common.out !== undefined && common.out !== '-') return formatByExtension[extname(common.out).toLowerCase()] ?? 'json'
  return context.stdout.isTTY === true ? 'table' : 'json'
}

/**
 * Width to lay tables out for: the terminal's, else 120.
 * @param common Common options.
 * @param context Process streams.
 */
export function outputWidth(common: CommonOptions, context: CliContext): number {
  const toTerminal = (common.out === undefined || common.out === '-') && context.stdout.isTTY === true
  return toTerminal && typeof context.stdout.columns === 'number' && context.stdout.columns > 20 ? context.stdout.columns : 120
}

/**
 * Writes output chunks to `--out` (atomically) or to stdout (respecting back-pressure).
 * @param chunks Output text in pieces.
 * @param common Common options.
 * @param context Process streams.
 */
export async function writeOutput(chunks: Iterable<string>, common: CommonOptions, context: CliContext): Promise<void> {
  if (common.out !== undefined && common.out !== '-') {
    await writeFileRemovedOnSignal(common.out, chunks)
    return
  }
  clearProgress(context)
  const stdout = context.stdout
  let buffer = ''
  for (const chunk of chunks) {
    buffer += chunk
    if (buffer.length >= 1 << 16) {
      if (!stdout.write(buffer)) await once(stdout, 'drain')
      buffer = ''
    }
  }
  if (buffer !== '') stdout.write(buffer)
}

const signalExitCodes: Readonly<Record<string, number>> = { SIGINT: 130, SIGTERM: 143 }

/**
 * {@link writeFileAtomic}, with SIGINT and SIGTERM handled while it runs: the temporary file
 * is removed and the process exits with 130 or 143 (128 + signal number), as the default
 * handling would, but without leaving the `*.tmp` behind. Only during the write, so that an
 * interrupt still stops a long computation at once.
 * @param path Destination path.
 * @param chunks Output text in pieces.
 */
async function writeFileRemovedOnSignal(path: string, chunks: Iterable<string>): Promise<void> {
  const onSignal = (signal: NodeJS.Signals): void => {
    removePendingTemporaryFiles()
    process.exit(signalExitCodes[signal] ?? 1)
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    await writeFileAtomic(path, chunks)
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

/**
 * Prints warnings on stderr unless `--quiet`, one line each.
 * @param warnings Warnings from the library.
 * @param common Common options.
 * @param context Process streams.
 */
export function printWarnings(warnings: readonly Warning[], common: CommonOptions, context: CliContext): void {
  if (common.quiet) return
  if (warnings.length > 0) clearProgress(context)
  for (const warning of warnings) context.stderr.write(`talkatlas: warning: ${stripTerminalControls(warning.message)}\n`)
}

const lines = new WeakMap<CliContext, ProgressLine>()

/**
 * Clears the command's progress line, if any, before other text goes to the terminal.
 * @param context Process streams.
 */
export function clearProgress(context: CliContext): void {
  lines.get(context)?.clear()
}

/**
 * The command's one progress line on stderr, drawn only on a terminal, outside CI and
 * without `--quiet`; every step of the command shares it.
 * @param common Common options.
 * @param context Process streams.
 */
export function progressLine(common: CommonOptions, context: CliContext): ProgressLine {
  let line = lines.get(context)
  if (line === undefined) {
    const enabled = !common.quiet && context.stderr.isTTY === true && !isCi(process.env)
    line = startProgressLine({ stream: context.stderr, enabled, delayMs: progressDelay(process.env) })
    lines.set(context, line)
  }
  return line
}

/**
 * Milliseconds before the progress line appears: `TALKATLAS_PROGRESS_DELAY_MS`, else 1000.
 * @param env Environment variables.
 */
function progressDelay(env: NodeJS.ProcessEnv): number {
  const value = Number(env['TALKATLAS_PROGRESS_DELAY_MS'])
  return env['TALKATLAS_PROGRESS_DELAY_MS'] !== undefined && Number.isFinite(value) && value >= 0 ? value : 1000
}

/**
 * One step (`reading`, `related`) of the command's progress line.
 * @param label Step name.
 * @param common Common options.
 * @param context Process streams.
 */
export function progressFor(label: string, common: CommonOptions, context: CliContext): Progress {
  return stepOf(progressLine(common, context), label)
}

/**
 * The library's `onProgress` drawn on the command's progress line.
 * @param common Common options.
 * @param context Process streams.
 */
export function progressCallback(common: CommonOptions, context: CliContext): ProgressCallback {
  const line = progressLine(common, context)
  return (event) => line.show(event.step, event.done, event.total, event.detail)
}
