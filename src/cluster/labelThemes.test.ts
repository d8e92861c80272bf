import { describe, expect, it } from 'vitest'
import { composeLabel, labelThemes } from './labelThemes.js'
import { fitTfidf } from '../vectorize/tfidf.js'

describe('composeLabel(ranked, count)', () => {
  it('composeLabel lets a phrase take the place of a word it contains', () => {
    expect(composeLabel(['digital', 'European', 'digital sovereignty', 'policy'], 3)).toBe('digital sovereignty · European · policy')
  })

  it('composeLabel drops every other chosen word a phrase covers', () => {
    expect(composeLabel(['secure', 'boot', 'secure boot', 'firmware', 'TPM'], 3)).toBe('secure boot · firmware · TPM')
  })

  it('composeLabel skips a word already inside a chosen phrase', () => {
    expect(composeLabel(['XDP hints', 'XDP', 'queueing', 'queue', 'metadata'], 3)).toBe('XDP hints · queueing · metadata')
  })

  it('composeLabel ignores phrases far below the cut', () => {
    expect(composeLabel(['alpha', 'beta', 'gamma', 'x1', 'x2', 'x3', 'alpha omega'], 3)).toBe('alpha · beta · gamma')
  })
})

describe('composeLabel: fragments of one another are said once', () => {
  it('joins two phrases that overlap end to start', () => {
    expect(composeLabel(['open source', 'source software', 'licences', 'funding'], 3)).toBe('open source software · licences · funding')
    expect(composeLabel(['language models', 'large language', 'LLMs', 'training'], 3)).toBe('large language models · LLMs · training')
  })

  it('does not let a phrase replace a word when its other words repeat another chosen term', () => {
    expect(composeLabel(['classical', 'quantum', 'classical computing', 'quantum computing', 'Python'], 3)).toBe('classical computing · quantum · Python')
  })

  it('skips a term that repeats a word of a chosen one', () => {
    expect(composeLabel(['Embedded Swift', 'embedded devices', 'C', 'microcontrollers'], 3)).toBe('Embedded Swift · C · microcontrollers')
  })
})

describe('labelThemes(matrix, model, assignment, k, { text })', () => {
  // Two topics; every scheduler talk says "we implement …", a verb the lexicon does not know.
  const talks = [
    { title: 'Deadline scheduler', abstract: 'We implement the deadline scheduler on servers. We implement it with cgroups and the scheduler meets deadlines.' },
    { title: 'Scheduler latency', abstract: 'We implement the scheduler patches and measure the scheduler latency on servers with cgroups.' },
    { title: 'Scheduler for games', abstract: 'We implement a scheduler for games. Frame deadlines and the scheduler interact with cgroups on servers.' },
    { title: 'Rust drivers', abstract: 'Rust drivers in the kernel: bindings, drivers for GPUs and the Rust build.' },
    { title: 'Rust bindings', abstract: 'Rust bindings for kernel drivers and the Rust toolchain.' },
    { title: 'Rust in drivers', abstract: 'Drivers written in Rust, their bindings and the Rust compiler.' },
  ]
  const { matrix, model } = fitTfidf(talks, { titleWeight: 1, phrases: false })
  const assignment = Int32Array.from([0, 0, 0, 1, 1, 1])
  const text = (row: number) => `${talks[row]!.title}\n${talks[row]!.abstract}`

  it('leaves out a word the theme’s talks use as a verb', () => {
    const without = labelThemes(matrix, model, assignment, 2, { keywords: 20 })
    expect(without.keywords[0]!.map((k) => k.term)).toContain('implement')
    const withText = labelThemes(matrix, model, assignment, 2, { keywords: 20, text })
    expect(withText.keywords[0]!.map((k) => k.term)).not.toContain('implement')
    expect(withText.keywords[0]!.map((k) => k.term)).toContain('scheduler')
    expect(withText.keywords[1]).toEqual(without.keywords[1])
  })
})

describe('labelThemes(matrix, model, assignment, k): equal shares', () => {
  it('puts the term the theme weighs more first when two terms are in the same share of its talks, not the alphabetically first', () => {
    // Two themes of two talks; in theme 0 both talks use `aardvark` and `zebra`, `zebra` with more weight.
    const matrix = {
      nRows: 4, nCols: 3,
      indptr: Int32Array.from([0, 2, 4, 5, 6]),
      indices: Int32Array.from([0, 1, 0, 1, 2, 2]),
      data: Float32Array.from([0.2, 0.9, 0.3, 0.8, 1, 1]),
    }
    const model = { ...fitTfidf([{ title: '', abstract: 'aardvark zebra' }]).model, labels: ['aardvark', 'zebra', 'moth'], terms: ['aardvark', 'zebra', 'moth'], docCounts: Int32Array.from([2, 2, 2]) }
    const { labels } = labelThemes(matrix, model, Int32Array.from([0, 0, 1, 1]), 2, { labelTerms: 2 })
    expect(labels[0]).toBe('zebra · aardvark')
  })
})

describe('labelThemes: cluster numbering', () => {
  it('names each cluster after its own talks, whatever its number and whatever clusters come before it', () => {
    const topics = ['kernel scheduler latency', 'rust borrow checker', 'postgres query planner', 'webassembly runtime sandbox']
    const talks = Array.from({ length: 24 }, (_, i) => ({ id: `t${i}`, title: `${topics[i % 4]} talk`, abstract: `Notes on ${topics[i % 4]} number ${i} and ${topics[i % 4]} tuning.` }))
    const { matrix, model } = fitTfidf(talks)
    const assignment = Int32Array.from(talks, (_, i) => i % 4)
    const names = labelThemes(matrix, model, assignment, 4)
    // Cluster c renumbered as 6 − c, with empty clusters 0–2 and rows of no cluster in between.
    const renumbered = Int32Array.from(assignment, (c, i) => (i % 5 === 0 ? -1 : 6 - c))
    const withoutSkipped = labelThemes(matrix, model, Int32Array.from(assignment, (c, i) => (i % 5 === 0 ? -1 : c)), 4)
    const again = labelThemes(matrix, model, renumbered, 7)
    for (let c = 0; c < 4; c++) {
      expect(again.labels[6 - c]).toBe(withoutSkipped.labels[c])
      expect(again.keywords[6 - c]).toEqual(withoutSkipped.keywords[c])
    }
    expect(names.labels[0]).toMatch(/kernel|scheduler|latency/)
    expect(names.labels[3]).toMatch(/webassembly|runtime|sandbox/i)
  })
})
