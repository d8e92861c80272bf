import { describe, expect, it } from 'vitest'
import { verbLikeWords } from './verbUsage.js'

describe('verbLikeWords(texts, candidates)', () => {
  it('finds words used after a subject or modal, as an infinitive, after an adverb or before an object', () => {
    const texts = [
      'We implement a new scheduler. Filters mostly implement static rules.',
      'The system exhibits this behaviour under load; devices can run firmware code.',
      'We want to run tests on each patch.',
    ]
    expect([...verbLikeWords(texts, new Set(['implement', 'exhibits', 'run', 'scheduler', 'firmware']))].sort()).toEqual(['exhibits', 'implement', 'run'])
  })

  it('keeps words used as nouns: after a determiner, before a clause break, or plural after "to"', () => {
    const texts = [
      'The backup of the database. A backup is taken nightly. Our backup, the old one, failed.',
      'Access to devices is checked. In some cases. The cases we saw were rare.',
    ]
    expect([...verbLikeWords(texts, new Set(['backup', 'devices', 'cases']))]).toEqual([])
  })

  it('needs a majority: one verb use among three noun uses is not enough', () => {
    const texts = ['The run took long. A run of tests. Each run is logged. We run the suite.']
    expect(verbLikeWords(texts, new Set(['run'])).size).toBe(0)
  })
})
