/**
 * Embedding files matched to talks: NumPy `.npy` (rows in the talks' order), JSON
 * `{ "<talk id>": [numbers] }` and JSON Lines `{"id": ..., "embedding": [...]}`. The result is
 * what `buildAtlas`'s `embeddings` option takes. Browser-safe: the caller brings the bytes
 * (`readEmbeddingsFile` in `talkatlas/node` reads a file).
 */
import { InputError } from '../errors.js'
import type { Talk } from '../types.js'
import { isNpy, parseNpy } from './parseNpy.js'
import { hasDirection } from '../util/direction.js'

/** Formats of embedding files. */
export type EmbeddingsFormat = 'npy' | 'json' | 'jsonl'

/** Options of {@link parseEmbeddings}. */
export interface ParseEmbeddingsOptions {
  /** Format; by default `.npy` by its magic bytes, JSON Lines by a `.jsonl`/`.ndjson` name, else JSON. */
  readonly format?: EmbeddingsFormat
  /** File name for messages and format detection. @default undefined */
  readonly fileName?: string
}

/** Vectors of the talks in their order, rows back to back. */
export interface ParsedEmbeddings {
  readonly dimensions: number
  readonly vectors: Float32Array
  readonly format: EmbeddingsFormat
}

/**
 * Reads an embedding file and orders its vectors like the talks.
 * @param content File bytes (or text, for the JSON formats).
 * @param talks Talks the vectors belong to (ids are read).
 * @param options See {@link ParseEmbeddingsOptions}.
 * @throws InputError naming file, line or talk on: a talk without a vector, a vector for an
 * unknown id, a repeated id, ragged dimensions, a value that is not a finite number, a
 * non-float or non-2-D `.npy`, or a row count that differs from the talk count.
 */
export function parseEmbeddings(content: Uint8Array | string, talks: readonly Pick<Talk, 'id'>[], options: ParseEmbeddingsOptions = {}): ParsedEmbeddings {
  const file = options.fileName
  const place = file === undefined ? {} : { file }
  const format = options.format ?? detectEmbeddingsFormat(content, file)
  if (format === 'npy') {
    if (typeof content === 'string') throw new InputError('a .npy file must be given as bytes', place)
    const matrix = parseNpy(content, file)
    if (matrix.rows !== talks.length) {
      throw new InputError(`${matrix.rows} rows for ${talks.length} talks: a .npy file holds one row per talk, in the talks' order`, { ...place, expected: `${talks.length} rows` })
    }
    for (let i = 0; i < matrix.rows; i++) {
      if (!hasDirection(matrix.vectors, i * matrix.dimensions, (i + 1) * matrix.dimensions)) {
        throw new InputError(`row ${i} (talk ${JSON.stringify(talks[i]!.id)}): the vector is all zeros`, { ...place, expected: 'a vector with a direction' })
      }
    }
    return { dimensions: matrix.dimensions, vectors: matrix.vectors, format }
  }
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content)
  const byId = format === 'json' ? readJsonMap(text, place) : readJsonLines(text, place)
  return { ...orderByTalks(byId, talks, place), format }
}

/**
 * The format of an embedding file.
 * @param content File content.
 * @param file File name, if any.
 */
export function detectEmbeddingsFormat(content: Uint8Array | string, file?: string): EmbeddingsFormat {
  if (typeof content !== 'string' && isNpy(content)) return 'npy'
  if (file !== undefined && /\.npy$/i.test(file)) return 'npy'
  if (file !== undefined && /\.(jsonl|ndjson)$/i.test(file)) return 'jsonl'
  return 'json'
}

/** A vector read from a file, with where it was. */
interface FoundVector {
  readonly values: Float32Array
  readonly line?: number
}

/**
 * `{ "<talk id>": [numbers] }`.
 * @param text File text.
 * @param place File.
 */
function readJsonMap(text: string, place: { file?: string }): Map<string, FoundVector> {
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new InputError(`invalid JSON (${(error as Error).message}); expected { "<talk id>": [numbers] }, or JSON Lines in a .jsonl file`, place, error)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new InputError('expected an object { "<talk id>": [numbers] }', { ...place, actual: Array.isArray(data) ? 'an array' : String(data) })
  }
  const out = new Map<string, FoundVector>()
  for (const [id, value] of Object.entries(data)) out.set(id, { values: toVector(value, { ...place, field: JSON.stringify(id) }) })
  return out
}

/**
 * `{"id": ..., "embedding": [...]}` per line; blank lines are skipped.
 * @param text File text.
 * @param place File.
 */
function readJsonLines(text: string, place: { file?: string }): Map<string, FoundVector> {
  const out = new Map<string, FoundVector>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    const at = { ...place, line: i + 1 }
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      throw new InputError(`invalid JSON (${(error as Error).message})`, at, error)
    }
    const { id, embedding } = (typeof record === 'object' && record !== null ? record : {}) as { id?: unknown; embedding?: unknown }
    if (typeof id !== 'string' && typeof id !== 'number') throw new InputError('expected {"id": "<talk id>", "embedding": [numbers]}', { ...at, field: 'id' })
    const key = String(id)
    const first = out.get(key)
    if (first !== undefined) throw new InputError(`second vector for talk ${JSON.stringify(key)} (first on line ${first.line})`, { ...at, field: 'id' })
    out.set(key, { values: toVector(embedding, { ...at, field: 'embedding' }), line: i + 1 })
  }
  return out
}

/**
 * A JSON array of finite numbers as float32.
 * @param value Parsed value.
 * @param place Where it is.
 */
function toVector(value: unknown, place: { file?: string; line?: number; field: string }): Float32Array {
  if (!Array.isArray(value) || value.length === 0) throw new InputError('expected a non-empty array of numbers', place)
  const out = new Float32Array(value.length)
  for (let c = 0; c < value.length; c++) {
    const x: unknown = value[c]
    if (typeof x !== 'number' || !Number.isFinite(Math.fround(x))) {
      throw new InputError(`${typeof x === 'number' ? `${x} (not finite as float32)` : JSON.stringify(x) ?? String(x)} at index ${c}, expected a finite number`, place)
    }
    out[c] = x
  }
  if (!hasDirection(out, 0, out.length)) throw new InputError('the vector is all zeros', { ...place, expected: 'a vector with a direction' })
  return out
}

/**
 * The vectors in the talks' order, every talk with one and every vector with a talk.
 * @param byId Vectors by talk id.
 * @param talks Talks.
 * @param place File.
 */
function orderByTalks(byId: Map<string, FoundVector>, talks: readonly Pick<Talk, 'id'>[], place: { file?: string }): { dimensions: number; vectors: Float32Array } {
  const known = new Set(talks.map((talk) => talk.id))
  for (const [id, found] of byId) {
    if (!known.has(id)) throw new InputError(`vector for unknown talk id ${JSON.stringify(id)}`, { ...place, ...(found.line === undefined ? { field: JSON.stringify(id) } : { line: found.line }) })
  }
  const missing = talks.filter((talk) => !byId.has(talk.id)).map((talk) => JSON.stringify(talk.id))
  if (missing.length > 0) {
    const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '')
    throw new InputError(`${missing.length === 1 ? 'a talk has' : `${missing.length} talks have`} no vector: ${shown}`, place)
  }
  const first = talks[0] === undefined ? undefined : byId.get(talks[0].id)!
  const dimensions = first?.values.length ?? 1
  const vectors = new Float32Array(talks.length * dimensions)
  talks.forEach((talk, i) => {
    const found = byId.get(talk.id)!
    if (found.values.length !== dimensions) {
      const at = found.line === undefined ? { field: JSON.stringify(talk.id) } : { line: found.line }
      throw new InputError(`ragged dimensions: talk ${JSON.stringify(talk.id)} has ${found.values.length} values, talk ${JSON.stringify(talks[0]!.id)} has ${dimensions}`, { ...place, ...at })
    }
    vectors.set(found.values, i * dimensions)
  })
  return { dimensions, vectors }
}
