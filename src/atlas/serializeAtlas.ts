/**
 * Saving and loading an atlas as JSON. Typed arrays become number arrays (float32 values
 * survive the round trip exactly); the LSA embedding is recomputed on load with the same
 * code, so a loaded atlas gives identical themes, related talks and assignments. The
 * consensus runs' labels (`ensemble`) are saved too: related talks use them, and so are the
 * vectors given with `embeddings` (`userEmbedding`, unit float32 rows) that the embedding blends in,
 * and the theme tree; the groups are cut from it again on load (an atlas saved without a tree
 * gets it recomputed from the embedding).
 */
import type { LsaModel } from '../cluster/lsa.js'
import { checkThemeScores } from './atlasInvariants.js'
import { canonicalOrder, rememberOrder } from './canonicalOrder.js'
import { embeddingDimensions, embedInInputOrder } from './embed.js'
import { validateAtlasJson } from './validateAtlasJson.js'
import type { CsrMatrix, Talk, Warning } from '../types.js'
import type { TfidfModel } from '../vectorize/tfidf.js'
import type { Atlas, ResolvedAtlasOptions, Theme } from './types.js'
import type { ChooseKResult } from '../cluster/chooseK.js'
import { cutThemes } from './themeGroups.js'
import { themeTreeOf, type ThemeTree } from './themeTree.js'

/** Format marker of serialised atlases. */
export const ATLAS_FORMAT = 'talkatlas-atlas'
/** Current version of the serialised layout. */
export const ATLAS_VERSION = 1

/** JSON form of an atlas (plain arrays instead of typed arrays). */
export interface AtlasJson {
  readonly format: typeof ATLAS_FORMAT
  readonly version: number
  readonly options: ResolvedAtlasOptions
  readonly talks: readonly Talk[]
  readonly model: Omit<TfidfModel, 'idf' | 'docCounts'> & { readonly idf: number[]; readonly docCounts: number[] }
  readonly lsa: { readonly dimensions: number; readonly nTerms: number; readonly components: number[]; readonly singularValues: number[] }
  readonly matrix: { readonly nRows: number; readonly nCols: number; readonly indptr: number[]; readonly indices: number[]; readonly data: number[] }
  readonly themes: readonly Theme[]
  readonly assignments: number[]
  readonly centroids: number[]
  readonly kSearch?: ChooseKResult
  /** The consensus runs' labels (absent when the atlas has none). */
  readonly ensemble?: { readonly runs: number; readonly labels: number[] }
  /** The vectors given with `embeddings` (unit rows, input order) and their weight; absent without. */
  readonly userEmbedding?: { readonly dimensions: number; readonly weight: number; readonly vectors: number[] }
  /** The theme tree (absent in atlases saved before it existed: it is recomputed on load). */
  readonly tree?: { readonly leaves: number; readonly left: number[]; readonly right: number[]; readonly heights: number[] }
  readonly warnings: readonly Warning[]
}

/**
 * Converts an atlas to plain JSON-ready data (`JSON.stringify` it to save).
 * @param atlas Atlas to save.
 */
export function serializeAtlas(atlas: Atlas): AtlasJson {
  return {
    format: ATLAS_FORMAT,
    version: ATLAS_VERSION,
    options: atlas.options,
    talks: atlas.talks,
    model: { ...atlas.model, idf: Array.from(atlas.model.idf), docCounts: Array.from(atlas.model.docCounts) },
    lsa: {
      dimensions: atlas.lsa.dimensions,
      nTerms: atlas.lsa.nTerms,
      components: Array.from(atlas.lsa.components),
      singularValues: Array.from(atlas.lsa.singularValues),
    },
    matrix: {
      nRows: atlas.matrix.nRows,
      nCols: atlas.matrix.nCols,
      indptr: Array.from(atlas.matrix.indptr),
      indices: Array.from(atlas.matrix.indices),
      data: Array.from(atlas.matrix.data),
    },
    themes: atlas.themes,
    assignments: Array.from(atlas.assignments),
    centroids: Array.from(atlas.centroids),
    ...(atlas.kSearch === undefined ? {} : { kSearch: atlas.kSearch }),
    ...(atlas.ensemble === undefined ? {} : { ensemble: { runs: atlas.ensemble.runs, labels: Array.from(atlas.ensemble.labels) } }),
    ...(atlas.userEmbedding === undefined ? {} : { userEmbedding: { ...atlas.userEmbedding, vectors: Array.from(atlas.userEmbedding.vectors) } }),
    tree: { leaves: atlas.tree.leaves, left: Array.from(atlas.tree.left), right: Array.from(atlas.tree.right), heights: Array.from(atlas.tree.heights) },
    warnings: atlas.warnings,
  }
}

/**
 * Rebuilds an atlas from {@link serializeAtlas} output (parsed JSON). The data is untrusted:
 * it is validated completely (validateAtlasJson.ts) before any typed array is made from it,
 * and the saved theme scores are checked against the recomputed embedding.
 * @param json Parsed JSON.
 * @throws InputError naming the first bad path (`atlas.lsa.components[12]: Infinity after
 * float32 conversion`) when the data is not a talkatlas atlas of a supported version, is
 * inconsistent, or would derive more memory than its length warrants.
 */
export function loadAtlas(json: unknown): Atlas {
  const data = validateAtlasJson(json)
  const model: TfidfModel = { ...data.model, idf: Float32Array.from(data.model.idf), docCounts: Int32Array.from(data.model.docCounts) }
  const lsa: LsaModel = {
    dimensions: data.lsa.dimensions,
    nTerms: data.lsa.nTerms,
    components: Float32Array.from(data.lsa.components),
    singularValues: Float32Array.from(data.lsa.singularValues),
  }
  const matrix: CsrMatrix = {
    nRows: data.matrix.nRows,
    nCols: data.matrix.nCols,
    indptr: Int32Array.from(data.matrix.indptr),
    indices: Int32Array.from(data.matrix.indices),
    data: Float32Array.from(data.matrix.data),
  }
  const given = data.userEmbedding === undefined ? undefined : { ...data.userEmbedding, vectors: Float32Array.from(data.userEmbedding.vectors) }
  const order = canonicalOrder(data.talks)
  const parts = {
    talks: data.talks,
    model,
    matrix,
    lsa,
    embedding: { dimensions: embeddingDimensions(lsa, given), vectors: embedInInputOrder(data.talks, lsa, matrix, data.options, given, order) },
    themes: data.themes,
    assignments: Int32Array.from(data.assignments),
    centroids: Float32Array.from(data.centroids),
    ...(data.kSearch === undefined ? {} : { kSearch: data.kSearch }),
    ...(data.ensemble === undefined ? {} : { ensemble: { runs: data.ensemble.runs, labels: Int32Array.from(data.ensemble.labels) } }),
    ...(given === undefined ? {} : { userEmbedding: given }),
    options: data.options,
    warnings: data.warnings ?? [],
  }
  const tree: ThemeTree = data.tree === undefined
    ? themeTreeOf(parts)
    : { leaves: data.tree.leaves, left: Int32Array.from(data.tree.left), right: Int32Array.from(data.tree.right), heights: Float32Array.from(data.tree.heights) }
  const atlas: Atlas = { ...parts, tree, groups: cutThemes({ ...parts, tree }, data.options.groups ?? 'auto') }
  checkThemeScores(atlas)
  return rememberOrder(atlas, order)
}
