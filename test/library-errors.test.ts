/**
 * Every error the library throws on bad talks, bad options or a bad atlas file, with the
 * exact message the README's troubleshooting section documents.
 */
import { describe, expect, it } from 'vitest'
import { assignThemes } from '../src/atlas/assignThemes.js'
import { buildAtlas } from '../src/atlas/buildAtlas.js'
import { loadAtlas, serializeAtlas } from '../src/atlas/serializeAtlas.js'
import { InputError, OptionError } from '../src/errors.js'
import { relatedTalks, relatedToRow } from '../src/similarity/relatedTalks.js'
import { searchTalks } from '../src/similarity/searchTalks.js'
import type { Talk } from '../src/types.js'
import type { TfidfOptions } from '../src/vectorize/tfidf.js'
import { generateCorpus } from './corpus.js'

const talks = generateCorpus(12, 5)
const atlas = buildAtlas(talks, { k: 3 })
const saved = (): Record<string, any> => JSON.parse(JSON.stringify(serializeAtlas(atlas))) as Record<string, any>

/** The error `run` throws, asserted to be one. */
function thrown(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

describe('buildAtlas(talks) on bad talks', () => {
  it.each([
    ['not an array', 'talks' as unknown, 'talks must be an array'],
    ['a repeated id', [talks[0], talks[1], talks[0]], `talks[2].id: duplicate talk id "talk-0" (also talks[0])`],
    ['an empty id', [{ id: '', title: 't', abstract: '' }], 'talks[0].id: id must not be empty'],
    ['a numeric id', [{ id: 7, title: 't', abstract: '' }], 'talks[0].id: id must be a string'],
    ['a missing abstract', [{ id: 'a', title: 't' }], 'talks[0].abstract: abstract must be a string'],
    ['a null talk', [null], 'talks[0]: is null, expected a talk object'],
  ])('throws InputError on %s', (_what, input, message) => {
    const error = thrown(() => buildAtlas(input as Talk[]))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(message)
    expect((error as InputError).code).toBe('INPUT')
  })
})

describe('buildAtlas(talks, options) on bad options', () => {
  it.each([
    [{ k: 0 }, "buildAtlas: k=0 is invalid, expected an integer in [1, 100000] or 'auto'"],
    [{ k: '5' }, `buildAtlas: k="5" is invalid, expected an integer in [1, 100000] or 'auto'`],
    [{ seed: 1.5 }, 'buildAtlas: seed=1.5 is invalid, expected an integer'],
    [{ dimensions: 0 }, 'buildAtlas: dimensions=0 is invalid, expected an integer ≥ 1'],
    [{ restarts: Number.NaN }, 'buildAtlas: restarts=NaN is invalid, expected an integer in [1, 100]'],
    [{ keywords: -1 }, 'buildAtlas: keywords=-1 is invalid, expected an integer in [1, 50]'],
    [{ maxDocRatio: 0 }, 'buildAtlas: maxDocRatio=0 is invalid, expected a number in (0, 1]'],
    [{ minDocCount: 0 }, 'buildAtlas: minDocCount=0 is invalid, expected an integer ≥ 1'],
    [{ titleWeight: -2 }, 'buildAtlas: titleWeight=-2 is invalid, expected a number in [0, 1000]'],
    [{ stem: 'no' }, 'buildAtlas: stem="no" is invalid, expected true or false'],
    [{ stopwords: 'the' }, 'buildAtlas: stopwords="the" is invalid, expected an array of strings'],
    [{ keepWords: [1] }, 'buildAtlas: keepWords=[object Array] is invalid, expected an array of strings'],
  ])('throws OptionError for %o', (options, message) => {
    const error = thrown(() => buildAtlas(talks, options as TfidfOptions))
    expect(error).toBeInstanceOf(OptionError)
    expect(error.message).toBe(message)
    expect((error as OptionError).code).toBe('OPTION')
  })

  it('rejects options that are not an object', () => {
    expect(() => buildAtlas(talks, null as never)).toThrow('buildAtlas: options=null is invalid, expected an object')
  })

  it('checks options before reading any talk', () => {
    expect(() => buildAtlas('not talks' as never, { k: -1 })).toThrow(OptionError)
  })
})

describe('relatedTalks, relatedToRow, searchTalks and assignThemes on bad arguments', () => {
  it('names the unknown id, the bad row and the bad option', () => {
    expect(() => relatedTalks(atlas, 'nope')).toThrow(/^id: related: no talk with id "nope"$/)
    expect(() => relatedToRow(atlas, 12)).toThrow('related: row 12 is not a talk position (0 to 11)')
    expect(() => relatedTalks(atlas, 'talk-1', { top: -1 })).toThrow('relatedTalks: top=-1 is invalid, expected an integer from 0 to 100')
    expect(() => relatedTalks(atlas, 'talk-1', { explainTerms: 1.5 })).toThrow('relatedTalks: explainTerms=1.5 is invalid, expected an integer ≥ 0')
    expect(() => searchTalks(atlas, undefined as never)).toThrow('search: the query must be a string, not undefined')
    expect(() => assignThemes(atlas, [{ id: 'x', title: 'eBPF' } as never])).toThrow('talks[0].abstract: abstract must be a string')
  })

  it('refuses a top above MAX_RELATED_TOP (100), and answers the bound with every other talk of a small atlas', () => {
    expect(() => relatedTalks(atlas, 'talk-1', { top: 2 ** 31 - 1 })).toThrow('relatedTalks: top=2147483647 is invalid, expected an integer from 0 to 100')
    expect(() => relatedToRow(atlas, 0, { top: 101 })).toThrow(OptionError)
    expect(relatedTalks(atlas, 'talk-1', { top: 100 }).length).toBe(11)
  })
})

describe('loadAtlas(json) on bad atlas data', () => {
  const cases: [what: string, edit: (json: Record<string, any>) => unknown, message: string][] = [
    ['not an object', () => 'atlas', 'atlas.format: not a talkatlas atlas (expected "format": "talkatlas-atlas")'],
    ['another format', (j) => ({ ...j, format: 'other' }), 'atlas.format: not a talkatlas atlas (expected "format": "talkatlas-atlas")'],
    ['a newer version', (j) => ({ ...j, version: 2 }), 'atlas.version: unsupported atlas version 2'],
    ['a missing field', (j) => ({ ...j, lsa: undefined }), 'atlas.lsa: missing field'],
    ['talks that are not an array', (j) => ({ ...j, talks: {} }), 'atlas.talks: expected an array, found an object'],
    ['a talk without id', (j) => ({ ...j, talks: [{}, ...j.talks.slice(1)] }), 'atlas.talks[0].id: missing field'],
    ['a missing idf', (j) => ({ ...j, model: { ...j.model, idf: undefined } }), 'atlas.model.idf: missing field'],
    ['a string in the data', (j) => ({ ...j, matrix: { ...j.matrix, data: ['x'] } }), 'atlas.matrix.data[0]: expected a number, found "x"'],
    ['a theme without talks', (j) => ({ ...j, themes: j.themes.map((t: object, i: number) => (i === 1 ? { ...t, talks: 'x' } : t)) }), 'atlas.themes[1].talks: expected an array, found "x"'],
    ['bad dimensions', (j) => ({ ...j, lsa: { ...j.lsa, dimensions: 0 } }), 'atlas.lsa.dimensions: expected an integer ≥ 1, found 0'],
    ['a truncated idf', (j) => ({ ...j, model: { ...j.model, idf: j.model.idf.slice(1) } }), 'atlas.model.idf.length: 31 does not match model.terms (32 values)'],
    ['a missing assignment', (j) => ({ ...j, assignments: j.assignments.slice(1) }), 'atlas.assignments.length: 11 does not match talks (12 values)'],
    ['a missing centroid', (j) => ({ ...j, centroids: j.centroids.slice(1) }), 'atlas.centroids.length: 35 does not match themes with a centre × dimensions (36 values)'],
    ['a term index out of range', (j) => ({ ...j, matrix: { ...j.matrix, indices: j.matrix.indices.map(() => 1e6) } }), 'atlas.matrix.indices[0]: column 1000000 is not below nCols = 32'],
    ['a decreasing row pointer', (j) => ({ ...j, matrix: { ...j.matrix, indptr: decreasing(j.matrix.indptr) } }), 'atlas.matrix.indptr[2]: 6 is below indptr[1] = 7'],
    ['a theme index out of range', (j) => ({ ...j, assignments: j.assignments.map(() => 99) }), 'atlas.assignments[0]: theme 99, but talk "talk-0" is a member of themes[1]'],
    ['an ensemble that is not an object', (j) => ({ ...j, ensemble: 'runs' }), 'atlas.ensemble: expected an object, found "runs"'],
    ['an ensemble without runs', (j) => ({ ...j, ensemble: { ...j.ensemble, runs: 0 } }), 'atlas.ensemble.runs: expected an integer in [1, 65535], found 0'],
    ['a truncated ensemble', (j) => ({ ...j, ensemble: { ...j.ensemble, labels: j.ensemble.labels.slice(1) } }), 'atlas.ensemble.labels.length: 239 does not match runs × talks (240 values)'],
    ['phrases that are not pairs', (j) => ({ ...j, model: { ...j.model, phrases: ['xdp'] } }), 'atlas.model.phrases[0]: expected a pair of strings, found "xdp"'],
    ['a value above 1 in the matrix', (j) => ({ ...j, matrix: { ...j.matrix, data: j.matrix.data.map((v: number, p: number) => (p === 3 ? 2 : v)) } }), 'atlas.matrix.data[3]: 2 is outside [0, 1.00001]'],
    ['a negative smoothing', (j) => ({ ...j, options: { ...j.options, smoothing: -1 } }), "atlas.options.smoothing: expected 'auto' or an integer ≥ 0, found -1"],
    ['k = 0', (j) => ({ ...j, options: { ...j.options, k: 0 } }), "atlas.options.k: 0 is invalid, expected an integer in [1, 100000] or 'auto'"],
    ['an edited titleWeight', (j) => ({ ...j, model: { ...j.model, options: { ...j.model.options, titleWeight: 3 } } }), 'atlas.model.options.titleWeight: 3 differs from 2 given by atlas.options.tfidf'],
    ['a fractional run label', (j) => ({ ...j, ensemble: { ...j.ensemble, labels: j.ensemble.labels.map(() => 0.5) } }), 'atlas.ensemble.labels[0]: expected an integer in [-1, 2147483647], found 0.5'],
  ]

  it.each(cases)('throws InputError on %s', (_what, edit, message) => {
    const error = thrown(() => loadAtlas(edit(saved())))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(message)
  })

  it('loads the unedited file', () => {
    expect(loadAtlas(saved()).themes).toEqual(atlas.themes)
  })
})

/** Row pointers with the third one lowered below the second. */
function decreasing(indptr: number[]): number[] {
  const out = [...indptr]
  out[2] = out[1]! - 1
  return out
}
