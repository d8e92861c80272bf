import { describe, expect, it } from 'vitest'
import { generateCorpus } from '../eval/synthetic.js'
import { shareReading, unpackTexts } from './termParts.js'

describe('shareReading', () => {
  const talks = generateCorpus({ talks: 90, seed: 4 }).map(({ title, abstract }) => ({ title, abstract }))

  it.each([2, 3, 5, 16])('sends each worker-readable talk to one worker only, at %i threads', (threads) => {
    const parts = Math.min(threads * 4, talks.length)
    const shares = shareReading(talks, {}, parts, threads)
    expect(shares).toHaveLength(threads - 1)
    // The workers' ranges follow one another from the first part after this thread's own to the last.
    const first = shares[0]!.first
    expect(first).toBe(Math.max(1, Math.floor(parts / threads)))
    shares.forEach((share, w) => expect(share.first).toBe(w === 0 ? first : shares[w - 1]!.end))
    expect(shares.at(-1)!.end).toBe(parts)
    // Their texts, together, are those talks once: no text crosses to two workers.
    expect(shares.flatMap((share) => unpackTexts(share.job))).toEqual(talks.slice(shares[0]!.starts[first]))
    // One set of claims for all.
    for (const share of shares) expect(share.claims).toBe(shares[0]!.claims)
  })
})
