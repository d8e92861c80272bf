import { parseArgs } from 'node:util'
import { talkFormats, type TalkFormat } from '../io/detectFormat.js'
import { UsageError } from './cliErrors.js'
import { DEFAULT_SEED } from '../options.js'

/** Output formats of every command. */
export type OutputFormat = 'json' | 'table' | 'csv' | 'md'

/** Every {@link OutputFormat}. */
export const outputFormats: readonly OutputFormat[] = ['json', 'table', 'csv', 'md']

/** Options every command takes, resolved and validated. */
export interface CommonOptions {
  /** Input path, or `-` for stdin. */
  readonly input: string
  /** `--format`, when given. */
  readonly format: OutputFormat | undefined
  /** `--out`, when given (`-` is stdout). */
  readonly out: string | undefined
  /** `--seed`, default 42. */
  readonly seed: number
  /** `--quiet`: no warnings, no progress bar. */
  readonly quiet: boolean
  /** `--from`, when given. */
  readonly from: TalkFormat | undefined
  /** `--one-per-line`. */
  readonly onePerLine: boolean
  /** `--skip-invalid`. */
  readonly skipInvalid: boolean
  /** `--threads`: threads reading the text when themes are built, default `'auto'`. */
  readonly threads: number | 'auto'
}

/** A command-specific option for `node:util` parseArgs, with its help line. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** Value placeholder shown in help (`<n>`). */
  readonly value?: string
  /** Help text. */
  readonly help: string
}

/** What {@link parseCommandArgs} returns. */
export interface ParsedArgs {
  readonly common: CommonOptions
  /** Values of the command's own options. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  /** True when `--help` was asked for. */
  readonly help: boolean
  /** Every input given, in order (`common.input` is the first). */
  readonly inputs: readonly string[]
}

/** Most threads `--threads` accepts. */
export const MAX_THREADS = 16

/** Options shared by all commands, in help order. */
export const commonOptionSpecs: Readonly<Record<string, OptionSpec>> = {
  format: { type: 'string', short: 'f', value: '<fmt>', help: 'output: json, table, csv or md (table on a terminal, else json; or from --out extension)' },
  out: { type: 'string', short: 'o', value: '<file>', help: 'write to this file (replaced atomically) instead of stdout' },
  seed: { type: 'string', value: '<n>', help: `random seed, an integer ≥ 0 (default ${DEFAULT_SEED})` },
  quiet: { type: 'boolean', short: 'q', help: 'no warnings and no progress bar on stderr' },
  from: { type: 'string', value: '<format>', help: `input format: ${talkFormats.join(', ')} (default: detected)` },
  'one-per-line': { type: 'boolean', help: 'plain text input: one talk per line instead of per paragraph' },
  'skip-invalid': { type: 'boolean', help: 'skip unreadable talks and repeated ids with a warning instead of failing' },
  threads: { type: 'string', value: '<n|auto>', help: 'threads reading the text when building themes, 1 to 16; auto: 2 from 20,000 talks (same output either way)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
}

/**
 * Parses a command's arguments: exactly one input, the common options, the command's own.
 * @param command Command name, for messages.
 * @param argv Arguments after the command name.
 * @param specs The command's own options.
 * @param inputNames Names of the inputs the command takes, for messages (one `<input>` by default).
 * @throws {UsageError} On unknown options, missing values, bad values or a wrong number of inputs.
 */
export function parseCommandArgs(command: string, argv: readonly string[], specs: Readonly<Record<string, OptionSpec>>, inputNames: readonly string[] = ['<input>']): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {}
  for (const [name, spec] of Object.entries({ ...commonOptionSpecs, ...specs })) {
    options[name] = spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short }
  }
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[]; tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined }> }
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true }) as typeof parsed
  } catch (error) {
    throw new UsageError(`talkatlas ${command}: ${describeParseError(error)}`)
  }
  checkRepeatedValues(command, parsed.tokens)
  const values = parsed.values
  const help = values['help'] === true
  if (help) return { common: defaultCommon(), values, help, inputs: [] }
  checkInputCount(command, parsed.positionals, inputNames)
  return {
    common: {
      input: parsed.positionals[0]!,
      format: oneOf(command, 'format', values['format'], outputFormats),
      out: stringValue(command, 'out', values['out']),
      seed: integerOption(command, 'seed', values['seed'], DEFAULT_SEED, 0, 0xffffffff),
      quiet: values['quiet'] === true,
      from: oneOf(command, 'from', values['from'], talkFormats),
      onePerLine: values['one-per-line'] === true,
      skipInvalid: values['skip-invalid'] === true,
      threads: values['threads'] === 'auto' ? 'auto' : integerOption(command, 'threads', values['threads'], 0, 1, MAX_THREADS) || 'auto',
    },
    values,
    help,
    inputs: parsed.positionals,
  }
}

/**
 * Throws when an option that takes a value is given twice with different values
 * (`--id a --id b`): parseArgs keeps the last one, and the other would be dropped unseen.
 * @param command Command name.
 * @param tokens Tokens of parseArgs.
 */
function checkRepeatedValues(command: string, tokens: ReadonlyArray<{ kind: string; name?: string; value?: string | undefined }>): void {
  const given = new Map<string, string>()
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined || token.value === undefined) continue
    const earlier = given.get(token.name)
    if (earlier !== undefined && earlier !== token.value) {
      throw new UsageError(`talkatlas ${command}: --${token.name} is given twice, ${JSON.stringify(earlier)} and ${JSON.stringify(token.value)}; give it once`)
    }
    given.set(token.name, token.value)
  }
}

/**
 * Throws unless the command got as many inputs as it takes.
 * @param command Command name.
 * @param positionals Inputs given.
 * @param names Names of the inputs the command takes.
 */
function checkInputCount(command: string, positionals: readonly string[], names: readonly string[]): void {
  if (names.length === 1) {
    if (positionals.length === 0) throw new UsageError(`talkatlas ${command}: missing <input> (a file path, or - for stdin)`)
    if (positionals.length > 1) throw new UsageError(`talkatlas ${command}: expected one <input>, got ${positionals.length}: ${positionals.join(' ')}`)
    return
  }
  if (positionals.length < names.length) throw new UsageError(`talkatlas ${command}: missing ${names.slice(positionals.length).join(' ')} (file paths, or - for stdin)`)
  if (positionals.length > names.length) throw new UsageError(`talkatlas ${command}: expected ${names.join(' ')}, got ${positionals.length} inputs: ${positionals.join(' ')}`)
}

/**
 * An integer option within bounds, or its default.
 * @param command Command name.
 * @param name Option name.
 * @param value Raw value.
 * @param fallback Default.
 * @param min Smallest allowed.
 * @param max Largest allowed.
 */
export function integerOption(command: string, name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback
  const text = String(value).trim()
  const number = /^-?\d+$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(`talkatlas ${command}: --${name}=${JSON.stringify(String(value))} is invalid, expected an integer from ${min} to ${max}`)
  }
  return number
}

/**
 * A string option restricted to a list.
 * @param command Command name.
 * @param name Option name.
 * @param value Raw value.
 * @param allowed Allowed values.
 */
function oneOf<T extends string>(command: string, name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw new UsageError(`talkatlas ${command}: --${name}=${JSON.stringify(String(value))} is invalid, expected one of ${allowed.join(', ')}`)
  return value as T
}

/**
 * A non-empty string option.
 * @param command Command name.
 * @param name Option name.
 * @param value Raw value.
 */
function stringValue(command: string, name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw new UsageError(`talkatlas ${command}: --${name} needs a non-empty value`)
  return value
}

/** Common options when only help is wanted. */
function defaultCommon(): CommonOptions {
  return { input: '', format: undefined, out: undefined, seed: DEFAULT_SEED, quiet: false, from: undefined, onePerLine: false, skipInvalid: false, threads: 'auto' }
}

/**
 * A short message for a parseArgs error.
 * @param error Thrown value.
 */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string }
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `${(message ?? '').replace(/\. To specify a positional.*$/s, '')}`.replace(/^Unknown/, 'unknown')
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return (message ?? '').replace(/^Option/, 'option').replace(/\s*\n\s*/g, ' ')
  return message ?? String(error)
}

/**
 * Help text for a command.
 * @param usage Usage line.
 * @param summary What the command does.
 * @param specs The command's own options.
 * @param inputNames Names of the inputs when the command takes more than one.
 */
export function formatHelp(usage: string, summary: string, specs: Readonly<Record<string, OptionSpec>>, inputNames: readonly string[] = ['<input>']): string {
  const rows: Array<[string, string]> = []
  const add = (name: string, spec: OptionSpec): void => {
    const flag = `${spec.short === undefined ? '    ' : `-${spec.short}, `}--${name}${spec.value === undefined ? '' : ` ${spec.value}`}`
    rows.push([flag, spec.help])
  }
  for (const [name, spec] of Object.entries(specs)) add(name, spec)
  const own = rows.length
  for (const [name, spec] of Object.entries(commonOptionSpecs)) add(name, spec)
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2
  const lines = rows.map(([flag, help]) => `  ${flag.padEnd(width)}${help}`)
  const inputs = inputNames.length > 1 ? `${inputNames.join(' and ')} are file paths, or - (standard input) for one of them.` : '<input> is a file path, or - for standard input.'
  const sections = [`Usage: ${usage}`, '', summary, '', inputs, '']
  if (own > 0) sections.push('Options:', ...lines.slice(0, own), '')
  sections.push('Common options:', ...lines.slice(own), '')
  return sections.join('\n')
}
