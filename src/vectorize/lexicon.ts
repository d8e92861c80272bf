/**
 * The lexicon of a corpus being read: each distinct raw token is classified once (dropped as a
 * stopword or number, or interned as a unit: stem, compound, word) per text profile (its
 * languages' stopwords and stemmer), and surface forms are counted for labels.
 */
import type { Language, TextLanguages } from '../text/language.js'
import { languageReader, type LanguageReading } from '../text/languageRegistry.js'
import { foldToken } from '../text/foldToken.js'
import { stemIn } from '../text/stem.js'
import { stopwordsFor } from '../text/stopwords.js'
import type { CountSettings } from './countTerms.js'

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
  /**
   * The first type read in this profile with each folded form longer than one character:
   * case variants (`Linux`, `linux`, `LINUX`) are classified the same, so a variant copies
   * that type's unit and parts instead of being classified again.
   */
  readonly folded: Map<string, number>
}

/** Int32 fields per raw token id in `Lexicon.raws`. */
const RAW_STRIDE = 4
/** Offsets in a raw token's fields: its characters' range in `rawChars`, its language word, its English type. */
const RAW_CHARS_START = 0
const RAW_CHARS_END = 1
const RAW_LANGUAGE_WORD = 2
const RAW_ENGLISH_TYPE = 3

/** Int32 fields per type id in {@link Lexicon.types}. */
export const TYPE_STRIDE = 4
/** Offsets in a type's fields (see {@link Lexicon.types}). */
export const TYPE_UNIT = 0
export const TYPE_COUNT = 1
export const TYPE_PARTS_START = 2
export const TYPE_PARTS_END = 3

/**
 * Interns raw tokens, their types and units (stems, compounds) and counts surface forms.
 *
 * A raw token is found from its place in the text, by a hash of its characters in an
 * open-addressing table: no string is made for a token seen before, and each distinct raw
 * token is classified once per text profile. A token read in another language than English
 * is a separate type (`Die\u0000de` is a stopword, `Die` in an English text is not), so type
 * names carry the languages of their text. Ids are numbered in order of first appearance.
 *
 * What a token needs is kept together, so that a token costs few cache misses on large
 * vocabularies: a slot holds the hash beside the id, a raw token's fields sit in one record
 * (characters' range, language word, English type) and so do a type's.
 */
export class Lexicon {
  /** Raw token of each type id, followed by the text's languages when they are not English alone. */
  readonly typeNames: string[] = []
  /**
   * Fields of each type id, {@link TYPE_STRIDE} apart: its unit id (-1 when the token is
   * dropped: stopword, number, single letter), its occurrences (counted only for types that
   * stand for a unit), and the range of its compound parts in {@link parts}; grows.
   */
  types = new Int32Array(TYPE_STRIDE * 1024)
  /** Unit ids of compound parts (hyphenated and snake_case compounds: `XDP-hints`, `page_pool`), by type; grows. */
  parts = new Int32Array(1024)
  private nParts = 0
  readonly unitIds = new Map<string, number>()
  readonly unitKeys: string[] = []

  private readonly rawNames: string[] = []
  /** Fields of each raw token id, {@link RAW_STRIDE} apart; grows. */
  private raws = new Int32Array(RAW_STRIDE * 1024)
  /** The characters of all raw tokens, compared without a string's indirection. */
  private rawChars = new Uint16Array(8192)
  private nRawChars = 0
  /** Open-addressing table, two entries a slot: the hash, then the raw token id + 1 (0: empty slot); linear probing. */
  private slots = new Int32Array(2 * 4096)

  private readonly profiles = new Map<string, TextProfile>()
  private profile: TextProfile
  /** Type id + 1 of each raw token id in each text profile but English's (0: not read in it yet). */
  private readonly profileTypes: Int32Array[] = [new Int32Array(0)]

  constructor(private readonly settings: CountSettings) {
    this.profile = { suffix: '', stopwords: settings.stopwords, language: 'en', index: 0, folded: new Map() }
    this.profiles.set('en', this.profile)
    if (settings.language !== 'auto') this.useLanguages({ main: settings.language, present: [settings.language] })
    this.languages = settings.language === 'auto' ? languageReader() : undefined
  }

  /** Reads each text's languages, or undefined when one language is set for all. */
  readonly languages: LanguageReading | undefined

  /** Number of type ids. */
  get nTypes(): number {
    return this.typeNames.length
  }

  /**
   * Unit id of a type, -1 when its token is dropped.
   * @param type Type id.
   */
  unitOf(type: number): number {
    return this.types[type * TYPE_STRIDE + TYPE_UNIT]!
  }

  /**
   * Occurrences of a type that stands for a unit (0 for dropped tokens).
   * @param type Type id.
   */
  countOf(type: number): number {
    return this.types[type * TYPE_STRIDE + TYPE_COUNT]!
  }

  /**
   * Unit ids of a type's compound parts.
   * @param type Type id.
   */
  partsOf(type: number): Int32Array {
    return this.parts.subarray(this.types[type * TYPE_STRIDE + TYPE_PARTS_START]!, this.types[type * TYPE_STRIDE + TYPE_PARTS_END]!)
  }

  /**
   * Stopword id of a raw token for language detection (`LanguageReader.wordId`), -1 if none.
   * @param rawId Raw token id.
   */
  languageWordOf(rawId: number): number {
    return this.raws[rawId * RAW_STRIDE + RAW_LANGUAGE_WORD]!
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
    const mask = (slots.length >> 1) - 1
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]!
      if (entry === 0) return this.addRaw(text, start, end, hash, slot)
      if (slots[2 * slot] === hash && this.sameChars(entry - 1, text, start, end)) return entry - 1
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
    const from = this.raws[id * RAW_STRIDE + RAW_CHARS_START]!
    if (this.raws[id * RAW_STRIDE + RAW_CHARS_END]! - from !== end - start) return false
    const chars = this.rawChars
    for (let i = start, p = from; i < end; i++, p++) if (chars[p] !== text.charCodeAt(i)) return false
    return true
  }

  /**
   * Registers a new raw token.
   * @param text Text the token is in.
   * @param start Token start.
   * @param end Token end.
   * @param hash Its hash.
   * @param slot The empty slot it goes in.
   */
  private addRaw(text: string, start: number, end: number, hash: number, slot: number): number {
    const token = text.slice(start, end)
    const id = this.rawNames.length
    this.rawNames.push(token)
    if ((id + 1) * RAW_STRIDE > this.raws.length) this.raws = grown(this.raws, (id + 1) * RAW_STRIDE)
    const from = this.nRawChars
    if (from + token.length > this.rawChars.length) this.rawChars = grown(this.rawChars, from + token.length)
    for (let i = 0; i < token.length; i++) this.rawChars[from + i] = token.charCodeAt(i)
    this.nRawChars = from + token.length
    const fields = id * RAW_STRIDE
    this.raws[fields + RAW_CHARS_START] = from
    this.raws[fields + RAW_CHARS_END] = this.nRawChars
    this.raws[fields + RAW_LANGUAGE_WORD] = this.languages === undefined ? -1 : this.languages.distinctWordId(token)
    this.slots[2 * slot] = hash
    this.slots[2 * slot + 1] = id + 1
    if (4 * (id + 1) > this.slots.length) this.rehash()
    return id
  }

  /** Doubles the hash table. */
  private rehash(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2)
    const mask = (slots.length >> 1) - 1
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue
      let slot = old[o]! & mask
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask
      slots[2 * slot] = old[o]!
      slots[2 * slot + 1] = old[o + 1]!
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
        folded: new Map(),
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
    let type: number
    if (index === 0) {
      type = this.raws[rawId * RAW_STRIDE + RAW_ENGLISH_TYPE]! - 1
      if (type < 0) {
        type = this.addType(this.rawNames[rawId]!)
        this.raws[rawId * RAW_STRIDE + RAW_ENGLISH_TYPE] = type + 1
      }
    } else {
      let types = this.profileTypes[index]!
      if (rawId >= types.length) this.profileTypes[index] = types = grown(types, rawId + 1)
      type = types[rawId]! - 1
      if (type < 0) {
        type = this.addType(this.rawNames[rawId]!)
        types[rawId] = type + 1
      }
    }
    const fields = type * TYPE_STRIDE
    if (this.types[fields + TYPE_UNIT]! >= 0) this.types[fields + TYPE_COUNT]!++
    return type
  }

  /**
   * Classifies a raw token in the current profile as a new type.
   * @param token Raw token.
   */
  private addType(token: string): number {
    const type = this.typeNames.length
    this.typeNames.push(this.profile.suffix === '' ? token : token + this.profile.suffix)
    const fields = type * TYPE_STRIDE
    if (fields + TYPE_STRIDE > this.types.length) this.types = grown(this.types, fields + TYPE_STRIDE)
    const types = this.types
    const lower = foldToken(token)
    // Single letters are told apart by their case (`C` is kept, `c` dropped), longer tokens not.
    const variantOf = lower.length > 1 ? this.profile.folded.get(lower) : undefined
    if (variantOf === undefined) {
      types[fields + TYPE_PARTS_START] = this.nParts
      types[fields + TYPE_UNIT] = this.classify(token, lower)
      types[fields + TYPE_PARTS_END] = this.nParts
      if (lower.length > 1) this.profile.folded.set(lower, type)
    } else {
      const same = variantOf * TYPE_STRIDE
      types[fields + TYPE_UNIT] = types[same + TYPE_UNIT]!
      types[fields + TYPE_PARTS_START] = types[same + TYPE_PARTS_START]!
      types[fields + TYPE_PARTS_END] = types[same + TYPE_PARTS_END]!
    }
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
   * @param lower The token folded ({@link foldToken}).
   */
  private classify(token: string, lower: string): number {
    if (this.isDropped(lower, token)) return -1
    // Joiners of compounds whose parts are counted too: `XDP-hints`, `XDP_REDIRECT`, `page_pool`.
    if (lower.indexOf('-') >= 0 || lower.indexOf('_') >= 0) return this.classifyCompound(lower)
    return this.intern(this.unitKey(lower))
  }

  /**
   * Unit of a compound: its words stemmed, the joiners kept (`xdp-hint`); the words that
   * are not dropped are interned first, in order, as its parts.
   * @param lower Folded compound.
   */
  private classifyCompound(lower: string): number {
    let key = ''
    let start = 0
    for (let i = 0; i <= lower.length; i++) {
      const c = i < lower.length ? lower.charCodeAt(i) : 45
      if (c !== 45 && c !== 95) continue
      const word = lower.slice(start, i)
      if (!this.isDropped(word, word)) {
        if (this.nParts === this.parts.length) this.parts = grown(this.parts, this.nParts + 1)
        this.parts[this.nParts++] = this.intern(this.unitKey(word))
      }
      if (word !== '') key += this.unitKey(word)
      if (i < lower.length) key += lower[i]
      start = i + 1
    }
    return this.intern(key)
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
