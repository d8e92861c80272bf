import { describe, expect, it } from 'vitest'
import { stem } from './stem.js'
import { buildStopwords, DEFAULT_STOPWORDS } from './stopwords.js'

describe('stem(word)', () => {
  it('reduces inflections to one Porter stem', () => {
    expect(stem('scheduling')).toBe('schedul')
    expect(stem('scheduler')).toBe('schedul')
    expect(stem('profilers')).toBe('profil')
  })

  it('leaves identifiers, versions, short words and non-ASCII words alone', () => {
    expect(stem('net_cls')).toBe('net_cls')
    expect(stem('v5.6')).toBe('v5.6')
    expect(stem('tcx')).toBe('tcx')
    expect(stem('café')).toBe('café')
  })
})

describe('DEFAULT_STOPWORDS', () => {
  it('holds English function words and conference boilerplate, not topics', () => {
    for (const word of ['the', 'we', 'will', 'talk', 'presentation', 'session', 'discuss']) expect(DEFAULT_STOPWORDS.has(word)).toBe(true)
    for (const word of ['go', 'learning', 'key', 'state', 'time', 'xdp', 'kernel']) expect(DEFAULT_STOPWORDS.has(word)).toBe(false)
  })
})

describe('buildStopwords(extra, keep)', () => {
  it('adds and removes words case-insensitively without touching the defaults', () => {
    const set = buildStopwords(['Kernel'], ['Talk'])
    expect(set.has('kernel')).toBe(true)
    expect(set.has('talk')).toBe(false)
    expect(DEFAULT_STOPWORDS.has('talk')).toBe(true)
  })
})
