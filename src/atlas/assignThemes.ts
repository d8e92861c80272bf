/** Places new talks into the themes of an existing atlas, without refitting. */
import { InputError } from '../errors.js'
import type { Talk } from '../types.js'
import { transformTfidf } from '../vectorize/tfidf.js'
import { embedQueries } from './embed.js'
import { resolveUserEmbedding, type EmbeddingsInput } from './userEmbedding.js'
import { UNCLASSIFIED_THEME_ID } from './unclassified.js'
import type { Atlas } from './types.js'

/** The theme a new talk is closest to. */
export interface ThemeAssignment {
  /** Talk id. */
  readonly id: string
  /** Theme id (`unclassified` when the talk shares no term with the atlas). */
  readonly theme: string
  /** Cosine between the talk and the theme centre in the embedding space, in [-1, 1]. */
  readonly score: number
}

/** Options of {@link assignThemes}. */
export interface AssignOptions {
  /**
   * The new talks' vectors from the model that made the atlas's `embeddings`, one per talk
   * (same forms as `buildAtlas`'s). Without them, talks of an atlas with given vectors are
   * placed by the words' half of the space alone. Ignored by an atlas without given vectors.
   * @default undefined
   */
  readonly embeddings?: EmbeddingsInput
}

/**
 * Assigns each talk to the nearest theme centre of an atlas.
 * @param atlas A built or loaded atlas.
 * @param talks New talks (title and abstract are read; ids need not be unique).
 * @param options See {@link AssignOptions}.
 * @throws InputError when `talks` is not an array or a talk lacks a string id, title or
 * abstract, or on `embeddings` of another count or width, or with a value that is not finite.
 */
export function assignThemes(atlas: Atlas, talks: readonly Pick<Talk, 'id' | 'title' | 'abstract'>[], options: AssignOptions = {}): ThemeAssignment[] {
  checkNewTalks(talks)
  const d = atlas.embedding.dimensions
  const vectors = embedQueries(atlas.lsa, transformTfidf(atlas.model, talks), atlas.userEmbedding, givenVectors(atlas, talks, options.embeddings))
  const k = atlas.centroids.length / d
  return talks.map((talk, i) => {
    let best = -1
    let bestScore = -Infinity
    let norm = 0
    for (let c = 0; c < d; c++) norm += vectors[i * d + c] * vectors[i * d + c]
    if (norm > 0) {
      for (let t = 0; t < k; t++) {
        let dot = 0
        for (let c = 0; c < d; c++) dot += vectors[i * d + c] * atlas.centroids[t * d + c]
        if (dot > bestScore) {
          bestScore = dot
          best = t
        }
      }
    }
    if (best < 0) return { id: talk.id, theme: UNCLASSIFIED_THEME_ID, score: 0 }
    return { id: talk.id, theme: atlas.themes[best].id, score: Math.round(bestScore * 1e6) / 1e6 }
  })
}

/**
 * The new talks' unit vectors, checked against the atlas's width.
 * @param atlas Atlas.
 * @param talks New talks.
 * @param embeddings Their vectors, if given.
 */
function givenVectors(atlas: Atlas, talks: readonly Pick<Talk, 'id'>[], embeddings: EmbeddingsInput | undefined): Float32Array | undefined {
  if (embeddings === undefined || atlas.userEmbedding === undefined || talks.length === 0) return undefined
  const given = resolveUserEmbedding(embeddings, 1, talks)!
  if (given.dimensions !== atlas.userEmbedding.dimensions) {
    throw new InputError(`vectors of ${given.dimensions} dimensions, the atlas's have ${atlas.userEmbedding.dimensions}`, { field: 'embeddings' })
  }
  return given.vectors
}

/**
 * Checks the fields assignThemes reads; unlike buildAtlas it accepts repeated ids.
 * @param talks Talks to check.
 */
function checkNewTalks(talks: readonly Pick<Talk, 'id' | 'title' | 'abstract'>[]): void {
  if (!Array.isArray(talks)) throw new InputError('talks must be an array', { expected: 'array of talks' })
  talks.forEach((talk, index) => {
    for (const field of ['id', 'title', 'abstract'] as const) {
      if (typeof talk?.[field] !== 'string') {
        throw new InputError(`${field} must be a string`, { field: `talks[${index}].${field}`, actual: typeof talk?.[field] })
      }
    }
  })
}
