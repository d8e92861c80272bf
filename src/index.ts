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
export { accuracy } from './eval/accuracy.js'
export { adjustedRandIndex } from './eval/adjustedRandIndex.js'
export { contingency } from './eval/contingency.js'
export type { Contingency } from './eval/contingency.js'
export type { Label, LabelCodes, Labels } from './eval/labels.js'
export { normalizedMutualInfo, defaultNormalizedMutualInfoOptions } from './eval/normalizedMutualInfo.js'
export type { EntropyAverage, NormalizedMutualInfoOptions } from './eval/normalizedMutualInfo.js'
export { pairPurity } from './eval/pairPurity.js'
export { precisionAtK } from './eval/precisionAtK.js'
export { vMeasure, defaultVMeasureOptions } from './eval/vMeasure.js'
export type { VMeasure, VMeasureOptions } from './eval/vMeasure.js'
