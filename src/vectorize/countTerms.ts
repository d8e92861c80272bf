/**
 * One pass over a corpus that turns text into weighted term counts: tokens are case-folded,
 * stopwords dropped, words stemmed, hyphenated and snake_case compounds (`XDP-hints`,
 * `XDP_REDIRECT`) kept together with their parts,
 * and frequent two-word phrases added as extra terms. The most frequent surface form of
 * every term is remembered so that labels read `XDP`, not `xdp`.
 */
import { scanTokens } from '../text/tokenize.js'
import { LanguageReader, type Language, type TextLanguages } from '../text/language.js'
import { stemIn } from '../text/stem.js'
import { stopwordsFor } from '../text/stopwords.js'
import type { CsrMatrix } from '../types.js'
import { CsrBuilder } from './csr.js'

/** A text to count: a title and a body, the title weighted more. */
export interface CountableText {
  readonly title: string
  readonly abstract: string
}

/** Resolved settings of term counting. */
export interface CountSettings {
  /** Lower-case stopwords of English texts (the defaults with the user's additions). */
  readonly stopwords: ReadonlySet<string>
  /** Lower-case words never dropped, whatever the language. */
  readonly keepWords: readonly string[]
  /** Language of every text, or `auto` to detect it per text. */
  readonly language: Language | 'auto'
  /** Weight of a title token relative to an abstract token. */
  readonly titleWeight: number
  /** Whether words are stemmed (Porter for English, Snowball for the other languages). */
  readonly stem: boolean
  /** Whether two-word phrases are detected and added. */
  readonly phrases: boolean
  /** A phrase must occur in at least this many documents. */
  readonly minPhraseCount: number
  /** Normalised pointwise mutual information a phrase needs, in (-1, 1]. */
  readonly minPhraseAssociation: number
}

/** Terms and weighted counts of a corpus. Term ids are positions in `terms` (sorted). */
export interface TermCounts {
  /** Term keys, sorted: stems (`schedul`), compounds (`xdp-hint`), phrases (`stack unwind`). */
  readonly terms: readonly string[]
  /** Most frequent surface form of each term (`scheduling`, `XDP-hints`, `stack unwinding`). */
  readonly labels: readonly string[]
  /** Weighted counts, one row per text, columns = term ids. */
  readonly counts: CsrMatrix
  /** Selected phrases as pairs of unit keys, for counting new texts the same way. */
  readonly phrases: readonly (readonly [string, string])[]
}

const BOUNDARY = -1
const TITLE_END = -2
const NON_ASCII = /[^\u0000-\u007f]/
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
interface RawToken {
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
class Lexicon {
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
    const lower = (NON_ASCII.test(token) ? token.normalize('NFKC') : token).toLowerCase()
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
 * Token streams of a corpus as unit ids: `BOUNDARY` separates phrases, `TITLE_END` ends
 * the title. Compound parts follow their compound, flagged in `isPart`.
 */
interface Streams {
  readonly units: Int32Array
  readonly isPart: Uint8Array
  /** Raw token type (`Lexicon.typeNames`) at each position; -1 for markers and parts. */
  readonly surfaces: Int32Array
  readonly docStart: Int32Array
}

/**
 * A corpus read into token streams, with the lexicon they refer to: plain data (typed arrays
 * and string arrays), so that parts of a corpus can be read apart (in a worker) and merged
 * with {@link mergeTermStreams}. Ids are in order of first appearance.
 */
export interface TermStreams extends Streams {
  /** Raw token of each type id. */
  readonly typeNames: readonly string[]
  /** Unit id of each type id, -1 for dropped tokens (stopwords, numbers). */
  readonly typeUnits: Int32Array
  /** Occurrences of each type id that count towards surface forms. */
  readonly typeCounts: Int32Array
  /** Key of each unit id (stem, compound or word). */
  readonly unitKeys: readonly string[]
}

/**
 * A typed array of twice the length holding `array`'s values, for buffers that grow.
 * @param array Full buffer.
 */
function doubled<T extends Int32Array | Uint8Array>(array: T): T {
  const grown = new (array.constructor as new (length: number) => T)(array.length * 2)
  grown.set(array)
  return grown
}

/**
 * Reads every text once into unit streams.
 * @param texts Texts to read.
 * @param lexicon Lexicon to intern into.
 */
function readStreams(texts: readonly CountableText[], lexicon: Lexicon): Streams {
  let units = new Int32Array(1 << 16)
  let isPart = new Uint8Array(1 << 16)
  let surfaces = new Int32Array(1 << 16)
  let length = 0
  const docStart = new Int32Array(texts.length + 1)
  const append = (unit: number, part: number, surface: number): void => {
    if (length === units.length) {
      units = doubled(units)
      isPart = doubled(isPart)
      surfaces = doubled(surfaces)
    }
    units[length] = unit
    isPart[length] = part
    surfaces[length] = surface
    length++
  }
  const visit = (token: string, raw: RawToken, boundaryBefore: boolean): void => {
    const type = lexicon.typeOf(token, raw, true)
    if (type.unit < 0) {
      append(BOUNDARY, 0, -1)
      return
    }
    if (boundaryBefore) append(BOUNDARY, 0, -1)
    append(type.unit, 0, type.id)
    for (const part of type.parts) append(part, 1, -1)
  }
  // A text's tokens are held until its language is known, then counted.
  const tokens: string[] = []
  const raws: RawToken[] = []
  let boundaries = new Uint8Array(256)
  let languageWords = new Int32Array(256)
  let nTokens = 0
  const hold = (token: string, _start: number, boundaryBefore: boolean): void => {
    if (nTokens === boundaries.length) {
      boundaries = doubled(boundaries)
      languageWords = doubled(languageWords)
    }
    const raw = lexicon.raw(token)
    tokens[nTokens] = token
    raws[nTokens] = raw
    languageWords[nTokens] = raw.languageWord
    boundaries[nTokens++] = boundaryBefore ? 1 : 0
  }
  for (let d = 0; d < texts.length; d++) {
    docStart[d] = length
    const text = texts[d]
    nTokens = 0
    scanTokens(text.title, hold)
    const nTitle = nTokens
    scanTokens(text.abstract, hold)
    if (lexicon.languages !== undefined) lexicon.useLanguages(lexicon.languages.readIds(languageWords, nTokens))
    for (let t = 0; t < nTitle; t++) visit(tokens[t]!, raws[t]!, boundaries[t] === 1)
    append(TITLE_END, 0, -1)
    for (let t = nTitle; t < nTokens; t++) visit(tokens[t]!, raws[t]!, boundaries[t] === 1)
  }
  docStart[texts.length] = length
  return { units: units.subarray(0, length), isPart: isPart.subarray(0, length), surfaces: surfaces.subarray(0, length), docStart }
}

/**
 * Reads texts into token streams and their lexicon (the first half of {@link countTerms}).
 * @param texts Texts to read.
 * @param settings Counting settings (stopwords, stemming).
 */
export function readTermStreams(texts: readonly CountableText[], settings: CountSettings): TermStreams {
  const lexicon = new Lexicon(settings)
  const streams = readStreams(texts, lexicon)
  return {
    ...streams,
    typeNames: lexicon.typeNames,
    typeUnits: Int32Array.from(lexicon.typeNames, (name) => lexicon.types.get(name)!.unit),
    typeCounts: Int32Array.from(lexicon.typeCounts),
    unitKeys: lexicon.unitKeys,
  }
}

/**
 * Joins the streams of consecutive parts of a corpus into the streams of the whole: the
 * same ids, in the same order, as reading the whole corpus at once.
 * @param parts Streams of consecutive parts, in corpus order.
 */
export function mergeTermStreams(parts: readonly TermStreams[]): TermStreams {
  if (parts.length === 0) throw new RangeError('mergeTermStreams: no parts')
  const merger = new TermStreamsMerger(parts[0]!)
  for (const part of parts.slice(1)) merger.append(part)
  return merger.result()
}

/**
 * Merges streams part by part. The first part's ids are indexed when the merger is made, so a
 * caller can do that while later parts are still being read.
 */
export class TermStreamsMerger {
  private readonly unitKeys: string[]
  private readonly unitIds = new Map<string, number>()
  private readonly typeNames: string[]
  private readonly typeIds = new Map<string, number>()
  private readonly parts: TermStreams[] = []
  private readonly typeUnits: number[]
  private readonly typeCounts: number[]
  /** Each part's streams with ids already mapped to the merged ids. */
  private readonly mapped: { units: Int32Array; surfaces: Int32Array }[] = []

  /** @param first Streams of the first part. */
  constructor(first: TermStreams) {
    this.unitKeys = first.unitKeys.slice()
    this.unitKeys.forEach((key, id) => this.unitIds.set(key, id))
    this.typeNames = first.typeNames.slice()
    this.typeNames.forEach((name, id) => this.typeIds.set(name, id))
    this.typeUnits = Array.from(first.typeUnits)
    this.typeCounts = Array.from(first.typeCounts)
    this.parts.push(first)
    this.mapped.push({ units: first.units, surfaces: first.surfaces })
  }

  /**
   * Appends the streams of the next part of the corpus.
   * @param next Streams of the part that follows the ones appended so far.
   */
  append(next: TermStreams): void {
    const unitMap = Int32Array.from(next.unitKeys, (key) => idOf(this.unitIds, this.unitKeys, key))
    const typeMap = Int32Array.from(next.typeNames, (name) => idOf(this.typeIds, this.typeNames, name))
    for (let t = 0; t < typeMap.length; t++) {
      const id = typeMap[t]!
      const unit = next.typeUnits[t]!
      if (id === this.typeUnits.length) {
        this.typeUnits.push(unit < 0 ? unit : unitMap[unit]!)
        this.typeCounts.push(0)
      }
      this.typeCounts[id]! += next.typeCounts[t]!
    }
    const units = new Int32Array(next.units.length)
    const surfaces = new Int32Array(next.units.length)
    for (let p = 0; p < units.length; p++) {
      const unit = next.units[p]!
      units[p] = unit < 0 ? unit : unitMap[unit]!
      const surface = next.surfaces[p]!
      surfaces[p] = surface < 0 ? surface : typeMap[surface]!
    }
    this.parts.push(next)
    this.mapped.push({ units, surfaces })
  }

  /** The streams of all parts appended, as one corpus. */
  result(): TermStreams {
    const length = this.parts.reduce((sum, part) => sum + part.units.length, 0)
    const nDocs = this.parts.reduce((sum, part) => sum + part.docStart.length - 1, 0)
    const units = new Int32Array(length)
    const surfaces = new Int32Array(length)
    const isPart = new Uint8Array(length)
    const docStart = new Int32Array(nDocs + 1)
    let offset = 0
    let doc = 0
    this.parts.forEach((part, i) => {
      units.set(this.mapped[i]!.units, offset)
      surfaces.set(this.mapped[i]!.surfaces, offset)
      isPart.set(part.isPart, offset)
      for (let d = 0; d < part.docStart.length - 1; d++) docStart[doc++] = offset + part.docStart[d]!
      offset += part.units.length
    })
    docStart[nDocs] = offset
    return {
      units,
      isPart,
      surfaces,
      docStart,
      typeNames: this.typeNames,
      typeUnits: Int32Array.from(this.typeUnits),
      typeCounts: Int32Array.from(this.typeCounts),
      unitKeys: this.unitKeys,
    }
  }
}

/**
 * The raw token of a type name, without the languages of its text.
 * @param typeName Type name.
 */
function surfaceOf(typeName: string): string {
  const mark = typeName.indexOf(LANGUAGE_MARK)
  return mark < 0 ? typeName : typeName.slice(0, mark)
}

/** Id of a key in an interning map, appending it when new. */
function idOf(ids: Map<string, number>, keys: string[], key: string): number {
  let id = ids.get(key)
  if (id === undefined) {
    id = keys.length
    ids.set(key, id)
    keys.push(key)
  }
  return id
}

/** Documents sampled for phrase detection: enough for stable statistics, bounded cost. */
const PHRASE_SAMPLE_DOCS = 20_000

/**
 * Selects frequent, strongly associated adjacent pairs of units.
 *
 * Association is normalised PMI over adjacent pairs: `ln(p(ab) / (p(a) p(b))) / -ln p(ab)`
 * (Bouma 2009), counted on at most `PHRASE_SAMPLE_DOCS` evenly spaced documents.
 * @param streams Unit streams.
 * @param nUnits Number of units.
 * @param settings Phrase thresholds.
 * @returns Selected pairs as `a * nUnits + b` keys.
 */
function selectPhrases(streams: Streams, nUnits: number, settings: CountSettings): Set<number> {
  const nDocs = streams.docStart.length - 1
  const step = Math.max(1, Math.floor(nDocs / PHRASE_SAMPLE_DOCS))
  const unitCounts = new Float64Array(nUnits)
  const pairDocs = new Map<number, number>()
  const pairCounts = new Map<number, number>()
  const seenInDoc = new Set<number>()
  let nTokens = 0
  for (let d = 0; d < nDocs; d += step) {
    seenInDoc.clear()
    let previous = BOUNDARY
    for (let p = streams.docStart[d]; p < streams.docStart[d + 1]; p++) {
      if (streams.isPart[p]) continue
      const unit = streams.units[p]
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      unitCounts[unit]++
      nTokens++
      if (previous >= 0 && previous !== unit) {
        const key = previous * nUnits + unit
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1)
        if (!seenInDoc.has(key)) {
          seenInDoc.add(key)
          pairDocs.set(key, (pairDocs.get(key) ?? 0) + 1)
        }
      }
      previous = unit
    }
  }
  const selected = new Set<number>()
  const minDocs = settings.minPhraseCount
  for (const [key, docs] of pairDocs) {
    if (docs < minDocs) continue
    const a = Math.floor(key / nUnits)
    const b = key - a * nUnits
    const pab = pairCounts.get(key)! / nTokens
    const npmi = Math.log(pab / ((unitCounts[a] / nTokens) * (unitCounts[b] / nTokens))) / -Math.log(pab)
    if (npmi >= settings.minPhraseAssociation) selected.add(key)
  }
  return selected
}

/**
 * Counts weighted terms of every text into a CSR matrix over sorted term ids.
 * @param streams Unit streams.
 * @param unitTerm Term id of each unit, -1 for units outside the vocabulary.
 * @param phraseTerm Term id of each selected pair key.
 * @param nUnits Number of units.
 * @param nTerms Number of terms.
 * @param titleWeight Weight of title tokens.
 */
function countStreams(
  streams: Streams,
  unitTerm: Int32Array,
  phraseTerm: ReadonlyMap<number, number>,
  nUnits: number,
  nTerms: number,
  titleWeight: number,
): CsrMatrix {
  const nDocs = streams.docStart.length - 1
  const weights = new Float64Array(nTerms)
  let touched = new Int32Array(256)
  let nTouched = 0
  const builder = new CsrBuilder(nTerms)
  const add = (term: number, weight: number): void => {
    if (term < 0) return
    if (weights[term] === 0) {
      if (nTouched === touched.length) {
        const grown = new Int32Array(touched.length * 2)
        grown.set(touched)
        touched = grown
      }
      touched[nTouched++] = term
    }
    weights[term] += weight
  }
  // Most units start no phrase: a flag per unit spares the pair lookup.
  const startsPhrase = new Uint8Array(nUnits)
  for (const key of phraseTerm.keys()) startsPhrase[Math.floor(key / nUnits)] = 1
  for (let d = 0; d < nDocs; d++) {
    let weight = titleWeight
    let previous = BOUNDARY
    for (let p = streams.docStart[d]; p < streams.docStart[d + 1]; p++) {
      const unit = streams.units[p]
      if (unit === TITLE_END) {
        weight = 1
        previous = BOUNDARY
        continue
      }
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      add(unitTerm[unit], weight)
      if (streams.isPart[p]) continue
      if (previous >= 0 && startsPhrase[previous] === 1) {
        const phrase = phraseTerm.get(previous * nUnits + unit)
        if (phrase !== undefined) add(phrase, weight)
      }
      previous = unit
    }
    const row = touched.subarray(0, nTouched).sort()
    for (let t = 0; t < row.length; t++) {
      builder.push(row[t], weights[row[t]])
      weights[row[t]] = 0
    }
    nTouched = 0
    builder.endRow()
  }
  return builder.finish()
}

/**
 * The most frequent surface text of each selected phrase, as written (`secure boot`, not the
 * per-word forms `security boot`); ties go to the lower-case form, then the alphabetically
 * first, as for single words.
 * @param streams Unit streams with raw token types.
 * @param typeNames Raw token of each type id.
 * @param selected Selected pairs as `a * nUnits + b` keys.
 * @param nUnits Number of units.
 * @returns Surface text per selected pair key.
 */
function phraseSurfaces(streams: Streams, typeNames: readonly string[], selected: ReadonlySet<number>, nUnits: number): Map<number, string> {
  const counts = new Map<number, Map<string, number>>()
  const nDocs = streams.docStart.length - 1
  for (let d = 0; d < nDocs; d++) {
    let previous = BOUNDARY
    let previousSurface = -1
    for (let p = streams.docStart[d]; p < streams.docStart[d + 1]; p++) {
      if (streams.isPart[p]) continue
      const unit = streams.units[p]
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      if (previous >= 0) {
        const key = previous * nUnits + unit
        if (selected.has(key)) {
          const surface = `${surfaceOf(typeNames[previousSurface]!)} ${surfaceOf(typeNames[streams.surfaces[p]]!)}`
          let forms = counts.get(key)
          if (forms === undefined) counts.set(key, (forms = new Map()))
          forms.set(surface, (forms.get(surface) ?? 0) + 1)
        }
      }
      previous = unit
      previousSurface = streams.surfaces[p]
    }
  }
  const best = new Map<number, string>()
  for (const [key, forms] of counts) best.set(key, mostFrequent(forms))
  return best
}

/**
 * The most frequent form; ties: the lower-case one, then the alphabetically first.
 * @param forms Count per form.
 */
function mostFrequent(forms: ReadonlyMap<string, number>): string {
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

/**
 * Picks the most frequent surface form per unit (ties: the lower-case one, then the
 * alphabetically first).
 * @param lexicon Streams with counted surface forms.
 */
function surfaceForms(lexicon: TermStreams): string[] {
  const best: string[] = new Array<string>(lexicon.unitKeys.length).fill('')
  const bestCount = new Float64Array(lexicon.unitKeys.length)
  // The same token read in texts of different languages is several types: add their counts.
  const counts = new Map<string, { surface: string; unit: number; count: number }>()
  for (let id = 0; id < lexicon.typeNames.length; id++) {
    if (lexicon.typeCounts[id]! === 0) continue
    const surface = surfaceOf(lexicon.typeNames[id]!)
    const unit = lexicon.typeUnits[id]!
    const key = `${unit} ${surface}`
    const entry = counts.get(key)
    if (entry === undefined) counts.set(key, { surface, unit, count: lexicon.typeCounts[id]! })
    else entry.count += lexicon.typeCounts[id]!
  }
  const surfaceTypes = [...counts.values()].sort((a, b) => (a.surface < b.surface ? -1 : a.surface > b.surface ? 1 : a.unit - b.unit))
  for (const { surface, count, unit } of surfaceTypes) {
    const current = best[unit]
    const better =
      count > bestCount[unit] ||
      (count === bestCount[unit] && current !== current.toLowerCase() && surface === surface.toLowerCase())
    if (better) {
      best[unit] = surface
      bestCount[unit] = count
    }
  }
  // Parts of compounds seen only inside compounds take the part's own text.
  for (let u = 0; u < best.length; u++) if (best[u] === '') best[u] = lexicon.unitKeys[u]
  return best
}

/**
 * Counts the terms of a corpus.
 *
 * @param texts Texts (title + abstract) in corpus order.
 * @param settings Resolved counting settings.
 * @returns Sorted terms, their surface labels, and weighted counts per text.
 */
export function countTerms(texts: readonly CountableText[], settings: CountSettings): TermCounts {
  return countTermsFromStreams(readTermStreams(texts, settings), settings)
}

/**
 * Counts the terms of a corpus already read into streams (the second half of
 * {@link countTerms}).
 * @param streams The corpus's streams, e.g. merged from parts read apart.
 * @param settings The settings the streams were read with.
 */
export function countTermsFromStreams(streams: TermStreams, settings: CountSettings): TermCounts {
  const lexicon = streams
  const nUnits = lexicon.unitKeys.length
  const selected = settings.phrases ? selectPhrases(streams, nUnits, settings) : new Set<number>()
  const phraseKeys = [...selected]
  const unitSurface = surfaceForms(lexicon)
  const phraseSurface = phraseSurfaces(streams, lexicon.typeNames, selected, nUnits)

  const entries: { key: string; label: string; unit: number; phrase: number }[] = []
  for (let u = 0; u < nUnits; u++) entries.push({ key: lexicon.unitKeys[u], label: unitSurface[u], unit: u, phrase: -1 })
  for (const pair of phraseKeys) {
    const a = Math.floor(pair / nUnits)
    const b = pair - a * nUnits
    const key = `${lexicon.unitKeys[a]} ${lexicon.unitKeys[b]}`
    const label = phraseSurface.get(pair) ?? `${unitSurface[a]} ${unitSurface[b]}`
    entries.push({ key, label, unit: -1, phrase: pair })
  }
  entries.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))

  const unitTerm = new Int32Array(nUnits)
  const phraseTerm = new Map<number, number>()
  const phrases: (readonly [string, string])[] = []
  entries.forEach((entry, term) => {
    if (entry.unit >= 0) unitTerm[entry.unit] = term
    else {
      phraseTerm.set(entry.phrase, term)
      const a = Math.floor(entry.phrase / nUnits)
      phrases.push([lexicon.unitKeys[a], lexicon.unitKeys[entry.phrase - a * nUnits]])
    }
  })
  const counts = countStreams(streams, unitTerm, phraseTerm, nUnits, entries.length, settings.titleWeight)
  return { terms: entries.map((e) => e.key), labels: entries.map((e) => e.label), counts, phrases }
}

/**
 * Counts texts against an existing vocabulary: units and phrases outside it are ignored.
 *
 * @param texts Texts to count.
 * @param settings The settings the vocabulary was counted with.
 * @param termIds Term id of every term key.
 * @param phrases Phrases of the vocabulary as pairs of unit keys.
 * @returns Weighted counts, one row per text, columns = the vocabulary's term ids.
 */
export function countTermsAgainst(
  texts: readonly CountableText[],
  settings: CountSettings,
  termIds: ReadonlyMap<string, number>,
  phrases: readonly (readonly [string, string])[],
): CsrMatrix {
  const lexicon = new Lexicon(settings)
  const streams = readStreams(texts, lexicon)
  const nUnits = lexicon.unitKeys.length
  const unitTerm = new Int32Array(nUnits)
  for (let u = 0; u < nUnits; u++) unitTerm[u] = termIds.get(lexicon.unitKeys[u]) ?? -1
  const phraseTerm = new Map<number, number>()
  for (const [a, b] of phrases) {
    const unitA = lexicon.unitIds.get(a)
    const unitB = lexicon.unitIds.get(b)
    const term = termIds.get(`${a} ${b}`)
    if (unitA !== undefined && unitB !== undefined && term !== undefined) phraseTerm.set(unitA * nUnits + unitB, term)
  }
  return countStreams(streams, unitTerm, phraseTerm, nUnits, termIds.size, settings.titleWeight)
}
