/**
 * English stemming with the Porter stemmer of the `stemmer` package: small, maintained,
 * no dependencies, and the same stems as `natural`'s PorterStemmer (asserted in
 * stem.test.ts; docs/decisions.md has the figures).
 */
import { stemmer } from 'stemmer'

const PURE_LOWER_ALPHA = /^[a-z]+$/

/**
 * Porter stem of a lower-case word. Identifiers, numbers, versions and non-ASCII words are
 * returned unchanged: stemming `net_cls` or `v5.6` would only damage them.
 *
 * @param word Lower-case word.
 * @returns The stem, e.g. `stem("scheduling")` → `"schedul"`.
 */
export function stem(word: string): string {
  if (word.length <= 3 || !PURE_LOWER_ALPHA.test(word)) return word
  return stemmer(word)
}
