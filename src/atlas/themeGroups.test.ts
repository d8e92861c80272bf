import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError, OptionError } from '../errors.js'
import type { Talk } from '../types.js'
import { corpusArbitrary } from '../../test/corpus.js'
import { groupOfTalk } from '../../test/helpers/groups.js'
import { buildAtlas } from './buildAtlas.js'
import { loadAtlas, serializeAtlas } from './serializeAtlas.js'
import { autoGroupCount, cutThemes, groupOfTheme } from './themeGroups.js'
import { buildThemeTree, cutTree, type ThemeTree } from './themeTree.js'

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/lpc-networking-bpf.json', import.meta.url), 'utf8')) as {
  talks: (Talk & { theme: string })[]
}
const talks: Talk[] = fixture.talks.map(({ theme: _theme, ...talk }) => talk)
const atlas = buildAtlas(talks, { k: 12 })

/** Leaves under every node of a tree, checking each node joins once. */
function leafCounts(tree: ThemeTree): number[] {
  const counts: number[] = Array.from({ length: tree.leaves }, () => 1)
  const joined = new Set<number>()
  for (let i = 0; i < tree.left.length; i++) {
    for (const node of [tree.left[i]!, tree.right[i]!]) {
      expect(node).toBeLessThan(tree.leaves + i)
      expect(joined.has(node)).toBe(false)
      joined.add(node)
    }
    counts.push(counts[tree.left[i]!]! + counts[tree.right[i]!]!)
  }
  return counts
}

describe('buildThemeTree(vectors, dimensions, assignments, leaves)', () => {
  it('joins the two nearest groups first and the far one last (Ward cost)', () => {
    // Three themes on a line: a = (1, 0), b = (0.9, 0.1), c = (0, 1); one talk each.
    const vectors = Float32Array.from([1, 0, 0.9, 0.1, 0, 1])
    const tree = buildThemeTree(vectors, 2, Int32Array.from([0, 1, 2]), 3)
    expect(Array.from(tree.left)).toEqual([0, 2])
    expect(Array.from(tree.right)).toEqual([1, 3])
    // ½ · ‖a − b‖² = ½ · 0.02; then (2 · 1 / 3) · ‖(0.95, 0.05) − (0, 1)‖² = ⅔ · 1.805.
    expect(tree.heights[0]).toBeCloseTo(0.01, 6)
    expect(tree.heights[1]).toBeCloseTo((2 / 3) * 1.805, 5)
  })

  it('weighs a theme by its talks: a large theme pulls a small one less far', () => {
    const vectors = Float32Array.from([1, 0, 1, 0, 1, 0, 0.6, 0.8, 0, 1])
    const tree = buildThemeTree(vectors, 2, Int32Array.from([0, 0, 0, 1, 2]), 3)
    // Theme 1 (0.6, 0.8) is nearer theme 2 (0, 1) than the three talks of theme 0 at (1, 0).
    expect([tree.left[0], tree.right[0]]).toEqual([1, 2])
  })
})

describe('cutTree(tree, n)', () => {
  const tree = buildThemeTree(Float32Array.from([1, 0, 0.9, 0.1, 0, 1]), 2, Int32Array.from([0, 1, 2]), 3)
  it('cuts into n groups numbered by first leaf, clamped to [1, leaves]', () => {
    expect(Array.from(cutTree(tree, 1))).toEqual([0, 0, 0])
    expect(Array.from(cutTree(tree, 2))).toEqual([0, 0, 1])
    expect(Array.from(cutTree(tree, 3))).toEqual([0, 1, 2])
    expect(Array.from(cutTree(tree, 9))).toEqual([0, 1, 2])
    expect(Array.from(cutTree(tree, 0))).toEqual([0, 0, 0])
  })
})

describe('autoGroupCount(talks, themes)', () => {
  it('grows with the cube root of the talks, within [3, 20] and at most the themes', () => {
    expect(autoGroupCount(16, 12)).toBe(3)
    expect(autoGroupCount(167, 27)).toBe(6)
    expect(autoGroupCount(1093, 152)).toBe(10)
    expect(autoGroupCount(100_000, 400)).toBe(20)
    expect(autoGroupCount(1093, 2)).toBe(2)
  })
})

describe('atlas.groups and cutThemes(atlas, n)', () => {
  it('puts every talk in one theme and one group; groups hold their themes largest first', () => {
    const groupOf = groupOfTalk(atlas)
    expect(groupOf.size).toBe(talks.length)
    expect(atlas.groups.length).toBe(autoGroupCount(talks.length, atlas.tree.leaves))
    const sizeOf = new Map(atlas.themes.map((theme) => [theme.id, theme.talks.length]))
    for (const group of atlas.groups) {
      const sizes = group.themes.map((id) => sizeOf.get(id)!)
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
      expect(group.size).toBe(sizes.reduce((a, b) => a + b, 0))
      expect(group.label).not.toBe('')
      expect(group.keywords.length).toBeGreaterThan(0)
    }
    expect(atlas.groups.map((g) => g.size)).toEqual(atlas.groups.map((g) => g.size).sort((a, b) => b - a))
  })

  it('cuts anywhere from one group to one group per theme', () => {
    expect(cutThemes(atlas, 1).map((g) => g.themes.length)).toEqual([atlas.themes.length])
    expect(cutThemes(atlas, 100).length).toBe(atlas.themes.length)
    expect(buildAtlas(talks, { k: 12, groups: 5 }).groups.map((g) => g.id)).toEqual(cutThemes(atlas, 5).map((g) => g.id))
    expect(() => cutThemes(atlas, 0)).toThrow(OptionError)
    expect(() => buildAtlas(talks, { groups: 2.5 })).toThrow('groups=2.5')
  })

  it('warns when more groups are asked than there are themes', () => {
    const built = buildAtlas(talks, { k: 3, groups: 8 })
    expect(built.groups.length).toBe(3)
    expect(built.warnings.map((w) => w.code)).toContain('fewer-groups')
  })

  it('maps each theme to its group with groupOfTheme(atlas)', () => {
    const groupOf = groupOfTheme(atlas)
    atlas.themes.forEach((theme, c) => expect(atlas.groups[groupOf[c]!]!.themes).toContain(theme.id))
  })

  it('is the same for the same input and seed, and for shuffled input', () => {
    const again = buildAtlas([...talks].reverse(), { k: 12 })
    expect(again.groups).toEqual(atlas.groups)
    expect(again.tree).toEqual(atlas.tree)
  })
})

describe('saving and loading the tree', () => {
  it('keeps the tree and the groups through serializeAtlas and loadAtlas', () => {
    const json = JSON.parse(JSON.stringify(serializeAtlas(atlas)))
    const loaded = loadAtlas(json)
    expect(loaded.tree).toEqual(atlas.tree)
    expect(loaded.groups).toEqual(atlas.groups)
    expect(JSON.stringify(serializeAtlas(loaded))).toBe(JSON.stringify(json))
  })

  it('loads an atlas saved before the tree existed, recomputing the same tree', () => {
    const { tree: _tree, ...json } = JSON.parse(JSON.stringify(serializeAtlas(atlas)))
    delete json.options.groups
    const loaded = loadAtlas(json)
    expect(loaded.tree).toEqual(atlas.tree)
    expect(loaded.groups).toEqual(atlas.groups)
  })

  it('refuses a tree that is not a tree, naming the path', () => {
    const json = () => JSON.parse(JSON.stringify(serializeAtlas(atlas)))
    const twice = json()
    twice.tree.right[1] = twice.tree.left[0]
    twice.tree.left[1] = Math.min(twice.tree.left[1], twice.tree.right[1])
    expect(() => loadAtlas(twice)).toThrow(InputError)
    const late = json()
    late.tree.right[0] = late.tree.leaves + 3
    expect(() => loadAtlas(late)).toThrow(/atlas\.tree\.right\[0\]: node \d+ is not made before merge 0/)
    const short = json()
    short.tree.left.pop()
    expect(() => loadAtlas(short)).toThrow('atlas.tree.left.length')
    const falling = json()
    falling.tree.heights[1] = falling.tree.heights[0] / 2
    expect(() => loadAtlas(falling)).toThrow('atlas.tree.heights[1]')
    const huge = json()
    huge.tree.leaves = 1e9
    expect(() => loadAtlas(huge)).toThrow('atlas.tree.leaves')
    const groups = json()
    groups.options.groups = 0
    expect(() => loadAtlas(groups)).toThrow('atlas.options.groups')
  })
})

describe('the theme tree on generated corpora', () => {
  it('is a binary tree over the themes, and every cut partitions the talks with sizes adding up', () => {
    fc.assert(
      fc.property(corpusArbitrary(0, 40), fc.oneof(fc.constant<'auto'>('auto'), fc.integer({ min: 1, max: 12 })), fc.integer({ min: 1, max: 15 }), (generated, k, n) => {
        const built = buildAtlas(generated, { k })
        const centres = built.themes.filter((theme) => theme.id !== 'unclassified').length
        expect(built.tree.leaves).toBe(centres)
        const counts = leafCounts(built.tree)
        if (centres > 0) expect(counts.at(-1)).toBe(centres)
        for (let i = 1; i < built.tree.heights.length; i++) expect(built.tree.heights[i]).toBeGreaterThanOrEqual(built.tree.heights[i - 1]!)
        for (const groups of [built.groups, cutThemes(built, n)]) {
          expect(groupOfTalk({ ...built, groups }).size).toBe(generated.length)
          expect(groups.reduce((sum, g) => sum + g.size, 0)).toBe(generated.length)
          expect(groups.flatMap((g) => g.themes).sort()).toEqual(built.themes.map((t) => t.id).sort())
        }
      }),
      { seed: 20250217, numRuns: 30 },
    )
  })
})
