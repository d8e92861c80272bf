import { type FileHandle, open } from 'node:fs/promises'
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
 * @throws {InputError} When the file cannot be read (missing, a directory, no permission,
 *   more than {@link MAX_INPUT_BYTES}) or its content is malformed.
 */
export async function readTalksFile(path: string, options: ReadTalksFileOptions = {}): Promise<ReadTalksFileResult> {
  const { stdin, ...parseOptions } = options
  const fileName = path === '-' ? '<stdin>' : path
  const bytes = path === '-' ? await readStream(stdin ?? process.stdin, MAX_INPUT_BYTES, fileName) : await readBytes(path)
  const decoded = decodeBytes(bytes, { fileName })
  const parsed = parseTalks(decoded.text, { ...parseOptions, fileName: path === '-' ? '<stdin>' : path })
  return { ...parsed, warnings: [...decoded.warnings, ...parsed.warnings], fileName }
}

/**
 * The most bytes read from one input file or stream: 500 MiB. Decoded, a larger file would
 * pass the longest string JavaScript can hold (2^29 − 24 UTF-16 units), and a stream without
 * end (`/dev/zero`, `yes |`) would grow until memory runs out.
 */
export const MAX_INPUT_BYTES = 500 * 1024 * 1024

/**
 * File content, with file-system errors turned into InputErrors. A regular file larger than
 * `maxBytes` is refused before it is read; a pipe or device is read until it ends or passes
 * `maxBytes`.
 * @param path File path.
 * @param maxBytes Most bytes accepted.
 * @throws {InputError} Naming the file when it cannot be read or holds more than `maxBytes`.
 */
export async function readBytes(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, 'r')
    const stat = await handle.stat()
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' })
    if (!stat.isFile()) return await readStream(handle.createReadStream({ autoClose: false }), maxBytes, path)
    if (stat.size > maxBytes) throw tooLarge(path, maxBytes)
    const head = await readUpTo(handle, stat.size)
    // A regular file may hold more than its stat says (procfs reports 0, a log still being
    // written grows): what follows is read as a stream, under the same limit.
    const more = await readUpTo(handle, 1)
    if (more.length === 0) return head
    return await readStream(handle.createReadStream({ autoClose: false }), maxBytes, path, concatBytes([head, more]))
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code ?? String(error)})`
    throw new InputError(reason, { file: path }, error)
  } finally {
    await handle?.close()
  }
}

/**
 * The first `size` bytes from a file handle's position, fewer if the file ends before.
 * @param handle Open file.
 * @param size Bytes wanted.
 */
async function readUpTo(handle: FileHandle, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(size)
  let filled = 0
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, size - filled, null)
    if (bytesRead === 0) return bytes.subarray(0, filled)
    filled += bytesRead
  }
  return bytes
}

/**
 * The error for an input above the size limit.
 * @param file File name for the message.
 * @param maxBytes The limit.
 */
function tooLarge(file: string, maxBytes: number): InputError {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MiB` : `${maxBytes} bytes`
  return new InputError(`more than ${limit}, the most talkatlas reads from one file`, { file, expected: `at most ${limit}` })
}

/**
 * Everything a stream yields after `head`, as bytes, up to `maxBytes` in all.
 * @param stream Readable stream or async iterable of chunks.
 * @param maxBytes Most bytes accepted.
 * @param file File name for the error.
 * @param head Bytes already read; returned as they are when the stream yields nothing.
 * @throws {InputError} When the stream yields more than `maxBytes`.
 */
async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number, file: string, head = new Uint8Array(0)): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [head]
  let length = head.length
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk
    length += bytes.length
    if (length > maxBytes) throw tooLarge(file, maxBytes)
    chunks.push(bytes)
  }
  return chunks.length === 1 ? head : concatBytes(chunks)
}

/**
 * Byte arrays one after another, in one array.
 * @param chunks The arrays.
 */
function concatBytes(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}
