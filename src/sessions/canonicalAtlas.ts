/**
 * The atlas seen in canonical talk order, so that session planning cannot depend on how
 * the input happened to be sorted.
 */
import { atlasOrder, permuteCsrRows, permuteDenseRows, permuteEnsemble } from '../atlas/canonicalOrder.js'
import type { Atlas } from '../atlas/types.js'

/**
 * The per-talk parts of an atlas (talks, TF-IDF rows, embedding rows, assignments, ensemble) reordered
 * into the atlas's canonical order (title, abstract, id; stored with the atlas, `atlasOrder`). Partitioning, scheduling and every tie
 * then follow canonical positions: a permuted input gives the same sessions, byte for byte,
 * because `buildAtlas` already gives every talk the same rows whatever the input order.
 * Themes and models refer to talks by id or are shared, so they are kept as they are.
 * @param atlas Atlas in input order.
 * @param order Its canonical order (default: the one stored with the atlas).
 */
export function canonicalAtlas(atlas: Atlas, order: Int32Array = atlasOrder(atlas)): Atlas {
  const { dimensions, vectors } = atlas.embedding
  return {
    ...atlas,
    talks: Array.from(order, (i) => atlas.talks[i]!),
    matrix: permuteCsrRows(atlas.matrix, order),
    embedding: { dimensions, vectors: permuteDenseRows(vectors, dimensions, order) },
    assignments: Int32Array.from(order, (i) => atlas.assignments[i]!),
    ...(atlas.ensemble === undefined ? {} : { ensemble: permuteEnsemble(atlas.ensemble, order) }),
  }
}
