/**
 * What changed between two editions of a conference: one set of themes fitted over the talks
 * of both, then each theme's size in each edition.
 */
import { buildAtlas, checkTalks, resolveAtlasOptions } from '../atlas/buildAtlas.js'
import type { Atlas, AtlasOptions } from '../atlas/types.js'
import { UNCLASSIFIED_THEME_ID } from '../atlas/unclassified.js'
import { InputError } from '../errors.js'
import { checkInteger, checkRange } from '../options.js'
import type { Talk, Warning } from '../types.js'
import type { CompareOptions, CompareResult, EditionSide, ThemeChange, ThemeChangeKind } from './types.js'

/** The two editions, in the order of the joint atlas's talks. */
export type Edition = 'before' | 'after'

/** Options of `compare` with defaults filled in. */
export interface ResolvedCompareOptions {
  readonly examples: number
  readonly nearlyAbsent: number
  readonly minTalks: number
  readonly atlas: AtlasOptions
}

/**
 * Themes fitted over the talks of two editions together, and for each theme its talk count
 * in each edition, the change, whether it is new or faded, and example titles from each side.
 * Talks keep their edition; the same id may appear in both editions (each edition's ids must
 * be unique). Deterministic: same talks, options and seed give the same result.
 *
 * @param before Talks of the earlier edition.
 * @param after Talks of the later edition.
 * @param options Atlas options (k, seed, …) and {@link CompareOptions}.
 * @throws InputError when an edition has no talks or a malformed talk (naming the edition).
 * @throws OptionError on an option outside its range.
 * @example compare(talks2024, talks2025).themes.filter((t) => t.kind === 'new')
 */
export function compare(before: readonly Talk[], after: readonly Talk[], options: CompareOptions = {}): CompareResult {
  const resolved = resolveCompareOptions(options)
  const joint = jointTalks(before, after)
  return summarizeChanges(buildAtlas(joint, resolved.atlas), before, after, resolved)
}

/**
 * Validates the options of `compare` and fills defaults.
 * @param options User options.
 */
export function resolveCompareOptions(options: CompareOptions = {}): ResolvedCompareOptions {
  const { examples = 3, nearlyAbsent = 0.1, minTalks = 3, ...atlas } = options ?? {}
  checkInteger('compare', 'examples', examples, 0, 50)
  checkRange('compare', 'nearlyAbsent', nearlyAbsent, 0, 1, true, 'a number in [0, 1)')
  checkInteger('compare', 'minTalks', minTalks, 1)
  resolveAtlasOptions(atlas)
  return { examples, nearlyAbsent, minTalks, atlas }
}

/**
 * The talks of both editions as one corpus: the before talks then the after talks, each
 * with only id, title and abstract (nothing else is read), and an id made unique by its
 * edition (`before:<id>`, `after:<id>`), so that ids shared by the two editions do not collide.
 * @param before Talks of the earlier edition.
 * @param after Talks of the later edition.
 * @throws InputError when an edition is empty or holds a malformed talk.
 */
export function jointTalks(before: readonly Talk[], after: readonly Talk[]): Talk[] {
  for (const [edition, talks] of [['before', before], ['after', after]] as const) {
    try {
      checkTalks(talks)
    } catch (error) {
      if (error instanceof InputError) throw new InputError(`compare: the ${edition} edition: ${error.message}`, {}, error)
      throw error
    }
    if (talks.length === 0) throw new InputError(`compare: the ${edition} edition has no talks`, { field: edition })
  }
  const tag = (edition: Edition) => (talk: Talk): Talk => ({ id: `${edition}:${talk.id}`, title: talk.title, abstract: talk.abstract })
  return [...before.map(tag('before')), ...after.map(tag('after'))]
}

/**
 * Turns the atlas of the joint talks into the changes per theme.
 * @param atlas Atlas of `jointTalks(before, after)`.
 * @param before Talks of the earlier edition.
 * @param after Talks of the later edition.
 * @param options Resolved options.
 */
export function summarizeChanges(atlas: Atlas, before: readonly Talk[], after: readonly Talk[], options: ResolvedCompareOptions): CompareResult {
  const place = new Map<string, { edition: Edition; talk: Talk }>()
  before.forEach((talk) => place.set(`before:${talk.id}`, { edition: 'before', talk }))
  after.forEach((talk) => place.set(`after:${talk.id}`, { edition: 'after', talk }))
  const sizes = { before: before.length, after: after.length }
  const themes = atlas.themes.map((theme): ThemeChange => {
    const sides: Record<Edition, Talk[]> = { before: [], after: [] }
    for (const member of theme.talks) {
      const found = place.get(member.id)!
      sides[found.edition].push(found.talk)
    }
    const n = { before: sides.before.length, after: sides.after.length }
    const shareChange = 100 * (n.after / sizes.after - n.before / sizes.before)
    return {
      id: theme.id,
      label: theme.label,
      keywords: theme.keywords.map((keyword) => keyword.term),
      before: n.before,
      after: n.after,
      change: n.after - n.before,
      shareChange: Math.round(shareChange * 1e4) / 1e4,
      kind: changeKind(n, sizes, options),
      beforeTalks: side(sides.before, options.examples),
      afterTalks: side(sides.after, options.examples),
    }
  })
  themes.sort(byChange)
  return {
    editions: sizes,
    themes,
    k: atlas.themes.filter((theme) => theme.id !== UNCLASSIFIED_THEME_ID).length,
    warnings: atlas.warnings.map((warning) => editionWarning(warning, place)),
  }
}

/**
 * One edition's side of a theme.
 * @param talks The edition's talks in the theme, most typical first.
 * @param examples Example titles to keep.
 */
function side(talks: readonly Talk[], examples: number): EditionSide {
  return { talks: talks.map((talk) => talk.id), examples: talks.slice(0, examples).map((talk) => talk.title) }
}

/**
 * Whether a theme is new, faded, grew, shrank or stayed. "Nearly absent" in an edition:
 * at most one talk, or at most `nearlyAbsent` of the share of its edition the theme holds in
 * the other edition; the other edition must hold at least `minTalks` of it.
 * @param n The theme's talks in each edition.
 * @param sizes Talks in each edition.
 * @param options Resolved options.
 */
export function changeKind(n: { before: number; after: number }, sizes: { before: number; after: number }, options: Pick<ResolvedCompareOptions, 'nearlyAbsent' | 'minTalks'>): ThemeChangeKind {
  const nearlyAbsentIn = (edition: Edition, other: Edition): boolean =>
    n[other] >= options.minTalks && (n[edition] <= 1 || n[edition] / sizes[edition] <= options.nearlyAbsent * (n[other] / sizes[other]))
  if (nearlyAbsentIn('before', 'after')) return 'new'
  if (nearlyAbsentIn('after', 'before')) return 'faded'
  return n.after > n.before ? 'grew' : n.after < n.before ? 'shrank' : 'steady'
}

/** Decreasing change, then decreasing share change, then the atlas's order (stable sort); `unclassified` last. */
function byChange(a: ThemeChange, b: ThemeChange): number {
  const aLast = a.id === UNCLASSIFIED_THEME_ID ? 1 : 0
  const bLast = b.id === UNCLASSIFIED_THEME_ID ? 1 : 0
  return aLast - bLast || b.change - a.change || b.shareChange - a.shareChange
}

/**
 * A warning of the joint atlas with its talk ids given back in their editions' own terms.
 * @param warning Warning naming joint ids.
 * @param place Edition and talk of each joint id.
 */
function editionWarning(warning: Warning, place: ReadonlyMap<string, { edition: Edition; talk: Talk }>): Warning {
  if (warning.talkIds === undefined) return warning
  return { ...warning, talkIds: warning.talkIds.map((id) => { const found = place.get(id); return found === undefined ? id : `${found.edition}:${found.talk.id}` }) }
}
