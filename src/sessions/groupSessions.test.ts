import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { InputError, OptionError } from '../errors.js'
import { pairPurity } from '../eval/pairPurity.js'
import { similarityToAll } from '../similarity/cosine.js'
import { rankingIndex } from '../similarity/rankingIndex.js'
import type { Talk } from '../types.js'
import { groupSessions, type SessionsResult } from './groupSessions.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
  talks: (Talk & { theme: string })[]
}
const talks: Talk[] = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
const themeOf = new Map(fixture.talks.map((t) => [t.id, t.theme]))
const atlas = buildAtlas(talks, { k: 12 })
const ids = talks.map((t) => t.id)

/** The message of the error `call` throws. */
function messageOf(call: () => unknown): string {
  try {
    call()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('no error thrown')
}

function sizesOf(result: SessionsResult): number[] {
  return result.sessions.map((s) => s.talks.length)
}

function sessionOf(result: SessionsResult): Map<string, string> {
  const out = new Map<string, string>()
  for (const session of result.sessions) for (const id of session.talks) out.set(id, session.id)
  return out
}

function expectEveryTalkOnce(result: SessionsResult): void {
  const placed = result.sessions.flatMap((s) => s.talks)
  expect(placed.length).toBe(ids.length)
  expect(new Set(placed)).toEqual(new Set(ids))
}

describe('groupSessions(atlas, { size })', () => {
  const result = groupSessions(atlas, { size: 4 })

  it('puts each of 72 talks in exactly one of 18 sessions of 4', () => {
    expectEveryTalkOnce(result)
    expect(sizesOf(result)).toEqual(new Array(18).fill(4))
    expect(result.remainder).toBeNull()
    expect(result.warnings).toEqual([])
  })

  it('groups talks of the same theme: pair purity at least 0.5 (random sessions: about 0.07)', () => {
    const index = new Map(ids.map((id, i) => [id, i]))
    const groups = result.sessions.map((s) => s.talks.map((id) => index.get(id)!))
    const labels = ids.map((id) => themeOf.get(id)!)
    expect(pairPurity(groups, labels)).toBeGreaterThanOrEqual(0.5)
  })

  it('numbers sessions in schedule order, one per slot without parallel rooms', () => {
    expect(result.sessions.map((s) => s.id)).toEqual(result.sessions.map((_, i) => `session-${i + 1}`))
    expect(result.sessions.map((s) => s.slot)).toEqual(result.sessions.map((_, i) => i + 1))
    for (const session of result.sessions) expect(session.room).toBe(1)
    expect(result.objective.meanParallelSimilarity).toBeNull()
    expect(result.objective.speakerClashes).toBe(0)
  })

  it('reports each session similarity and their mean as the objective', () => {
    for (const session of result.sessions) {
      expect(session.similarity).toBeGreaterThan(0)
      expect(session.similarity).toBeLessThanOrEqual(1)
    }
    const mean = result.sessions.reduce((sum, s) => sum + s.similarity, 0) / result.sessions.length
    expect(result.objective.meanWithinSimilarity).toBeCloseTo(mean, 5)
  })

  it('measures a session by the mean pair score of the themes\' ranking index (co-association included; related talks rank at a coarser scale)', () => {
    const index = rankingIndex(atlas)
    const { matrix, embedding } = index
    const d = embedding.dimensions
    for (const session of result.sessions.slice(0, 6)) {
      let total = 0
      let pairs = 0
      for (const a of session.talks) {
        const row = ids.indexOf(a)
        const all = similarityToAll(index, index.inverted, {
          terms: matrix.indices.subarray(matrix.indptr[row], matrix.indptr[row + 1]),
          weights: matrix.data.subarray(matrix.indptr[row], matrix.indptr[row + 1]),
          embedding: embedding.vectors.subarray(row * d, (row + 1) * d),
          row,
        })
        const scores = new Map(ids.map((id, j) => [id, all[j]!]))
        for (const b of session.talks) {
          if (b === a) continue
          total += scores.get(b)!
          pairs++
        }
      }
      expect(session.similarity).toBeCloseTo(total / pairs, 5)
    }
  })

  it('labels sessions with up to three shared terms', () => {
    for (const session of result.sessions) {
      expect(session.label.split(' · ').length).toBeLessThanOrEqual(3)
    }
    const named = result.sessions.filter((s) => s.label !== 'Miscellaneous')
    expect(named.length).toBeGreaterThanOrEqual(16)
  })

  it('puts the 2 left over talks of sessions of 5 in one remainder session', () => {
    const five = groupSessions(atlas, { size: 5 })
    expectEveryTalkOnce(five)
    expect(sizesOf(five).sort((a, b) => b - a)).toEqual([...new Array(14).fill(5), 2])
    const short = five.sessions.find((s) => s.talks.length === 2)!
    expect(five.remainder).toEqual({ sessionId: short.id, size: 2 })
  })

  it('makes one session of every talk with size 1 and one short session when size exceeds the talk count', () => {
    expect(sizesOf(groupSessions(atlas, { size: 1 }))).toEqual(new Array(72).fill(1))
    const big = groupSessions(atlas, { size: 100 })
    expect(sizesOf(big)).toEqual([72])
    expect(big.remainder).toEqual({ sessionId: 'session-1', size: 72 })
  })

  it('gives byte-identical results on the same atlas', () => {
    const again = groupSessions(buildAtlas(talks, { k: 12 }), { size: 4, parallel: 3 })
    expect(JSON.stringify(again)).toBe(JSON.stringify(groupSessions(atlas, { size: 4, parallel: 3 })))
  })
})

describe('groupSessions(atlas, { parallel })', () => {
  const result = groupSessions(atlas, { size: 4, parallel: 3 })

  it('places 18 sessions in 6 slots of 3 rooms', () => {
    const slots = new Map<number, number[]>()
    for (const session of result.sessions) slots.set(session.slot, [...(slots.get(session.slot) ?? []), session.room])
    expect([...slots.keys()]).toEqual([1, 2, 3, 4, 5, 6])
    for (const rooms of slots.values()) expect(rooms).toEqual([1, 2, 3])
  })

  it('never puts a speaker in two rooms at the same time', () => {
    const speakersOf = new Map(talks.map((t) => [t.id, t.speakers ?? []]))
    for (let slot = 1; slot <= 6; slot++) {
      const seen = new Map<string, string>()
      for (const session of result.sessions.filter((s) => s.slot === slot)) {
        for (const name of new Set(session.talks.flatMap((id) => speakersOf.get(id)!))) {
          expect(seen.get(name), `${name} in slot ${slot}`).toBeUndefined()
          seen.set(name, session.id)
        }
      }
    }
    expect(result.objective.speakerClashes).toBe(0)
  })

  it('runs unlike sessions at the same time: parallel similarity below the within-session mean', () => {
    expect(result.objective.meanParallelSimilarity).not.toBeNull()
    expect(result.objective.meanParallelSimilarity!).toBeLessThan(result.objective.meanWithinSimilarity / 2)
  })

  it('reports a clash it cannot avoid as a warning and in the objective', () => {
    const solo: Talk[] = ['XDP redirect maps', 'XDP hints metadata', 'XDP multi-buffer frames', 'XDP in drivers'].map((title, i) => ({
      id: `t${i}`, title, abstract: `${title} for packet processing`, speakers: ['Ada Example'],
    }))
    const plan = groupSessions(buildAtlas(solo, { k: 1 }), { size: 1, parallel: 4 })
    expect(plan.sessions.map((s) => s.slot)).toEqual([1, 1, 1, 1])
    expect(plan.objective.speakerClashes).toBe(3)
    expect(plan.warnings.map((w) => w.code)).toEqual(['speaker-clash'])
    expect(plan.warnings[0]!.message).toContain('"Ada Example" is in 4 sessions of slot 1')
    // Talk ids follow the canonical order (by title), not the input order.
    expect(plan.warnings[0]!.talkIds).toEqual(['t1', 't3', 't2', 't0'])
  })
})

describe('groupSessions(atlas, { constraints })', () => {
  it('keeps must-together talks in one session and must-apart talks in different ones', () => {
    const together = [[ids[0]!, ids[40]!, ids[70]!], [ids[5]!, ids[6]!]]
    const apart = [[ids[1]!, ids[2]!, ids[3]!]]
    const result = groupSessions(atlas, { size: 4, constraints: { together, apart } })
    const of = sessionOf(result)
    expectEveryTalkOnce(result)
    expect(of.get(ids[40]!)).toBe(of.get(ids[0]!))
    expect(of.get(ids[70]!)).toBe(of.get(ids[0]!))
    expect(of.get(ids[6]!)).toBe(of.get(ids[5]!))
    expect(new Set(apart[0]!.map((id) => of.get(id))).size).toBe(3)
    expect(sizesOf(result)).toEqual(new Array(18).fill(4))
  })

  it('throws InputError naming the place of an unknown talk id', () => {
    expect(() => groupSessions(atlas, { constraints: { together: [[ids[0]!, 'no-such-talk']] } })).toThrow(InputError)
    expect(() => groupSessions(atlas, { constraints: { together: [[ids[0]!, 'no-such-talk']] } })).toThrow(
      'constraints.together[0][1]: no talk with id "no-such-talk"',
    )
  })

  it('throws OptionError on a together group larger than size', () => {
    expect(() => groupSessions(atlas, { size: 2, constraints: { together: [ids.slice(0, 3)] } })).toThrow(OptionError)
    expect(() => groupSessions(atlas, { size: 2, constraints: { together: [ids.slice(0, 2), ids.slice(1, 3)] } })).toThrow(
      'joins 3 talks in one session, more than size=2',
    )
  })

  it('throws OptionError on talks that must be both together and apart', () => {
    const run = () => groupSessions(atlas, { constraints: { together: [[ids[0]!, ids[1]!]], apart: [[ids[1]!, ids[0]!]] } })
    expect(run).toThrow(OptionError)
    expect(run).toThrow('asks for two talks to be both together and apart')
  })

  it('throws OptionError on an apart group larger than the number of sessions', () => {
    expect(() => groupSessions(atlas, { size: 36, constraints: { apart: [ids.slice(0, 3)] } })).toThrow(
      'needs 3 separate sessions, only 2 exist',
    )
  })
})

describe('resolveSessionOptions via groupSessions(atlas, options)', () => {
  it('throws OptionError naming itself and the option for a size, parallel or passes out of range', () => {
    expect(messageOf(() => groupSessions(atlas, { size: 0 }))).toBe('groupSessions: size=0 is invalid, expected an integer in [1, 1000]')
    expect(() => groupSessions(atlas, { size: 2.5 })).toThrow(OptionError)
    expect(messageOf(() => groupSessions(atlas, { parallel: 0 }))).toBe('groupSessions: parallel=0 is invalid, expected an integer in [1, 100000]')
    expect(messageOf(() => groupSessions(atlas, { passes: -1 }))).toBe('groupSessions: passes=-1 is invalid, expected an integer ≥ 0')
    expect(messageOf(() => groupSessions(atlas, { labelTerms: 11 }))).toBe('groupSessions: labelTerms=11 is invalid, expected an integer in [1, 10]')
    expect(messageOf(() => groupSessions(atlas, { constraints: [] as never }))).toBe('groupSessions: constraints=[object Array] is invalid, expected an object { together?, apart? }')
  })

  it('names itself in the OptionErrors of constraints that cannot hold', () => {
    expect(messageOf(() => groupSessions(atlas, { size: 2, constraints: { together: [ids.slice(0, 3)] } }))).toMatch(/^groupSessions: constraints\.together=".*" joins 3 talks in one session, more than size=2$/)
    expect(messageOf(() => groupSessions(atlas, { constraints: { together: [[ids[0]!, ids[1]!]], apart: [[ids[1]!, ids[0]!]] } }))).toMatch(/^groupSessions: constraints=".*" asks for two talks to be both together and apart$/)
    expect(messageOf(() => groupSessions(atlas, { size: 36, constraints: { apart: [ids.slice(0, 3)] } }))).toMatch(/^groupSessions: constraints\.apart=".*" needs 3 separate sessions, only 2 exist$/)
  })

  it('returns no sessions for an empty atlas', () => {
    const empty = groupSessions({ ...atlas, talks: [] }, { size: 4 })
    expect(empty.sessions).toEqual([])
    expect(empty.remainder).toBeNull()
  })
})

describe('groupSessions invariants (fast-check)', () => {
  it('places every talk once, keeps all but one session at size, and honours the constraints', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 71 }), { minLength: 0, maxLength: 12 }),
        (size, parallel, picked) => {
          // Pairs of picked talks must share a session (when size allows), the rest stay apart.
          const together = size >= 2 ? [picked.slice(0, 2), picked.slice(2, 4)].filter((g) => g.length === 2) : []
          const apartIds = picked.slice(4, 4 + Math.min(Math.ceil(72 / size), 4))
          const constraints = {
            together: together.map((g) => g.map((i) => ids[i]!)),
            apart: apartIds.length > 1 ? [apartIds.map((i) => ids[i]!)] : [],
          }
          const result = groupSessions(atlas, { size, parallel, constraints, passes: 3 })
          expectEveryTalkOnce(result)
          const sizes = sizesOf(result)
          if (!result.warnings.some((w) => w.code === 'short-sessions')) {
            expect(sizes.filter((s) => s !== size).length).toBeLessThanOrEqual(1)
            expect(sizes.reduce((a, b) => a + b, 0) % size).toBe(sizes.find((s) => s !== size) ?? 0)
          }
          const of = sessionOf(result)
          for (const group of constraints.together) expect(of.get(group[1]!)).toBe(of.get(group[0]!))
          for (const group of constraints.apart) expect(new Set(group.map((id) => of.get(id))).size).toBe(group.length)
          for (const session of result.sessions) expect(session.room).toBeLessThanOrEqual(parallel)
        },
      ),
      { numRuns: 40, seed: 7 },
    )
  })
})
