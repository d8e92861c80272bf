import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { corpusArbitrary } from '../../test/corpus.js'
import { groupOfTalk } from '../../test/helpers/groups.js'
import type { Atlas } from '../atlas/types.js'
import { groupSessions, type SessionsResult } from './groupSessions.js'
import { scheduleTracks } from './trackSchedule.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
  talks: (Talk & { theme: string })[]
}
const talks: Talk[] = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
const atlas = buildAtlas(talks, { k: 12 })

/** Every talk once; every session within its group; the tracks cover every session's room and slot. */
function expectGroupedPlan(built: Atlas, plan: SessionsResult, size: number): void {
  const placed = plan.sessions.flatMap((s) => s.talks)
  expect(placed.length).toBe(built.talks.length)
  expect(new Set(placed).size).toBe(built.talks.length)
  const groupOf = groupOfTalk(built)
  for (const session of plan.sessions) {
    expect(session.talks.length).toBeLessThanOrEqual(size)
    for (const id of session.talks) expect(groupOf.get(id)).toBe(session.group)
    const track = plan.tracks!.find((t) => t.room === session.room && t.firstSlot <= session.slot && session.slot <= t.lastSlot)
    expect(track?.group).toBe(session.group)
  }
  const perGroup = new Map<string, number>()
  for (const s of plan.sessions) if (s.talks.length < size) perGroup.set(s.group!, (perGroup.get(s.group!) ?? 0) + 1)
  for (const count of perGroup.values()) expect(count).toBe(1)
}

describe('groupSessions(atlas, { byGroup: true })', () => {
  it('keeps each session within one group and runs each group in one room on consecutive slots', () => {
    const plan = groupSessions(atlas, { size: 4, byGroup: true })
    expectGroupedPlan(atlas, plan, 4)
    // One room: every group is one run of consecutive slots.
    expect(plan.tracks!.map((t) => t.group).sort()).toEqual(atlas.groups.map((g) => g.id).sort())
    const slots = plan.tracks!.flatMap((t) => [t.firstSlot, t.lastSlot])
    expect(slots).toEqual([...slots].sort((a, b) => a - b))
    expect(plan.warnings.filter((w) => w.code === 'short-sessions')).toEqual([])
  })

  it('with rooms to spare keeps every group whole in its own room', () => {
    const plan = groupSessions(atlas, { size: 4, parallel: 2, byGroup: true })
    expectGroupedPlan(atlas, plan, 4)
    const rooms = new Map<string, Set<number>>()
    for (const t of plan.tracks!) rooms.set(t.group, (rooms.get(t.group) ?? new Set()).add(t.room))
    // At most parallel − 1 groups continue in a second room.
    expect([...rooms.values()].filter((r) => r.size > 1).length).toBeLessThanOrEqual(1)
  })

  it('is the same for shuffled input', () => {
    const plan = groupSessions(atlas, { size: 3, parallel: 3, byGroup: true })
    const again = groupSessions(buildAtlas([...talks].reverse(), { k: 12 }), { size: 3, parallel: 3, byGroup: true })
    expect(again).toEqual(plan)
  })

  it('rejects a byGroup that is not a boolean', () => {
    expect(() => groupSessions(atlas, { byGroup: 'yes' as unknown as boolean })).toThrow(OptionError)
  })

  it('puts every generated talk in one session of its group', () => {
    fc.assert(
      fc.property(corpusArbitrary(1, 30), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), (generated, size, parallel) => {
        const built = buildAtlas(generated, { restarts: 4 })
        expectGroupedPlan(built, groupSessions(built, { size, parallel, byGroup: true }), size)
      }),
      { seed: 20250218, numRuns: 20 },
    )
  })
})

describe('scheduleTracks(sessionGroup, topic, parallel)', () => {
  it('keeps groups whole when that takes no more slots than the sessions need', () => {
    // Groups of 3, 2 and 1 sessions in 2 rooms: 3 slots, largest group first.
    const plan = scheduleTracks(Int32Array.from([0, 0, 0, 1, 1, 2]), new Int32Array(6), 2)
    expect(Array.from(plan.room)).toEqual([0, 0, 0, 1, 1, 1])
    expect(Array.from(plan.slot)).toEqual([0, 1, 2, 0, 1, 2])
    expect(plan.runs).toEqual([
      { group: 0, room: 0, firstSlot: 0, lastSlot: 2 },
      { group: 1, room: 1, firstSlot: 0, lastSlot: 1 },
      { group: 2, room: 1, firstSlot: 2, lastSlot: 2 },
    ])
  })

  it('wraps groups over the rooms when keeping them whole would lengthen the day', () => {
    // Two groups of 3 in 3 rooms: 2 slots; the first continues in room 2 before the second starts.
    const plan = scheduleTracks(Int32Array.from([0, 0, 0, 1, 1, 1]), new Int32Array(6), 3)
    expect(plan.nSlots).toBe(2)
    expect(plan.runs).toEqual([
      { group: 0, room: 0, firstSlot: 0, lastSlot: 1 },
      { group: 0, room: 1, firstSlot: 0, lastSlot: 0 },
      { group: 1, room: 1, firstSlot: 1, lastSlot: 1 },
      { group: 1, room: 2, firstSlot: 0, lastSlot: 1 },
    ])
  })

  it('orders a group’s sessions by topic', () => {
    const plan = scheduleTracks(Int32Array.from([0, 0, 0]), Int32Array.from([5, 1, 3]), 1)
    expect(Array.from(plan.slot)).toEqual([2, 0, 1])
  })
})
