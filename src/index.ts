// talkatlas public API. This file only re-exports; every export is documented in README.md.
// Blocks are grouped by pipeline stage.

// --- errors and shared types ---
export { TalkatlasError, InputError, OptionError } from './errors.js'
export type { ErrorCode, InputPlace } from './errors.js'
export type { Talk, CsrMatrix, Warning } from './types.js'

// --- io: input formats ---

// --- text ---

// --- vectorize ---

// --- cluster ---

// --- similarity ---

// --- atlas (whole pipeline) ---

// --- tag ---

// --- sessions ---

// --- report ---

// --- eval ---
