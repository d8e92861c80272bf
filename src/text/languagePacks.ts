/**
 * The language packs of `talkatlas/languages`: for each language other than English, the
 * `stopword` package's list and the Snowball stemmer of `@orama/stemmers` (one small module
 * per language; docs/decisions.md has the figures). Import only the packs a page needs.
 */
import { stemmer as dutchStemmer } from '@orama/stemmers/dutch'
import { stemmer as frenchStemmer } from '@orama/stemmers/french'
import { stemmer as germanStemmer } from '@orama/stemmers/german'
import { stemmer as italianStemmer } from '@orama/stemmers/italian'
import { stemmer as portugueseStemmer } from '@orama/stemmers/portuguese'
import { stemmer as spanishStemmer } from '@orama/stemmers/spanish'
import type { LanguagePack } from './languageRegistry.js'
import { STOPWORDS_DE, STOPWORDS_ES, STOPWORDS_FR, STOPWORDS_IT, STOPWORDS_NL, STOPWORDS_PT } from './stopwordLists.js'

/**
 * What talkatlas's conference boilerplate is for English, in German: words abstracts use about
 * the talk itself ("In diesem Vortrag zeigen wir…"), absent from the package's German list.
 */
const GERMAN_TALK_WORDS =
  'vortrag|vorträge|vortrags|referent|referentin|zeigen|zeigt|erklären|erklärt|erläutern|' +
  'vorstellen|stellen|diskutieren|sprechen|berichten|lernen|möglichkeiten|fragen|frage|einfach|' +
  'lassen|lässt|bzw'

/** German: the `stopword` list with talk boilerplate, and Snowball German. */
export const german: LanguagePack = { language: 'de', stopwords: STOPWORDS_DE, talkWords: GERMAN_TALK_WORDS, stem: germanStemmer }
/** Spanish: the `stopword` list and Snowball Spanish. */
export const spanish: LanguagePack = { language: 'es', stopwords: STOPWORDS_ES, stem: spanishStemmer }
/** French: the `stopword` list and Snowball French. */
export const french: LanguagePack = { language: 'fr', stopwords: STOPWORDS_FR, stem: frenchStemmer }
/** Italian: the `stopword` list and Snowball Italian. */
export const italian: LanguagePack = { language: 'it', stopwords: STOPWORDS_IT, stem: italianStemmer }
/** Dutch: the `stopword` list and Snowball Dutch. */
export const dutch: LanguagePack = { language: 'nl', stopwords: STOPWORDS_NL, stem: dutchStemmer }
/** Portuguese: the `stopword` list and Snowball Portuguese. */
export const portuguese: LanguagePack = { language: 'pt', stopwords: STOPWORDS_PT, stem: portugueseStemmer }

/** Every pack, in the order of `LANGUAGES`: `registerLanguages(...allLanguages)`. */
export const allLanguages: readonly LanguagePack[] = [german, spanish, french, italian, dutch, portuguese]
