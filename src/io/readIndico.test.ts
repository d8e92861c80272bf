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
})
