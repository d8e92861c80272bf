/**
 * Theme queries: each theme as a pseudo-document of its name, aliases and keywords in the
 * atlas's TF-IDF and LSA spaces, plus the centre of its example talks (and, optionally, of the
 * talks it matches best), and the raw blended cosine of every talk to every query.
 */
import type { Atlas } from '../atlas/types.js'
import { embedQueries } from '../atlas/embed.js'
import { InputError } from '../errors.js'
import { TFIDF_SHARE } from '../similarity/cosine.js'
import { TopK } from '../similarity/topK.js'
import type { Warning } from '../types.js'
import { transformTfidf } from '../vectorize/tfidf.js'
import { type ResolvedTagTheme } from './resolveThemes.js'
import type { ResolvedTagOptions } from './tagTalks.js'

/** Theme queries and the raw scores they give. */
export interface ThemeQueries {
  /** Raw blended cosines, row-major n × T. */
  readonly scores: Float64Array
  /** Final TF-IDF part of each query, term-major m × T (for explanations). */
  readonly termWeights: Float32Array
  /** 1 for a theme with no evidence at all (no known word, no example): it is never a tag. */
  readonly empty: Uint8Array
}

/**
 * Row indices of each theme's example talks.
 * @param atlas Atlas.
 * @param themes Resolved themes.
 * @throws InputError on an unknown id.
 */
export function exampleRows(atlas: Atlas, themes: readonly ResolvedTagTheme[]): Int32Array[] {
  const rowOf = new Map<string, number>()
  atlas.talks.forEach((talk, i) => rowOf.set(talk.id, i))
  return themes.map((theme, t) =>
    Int32Array.from(theme.examples, (id, e) => {
      const row = rowOf.get(id)
      if (row === undefined) throw new InputError(`tag: example ${JSON.stringify(id)} of theme ${JSON.stringify(theme.name)} is not a talk id`, { field: `themes[${t}].examples[${e}]` })
      return row
    }),
  )
}

/**
 * Builds every theme's query (description, examples, feedback) and scores all talks.
 * @param atlas Atlas.
 * @param themes Resolved themes.
 * @param examples Example rows per theme.
 * @param options Resolved options.
 * @param warnings Sink for warnings.
 */
export function themeQueries(
  atlas: Atlas,
  themes: readonly ResolvedTagTheme[],
  examples: readonly Int32Array[],
  options: ResolvedTagOptions,
  warnings: Warning[],
): ThemeQueries {
  const nThemes = themes.length
  const m = atlas.model.terms.length
  const d = atlas.embedding.dimensions
  const described = transformTfidf(atlas.model, themes.map(themeText))
  // Descriptions come without given vectors: they weigh on the words' half of the space.
  const describedLsa = embedQueries(atlas.lsa, described, atlas.userEmbedding)
  // Term-major (m × T) and dimension-major (d × T) so that scoring walks each talk once.
  const termWeights = new Float32Array(m * nThemes)
  const lsaWeights = new Float32Array(d * nThemes)
  const empty = new Uint8Array(nThemes)
  for (let t = 0; t < nThemes; t++) {
    for (let p = described.indptr[t]; p < described.indptr[t + 1]; p++) termWeights[described.indices[p] * nThemes + t] = described.data[p]
    for (let c = 0; c < d; c++) lsaWeights[c * nThemes + t] = describedLsa[t * d + c]
    if (examples[t].length > 0) addCentre(atlas, examples[t], t, nThemes, options.exampleWeight, termWeights, lsaWeights)
    normaliseColumn(termWeights, t, nThemes)
    normaliseColumn(lsaWeights, t, nThemes)
    if (described.indptr[t + 1] === described.indptr[t] && examples[t].length === 0) empty[t] = 1
  }
  if (empty.includes(1)) {
    const names = themes.filter((_, t) => empty[t] === 1).map((theme) => JSON.stringify(theme.name))
    warnings.push({
      code: 'theme-without-terms',
      message: `tag: no word of ${names.join(', ')} occurs in the talks' vocabulary; add keywords or examples`,
    })
  }
  let scores = scoreAll(atlas, termWeights, lsaWeights, nThemes)
  if (options.feedbackTalks > 0 && options.feedbackWeight > 0) {
    for (let t = 0; t < nThemes; t++) {
      if (columnIsZero(lsaWeights, t, nThemes)) continue
      const best = topRows(scores, atlas.talks.length, nThemes, t, options.feedbackTalks)
      addCentre(atlas, best, t, nThemes, options.feedbackWeight, termWeights, lsaWeights)
      normaliseColumn(termWeights, t, nThemes)
      normaliseColumn(lsaWeights, t, nThemes)
    }
    scores = scoreAll(atlas, termWeights, lsaWeights, nThemes)
  }
  return { scores, termWeights, empty }
}

/**
 * Text of a theme's pseudo-document: the name as title (weighted like a title) and again
 * in the body, then aliases and keywords, separated so that no phrase spans two of them.
 * @param theme Resolved theme.
 */
function themeText(theme: ResolvedTagTheme): { title: string; abstract: string } {
  return { title: theme.name, abstract: [theme.name, ...theme.aliases, ...theme.keywords].join(' ; ') }
}

/**
 * Adds `weight` × the unit centre of some talks to column t of both query parts.
 * @param atlas Atlas.
 * @param rows Talk rows.
 * @param t Theme column.
 * @param nThemes Number of columns.
 * @param weight Weight of the centre (the column is unit before, or zero).
 * @param termWeights Term-major query weights.
 * @param lsaWeights Dimension-major query weights.
 */
function addCentre(
  atlas: Atlas,
  rows: Int32Array,
  t: number,
  nThemes: number,
  weight: number,
  termWeights: Float32Array,
  lsaWeights: Float32Array,
): void {
  const { matrix } = atlas
  const { dimensions: d, vectors } = atlas.embedding
  const terms = new Map<number, number>()
  const lsa = new Float64Array(d)
  for (const i of rows) {
    for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) terms.set(matrix.indices[p], (terms.get(matrix.indices[p]) ?? 0) + matrix.data[p])
    for (let c = 0; c < d; c++) lsa[c] += vectors[i * d + c]
  }
  let termNorm = 0
  for (const value of terms.values()) termNorm += value * value
  termNorm = Math.sqrt(termNorm)
  if (termNorm > 0) for (const [j, value] of terms) termWeights[j * nThemes + t] += (weight * value) / termNorm
  let lsaNorm = 0
  for (let c = 0; c < d; c++) lsaNorm += lsa[c] * lsa[c]
  lsaNorm = Math.sqrt(lsaNorm)
  if (lsaNorm > 0) for (let c = 0; c < d; c++) lsaWeights[c * nThemes + t] += (weight * lsa[c]) / lsaNorm
}

/**
 * Blended cosine of every talk with every theme query (columns must be unit or zero).
 * @param atlas Atlas.
 * @param termWeights Term-major m × T.
 * @param lsaWeights Dimension-major d × T.
 * @param nThemes T.
 * @returns Row-major n × T.
 */
function scoreAll(atlas: Atlas, termWeights: Float32Array, lsaWeights: Float32Array, nThemes: number): Float64Array {
  const { indptr, indices, data } = atlas.matrix
  const { dimensions: d, vectors } = atlas.embedding
  const n = atlas.talks.length
  const scores = new Float64Array(n * nThemes)
  const lsaShare = 1 - TFIDF_SHARE
  for (let i = 0; i < n; i++) {
    const row = i * nThemes
    for (let p = indptr[i]; p < indptr[i + 1]; p++) {
      const value = TFIDF_SHARE * data[p]
      const source = indices[p] * nThemes
      for (let t = 0; t < nThemes; t++) scores[row + t] += value * termWeights[source + t]
    }
    for (let c = 0; c < d; c++) {
      const value = lsaShare * vectors[i * d + c]
      if (value === 0) continue
      const source = c * nThemes
      for (let t = 0; t < nThemes; t++) scores[row + t] += value * lsaWeights[source + t]
    }
  }
  return scores
}

/**
 * Rows with the highest scores in column t, ties to the lower row.
 * @param scores Row-major n × T.
 * @param n Rows.
 * @param nThemes Columns.
 * @param t Column.
 * @param count How many.
 */
function topRows(scores: Float64Array, n: number, nThemes: number, t: number, count: number): Int32Array {
  const best = new TopK(Math.min(count, n))
  for (let i = 0; i < n; i++) best.offer(i, scores[i * nThemes + t])
  return Int32Array.from(best.results(), (r) => r.index)
}

/**
 * Scales column t of a row-major (rows × nThemes) array to unit length (zero stays zero).
 * @param values Array.
 * @param t Column.
 * @param nThemes Columns.
 */
function normaliseColumn(values: Float32Array, t: number, nThemes: number): void {
  let norm = 0
  for (let p = t; p < values.length; p += nThemes) norm += values[p] * values[p]
  if (norm === 0) return
  const scale = 1 / Math.sqrt(norm)
  for (let p = t; p < values.length; p += nThemes) values[p] *= scale
}

function columnIsZero(values: Float32Array, t: number, nThemes: number): boolean {
  for (let p = t; p < values.length; p += nThemes) if (values[p] !== 0) return false
  return true
}
