/**
 * Saving and loading an atlas as JSON. Typed arrays become number arrays (float32 values
 * survive the round trip exactly); the LSA embedding is recomputed on load with the same
 * code, so a loaded atlas gives identical themes, related talks and assignments. The
 * consensus runs' labels (`ensemble`) are saved too: related talks use them.
 */
import type { LsaModel } from '../cluster/lsa.js'
import { checkThemeScores } from './atlasInvariants.js'
import { canonicalOrder, rememberOrder } from './canonicalOrder.js'
import { embedInInputOrder } from './embed.js'
import { validateAtlasJson } from './validateAtlasJson.js'
import type { CsrMatrix, Talk, Warning } from '../types.js'
import type { TfidfModel } from '../vectorize/tfidf.js'
import type { Atlas, ResolvedAtlasOptions, Theme } from './types.js'
import type { ChooseKResult } from '../cluster/chooseK.js'

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
  const order = canonicalOrder(data.talks)
  const atlas: Atlas = {
    talks: data.talks,
    model,
    matrix,
    lsa,
    embedding: { dimensions: lsa.dimensions, vectors: embedInInputOrder(data.talks, lsa, matrix, data.options, order) },
    themes: data.themes,
    assignments: Int32Array.from(data.assignments),
    centroids: Float32Array.from(data.centroids),
    ...(data.kSearch === undefined ? {} : { kSearch: data.kSearch }),
    ...(data.ensemble === undefined ? {} : { ensemble: { runs: data.ensemble.runs, labels: Int32Array.from(data.ensemble.labels) } }),
    options: data.options,
    warnings: data.warnings ?? [],
  }
  checkThemeScores(atlas)
  return rememberOrder(atlas, order)
}
