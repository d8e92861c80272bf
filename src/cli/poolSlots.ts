/**
 * Slots of the shared control arrays of a `KmeansPool`'s work, in a module of their own so
 * that the k-means worker reads them without loading the pool (and, through it, the text code).
 */

/**
 * Slots of a refinement's control array: pass number posted, pass kind, its first centre
 * (sums), pass number done, rows changed (−1: failed), stop, next chunk of rows to take.
 */
export const CONTROL = { posted: 0, pass: 1, from: 2, done: 3, changed: 4, stop: 5, next: 6, length: 7 } as const

/** Slots of a shared Gram matrix's control array: next chunk to fill, chunks filled, failed (1). */
export const GRAM = { next: 0, filled: 1, failed: 2, length: 3 } as const
