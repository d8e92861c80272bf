// talkatlas/eval: metrics that score talkatlas output against known labels, and the
// synthetic corpus generator of the benchmarks. Browser-safe; every export is documented in
// README.md ("Evaluation").

export { accuracy } from './eval/accuracy.js'
export { adjustedRandIndex } from './eval/adjustedRandIndex.js'
export { contingency } from './eval/contingency.js'
export type { Contingency } from './eval/contingency.js'
export type { Label, LabelCodes, Labels } from './eval/labels.js'
export { normalizedMutualInfo } from './eval/normalizedMutualInfo.js'
export type { EntropyAverage, NormalizedMutualInfoOptions } from './eval/normalizedMutualInfo.js'
export { pairPurity } from './eval/pairPurity.js'
export { precisionAtK } from './eval/precisionAtK.js'
export { vMeasure } from './eval/vMeasure.js'
export type { VMeasure, VMeasureOptions } from './eval/vMeasure.js'
export { generateCorpus } from './eval/synthetic.js'
export type { GenerateCorpusOptions, SyntheticTalk } from './eval/synthetic.js'
