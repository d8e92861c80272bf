import { describe, expect, it } from 'vitest'
import { OptionError } from '../errors.js'
import { generateCorpus } from '../eval/synthetic.js'
import type { ProgressEvent } from '../progress.js'
import { readTalkTerms } from '../vectorize/tfidf.js'
import { buildAtlas, buildAtlasWith, type TermReader } from './buildAtlas.js'
import { serializeAtlas } from './serializeAtlas.js'

const talks = generateCorpus({ talks: 120, seed: 3, topics: 6 })

describe('buildAtlas(talks, { onProgress })', () => {
  it('reports every step in pipeline order, one k-means step per batch of runs', () => {
    const events: ProgressEvent[] = []
    buildAtlas(talks, { onProgress: (event) => events.push(event) })
    const steps = events.map((event) => event.step).filter((step, i, all) => step !== all[i - 1])
    expect(steps).toEqual(['tokenising', 'tf-idf', 'lsa', 'smoothing', 'k-means', 'labels'])
    const kmeans = events.filter((event) => event.step === 'k-means')
    expect(kmeans[0]!.detail).toMatch(/^batch 1: 20 runs, k \d+–\d+$/)
    expect(events.every((event) => event.done === 0 && event.total === 0)).toBe(true)
  })

  it('gives the same atlas with and without a callback', () => {
    const plain = serializeAtlas(buildAtlas(talks, { k: 6 }))
    const watched = serializeAtlas(buildAtlas(talks, { k: 6, onProgress: () => undefined }))
    expect(watched).toEqual(plain)
  })

  it('reports tokenising in buildAtlasWith before its reader runs', async () => {
    const steps: string[] = []
    const readTerms: TermReader = (read, options) => {
      steps.push('reader')
      return readTalkTerms(read, options)
    }
    await buildAtlasWith(talks, { k: 6, onProgress: (event) => steps.push(event.step) }, { readTerms })
    expect(steps.slice(0, 3)).toEqual(['tokenising', 'reader', 'tf-idf'])
  })

  it('refuses an onProgress that is not a function', () => {
    expect(() => buildAtlas(talks, { onProgress: 'yes' as never })).toThrow(OptionError)
  })
})
