import { describe, expect, it } from 'vitest'
import { fixture, withoutSource } from '../../test/helpers/fixtures.js'
import { parseTalks } from './parseTalks.js'

describe('Sessionize export', () => {
  it('parseTalks(Sessionize "All data") resolves speakers, categories and rooms by id', () => {
    const { talks, format } = parseTalks(fixture('io/sessionize-all.json'))
    expect(format).toBe('sessionize')
    expect(talks.map(withoutSource)).toEqual([
      {
        id: '612001', title: 'Type-safe SQL in TypeScript', abstract: 'Queries that fail at compile time, not at 3 a.m.',
        speakers: ['Priya Raman'], track: 'Backend', categories: ['Intermediate', 'Backend'], room: 'Hall A',
        start: '2024-05-16T10:00:00', end: '2024-05-16T10:45:00',
      },
      {
        id: '612003', title: 'Accessible charts', abstract: 'Screen readers meet SVG: patterns that work.',
        speakers: ['Tomás Ibarra', 'Priya Raman'], track: 'Frontend', categories: ['Frontend'], room: 'Hall B',
      },
    ])
  })

  it('parseTalks(Sessionize) leaves out service sessions and lists them in a warning', () => {
    expect(parseTalks(fixture('io/sessionize-all.json')).warnings).toEqual([
      { code: 'service-session', message: 'left out 1 service session (breaks, not talks): 612002', talkIds: ['612002'] },
    ])
  })

  it('parseTalks(Sessionize "Sessions" list) reads grouped sessions with inline names', () => {
    const { talks, format } = parseTalks(fixture('io/sessionize-sessions.json'))
    expect(format).toBe('sessionize')
    expect(withoutSource(talks[0]!)).toEqual(withoutSource(parseTalks(fixture('io/sessionize-all.json')).talks[0]!))
  })
})
