// The built library as the evaluation scripts use it: talkatlas and talkatlas/eval in one
// namespace, with every language talkatlas knows registered, as the CLI reads talks (German
// talks in 35C3). `npm run build` first (scripts/ensure-build.mjs does it for `npm run eval`).
import * as core from '../dist/index.js'
import * as metrics from '../dist/eval.js'
import { allLanguages } from '../dist/languages.js'

core.registerLanguages(...allLanguages)

/** The library and its metrics (talkatlas and talkatlas/eval). */
export const talkatlas = Object.freeze({ ...core, ...metrics })
