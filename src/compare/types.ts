/** Types of {@link compare}: what changed between two editions of a conference. */
import type { AtlasOptions } from '../atlas/types.js'
import type { Warning } from '../types.js'

/** Options of `compare`: every {@link AtlasOptions} field, plus how changes are reported. */
export interface CompareOptions extends AtlasOptions {
  /** Example titles kept per theme and edition, most typical first; 0 to 50. @default 3 */
  readonly examples?: number
  /**
   * How small a theme's share of an edition may be and still count as "nearly absent": a
   * theme is `new` when, in the before edition, it holds at most one talk or at most this
   * fraction of the share of talks it holds after (and symmetrically for `faded`). Shares,
   * not counts, so that a larger edition does not make every theme look new. In [0, 1).
   * @default 0.1
   */
  readonly nearlyAbsent?: number
  /** Fewest talks a theme needs in the edition where it is present to be `new` or `faded`. @default 3 */
  readonly minTalks?: number
}

/**
 * How a theme changed: `new` (present after, absent or nearly so before), `faded` (the
 * reverse), else `grew`, `shrank` or `steady` by its talk count.
 */
export type ThemeChangeKind = 'new' | 'faded' | 'grew' | 'shrank' | 'steady'

/** One edition's side of a theme. */
export interface EditionSide {
  /** Talk ids of this edition in the theme (as given in that edition), most typical first. */
  readonly talks: readonly string[]
  /** Titles of the first `examples` of those talks. */
  readonly examples: readonly string[]
}

/** One theme fitted over both editions, with its size in each. */
export interface ThemeChange {
  /** `theme-1`, … as in the joint atlas (by decreasing joint size), or `unclassified`. */
  readonly id: string
  /** Label of 2–3 terms. */
  readonly label: string
  /** Most distinctive terms, best first. */
  readonly keywords: readonly string[]
  /** Talks of the before edition in the theme. */
  readonly before: number
  /** Talks of the after edition in the theme. */
  readonly after: number
  /** `after - before`, in talks. */
  readonly change: number
  /**
   * Change of the theme's share of its edition, in percentage points
   * (`100·after/afterTalks − 100·before/beforeTalks`): the change with the editions' sizes
   * taken out.
   */
  readonly shareChange: number
  /** See {@link ThemeChangeKind}. */
  readonly kind: ThemeChangeKind
  /** The before edition's talks and example titles. */
  readonly beforeTalks: EditionSide
  /** The after edition's talks and example titles. */
  readonly afterTalks: EditionSide
}

/** What {@link compare} returns. */
export interface CompareResult {
  /** Talks in each edition. */
  readonly editions: { readonly before: number; readonly after: number }
  /**
   * Every theme, by decreasing `change`, ties by decreasing `shareChange`, then joint size; the
   * `unclassified` theme (talks without distinctive terms), when there is one, comes last.
   * The `before` counts add up to the before edition's talks, the `after` counts to the
   * after edition's, and every talk is in exactly one theme.
   */
  readonly themes: readonly ThemeChange[]
  /** Themes fitted (without `unclassified`). */
  readonly k: number
  /** Notices from reading and clustering. */
  readonly warnings: readonly Warning[]
}
