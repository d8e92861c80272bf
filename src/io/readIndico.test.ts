import { describe, expect, it } from 'vitest'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('Indico export', () => {
  it('parseTalks(Indico JSON) reads contributions with speakers, track and session', () => {
    const { talks, format } = parseTalks(fixture('io/indico.json'))
    expect(format).toBe('indico')
    expect(talks.map(withoutSource)).toEqual([
      {
        id: '12', title: 'Track reconstruction on GPUs', abstract: 'We port the Kalman filter stage to CUDA and HIP.',
        speakers: ['Chidi Okafor'], track: 'Reconstruction', session: 'Software I', room: 'Council Chamber', location: 'Main Building',
        day: '2024-06-10', start: '09:30:00', duration: 20, url: 'https://indico.example.org/event/4711/contributions/12/',
      },
      {
        id: '13', title: 'Calibration database at scale', abstract: 'A read-mostly store for conditions data.',
        speakers: ['Maja Lindqvist'], session: 'Software I', duration: 20, url: 'https://indico.example.org/event/4711/contributions/13/',
      },
    ])
  })

  it('parseTalks(Indico JSON with several events) prefixes contribution ids with the event id', () => {
    const doc = JSON.stringify({ results: [
      { id: 1, contributions: [{ id: 5, title: 'A' }] },
      { id: 2, contributions: [{ id: 5, title: 'B' }] },
    ] })
    expect(parseTalks(doc).talks.map((talk) => talk.id)).toEqual(['1-5', '2-5'])
  })

  it('parseTalks(Indico JSON, { format: "indico" }) rejects an export without results', () => {
    expect(() => parseTalks('{"count":0}', { format: 'indico', fileName: 'i.json' })).toThrow('i.json results: expected an Indico export with a "results" list')
  })

  /** An Indico `detail=sessions` export: `nSessions` sessions of `perSession` contributions, plus `loose` outside any session. */
  const sessionsExport = (nSessions: number, perSession: number, loose: number): Record<string, unknown> => {
    let id = 0
    const contribution = (session: string | null): Record<string, unknown> => {
      id++
      return { _type: 'Contribution', id: String(id), title: `Contribution ${id}`, description: `<p>Abstract of contribution ${id}.</p>`, track: id % 2 === 0 ? 'Detectors' : 'Computing', session, speakers: [{ fullName: `Person, Number${id}` }], startDate: { date: '2024-05-02', time: '09:00:00', tz: 'UTC' } }
    }
    const contributions = Array.from({ length: loose }, () => contribution(null))
    const sessions = Array.from({ length: nSessions }, (_, s) => ({ _type: 'Session', id: String(s), title: `Session ${s}`, contributions: Array.from({ length: perSession }, () => ({ ...contribution(null), session: null })) }))
    return { count: 1, _type: 'HTTPAPIResult', results: [{ _type: 'Conference', id: '1234', title: 'Workshop', contributions, sessions }] }
  }

  it('parseTalks(Indico detail=sessions) reads the contributions inside sessions: 256 in 16 sessions give 256 talks, session and track kept', () => {
    const { talks, format, tally } = parseTalks(JSON.stringify(sessionsExport(16, 16, 0)))
    expect(format).toBe('indico')
    expect(talks).toHaveLength(256)
    expect(tally).toEqual({ recordsIn: 256, talksOut: 256, skipped: [] })
    expect(talks[17]).toMatchObject({ id: '18', title: 'Contribution 18', abstract: 'Abstract of contribution 18.', session: 'Session 1', track: 'Detectors', speakers: ['Number18 Person'] })
  })

  it('parseTalks(Indico with contributions both at the top and in sessions) reads each once', () => {
    const data = sessionsExport(2, 3, 4)
    const event = (data['results'] as Array<Record<string, unknown>>)[0]!
    // A hand-merged export: the session contributions repeated at the top level.
    const inSessions = (event['sessions'] as Array<{ contributions: unknown[] }>).flatMap((session) => session.contributions)
    event['contributions'] = [...(event['contributions'] as unknown[]), ...inSessions]
    const { talks } = parseTalks(JSON.stringify(data))
    expect(talks.map((talk) => talk.id)).toEqual(['5', '6', '7', '8', '9', '10', '1', '2', '3', '4'])
    expect(talks.filter((talk) => talk['session'] === 'Session 0')).toHaveLength(3)
  })

  it('parseTalks(Indico with two different contributions under one id) reports the repeated id instead of dropping one', () => {
    const doc = JSON.stringify({ results: [{ id: '1', contributions: [
      { id: 1, title: 'T', description: 'a b' },
      { id: 1, title: 'U', description: 'x' },
      { id: 1, title: 'T', description: 'a b' },
    ] }] })
    expect(() => parseTalks(doc, { format: 'indico', fileName: 'i.json' })).toThrow('i.json results[0].contributions[1]: duplicate id "1" (first at results[0].contributions[0])')
    const { talks, tally, warnings } = parseTalks(doc, { format: 'indico', skipInvalid: true })
    expect(talks.map((talk) => talk.title)).toEqual(['T'])
    expect(tally).toMatchObject({ recordsIn: 2, talksOut: 1 })
    expect(warnings.map((warning) => warning.code)).toContain('duplicate-id')
  })

  it('parseTalks(Indico event without contributions) says how to export them', () => {
    expect(() => parseTalks('{"results":[{"id":"1","title":"Only metadata","contributions":null}]}', { fileName: 'e.json' })).toThrow('e.json results[0].contributions: contributions is null, expected a list')
    expect(() => parseTalks('{"results":[{"id":"1","title":"Only metadata"}]}', { format: 'indico', fileName: 'e.json' })).toThrow('an event without contributions (export with ?detail=contributions or ?detail=sessions)')
  })

  it('parseTalks(Indico timetable export) reads contributions, those in session blocks with their session, and lists breaks', () => {
    const entry = (id: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ entryType: 'Contribution', id: `c${id}`, contributionId: id, title: `Talk ${id}`, description: `About ${id}.`, presenters: [{ name: `Speaker ${id}` }], startDate: { date: '2024-05-02', time: '10:00:00' }, ...extra })
    const data = {
      results: {
        '77': {
          '20240502': {
            c1: entry(1),
            b1: { entryType: 'Break', id: 'b1', title: 'Coffee' },
            s1: { entryType: 'Session', id: 's1', title: 'Tracking', entries: { c2: entry(2), c3: entry(3) } },
          },
          '20240503': { c4: entry(4) },
        },
      },
    }
    const { talks, format, warnings, tally } = parseTalks(JSON.stringify(data))
    expect(format).toBe('indico')
    expect(talks.map((talk) => [talk.id, talk.title, talk['session'] ?? null, talk.speakers])).toEqual([
      ['1', 'Talk 1', null, ['Speaker 1']],
      ['2', 'Talk 2', 'Tracking', ['Speaker 2']],
      ['3', 'Talk 3', 'Tracking', ['Speaker 3']],
      ['4', 'Talk 4', null, ['Speaker 4']],
    ])
    expect(warnings).toEqual([{ code: 'break-entry', message: 'left out 1 break (timetable entries that are not talks): Coffee' }])
    expect(tally).toEqual({ recordsIn: 5, talksOut: 4, skipped: [{ code: 'break-entry', count: 1 }] })
  })
})
