import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countSettings } from '../../test/helpers/countSettings.js'
import { countTerms, countTermsFromStreams } from './countTerms.js'
import { surfaceOf } from './lexicon.js'
import { mostFrequent } from './phrases.js'
import { BOUNDARY, mergeTermStreams, readTermStreams, type TermStreams } from './termStreams.js'

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

/**
 * Labels as they were picked before surfaces were grouped by unit: every (unit, surface) pair
 * of the corpus sorted by surface text, then one pass keeping the most frequent per unit
 * (ties: a lower-case surface over one that is not); phrases by a map of surface texts.
 */
function labelOracle(streams: TermStreams, terms: readonly string[]): string[] {
  const counts = new Map<string, { surface: string; unit: number; count: number }>()
  streams.typeNames.forEach((name, id) => {
    if (streams.typeCounts[id]! === 0) return
    const surface = surfaceOf(name)
    const key = `${streams.typeUnits[id]} ${surface}`
    const entry = counts.get(key)
    if (entry === undefined) counts.set(key, { surface, unit: streams.typeUnits[id]!, count: streams.typeCounts[id]! })
    else entry.count += streams.typeCounts[id]!
  })
  const best: string[] = streams.unitKeys.map(() => '')
  const bestCount = streams.unitKeys.map(() => 0)
  for (const { surface, unit, count } of [...counts.values()].sort((a, b) => (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : a.unit - b.unit))) {
    if (count > bestCount[unit]! || (count === bestCount[unit] && best[unit] !== best[unit]!.toLowerCase() && surface === surface.toLowerCase())) {
      best[unit] = surface
      bestCount[unit] = count
    }
  }
  const byKey = new Map(streams.unitKeys.map((key, u) => [key, best[u] === '' ? key : best[u]!]))
  const phraseForms = new Map<string, Map<string, number>>()
  for (let d = 0; d + 1 < streams.docStart.length; d++) {
    let previous = BOUNDARY
    let previousSurface = -1
    for (let p = streams.docStart[d]!; p < streams.docStart[d + 1]!; p++) {
      if (streams.isPart[p]) continue
      const unit = streams.units[p]!
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      if (previous >= 0) {
        const key = `${streams.unitKeys[previous]} ${streams.unitKeys[unit]}`
        const surface = `${surfaceOf(streams.typeNames[previousSurface]!)} ${surfaceOf(streams.typeNames[streams.surfaces[p]!]!)}`
        const forms = phraseForms.get(key) ?? new Map<string, number>()
        phraseForms.set(key, forms.set(surface, (forms.get(surface) ?? 0) + 1))
      }
      previous = unit
      previousSurface = streams.surfaces[p]!
    }
  }
  return terms.map((term) => byKey.get(term) ?? mostFrequent(phraseForms.get(term)!))
}

describe('term labels', () => {
  const cased = ['Stack', 'stack', 'STACK', 'stacks', 'Unwinding', 'unwinding', 'unwind', 'XDP', 'xdp', 'Xdp', 'XDP-hints', 'xdp-hints', 'Packet', 'packets', 'Packets', 'the', 'Café', 'café', 'CAFÉ']
  const casedText = fc.array(fc.constantFrom(...cased, '.'), { maxLength: 12 }).map((tokens) => tokens.join(' '))
  const casedCorpus = fc.array(fc.record({ title: casedText, abstract: casedText }), { minLength: 1, maxLength: 10 })

  it('are the most frequent surface of each term and phrase, ties to the lower-case form, then the alphabetically first', () => {
    fc.assert(fc.property(casedCorpus, (texts) => {
      const streams = readTermStreams(texts, settings)
      const counted = countTermsFromStreams(streams, settings)
      expect(counted.labels).toEqual(labelOracle(streams, counted.terms))
    }), { numRuns: 300 })
  })
})
