import { DEFAULT_EMBEDDING_WEIGHT } from '../atlas/userEmbedding.js'
import type { ParsedEmbeddings } from '../io/parseEmbeddings.js'
import { readEmbeddingsFile } from '../io/readEmbeddingsFile.js'
import type { Talk } from '../types.js'
import type { OptionSpec } from './args.js'
import { UsageError } from './cliErrors.js'

/** `--embeddings`, shared by the commands that build an atlas. */
export const embeddingsOption: OptionSpec = {
  type: 'string',
  value: '<file>',
  help: 'one vector per talk from any embedding model: .npy (rows in input order), JSON {"<id>":[…]} or JSON Lines {"id","embedding"} (.jsonl)',
}

/** `--embedding-weight`, shared by the commands that build an atlas. */
export const embeddingWeightOption: OptionSpec = {
  type: 'string',
  value: '<w>',
  help: `weight of --embeddings against the words, 0 to 1 (default ${DEFAULT_EMBEDDING_WEIGHT}; 0 ignores the vectors)`,
}

/**
 * The atlas options of `--embeddings` and `--embedding-weight`: the file's vectors in the
 * talks' order, or nothing when the option is absent.
 * @param command Command name, for messages.
 * @param values The command's option values.
 * @param talks Talks read from the input.
 * @throws {UsageError} On a missing file name or a weight outside [0, 1].
 * @throws {InputError} When the file cannot be read or does not fit the talks.
 */
export async function readEmbeddingsOption(
  command: string,
  values: Readonly<Record<string, string | boolean | undefined>>,
  talks: readonly Talk[],
): Promise<{ embeddings?: ParsedEmbeddings; embeddingWeight?: number }> {
  const path = values['embeddings']
  const weightText = values['embedding-weight']
  let embeddingWeight: number | undefined
  if (weightText !== undefined) {
    const text = String(weightText).trim()
    embeddingWeight = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN
    if (!(embeddingWeight >= 0 && embeddingWeight <= 1)) {
      throw new UsageError(`talkatlas ${command}: --embedding-weight=${JSON.stringify(String(weightText))} is invalid, expected a number from 0 to 1`)
    }
  }
  if (path === undefined) {
    if (embeddingWeight !== undefined) throw new UsageError(`talkatlas ${command}: --embedding-weight needs --embeddings <file>`)
    return {}
  }
  if (typeof path !== 'string' || path === '') throw new UsageError(`talkatlas ${command}: --embeddings needs a file`)
  const embeddings = await readEmbeddingsFile(path, talks)
  return embeddingWeight === undefined ? { embeddings } : { embeddings, embeddingWeight }
}
