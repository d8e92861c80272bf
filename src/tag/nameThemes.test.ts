import { expect, test } from 'vitest'
import fixture from '../../fixtures/lpc-networking-bpf.json'
import { buildAtlas } from '../atlas/buildAtlas.js'
import { OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { nameThemes, namingTaxonomy } from './nameThemes.js'
import { BUILTIN_TAXONOMY } from './taxonomy.js'
import ml from '../../fixtures/ml-workshop.json'

const talks: Talk[] = (fixture.talks as (Talk & { theme: string })[]).map(({ theme: _theme, ...talk }) => talk)
const atlas = buildAtlas(talks, { k: 12 })

test('nameThemes(atlas) names the clusters of the fixture that match a taxonomy theme and leaves the others null', () => {
  const names = nameThemes(atlas)
  expect(names.map((n) => n.themeId)).toEqual(atlas.themes.map((t) => t.id))
  const named = names.filter((n) => n.name !== null)
  expect(named.map((n) => n.name)).toEqual(expect.arrayContaining(['HID-BPF', 'MPTCP', 'Seccomp']))
  expect(named.find((n) => n.name === 'MPTCP')!.label).toMatch(/multipath|MPTCP|subflow/i)
  expect(named.length).toBeGreaterThanOrEqual(7)
  for (const n of names) {
    expect(n.share >= 0 && n.share <= 1).toBe(true)
    expect(n.score >= 0 && n.score <= 1).toBe(true)
    if (n.name !== null) expect(n.share).toBeGreaterThanOrEqual(0.5)
  }
})

test('nameThemes(atlas, taxonomy, { minShare: 1 }) names only clusters whose every talk agrees', () => {
  const names = nameThemes(atlas, undefined, { minShare: 1 })
  for (const n of names) expect(n.name === null || n.share === 1).toBe(true)
  expect(names.filter((n) => n.name !== null).length).toBeLessThanOrEqual(nameThemes(atlas).filter((n) => n.name !== null).length)
})

test('nameThemes rejects minShare outside [0, 1]', () => {
  expect(() => nameThemes(atlas, undefined, { minShare: 1.5 })).toThrow(OptionError)
})

test('namingTaxonomy(atlas) picks the built-in taxonomy with a taxonomy-detected notice when it fits, none when it does not, and a given one as is', () => {
  const detected = namingTaxonomy(atlas)
  expect(detected.taxonomy).toBe(BUILTIN_TAXONOMY)
  expect(detected.warnings.map((w) => w.code)).toEqual(['taxonomy-detected'])
  expect(detected.warnings[0]!.message).toMatch(/^themes: the talks are about Linux networking and BPF \(\d+\.\d % name one of its themes\); themes are named after the built-in taxonomy$/)
  const mlTalks: Talk[] = (ml.talks as (Talk & { theme: string })[]).map(({ theme: _theme, ...talk }) => talk)
  expect(namingTaxonomy(buildAtlas(mlTalks, { seed: 42 }))).toEqual({ taxonomy: null, warnings: [] })
  const mine = { name: 'mine', themes: [{ name: 'XDP' }] }
  expect(namingTaxonomy(atlas, mine)).toEqual({ taxonomy: mine, warnings: [] })
})
