/** Embedding files read from disk (`talkatlas/node`); parsing is `parseEmbeddings`, browser-safe. */
import { open, stat } from 'node:fs/promises'
import type { Talk } from '../types.js'
import { InputError } from '../errors.js'
import { detectEmbeddingsFormat, parseEmbeddings, type ParsedEmbeddings, type ParseEmbeddingsOptions } from './parseEmbeddings.js'
import { MAX_INPUT_BYTES, readBytes } from './readTalksFile.js'

/** The most bytes of a `.npy` file: 2 GiB − 1, what Node reads into one buffer. JSON is held to {@link MAX_INPUT_BYTES}. */
const MAX_NPY_BYTES = 2 ** 31 - 1

/**
 * Reads an embedding file (`.npy`, JSON `{ "<talk id>": [numbers] }`, or JSON Lines
 * `{"id", "embedding"}` in a `.jsonl` file) and orders its vectors like the talks. Pass the
 * result to `buildAtlas(talks, { embeddings: result })`.
 * @param path File path.
 * @param talks Talks the vectors belong to.
 * @param options Format, when the name and content do not tell it.
 * @throws InputError when the file cannot be read, is larger than 2 GiB (`.npy`) or 500 MiB
 *   (JSON), or its vectors do not fit the talks (see `parseEmbeddings`).
 */
export async function readEmbeddingsFile(path: string, talks: readonly Pick<Talk, 'id'>[], options: Omit<ParseEmbeddingsOptions, 'fileName'> = {}): Promise<ParsedEmbeddings> {
  const head = await largeRegularFileHead(path)
  if (head !== undefined && (options.format ?? detectEmbeddingsFormat(head, path)) !== 'npy') throw jsonTooLarge(path)
  const bytes = await readBytes(path, MAX_NPY_BYTES)
  const format = options.format ?? detectEmbeddingsFormat(bytes, path)
  if (format !== 'npy' && bytes.length > MAX_INPUT_BYTES) throw jsonTooLarge(path)
  return parseEmbeddings(bytes, talks, { ...options, format, fileName: path })
}

/**
 * The first bytes of `path` when it is a regular file above {@link MAX_INPUT_BYTES}, so that
 * a JSON file that large is refused before it is read; else undefined (pipes are not peeked:
 * what is read from them is gone). Errors opening the file are left to `readBytes`.
 * @param path File path.
 */
async function largeRegularFileHead(path: string): Promise<Uint8Array | undefined> {
  // Told by stat, which opens nothing: opening a FIFO to look would take its writer's data.
  const found = await stat(path).catch(() => undefined)
  if (found === undefined || !found.isFile() || found.size <= MAX_INPUT_BYTES) return undefined
  const handle = await open(path, 'r').catch(() => undefined)
  if (handle === undefined) return undefined
  try {
    const head = new Uint8Array(16)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    return head.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * The error for JSON embeddings above {@link MAX_INPUT_BYTES}.
 * @param path File path.
 */
function jsonTooLarge(path: string): InputError {
  return new InputError(`more than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB of JSON, the most talkatlas reads from one file; save the vectors as .npy`, { file: path })
}
