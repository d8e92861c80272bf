import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closeSync, ftruncateSync, mkdtempSync, openSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EARLY_POOL_MIN_BYTES, hasEarlyPool, kmeansThreads, readingThreads, readWithEarlyPool, PARALLEL_KMEANS_MIN_TALKS, PARALLEL_MIN_TALKS } from './threadedAtlas.js'
import { packTexts, partBounds, unpackTexts } from './termParts.js'

describe('parallel reading helpers', () => {
  it('partBounds cuts 0..n into consecutive, nearly equal, non-empty parts', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 16 }), (n, wanted) => {
      const parts = Math.min(n, wanted)
      const bounds = partBounds(n, parts)
      expect(bounds).toHaveLength(parts)
      expect(bounds[0]![0]).toBe(0)
      expect(bounds[parts - 1]![1]).toBe(n)
      bounds.forEach(([from, to], i) => {
        expect(to - from).toBeGreaterThanOrEqual(Math.floor(n / parts))
        expect(to - from).toBeLessThanOrEqual(Math.ceil(n / parts))
        if (i > 0) expect(from).toBe(bounds[i - 1]![1])
      })
    }))
  })

  it('packTexts and unpackTexts round-trip any titles and abstracts', () => {
    const talk = fc.record({ title: fc.string({ unit: 'binary' }), abstract: fc.string({ unit: 'binary' }) })
    fc.assert(fc.property(fc.array(talk, { maxLength: 20 }), (talks) => {
      expect(unpackTexts(packTexts(talks, {}))).toEqual(talks)
    }))
  })

  it("readingThreads: 'auto' reads on one thread below 20,000 talks; a number is kept", () => {
    expect(readingThreads('auto', PARALLEL_MIN_TALKS - 1)).toBe(1)
    expect(readingThreads('auto', PARALLEL_MIN_TALKS)).toBeGreaterThanOrEqual(1)
    expect(readingThreads('auto', PARALLEL_MIN_TALKS)).toBeLessThanOrEqual(2)
    expect(readingThreads(3, 10)).toBe(3)
  })

  it("kmeansThreads: 'auto' runs k-means on one thread below 500 talks; a number is kept", () => {
    expect(kmeansThreads('auto', PARALLEL_KMEANS_MIN_TALKS - 1)).toBe(1)
    expect(kmeansThreads('auto', PARALLEL_KMEANS_MIN_TALKS)).toBeGreaterThanOrEqual(1)
    expect(kmeansThreads('auto', PARALLEL_KMEANS_MIN_TALKS)).toBeLessThanOrEqual(2)
    expect(kmeansThreads(4, 10)).toBe(4)
  })
})

describe('readWithEarlyPool', () => {
  it('stops the pool it started when the reading fails, so that no later atlas takes it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'talkatlas-early-')), 'large.json')
    const fd = openSync(file, 'w')
    ftruncateSync(fd, EARLY_POOL_MIN_BYTES + 1)
    closeSync(fd)
    let startedBeforeReading = false
    const failing = readWithEarlyPool(file, 2, async () => {
      startedBeforeReading = hasEarlyPool()
      throw new Error('unreadable input')
    })
    await expect(failing).rejects.toThrow('unreadable input')
    expect(startedBeforeReading).toBe(true)
    expect(hasEarlyPool()).toBe(false)
  })
})
