/**
 * The library refuses what the command line refuses: options beyond the CLI's bounds, holes
 * in the talk array; and it says plainly when there is nothing to group.
 */
import { describe, expect, it } from 'vitest'
import { buildAtlas } from '../../src/atlas/buildAtlas.js'
import { InputError, OptionError } from '../../src/errors.js'
import { groupSessions } from '../../src/sessions/groupSessions.js'
import { fitTfidf } from '../../src/vectorize/tfidf.js'
import type { Talk } from '../../src/types.js'

const talks: Talk[] = [
  { id: 'a', title: 'XDP packet filters', abstract: 'Fast packet filtering with XDP and eBPF programs in the kernel.' },
  { id: 'b', title: 'eBPF verifier', abstract: 'How the eBPF verifier checks programs before the kernel runs them.' },
  { id: 'c', title: 'Rust in the kernel', abstract: 'Writing kernel drivers in Rust: safety, abstractions and build.' },
  { id: 'd', title: 'Rust drivers', abstract: 'A network driver written in Rust for the Linux kernel.' },
]

/**
 * The OptionError thrown by `call`.
 * @param call Call expected to throw.
 */
function optionErrorOf(call: () => unknown): OptionError {
  try {
    call()
  } catch (error) {
    if (error instanceof OptionError) return error
    throw error
  }
  throw new Error('no error thrown')
}

describe('library options have the command line bounds', () => {
  it('fitTfidf(talks, { titleWeight: 1e39 }) throws an OptionError naming titleWeight instead of a NaN matrix', () => {
    const error = optionErrorOf(() => fitTfidf(talks, { titleWeight: 1e39 }))
    expect(error.option).toBe('titleWeight')
    expect(error.message).toBe('fitTfidf: titleWeight=1e+39 is invalid, expected a number in [0, 1000]')
  })

  it('fitTfidf(talks, { titleWeight: 1000 }), the largest allowed, gives finite weights', () => {
    const { matrix } = fitTfidf(talks, { titleWeight: 1000 })
    expect(matrix.data.every((value) => Number.isFinite(value))).toBe(true)
  })

  it('buildAtlas throws OptionErrors for restarts: 1e6, keywords: 51 and k: 1e6', () => {
    expect(optionErrorOf(() => buildAtlas(talks, { restarts: 1e6 })).message).toBe('buildAtlas: restarts=1000000 is invalid, expected an integer in [1, 100]')
    expect(optionErrorOf(() => buildAtlas(talks, { keywords: 51 })).option).toBe('keywords')
    expect(optionErrorOf(() => buildAtlas(talks, { k: 1e6 })).option).toBe('k')
    expect(optionErrorOf(() => buildAtlas(talks, { titleWeight: Infinity })).option).toBe('titleWeight')
  })

  it('groupSessions(atlas, { parallel: 1e9 }) throws an OptionError naming parallel', () => {
    const atlas = buildAtlas(talks, { k: 2, restarts: 2 })
    const error = optionErrorOf(() => groupSessions(atlas, { size: 2, parallel: 1e9 }))
    expect(error.option).toBe('parallel')
    expect(error.message).toBe('groupSessions: parallel=1000000000 is invalid, expected an integer in [1, 100000]')
    expect(groupSessions(atlas, { size: 2, parallel: 100_000 }).sessions.length).toBe(2)
  })
})

describe('buildAtlas on odd talk arrays', () => {
  it('buildAtlas(sparse array) throws an InputError naming the hole', () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = [talks[0]!, , talks[1]!] as Talk[]
    expect(() => buildAtlas(sparse)).toThrow(InputError)
    expect(() => buildAtlas(sparse)).toThrow('talks[1]: is a hole (sparse array), expected a talk object')
    expect(() => buildAtlas([talks[0]!, null as unknown as Talk])).toThrow('talks[1]: is null, expected a talk object')
  })

  it('buildAtlas([]) warns that there are no talks, not that k exceeds 0 distinct talks', () => {
    const atlas = buildAtlas([])
    expect(atlas.themes).toEqual([])
    expect(atlas.warnings).toEqual([{ code: 'no-talks', message: 'buildAtlas: no talks given; the atlas has no themes' }])
  })
})
