/**
 * Option defaults and validators shared by every stage. Each stage keeps its own
 * `default…Options`; what they have in common lives here, so that the seed default and the
 * wording of an invalid-option message are written once.
 */
/** Seed used when the caller passes none: same input, same output, run after run. */
export const DEFAULT_SEED = 42
