/**
 * Vectors a user brings (one per talk, from any embedding model) and their blend with the
 * talks' LSA rows. With unit LSA row `a`, unit given vector `u` and weight `w`, a talk's row is
 *
 *   x = [√(1 − w) · a, √w · u]      so that      x·y = (1 − w) · cos_LSA + w · cos_given
 *
 * (both halves are unit, so x is unit). Themes, tags, sessions and the dense half of related
 * talks read x; labels, keywords and the shared terms still come from the words alone.
 * A talk without known terms has no LSA row and stays a zero row (it stays unclassified).
 */
import { InputError, OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { MIN_SQUARED_NORM } from '../util/direction.js'

/** The vectors an atlas was given, unit rows in input order, and their weight. */
export interface UserEmbedding {
  /** Dimensions of every given vector. */
  readonly dimensions: number
  /** Weight w of the given vectors in the blend, in (0, 1]. */
  readonly weight: number
  /** Unit rows, talks × dimensions, input order. */
  readonly vectors: Float32Array
}

/** One vector per talk: an array of vectors, or row-major rows with their width. */
export type EmbeddingsInput = readonly Float32Array[] | { readonly vectors: Float32Array; readonly dimensions: number }

/**
 * Weight of given vectors when the caller sets none. With vectors that carry the tracks of
 * FOSDEM 2025/2024, EMNLP 2020 and 35C3 under Gaussian noise (scripts/eval-embeddings.mjs),
 * 0.7 gave the best NMI at the true k, or within 0.02 of it, at every noise level where the
 * vectors' own neighbours were at least a third right, and stayed near the words' NMI where
 * they were not (FOSDEM 2025: 0.664 words, 0.997 / 0.868 / 0.660 at noise 1 / 2 / 3; docs/quality.md).
 */
export const DEFAULT_EMBEDDING_WEIGHT = 0.7

/** Largest width of a given vector (the largest public sentence-embedding models use 4,096). */
export const MAX_EMBEDDING_DIMENSIONS = 65536

/**
 * Checks `embeddingWeight` and the shape of `embeddings` (not yet against the talks).
 * @param embeddings The `embeddings` option.
 * @param weight The `embeddingWeight` option.
 * @param where The user's function, named in messages.
 */
export function checkEmbeddingOptions(embeddings: unknown, weight: unknown, where = 'buildAtlas'): void {
  if (weight !== undefined && (typeof weight !== 'number' || !(weight >= 0 && weight <= 1))) {
    throw new OptionError(where, 'embeddingWeight', weight, 'a number in [0, 1]')
  }
  if (embeddings === undefined) return
  if (Array.isArray(embeddings)) return
  const flat = embeddings as { vectors?: unknown; dimensions?: unknown } | null
  if (typeof flat !== 'object' || flat === null || !(flat.vectors instanceof Float32Array)) {
    throw new OptionError(where, 'embeddings', embeddings, 'an array of Float32Array, or { vectors: Float32Array, dimensions }')
  }
  const d = flat.dimensions
  if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > MAX_EMBEDDING_DIMENSIONS) {
    throw new OptionError(where, 'embeddings.dimensions', d, `an integer in [1, ${MAX_EMBEDDING_DIMENSIONS}]`)
  }
}

/**
 * The given vectors checked against the talks and made unit, or nothing when there are none
 * or their weight is 0 (the atlas is then the words-only atlas, byte for byte).
 * @param embeddings One vector per talk, in the talks' order.
 * @param weight Weight of the vectors (default {@link DEFAULT_EMBEDDING_WEIGHT}).
 * @param talks The talks, for the count and the ids in messages.
 * @throws InputError on a count that differs from the talks', ragged widths, a value that is
 * not finite, or a zero vector; each names the talk.
 */
export function resolveUserEmbedding(embeddings: EmbeddingsInput | undefined, weight: number | undefined, talks: readonly Pick<Talk, 'id'>[]): UserEmbedding | undefined {
  checkEmbeddingOptions(embeddings, weight)
  if (embeddings === undefined) return undefined
  const { vectors, dimensions } = flattenEmbeddings(embeddings, talks)
  const w = weight ?? DEFAULT_EMBEDDING_WEIGHT
  if (w === 0) return undefined
  return { dimensions, weight: w, vectors: unitRows(vectors, dimensions, talks, 'embeddings') }
}

/**
 * The vectors as one row-major array, checked for count and widths.
 * @param embeddings Vectors.
 * @param talks Talks.
 */
function flattenEmbeddings(embeddings: EmbeddingsInput, talks: readonly Pick<Talk, 'id'>[]): { vectors: Float32Array; dimensions: number } {
  const n = talks.length
  if (!Array.isArray(embeddings)) {
    const { vectors, dimensions } = embeddings as { vectors: Float32Array; dimensions: number }
    if (vectors.length !== n * dimensions) {
      throw new InputError(`${vectors.length} values are not ${n} talks × ${dimensions} dimensions`, { field: 'embeddings.vectors', expected: `${n * dimensions} values` })
    }
    return { vectors, dimensions }
  }
  const rows = embeddings as readonly unknown[]
  if (rows.length !== n) throw new InputError(`${rows.length} vectors for ${n} talks`, { field: 'embeddings', expected: `one vector per talk (${n})` })
  if (n === 0) return { vectors: new Float32Array(0), dimensions: 1 }
  const first = rows[0]
  const dimensions = first instanceof Float32Array ? first.length : 0
  if (dimensions < 1 || dimensions > MAX_EMBEDDING_DIMENSIONS) {
    throw new InputError(`expected a Float32Array of 1 to ${MAX_EMBEDDING_DIMENSIONS} values`, { field: `embeddings[0] (talk ${JSON.stringify(talks[0]!.id)})` })
  }
  const vectors = new Float32Array(n * dimensions)
  for (let i = 0; i < n; i++) {
    const row = rows[i]
    if (!(row instanceof Float32Array)) throw new InputError('expected a Float32Array', { field: embeddingField('embeddings', i, talks) })
    if (row.length !== dimensions) {
      throw new InputError(`ragged dimensions: ${row.length} values, the first vector has ${dimensions}`, { field: embeddingField('embeddings', i, talks) })
    }
    vectors.set(row, i * dimensions)
  }
  return { vectors, dimensions }
}

/**
 * Unit copies of the rows; refuses values that are not finite and zero rows.
 * @param vectors Row-major rows.
 * @param dimensions Row width.
 * @param talks Talks of the rows, for messages.
 * @param what Name of the input in messages.
 */
export function unitRows(vectors: Float32Array, dimensions: number, talks: readonly Pick<Talk, 'id'>[], what: string): Float32Array {
  const out = new Float32Array(vectors.length)
  const n = vectors.length / dimensions
  for (let i = 0; i < n; i++) {
    let sum = 0
    for (let c = i * dimensions; c < (i + 1) * dimensions; c++) {
      const x = vectors[c]!
      if (!Number.isFinite(x)) throw new InputError(`${x} at dimension ${c - i * dimensions}`, { field: embeddingField(what, i, talks), expected: 'finite numbers' })
      sum += x * x
    }
    if (!(sum > MIN_SQUARED_NORM)) throw new InputError('the vector is all zeros', { field: embeddingField(what, i, talks), expected: 'a vector with a direction' })
    const scale = 1 / Math.sqrt(sum)
    // + 0 after rounding turns −0 into 0: JSON keeps no sign of zero, and a loaded atlas must
    // match the built one bit for bit.
    for (let c = i * dimensions; c < (i + 1) * dimensions; c++) out[c] = Math.fround(vectors[c]! * scale) + 0
  }
  return out
}

/**
 * `embeddings[3] (talk "abc")`.
 * @param what Name of the input.
 * @param i Row.
 * @param talks Talks.
 */
function embeddingField(what: string, i: number, talks: readonly Pick<Talk, 'id'>[]): string {
  const id = talks[i]?.id
  return id === undefined ? `${what}[${i}]` : `${what}[${i}] (talk ${JSON.stringify(id)})`
}

/**
 * Rows `[√(1 − w) · a, √w · u]` for unit LSA rows `a` and unit given rows `u`, made unit
 * again (float rounding). A row without LSA coordinates stays zero when `keepWordless` is
 * false (talks of an atlas); otherwise it is its given vector alone (a query with a vector
 * and no known word).
 * @param lsa LSA rows, n × lsaDimensions (unit or zero).
 * @param lsaDimensions LSA width.
 * @param given Given rows, n × givenDimensions (unit or zero: a query without a vector).
 * @param givenDimensions Given width.
 * @param weight w in (0, 1].
 * @param keepWordless Whether a row without LSA coordinates keeps its given vector.
 */
export function blendRows(lsa: Float32Array, lsaDimensions: number, given: Float32Array, givenDimensions: number, weight: number, keepWordless = false): Float32Array {
  const n = lsa.length / lsaDimensions
  const width = lsaDimensions + givenDimensions
  const out = new Float32Array(n * width)
  const a = Math.sqrt(1 - weight)
  const b = Math.sqrt(weight)
  const row = new Float64Array(width)
  for (let i = 0; i < n; i++) {
    let words = 0
    for (let c = 0; c < lsaDimensions; c++) words += lsa[i * lsaDimensions + c]! * lsa[i * lsaDimensions + c]!
    if (words === 0 && !keepWordless) continue
    let sum = 0
    for (let c = 0; c < lsaDimensions; c++) sum += (row[c] = a * lsa[i * lsaDimensions + c]!) ** 2
    for (let c = 0; c < givenDimensions; c++) sum += (row[lsaDimensions + c] = b * given[i * givenDimensions + c]!) ** 2
    if (sum === 0) continue
    const scale = 1 / Math.sqrt(sum)
    for (let c = 0; c < width; c++) out[i * width + c] = row[c]! * scale
  }
  return out
}
