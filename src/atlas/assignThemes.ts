/** Places new talks into the themes of an existing atlas, without refitting. */
import { projectLsa } from '../cluster/lsa.js'
import { InputError } from '../errors.js'
import type { Talk } from '../types.js'
import { transformTfidf } from '../vectorize/tfidf.js'
import { UNCLASSIFIED_THEME_ID } from './unclassified.js'
import type { Atlas } from './types.js'

/** The theme a new talk is closest to. */
export interface ThemeAssignment {
  /** Talk id. */
  readonly id: string
  /** Theme id (`unclassified` when the talk shares no term with the atlas). */
  readonly theme: string
  /** Cosine between the talk and the theme centre in the LSA space, in [-1, 1]. */
  readonly score: number
}

/**
 * Assigns each talk to the nearest theme centre of an atlas.
 * @param atlas A built or loaded atlas.
 * @param talks New talks (title and abstract are read; ids need not be unique).
 * @throws InputError when `talks` is not an array or a talk lacks a string id, title or abstract.
 */
export function assignThemes(atlas: Atlas, talks: readonly Pick<Talk, 'id' | 'title' | 'abstract'>[]): ThemeAssignment[] {
  checkNewTalks(talks)
  const d = atlas.embedding.dimensions
  const vectors = projectLsa(atlas.lsa, transformTfidf(atlas.model, talks))
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
