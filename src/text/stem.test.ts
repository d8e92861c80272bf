import { describe, expect, it } from 'vitest'
import { stem, stemIn } from './stem.js'
import { buildStopwords, DEFAULT_STOPWORDS } from './stopwords.js'
import { allLanguages } from './languagePacks.js'
import { registerLanguages } from './languageRegistry.js'

registerLanguages(...allLanguages)

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

describe('stemIn(word, language)', () => {
  it('uses Porter for English and Snowball for the other languages', () => {
    expect(stemIn('scheduling', 'en')).toBe('schedul')
    expect(['netzwerke', 'netzwerken', 'netzwerk'].map((word) => stemIn(word, 'de'))).toEqual(['netzwerk', 'netzwerk', 'netzwerk'])
    expect(stemIn('überwachung', 'de')).toBe('uberwach')
    expect(stemIn('sécurité', 'fr')).toBe('sécur')
    expect(stemIn('programación', 'es')).toBe('program')
  })

  it('leaves short words and identifiers alone in every language', () => {
    expect(stemIn('net_cls', 'de')).toBe('net_cls')
    expect(stemIn('v5.6', 'fr')).toBe('v5.6')
    expect(stemIn('bus', 'de')).toBe('bus')
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
