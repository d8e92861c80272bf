import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { OptionError } from '../errors.js'
import { fixture } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('parseTalks', () => {
  it('parseTalks(text, { format: "yaml" }) throws an OptionError listing the formats', () => {
    expect(() => parseTalks('x', { format: 'yaml' as never })).toThrow(OptionError)
    expect(() => parseTalks('x', { format: 'yaml' as never })).toThrow('parseTalks: format="yaml" is invalid, expected auto or one of json, frab-xml, frab-json, indico, sessionize, csv, text')
  })

  it('parseTalks(text, { format }) forces a reader even when the content looks different', () => {
    const { talks, format } = parseTalks('{"talks": 1}\nSecond line', { format: 'text' })
    expect(format).toBe('text')
    expect(talks[0]!.title).toBe('{"talks": 1}')
  })

  it('parseTalks(text, { onProgress }) reports the end of the clean-up', () => {
    const calls: Array<[number, number]> = []
    parseTalks(fixture('io/talks.json'), { onProgress: (done, total) => calls.push([done, total]) })
    expect(calls).toEqual([[0, 3], [3, 3]])
  })

  it('parseTalks(empty input) returns no talks and says so', () => {
    expect(parseTalks('\n\n', { fileName: 'e.txt' })).toEqual({ talks: [], format: 'text', warnings: [{ code: 'no-talks', message: 'e.txt: no talks found' }] })
    expect(parseTalks('{"talks":[]}').warnings).toEqual([{ code: 'no-talks', message: 'input: no talks found' }])
  })

  it('parseTalks is deterministic: the same text gives byte-identical talks', () => {
    const text = fixture('io/schedule.xml')
    expect(JSON.stringify(parseTalks(text).talks)).toBe(JSON.stringify(parseTalks(text).talks))
  })

  it('parseTalks(JSON written from its own output) gives the same talks back (text without markup characters)', () => {
    const plain = fc.string().map((text) => text.replace(/[<>&*`#[\]\\_+-]/g, ''))
    fc.assert(fc.property(fc.array(fc.record({ title: plain, abstract: plain }), { maxLength: 8 }), (records) => {
      const input = records.map((record, i) => ({ id: `t${i}`, ...record })).filter((record) => record.title.trim() !== '' || record.abstract.trim() !== '')
      let first
      try {
        first = parseTalks(JSON.stringify(input), { skipInvalid: true }).talks
      } catch {
        return
      }
      const again = parseTalks(JSON.stringify({ talks: first.map(({ source: _source, ...rest }) => rest) }), { skipInvalid: true }).talks
      expect(again.map(({ source: _source, ...rest }) => rest)).toEqual(first.map(({ source: _source, ...rest }) => rest))
    }))
  })

  it('parseTalks keeps every readable talk: talks out plus talks reported equals talks in', () => {
    fc.assert(fc.property(fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', undefined), title: fc.constantFrom('', 'T', undefined), abstract: fc.constantFrom('', 'x') }), { maxLength: 10 }), (records) => {
      const { talks, warnings } = parseTalks(JSON.stringify(records), { skipInvalid: true })
      const skipped = warnings.filter((w) => w.code === 'invalid-talk' || w.code === 'duplicate-id').reduce((sum, w) => sum + Number(/^skipped (\d+)/.exec(w.message)![1]), 0)
      expect(talks.length + skipped).toBe(records.length)
    }))
  })
})
