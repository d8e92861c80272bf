/** Embedding files read from disk (`talkatlas/node`); parsing is `parseEmbeddings`, browser-safe. */
import type { Talk } from '../types.js'
import { parseEmbeddings, type ParsedEmbeddings, type ParseEmbeddingsOptions } from './parseEmbeddings.js'
import { readBytes } from './readTalksFile.js'

/**
 * Reads an embedding file (`.npy`, JSON `{ "<talk id>": [numbers] }`, or JSON Lines
 * `{"id", "embedding"}` in a `.jsonl` file) and orders its vectors like the talks. Pass the
 * result to `buildAtlas(talks, { embeddings: result })`.
 * @param path File path.
 * @param talks Talks the vectors belong to.
 * @param options Format, when the name and content do not tell it.
 * @throws InputError when the file cannot be read or its vectors do not fit the talks (see `parseEmbeddings`).
 */
export async function readEmbeddingsFile(path: string, talks: readonly Pick<Talk, 'id'>[], options: Omit<ParseEmbeddingsOptions, 'fileName'> = {}): Promise<ParsedEmbeddings> {
  return parseEmbeddings(await readBytes(path), talks, { ...options, fileName: path })
}
