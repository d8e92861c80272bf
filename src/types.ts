/** Shared data types of the talkatlas pipeline. */

/**
 * One conference talk. `id`, `title` and `abstract` are required (an empty abstract is
 * allowed); any other field a reader found is kept as is.
 */
export interface Talk {
  /** Unique id within a corpus. Readers make a stable one when the input has none. */
  readonly id: string
  /** Talk title. */
  readonly title: string
  /** Abstract or description, plain text. May be empty. */
  readonly abstract: string
  /** Speaker names, when known. Used by session planning to avoid clashes. */
  readonly speakers?: readonly string[]
  /** Any other field from the input (track, room, url, source record…). */
  readonly [field: string]: unknown
}

/**
 * Compressed sparse row matrix in typed arrays. Row `i` holds columns
 * `indices[indptr[i] .. indptr[i+1])`, sorted ascending, with values in `data`.
 */
export interface CsrMatrix {
  readonly nRows: number
  readonly nCols: number
  readonly indptr: Int32Array
  readonly indices: Int32Array
  readonly data: Float32Array
}

/** A non-fatal problem the library noticed; the CLI prints these on stderr. */
export interface Warning {
  /** Stable identifier, e.g. `duplicate-id`, `empty-abstract`, `fewer-clusters`. */
  readonly code: string
  /** Human-readable message. */
  readonly message: string
  /** Talk ids concerned, when any. */
  readonly talkIds?: readonly string[]
}
