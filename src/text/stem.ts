/**
 * Stemming. English: the Porter stemmer of the `stemmer` package (small, maintained, no
 * dependencies, the same stems as `natural`'s PorterStemmer: stem.porter.test.ts). Other
 * languages: the Snowball stemmer of their registered pack (languageRegistry.ts).
 */
import { stemmer } from 'stemmer'
import type { Language } from './language.js'
import { languagePack } from './languageRegistry.js'

const PURE_LOWER_ALPHA = /^[a-z]+$/
const PURE_LOWER_LETTERS = /^\p{Ll}+$/u

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

/**
 * Stem of a lower-case word in a language: Porter for English ({@link stem}), the registered
 * pack's Snowball stemmer for the others (Porter for a language not registered). Words of three letters or fewer and words with anything but letters (identifiers,
 * versions) are returned unchanged.
 *
 * @param word Lower-case word.
 * @param language Language of the text the word comes from.
 * @returns The stem, e.g. `stemIn("netzwerke", "de")` → `"netzwerk"`.
 */
export function stemIn(word: string, language: Language): string {
  const pack = language === 'en' ? undefined : languagePack(language)
  if (pack === undefined) return stem(word)
  if (word.length <= 3 || !PURE_LOWER_LETTERS.test(word)) return word
  return pack.stem(word)
}
