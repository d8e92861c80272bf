/**
 * Property: a saved atlas changed at random (a number changed, a key deleted, a type swapped,
 * an array resized, an element duplicated) either fails to load with an InputError, or loads
 * into an atlas whose answers (themes, related talks, search, assignment of a new talk) are
 * those of the original. The exception is data the format holds without redundancy: a
 * consensus run's cluster number, a theme's keywords and the seed (of related talks' coarse
 * runs) load as edited, and the atlas must then still answer soundly.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadAtlas } from '../../src/atlas/serializeAtlas.js'
import type { Atlas } from '../../src/atlas/types.js'
import { InputError } from '../../src/errors.js'
import { atlasAnswers, savedAtlasText } from './atlasFixtures.js'

type Key = string | number
type Mutable = Record<Key, unknown>

/** Small atlases of the project fixtures; the last has talks in `unclassified`. */
const texts = [savedAtlasText('lpc-networking-bpf', 12, 3), savedAtlasText('ml-workshop', 12, 3), savedAtlasText('edge/empty-abstracts', 8, 2)]
const answers = texts.map((text) => JSON.stringify(atlasAnswers(loadAtlas(JSON.parse(text)))))

/** Where a mutation can land in one saved atlas, by top-level field and by mutation kind. */
interface Targets {
  readonly any: Key[][]
  readonly number: Key[][]
  readonly array: Key[][]
  readonly element: Key[][]
}

/**
 * Paths of every value of a parsed atlas, grouped by top-level field (so that the thousands
 * of LSA components do not take every mutation).
 * @param root Parsed atlas.
 */
function targetsBySection(root: Mutable): Targets[] {
  return Object.keys(root).map((section) => {
    const targets: Targets = { any: [], number: [], array: [], element: [] }
    const walk = (value: unknown, path: Key[], inArray: boolean) => {
      targets.any.push(path)
      if (typeof value === 'number') targets.number.push(path)
      if (inArray) targets.element.push(path)
      if (value === null || typeof value !== 'object') return
      if (Array.isArray(value)) {
        targets.array.push(path)
        value.forEach((child, i) => walk(child, [...path, i], true))
      } else for (const [key, child] of Object.entries(value)) walk(child, [...path, key], false)
    }
    walk(root[section], [section], false)
    return targets
  })
}

const targets = texts.map((text) => targetsBySection(JSON.parse(text) as Mutable))

const kinds = ['number', 'delete', 'swap', 'resize', 'duplicate'] as const

const mutations = fc.record({
  atlas: fc.nat(texts.length - 1),
  section: fc.nat(),
  node: fc.nat(),
  kind: fc.constantFrom(...kinds),
  number: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e39, -1e39, 2e9, 1e9, -1, 0, 0.5, 1, 2 ** 31, 2 ** 53, -0)),
  swap: fc.constantFrom<unknown>(null, 'x', '', {}, [], true, [0], { id: 'x' }),
  size: fc.nat(),
})
type Mutation = typeof mutations extends fc.Arbitrary<infer T> ? T : never

/**
 * Applies a mutation to a parsed atlas in place.
 * @param root Parsed atlas (a fresh copy of `texts[mutation.atlas]`).
 * @param mutation What to change where.
 * @returns The path changed.
 */
function mutate(root: Mutable, mutation: Mutation): Key[] {
  const sections = targets[mutation.atlas]!
  const section = sections[mutation.section % sections.length]!
  const fitting = { number: section.number, delete: section.any, swap: section.any, resize: section.array, duplicate: section.element }[mutation.kind]
  const paths = fitting.length > 0 ? fitting : section.any
  const path = paths[mutation.node % paths.length]!
  const parent = path.slice(0, -1).reduce<Mutable>((node, key) => node[key] as Mutable, root)
  const key = path.at(-1)!
  const value = parent[key]
  switch (mutation.kind) {
    case 'number':
      parent[key] = mutation.number
      break
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1)
      else delete parent[key]
      break
    case 'swap':
      // Always another type: a string edited into another string is an edit, not a corruption.
      parent[key] = kindOf(mutation.swap) === kindOf(value) ? null : structuredClone(mutation.swap)
      break
    case 'resize':
      if (Array.isArray(value)) {
        const length = mutation.size % (value.length + 3)
        const last: unknown = value.at(-1) ?? 0
        while (value.length < length) value.push(structuredClone(last))
        value.length = length
      } else parent[key] = []
      break
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(value))
      else parent[key] = [value, value]
      break
  }
  return path
}

/** JSON type of a value. */
function kindOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}

/** Data held without redundancy: what loads as edited (the seed also seeds related talks' coarse runs). */
function isFreeData(path: Key[]): boolean {
  const [section, index, field] = path
  return (
    (section === 'ensemble' && (path.length === 1 || (index === 'labels' && path.length === 3))) ||
    (section === 'themes' && field === 'keywords') ||
    (section === 'options' && index === 'seed' && path.length === 2)
  )
}

/** An atlas answering within the documented ranges, every talk in exactly one theme. */
function expectSound(atlas: Atlas): void {
  const members = atlas.themes.flatMap((theme) => theme.talks.map((talk) => talk.id))
  expect(members.sort()).toEqual(atlas.talks.map((talk) => talk.id).sort())
  const { related, search, assigned } = atlasAnswers(atlas) as { related: { score: number }[][]; search: { score: number }[]; assigned: { score: number }[] }
  for (const hit of [...related.flat(), ...assigned]) expect(Math.abs(hit.score)).toBeLessThanOrEqual(1)
  // Search: coverage (≤ 1) + 0.25 · (½ · BM25 share + ½ · cosine) (≤ 0.25) + 2 for the exact title.
  for (const hit of search) {
    expect(hit.score).toBeGreaterThan(0)
    expect(hit.score).toBeLessThanOrEqual(3.25)
  }
}

describe('loadAtlas(mutated saved atlas)', () => {
  it('throws InputError or answers like the original', () => {
    const outcomes = { refused: 0, equal: 0, free: 0 }
    fc.assert(
      fc.property(mutations, (mutation) => {
        const json = JSON.parse(texts[mutation.atlas]!) as Mutable
        const path = mutate(json, mutation)
        let atlas: Atlas
        try {
          atlas = loadAtlas(json)
        } catch (error) {
          if (!(error instanceof InputError)) throw new Error(`${mutation.kind} at ${path.join('.')}: ${String(error)}`)
          outcomes.refused++
          return
        }
        if (JSON.stringify(atlasAnswers(atlas)) === answers[mutation.atlas]) {
          outcomes.equal++
          return
        }
        if (!isFreeData(path)) throw new Error(`${mutation.kind} at ${path.join('.')} loaded with other answers`)
        outcomes.free++
        expectSound(atlas)
      }),
      { seed: 19, numRuns: 1000 },
    )
    // The mutations reach both outcomes (seed 19: 898 refused, 92 equal, 10 free-data edits).
    expect(outcomes.refused).toBeGreaterThan(300)
    expect(outcomes.equal).toBeGreaterThan(30)
  })
})
