/**
 * Stopwords: the `stopword` package's English list, further English function words, and
 * words that conference abstracts use about themselves rather than about their topic; and
 * the package's lists of the other languages talkatlas reads, from their registered packs.
 * All are in src/text/stopwordLists.ts, written by scripts/build-stopword-lists.mjs from the
 * package at build time (only these 7 of its 62 lists ship); the English words, with the
 * further lists that script holds, are front-coded there (smaller in a browser bundle).
 */
import type { Language } from './language.js'
import { languagePack, registrationGeneration } from './languageRegistry.js'
import { CONFERENCE_BOILERPLATE_CODED, ENGLISH_FUNCTION_WORDS_CODED } from './stopwordLists.js'

/**
 * The words of a front-coded list (`ENGLISH_FUNCTION_WORDS_CODED`): each word is a digit, the
 * count of letters it shares with the word before, then its other letters.
 * @param coded Front-coded words.
 */
function frontDecoded(coded: string): string[] {
  const words: string[] = []
  let word = ''
  for (const [, shared, rest] of coded.matchAll(/(\d)(\D*)/g)) words.push((word = word.slice(0, Number(shared)) + rest))
  return words
}

/** English function words: the `stopword` package's list and further function words. */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(frontDecoded(ENGLISH_FUNCTION_WORDS_CODED))

/** The default stopword set (lower case). */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH_FUNCTION_WORDS, ...frontDecoded(CONFERENCE_BOILERPLATE_CODED)])

/**
 * Builds a stopword set from the defaults plus extra words, minus words to keep.
 *
 * @param extra Additional stopwords (any case).
 * @param keep Words to remove from the defaults (any case).
 */
export function buildStopwords(extra: readonly string[] = [], keep: readonly string[] = []): ReadonlySet<string> {
  if (extra.length === 0 && keep.length === 0) return DEFAULT_STOPWORDS
  const set = new Set(DEFAULT_STOPWORDS)
  for (const word of extra) set.add(word.toLowerCase())
  for (const word of keep) set.delete(word.toLowerCase())
  return set
}

/**
 * The stopwords of a language: for English {@link DEFAULT_STOPWORDS}, for the others the list
 * of its registered pack, the `stopword` package's, and the pack's `talkWords` (German's: talk boilerplate);
 * {@link DEFAULT_STOPWORDS} for a language not registered, which is read as English.
 *
 * @param language Language code.
 */
export function languageStopwords(language: Language): ReadonlySet<string> {
  const pack = language === 'en' ? undefined : languagePack(language)
  if (pack === undefined) return DEFAULT_STOPWORDS
  if (setsGeneration !== registrationGeneration()) {
    languageSets.clear()
    setsGeneration = registrationGeneration()
  }
  let set = languageSets.get(language)
  if (set === undefined) {
    set = new Set([...pack.stopwords.split('|'), ...(pack.talkWords?.split('|') ?? [])])
    languageSets.set(language, set)
  }
  return set
}

const languageSets = new Map<Language, ReadonlySet<string>>()
/** The registration the sets were built for: a pack registered again replaces its list. */
let setsGeneration = 0

/**
 * Stopwords of a text in several languages: `base` (the English defaults with the user's
 * additions), plus the lists of the other languages, minus the words to keep.
 *
 * @param base Base set (English defaults, extra words added, kept words removed).
 * @param languages Languages of the text.
 * @param keep Lower-case words never to drop.
 */
export function stopwordsFor(base: ReadonlySet<string>, languages: readonly Language[], keep: readonly string[]): ReadonlySet<string> {
  if (languages.every((language) => language === 'en')) return base
  const set = new Set(base)
  for (const language of languages) if (language !== 'en') for (const word of languageStopwords(language)) set.add(word)
  for (const word of keep) set.delete(word)
  return set
}
