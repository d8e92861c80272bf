/**
 * loadAtlas on hostile or corrupted saved atlases: every case fails with an InputError that
 * names the first bad path, before anything is allocated from a declared size.
 */
import { describe, expect, it } from 'vitest'
import { ATLAS_FORMAT, ATLAS_VERSION, loadAtlas, serializeAtlas } from '../../src/atlas/serializeAtlas.js'
import { InputError } from '../../src/errors.js'
import { defaultTfidfOptions } from '../../src/vectorize/tfidf.js'
import { atlasAnswers, fixtureAtlas } from './atlasFixtures.js'

type Json = Record<string, any>

const built = fixtureAtlas('lpc-networking-bpf', 24, 4)
const text = JSON.stringify(serializeAtlas(built))
const saved = (): Json => JSON.parse(text) as Json

/** The error `run` throws. */
function thrown(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

/** An atlas of `n` talks without any term: every talk is unclassified. */
function termlessAtlas(n: number, dimensions: number): Json {
  const ids = Array.from({ length: n }, (_, i) => `t${i}`)
  return {
    format: ATLAS_FORMAT,
    version: ATLAS_VERSION,
    options: { k: 'auto', seed: 42, dimensions: 100, restarts: 20, keywords: 10, smoothing: 'auto', tfidf: {} },
    talks: ids.map((id) => ({ id, title: '', abstract: '' })),
    model: { terms: [], labels: [], idf: [], docCounts: [], phrases: [], nDocs: n, options: { ...defaultTfidfOptions } },
    lsa: { dimensions, nTerms: 0, components: [], singularValues: [0] },
    matrix: { nRows: n, nCols: 0, indptr: Array.from({ length: n + 1 }, () => 0), indices: [], data: [] },
    themes: [{ id: 'unclassified', label: 'Unclassified', keywords: [], talks: ids.map((id) => ({ id, score: 0 })) }],
    assignments: ids.map(() => 0),
    centroids: [],
    warnings: [],
  }
}

/** First row of the saved matrix with at least two terms, and its first entry's position. */
function rowWithTwoTerms(json: Json): number {
  const { indptr } = json.matrix as { indptr: number[] }
  for (let i = 0; i + 1 < indptr.length; i++) if (indptr[i + 1]! - indptr[i]! >= 2) return indptr[i]!
  throw new Error('no row with two terms')
}

describe('loadAtlas(json) on declared sizes the arrays do not carry', () => {
  it('refuses the 600-byte atlas declaring 2e9 dimensions fast, without allocating them', () => {
    const json = termlessAtlas(1, 2e9)
    json['model'].options = {}
    expect(JSON.stringify(json).length).toBeLessThan(620)
    const before = process.memoryUsage().arrayBuffers
    const error = thrown(() => loadAtlas(json))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe('atlas.lsa.dimensions: 2000000000 does not match lsa.singularValues (1 value)')
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(1 << 20)
  })

  it('refuses 1e9 dimensions on 18 talks with an InputError, not a RangeError', () => {
    const error = thrown(() => loadAtlas(termlessAtlas(18, 1e9)))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe('atlas.lsa.dimensions: 1000000000 does not match lsa.singularValues (1 value)')
  })

  it('refuses dimensions above the talks and terms even when the arrays carry them', () => {
    const json = termlessAtlas(2, 3)
    json['lsa'].singularValues = [0, 0, 0]
    expect(thrown(() => loadAtlas(json)).message).toBe('atlas.lsa.dimensions: 3 exceeds max(1, min(talks, terms)) = 1')
  })

  it('refuses an atlas whose load would derive values out of proportion with its length', () => {
    const json = termlessAtlas(3000, 1)
    json['options'].smoothing = 1e6
    expect(thrown(() => loadAtlas(json)).message).toMatch(
      /^atlas: loading would derive 9000000 values from a file of about \d+ characters \(budget \d+\): talks × \(dimensions \+ neighbours\) is out of proportion$/,
    )
    json['options'].smoothing = 'auto'
    expect(loadAtlas(json).talks.length).toBe(3000)
  })

  it('loads the termless atlas when its sizes agree', () => {
    const atlas = loadAtlas(termlessAtlas(18, 1))
    expect(atlas.embedding.vectors.length).toBe(18)
    expect(atlas.themes[0]!.talks.length).toBe(18)
  })
})

describe('loadAtlas(json) checks values in float32', () => {
  it.each([
    ['lsa.components', (j: Json) => j['lsa'].components],
    ['model.idf', (j: Json) => j['model'].idf],
    ['centroids', (j: Json) => j['centroids']],
  ])('refuses 1e39 in %s: Infinity after float32 conversion', (field, array) => {
    const json = saved()
    array(json)[3] = 1e39
    const error = thrown(() => loadAtlas(json))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(`atlas.${field}[3]: Infinity after float32 conversion`)
  })
})

describe('loadAtlas(json) checks the invariants the code relies on', () => {
  const cases: [what: string, edit: (json: Json) => void, message: string | RegExp][] = [
    [
      'unsorted CSR indices',
      (j) => {
        const p = rowWithTwoTerms(j)
        const { indices } = j['matrix']
        ;[indices[p], indices[p + 1]] = [indices[p + 1], indices[p]]
      },
      /^atlas\.matrix\.indices\[\d+\]: column \d+ after column \d+ in row \d+: columns must increase within a row$/,
    ],
    [
      'a duplicate CSR index',
      (j) => {
        const p = rowWithTwoTerms(j)
        j['matrix'].indices[p + 1] = j['matrix'].indices[p]
      },
      /^atlas\.matrix\.indices\[\d+\]: column (\d+) after column \1 in row \d+: columns must increase within a row$/,
    ],
    [
      'unsorted terms',
      (j) => {
        const { terms } = j['model']
        ;[terms[0], terms[1]] = [terms[1], terms[0]]
      },
      /^atlas\.model\.terms\[1\]: ".+" after ".+": terms must be sorted and unique$/,
    ],
    ['duplicate talk ids', (j) => (j['talks'][1].id = j['talks'][0].id), /^atlas\.talks\[1\]\.id: duplicate talk id ".+" \(also talks\[0\]\)$/],
    [
      'an assignment that disagrees with the themes',
      (j) => (j['assignments'][0] = (j['assignments'][0] + 1) % j['themes'].length),
      /^atlas\.assignments\[0\]: theme \d+, but talk ".+" is a member of themes\[\d+\]$/,
    ],
    ['an unknown theme member', (j) => (j['themes'][0].talks[0].id = 'nope'), 'atlas.themes[0].talks[0].id: no talk with id "nope"'],
    [
      'a talk in two themes',
      (j) => j['themes'][1].talks.push(j['themes'][0].talks[0]),
      /^atlas\.themes\[1\]\.talks\[\d+\]\.id: talk ".+" is already a member of themes\[0\]$/,
    ],
    [
      'smoothing 1e9',
      (j) => (j['options'].smoothing = 1e9),
      /^atlas\.themes\[\d+\]\.talks\[\d+\]\.score: -?[\d.]+ in the file, -?[\d.]+ from the saved vectors and options$/,
    ],
    ['a numeric theme label', (j) => (j['themes'][0].label = 7), 'atlas.themes[0].label: expected a string, found 7'],
    ['phrases that are not pairs', (j) => (j['model'].phrases = [[1, 2]]), 'atlas.model.phrases[0][0]: expected a non-empty string, found 1'],
    ['phrases that are a string', (j) => (j['model'].phrases = 'xdp'), 'atlas.model.phrases: expected an array, found "xdp"'],
    ['a phrase outside the vocabulary', (j) => (j['model'].phrases[0] = ['no', 'such']), 'atlas.model.phrases[0]: "no such" is not a term'],
    ['a dropped phrase', (j) => j['model'].phrases.pop(), /^atlas\.model\.phrases: (\d+) phrases, but model\.terms has \d+ two-word terms$/],
    ['a repeated phrase', (j) => (j['model'].phrases[1] = j['model'].phrases[0]), /^atlas\.model\.phrases\[1\]: ".+" repeats phrases\[0\]$/],
    [
      'a row pointer beyond the values',
      (j) => j['matrix'].indptr.fill(2 ** 31 - 1, 5, -1),
      /^atlas\.matrix\.indptr\[5\]: 2147483647 is above the \d+ values of matrix\.indices$/,
    ],
    ['a theme score off the 6-decimal grid', (j) => (j['themes'][0].talks[0].score += 1e-9), /^atlas\.themes\[0\]\.talks\[0\]\.score: [\d.]+ in the file, [\d.]+ from the saved vectors and options$/],
    ['a centroid that is not of unit length', (j) => j['centroids'].fill(0.5, 0, 3), /^atlas\.centroids: row 0 has length [\d.]+, expected 1$/],
    ['model options null', (j) => (j['model'].options = null), 'atlas.model.options: expected an object, found null'],
    ['a changed titleWeight', (j) => (j['model'].options.titleWeight = 3), 'atlas.model.options.titleWeight: 3 differs from 2 given by atlas.options.tfidf'],
    ['a changed idf', (j) => (j['model'].idf[2] *= 1.5), /^atlas\.model\.idf\[2\]: [\d.]+ differs from [\d.]+ = ln\(\(1 \+ nDocs\) \/ \(1 \+ docCounts\[2\]\)\) \+ 1$/],
    ['a moved term', (j) => (j['matrix'].indices[0] = j['model'].terms.length - 1), /^atlas\.model\.docCounts\[\d+\]: \d+ talks, but the matrix has \d+$|columns must increase/],
    ['a row that is not of unit length', (j) => (j['matrix'].data[0] = 0.001), /^atlas\.matrix\.data: row 0 has length [\d.]+, expected 1 or 0$/],
  ]

  it.each(cases)('throws InputError on %s', (_what, edit, message) => {
    const json = saved()
    edit(json)
    const error = thrown(() => loadAtlas(json))
    expect(error).toBeInstanceOf(InputError)
    if (typeof message === 'string') expect(error.message).toBe(message)
    else expect(error.message).toMatch(message)
  })

  it('loads the unedited atlas with the answers of the built one', () => {
    const loaded = loadAtlas(saved())
    expect(JSON.stringify(atlasAnswers(loaded))).toBe(JSON.stringify(atlasAnswers(built)))
    expect(JSON.stringify(serializeAtlas(loaded))).toBe(text)
  })
})
