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

/** Separates a raw token from the languages it was read in, in the type names of non-English texts. */
const LANGUAGE_MARK = '\u0000'

/** How the text being read is handled: its stopwords and stemmer. */
interface TextProfile {
  /** Empty for English, else `\u0000` and the languages (`\u0000de+en`), appended to type names. */
  readonly suffix: string
  readonly stopwords: ReadonlySet<string>
  readonly language: Language
  /** Position in `Lexicon.profileTypes`. */
  readonly index: number
}

/**
 * Interns raw tokens, their types and units (stems, compounds) and counts surface forms.
 *
 * A raw token is found from its place in the text, by a hash of its characters in an
 * open-addressing table: no string is made for a token seen before, and each distinct raw
 * token is classified once per text profile. A token read in another language than English
 * is a separate type (`Die\u0000de` is a stopword, `Die` in an English text is not), so type
 * names carry the languages of their text. Ids are numbered in order of first appearance.
 */
export class Lexicon {
  /** Raw token of each type id, followed by the text's languages when they are not English alone. */
  readonly typeNames: string[] = []
  /** Unit id of each type id, -1 when the token is dropped (stopword, number, single letter); grows. */
  typeUnits = new Int32Array(1024)
  /** Occurrences of each type id that stands for a unit; grows. */
  typeCounts = new Int32Array(1024)
  /** The parts of type `t` (hyphenated and snake_case compounds) are `parts[partStart[t] … partStart[t + 1])`; grows. */
  partStart = new Int32Array(1025)
  /** Unit ids of compound parts, by type; grows. */
  parts = new Int32Array(1024)
  private nParts = 0
  readonly unitIds = new Map<string, number>()
  readonly unitKeys: string[] = []

  /** Stopword id of each raw token id for language detection (`LanguageReader.wordId`), -1 if none; grows. */
  rawLanguageWords = new Int32Array(1024)
  private readonly rawNames: string[] = []
  private rawHashes = new Int32Array(1024)
  /** The characters of raw token `id` are `rawChars[rawStart[id] … rawStart[id + 1])`: compared without a string's indirection. */
  private rawStart = new Int32Array(1025)
  private rawChars = new Uint16Array(8192)
  /** Open-addressing table of raw token ids + 1 (0: empty slot), by hash, linear probing. */
  private slots = new Int32Array(4096)

  private readonly profiles = new Map<string, TextProfile>()
  private profile: TextProfile
  /** Type id + 1 of each raw token id in each text profile (0: not read in it yet). */
  private readonly profileTypes: Int32Array[] = [new Int32Array(1024)]

  constructor(private readonly settings: CountSettings) {
    this.profile = { suffix: '', stopwords: settings.stopwords, language: 'en', index: 0 }
    this.profiles.set('en', this.profile)
    if (settings.language !== 'auto') this.useLanguages({ main: settings.language, present: [settings.language] })
    this.languages = settings.language === 'auto' ? new LanguageReader() : undefined
  }

  /** Reads each text's languages, or undefined when one language is set for all. */
  readonly languages: LanguageReader | undefined

  /** Number of type ids. */
  get nTypes(): number {
    return this.typeNames.length
  }

  /**
   * Id of the raw token `text[start, end)`, registering it on first sight.
   * @param text Text the token is in.
   * @param start Token start.
   * @param end Token end.
   */
  rawId(text: string, start: number, end: number): number {
    // FNV-1a over UTF-16 code units, then a shift to mix the high bits into the slot index.
    let hash = 0x811c9dc5
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
    hash ^= hash >>> 15
    const slots = this.slots
    const mask = slots.length - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!
      if (entry === 0) return this.addRaw(text.slice(start, end), hash, slot)
      const id = entry - 1
      if (this.rawHashes[id] === hash && this.sameChars(id, text, start, end)) return id
    }
  }

  /**
   * True when raw token `id` is `text[start, end)`.
   * @param id Raw token id.
   * @param text Text.
   * @param start Range start.
   * @param end Range end.
   */
  private sameChars(id: number, text: string, start: number, end: number): boolean {
    const from = this.rawStart[id]!
    if (this.rawStart[id + 1]! - from !== end - start) return false
    const chars = this.rawChars
    for (let i = start, p = from; i < end; i++, p++) if (chars[p] !== text.charCodeAt(i)) return false
    return true
  }

  /**
   * Registers a new raw token.
   * @param token The token.
   * @param hash Its hash.
   * @param slot The empty slot it goes in.
   */
  private addRaw(token: string, hash: number, slot: number): number {
    const id = this.rawNames.length
    this.rawNames.push(token)
    if (id === this.rawHashes.length) {
      this.rawHashes = grown(this.rawHashes, id + 1)
      this.rawLanguageWords = grown(this.rawLanguageWords, id + 1)
    }
    this.rawHashes[id] = hash
    if (id + 1 === this.rawStart.length) this.rawStart = grown(this.rawStart, id + 2)
    const from = this.rawStart[id]!
    if (from + token.length > this.rawChars.length) this.rawChars = grown(this.rawChars, from + token.length)
    for (let i = 0; i < token.length; i++) this.rawChars[from + i] = token.charCodeAt(i)
    this.rawStart[id + 1] = from + token.length
    this.rawLanguageWords[id] = this.languages === undefined ? -1 : this.languages.wordId(token)
    this.slots[slot] = id + 1
    if (2 * (id + 1) > this.slots.length) this.rehash()
    return id
  }

  /** Doubles the hash table. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const mask = slots.length - 1
    for (let id = 0; id < this.rawNames.length; id++) {
      let slot = this.rawHashes[id]! & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = id + 1
    }
    this.slots = slots
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
      this.profileTypes.push(new Int32Array(this.rawNames.length + 1024))
    }
    this.profile = profile
  }

  /**
   * Type id of a raw token in the current profile, registering it on first sight; an
   * occurrence of a type that stands for a unit is counted towards surface forms.
   * @param rawId Raw token id ({@link rawId}).
   */
  typeOf(rawId: number): number {
    const index = this.profile.index
    let types = this.profileTypes[index]!
    if (rawId >= types.length) this.profileTypes[index] = types = grown(types, rawId + 1)
    let type = types[rawId]! - 1
    if (type < 0) {
      type = this.addType(this.rawNames[rawId]!)
      types[rawId] = type + 1
    }
    if (this.typeUnits[type]! >= 0) this.typeCounts[type]!++
    return type
  }

  /**
   * Classifies a raw token in the current profile as a new type.
   * @param token Raw token.
   */
  private addType(token: string): number {
    const type = this.typeNames.length
    this.typeNames.push(this.profile.suffix === '' ? token : token + this.profile.suffix)
    if (type + 1 >= this.typeUnits.length) {
      this.typeUnits = grown(this.typeUnits, type + 2)
      this.typeCounts = grown(this.typeCounts, type + 2)
      this.partStart = grown(this.partStart, type + 2)
    }
    this.typeUnits[type] = this.classify(token)
    this.partStart[type + 1] = this.nParts
    return type
  }

  /**
   * Unit id of a key, interning it.
   * @param key Unit key.
   */
  intern(key: string): number {
    return idOf(this.unitIds, this.unitKeys, key)
  }

  /**
   * Unit of a new type, its compound parts appended to {@link parts}; -1 when dropped.
   * @param token Raw token.
   */
  private classify(token: string): number {
    const lower = foldToken(token)
    if (this.isDropped(lower, token)) return -1
    if (COMPOUND_SEPARATORS.test(lower)) return this.classifyCompound(lower)
    return this.intern(this.unitKey(lower))
  }

  private classifyCompound(lower: string): number {
    for (const word of lower.split(COMPOUND_SEPARATORS)) {
      if (this.isDropped(word, word)) continue
      if (this.nParts === this.parts.length) this.parts = grown(this.parts, this.nParts + 1)
      this.parts[this.nParts++] = this.intern(this.unitKey(word))
    }
    return this.intern(lower.replace(COMPOUND_WORDS, (word) => this.unitKey(word)))
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
 * A copy of a typed array at least twice as long (and at least `length`), zero-filled beyond
 * the old values.
 * @param array Array to grow.
 * @param length Length needed.
 */
export function grown<T extends Int32Array | Uint8Array | Uint16Array | Float32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(length, array.length * 2))
  bigger.set(array)
  return bigger
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
