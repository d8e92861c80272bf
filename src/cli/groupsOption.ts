/** `--groups`, shared by the commands that build themes. */
import type { OptionSpec } from './args.js'
import { integerOption } from './args.js'

/** `--groups`: the number of theme groups ("tracks"). */
export const groupsOption: OptionSpec = { type: 'string', value: '<n|auto>', help: 'number of theme groups (tracks), or auto: the cube root of the talk count, 3 to 20 (default auto)' }

/**
 * `--groups`: `auto` or an integer ≥ 1.
 * @param command Command name.
 * @param value Raw value.
 */
export function parseGroups(command: string, value: unknown): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto'
  return integerOption(command, 'groups', value, 0, 1, 100_000)
}
