import { describe, expect, it } from 'vitest'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('frab schedule.json', () => {
  it('parseTalks(schedule.json) yields the same talks as the XML export of the same schedule', () => {
    const fromJson = parseTalks(fixture('io/schedule.json'), { fileName: 'schedule.json' })
    const fromXml = parseTalks(fixture('io/schedule.xml'), { fileName: 'schedule.xml' })
    expect(fromJson.format).toBe('frab-json')
    expect(fromJson.talks.map(withoutSource)).toEqual(fromXml.talks.map(withoutSource))
  })

  it('parseTalks(schedule.json) maps ids from slug, else the numeric event id', () => {
    expect(parseTalks(fixture('io/schedule.json')).talks.map((talk) => talk.id)).toEqual([
      'northconf24-101-packet-filters-in-rust', 'northconf24-102-observability-without-tears', '103', 'northconf24-104-lightning-talks',
    ])
  })

  it('parseTalks(schedule.json, { format: "frab-json" }) rejects a file without days', () => {
    expect(() => parseTalks('{"schedule":{"conference":{}}}', { fileName: 's.json', format: 'frab-json' })).toThrow('s.json schedule.conference.days: expected schedule.conference.days to be a list')
  })

  it('parseTalks(schedule.json) names the event path of an unreadable event', () => {
    const doc = JSON.stringify({ schedule: { conference: { days: [{ date: 'd', rooms: { 'Hall 1': [{ id: 1, title: '', abstract: '' }] } }] } } })
    expect(() => parseTalks(doc, { fileName: 's.json' })).toThrow('s.json schedule.conference.days[0].rooms["Hall 1"][0]: no title and no abstract')
  })
})
