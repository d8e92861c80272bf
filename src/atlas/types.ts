/** The result of the whole pipeline: vectors, themes and what is needed to extend them. */
import type { ChooseKResult } from '../cluster/chooseK.js'
import type { ThemeKeyword } from '../cluster/labelThemes.js'
import type { LsaModel } from '../cluster/lsa.js'
import type { CsrMatrix, Talk, Warning } from '../types.js'
import type { TfidfModel, TfidfOptions } from '../vectorize/tfidf.js'
import type { ProgressCallback } from '../progress.js'
import type { EmbeddingsInput, UserEmbedding } from './userEmbedding.js'
import type { ThemeGroup } from './themeGroups.js'
import type { ThemeTree } from './themeTree.js'

/** Options of {@link buildAtlas}; also accepts every {@link TfidfOptions} field. */
export interface AtlasOptions extends TfidfOptions {
  /**
   * Number of themes, or `'auto'` to choose it by silhouette: among the cuts of the consensus
   * tree up to 3,000 talks (see `consensusClusters`), else with `chooseK`. At most 100,000.
   * @default 'auto'
   */
  readonly k?: number | 'auto'
  /** Random seed: same input and seed give byte-identical results. @default 42 */
  readonly seed?: number
  /** LSA dimensions used for clustering and similarity. @default 100 */
  readonly dimensions?: number
  /**
   * k-means runs (one restart each). Up to 3,000 talks they are combined by consensus: the
   * share of runs that put two talks together is their co-association, and average linkage
   * on it cuts the themes (see `consensusClusters`); above that the lowest-inertia of at most
   * 10 runs wins. At most 100.
   * @default 20
   */
  readonly restarts?: number
  /** Keywords kept per theme, at most 50. @default 10 */
  readonly keywords?: number
  /**
   * Nearest neighbours mixed into each talk's LSA vector before clustering and ranking
   * (`x' = normalize(x + mean of the neighbours)`, see `smoothNeighbours`); 0 turns it off.
   * `'auto'` mixes 5 up to 20,000 talks and none above, where it cost a fifth of the run
   * and measured no gain (docs/performance.md).
   * @default 'auto'
   */
  readonly smoothing?: number | 'auto'
  /**
   * Number of theme groups ("tracks"), or `'auto'`: the cube root of the talk count, within
   * [3, 20] (see `autoGroupCount`). At most the number of themes. At most 100,000.
   * @default 'auto'
   */
  readonly groups?: number | 'auto'
  /**
   * Called as the pipeline moves through its steps (`tokenising`, `tf-idf`, `lsa`,
   * `smoothing`, `k-means` once per batch of runs, `labels`), synchronously; for progress
   * displays; each step is reported once, as it starts, without a count. Not part of the
   * result nor of a saved atlas. @default undefined
   */
  readonly onProgress?: ProgressCallback
  /**
   * Vectors from any embedding model, one per talk in the talks' order: an array of
   * `Float32Array`, or `{ vectors, dimensions }` with the rows back to back. Blended with the
   * LSA rows (`[√(1 − w) · lsa, √w · vector]`, see `embeddingWeight`) for themes, tags,
   * sessions and related talks; labels, keywords and shared terms still come from the words.
   * Kept in the atlas (unit rows), so a saved atlas keeps them. @default undefined
   */
  readonly embeddings?: EmbeddingsInput
  /**
   * Weight w of `embeddings` in the blend, in [0, 1]: the cosine of two talks becomes
   * `(1 − w) · cos_LSA + w · cos_vectors`. 0 ignores the vectors (the words-only atlas, byte
   * for byte); 1 clusters on the vectors alone. @default 0.7
   */
  readonly embeddingWeight?: number
}

/** A talk's membership in a theme. */
export interface ThemeMember {
  /** Talk id. */
  readonly id: string
  /** How typical the talk is of the theme: cosine to the theme centre, in [-1, 1]. */
  readonly score: number
}

/** A group of talks on one topic. */
export interface Theme {
  /** Stable id within the atlas (`theme-1`, … by decreasing size; `unclassified`). */
  readonly id: string
  /** Human-readable label of 2–3 terms, e.g. `XDP · queueing · scheduling`. */
  readonly label: string
  /** Most distinctive terms of the theme, best first. */
  readonly keywords: readonly ThemeKeyword[]
  /** Member talks, most typical first. */
  readonly talks: readonly ThemeMember[]
}

/**
 * The k-means runs whose votes made the themes (consensus clustering, up to 3,000 talks).
 * The share of runs that put two talks together is their co-association, a graded measure
 * of how firmly the clustering ties them; related talks and sessions use it.
 */
export interface AtlasEnsemble {
  /** Number of runs. */
  readonly runs: number
  /** Cluster of each talk in each run, run-major (`runs × talks`, input order); -1 for talks without terms. */
  readonly labels: Int32Array
}

/** Everything {@link buildAtlas} learned. Plain readonly data. */
export interface Atlas {
  /** Talks in input order. */
  readonly talks: readonly Talk[]
  /** Fitted TF-IDF vocabulary. */
  readonly model: TfidfModel
  /** L2-normalised TF-IDF rows, one per talk. */
  readonly matrix: CsrMatrix
  /** Fitted LSA projection. */
  readonly lsa: LsaModel
  /**
   * Unit LSA rows (blended with `userEmbedding` when there is one) mixed with their nearest
   * neighbours (`smoothing`), row-major n × dimensions (zero for talks without known terms).
   */
  readonly embedding: { readonly dimensions: number; readonly vectors: Float32Array }
  /** The vectors given with `embeddings` (unit rows, input order) and their weight; absent without. */
  readonly userEmbedding?: UserEmbedding
  /** Themes, largest first; an `unclassified` theme holds talks with no distinctive terms. */
  readonly themes: readonly Theme[]
  /** Index into `themes` of each talk, in input order. */
  readonly assignments: Int32Array
  /** Unit theme centres in the embedding space, row-major (themes without `unclassified`) × dimensions. */
  readonly centroids: Float32Array
  /** Ward merge tree over the themes with a centre; cut it elsewhere with `cutThemes`. */
  readonly tree: ThemeTree
  /** The themes grouped into tracks (the tree cut at `options.groups`), largest first. */
  readonly groups: readonly ThemeGroup[]
  /** The k search, when `k` was `'auto'`. */
  readonly kSearch?: ChooseKResult
  /** The consensus runs; absent above 3,000 talks (no consensus) and in atlases saved without them. */
  readonly ensemble?: AtlasEnsemble
  /** Options the atlas was built with. */
  readonly options: ResolvedAtlasOptions
  readonly warnings: readonly Warning[]
}

/** Atlas options with defaults filled in. */
export interface ResolvedAtlasOptions {
  readonly k: number | 'auto'
  readonly seed: number
  readonly dimensions: number
  readonly restarts: number
  readonly keywords: number
  /** Absent in atlases saved before smoothing existed (they load unsmoothed). */
  readonly smoothing: number | 'auto'
  /** Absent in atlases saved before groups existed (they load with `'auto'`). */
  readonly groups?: number | 'auto'
  readonly tfidf: TfidfOptions
}
