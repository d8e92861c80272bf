import { describe, expect, it } from 'vitest'
import { composeLabel } from './labelThemes.js'

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

  it('skips a term that repeats a word of a chosen one', () => {
    expect(composeLabel(['Embedded Swift', 'embedded devices', 'C', 'microcontrollers'], 3)).toBe('Embedded Swift · C · microcontrollers')
  })
})
