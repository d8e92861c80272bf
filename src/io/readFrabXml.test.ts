import { describe, expect, it } from 'vitest'
import { InputError } from '../errors.js'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

const xml = fixture('io/schedule.xml')

describe('frab XML', () => {
  it('parseTalks(frab XML) reads every event of every room and day, in document order', () => {
    const { talks, format } = parseTalks(xml, { fileName: 'schedule.xml' })
    expect(format).toBe('frab-xml')
    expect(talks.map((talk) => talk.id)).toEqual([
      'northconf24-101-packet-filters-in-rust',
      'northconf24-102-observability-without-tears',
      '103',
      'northconf24-104-lightning-talks',
    ])
  })

  it('parseTalks(frab XML) joins abstract and description and reduces their HTML and Markdown', () => {
    const talk = parseTalks(xml).talks[0]!
    expect(withoutSource(talk)).toEqual({
      id: 'northconf24-101-packet-filters-in-rust',
      title: 'Packet filters in Rust & eBPF',
      abstract: 'We rewrote our XDP filters with aya and Vec<u8> buffers.\n\nThis talk covers the verifier, maps and tail calls.\n\nSee the slides.',
      speakers: ['Ana Folau', 'Jonas Brink'],
      track: 'Networking',
      subtitle: 'From prototype to production',
      eventId: '101',
      guid: 'a1b2c3d4-0000-4000-8000-000000000101',
      room: 'Aula',
      day: '2024-10-12',
      date: '2024-10-12T09:30:00+02:00',
      start: '09:30',
      duration: '00:40',
      type: 'Talk',
      language: 'en',
      url: 'https://cfp.example.org/northconf24/talk/QX7RTA/',
    })
  })

  it('parseTalks(frab XML) unwraps CDATA without decoding it twice', () => {
    expect(parseTalks(xml).talks[1]!.abstract).toBe('Tracing every request costs money. We sample at the edge & keep p99s honest.')
  })

  it('parseTalks(frab XML) falls back to the event id attribute when there is no slug', () => {
    const talk = parseTalks(xml).talks[2]!
    expect(talk.id).toBe('103')
    expect(talk.abstract).toContain('العربية and עברית')
  })

  it('parseTalks(frab XML) keeps the parsed <event> under source', () => {
    const source = parseTalks(xml).talks[3]!['source'] as Record<string, unknown>
    expect(source['slug']).toBe('northconf24-104-lightning-talks')
    expect(source['@id']).toBe('104')
  })

  it('parseTalks(frab XML) warns about an event with an empty abstract', () => {
    expect(parseTalks(xml).warnings).toEqual([{ code: 'empty-abstract', message: '1 talk with an empty abstract: northconf24-104-lightning-talks', talkIds: ['northconf24-104-lightning-talks'] }])
  })

  it('parseTalks(XML missing </event>) names the line of the unclosed event', () => {
    const broken = xml.replace('</event>\n      <event guid="a1b2c3d4-0000-4000-8000-000000000102"', '\n      <event guid="a1b2c3d4-0000-4000-8000-000000000102"')
    expect(() => parseTalks(broken, { fileName: 'schedule.xml' })).toThrow('schedule.xml:15: unclosed <event> (found </room> at line 53)')
  })

  it('parseTalks(truncated XML) names the innermost unclosed element', () => {
    const cut = xml.slice(0, xml.indexOf('<abstract>Supporting'))
    expect(() => parseTalks(cut, { fileName: 'cut.xml' })).toThrow(/^cut\.xml:55: unclosed <event> at end of input$/)
  })

  it('parseTalks(XML with a stray &) reports the line and column', () => {
    expect(() => parseTalks('<schedule>\n<day>a & b</day></schedule>', { fileName: 's.xml' })).toThrow("s.xml:2:8: malformed XML: char '&' is not expected")
  })

  it('parseTalks(XML without <schedule>) says what root it found', () => {
    expect(() => parseTalks('<talks><talk/></talks>', { fileName: 'x.xml' })).toThrow('x.xml:1: expected a frab/pentabarf <schedule> root element, found <talks>')
  })

  it('parseTalks(XML event with a repeated <title> or <abstract>) names the element instead of reading it as empty', () => {
    const doc = '<schedule>\n<day date="d">\n<room name="r">\n<event id="1"><title>A</title><abstract>a b</abstract></event>\n<event id="2"><title>B</title><title>C</title><abstract>c</abstract></event>\n<event id="3"><title>D</title><abstract>d</abstract><abstract>e</abstract></event>\n</room></day></schedule>'
    expect(() => parseTalks(doc, { fileName: 'e.xml' })).toThrow('e.xml:5: <title> appears 2 times in one <event>, expected once')
    const { talks, warnings } = parseTalks(doc, { fileName: 'e.xml', skipInvalid: true })
    expect(talks.map((talk) => talk.id)).toEqual(['1'])
    expect(warnings.find((warning) => warning.code === 'invalid-talk')?.message).toBe('skipped 2 unreadable talks: e.xml:5: <title> appears 2 times in one <event>, expected once; e.xml:6: <abstract> appears 2 times in one <event>, expected once')
  })

  it('parseTalks(XML event with neither title nor abstract) throws an InputError with the event line', () => {
    const doc = '<schedule>\n<day date="d">\n<room name="r">\n<event id="1"><title>A</title></event>\n<event id="2"><track>x</track></event>\n</room></day></schedule>'
    let error: unknown
    try { parseTalks(doc, { fileName: 'e.xml' }) } catch (caught) { error = caught }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe('e.xml:5: no title and no abstract')
    expect((error as InputError).line).toBe(5)
  })
})
