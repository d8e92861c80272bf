/**
 * Stemming. English: the Porter stemmer of the `stemmer` package (small, maintained, no
 * dependencies, the same stems as `natural`'s PorterStemmer: stem.porter.test.ts). Other
 * languages: the Snowball stemmers of `@orama/stemmers`, one small module per language
 * (docs/decisions.md has the figures).
 */
import { stemmer as dutch } from '@orama/stemmers/dutch'
import { stemmer as french } from '@orama/stemmers/french'
import { stemmer as german } from '@orama/stemmers/german'
import { stemmer as italian } from '@orama/stemmers/italian'
import { stemmer as portuguese } from '@orama/stemmers/portuguese'
import { stemmer as spanish } from '@orama/stemmers/spanish'
import { stemmer } from 'stemmer'
import type { Language } from './language.js'

const PURE_LOWER_ALPHA = /^[a-z]+$/
const PURE_LOWER_LETTERS = /^\p{Ll}+$/u

/** Snowball stemmer of each language other than English. */
const SNOWBALL: { readonly [L in Exclude<Language, 'en'>]: (word: string) => string } = {
  de: german,
  es: spanish,
  fr: french,
  it: italian,
  nl: dutch,
  pt: portuguese,
}

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
 * Stem of a lower-case word in a language: Porter for English ({@link stem}), Snowball for the
 * others. Words of three letters or fewer and words with anything but letters (identifiers,
 * versions) are returned unchanged.
 *
 * @param word Lower-case word.
 * @param language Language of the text the word comes from.
 * @returns The stem, e.g. `stemIn("netzwerke", "de")` → `"netzwerk"`.
 */
export function stemIn(word: string, language: Language): string {
  if (language === 'en') return stem(word)
  if (word.length <= 3 || !PURE_LOWER_LETTERS.test(word)) return word
  return SNOWBALL[language](word)
}
