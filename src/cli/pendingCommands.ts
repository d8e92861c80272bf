import { NotAvailableError } from './cliErrors.js'
import type { Command } from './command.js'

/**
 * A command owned by another part of the project, listed but not yet in this build.
 * @param name Command name.
 * @param summary One-line summary.
 */
function pendingCommand(name: string, summary: string): Command {
  return {
    name,
    summary,
    usage: `talkatlas ${name} <input> [options]`,
    options: {},
    available: false,
    run: () => Promise.reject(new NotAvailableError(name)),
  }
}

/** `talkatlas tag`. */
export const tagCommand = pendingCommand('tag', 'Tag talks with labels.')
/** `talkatlas sessions`. */
export const sessionsCommand = pendingCommand('sessions', 'Group talks into sessions of similar talks.')