import { randomBytes } from 'node:crypto'
import { unlinkSync } from 'node:fs'
import { open, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { InputError } from '../errors.js'

/** What {@link writeFileAtomic} can write: one string or buffer, or chunks of text. */
export type FileContent = string | Uint8Array | Iterable<string> | AsyncIterable<string>

// Temporary files of writes in progress, for removePendingTemporaryFiles.
const pendingTemporaryFiles = new Set<string>()

/**
 * Removes the temporary files of the writes still in progress, synchronously: for a signal
 * handler that exits the process right after (an interrupted write leaves no `*.tmp`).
 */
export function removePendingTemporaryFiles(): void {
  for (const path of pendingTemporaryFiles) {
    try {
      unlinkSync(path)
    } catch {
      // already gone
    }
  }
  pendingTemporaryFiles.clear()
}

/**
 * Writes a file so that readers see either the old content or the new, never a part:
 * the content goes to a new temporary file in the same directory (created exclusively,
 * so an existing file or symlink of that name is never followed), is flushed to disk,
 * then renamed over `path`. The path is used exactly as given (no `~`, no globbing, no
 * directories created); an existing file keeps its permission bits. A path that exists
 * and is not a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written in place:
 * renaming over it would replace the device or pipe with a file. Node only.
 *
 * @param path Destination path.
 * @param content Text, bytes, or text chunks (streamed, for large outputs).
 * @throws {InputError} When the directory is missing or not writable, or `path` is a directory.
 */
export async function writeFileAtomic(path: string, content: FileContent): Promise<void> {
  const existing = await stat(path).catch(() => undefined)
  if (existing?.isDirectory() === true) throw new InputError('is a directory, expected a file path', { file: path })
  if (existing !== undefined && !existing.isFile()) return writeInPlace(path, content)
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  // Listed before it exists: a signal can be handled as soon as the file is on disk, before
  // this function resumes after `open`.
  pendingTemporaryFiles.add(temporary)
  let handle
  try {
    handle = await open(temporary, 'wx', existing === undefined ? 0o666 : existing.mode & 0o777)
  } catch (error) {
    pendingTemporaryFiles.delete(temporary)
    throw outputError(path, error)
  }
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      await handle.writeFile(content)
    } else {
      await writeChunks(handle, content)
    }
    await handle.sync()
    await handle.close()
    handle = undefined
    await rename(temporary, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await unlink(temporary).catch(() => undefined)
    throw error instanceof InputError ? error : outputError(path, error)
  } finally {
    pendingTemporaryFiles.delete(temporary)
  }
}

/**
 * Writes to a device or pipe as it is (no temporary file, no rename).
 * @param path Existing non-regular file.
 * @param content What to write.
 */
async function writeInPlace(path: string, content: FileContent): Promise<void> {
  let handle
  try {
    handle = await open(path, 'w')
  } catch (error) {
    throw outputError(path, error)
  }
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content)
    else await writeChunks(handle, content)
  } catch (error) {
    throw outputError(path, error)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/**
 * Writes text chunks in batches of about 1 MiB.
 * @param handle Open file.
 * @param chunks Text chunks.
 */
async function writeChunks(handle: { write(data: string): Promise<unknown> }, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  let buffer = ''
  for await (const chunk of chunks) {
    buffer += chunk
    if (buffer.length >= 1 << 20) {
      await handle.write(buffer)
      buffer = ''
    }
  }
  if (buffer !== '') await handle.write(buffer)
}

/**
 * An InputError for a file-system error while writing.
 * @param path Destination path.
 * @param error Thrown value.
 */
function outputError(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code
  const reason = code === 'ENOENT' ? 'cannot write: the directory does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'cannot write: permission denied'
      : code === 'ENOSPC' ? 'cannot write: no space left on device'
        : `cannot write (${code ?? (error instanceof Error ? error.message : String(error))})`
  return new InputError(reason, { file: path }, error)
}
