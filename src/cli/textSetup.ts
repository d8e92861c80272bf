import { allLanguages } from '../text/languagePacks.js'
import { registerLanguages } from '../text/languageRegistry.js'
import { primeScanner } from '../text/primeScanner.js'

/**
 * Readies the text code for a command: the CLI reads every language talkatlas knows (the
 * library reads English unless told). Loaded with the command, so that `--help` and
 * `--version` need neither the stemmers nor the word lists.
 */
export function prepareText(): void {
  registerLanguages(...allLanguages)
  primeScanner()
}
