import { describe, expect, it } from 'vitest'
import { fitTfidf } from './tfidf.js'

const talks = [
  { title: 'XDP_REDIRECT at scale', abstract: 'Forwarding frames with XDP_REDIRECT between devices.' },
  { title: 'Redirect in XDP', abstract: 'The redirect helper of XDP programs forwards frames.' },
  { title: 'Queueing disciplines', abstract: 'Queueing disciplines schedule frames on devices.' },
]

describe('fitTfidf(talks, options)', () => {
  it('fitTfidf counts the parts of a snake_case identifier as terms of their own', () => {
    const { model, matrix } = fitTfidf(talks, { minDocCount: 1, maxDocRatio: 1, phrases: false })
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
    expect(() => fitTfidf(talks, { idfPower: -1 })).toThrow(/idfPower/)
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
