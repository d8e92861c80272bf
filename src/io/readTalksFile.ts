import { readFile } from 'node:fs/promises'
import { InputError } from '../errors.js'
import { decodeBytes } from './decodeBytes.js'
import { parseTalks, type ParseTalksOptions, type ParseTalksResult } from './parseTalks.js'

/** Options of {@link readTalksFile}: those of {@link parseTalks} plus where stdin comes from. */
export interface ReadTalksFileOptions extends Omit<ParseTalksOptions, 'fileName'> {
  /**
   * Stream read when the path is `-`.
   * @default process.stdin
   */
  stdin?: AsyncIterable<Uint8Array | string>
}

/** Result of {@link readTalksFile}. */
export interface ReadTalksFileResult extends ParseTalksResult {
  /** Name used in messages: the path as given, or `<stdin>`. */
  readonly fileName: string
}

/**
 * Reads talks from a file, or from standard input when `path` is `-`. Node only
 * (`talkatlas/node`). Bytes are decoded by {@link decodeBytes} (BOM, UTF-16, declared
 * XML encodings, invalid UTF-8 replaced with a warning), then parsed by {@link parseTalks}
 * with the path as file name.
 *
 * @param path File path as the user wrote it, or `-`.
 * @param options Parse options and the stdin stream.
 * @returns Talks, format, warnings and the file name used in messages.
 * @throws {InputError} When the file cannot be read (missing, a directory, no permission)
 *   or its content is malformed.
 */
export async function readTalksFile(path: string, options: ReadTalksFileOptions = {}): Promise<ReadTalksFileResult> {
  const { stdin, ...parseOptions } = options
  const fileName = path === '-' ? '<stdin>' : path
  const bytes = path === '-' ? await readStream(stdin ?? process.stdin) : await readBytes(path)
  const decoded = decodeBytes(bytes, { fileName })
  const parsed = parseTalks(decoded.text, { ...parseOptions, fileName: path === '-' ? '<stdin>' : path })
  return { ...parsed, warnings: [...decoded.warnings, ...parsed.warnings], fileName }
}

/**
 * File content, with file-system errors turned into InputErrors.
 * @param path File path.
 */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code ?? String(error)})`
    throw new InputError(reason, { file: path }, error)
  }
}

/**
 * Everything a stream yields, as bytes.
 * @param stream Readable stream or async iterable of chunks.
 */
async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let length = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    chunks.push(bytes)
    length += bytes.length
  }
  const out = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
