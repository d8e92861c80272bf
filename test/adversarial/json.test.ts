import { describe, expect, it } from 'vitest'
import { parseTalks } from '../../src/io/parseTalks.js'
import { talkatlas } from '../helpers/cli.js'

describe('adversarial JSON', () => {
  it('__proto__, constructor and prototype keys do not pollute objects or reach talks', () => {
    const doc = '[{"id":"a","title":"A","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"x"}]'
    const { talks } = parseTalks(doc)
    const talk = talks[0]!
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getPrototypeOf(talk)).toBe(Object.prototype)
    expect(Object.keys(talk)).toEqual(['id', 'title', 'abstract', 'source'])
    expect((talk as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('a __proto__ key in a { talks } wrapper is ignored', () => {
    expect(parseTalks('{"__proto__":{"talks":[]},"talks":[{"title":"A"}]}').talks.map((talk) => talk.title)).toEqual(['A'])
  })

  it('deep nesting inside a talk is kept in source without recursion in the reader', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const { talks } = parseTalks(`[{"id":"d","title":"Deep","extra":${deep}}]`)
    expect(talks[0]!.id).toBe('d')
    expect(Array.isArray(talks[0]!['source'] && (talks[0]!['source'] as Record<string, unknown>)['extra'])).toBe(true)
  })

  it('convert --source on a deeply nested record exits 2 with a message, not a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const run = talkatlas(['convert', '-', '--source', '--quiet'], { input: `[{"id":"d","title":"Deep","extra":${deep}}]` })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('talkatlas: talk "d": its source record is nested too deeply to write as JSON; leave out --source\n')
    expect(talkatlas(['convert', '-'], { input: `[{"id":"d","title":"Deep","extra":${deep}}]` }).code).toBe(0)
  })

  it('a deeply nested list where talks are expected names the record', () => {
    expect(() => parseTalks(`[${'['.repeat(50_000)}${']'.repeat(50_000)}]`, { fileName: 'd.json' })).toThrow('d.json [0]: expected a talk record, found a list')
  })

  it('ids too large to keep exactly are refused, not silently rounded', () => {
    expect(() => parseTalks('[{"id":12345678901234567890,"title":"A"}]', { fileName: 'n.json' })).toThrow('n.json [0]: id 12345678901234567000 is not a whole number that can be kept exactly; write the id as a string')
    expect(() => parseTalks('[{"id":1e400,"title":"A"}]', { fileName: 'n.json' })).toThrow('n.json [0]: id Infinity is not a whole number that can be kept exactly; write the id as a string')
  })

  it('huge numbers in other fields are kept when finite and dropped when infinite', () => {
    const { talks } = parseTalks('[{"id":"a","title":1e308,"score":1e400,"rank":9007199254740993}]')
    expect(talks[0]!.title).toBe('1e+308')
    expect(talks[0]!['score']).toBeUndefined()
    expect(talks[0]!['rank']).toBe(9007199254740992)
  })

  it('a repeated id is an error naming both places (the documented default)', () => {
    expect(() => parseTalks('{"talks":[{"id":"x","title":"A"},{"id":"x","title":"B"}]}', { fileName: 't.json' })).toThrow('t.json talks[1]: duplicate id "x" (first at talks[0])')
  })

  it('a generated id colliding with a given one is reported like any repeated id', () => {
    expect(() => parseTalks('[{"title":"A"},{"id":"1-a","title":"B"}]', { fileName: 't.json' })).toThrow('t.json [1]: duplicate id "1-a" (first at [0])')
  })
})
