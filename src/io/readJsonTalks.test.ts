import { describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('talk JSON', () => {
  it('parseTalks({ talks }) maps field aliases and keeps other scalar fields', () => {
    const { talks, format } = parseTalks(fixture('io/talks.json'), { fileName: 'talks.json' })
    expect(format).toBe('json')
    expect(talks.map(withoutSource)).toEqual([
      { id: 'a1', title: 'Zero-copy networking', abstract: 'io_uring and registered buffers.', speakers: ['Ida Berg'], track: 'Systems', room: 'H.2215', level: 2 },
      { id: '7', title: 'Reproducible builds', abstract: 'Bit-for-bit identical artefacts with Nix.', speakers: ['Kofi Mensah'] },
      { id: '3-生成aiと著作権', title: '生成AIと著作権', abstract: '日本の著作権法第30条の4について 🤖' },
    ])
  })

  it('parseTalks([talks]) reads a bare array', () => {
    expect(parseTalks('[{"title":"A","abstract":"a"}]').talks.map((talk) => talk.id)).toEqual(['1-a'])
  })

  it('parseTalks(JSON) keeps the record itself under source, not a copy', () => {
    const { talks } = parseTalks('[{"id":"x","title":"A","extra":{"deep":[1,2]}}]')
    expect(talks[0]!['source']).toEqual({ id: 'x', title: 'A', extra: { deep: [1, 2] } })
  })

  it('parseTalks(broken JSON) names the line and column', () => {
    expect(() => parseTalks('{\n  "talks": [\n    {"title": "A",}\n  ]\n}', { fileName: 't.json' })).toThrow("t.json:3:19: invalid JSON: unexpected '}'")
    expect(() => parseTalks('[{"title": "A"}', { fileName: 't.json' })).toThrow('t.json:1:16: invalid JSON: unexpected end of input')
  })

  it('parseTalks(JSON of another shape) says what it expected', () => {
    expect(() => parseTalks('{"items": []}', { fileName: 'x.json' })).toThrow('x.json: expected an array of talks or an object with a "talks" array')
  })

  it('parseTalks(JSON with a non-record item) names the index', () => {
    expect(() => parseTalks('{"talks":[{"title":"A"},"B"]}', { fileName: 't.json' })).toThrow('t.json talks[1]: expected a talk record, found a string')
  })

  it('parseTalks(JSON with a title that is a record) names the field', () => {
    expect(() => parseTalks('[{"title":{"en":"A"}}]', { fileName: 't.json' })).toThrow('t.json [0]: title is a record, expected text')
  })

  it('parseTalks(repeated id) throws naming both places', () => {
    const doc = '{"talks":[{"id":"x","title":"A"},{"id":"y","title":"B"},{"id":"x","title":"C"}]}'
    let error: unknown
    try { parseTalks(doc, { fileName: 't.json' }) } catch (caught) { error = caught }
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toBe('t.json talks[2]: duplicate id "x" (first at talks[0])')
  })

  it('parseTalks(repeated id, { skipInvalid: true }) keeps the first and lists the skipped one', () => {
    const { talks, warnings } = parseTalks('[{"id":"x","title":"A"},{"id":"x","title":"C"}]', { fileName: 't.json', skipInvalid: true })
    expect(talks.map((talk) => talk.title)).toEqual(['A'])
    expect(warnings).toContainEqual({ code: 'duplicate-id', message: 'skipped 1 talk whose id was already used: t.json [1]: duplicate id "x" (first at [0])', talkIds: ['x'] })
  })

  it('parseTalks(unreadable talk, { skipInvalid: true }) lists it in an invalid-talk warning', () => {
    const { talks, warnings } = parseTalks('[{"id":"a","title":"A"},{"id":"b"},null]', { fileName: 't.json', skipInvalid: true })
    expect(talks.map((talk) => talk.id)).toEqual(['a'])
    expect(warnings[0]).toEqual({ code: 'invalid-talk', message: 'skipped 2 unreadable talks: t.json [1]: no title and no abstract; t.json [2]: expected a talk record, found null', talkIds: ['b'] })
  })
})
