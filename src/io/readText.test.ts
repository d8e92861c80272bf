import { describe, expect, it } from 'vitest'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('plain text', () => {
  it('parseTalks(text) reads one talk per paragraph, the short first line as title', () => {
    const { talks, format } = parseTalks(fixture('io/talks.txt'), { fileName: 'talks.txt' })
    expect(format).toBe('text')
    expect(talks.map(withoutSource)).toEqual([
      { id: '1-memory-safe-parsers-with-rust', title: 'Memory-safe parsers with Rust', abstract: 'Parsers are where untrusted bytes meet your code. We compare nom, winnow and\nhand-written recursive descent on fuzzing results and speed.' },
      { id: '2-garbage-collection-pauses-explained', title: 'Garbage collection pauses explained', abstract: 'Why your p99 latency follows the heap size, and three knobs that help.' },
      { id: '3', title: '', abstract: 'This paragraph has no title line. It runs on for a while and ends with a full stop.' },
    ])
  })

  it('parseTalks(text) warns about talks without a title', () => {
    expect(parseTalks(fixture('io/talks.txt')).warnings).toEqual([{ code: 'empty-title', message: '1 talk without a title: 3', talkIds: ['3'] }])
  })

  it('parseTalks(hard-wrapped paragraph) does not take its first line as a title', () => {
    const { talks } = parseTalks('Having full visibility throughout the system you build is\nwell established best practice.\n', { format: 'text' })
    expect(talks[0]!.title).toBe('')
  })

  it('parseTalks(text, { onePerLine: true }) reads one talk per line', () => {
    const { talks } = parseTalks('First talk about eBPF maps.\nSecond talk about XDP.\n\nThird', { format: 'text', onePerLine: true })
    expect(talks.map((talk) => [talk.id, talk.title, talk.abstract])).toEqual([
      ['1', '', 'First talk about eBPF maps.'],
      ['2', '', 'Second talk about XDP.'],
      ['3-third', 'Third', ''],
    ])
  })

  it('parseTalks(text) keeps the paragraph under source', () => {
    expect(parseTalks('Title\nBody').talks[0]!['source']).toBe('Title\nBody')
  })
})
