/**
 * Groups of themes ("tracks"): the theme tree cut into a few groups, each named from its
 * talks' words as themes are.
 */
import { checkInteger } from '../options.js'
import { labelThemes, type ThemeKeyword } from '../cluster/labelThemes.js'
import type { Atlas } from './types.js'
import { cutTree } from './themeTree.js'
import { UNCLASSIFIED_THEME_ID } from './unclassified.js'

/** A group of themes, as a conference runs a track. */
export interface ThemeGroup {
  /** `group-1`, … by decreasing talk count; `unclassified` for the group of the `unclassified` theme. */
  readonly id: string
  /** Label of 2–3 terms, made from the group's talks as theme labels are. */
  readonly label: string
  /** Most distinctive terms of the group's talks, best first. */
  readonly keywords: readonly ThemeKeyword[]
  /** Ids of its themes, largest first (ties in atlas order). */
  readonly themes: readonly string[]
  /** Talks in its themes. */
  readonly size: number
}

/** Fewest groups the automatic count gives (when there are that many themes). */
export const MIN_AUTO_GROUPS = 3
/** Most groups the automatic count gives: about as many tracks as a committee can chair. */
export const MAX_AUTO_GROUPS = 20
/** Largest `groups` option. */
export const MAX_GROUPS = 100_000

/**
 * The automatic number of groups: the cube root of the talk count, rounded, within
 * [{@link MIN_AUTO_GROUPS}, {@link MAX_AUTO_GROUPS}] and at most the number of themes. It
 * grows slowly with the corpus (167 talks: 6 groups, 1,093: 10, 8,000 and more: 20), as
 * conferences add tracks much more slowly than talks (docs/quality.md measures it).
 * @param talks Talk count.
 * @param themes Themes with a centre.
 */
export function autoGroupCount(talks: number, themes: number): number {
  const count = Math.min(MAX_AUTO_GROUPS, Math.max(MIN_AUTO_GROUPS, Math.round(Math.cbrt(talks))))
  return Math.min(count, themes)
}

/**
 * Checks a `groups` option.
 * @param value `'auto'` or a positive integer.
 * @param where The user's function, named in messages.
 */
export function checkGroupsOption(value: unknown, where = 'buildAtlas'): void {
  checkInteger(where, 'groups', value, 1, MAX_GROUPS, true)
}

/** The parts of an atlas that groups are made from. */
export type GroupSource = Pick<Atlas, 'matrix' | 'model' | 'assignments' | 'themes' | 'tree' | 'options'>

/**
 * Cuts an atlas's theme tree into `n` groups, each with a label, keywords and its themes
 * largest first. The `unclassified` theme, if any, forms a group of its own, not counted in `n`.
 * @param atlas Atlas (or the parts of it groups need).
 * @param n Groups wanted, or `'auto'` ({@link autoGroupCount}); more than there are themes
 * gives one group per theme.
 * @throws OptionError on an `n` that is not `'auto'` nor an integer ≥ 1.
 */
export function cutThemes(atlas: GroupSource, n: number | 'auto'): ThemeGroup[] {
  checkGroupsOption(n)
  const { tree, themes } = atlas
  const leaves = tree.leaves
  const count = n === 'auto' ? autoGroupCount(atlas.assignments.length, leaves) : Math.min(n, leaves)
  const leafGroup = cutTree(tree, count)
  const formed = leaves === 0 ? 0 : Math.max(...leafGroup) + 1
  const sizes = new Float64Array(formed)
  for (let c = 0; c < leaves; c++) sizes[leafGroup[c]!] += themes[c]!.talks.length
  // Groups by decreasing talk count, ties by their first theme (groups are numbered by it).
  const ranked = Array.from({ length: formed }, (_, g) => g).sort((a, b) => sizes[b]! - sizes[a]! || a - b)
  const rankOf = new Int32Array(formed)
  ranked.forEach((g, rank) => (rankOf[g] = rank))
  const talkGroup = new Int32Array(atlas.assignments.length)
  for (let i = 0; i < talkGroup.length; i++) {
    const c = atlas.assignments[i]!
    talkGroup[i] = c < leaves ? rankOf[leafGroup[c]!]! : -1
  }
  const names = labelThemes(atlas.matrix, atlas.model, talkGroup, formed, { keywords: atlas.options.keywords })
  const members: string[][] = Array.from({ length: formed }, () => [])
  // Themes are stored largest first, so each group's list comes out largest first.
  for (let c = 0; c < leaves; c++) members[rankOf[leafGroup[c]!]!]!.push(themes[c]!.id)
  const groups: ThemeGroup[] = members.map((ids, rank) => ({
    id: `group-${rank + 1}`,
    label: names.labels[rank]!,
    keywords: names.keywords[rank]!,
    themes: ids,
    size: sizes[ranked[rank]!]!,
  }))
  const unclassified = themes[leaves]
  if (unclassified !== undefined && unclassified.id === UNCLASSIFIED_THEME_ID) {
    groups.push({ id: UNCLASSIFIED_THEME_ID, label: unclassified.label, keywords: [], themes: [unclassified.id], size: unclassified.talks.length })
  }
  return groups
}

/**
 * Index into `groups` of each theme of the atlas.
 * @param atlas Atlas with its groups.
 */
export function groupOfTheme(atlas: Pick<Atlas, 'themes' | 'groups'>): Int32Array {
  const index = new Map(atlas.themes.map((theme, c) => [theme.id, c]))
  const groupOf = new Int32Array(atlas.themes.length).fill(-1)
  atlas.groups.forEach((group, g) => {
    for (const id of group.themes) groupOf[index.get(id)!] = g
  })
  return groupOf
}
