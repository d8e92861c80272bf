/**
 * The lexicon of a corpus being read: each distinct raw token is classified once (dropped as a
 * stopword or number, or interned as a unit: stem, compound, word) per text profile (its
 * languages' stopwords and stemmer), and surface forms are counted for labels.
 */
import { LanguageReader, type Language, type TextLanguages } from '../text/language.js'
import { foldToken } from '../text/foldToken.js'
import { stemIn } from '../text/stem.js'
import { stopwordsFor } from '../text/stopwords.js'
import type { CountSettings } from './countTerms.js'

/** Joiners of compounds whose parts are counted too: `XDP-hints`, `XDP_REDIRECT`, `page_pool`. */
const COMPOUND_SEPARATORS = /[-_]/

const COMPOUND_WORDS = /[^-_]+/g

/** How a distinct raw token is counted. */
interface TokenType {
  /** Position of the raw token in `Lexicon.typeNames`. */
  readonly id: number
  /** Unit id, or -1 when the token is dropped (stopword, number, single letter). */
  readonly unit: number
  /** Unit ids of the parts of a hyphenated or snake_case compound, counted as well. */
  readonly parts: readonly number[]
}

/** Separates a raw token from the languages it was read in, in the type names of non-English texts. */
const LANGUAGE_MARK = '\u0000'

/** How the text being read is handled: its stopwords and stemmer. */
interface TextProfile {
  /** Empty for English, else `\u0000` and the languages (`\u0000de+en`), appended to type names. */
  readonly suffix: string
  readonly stopwords: ReadonlySet<string>
  readonly language: Language
  /** Position in {@link RawToken.types}. */
  readonly index: number
}

/** What is known of a distinct raw token: one map lookup per token finds it all. */
export interface RawToken {
  /** Stopword id for language detection (`LanguageReader.wordId`), -1 if none. */
  readonly languageWord: number
  /** Type of the token in English texts (profile 0): most tokens, so one indirection fewer. */
  english: TokenType | undefined
  /** Type of the token in each other text profile it was read in (by `TextProfile.index`). */
  readonly types: (TokenType | undefined)[]
}

/**
 * Interns raw tokens and units (stems, compounds) and counts surface forms. A token read in
 * another language than English is a separate type (`Die\u0000de` is a stopword, `Die` in
 * an English text is not), so type names carry the languages of their text.
 */
export class Lexicon {
  readonly types = new Map<string, TokenType>()
  /** Raw token of each type id, followed by the text's languages when they are not English alone. */
  readonly typeNames: string[] = []
  /** Occurrences of each raw token type (by id) that stands for a unit; counted per token, so an array, not a Map. */
  readonly typeCounts: number[] = []
  readonly unitIds = new Map<string, number>()
  readonly unitKeys: string[] = []

  private readonly profiles = new Map<string, TextProfile>()
  private profile: TextProfile
  private readonly raws = new Map<string, RawToken>()

  constructor(private readonly settings: CountSettings) {
    this.profile = { suffix: '', stopwords: settings.stopwords, language: 'en', index: 0 }
    this.profiles.set('en', this.profile)
    if (settings.language !== 'auto') this.useLanguages({ main: settings.language, present: [settings.language] })
    this.languages = settings.language === 'auto' ? new LanguageReader() : undefined
  }

  /** Reads each text's languages, or undefined when one language is set for all. */
  readonly languages: LanguageReader | undefined

  /**
   * The record of a raw token, registering it on first sight.
   * @param token Raw token as it appears in the text.
   */
  raw(token: string): RawToken {
    let raw = this.raws.get(token)
    if (raw === undefined) {
      raw = { languageWord: this.languages === undefined ? -1 : this.languages.wordId(token), english: undefined, types: [] }
      this.raws.set(token, raw)
    }
    return raw
  }

  /**
   * Reads the next tokens with the stopwords and stemmer of these languages.
   * @param languages Languages of the text.
   */
  useLanguages(languages: TextLanguages): void {
    const key = languages.present.join('+')
    let profile = this.profiles.get(key)
    if (profile === undefined) {
      profile = {
        suffix: LANGUAGE_MARK + key,
        stopwords: stopwordsFor(this.settings.stopwords, languages.present, this.settings.keepWords),
        language: languages.main,
        index: this.profiles.size,
      }
      this.profiles.set(key, profile)
    }
    this.profile = profile
  }

  /**
   * Type of a raw token in the current profile, registering it on first sight.
   * @param token Raw token as it appears in the text.
   * @param raw Its record ({@link raw}).
   * @param countSurface Whether to count this occurrence towards surface forms.
   */
  typeOf(token: string, raw: RawToken, countSurface: boolean): TokenType {
    const index = this.profile.index
    let type = index === 0 ? raw.english : raw.types[index]
    if (type === undefined) {
      const name = this.profile.suffix === '' ? token : token + this.profile.suffix
      type = { id: this.typeNames.length, ...this.classify(token) }
      if (index === 0) raw.english = type
      else raw.types[index] = type
      this.types.set(name, type)
      this.typeNames.push(name)
      this.typeCounts.push(0)
    }
    if (countSurface && type.unit >= 0) this.typeCounts[type.id]++
    return type
  }

  /**
   * Unit id of a key, interning it.
   * @param key Unit key.
   */
  intern(key: string): number {
    return idOf(this.unitIds, this.unitKeys, key)
  }

  private classify(token: string): Omit<TokenType, 'id'> {
    const lower = foldToken(token)
    if (this.isDropped(lower, token)) return { unit: -1, parts: [] }
    if (COMPOUND_SEPARATORS.test(lower)) return this.classifyCompound(lower)
    return { unit: this.intern(this.unitKey(lower)), parts: [] }
  }

  private classifyCompound(lower: string): Omit<TokenType, 'id'> {
    const words = lower.split(COMPOUND_SEPARATORS)
    const parts: number[] = []
    for (const word of words) {
      if (!this.isDropped(word, word)) parts.push(this.intern(this.unitKey(word)))
    }
    const key = lower.replace(COMPOUND_WORDS, (word) => this.unitKey(word))
    return { unit: this.intern(key), parts }
  }

  /** Stems by language and word: compounds repeat their parts' words (100,000 talks: stemming 1.0 s → 0.3 s). */
  private readonly stems = new Map<Language, Map<string, string>>()

  private unitKey(lower: string): string {
    if (!this.settings.stem) return lower
    const language = this.profile.language
    let stems = this.stems.get(language)
    if (stems === undefined) this.stems.set(language, (stems = new Map()))
    let key = stems.get(lower)
    if (key === undefined) {
      key = stemIn(lower, language)
      stems.set(lower, key)
    }
    return key
  }

  private isDropped(lower: string, surface: string): boolean {
    if (this.profile.stopwords.has(lower)) return true
    if (lower.length === 1) return !(surface >= 'A' && surface <= 'Z') || surface === 'A' || surface === 'I'
    return isNumeric(lower)
  }
}

/**
 * True for numbers and number-like tokens (`2024`, `1.5`, `10-20`) that carry no topic.
 * @param lower Lower-case token.
 */
function isNumeric(lower: string): boolean {
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i)
    if (!((c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95 || c === 44)) return false
  }
  return true
}

/**
 * The raw token of a type name, without the languages of its text.
 * @param typeName Type name.
 */
export function surfaceOf(typeName: string): string {
  const mark = typeName.indexOf(LANGUAGE_MARK)
  return mark < 0 ? typeName : typeName.slice(0, mark)
}

/** Id of a key in an interning map, appending it when new. */
export function idOf(ids: Map<string, number>, keys: string[], key: string): number {
  let id = ids.get(key)
  if (id === undefined) {
    id = keys.length
    ids.set(key, id)
    keys.push(key)
  }
  return id
}

/**
 * The most frequent form; ties: the lower-case one, then the alphabetically first.
 * @param forms Count per form.
 */
export function mostFrequent(forms: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = 0
  for (const form of [...forms.keys()].sort()) {
    const count = forms.get(form)!
    if (count > bestCount || (count === bestCount && best !== best.toLowerCase() && form === form.toLowerCase())) {
      best = form
      bestCount = count
    }
  }
  return best
}
