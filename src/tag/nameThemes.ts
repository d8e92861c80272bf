/**
 * Names the themes (clusters) of an atlas after taxonomy themes when they match well.
 */
import type { Atlas } from '../atlas/types.js'
import { OptionError } from '../errors.js'
import type { Warning } from '../types.js'
import { BUILTIN_TAXONOMY, type Taxonomy } from './taxonomy.js'
import { tagTalks, type TagOptions } from './tagTalks.js'
import { taxonomyFit, type TaxonomyFit } from './taxonomyFit.js'

/** Options of {@link nameThemes}. Every field is optional. */
export interface NameThemesOptions {
  /**
   * A cluster is named after a taxonomy theme when at least this share of its talks has
   * that theme as best tag.
   * @default 0.5
   */
  readonly minShare?: number
  /** Options of the underlying {@link tagTalks} call (its `taxonomy` is ignored). @default {} */
  readonly tag?: Omit<TagOptions, 'taxonomy'>
}

/** The taxonomy name proposed for one atlas theme. */
export interface ThemeName {
  /** Id of the atlas theme (`theme-1`, …, `unclassified`). */
  readonly themeId: string
  /** The atlas theme's own label. */
  readonly label: string
  /** Name of the best-matching taxonomy theme, or null when none matches well enough. */
  readonly name: string | null
  /** Share of the cluster's talks whose best tag is that taxonomy theme, in [0, 1], 4 decimals. */
  readonly share: number
  /** Mean calibrated score of that theme over the cluster's talks, in [0, 1], 4 decimals. */
  readonly score: number
}

/**
 * Proposes a taxonomy name for every theme of an atlas: its talks are tagged with the
 * taxonomy, and the theme takes the name of the taxonomy theme that is the best tag of the
 * most of its talks (ties: higher mean score, then taxonomy order), when that is at least
 * `minShare` of them; otherwise `name` is null and the cluster keeps its own label. Talks
 * that name no taxonomy theme get no tag (see `tagTalks`' `minEvidence`), so they count
 * against every name. Without a `taxonomy` argument the built-in one is used only when it
 * fits the talks (`taxonomyFit`); otherwise every name is null.
 *
 * @param atlas An atlas from `buildAtlas`.
 * @param taxonomy Taxonomy to draw names from. @default BUILTIN_TAXONOMY, when it fits
 * @param options See {@link NameThemesOptions}.
 * @returns One entry per atlas theme, in atlas order.
 * @throws OptionError when `minShare` is outside [0, 1].
 */
export function nameThemes(atlas: Atlas, taxonomy?: Taxonomy, options: NameThemesOptions = {}): ThemeName[] {
  const minShare = options.minShare ?? 0.5
  if (typeof minShare !== 'number' || !(minShare >= 0 && minShare <= 1)) throw new OptionError('nameThemes', 'minShare', minShare, 'a number in [0, 1]')
  const naming = namingTaxonomy(atlas, taxonomy).taxonomy
  if (naming === null) return atlas.themes.map((theme) => ({ themeId: theme.id, label: theme.label, name: null, share: 0, score: 0 }))
  const result = tagTalks(atlas, undefined, { ...options.tag, taxonomy: naming })
  const order = new Map(result.themes.map((theme, t) => [theme.name, t]))
  const nThemes = result.themes.length
  return atlas.themes.map((theme, c) => {
    const counts = new Float64Array(nThemes)
    const scoreSums = new Float64Array(nThemes)
    let size = 0
    for (let i = 0; i < atlas.talks.length; i++) {
      if (atlas.assignments[i] !== c) continue
      size++
      const tags = result.talks[i]!.tags
      if (tags.length === 0) continue
      const t = order.get(tags[0]!.theme)!
      counts[t]++
      scoreSums[t] += tags[0]!.score
    }
    let best = -1
    for (let t = 0; t < nThemes; t++) {
      if (counts[t] === 0) continue
      if (best < 0 || counts[t] > counts[best] || (counts[t] === counts[best] && scoreSums[t] > scoreSums[best])) best = t
    }
    const share = best < 0 || size === 0 ? 0 : counts[best] / size
    const score = best < 0 ? 0 : scoreSums[best] / counts[best]
    return {
      themeId: theme.id,
      label: theme.label,
      name: best >= 0 && share >= minShare && share > 0 ? result.themes[best]!.name : null,
      share: round4(share),
      score: round4(score),
    }
  })
}

/** The taxonomy {@link nameThemes} draws names from, and the notice that says why. */
export interface NamingTaxonomy {
  /** The taxonomy given, else the built-in one when it fits the talks, else null (no names). */
  readonly taxonomy: Taxonomy | null
  /** `taxonomy-detected` when the built-in taxonomy was chosen because it fits. */
  readonly warnings: readonly Warning[]
}

/**
 * The taxonomy {@link nameThemes} uses for an atlas: `taxonomy` when given; else the built-in
 * one when it fits the talks (`taxonomyFit`), with a `taxonomy-detected` notice; else none.
 * @param atlas An atlas from `buildAtlas`.
 * @param taxonomy Taxonomy chosen by the caller, if any.
 * @param measured The built-in taxonomy's fit to the atlas's talks, if already measured.
 */
export function namingTaxonomy(atlas: Atlas, taxonomy?: Taxonomy, measured?: TaxonomyFit): NamingTaxonomy {
  if (taxonomy !== undefined) return { taxonomy, warnings: [] }
  const fit = measured ?? taxonomyFit(atlas.talks, BUILTIN_TAXONOMY, atlas.options.tfidf)
  if (!fit.fits) return { taxonomy: null, warnings: [] }
  const message = `themes: the talks are about Linux networking and BPF (${(fit.share * 100).toFixed(1)} % name one of its themes); themes are named after the built-in taxonomy`
  return { taxonomy: BUILTIN_TAXONOMY, warnings: [{ code: 'taxonomy-detected', message }] }
}

function round4(value: number): number {
  return Math.round(value * 1e4) / 1e4
}
