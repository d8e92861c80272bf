/**
 * Session invariants over generated corpora (fast-check, fixed seed), the session half of
 * test/invariants.property.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../src/atlas/buildAtlas.js'
import { groupSessions } from '../src/sessions/groupSessions.js'
import { corpusArbitrary } from './corpus.js'

const SETTINGS = { seed: 20250202, numRuns: 25 }
const corpus = corpusArbitrary(0, 30)
const size = fc.integer({ min: 1, max: 6 })

describe('groupSessions(atlas, options) on generated corpora', () => {
  it('puts every input talk in exactly one session, no session above size', () => {
    fc.assert(
      fc.property(corpus, size, fc.integer({ min: 1, max: 3 }), (talks, size, parallel) => {
        const { sessions } = groupSessions(buildAtlas(talks, { k: 3 }), { size, parallel })
        const ids = sessions.flatMap((s) => s.talks)
        expect(ids.length).toBe(talks.length)
        expect(new Set(ids)).toEqual(new Set(talks.map((t) => t.id)))
        expect(sessions.length).toBe(Math.ceil(talks.length / size))
        for (const session of sessions) {
          expect(session.talks.length).toBeGreaterThan(0)
          expect(session.talks.length).toBeLessThanOrEqual(size)
          expect(Number.isFinite(session.similarity) && Math.abs(session.similarity) <= 1).toBe(true)
        }
      }),
      SETTINGS,
    )
  })

  it('gives byte-identical sessions for the same input', () => {
    fc.assert(
      fc.property(corpus, size, (talks, size) => {
        const first = JSON.stringify(groupSessions(buildAtlas(talks, { k: 3 }), { size }))
        expect(JSON.stringify(groupSessions(buildAtlas(talks, { k: 3 }), { size }))).toBe(first)
      }),
      SETTINGS,
    )
  })

  // Not yet true: groupSessions follows atlas.talks positions, so a permuted input can give
  // other sessions, even for three empty talks at size 2 (t0/t1 + t2 becomes t0/t2 + t1).
  // The fix is the one buildAtlas uses: partition in canonical order (see canonicalOrder.ts).
  it.todo('gives the same sessions whatever the input order')
})
