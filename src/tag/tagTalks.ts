/**
 * Tagging: scores every talk against named themes, zero-shot (names, aliases, keywords) or
 * few-shot (plus example talks), and returns calibrated, explained, multi-label tags.
 */
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Atlas, AtlasOptions } from '../atlas/types.js'
import { embedQueries } from '../atlas/embed.js'
import { InputError } from '../errors.js'
import { checkInteger, checkRange } from '../options.js'
import { TFIDF_SHARE } from '../similarity/cosine.js'
import { TopK } from '../similarity/topK.js'
import type { Talk, Warning } from '../types.js'
import { transformTfidf } from '../vectorize/tfidf.js'
import { neighbourGraph, type NeighbourGraph } from './neighbourGraph.js'
import { resolveThemes, type ResolvedTagTheme, type TagTheme } from './resolveThemes.js'
import type { Taxonomy } from './taxonomy.js'
import { builtinTaxonomyNotice, fitOfEvidence } from './taxonomyFit.js'
import { NAME_EVIDENCE, themeEvidence } from './themeEvidence.js'
import { namesATheme, talkTags } from './talkTags.js'

/** Options of {@link tagTalks}. Every field is optional. */
export interface TagOptions {
  /**
   * Taxonomy used when no themes are given, and inherited from by user themes named after
   * one of its themes or aliases; `null` to disable both. Left undefined, the built-in
   * taxonomy is used without themes only when it fits the talks (see `taxonomyFit`);
   * otherwise no talk is tagged and a `no-fitting-taxonomy` warning says to give themes.
   * @default BUILTIN_TAXONOMY (Linux networking and BPF)
   */
  readonly taxonomy?: Taxonomy | null
  /**
   * A theme can be a tag of a talk only when the talk's text holds this much evidence for
   * it (see `themeEvidence`: its name or an alias counts 2, a keyword 1); example talks
   * always hold it for their theme. 0 tags every talk with its best theme. With a
   * taxonomy's themes (no `themes` given) the tagger abstains on talks that name none;
   * given themes are a classification the user asked for (every talk gets its best theme):
   * requiring evidence there cost FOSDEM 2025's zero-shot accuracy 0.546 → 0.304.
   * @default 2 without themes (taxonomy), 0 with themes
   */
  readonly minEvidence?: number
  /** A tag is kept when its score reaches this value; the best tag with evidence is always kept. @default 0.2 */
  readonly threshold?: number
  /** At most this many tags per talk. @default 3 */
  readonly top?: number
  /** Terms listed per tag to explain its score. @default 5 */
  readonly explainTerms?: number
  /**
   * Pseudo-relevance feedback: this many talks that best match a theme add their centre to
   * it (0 = off; measured not to help once scores are centred, see docs/quality.md).
   * @default 0
   */
  readonly feedbackTalks?: number
  /** Weight of that feedback centre relative to the theme's own description. @default 0.5 */
  readonly feedbackWeight?: number
  /** Weight of the centre of a theme's example talks relative to its description. @default 1 */
  readonly exampleWeight?: number
  /** Neighbours per talk in the label-propagation graph. @default 10 */
  readonly neighbours?: number
  /** Share of a talk's score taken from its neighbours, in [0, 1) (0 = no propagation). @default 0.5 */
  readonly propagation?: number
  /** Softmax temperature on the centred scores (in pooled standard deviations): lower is more confident. @default 1 */
  readonly temperature?: number
  /** Options of the atlas built when talks, not an atlas, are given. @default {} */
  readonly atlas?: AtlasOptions
}

/** {@link TagOptions} with defaults filled in (`atlas` excepted). */
export interface ResolvedTagOptions {
  readonly taxonomy: Taxonomy | null | undefined
  /** Undefined: 2 without themes, 0 with themes. */
  readonly minEvidence: number | undefined
  readonly threshold: number
  readonly top: number
  readonly explainTerms: number
  readonly feedbackTalks: number
  readonly feedbackWeight: number
  readonly exampleWeight: number
  readonly neighbours: number
  readonly propagation: number
  readonly temperature: number
}

/** One tag of a talk. */
export interface TalkTag {
  /** Theme name, as given. */
  readonly theme: string
  /** Calibrated score in [0, 1] (the scores of all themes of a talk sum to 1), 4 decimals. */
  readonly score: number
  /**
   * How much of the theme the talk's text names, in [0, 1), 4 decimals: `e / (e + 2)` with e
   * the evidence of `themeEvidence` (0 for a talk that names nothing of the theme, 0.5 for
   * its name once, towards 1 with more of its aliases and keywords).
   */
  readonly evidence: number
  /** Display forms of the talk's terms that contributed most to the match, best first. */
  readonly terms: readonly string[]
}

/** The tags of one talk. */
export interface TalkTags {
  /** Talk id. */
  readonly id: string
  /**
   * Tags best first: every theme with evidence ≥ `minEvidence` scoring ≥ `threshold`, at
   * least the best such theme, at most `top`. Empty when the talk names no theme (the tagger
   * abstains), when no taxonomy fits (`no-fitting-taxonomy`), for a talk without any
   * vocabulary term (`untagged-talks`) or when no theme has a known word or an example
   * (`theme-without-terms`).
   */
  readonly tags: readonly TalkTag[]
}

/** Result of {@link tagTalks}. */
export interface TagResult {
  /** One entry per talk, in input order. */
  readonly talks: readonly TalkTags[]
  /** The themes used, after resolution (inherited aliases and keywords merged in). */
  readonly themes: readonly ResolvedTagTheme[]
  readonly warnings: readonly Warning[]
}

/** Frozen defaults of {@link TagOptions}. */
export const defaultTagOptions = Object.freeze({
  threshold: 0.2,
  top: 3,
  explainTerms: 5,
  feedbackTalks: 0,
  feedbackWeight: 0.5,
  exampleWeight: 1,
  neighbours: 10,
  propagation: 0.5,
  temperature: 1,
})

/** Above this many talks the brute-force neighbour graph is skipped (with a warning). */
const MAX_PROPAGATION_TALKS = 20_000
/** Iterations of label propagation; α^10 ≤ 0.001 at the default α, so it has converged. */
const PROPAGATION_ITERATIONS = 10

/**
 * Tags talks with themes.
 *
 * Each theme becomes a query: a pseudo-document of its name (counted three times), aliases
 * and keywords, vectorised with the atlas vocabulary (TF-IDF) and projected on its LSA
 * dimensions. When the theme has example talks, the centre of their vectors is added
 * (weight `exampleWeight`). With `feedbackTalks` > 0 (off by default), the centre of the
 * talks that match the query best is added too (pseudo-relevance feedback, Rocchio 1971;
 * weight `feedbackWeight`); it did not help on the measured corpora. A talk's raw score
 * for a theme is the blended cosine of the talk search uses (½ TF-IDF + ½ LSA).
 *
 * Raw scores are centred per theme (minus the theme's mean over all talks), so that a theme
 * with a broad description does not win every talk, and divided by one pooled standard
 * deviation (so the scale is comparable between corpora); then they are smoothed by label propagation over the
 * k-nearest-neighbour graph of the talks (Zhou et al. 2004): `F ← (1 − α) Z + α W F`,
 * with W the row-normalised graph and α = `propagation`. Example talks keep their theme
 * on top. The calibrated score of theme t for a talk is the softmax
 * `exp(F_t / τ) / Σ_u exp(F_u / τ)` with τ = `temperature`: in [0, 1], summing to 1 over
 * the themes, and ranking themes the same way as F.
 *
 * @param input An atlas from `buildAtlas`, or talks (an atlas is built with `options.atlas`).
 * @param themes Themes to tag with; `undefined` or `[]` for the taxonomy's themes.
 * @param options See {@link TagOptions}.
 * @returns Tags of every talk, the resolved themes and warnings.
 * @throws InputError on a malformed theme, a duplicate theme name or an unknown example id.
 * @throws OptionError on an option outside its range.
 */
export function tagTalks(input: Atlas | readonly Talk[], themes?: readonly TagTheme[], options: TagOptions = {}): TagResult {
  const resolved = resolveTagOptions(options)
  const atlas = isAtlas(input) ? input : buildAtlas(input, options.atlas ?? {})
  const definitions = resolveThemes(themes, resolved.taxonomy === undefined ? {} : { taxonomy: resolved.taxonomy })
  const warnings: Warning[] = []
  const fromTaxonomy = themes === undefined || themes.length === 0
  const minEvidence = resolved.minEvidence ?? (fromTaxonomy ? NAME_EVIDENCE : 0)
  const evidence = themeEvidence(atlas.talks, definitions, atlas.options.tfidf)
  if (resolved.taxonomy === undefined && fromTaxonomy) {
    // `definitions` are the built-in taxonomy's themes here: their evidence also tells the fit.
    const fit = builtinTaxonomyNotice(fitOfEvidence(evidence, atlas.talks.length, definitions.length))
    warnings.push(fit.warning)
    if (!fit.fits) return { talks: atlas.talks.map((talk) => ({ id: talk.id, tags: [] })), themes: definitions, warnings }
  }
  const examples = exampleRows(atlas, definitions)
  for (let t = 0; t < definitions.length; t++) {
    for (const i of examples[t]!) evidence[i * definitions.length + t] = Math.max(evidence[i * definitions.length + t]!, minEvidence)
  }
  const queries = themeQueries(atlas, definitions, examples, resolved, warnings)
  const centred = centreColumns(queries.scores, atlas.talks.length, definitions.length)
  const propagated = propagate(atlas, centred, definitions.length, resolved, warnings)
  keepExamplesOnTop(propagated, examples, definitions.length)
  const untagged: string[] = []
  const talks = atlas.talks.map((talk, i) => {
    // A talk without any vocabulary term has no evidence for any theme, unless it names one.
    const known = atlas.matrix.indptr[i + 1] > atlas.matrix.indptr[i] || (minEvidence > 0 && namesATheme(evidence, i, definitions.length, minEvidence))
    if (!known) untagged.push(talk.id)
    return { id: talk.id, tags: known ? talkTags(atlas, i, propagated, evidence, queries, definitions, { ...resolved, minEvidence }) : [] }
  })
  if (untagged.length > 0) {
    warnings.push({ code: 'untagged-talks', message: `tag: ${untagged.length} talk(s) share no term with the vocabulary and get no tag`, talkIds: untagged })
  }
  return { talks, themes: definitions, warnings }
}

/**
 * Validates options once and fills defaults.
 * @param options User options.
 */
export function resolveTagOptions(options: TagOptions = {}): ResolvedTagOptions {
  const pick = <K extends keyof typeof defaultTagOptions>(key: K): number => options[key] ?? defaultTagOptions[key]
  const resolved: ResolvedTagOptions = {
    taxonomy: options.taxonomy,
    minEvidence: options.minEvidence,
    threshold: pick('threshold'),
    top: pick('top'),
    explainTerms: pick('explainTerms'),
    feedbackTalks: pick('feedbackTalks'),
    feedbackWeight: pick('feedbackWeight'),
    exampleWeight: pick('exampleWeight'),
    neighbours: pick('neighbours'),
    propagation: pick('propagation'),
    temperature: pick('temperature'),
  }
  if (resolved.minEvidence !== undefined) checkRange('tag', 'minEvidence', resolved.minEvidence, 0, Infinity, false, 'a number ≥ 0')
  checkRange('tag', 'threshold', resolved.threshold, 0, 1, false, 'a number in [0, 1]')
  checkInteger('tag', 'top', resolved.top, 1)
  checkInteger('tag', 'explainTerms', resolved.explainTerms, 0)
  checkInteger('tag', 'feedbackTalks', resolved.feedbackTalks, 0)
  checkRange('tag', 'feedbackWeight', resolved.feedbackWeight, 0, Infinity, false, 'a number ≥ 0')
  checkRange('tag', 'exampleWeight', resolved.exampleWeight, 0, Infinity, false, 'a number ≥ 0')
  checkInteger('tag', 'neighbours', resolved.neighbours, 1)
  checkRange('tag', 'propagation', resolved.propagation, 0, 1, true, 'a number in [0, 1)')
  checkRange('tag', 'temperature', resolved.temperature, Number.MIN_VALUE, Infinity, false, 'a number > 0')
  return Object.freeze(resolved)
}

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
function exampleRows(atlas: Atlas, themes: readonly ResolvedTagTheme[]): Int32Array[] {
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
function themeQueries(
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
 * Centres every column on its mean over the talks and divides all columns by one pooled
 * standard deviation. Centring removes the advantage of a theme whose description is close
 * to every talk; the pooled scale (not one per theme) keeps a theme that no talk really
 * matches from being stretched until its best talks look like strong matches, which
 * per-theme z-scores do when a taxonomy lists themes absent from the corpus.
 * @param scores Raw scores, row-major n × T.
 * @param n Rows.
 * @param nThemes Columns.
 */
function centreColumns(scores: Float64Array, n: number, nThemes: number): Float64Array {
  const out = new Float64Array(scores.length)
  let pooled = 0
  for (let t = 0; t < nThemes; t++) {
    let mean = 0
    for (let i = 0; i < n; i++) mean += scores[i * nThemes + t]
    mean /= n
    for (let i = 0; i < n; i++) {
      out[i * nThemes + t] = scores[i * nThemes + t] - mean
      pooled += out[i * nThemes + t] ** 2
    }
  }
  const sd = Math.sqrt(pooled / scores.length)
  if (sd > 1e-12) for (let p = 0; p < out.length; p++) out[p] /= sd
  return out
}

/**
 * Label propagation `F ← (1 − α) Z + α W F` over the neighbour graph.
 * @param atlas Atlas.
 * @param z Centred scores, row-major n × T.
 * @param nThemes T.
 * @param options Resolved options.
 * @param warnings Sink for warnings.
 */
function propagate(atlas: Atlas, z: Float64Array, nThemes: number, options: ResolvedTagOptions, warnings: Warning[]): Float64Array {
  const n = atlas.talks.length
  const alpha = options.propagation
  if (alpha === 0 || n < 2) return z
  if (n > MAX_PROPAGATION_TALKS) {
    warnings.push({
      code: 'propagation-skipped',
      message: `tag: ${n} talks exceed ${MAX_PROPAGATION_TALKS}; scores are not smoothed over neighbouring talks`,
    })
    return z
  }
  const graph = cachedGraph(atlas, Math.min(options.neighbours, n - 1))
  let current = z.slice()
  let next = new Float64Array(z.length)
  for (let iteration = 0; iteration < PROPAGATION_ITERATIONS; iteration++) {
    for (let i = 0; i < n; i++) {
      const row = i * nThemes
      for (let t = 0; t < nThemes; t++) next[row + t] = (1 - alpha) * z[row + t]
      // A talk without neighbours keeps its own score in full.
      if (graph.indptr[i + 1] === graph.indptr[i]) {
        for (let t = 0; t < nThemes; t++) next[row + t] = z[row + t]
        continue
      }
      for (let p = graph.indptr[i]; p < graph.indptr[i + 1]; p++) {
        const w = alpha * graph.weights[p]
        const source = graph.indices[p] * nThemes
        for (let t = 0; t < nThemes; t++) next[row + t] += w * current[source + t]
      }
    }
    const swap = current
    current = next
    next = swap
  }
  return current
}

const graphCache = new WeakMap<Float32Array, Map<number, NeighbourGraph>>()

/**
 * The neighbour graph of an atlas, computed once per atlas and k.
 * @param atlas Atlas.
 * @param k Neighbours.
 */
function cachedGraph(atlas: Atlas, k: number): NeighbourGraph {
  let byK = graphCache.get(atlas.embedding.vectors)
  if (byK === undefined) {
    byK = new Map()
    graphCache.set(atlas.embedding.vectors, byK)
  }
  let graph = byK.get(k)
  if (graph === undefined) {
    graph = neighbourGraph(atlas.embedding.vectors, atlas.embedding.dimensions, k)
    byK.set(k, graph)
  }
  return graph
}

/**
 * Raises each example talk's score for its theme to the best score of that theme, so that
 * a talk labelled by the user carries its label first.
 * @param scores Row-major n × T, changed in place.
 * @param examples Example rows per theme.
 * @param nThemes T.
 */
function keepExamplesOnTop(scores: Float64Array, examples: readonly Int32Array[], nThemes: number): void {
  const n = scores.length / Math.max(nThemes, 1)
  for (let t = 0; t < nThemes; t++) {
    if (examples[t].length === 0) continue
    let best = -Infinity
    for (let i = 0; i < n; i++) best = Math.max(best, scores[i * nThemes + t])
    for (const i of examples[t]) {
      let rowBest = -Infinity
      for (let u = 0; u < nThemes; u++) rowBest = Math.max(rowBest, scores[i * nThemes + u])
      scores[i * nThemes + t] = Math.max(best, rowBest + 1e-9)
    }
  }
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

function isAtlas(input: Atlas | readonly Talk[]): input is Atlas {
  return !Array.isArray(input) && typeof input === 'object' && input !== null && 'matrix' in input && 'embedding' in input
}
