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

/** `talkatlas report`. */
export const reportCommand = pendingCommand('report', 'Write a report of themes and related talks.')
