import { buildStopwords } from '../../src/text/stopwords.js'
import type { CountSettings } from '../../src/vectorize/countTerms.js'

/**
 * Counting settings as `fitTfidf`'s defaults resolve them (English stopwords, stems, phrases
 * seen twice with association 0.1, titles counted twice), for the vectorize tests.
 * @param language The language setting: one code, or `'auto'` to detect it per talk.
 */
export function countSettings(language: CountSettings['language']): CountSettings {
  return {
    stopwords: buildStopwords(),
    keepWords: [],
    language,
    titleWeight: 2,
    stem: true,
    phrases: true,
    minPhraseCount: 2,
    minPhraseAssociation: 0.1,
  }
}
