/**
 * Reading texts into token streams of unit ids (the first half of counting terms), and
 * merging the streams of parts of a corpus read apart (in workers) into one.
 */
import { LANGUAGES } from '../text/language.js'
import { TokenScanner } from '../text/tokenize.js'
import type { CountableText, CountSettings } from './countTerms.js'
import { grown, idOf, Lexicon, TYPE_COUNT, TYPE_PARTS_END, TYPE_PARTS_START, TYPE_STRIDE, TYPE_UNIT } from './lexicon.js'

export const BOUNDARY = -1

export const TITLE_END = -2

/**
 * Token streams of a corpus as unit ids: `BOUNDARY` separates phrases, `TITLE_END` ends
 * the title. Compound parts follow their compound, flagged in `isPart`.
 */
export interface Streams {
  readonly units: Int32Array
  readonly isPart: Uint8Array
  /** Raw token type (`Lexicon.typeNames`) at each position; -1 for markers and parts. */
  readonly surfaces: Int32Array
  readonly docStart: Int32Array
  /**
   * Each text's main language as read for its stopwords (an index in `LANGUAGES`), when the
   * languages are read per text (`language: 'auto'`); the labels take the corpus's languages
   * from it instead of reading the texts again.
   */
  readonly mainLanguages?: Uint8Array
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

/** Stream positions written so far, in buffers that grow. */
class StreamWriter {
  units: Int32Array
  isPart: Uint8Array
  surfaces: Int32Array
  length = 0

  /** @param capacity Positions to allocate at first. */
  constructor(capacity: number) {
    this.units = new Int32Array(capacity)
    this.isPart = new Uint8Array(capacity)
    this.surfaces = new Int32Array(capacity)
  }

  /**
   * Appends one position.
   * @param unit Unit id or marker.
   * @param part 1 for a compound's part.
   * @param surface Raw token type, -1 for markers and parts.
   */
  push(unit: number, part: number, surface: number): void {
    if (this.length === this.units.length) {
      this.units = grown(this.units, 0)
      this.isPart = grown(this.isPart, 0)
      this.surfaces = grown(this.surfaces, 0)
    }
    this.units[this.length] = unit
    this.isPart[this.length] = part
    this.surfaces[this.length] = surface
    this.length++
  }
}

/** The raw tokens of one text, held until its language is known. */
class HeldTokens {
  rawIds = new Int32Array(256)
  boundaries = new Uint8Array(256)
  languageWords = new Int32Array(256)
  count = 0

  /**
   * Appends the tokens of a text.
   * @param scanner Scanner to read with.
   * @param text Text to read.
   * @param lexicon Lexicon that numbers raw tokens.
   */
  read(scanner: TokenScanner, text: string, lexicon: Lexicon): void {
    scanner.reset(text)
    while (scanner.next()) {
      const t = this.count
      if (t === this.rawIds.length) {
        this.rawIds = grown(this.rawIds, 0)
        this.boundaries = grown(this.boundaries, 0)
        this.languageWords = grown(this.languageWords, 0)
      }
      const raw = lexicon.rawId(text, scanner.start, scanner.end)
      this.rawIds[t] = raw
      this.boundaries[t] = scanner.boundaryBefore ? 1 : 0
      this.languageWords[t] = lexicon.languageWordOf(raw)
      this.count = t + 1
    }
  }
}

/**
 * Writes held tokens `[from, to)` as units: a dropped token is a boundary, a compound is
 * followed by its parts.
 * @param held Tokens of the text.
 * @param from First token.
 * @param to Token after the last.
 * @param lexicon Lexicon to intern into.
 * @param out Streams being written.
 */
function writeTokens(held: HeldTokens, from: number, to: number, lexicon: Lexicon, out: StreamWriter): void {
  for (let t = from; t < to; t++) {
    const type = lexicon.typeOf(held.rawIds[t]!)
    const types = lexicon.types
    const unit = types[type * TYPE_STRIDE + TYPE_UNIT]!
    if (unit < 0) {
      out.push(BOUNDARY, 0, -1)
      continue
    }
    if (held.boundaries[t] === 1) out.push(BOUNDARY, 0, -1)
    out.push(unit, 0, type)
    const partEnd = types[type * TYPE_STRIDE + TYPE_PARTS_END]!
    for (let p = types[type * TYPE_STRIDE + TYPE_PARTS_START]!; p < partEnd; p++) out.push(lexicon.parts[p]!, 1, -1)
  }
}

/**
 * Reads every text once into unit streams.
 * @param texts Texts to read.
 * @param lexicon Lexicon to intern into.
 */
export function readStreams(texts: readonly CountableText[], lexicon: Lexicon): Streams {
  // English prose gives 0.14–0.17 stream positions per character: allocate for 0.2, grow if needed.
  let nChars = 0
  for (let d = 0; d < texts.length; d++) nChars += texts[d]!.title.length + texts[d]!.abstract.length
  const out = new StreamWriter(1024 + Math.ceil(nChars / 5))
  const docStart = new Int32Array(texts.length + 1)
  const scanner = new TokenScanner()
  // A text's tokens are held until its language is known, then counted.
  const held = new HeldTokens()
  const mainLanguages = lexicon.languages === undefined ? undefined : new Uint8Array(texts.length)
  for (let d = 0; d < texts.length; d++) {
    docStart[d] = out.length
    const text = texts[d]!
    held.count = 0
    held.read(scanner, text.title, lexicon)
    const nTitle = held.count
    held.read(scanner, text.abstract, lexicon)
    if (lexicon.languages !== undefined) {
      const languages = lexicon.languages.readIds(held.languageWords, held.count)
      mainLanguages![d] = LANGUAGES.indexOf(languages.main)
      lexicon.useLanguages(languages)
    }
    writeTokens(held, 0, nTitle, lexicon, out)
    out.push(TITLE_END, 0, -1)
    writeTokens(held, nTitle, held.count, lexicon, out)
  }
  docStart[texts.length] = out.length
  const streams = { units: out.units.subarray(0, out.length), isPart: out.isPart.subarray(0, out.length), surfaces: out.surfaces.subarray(0, out.length), docStart }
  return mainLanguages === undefined ? streams : { ...streams, mainLanguages }
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
    typeUnits: typeField(lexicon, TYPE_UNIT),
    typeCounts: typeField(lexicon, TYPE_COUNT),
    unitKeys: lexicon.unitKeys,
  }
}

/**
 * One field of every type of a lexicon.
 * @param lexicon Lexicon.
 * @param field Offset of the field in a type's fields.
 */
function typeField(lexicon: Lexicon, field: number): Int32Array {
  const values = new Int32Array(lexicon.nTypes)
  for (let t = 0; t < values.length; t++) values[t] = lexicon.types[t * TYPE_STRIDE + field]!
  return values
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
    // Each text's main language is kept only when every part read them.
    const mainLanguages = this.parts.every((part) => part.mainLanguages !== undefined) ? new Uint8Array(nDocs) : undefined
    let offset = 0
    let doc = 0
    this.parts.forEach((part, i) => {
      units.set(this.mapped[i]!.units, offset)
      surfaces.set(this.mapped[i]!.surfaces, offset)
      isPart.set(part.isPart, offset)
      mainLanguages?.set(part.mainLanguages!, doc)
      for (let d = 0; d < part.docStart.length - 1; d++) docStart[doc++] = offset + part.docStart[d]!
      offset += part.units.length
    })
    docStart[nDocs] = offset
    return {
      units,
      isPart,
      surfaces,
      docStart,
      ...(mainLanguages === undefined ? {} : { mainLanguages }),
      typeNames: this.typeNames,
      typeUnits: Int32Array.from(this.typeUnits),
      typeCounts: Int32Array.from(this.typeCounts),
      unitKeys: this.unitKeys,
    }
  }
}
