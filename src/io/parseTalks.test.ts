import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { InputError, OptionError } from '../errors.js'
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

  it('parseTalks(input without talks) throws an InputError naming the format read', () => {
    expect(() => parseTalks('\n\n', { fileName: 'e.txt' })).toThrow(new InputError('no talks found (read as text)', { file: 'e.txt' }))
    expect(() => parseTalks('{"talks":[]}')).toThrow('no talks found (read as json)')
    expect(() => parseTalks('[{"id":1},{"id":2}]', { skipInvalid: true })).toThrow('no talks found (read as json; 2 records skipped)')
  })

  it('parseTalks(text).tally counts records in, talks out and skipped by why', () => {
    const { tally } = parseTalks('[{"id":"a","title":"A"},{"id":"a","title":"B"},{"id":"c"}]', { skipInvalid: true })
    expect(tally).toEqual({ recordsIn: 3, talksOut: 1, skipped: [{ code: 'invalid-talk', count: 1 }, { code: 'duplicate-id', count: 1 }] })
  })

  it('parseTalks(a 6 KB text read as one talk) warns with the --from / --one-per-line hint', () => {
    const text = `${'A single long paragraph about schedulers and queues without any break. '.repeat(90)}\n`
    const { warnings } = parseTalks(text, { fileName: 'page.txt' })
    expect(warnings.map((w) => w.message)).toContain('page.txt: only 1 talk in 6.4 KB read as text; if that is wrong, name the format (--from) or, for plain text, try --one-per-line')
    expect(parseTalks(text, { format: 'text' }).warnings.map((w) => w.code)).not.toContain('few-talks')
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
      let read
      try {
        read = parseTalks(JSON.stringify(records), { skipInvalid: true })
      } catch (error) {
        expect(String(error)).toMatch(records.length === 0 ? /no talks found \(read as json\)$/ : new RegExp(`no talks found \\(read as json; ${records.length} records? skipped\\)$`))
        return
      }
      const { talks, warnings } = read
      const skipped = warnings.filter((w) => w.code === 'invalid-talk' || w.code === 'duplicate-id').reduce((sum, w) => sum + Number(/^skipped (\d+)/.exec(w.message)![1]), 0)
      expect(talks.length + skipped).toBe(records.length)
    }))
  })
})
