import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countSettings } from '../../test/helpers/countSettings.js'
import { countTerms, countTermsFromStreams } from './countTerms.js'
import { mergeTermStreams, readTermStreams, type TermStreams } from './termStreams.js'

const settings = countSettings('auto')

// Words that exercise case folding, stemming, compounds, stopwords, numbers and phrases.
const words = ['XDP', 'xdp', 'eBPF', 'packet', 'packets', 'scheduling', 'stack', 'unwinding', 'AF_XDP', 'XDP-hints', 'the', 'we', 'v5.6', '2024', 'C++', 'io_uring', 'café', 'Kubernetes']
const text = fc.array(fc.constantFrom(...words, '.', ','), { maxLength: 14 }).map((tokens) => tokens.join(' '))
const corpus = fc.array(fc.record({ title: text, abstract: text }), { minLength: 1, maxLength: 12 })

/** Plain copies of the streams, comparable with toEqual. */
function plain(streams: TermStreams) {
  return {
    units: Array.from(streams.units),
    isPart: Array.from(streams.isPart),
    surfaces: Array.from(streams.surfaces),
    docStart: Array.from(streams.docStart),
    typeNames: [...streams.typeNames],
    typeUnits: Array.from(streams.typeUnits),
    typeCounts: Array.from(streams.typeCounts),
    unitKeys: [...streams.unitKeys],
  }
}

describe('readTermStreams and mergeTermStreams', () => {
  it('merging the streams of consecutive parts gives the streams of the whole corpus', () => {
    fc.assert(fc.property(corpus, fc.array(fc.nat(), { maxLength: 3 }), (texts, cuts) => {
      const bounds = [...new Set([0, ...cuts.map((c) => c % (texts.length + 1)), texts.length])].sort((a, b) => a - b)
      const parts = bounds.slice(1).map((end, i) => readTermStreams(texts.slice(bounds[i], end), settings))
      expect(plain(mergeTermStreams(parts))).toEqual(plain(readTermStreams(texts, settings)))
    }), { numRuns: 200 })
  })

  it('counting merged streams gives the terms, labels, counts and phrases of counting at once', () => {
    const texts = [
      { title: 'XDP queueing', abstract: 'Packet scheduling in XDP. Stack unwinding for profilers.' },
      { title: 'AF_XDP zero copy', abstract: 'XDP-hints carry metadata; packet scheduling again.' },
      { title: 'Profilers', abstract: 'Stack unwinding without frame pointers; stack unwinding in eBPF.' },
    ]
    const merged = countTermsFromStreams(mergeTermStreams([readTermStreams(texts.slice(0, 1), settings), readTermStreams(texts.slice(1), settings)]), settings)
    const whole = countTerms(texts, settings)
    expect(merged.terms).toEqual(whole.terms)
    expect(merged.labels).toEqual(whole.labels)
    expect(merged.phrases).toEqual(whole.phrases)
    expect(Array.from(merged.counts.data)).toEqual(Array.from(whole.counts.data))
    expect(Array.from(merged.counts.indices)).toEqual(Array.from(whole.counts.indices))
    expect(whole.terms).toContain('stack unwind')
    expect(whole.labels[whole.terms.indexOf('xdp')]).toBe('XDP')
  })

  it('refuses to merge nothing', () => {
    expect(() => mergeTermStreams([])).toThrow('mergeTermStreams: no parts')
  })
})
