/**
 * Tagging: scores every talk against named themes, zero-shot (names, aliases, keywords) or
 * few-shot (plus example talks), and returns calibrated, explained, multi-label tags.
 */
import { buildAtlas } from '../atlas/buildAtlas.js'
import type { Atlas, AtlasOptions } from '../atlas/types.js'
import { checkInteger, checkRange } from '../options.js'
import type { Talk, Warning } from '../types.js'
import { resolveThemes, type ResolvedTagTheme, type TagTheme } from './resolveThemes.js'
import type { Taxonomy } from './taxonomy.js'
import { builtinTaxonomyNotice, fitOfEvidence } from './taxonomyFit.js'
import { NAME_EVIDENCE, themeEvidence } from './themeEvidence.js'
import { talkWords } from './talkWords.js'
import { descriptionEvidence, strongerEvidence } from './descriptionEvidence.js'
import { namesATheme, talkTags } from './talkTags.js'
import { exampleRows, themeQueries } from './themeQueries.js'
import { centreColumns, keepExamplesOnTop, propagate } from './propagateScores.js'
export type { ThemeQueries } from './themeQueries.js'

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
   * it (see `themeEvidence`: its name or an alias counts 2, a keyword 1; or, when that reads
   * more, `descriptionEvidence`: each noun of its description that no other theme uses 1);
   * example talks
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
   * the evidence of `themeEvidence` or, when larger, that of the theme's description words
   * (`descriptionEvidence`; 0 for a talk that names nothing of the theme, 0.5 for its name
   * once, towards 1 with more of its aliases, keywords and description words).
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
  // The talks' text is read once, for both names and keywords and descriptions.
  const words = talkWords(atlas.talks)
  const evidence = themeEvidence(words, definitions, atlas.options.tfidf)
  if (resolved.taxonomy === undefined && fromTaxonomy) {
    // `definitions` are the built-in taxonomy's themes here: their evidence also tells the fit.
    const fit = builtinTaxonomyNotice(fitOfEvidence(evidence, atlas.talks.length, definitions.length))
    warnings.push(fit.warning)
    if (!fit.fits) return { talks: atlas.talks.map((talk) => ({ id: talk.id, tags: [] })), themes: definitions, warnings }
  }
  // Descriptions help place talks, never decide the fit (names and keywords do).
  strongerEvidence(evidence, descriptionEvidence(words, definitions, atlas.options.tfidf))
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
  if (resolved.minEvidence !== undefined) checkRange('tagTalks', 'minEvidence', resolved.minEvidence, 0, Infinity, false, 'a number ≥ 0')
  checkRange('tagTalks', 'threshold', resolved.threshold, 0, 1, false, 'a number in [0, 1]')
  checkInteger('tagTalks', 'top', resolved.top, 1)
  checkInteger('tagTalks', 'explainTerms', resolved.explainTerms, 0)
  checkInteger('tagTalks', 'feedbackTalks', resolved.feedbackTalks, 0)
  checkRange('tagTalks', 'feedbackWeight', resolved.feedbackWeight, 0, Infinity, false, 'a number ≥ 0')
  checkRange('tagTalks', 'exampleWeight', resolved.exampleWeight, 0, Infinity, false, 'a number ≥ 0')
  checkInteger('tagTalks', 'neighbours', resolved.neighbours, 1)
  checkRange('tagTalks', 'propagation', resolved.propagation, 0, 1, true, 'a number in [0, 1)')
  checkRange('tagTalks', 'temperature', resolved.temperature, Number.MIN_VALUE, Infinity, false, 'a number > 0')
  return Object.freeze(resolved)
}

function isAtlas(input: Atlas | readonly Talk[]): input is Atlas {
  return !Array.isArray(input) && typeof input === 'object' && input !== null && 'matrix' in input && 'embedding' in input
}
