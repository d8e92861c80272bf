import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Talk } from '../types.js'
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

const seedPath = fileURLToPath(new URL('../../../shared/seeds/000_5dce5afa520b7278.txt', import.meta.url))
const page = (name: string): ReturnType<typeof parseTalks> => parseTalks(fixture(`io/pages/${name}`), { fileName: name })
const titles = (talks: readonly Talk[]): string[] => talks.map((talk) => talk.title)

describe('plain text as people paste it', () => {
  it('parseTalks(track page) splits on truncation marks, joins wrapped runs, finds a topic shift and a title, sets the description aside', () => {
    const { talks, description, cues } = page('track-page.txt')
    expect(description).toMatch(/^About this track\nThe Storage and Filesystems track runs for one day/)
    expect(talks.map((talk) => talk.abstract.slice(0, 30))).toEqual([
      'Copy-on-write filesystems frag',
      'Checksums catch silent corrupt',
      'Persistent memory promised byt',
      'Object storage gateways transl',
      'Kernel readahead heuristics we',
      'Tenants share the same disks b',
    ])
    expect(talks[3]!.abstract).toMatch(/consistent without a database\.$/)
    expect(talks[2]!.abstract).toMatch(/them wrong in practice\.\.\.$/)
    expect(talks[5]!.title).toBe('Quotas in a multi-tenant cluster')
    expect(cues).toEqual(['wrapped lines', 'truncation marks', 'topic shifts'])
  })

  it('parseTalks(numbered list) reads each item as a talk, the speaker after the dash', () => {
    const { talks, description } = page('numbered.txt')
    expect(description).toBe('Accepted talks, Friday main hall')
    expect(titles(talks)).toEqual(['Typed configuration for large deployments', 'Profiling Python without stopping it', 'What we learned from fuzzing our parser'])
    expect(talks.map((talk) => talk.speakers)).toEqual([['Maria Lopez'], ['Kenji Watanabe'], ['Aisha Bello', 'Tom Becker']])
  })

  it('parseTalks("Title — Speaker" lines without blank lines) starts a talk at each short title before a long line', () => {
    const { talks, description } = page('title-speaker.txt')
    expect(description).toBeUndefined()
    expect(titles(talks)).toEqual(['Observability on a budget', 'Writing a database in Rust', 'Accessibility testing in continuous integration'])
    expect(talks[2]!.speakers).toEqual(['Chloé Martin'])
  })

  it('parseTalks(Markdown headings) reads each heading of the repeated level as a talk, bold field labels included', () => {
    const { talks, description } = page('markdown.md')
    expect(description).toMatch(/^# Embedded Systems Devroom\nTalks are 20 minutes each/)
    expect(titles(talks)).toEqual(['Booting a board in under one second', 'Rust drivers for microcontrollers', 'Over-the-air updates that do not brick devices'])
    expect(talks[1]!.speakers).toEqual(['Jonas Berg'])
    expect(talks[1]!.abstract).toMatch(/^The embedded-hal traits/)
  })

  it('parseTalks(e-mail digest) sets headers and greeting aside, reads Title:/Speaker:/Abstract: fields, drops the signature', () => {
    const { talks, description } = page('digest.txt')
    expect(description).toMatch(/^From: program@devconf\.example\.org\n/)
    expect(titles(talks)).toEqual(['Incremental compilation with query systems', 'Register allocation by graph colouring, revisited', 'Debug information that survives optimisation'])
    expect(talks[2]!.abstract).toBe('Variables vanish from debuggers when the optimiser moves them. We track\nlocations through every pass and report what fraction survives.')
    expect(talks[2]!.speakers).toEqual(['Hannah Schulz'])
  })

  it('parseTalks(blank-line paragraphs) keeps one talk per paragraph', () => {
    const { talks, description, cues } = page('paragraphs.txt')
    expect(description).toBeUndefined()
    expect(cues).toEqual(['blank lines'])
    expect(titles(talks)).toEqual(['Scheduling GPU jobs fairly', 'Caching compiled shaders', 'Energy use of continuous integration'])
  })

  it('parseTalks(title paragraph, blank line, abstract paragraph) joins the two', () => {
    const { talks } = parseTalks('Fast builds\n\nWe cache every step of the build keyed by its inputs and share the cache across machines.\n\nSlow tests\n\nMost of our test time went into three fixtures that rebuilt a database for every test.\n', { format: 'text' })
    expect(talks.map((talk) => [talk.title, talk.abstract.slice(0, 12)])).toEqual([['Fast builds', 'We cache eve'], ['Slow tests', 'Most of our ']])
  })

  it.skipIf(!existsSync(seedPath))('parseTalks(the Networking and BPF track page) reads 15 talks and its description (skipped without ../shared)', () => {
    const { talks, description } = parseTalks(readFileSync(seedPath, 'utf8'), { fileName: 'seed.txt' })
    expect(talks).toHaveLength(15)
    expect(description).toMatch(/^Description\n/)
    expect(talks.some((talk) => /technical committee/.test(talk.abstract))).toBe(false)
    const hid = talks.find((talk) => talk.abstract.startsWith('HID'))!
    expect(hid.abstract).toMatch(/key mapping for\.\.\.$/)
    expect(talks.filter((talk) => /full visibility|programmable processors|building programmable/.test(talk.abstract))).toHaveLength(2)
    const docs = talks.findIndex((talk) => /eBPF Foundation/.test(talk.abstract))
    expect(talks[docs]!.abstract).not.toMatch(/Packet forwarding/)
    expect(talks[docs + 1]!.abstract).toMatch(/^Packet forwarding/)
    expect(talks[14]!.title).toBe('Case for OPENED for eBPF NF Development')
  })
})
