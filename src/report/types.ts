import type { MapMethod } from './projectMap.js'
import type { ProgressCallback } from '../progress.js'

/**
 * Inputs of the report renderers. Tags and sessions are produced elsewhere (tagging,
 * session planning); the report only needs these small shapes, so any producer that fits
 * them can be rendered.
 */

/** One tag of a talk. */
export interface ReportTag {
  /** Tag (taxonomy theme) name, e.g. `XDP`. */
  readonly theme: string
  /** Confidence, shown with two decimals. */
  readonly score: number
}

/**
 * Tags per talk id. A `Map` or a plain object (looked up by own properties only, so an id
 * such as `__proto__` is an ordinary key).
 */
export type ReportTags =
  | ReadonlyMap<string, readonly ReportTag[]>
  | { readonly [talkId: string]: readonly ReportTag[] }

/** One session of a plan. */
export interface ReportSession {
  /** Session id. */
  readonly id: string
  /** Human-readable label. */
  readonly label: string
  /** Talk ids in running order. */
  readonly talks: readonly string[]
  /** Time slot (its first appearance orders the slots); a number reads as `Slot n`. */
  readonly slot?: string | number
  /** Room (its first appearance orders the rooms); a number reads as `Room n`. */
  readonly room?: string | number
}

/** A session plan. */
export interface ReportSessions {
  /** Sessions in plan order. */
  readonly sessions: readonly ReportSession[]
}

/** Options of {@link renderHtmlReport} and {@link renderMarkdownReport}. */
export interface ReportOptions {
  /** Session plan to show slot by slot and room by room. @default undefined (no sessions section) */
  readonly sessions?: ReportSessions
  /** Tags shown on each talk. @default undefined (no tags) */
  readonly tags?: ReportTags
  /** Page and document title. @default 'talkatlas report' */
  readonly title?: string
  /** Related talks listed per talk (HTML only). @default 5 */
  readonly related?: number
  /** Map layout (HTML only), see {@link ProjectMapOptions}; seeded with the atlas seed. @default 'auto' */
  readonly map?: MapMethod
  /** Called with the map's `umap` steps (HTML only), see {@link ProjectMapOptions}. @default undefined */
  readonly onProgress?: ProgressCallback
}
