import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { OptionError } from '../errors.js'
import { fitTfidf, transformTfidf, vectorizeText } from './tfidf.js'

const talks = [
  { title: 'XDP queueing', abstract: 'XDP programs redirect packets; queueing packets in XDP needs a scheduler.' },
  { title: 'Stack unwinding', abstract: 'Profilers unwind stacks with frame pointers. Stack unwinding without frame pointers uses ORC.' },
  { title: 'XDP hints', abstract: 'XDP hints expose hardware timestamps to XDP programs through kfuncs.' },
  { title: 'Frame pointers', abstract: 'Frame pointers make stack unwinding cheap for profilers; stack unwinding matters.' },
]

function row(matrix: ReturnType<typeof fitTfidf>['matrix'], i: number): Map<number, number> {
  const out = new Map<number, number>()
  for (let p = matrix.indptr[i]!; p < matrix.indptr[i + 1]!; p++) out.set(matrix.indices[p]!, matrix.data[p]!)
  return out
}

describe('fitTfidf(talks, options)', () => {
  it('keeps terms in 2 to 50% of talks, with sorted keys and surface labels', () => {
    const { model } = fitTfidf(talks)
    expect(model.terms).toEqual([...model.terms].sort())
    const label = (key: string) => model.labels[model.terms.indexOf(key)]
    expect(label('xdp')).toBe('XDP')
    expect(label('profil')).toBe('profilers')
    expect(label('stack')).toBe('stack')
    expect(model.terms).not.toContain('orc')
  })

  it('adds frequent phrases as terms, labelled by their words', () => {
    const { model } = fitTfidf(talks, { minPhraseCount: 2 })
    const phrase = model.terms.indexOf('frame pointer')
    expect(phrase).toBeGreaterThanOrEqual(0)
    expect(model.labels[phrase]).toBe('frame pointers')
    expect(model.phrases).toContainEqual(['frame', 'pointer'])
  })

  it('computes smoothed idf ln((1 + n) / (1 + df)) + 1 and unit rows', () => {
    const { model, matrix } = fitTfidf(talks)
    const xdp = model.terms.indexOf('xdp')
    expect(model.docCounts[xdp]).toBe(2)
    expect(model.idf[xdp]).toBeCloseTo(Math.log(5 / 3) + 1, 6)
    for (let i = 0; i < matrix.nRows; i++) {
      let sum = 0
      for (const value of row(matrix, i).values()) sum += value * value
      expect(sum).toBeCloseTo(1, 5)
    }
  })

  it('weights title tokens by titleWeight', () => {
    const light = fitTfidf(talks, { titleWeight: 0 })
    const heavy = fitTfidf(talks, { titleWeight: 5 })
    const stack = (r: ReturnType<typeof fitTfidf>) => row(r.matrix, 1).get(r.model.terms.indexOf('stack')) ?? 0
    expect(stack(heavy)).toBeGreaterThan(stack(light))
  })

  it('relaxes the document-frequency bounds with a warning when nothing would be left', () => {
    const result = fitTfidf([{ title: 'Only', abstract: 'unique words here' }])
    expect(result.model.terms.length).toBeGreaterThan(0)
    expect(result.warnings.map((w) => w.code)).toEqual(['vocabulary-relaxed'])
  })

  it('rejects an option outside its range naming it', () => {
    expect(() => fitTfidf(talks, { maxDocRatio: 0 })).toThrow(OptionError)
    expect(() => fitTfidf(talks, { minDocCount: 0.5 })).toThrow('fitTfidf: minDocCount=0.5')
  })
})

describe('transformTfidf(model, talks)', () => {
  it('reproduces the fitted rows for the fitted talks', () => {
    const { model, matrix } = fitTfidf(talks)
    const again = transformTfidf(model, talks)
    expect(Array.from(again.indices)).toEqual(Array.from(matrix.indices))
    expect(Array.from(again.data)).toEqual(Array.from(matrix.data))
  })

  it('ignores unknown words in new text', () => {
    const { model } = fitTfidf(talks)
    const query = vectorizeText(model, 'completely unrelated XDP gardening')
    expect(Array.from(query.indices)).toEqual([model.terms.indexOf('xdp')])
    expect(query.data[0]).toBeCloseTo(1)
  })
})

const snakeTalks = [
  { title: 'XDP_REDIRECT at scale', abstract: 'Forwarding frames with XDP_REDIRECT between devices.' },
  { title: 'Redirect in XDP', abstract: 'The redirect helper of XDP programs forwards frames.' },
  { title: 'Queueing disciplines', abstract: 'Queueing disciplines schedule frames on devices.' },
]

describe('fitTfidf(talks, options): identifiers and idf power', () => {
  it('fitTfidf counts the parts of a snake_case identifier as terms of their own', () => {
    const { model, matrix } = fitTfidf(snakeTalks, { minDocCount: 1, maxDocRatio: 1, phrases: false })
    const ids = (row: number) => Array.from(matrix.indices.subarray(matrix.indptr[row], matrix.indptr[row + 1]))
    const xdp = model.terms.indexOf('xdp')
    const redirect = model.terms.indexOf('redirect')
    expect(model.terms).toContain('xdp_redirect')
    expect(ids(0)).toEqual(expect.arrayContaining([xdp, redirect]))
    expect(ids(1)).toEqual(expect.arrayContaining([xdp, redirect]))
  })

  it('fitTfidf weighs a term tf · idf^idfPower before normalising rows', () => {
    const options = { minDocCount: 1, maxDocRatio: 1, phrases: false, sublinearTf: false, titleWeight: 1 } as const
    const plain = fitTfidf([{ title: '', abstract: 'alpha beta' }, { title: '', abstract: 'beta gamma' }], { ...options, idfPower: 1 })
    const squared = fitTfidf([{ title: '', abstract: 'alpha beta' }, { title: '', abstract: 'beta gamma' }], { ...options, idfPower: 2 })
    // idf(alpha) = ln(3/2) + 1, idf(beta) = 1: the alpha/beta weight ratio is idf(alpha)^p.
    const idfAlpha = Math.log(3 / 2) + 1
    expect(plain.matrix.data[0] / plain.matrix.data[1]).toBeCloseTo(idfAlpha, 5)
    expect(squared.matrix.data[0] / squared.matrix.data[1]).toBeCloseTo(idfAlpha ** 2, 5)
  })

  it('fitTfidf rejects an idfPower outside [0, 8]', () => {
    expect(() => fitTfidf(snakeTalks, { idfPower: -1 })).toThrow(/idfPower/)
  })
})

describe('fitTfidf phrase labels', () => {
  it('fitTfidf labels a phrase with its most frequent surface text, not per-word forms', () => {
    const texts = [
      'Secure boot on servers. Security matters and security teams review secure boot.',
      'We enable secure boot everywhere. Security audits help.',
      'Measured and secure boot chains. Security keys rotate.',
      'Firmware updates and security for servers: security reviews, security budgets.',
    ].map((abstract) => ({ title: '', abstract }))
    const { model } = fitTfidf(texts, { minDocCount: 1, maxDocRatio: 1, minPhraseCount: 3 })
    const phrase = model.terms.indexOf('secur boot')
    expect(phrase).toBeGreaterThanOrEqual(0)
    expect(model.labels[phrase]).toBe('secure boot')
    expect(model.labels[model.terms.indexOf('secur')]).toBe('security')
  })
})

describe('fitTfidf vocabulary order', () => {
  const words = ['stack', 'unwinding', 'frame', 'pointers', 'XDP', 'xdp', 'hints', 'XDP-hints', 'packet', 'scheduling', 'the', 'zero', 'copy', 'AF_XDP', 'eBPF', 'ebpf', 'Linux']
  const text = fc.array(fc.constantFrom(...words, '.'), { maxLength: 16 }).map((tokens) => tokens.join(' '))
  const corpus = fc.array(fc.record({ title: text, abstract: text }), { minLength: 1, maxLength: 14 })

  it('sorts terms and phrases by key once pruned, each row by term id, and transforms its own talks to the same rows', () => {
    fc.assert(fc.property(corpus, (texts) => {
      const { model, matrix } = fitTfidf(texts, { minPhraseCount: 2, minPhraseAssociation: 0 })
      expect(model.terms).toEqual([...model.terms].sort())
      const phraseKeys = model.phrases.map(([a, b]) => `${a} ${b}`)
      expect(phraseKeys).toEqual([...phraseKeys].sort())
      for (const key of phraseKeys) expect(model.terms).toContain(key)
      for (let i = 0; i < matrix.nRows; i++) {
        for (let p = matrix.indptr[i]! + 1; p < matrix.indptr[i + 1]!; p++) expect(matrix.indices[p]!).toBeGreaterThan(matrix.indices[p - 1]!)
      }
      const again = transformTfidf(model, texts)
      expect(Array.from(again.indices)).toEqual(Array.from(matrix.indices))
      expect(Array.from(again.data)).toEqual(Array.from(matrix.data))
    }), { numRuns: 150 })
  })
})
