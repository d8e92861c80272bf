/**
 * Theme taxonomies: named lists of themes with aliases and keywords, shipped as JSON data
 * that users can extend or replace. The built-in one covers Linux networking and BPF.
 */
import builtin from './taxonomy-linux-networking-bpf.json'

/** One theme of a taxonomy. */
export interface TaxonomyTheme {
  /** Display name, e.g. `Traffic control`. */
  readonly name: string
  /** Other names of the same theme (`tc`, `net/sched`); user themes named so inherit it. */
  readonly aliases?: readonly string[]
  /** Identifiers and phrases an expert uses when talking about the theme. */
  readonly keywords?: readonly string[]
  /**
   * A sentence or two on what the theme covers, as someone of the field would write it. Its
   * nouns that no other theme uses count as weak evidence when tagging (`descriptionEvidence`).
   */
  readonly description?: string
}

/** A named list of themes, as stored in a taxonomy JSON file. */
export interface Taxonomy {
  /** Short name, e.g. `linux-networking-bpf`. */
  readonly name: string
  /** What the taxonomy covers. */
  readonly description?: string
  /** Its themes. */
  readonly themes: readonly TaxonomyTheme[]
}

/**
 * The built-in taxonomy for Linux networking and BPF (29 themes: XDP, AF_XDP, traffic
 * control, seccomp, profiling, tracing, MPTCP, HID-BPF, verifier, BTF/CO-RE, …). Frozen
 * data from `src/tag/taxonomy-linux-networking-bpf.json`.
 */
export const BUILTIN_TAXONOMY: Taxonomy = deepFreeze(builtin as Taxonomy)

/**
 * Freezes plain data recursively so that the shared built-in cannot be altered by a caller.
 * @param value JSON value.
 */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
