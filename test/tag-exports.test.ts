import { expect, test } from 'vitest'
import * as talkatlas from '../src/index.js'
import { defaultTagOptions } from '../src/tag/tagTalks.js'

test('the package exports the tagging API', () => {
  const names = ['tagTalks', 'resolveThemes', 'nameThemes', 'taxonomyFit']
  for (const name of names) expect(typeof (talkatlas as Record<string, unknown>)[name], name).toBe('function')
  expect(defaultTagOptions).toEqual({
    threshold: 0.2,
    top: 3,
    explainTerms: 5,
    feedbackTalks: 0,
    feedbackWeight: 0.5,
    exampleWeight: 1,
    neighbours: 10,
    propagation: 0.5,
    temperature: 1,
  })
  expect(talkatlas.BUILTIN_TAXONOMY.name).toBe('linux-networking-bpf')
  expect(talkatlas.BUILTIN_TAXONOMY.themes.length).toBeGreaterThanOrEqual(20)
})
