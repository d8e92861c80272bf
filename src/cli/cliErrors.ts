import { TalkatlasError } from '../errors.js'

/** A command line the CLI cannot run: exit code 2, with a hint to `--help`. */
export class UsageError extends TalkatlasError {
  /**
   * @param message What is wrong, naming the command and option.
   */
  constructor(message: string) {
    super('OPTION', message)
    this.name = 'UsageError'
  }
}

/** A command whose implementation is not part of this build yet: exit code 1. */
export class NotAvailableError extends TalkatlasError {
  /**
   * @param command Command name.
   */
  constructor(command: string) {
    super('INTERNAL', `talkatlas ${command}: not available yet in this build`)
    this.name = 'NotAvailableError'
  }
}
