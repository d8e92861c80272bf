/**
 * The languages a corpus is written in, and the words that may not name a theme because they
 * are function words of one of them. The tokenizer drops a talk's stopwords in the languages
 * detected for that talk; a German word in a talk read as English (`kann`, `schon`, a single
 * letter as in "Track C") stays a term and could otherwise surface in a label.
 */
import type { Language } from './language.js'
import { languageReader } from './languageRegistry.js'
import { languageStopwords } from './stopwords.js'
import { tokenize } from './tokenize.js'

/** Talks read to find the corpus's languages: an evenly spaced sample above this many. */
const SAMPLE_TALKS = 500
/** A language counts when it is the main language of this share of the talks read… */
const MIN_SHARE = 0.01
/** …and of at least this many talks. */
const MIN_TALKS = 2

/**
 * The languages other than English that are the main language of at least 1 % of the texts
 * (and of 2 texts), in the order of `LANGUAGES`. Above 500 texts an
 * evenly spaced sample of 500 is read.
 * @param texts Texts of the corpus (title and abstract of each talk).
 */
export function corpusLanguages(texts: readonly string[]): Language[] {
  const reader = languageReader()
  return corpusLanguagesOf(texts.length, (index) => {
    const tokens = tokenize(texts[index]!)
    return reader.read(tokens, tokens.length).main
  })
}

/**
 * {@link corpusLanguages} from each text's main language, told already (by the term reader,
 * which reads every text's languages for its stopwords): the same sample, the same shares.
 * @param n Number of texts.
 * @param mainOf Main language of text `index` (asked only for the texts of the sample).
 */
export function corpusLanguagesOf(n: number, mainOf: (index: number) => Language): Language[] {
  const sampled = Math.min(n, SAMPLE_TALKS)
  const counts = new Map<Language, number>()
  for (let s = 0; s < sampled; s++) {
    const main = mainOf(Math.floor((s * n) / sampled))
    if (main !== 'en') counts.set(main, (counts.get(main) ?? 0) + 1)
  }
  const needed = Math.max(MIN_TALKS, MIN_SHARE * sampled)
  return [...counts].filter(([, count]) => count >= needed).map(([language]) => language)
}

/**
 * Lower-case words that may not stand in a label or keyword of a corpus in these (registered) languages:
 * the stopwords of each language but English (English function words never become terms).
 * @param languages Languages of the corpus (see {@link corpusLanguages}).
 */
export function foreignStopwords(languages: readonly Language[]): ReadonlySet<string> {
  const words = new Set<string>()
  for (const language of languages) if (language !== 'en') for (const word of languageStopwords(language)) words.add(word)
  return words
}
