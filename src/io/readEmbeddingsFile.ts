/** Embedding files read from disk (`talkatlas/node`); parsing is `parseEmbeddings`, browser-safe. */
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
  const bytes = await readBytes(path, MAX_NPY_BYTES)
  const format = options.format ?? detectEmbeddingsFormat(bytes, path)
  if (format !== 'npy' && bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`more than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB of JSON, the most talkatlas reads from one file; save the vectors as .npy`, { file: path })
  }
  return parseEmbeddings(bytes, talks, { ...options, format, fileName: path })
}
