/**
 * Whether a taxonomy fits a corpus: a taxonomy of one field (the built-in one covers Linux
 * networking and BPF) is used by default only on talks of that field, not forced onto a
 * film festival or an NLP conference.
 */
import type { Talk, Warning } from '../types.js'
import { resolveThemes } from './resolveThemes.js'
import type { Taxonomy } from './taxonomy.js'
import { talkWordsAmong } from './talkWords.js'
import { evidenceWords, NAME_EVIDENCE, themeEvidence, type EvidenceOptions } from './themeEvidence.js'

/**
 * Share of talks that must show strong evidence for some theme of a taxonomy for it to fit:
 * a majority, i.e. the corpus is about the taxonomy's field, not merely touching it.
 */
export const TAXONOMY_FIT_SHARE = 0.5

/** Result of {@link taxonomyFit}. */
export interface TaxonomyFit {
  /** Whether the taxonomy fits (`share` ≥ {@link TAXONOMY_FIT_SHARE}). */
  readonly fits: boolean
  /**
   * Share of talks, in [0, 1] (4 decimals), whose text names at least one taxonomy theme
   * (its name or an alias) or two of its keywords: evidence ≥ 2 (see `themeEvidence`).
   */
  readonly share: number
}

/**
 * Measures how well a taxonomy fits talks. Measured with the built-in taxonomy (seed 42):
 * 100 % of the networking fixture's talks and 12 of the 15 talks of a Linux Plumbers
 * networking track page, against 16–18 % of FOSDEM 2024/2025, 2.4 % of 35C3 and 0.9 % of
 * EMNLP 2020 (docs/quality.md).
 * @param talks Talks.
 * @param taxonomy Taxonomy.
 * @param options Stopwords (those of the atlas).
 */
export function taxonomyFit(talks: readonly Talk[], taxonomy: Taxonomy, options: EvidenceOptions = {}): TaxonomyFit {
  const themes = resolveThemes(undefined, { taxonomy })
  // Only the stopwords and the themes' words are told apart: any other word weighs nothing.
  const words = talkWordsAmong(talks, evidenceWords(themes, options))
  return fitOfEvidence(themeEvidence(words, themes, options), talks.length, themes.length)
}

/**
 * The fit read from evidence already counted (`themeEvidence` of the taxonomy's themes), so
 * that `tagTalks` counts it once for both the fit and the tags.
 * @param evidence Talks × themes, row-major.
 * @param nTalks Talks.
 * @param nThemes Themes.
 */
export function fitOfEvidence(evidence: Float64Array, nTalks: number, nThemes: number): TaxonomyFit {
  let strong = 0
  for (let i = 0; i < nTalks; i++) {
    for (let t = 0; t < nThemes; t++) {
      if (evidence[i * nThemes + t]! >= NAME_EVIDENCE) {
        strong++
        break
      }
    }
  }
  const share = nTalks === 0 ? 0 : strong / nTalks
  return { fits: nTalks > 0 && share >= TAXONOMY_FIT_SHARE, share: Math.round(share * 1e4) / 1e4 }
}

/**
 * The warning `tag` gives either way about the built-in taxonomy: `taxonomy-detected`, or
 * `no-fitting-taxonomy` asking for the user's own themes.
 * @param fit How well the built-in taxonomy fits the talks.
 */
export function builtinTaxonomyNotice(fit: TaxonomyFit): { readonly fits: boolean; readonly warning: Warning } {
  const share = `${(fit.share * 100).toFixed(1)} % of the talks name one of its themes`
  const warning: Warning = fit.fits
    ? { code: 'taxonomy-detected', message: `tag: the talks are about Linux networking and BPF (${share}); tagging with the built-in taxonomy` }
    : { code: 'no-fitting-taxonomy', message: `tag: the built-in Linux networking and BPF taxonomy does not fit these talks (${share}); no tags given: pass your own themes (--themes <file>)` }
  return { fits: fit.fits, warning }
}
