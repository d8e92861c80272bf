/**
 * Saving and loading an atlas as JSON. Typed arrays become number arrays (float32 values
 * survive the round trip exactly); the LSA embedding is recomputed on load with the same
 * code, so a loaded atlas gives identical themes, related talks and assignments. The
 * consensus runs' labels (`ensemble`) are saved too: related talks use them.
 */
import { InputError } from '../errors.js'
import type { LsaModel } from '../cluster/lsa.js'
import { embedInInputOrder, UNCLASSIFIED_THEME_ID } from './buildAtlas.js'
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
  checkShape(data as AtlasJson)
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
    embedding: { dimensions: lsa.dimensions, vectors: embedInInputOrder(data.talks!, lsa, matrix, data.options!) },
    themes: data.themes!,
    assignments: Int32Array.from(data.assignments!),
    centroids: Float32Array.from(data.centroids!),
    ...(data.kSearch === undefined ? {} : { kSearch: data.kSearch }),
    ...(data.ensemble === undefined ? {} : { ensemble: { runs: data.ensemble.runs, labels: Int32Array.from(data.ensemble.labels) } }),
    options: data.options!,
    warnings: data.warnings ?? [],
  }
}

/**
 * Checks the type of every field before typed arrays are made from it, so that a truncated or
 * edited file fails with the field named instead of a TypeError or silent NaNs.
 * @param data Parsed atlas with every top-level field present.
 */
function checkShape(data: AtlasJson): void {
  expectArray(data.talks, 'talks')
  data.talks.forEach((talk, i) => {
    if (typeof talk?.id !== 'string') throw new InputError('expected a talk with a string id', { field: `talks[${i}].id` })
  })
  expectStrings(data.model.terms, 'model.terms')
  expectStrings(data.model.labels, 'model.labels')
  expectArray(data.model.phrases, 'model.phrases')
  expectNumbers(data.model.idf, 'model.idf')
  expectNumbers(data.model.docCounts, 'model.docCounts')
  expectCount(data.lsa.dimensions, 'lsa.dimensions', 1)
  expectCount(data.lsa.nTerms, 'lsa.nTerms', 0)
  expectNumbers(data.lsa.components, 'lsa.components')
  expectNumbers(data.lsa.singularValues, 'lsa.singularValues')
  expectCount(data.matrix.nRows, 'matrix.nRows', 0)
  expectCount(data.matrix.nCols, 'matrix.nCols', 0)
  expectNumbers(data.matrix.indptr, 'matrix.indptr')
  expectNumbers(data.matrix.indices, 'matrix.indices')
  expectNumbers(data.matrix.data, 'matrix.data')
  expectArray(data.themes, 'themes')
  data.themes.forEach((theme, t) => {
    if (typeof theme?.id !== 'string' || !Array.isArray(theme.talks)) {
      throw new InputError('expected a theme with a string id and a talks array', { field: `themes[${t}]` })
    }
  })
  expectNumbers(data.assignments, 'assignments')
  expectNumbers(data.centroids, 'centroids')
  if (data.ensemble !== undefined) {
    if (data.ensemble === null || typeof data.ensemble !== 'object') throw new InputError('expected an object { runs, labels }', { field: 'ensemble' })
    expectCount(data.ensemble.runs, 'ensemble.runs', 1)
    expectNumbers(data.ensemble.labels, 'ensemble.labels')
  }
}

function expectArray(value: unknown, field: string): void {
  if (!Array.isArray(value)) throw new InputError('expected an array', { field, actual: typeof value })
}

function expectStrings(value: unknown, field: string): void {
  expectArray(value, field)
  for (const item of value as unknown[]) if (typeof item !== 'string') throw new InputError('expected an array of strings', { field })
}

function expectNumbers(value: unknown, field: string): void {
  expectArray(value, field)
  for (const item of value as unknown[]) {
    if (typeof item !== 'number' || !Number.isFinite(item)) throw new InputError('expected an array of finite numbers', { field })
  }
}

function expectCount(value: unknown, field: string, min: number): void {
  if (!Number.isInteger(value) || (value as number) < min) throw new InputError(`expected an integer ≥ ${min}`, { field })
}

function checkConsistency(data: AtlasJson, model: TfidfModel, lsa: LsaModel, matrix: CsrMatrix): void {
  const problems: [boolean, string, string][] = [
    [model.idf.length === model.terms.length, 'model.idf', 'one value per term'],
    [lsa.components.length === lsa.nTerms * lsa.dimensions, 'lsa.components', 'nTerms × dimensions values'],
    [matrix.nCols === model.terms.length && lsa.nTerms === model.terms.length, 'matrix.nCols', 'the number of terms'],
    [matrix.nRows === data.talks.length && matrix.indptr.length === matrix.nRows + 1, 'matrix.indptr', 'one entry per talk + 1'],
    [matrix.indices.length === matrix.data.length && matrix.indptr[matrix.nRows] === matrix.data.length, 'matrix.data', 'indptr[nRows] values'],
    [data.assignments.length === data.talks.length, 'assignments', 'one per talk'],
    [data.centroids.length === centroidCount(data.themes) * lsa.dimensions, 'centroids', 'one row of lsa.dimensions per theme other than unclassified'],
  ]
  for (const [ok, field, expected] of problems) if (!ok) throw new InputError('inconsistent atlas', { field, expected })
  for (let i = 0; i < matrix.nRows; i++) {
    if (!(matrix.indptr[i] >= 0 && matrix.indptr[i] <= matrix.indptr[i + 1])) throw new InputError('row pointers must not decrease', { field: 'matrix.indptr' })
  }
  for (let p = 0; p < matrix.indices.length; p++) {
    if (!(matrix.indices[p] >= 0 && matrix.indices[p] < matrix.nCols)) throw new InputError('term index out of range', { field: 'matrix.indices' })
  }
  for (const t of data.assignments) {
    if (!(Number.isInteger(t) && t >= 0 && t < data.themes.length)) throw new InputError('theme index out of range', { field: 'assignments' })
  }
  if (data.ensemble !== undefined) {
    if (data.ensemble.labels.length !== data.ensemble.runs * data.talks.length) {
      throw new InputError('inconsistent atlas', { field: 'ensemble.labels', expected: 'runs × talks values' })
    }
    for (const label of data.ensemble.labels) {
      if (!(Number.isInteger(label) && label >= -1)) throw new InputError('expected cluster numbers ≥ -1', { field: 'ensemble.labels' })
    }
  }
}

/** Themes with a centre: every theme but `unclassified`. */
function centroidCount(themes: readonly Theme[]): number {
  return themes.length - (themes.at(-1)?.id === UNCLASSIFIED_THEME_ID ? 1 : 0)
}
