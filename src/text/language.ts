/**
 * Language of a text, told by the share of each language's stopwords among its words: function
 * words make up a third to a half of running text in the languages read here and barely
 * overlap between them, so counting them is a reliable detector on a paragraph and costs one
 * table lookup per token. English and the registered languages (languageRegistry.ts) are told
 * apart; a text in a language not registered reads as English.
 */
import { languagePack, registrationGeneration } from './languageRegistry.js'
import { ENGLISH_FUNCTION_WORDS } from './stopwords.js'
import { tokenize } from './tokenize.js'

/** Languages whose stopwords and stemmer talkatlas knows (ISO 639-1 codes). */
export const LANGUAGES = ['en', 'de', 'es', 'fr', 'it', 'nl', 'pt'] as const

/** A language talkatlas reads: English, German, Spanish, French, Italian, Dutch, Portuguese. */
export type Language = (typeof LANGUAGES)[number]

/** The languages of one text: the main one first, then others it contains in quantity. */
export interface TextLanguages {
  /** The language with the most stopwords in the text; `en` unless another has more. */
  readonly main: Language
  /** Every language with a substantial share of the text's stopwords, `main` first. */
  readonly present: readonly Language[]
}

/** Another language must show at least this many stopwords (and more than English) to be the main one. */
const MIN_HITS = 1
/** A further language is present when it shows at least this many stopwords… */
const MIN_PRESENT_HITS = 3
/** …and this share of the main language's. */
const PRESENT_SHARE = 0.3

/**
 * Bit mask of the languages each stopword tells, English and the registered languages
 * (languageRegistry.ts). A word that English uses as a function word tells English only: `a`,
 * `in` or `on` in a list of another language would make every English text look a little
 * French or Italian.
 */
let languageMasks: ReadonlyMap<string, number> | undefined
/** The registration the masks were built for. */
let masksGeneration = -1

/** The masks, built on first use (importing the library does not pay for them) and again after a registration. */
function masks(): ReadonlyMap<string, number> {
  if (languageMasks === undefined || masksGeneration !== registrationGeneration()) {
    languageMasks = buildMasks()
    masksGeneration = registrationGeneration()
  }
  return languageMasks
}

function buildMasks(): Map<string, number> {
  const masks = new Map<string, number>()
  for (const word of ENGLISH_FUNCTION_WORDS) masks.set(word, 1)
  LANGUAGES.forEach((language, bit) => {
    const pack = language === 'en' ? undefined : languagePack(language)
    if (pack === undefined) return
    for (const word of pack.stopwords.split('|')) {
      // Single letters (`c`, `k` in German's list) are names more often: "Track C", "K Building".
      if (word.length > 1 && !ENGLISH_FUNCTION_WORDS.has(word)) masks.set(word, (masks.get(word) ?? 0) | (1 << bit))
    }
  })
  return masks
}

/**
 * True when `value` is a language code talkatlas reads.
 * @param value Value to check.
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The languages of a text: counts, for each language, the distinct words of the text that
 * are in its stopword list (distinct, so that `AI`, Italian and French for "to the" and "have",
 * repeated does not make a text Italian; acronyms, and single letters outside English, are
 * skipped). The main language is the one with the most, English unless another has more (a
 * title such as "Workshop für Einsteiger" with one German word and no English one is German). A further language is listed as
 * present when it has at least 3 and 30% of the main one's count (abstracts written twice, in
 * German and in English).
 *
 * @param text Text to read (title and abstract).
 * @returns The main language and the languages present.
 */
export function readLanguages(text: string): TextLanguages {
  const tokens = tokenize(text)
  return readTokenLanguages(tokens, tokens.length)
}

/**
 * {@link readLanguages} of a text already split into tokens.
 * @param tokens Tokens of the text (any case); only the first `count` are read.
 * @param count Number of tokens to read.
 */
export function readTokenLanguages(tokens: readonly string[], count: number): TextLanguages {
  return new LanguageReader().read(tokens, count)
}

/**
 * Reads the languages of many texts: remembers, per distinct raw token, which stopword it is
 * (if any), so that a corpus costs one map lookup per token.
 */
export class LanguageReader {
  /** Stopword id of each raw token seen, -1 when it tells no language. */
  private readonly wordIds = new Map<string, number>()
  private readonly masks: number[] = []
  /** Text in which each stopword id was last counted, so that a text counts each once. */
  private lastText: Int32Array = new Int32Array(64).fill(-1)
  private nTexts = 0

  /**
   * The languages of one text.
   * @param tokens Tokens of the text (any case); only the first `count` are read.
   * @param count Number of tokens to read.
   */
  read(tokens: readonly string[], count: number): TextLanguages {
    const ids = new Int32Array(count)
    for (let t = 0; t < count; t++) ids[t] = this.wordId(tokens[t]!)
    return this.readIds(ids, count)
  }

  /**
   * The languages of one text given as the {@link wordId}s of its tokens.
   * @param ids Word id of each token; only the first `count` are read.
   * @param count Number of tokens to read.
   */
  readIds(ids: Int32Array, count: number): TextLanguages {
    const text = this.nTexts++
    const hits = new Int32Array(LANGUAGES.length)
    for (let t = 0; t < count; t++) {
      const id = ids[t]!
      if (id < 0 || this.lastText[id] === text) continue
      this.lastText[id] = text
      const mask = this.masks[id]!
      for (let bit = 0; bit < LANGUAGES.length; bit++) if ((mask >> bit) & 1) hits[bit]++
    }
    let main = 0
    for (let bit = 1; bit < LANGUAGES.length; bit++) if (hits[bit]! > hits[main]! && hits[bit]! >= MIN_HITS) main = bit
    const present: Language[] = [LANGUAGES[main]!]
    const minPresent = Math.max(MIN_PRESENT_HITS, PRESENT_SHARE * hits[main]!)
    for (let bit = 0; bit < LANGUAGES.length; bit++) if (bit !== main && hits[bit]! >= minPresent) present.push(LANGUAGES[bit]!)
    return { main: LANGUAGES[main]!, present }
  }

  /**
   * Stopword id of a raw token (its lower-case form), registering it on first sight; -1 for a
   * token that tells no language. Callers that cache per raw token can call it once per token.
   * @param token Raw token.
   */
  wordId(token: string): number {
    let id = this.wordIds.get(token)
    if (id !== undefined) return id
    id = this.newWordId(token)
    this.wordIds.set(token, id)
    return id
  }

  /**
   * {@link wordId} of a token this reader is asked about once (the lexicon asks once per
   * distinct raw token and keeps the answer): the same id, without remembering the token,
   * so that only stopwords enter the map (FOSDEM 2025: 16,000 raw tokens, a few hundred
   * stopwords).
   * @param token Raw token.
   */
  distinctWordId(token: string): number {
    return this.wordIds.get(token) ?? this.newWordId(token)
  }

  /** The id of a token not yet in the map: its lower-case form's (registered in the map), or -1. */
  private newWordId(token: string): number {
    let id: number
    const word = token.toLowerCase()
    const mask = masks().get(word)
    // Acronyms (`AI`, `AOS`) are not function words, whatever they spell in another language.
    const acronym = token.length > 1 && word !== token && token.toUpperCase() === token
    if (mask === undefined || acronym) id = -1
    else {
      // Case variants (`Die`, `die`) share the id of their lower-case form.
      id = word === token ? this.masks.length : this.wordId(word)
      if (id === this.masks.length) {
        this.wordIds.set(word, id)
        this.masks.push(mask)
        if (id === this.lastText.length) {
          const grown = new Int32Array(id * 2).fill(-1)
          grown.set(this.lastText)
          this.lastText = grown
        }
      }
    }
    return id
  }
}

/**
 * The main language of a text (see {@link readLanguages}).
 *
 * @param text Text to read, e.g. a talk's title and abstract.
 * @returns An ISO 639-1 code of {@link LANGUAGES}; `en` when no other language leads.
 */
export function detectLanguage(text: string): Language {
  return readLanguages(text).main
}
