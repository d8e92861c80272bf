/**
 * Stemming with the Porter stemmer of `natural`, imported through its focused module:
 * the package's main entry takes ~550 ms to import and prints on stdout.
 */
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js'

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
  return porterStemmer.stem(word)
}
