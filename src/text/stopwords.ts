/**
 * Stopwords: the `stopword` package's English list, further English function words, and
 * words that conference abstracts use about themselves rather than about their topic; and
 * the package's lists of the other languages talkatlas reads, from their registered packs
 * (src/text/stopwordLists.ts, made from the package at build time: only these 7 of its 62
 * lists ship).
 */
import type { Language } from './language.js'
import { languagePack, registrationGeneration } from './languageRegistry.js'
import { STOPWORDS_EN } from './stopwordLists.js'

/** English function words missing from the `stopword` package's list. */
const MORE_ENGLISH: readonly string[] = (
  "above across against ago almost along already although always among amongst anyone anything " +
  "anyway anywhere around away back became become becomes behind below beside besides beyond " +
  "cannot can't couldn didn does doesn doing don done down due during either else elsewhere " +
  "enough etc even ever every everyone everything everywhere e.g few first former further " +
  "furthermore gets getting given gives goes going gone hadn hasn haven hence hers herself " +
  "however i.e isn itself its just last latter least less let lets made makes making may " +
  "meanwhile mine moreover mostly myself namely near nearly neither nevertheless next no nobody " +
  "none nor not nothing nowhere off often once one ones onto others otherwise ours ourselves " +
  "own per perhaps quite rather really says see seem seemed seems several shall she shouldn so " +
  "someone something sometimes somewhere thanks thereby therefore thus together toward towards " +
  "two three upon us via wasn weren whatever when whenever whereas whether whichever whole whom " +
  "whose why will within without won wouldn yet yours yourself yourselves i'm we're we'll we've " +
  "it's let's there's that's don't doesn't isn't aren't won't"
).split(' ')

/**
 * Words conference abstracts use about the event, the talk or the audience. They say
 * nothing about a talk's topic, so they would only blur themes. (Those already in the English
 * lists above, `also`, `will`, `first`, are not repeated.)
 */
const CONFERENCE_BOILERPLATE: readonly string[] = (
  'talk talks presentation presentations present presenting presented session sessions discuss ' +
  'discussed discussing discussion discussions speaker speakers audience attendee attendees ' +
  'participants conference workshop slides slide demo demos introduce introduces introducing ' +
  'introduction overview share sharing learn learned learnt cover covers covering explore ' +
  'explores exploring show shows showing shown look looking looks want wants try trying tried ' +
  'q&a new use used uses using usage ways lot lots various different able need needs needed ' +
  'provide provides providing example examples current currently recent recently year years ' +
  'today thing things kind part parts work works worked working based approach approaches help ' +
  'helps including include includes particular particularly specific possible important ' +
  'interesting great good better best main real world people hope brief briefly finally start ' +
  'started starting goal goals idea ideas second third focus focuses focused aim aims give ' +
  'takes taken questions question answer answers hear join know knowledge understand ' +
  'understanding describe describes talking propose proposed proposal summarize summarise ' +
  'summary'
).split(' ')

/** English function words: the `stopword` package's list and {@link MORE_ENGLISH}. */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set([...STOPWORDS_EN.split('|'), ...MORE_ENGLISH])

/** The default stopword set (lower case). */
export const DEFAULT_STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH_FUNCTION_WORDS, ...CONFERENCE_BOILERPLATE])

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
