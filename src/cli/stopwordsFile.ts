import { describeValue, InputError } from '../errors.js'
import type { OptionSpec } from './args.js'
import { UsageError } from './cliErrors.js'
import { readOptionFile } from './readJsonFile.js'

/** `--stopwords`, shared by the commands that build themes. */
export const stopwordsOption: OptionSpec = {
  type: 'string',
  value: '<file>',
  help: 'more stopwords, one word per line (# starts a comment), dropped in addition to the built-in ones',
}

/**
 * The words of a stopword file: one word per line; blank lines and comments (`#` at the start
 * of a line or after white space, so `C#` stays a word) are skipped.
 * @param text File content.
 * @param file File name, for errors.
 * @throws {InputError} Naming the file and line when a line holds more than one word.
 */
export function parseStopwordFile(text: string, file: string): string[] {
  const words: string[] = []
  const lines = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/(^|\s)#.*$/, '').trim()
    if (line === '') continue
    if (/\s/.test(line)) {
      throw new InputError(`expected one word per line, found ${describeValue(line)}`, { file, line: i + 1 })
    }
    words.push(line)
  }
  return words
}

/**
 * The atlas option of `--stopwords`: the file's words, or nothing when the option is absent.
 * @param command Command name, for messages.
 * @param value Raw option value.
 */
export async function readStopwordsOption(command: string, value: string | boolean | undefined): Promise<{ stopwords?: readonly string[] }> {
  if (value === undefined) return {}
  if (typeof value !== 'string' || value === '') throw new UsageError(`talkatlas ${command}: --stopwords needs a file`)
  return { stopwords: parseStopwordFile(await readOptionFile(value), value) }
}
