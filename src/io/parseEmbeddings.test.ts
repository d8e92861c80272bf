import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import { parseEmbeddings } from './parseEmbeddings.js'
import { parseNpy } from './parseNpy.js'
import { npyBytes as npy } from '../../test/helpers/npy.js'

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/embeddings/${name}`, import.meta.url)))
const two = [{ id: 'a' }, { id: 'b' }]

describe('parseNpy(bytes)', () => {
  it('reads a float64 file numpy.save wrote', () => {
    const matrix = parseNpy(fixture('two-by-three-f8.npy'))
    expect(matrix.rows).toBe(2)
    expect(matrix.dimensions).toBe(3)
    expect(Array.from(matrix.vectors)).toEqual([1, 0.5, -0.25, 0, 2, 1.5])
  })

  it('reads little- and big-endian float32', () => {
    expect(Array.from(parseNpy(npy('<f4', [1, 2], [0.5, -2])).vectors)).toEqual([0.5, -2])
    expect(Array.from(parseNpy(npy('>f4', [1, 2], [0.5, -2])).vectors)).toEqual([0.5, -2])
  })

  it('refuses Fortran order, another dtype, another rank, truncation and NaN with a clear message', () => {
    expect(() => parseNpy(fixture('two-by-three-fortran.npy'), 'v.npy')).toThrow(/v\.npy fortran_order: Fortran-order/)
    expect(() => parseNpy(fixture('two-by-three-int.npy'), 'v.npy')).toThrow(/non-float \.npy dtype '<i8'/)
    expect(() => parseNpy(npy('<f4', [4], [1, 2, 3, 4]))).toThrow(/expected a 2-D array \(talks × dimensions\), found shape \(4,\)/)
    expect(() => parseNpy(npy('<f4', [2, 2, 1], [1, 2, 3, 4]))).toThrow(/found shape \(2, 2, 1\)/)
    expect(() => parseNpy(npy('<f4', [3, 2], [1, 2, 3, 4]))).toThrow(/truncated \.npy data: shape \(3, 2\) needs 24 bytes, the file has 16/)
    expect(() => parseNpy(npy('<f4', [2, 2], [1, 2, Number.NaN, 4]))).toThrow(/NaN at row 1, column 0/)
    expect(() => parseNpy(npy('<f8', [1, 2], [1, 1e300]))).toThrow(/1e\+300 \(infinite as float32\) at row 0, column 1/)
    expect(() => parseNpy(new TextEncoder().encode('{"a": [1]}'))).toThrow(/not a \.npy file/)
  })

  it('refuses a header claiming a huge shape without allocating it', () => {
    expect(() => parseNpy(npy('<f4', [1e9, 1e6], [1]))).toThrow(/truncated \.npy data/)
  })
})

describe('parseEmbeddings(content, talks, options)', () => {
  it('reads .npy rows in the talks order, JSON by id and JSON Lines by id', () => {
    const fromNpy = parseEmbeddings(fixture('two-by-three-f8.npy'), two)
    expect(fromNpy).toMatchObject({ format: 'npy', dimensions: 3 })
    const json = parseEmbeddings('{"b": [0, 2, 1.5], "a": [1, 0.5, -0.25]}', two)
    expect(json).toMatchObject({ format: 'json', dimensions: 3 })
    expect(Array.from(json.vectors)).toEqual(Array.from(fromNpy.vectors))
    const lines = '{"id": "b", "embedding": [0, 2, 1.5]}\n\n{"id": "a", "embedding": [1, 0.5, -0.25]}\n'
    const jsonl = parseEmbeddings(new TextEncoder().encode(lines), two, { fileName: 'vectors.jsonl' })
    expect(jsonl.format).toBe('jsonl')
    expect(Array.from(jsonl.vectors)).toEqual(Array.from(fromNpy.vectors))
    expect(parseEmbeddings(lines, two, { format: 'jsonl' }).dimensions).toBe(3)
  })

  it('names a talk without a vector, a vector for an unknown id and a repeated id', () => {
    expect(() => parseEmbeddings('{"a": [1, 2]}', two, { fileName: 'e.json' })).toThrow(/e\.json: a talk has no vector: "b"/)
    expect(() => parseEmbeddings('{"a": [1], "b": [2], "zz": [3]}', two)).toThrow(/vector for unknown talk id "zz"/)
    expect(() => parseEmbeddings('{"id":"a","embedding":[1]}\n{"id":"a","embedding":[2]}', two, { format: 'jsonl', fileName: 'e.jsonl' })).toThrow(/e\.jsonl:2 id: second vector for talk "a" \(first on line 1\)/)
    expect(() => parseEmbeddings('{"id":"a","embedding":[1]}\n{"id":"c","embedding":[2]}', two, { format: 'jsonl' })).toThrow(/:2: vector for unknown talk id "c"/)
  })

  it('names ragged dimensions, values that are not finite numbers, and a row count that differs', () => {
    expect(() => parseEmbeddings('{"a": [1, 2], "b": [3]}', two)).toThrow(/ragged dimensions: talk "b" has 1 values, talk "a" has 2/)
    expect(() => parseEmbeddings('{"a": [1, null], "b": [3, 4]}', two)).toThrow(/"a".*null at index 1, expected a finite number/)
    expect(() => parseEmbeddings('{"a": [1, 1e39], "b": [3, 4]}', two)).toThrow(/1e\+39 \(not finite as float32\)/)
    expect(() => parseEmbeddings('{"id":"a","embedding":["1"]}', [{ id: 'a' }], { format: 'jsonl' })).toThrow(/"1" at index 0/)
    expect(() => parseEmbeddings(npy('<f4', [3, 1], [1, 2, 3]), two, { fileName: 'e.npy' })).toThrow(/e\.npy: 3 rows for 2 talks/)
    expect(() => parseEmbeddings('[[1, 2]]', two)).toThrow(InputError)
    expect(() => parseEmbeddings('{"a": [1], ', two)).toThrow(/invalid JSON/)
  })

  it('names the file and the place of an all-zero vector, which buildAtlas cannot normalise', () => {
    expect(() => parseEmbeddings('{"a": [1, 2], "b": [0, 0]}', two, { fileName: 'e.json' })).toThrow('e.json "b": the vector is all zeros')
    expect(() => parseEmbeddings('{"id":"a","embedding":[0]}\n{"id":"b","embedding":[1]}', two, { format: 'jsonl', fileName: 'e.jsonl' })).toThrow('e.jsonl:1 embedding: the vector is all zeros')
    expect(() => parseEmbeddings(npy('<f4', [2, 2], [1, 2, 0, 0]), two, { fileName: 'e.npy' })).toThrow('e.npy: row 1 (talk "b"): the vector is all zeros')
    expect(parseEmbeddings('{"a": [1e-14, 0], "b": [0, 1]}', two).dimensions).toBe(2)
  })

  it('runs without node: imports (the readers are part of the browser-safe core)', () => {
    for (const file of ['parseEmbeddings.ts', 'parseNpy.ts']) {
      expect(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')).not.toMatch(/['"]node:/)
    }
  })
})
