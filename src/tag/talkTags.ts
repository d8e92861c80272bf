/**
 * The tags of one talk from its calibrated scores and its evidence: which themes qualify,
 * in which order, and the terms that explain each.
 */
import type { Atlas } from '../atlas/types.js'
import { TopK } from '../similarity/topK.js'
import type { ResolvedTagTheme } from './resolveThemes.js'
import type { ResolvedTagOptions, TalkTag, ThemeQueries } from './tagTalks.js'
import { NAME_EVIDENCE } from './themeEvidence.js'

/**
 * Calibrated, explained tags of one talk.
 * @param atlas Atlas.
 * @param i Talk row.
 * @param scores Final scores, row-major n × T.
 * @param evidence Evidence, row-major n × T.
 * @param queries Theme queries (for explanations).
 * @param themes Resolved themes.
 * @param options Resolved options.
 */
export function talkTags(
  atlas: Atlas,
  i: number,
  scores: Float64Array,
  evidence: Float64Array,
  queries: ThemeQueries,
  themes: readonly ResolvedTagTheme[],
  options: ResolvedTagOptions & { readonly minEvidence: number },
): TalkTag[] {
  const nThemes = themes.length
  if (nThemes === 0) return []
  const row = i * nThemes
  const byEvidence = options.minEvidence > 0
  // A theme none of whose words made the vocabulary (a word of one talk, on a small corpus)
  // scores 0 against every talk, but a talk that names it has the evidence.
  const open = (t: number): boolean => queries.empty[t] === 0 || (byEvidence && evidence[row + t]! >= options.minEvidence)
  let max = -Infinity
  for (let t = 0; t < nThemes; t++) if (open(t)) max = Math.max(max, scores[row + t])
  if (max === -Infinity) return []
  const probabilities = new Float64Array(nThemes)
  let total = 0
  for (let t = 0; t < nThemes; t++) {
    probabilities[t] = open(t) ? Math.exp((scores[row + t] - max) / options.temperature) : 0
    total += probabilities[t]
  }
  // When tags need evidence, the themes the talk names most come first (evidence, 4
  // decimals), then by calibrated score: networking fixture 52 → 59 right top tags of 72.
  // Without (given themes: a classification) the calibrated score alone ranks them.
  const candidates: number[] = []
  for (let t = 0; t < nThemes; t++) if (open(t) && evidence[row + t]! >= options.minEvidence) candidates.push(t)
  const calibrated = (t: number): number => Math.round((evidence[row + t]! / (evidence[row + t]! + NAME_EVIDENCE)) * 1e4) / 1e4
  candidates.sort((a, b) => (byEvidence ? calibrated(b) - calibrated(a) : 0) || probabilities[b]! - probabilities[a]! || a - b)
  const tags: TalkTag[] = []
  for (const t of candidates) {
    if (tags.length === options.top) break
    const score = probabilities[t]! / total
    if (tags.length > 0 && score < options.threshold) continue
    tags.push({
      theme: themes[t].name,
      score: Math.round(score * 1e4) / 1e4,
      evidence: calibrated(t),
      terms: explainingTerms(atlas, i, queries.termWeights, t, nThemes, options.explainTerms),
    })
  }
  return tags
}

/**
 * The talk's terms with the largest contribution to its TF-IDF match with a theme query.
 * @param atlas Atlas.
 * @param i Talk row.
 * @param termWeights Term-major query weights.
 * @param t Theme column.
 * @param nThemes T.
 * @param count How many terms.
 */
function explainingTerms(atlas: Atlas, i: number, termWeights: Float32Array, t: number, nThemes: number, count: number): string[] {
  if (count === 0) return []
  const { indptr, indices, data } = atlas.matrix
  const best = new TopK(count)
  for (let p = indptr[i]; p < indptr[i + 1]; p++) {
    const contribution = data[p] * termWeights[indices[p] * nThemes + t]
    if (contribution > 0) best.offer(indices[p], contribution)
  }
  return best.results().map(({ index }) => atlas.model.labels[index]!)
}

/** Whether row i of the evidence reaches `min` for some theme. */
export function namesATheme(evidence: Float64Array, i: number, nThemes: number, min: number): boolean {
  for (let t = 0; t < nThemes; t++) if (evidence[i * nThemes + t]! >= min) return true
  return false
}
