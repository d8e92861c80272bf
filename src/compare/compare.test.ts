import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError, OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { changeKind, compare } from './compare.js'

const read = (name: string): Talk[] => (JSON.parse(readFileSync(new URL(`../../fixtures/compare/${name}.json`, import.meta.url), 'utf8')) as { talks: (Talk & { theme: string })[] }).talks.map(({ theme: _truth, ...talk }) => talk)
const before = read('before')
const after = read('after')

/** The fixture topic of a talk, read only by the test. */
const truth = (name: string): Map<string, string> => new Map((JSON.parse(readFileSync(new URL(`../../fixtures/compare/${name}.json`, import.meta.url), 'utf8')) as { talks: { id: string; theme: string }[] }).talks.map((t) => [t.id, t.theme]))

describe('compare', () => {
  const result = compare(before, after, { k: 4 })

  it('puts every talk of each edition in exactly one theme, and the counts add up', () => {
    const beforeIds = result.themes.flatMap((theme) => theme.beforeTalks.talks)
    const afterIds = result.themes.flatMap((theme) => theme.afterTalks.talks)
    expect([...beforeIds].sort()).toEqual(before.map((t) => t.id).sort())
    expect([...afterIds].sort()).toEqual(after.map((t) => t.id).sort())
    expect(result.themes.reduce((sum, theme) => sum + theme.before, 0)).toBe(before.length)
    expect(result.themes.reduce((sum, theme) => sum + theme.after, 0)).toBe(after.length)
    expect(result.editions).toEqual({ before: before.length, after: after.length })
    for (const theme of result.themes) {
      expect(theme.change).toBe(theme.after - theme.before)
      expect(theme.before).toBe(theme.beforeTalks.talks.length)
      expect(theme.beforeTalks.examples.length).toBe(Math.min(3, theme.before))
    }
  })

  it('finds the topic that grew at the top and the one that faded as faded (ids collide across editions)', () => {
    const beforeTopic = truth('before')
    const afterTopic = truth('after')
    const top = result.themes[0]!
    expect(top.afterTalks.talks.every((id) => afterTopic.get(id) === 'rust')).toBe(true)
    expect(top.change).toBeGreaterThanOrEqual(5)
    expect(['new', 'grew']).toContain(top.kind)
    const faded = result.themes.filter((theme) => theme.kind === 'faded')
    expect(faded).toHaveLength(1)
    expect(faded[0]!.after).toBe(0)
    expect(faded[0]!.beforeTalks.talks.every((id) => beforeTopic.get(id) === 'fax')).toBe(true)
    expect(result.themes.at(-1)).toBe(faded[0])
    expect(result.themes.map((theme) => theme.change)).toEqual(result.themes.map((theme) => theme.change).sort((a, b) => b - a))
  })

  it('is deterministic and does not depend on the order of the talks', () => {
    expect(compare(before, after, { k: 4 })).toEqual(result)
    expect(JSON.stringify(compare([...before].reverse(), [...after].reverse(), { k: 4 }).themes.map((t) => [t.label, t.before, t.after]))).toBe(JSON.stringify(result.themes.map((t) => [t.label, t.before, t.after])))
  })

  it('counts add up for any split of talks into two editions', () => {
    const pool = [...before, ...after.map((talk) => ({ ...talk, id: `a${talk.id}` }))]
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: pool.length, maxLength: pool.length }), (sides) => {
        const first = pool.filter((_, i) => sides[i])
        const second = pool.filter((_, i) => !sides[i])
        fc.pre(first.length > 0 && second.length > 0)
        const { themes } = compare(first, second, { k: 3, restarts: 3 })
        expect(themes.reduce((sum, theme) => sum + theme.before, 0)).toBe(first.length)
        expect(themes.reduce((sum, theme) => sum + theme.after, 0)).toBe(second.length)
      }),
      { numRuns: 8, seed: 7 },
    )
  })

  it('rejects an empty edition, a malformed talk and bad options, naming them', () => {
    expect(() => compare([], after)).toThrow(InputError)
    expect(() => compare([], after)).toThrow(/before edition has no talks/)
    expect(() => compare(before, [])).toThrow(/after edition has no talks/)
    expect(() => compare(before, [...after, after[0]!])).toThrow(/after edition: .*duplicate talk id "t1"/)
    expect(() => compare(before, after, { examples: -1 })).toThrow(OptionError)
    expect(() => compare(before, after, { nearlyAbsent: 1 })).toThrow(/nearlyAbsent/)
    expect(() => compare(before, after, { k: 0 })).toThrow(OptionError)
  })
})

describe('changeKind', () => {
  const options = { nearlyAbsent: 0.1, minTalks: 3 }
  it('calls a theme new when it is absent or nearly so before, in shares of each edition', () => {
    expect(changeKind({ before: 0, after: 3 }, { before: 100, after: 100 }, options)).toBe('new')
    expect(changeKind({ before: 1, after: 5 }, { before: 100, after: 100 }, options)).toBe('new')
    expect(changeKind({ before: 2, after: 30 }, { before: 100, after: 100 }, options)).toBe('new')
    expect(changeKind({ before: 4, after: 30 }, { before: 100, after: 100 }, options)).toBe('grew')
    // A tenth of the share, not of the count: 2 of 100 before vs 40 of 1,000 after is half the share.
    expect(changeKind({ before: 2, after: 40 }, { before: 100, after: 1000 }, options)).toBe('grew')
    expect(changeKind({ before: 0, after: 2 }, { before: 100, after: 100 }, options)).toBe('grew')
  })
  it('calls a theme faded in the mirror case, else grew, shrank or steady', () => {
    expect(changeKind({ before: 6, after: 0 }, { before: 100, after: 100 }, options)).toBe('faded')
    expect(changeKind({ before: 6, after: 5 }, { before: 100, after: 100 }, options)).toBe('shrank')
    expect(changeKind({ before: 5, after: 5 }, { before: 100, after: 100 }, options)).toBe('steady')
  })
})
