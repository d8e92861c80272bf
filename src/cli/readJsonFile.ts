import { InputError, formatPlace } from '../errors.js'
import { decodeBytes } from '../io/decodeBytes.js'
import { lineAt } from '../io/fields.js'
import { locateJsonError } from '../io/locateJsonError.js'
import { readBytes } from '../io/readTalksFile.js'

/**
 * Reads and parses a small JSON file given to an option (`--themes`, `--constraints`).
 * File-system and syntax errors become `InputError`s naming the file, and the line and
 * column of a syntax error.
 * @param path File path, as given on the command line.
 * @throws {InputError} When the file cannot be read or is not valid JSON.
 */
export async function readJsonFile(path: string): Promise<unknown> {
  const text = await readOptionFile(path)
  try {
    return JSON.parse(text)
  } catch (error) {
    const offset = locateJsonError(text)
    const line = lineAt(text, offset)
    const column = offset - text.lastIndexOf('\n', offset - 1)
    const reason = offset >= text.length ? 'invalid JSON: unexpected end of input' : `invalid JSON: unexpected ${JSON.stringify(text[offset])}`
    throw new InputError(reason, { file: path, line, column }, error)
  }
}

/** The most bytes of a file given to an option (`--stopwords`, `--themes`, `--constraints`): 64 MiB. */
export const MAX_OPTION_FILE_BYTES = 64 * 1024 * 1024

/**
 * Reads a small text file given to an option: UTF-8, or UTF-16 with a byte-order mark (the
 * mark removed) or without one (told by its NULs), as `decodeBytes` does for inputs, at most
 * {@link MAX_OPTION_FILE_BYTES}.
 * @param path File path, as given on the command line.
 * @throws {InputError} Naming the file when it cannot be read or is too large, and the line
 *   of the first bad bytes when it is not valid UTF-8.
 */
export async function readOptionFile(path: string): Promise<string> {
  const { text, warnings } = decodeBytes(await readBytes(path, MAX_OPTION_FILE_BYTES), { fileName: path })
  if (warnings.some((warning) => warning.code === 'invalid-utf8')) {
    throw new InputError('invalid UTF-8 (the first bad bytes are on this line); save the file as UTF-8', { file: path, line: lineAt(text, text.indexOf('\uFFFD')) })
  }
  // A NUL is never part of a word, a theme or a constraint: it is a file in another
  // encoding (UTF-16 too short to recognise) or a binary file, which would match nothing.
  const nul = text.indexOf('\u0000')
  if (nul >= 0) throw new InputError('contains NUL characters (a binary file, or UTF-16 without a byte order mark?); save the file as UTF-8', { file: path, line: lineAt(text, nul) })
  return text
}

/**
 * The same library error with the option file's name in front, so the CLI prints
 * `themes.json themes[1].name: …`. Errors that already name a file are returned as they are.
 * @param error An `InputError` about the content of the file.
 * @param path File path, as given on the command line.
 * @param root Prefix the library puts in front of fields that sit at the top of the file
 *   (`constraints.` of `constraints.together[0]`), removed.
 */
export function inFile(error: InputError, path: string, root = ''): InputError {
  if (error.file !== undefined) return error
  const field = error.field !== undefined && root !== '' && error.field.startsWith(root) ? error.field.slice(root.length) : error.field
  const original = {
    ...(error.line === undefined ? {} : { line: error.line }),
    ...(error.column === undefined ? {} : { column: error.column }),
    ...(error.row === undefined ? {} : { row: error.row }),
    ...(error.field === undefined ? {} : { field: error.field }),
    ...(error.actual === undefined ? {} : { actual: error.actual }),
    ...(error.expected === undefined ? {} : { expected: error.expected }),
  }
  const reason = error.message.slice(formatPlace(original).length)
  return new InputError(reason, { file: path, ...original, ...(field === undefined ? {} : { field }) }, error)
}
