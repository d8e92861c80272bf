/**
 * Saving and loading an atlas as JSON. Typed arrays become number arrays (float32 values
 * survive the round trip exactly); the LSA embedding is recomputed on load with the same
 * code, so a loaded atlas gives identical themes, related talks and assignments.
 */
import { InputError } from '../errors.js'
import type { LsaModel } from '../cluster/lsa.js'
import { embedTalks } from './buildAtlas.js'
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
    warnings: atlas.warnings,
  }
}

/**
 * Rebuilds an atlas from {@link serializeAtlas} output (parsed JSON).
 * @param json Parsed JSON.
 * @throws InputError when the data is not a talkatlas atlas of a supported version or is inconsistent.
 */
export function loadAtlas(json: unknown): Atlas {
  const data = json as Partial<AtlasJson> | null
  if (data === null || typeof data !== 'object' || data.format !== ATLAS_FORMAT) {
    throw new InputError(`not a talkatlas atlas (expected "format": "${ATLAS_FORMAT}")`, { field: 'format' })
  }
  if (data.version !== ATLAS_VERSION) {
    throw new InputError(`unsupported atlas version ${String(data.version)}`, { field: 'version', expected: String(ATLAS_VERSION) })
  }
  for (const field of ['options', 'talks', 'model', 'lsa', 'matrix', 'themes', 'assignments', 'centroids'] as const) {
    if (data[field] === undefined || data[field] === null) throw new InputError(`missing field`, { field })
  }
  const model: TfidfModel = { ...data.model!, idf: Float32Array.from(data.model!.idf), docCounts: Int32Array.from(data.model!.docCounts) }
  const lsa: LsaModel = {
    dimensions: data.lsa!.dimensions,
    nTerms: data.lsa!.nTerms,
    components: Float32Array.from(data.lsa!.components),
    singularValues: Float32Array.from(data.lsa!.singularValues),
  }
  const matrix: CsrMatrix = {
    nRows: data.matrix!.nRows,
    nCols: data.matrix!.nCols,
    indptr: Int32Array.from(data.matrix!.indptr),
    indices: Int32Array.from(data.matrix!.indices),
    data: Float32Array.from(data.matrix!.data),
  }
  checkConsistency(data as AtlasJson, model, lsa, matrix)
  return {
    talks: data.talks!,
    model,
    matrix,
    lsa,
    embedding: { dimensions: lsa.dimensions, vectors: embedTalks(lsa, matrix, data.options!) },
    themes: data.themes!,
    assignments: Int32Array.from(data.assignments!),
    centroids: Float32Array.from(data.centroids!),
    ...(data.kSearch === undefined ? {} : { kSearch: data.kSearch }),
    options: data.options!,
    warnings: data.warnings ?? [],
  }
}

function checkConsistency(data: AtlasJson, model: TfidfModel, lsa: LsaModel, matrix: CsrMatrix): void {
  const problems: [boolean, string, string][] = [
    [model.idf.length === model.terms.length, 'model.idf', 'one value per term'],
    [lsa.components.length === lsa.nTerms * lsa.dimensions, 'lsa.components', 'nTerms × dimensions values'],
    [matrix.nCols === model.terms.length && lsa.nTerms === model.terms.length, 'matrix.nCols', 'the number of terms'],
    [matrix.nRows === data.talks.length && matrix.indptr.length === matrix.nRows + 1, 'matrix.indptr', 'one entry per talk + 1'],
    [matrix.indices.length === matrix.data.length && matrix.indptr[matrix.nRows] === matrix.data.length, 'matrix.data', 'indptr[nRows] values'],
    [data.assignments.length === data.talks.length, 'assignments', 'one per talk'],
  ]
  for (const [ok, field, expected] of problems) if (!ok) throw new InputError('inconsistent atlas', { field, expected })
  for (let p = 0; p < matrix.indices.length; p++) {
    if (!(matrix.indices[p] >= 0 && matrix.indices[p] < matrix.nCols)) throw new InputError('term index out of range', { field: 'matrix.indices' })
  }
}
