/**
 * The languages other than English that talkatlas reads, registered by the caller. English is
 * built in; each other language brings a stopword list and a Snowball stemmer (about 1.5 KB
 * gzipped each), so a browser page that reads English talks does not ship them. The packs are
 * in `talkatlas/languages`; the CLI registers all of them.
 */
import { OptionError } from '../errors.js'
import { isLanguage, LanguageReader, LANGUAGES, type Language, type TextLanguages } from './language.js'

/** What talkatlas needs to read one language other than English. */
export interface LanguagePack {
  /** ISO 639-1 code of the language, one of `LANGUAGES` other than `en`. */
  readonly language: Exclude<Language, 'en'>
  /** The language's stopwords, lower case, separated by `|`. */
  readonly stopwords: string
  /**
   * Words talks in this language use about themselves (`vortrag`, `zeigen`), lower case,
   * separated by `|`: dropped like the stopwords, but not read to detect the language.
   */
  readonly talkWords?: string
  /**
   * Stem of a lower-case word of letters longer than three (shorter words and identifiers are
   * never passed).
   */
  readonly stem: (word: string) => string
}

const registered = new Map<Language, LanguagePack>()
/** Makes a reader of texts' languages; set by the first registration (see {@link languageReader}). */
let newReader: (() => LanguageReading) | undefined
/** Changes with every registration, so that what is built from the packs is rebuilt. */
let generation = 0

/**
 * Throws an OptionError naming the first field of `pack` that a pack from
 * `talkatlas/languages` would not have (the pack itself when it is not an object).
 */
function rejectMalformedPack(pack: unknown): void {
  const packs = `a pack from talkatlas/languages (${LANGUAGES.slice(1).join(', ')})`
  if (typeof pack !== 'object' || pack === null) throw new OptionError('registerLanguages', 'pack', pack, packs)
  const { language, stopwords, stem, talkWords } = pack as Record<string, unknown>
  if (language === 'en' || !isLanguage(language)) throw new OptionError('registerLanguages', 'language', language, packs)
  const fields: [string, unknown, boolean, string][] = [
    ['stopwords', stopwords, typeof stopwords === 'string', 'a string of words'],
    ['stem', stem, typeof stem === 'function', 'a function'],
    ['talkWords', talkWords, talkWords === undefined || typeof talkWords === 'string', 'a string of words or nothing'],
  ]
  for (const [field, value, valid, allowed] of fields) {
    if (!valid) throw new OptionError('registerLanguages', `${String(language)} pack's ${field}`, value, `${allowed} (${packs})`)
  }
}

/**
 * Lets talkatlas detect, drop the stopwords of and stem the languages of `packs` (from
 * `talkatlas/languages`), for every later call in this JavaScript realm. Without it, every
 * talk is read as English. Registering a language again replaces its pack.
 *
 * @param packs Language packs, e.g. `german` or `...allLanguages`.
 * @throws {OptionError} When a pack is not a {@link LanguagePack} of a known language.
 */
export function registerLanguages(...packs: readonly LanguagePack[]): void {
  for (const pack of packs) rejectMalformedPack(pack)
  newReader ??= () => new LanguageReader()
  for (const pack of packs) {
    if (registered.get(pack.language) === pack) continue
    registered.set(pack.language, pack)
    generation++
  }
}

/**
 * The registered pack of a language; `undefined` for English and unregistered languages.
 * @param language Language code.
 */
export function languagePack(language: Language): LanguagePack | undefined {
  return registered.get(language)
}

/** True when talkatlas reads `language`: English, or a registered language. */
export function isRegisteredLanguage(language: Language): boolean {
  return language === 'en' || registered.has(language)
}

/** Registration count, for caches built from the registered packs. */
export function registrationGeneration(): number {
  return generation
}

/** What the tokenizer asks of a reader of texts' languages (see `LanguageReader`). */
export interface LanguageReading {
  /** Stopword id of a raw token, -1 for a token that tells no language. */
  wordId(token: string): number
  /** {@link wordId} of a token asked about once (not remembered unless a stopword). */
  distinctWordId(token: string): number
  /** The languages of a text given as the word ids of its tokens (the first `count`). */
  readIds(ids: Int32Array, count: number): TextLanguages
  /** The languages of a text given as its tokens (the first `count`). */
  read(tokens: readonly string[], count: number): TextLanguages
}

const ENGLISH: TextLanguages = { main: 'en', present: ['en'] }

/** Before any registration every text is English: no word needs telling apart. */
const englishOnly: LanguageReading = { wordId: () => -1, distinctWordId: () => -1, readIds: () => ENGLISH, read: () => ENGLISH }

/**
 * A reader of texts' languages. Until a language is registered every text reads as English,
 * which is what `LanguageReader` then finds too; the reader and its stopword masks are
 * reached only through {@link registerLanguages}, so a browser bundle that registers no
 * language leaves them out.
 */
export function languageReader(): LanguageReading {
  return newReader?.() ?? englishOnly
}
