/**
 * TF-IDF: vocabulary pruning by document frequency, sublinear term frequency, smoothed
 * inverse document frequency and L2 row normalisation, in the spirit of scikit-learn's
 * `TfidfVectorizer(sublinear_tf=True)`.
 */
import { OptionError } from '../errors.js'
import { checkInteger, checkRange, withDefaults } from '../options.js'
import { isLanguage, LANGUAGES, type Language } from '../text/language.js'
import { isRegisteredLanguage } from '../text/languageRegistry.js'
import { buildStopwords } from '../text/stopwords.js'
import type { CsrMatrix, Talk, Warning } from '../types.js'
import { columnCounts } from './csr.js'
import { countTerms, countTermsAgainst, countTermsFromStreams, type CountSettings, type CountableText, type TermCounts } from './countTerms.js'
import { readTermStreams, type TermStreams } from './termStreams.js'
import { weighColumns } from './weighColumns.js'

/** Largest `titleWeight`: a title counting a thousand times an abstract word. */
export const MAX_TITLE_WEIGHT = 1000

/** Options of {@link fitTfidf}. Every field is optional. */
export interface TfidfOptions {
  /** Weight of a title token relative to an abstract token, at most 1,000. @default 2 */
  readonly titleWeight?: number
  /**
   * Stem words so that `scheduler` and `scheduling` are one term: Porter for English, Snowball
   * for the other languages. @default true
   */
  readonly stem?: boolean
  /**
   * Language of the talks (`en`, `de`, `es`, `fr`, `it`, `nl`, `pt`), or `auto` to detect each
   * talk's language from its stopwords (see `detectLanguage`). A talk's language decides which
   * stopwords are dropped (English's always, and those of every language the talk is written
   * in) and which stemmer is used. Languages other than English must be registered first
   * (`registerLanguages`); `auto` detects English and the registered ones. @default 'auto'
   */
  readonly language?: Language | 'auto'
  /** Add frequent two-word phrases (`stack unwinding`) as extra terms. @default true */
  readonly phrases?: boolean
  /** A phrase must occur in at least this many talks. @default 3 */
  readonly minPhraseCount?: number
  /** Normalised PMI a phrase needs, in (-1, 1]. @default 0.3 */
  readonly minPhraseAssociation?: number
  /** Extra stopwords (any case), dropped in every language, added to the defaults. @default [] */
  readonly stopwords?: readonly string[]
  /** Words to remove from the default stopwords. @default [] */
  readonly keepWords?: readonly string[]
  /** Drop terms found in fewer talks than this. @default 2 */
  readonly minDocCount?: number
  /** Drop terms found in more than this share of talks. @default 0.5 */
  readonly maxDocRatio?: number
  /** Use `1 + ln(tf)` instead of raw term frequency. @default true */
  readonly sublinearTf?: boolean
  /**
   * Exponent p of the idf in a term's weight `tf · idf^p`. Above 1 it favours specific
   * terms over common ones; 1.5 measured best across the FOSDEM corpus and the fixtures
   * (docs/quality.md). @default 1.5
   */
  readonly idfPower?: number
}

/** {@link TfidfOptions} with every default filled in. */
export type ResolvedTfidfOptions = { readonly [K in keyof TfidfOptions]-?: Exclude<TfidfOptions[K], undefined> }

/** Frozen defaults of {@link TfidfOptions}. */
export const defaultTfidfOptions: ResolvedTfidfOptions = Object.freeze({
  titleWeight: 2,
  stem: true,
  language: 'auto',
  phrases: true,
  minPhraseCount: 3,
  minPhraseAssociation: 0.3,
  stopwords: [],
  keepWords: [],
  minDocCount: 2,
  maxDocRatio: 0.5,
  sublinearTf: true,
  idfPower: 1.5,
})

/** A fitted TF-IDF vocabulary. Plain readonly data: it serialises to JSON as is. */
export interface TfidfModel {
  /** Term keys sorted ascending; a term's id is its position. */
  readonly terms: readonly string[]
  /** Most frequent surface form of each term, for display (`XDP`, `stack unwinding`). */
  readonly labels: readonly string[]
  /** Smoothed inverse document frequency of each term: `ln((1 + n) / (1 + df)) + 1`. */
  readonly idf: Float32Array
  /** Number of talks each term occurs in. */
  readonly docCounts: Int32Array
  /** Phrases of the vocabulary as pairs of unit keys. */
  readonly phrases: readonly (readonly [string, string])[]
  /** Number of talks the model was fitted on. */
  readonly nDocs: number
  /** The options the model was fitted with. */
  readonly options: ResolvedTfidfOptions
}

/** Result of {@link fitTfidf}. */
export interface TfidfResult {
  readonly model: TfidfModel
  /** L2-normalised TF-IDF rows, one per talk, in input order. */
  readonly matrix: CsrMatrix
  readonly warnings: readonly Warning[]
}

/**
 * Validates options and fills defaults.
 * @param options User options.
 * @param where The user's function, named in messages (`buildAtlas: minDocCount=0 is invalid, …`).
 */
export function resolveTfidfOptions(options: TfidfOptions = {}, where = 'tfidf'): ResolvedTfidfOptions {
  if (typeof options !== 'object' || options === null) throw new OptionError(where, 'options', options, 'an object')
  const resolved = withDefaults(defaultTfidfOptions, options)
  // Bounded: a huge weight overflows the float32 counts and turns the matrix into NaN.
  checkRange(where, 'titleWeight', resolved.titleWeight, 0, MAX_TITLE_WEIGHT, false, `a number in [0, ${MAX_TITLE_WEIGHT}]`)
  checkInteger(where, 'minPhraseCount', resolved.minPhraseCount, 1)
  checkRange(where, 'minPhraseAssociation', resolved.minPhraseAssociation, -1, 1, false, 'a number in [-1, 1]')
  checkInteger(where, 'minDocCount', resolved.minDocCount, 1)
  checkRange(where, 'idfPower', resolved.idfPower, 0, 8, false, 'a number in [0, 8]')
  checkRange(where, 'maxDocRatio', resolved.maxDocRatio, Number.MIN_VALUE, 1, false, 'a number in (0, 1]')
  // A string would be iterated character by character, and 'false' is truthy: refuse both.
  checkBoolean(where, 'stem', resolved.stem)
  checkBoolean(where, 'phrases', resolved.phrases)
  checkBoolean(where, 'sublinearTf', resolved.sublinearTf)
  if (resolved.language !== 'auto' && !isLanguage(resolved.language)) {
    throw new OptionError(where, 'language', resolved.language, `'auto' or one of ${LANGUAGES.join(', ')}`)
  }
  if (resolved.language !== 'auto' && !isRegisteredLanguage(resolved.language)) {
    throw new OptionError(where, 'language', resolved.language, '', `is not registered: call registerLanguages with its pack from talkatlas/languages`)
  }
  checkWords(where, 'stopwords', resolved.stopwords)
  checkWords(where, 'keepWords', resolved.keepWords)
  return resolved
}

/**
 * Fits a TF-IDF vocabulary on talks and returns their vectors.
 *
 * Term frequency is `1 + ln(count)` (sublinear), where title tokens count `titleWeight`
 * times; idf is `ln((1 + n) / (1 + df)) + 1` and a term weighs `tf · idf^idfPower`; rows are
 * scaled to unit length. Terms in fewer
 * than `minDocCount` talks or in more than `maxDocRatio` of them are dropped; when that
 * leaves no term (tiny or uniform corpora) the bounds are relaxed and a warning says so.
 *
 * @param talks Talks (title and abstract are read).
 * @param options See {@link TfidfOptions}.
 * @returns The model, the matrix and warnings.
 */
export function fitTfidf(talks: readonly CountableText[], options: TfidfOptions = {}): TfidfResult {
  const resolved = resolveTfidfOptions(options, 'fitTfidf')
  return fitCounted(countTerms(talks, countSettings(resolved)), talks.length, resolved)
}

/**
 * Reads talks into token streams, the part of {@link fitTfidf} that grows with the text and
 * can run on parts of a corpus in parallel (see {@link mergeTermStreams}).
 * @param talks Talks or texts to read.
 * @param options The TF-IDF options the model will be fitted with.
 */
export function readTalkTerms(talks: readonly CountableText[], options: TfidfOptions = {}): TermStreams {
  return readTermStreams(talks, countSettings(resolveTfidfOptions(options)))
}

/**
 * {@link fitTfidf} on talks already read with {@link readTalkTerms} (and merged): the same
 * model and matrix as `fitTfidf` on the whole corpus.
 * @param streams Streams of the whole corpus, in talk order.
 * @param options The options the streams were read with.
 */
export function fitTfidfFromStreams(streams: TermStreams, options: TfidfOptions = {}): TfidfResult {
  const resolved = resolveTfidfOptions(options)
  return fitCounted(countTermsFromStreams(streams, countSettings(resolved)), streams.docStart.length - 1, resolved)
}

/**
 * Vocabulary pruning, idf and weighting on counted terms.
 * @param counted Terms and counts of the corpus.
 * @param nDocs Number of talks.
 * @param resolved Resolved options.
 */
function fitCounted(counted: TermCounts, nDocs: number, resolved: ResolvedTfidfOptions): TfidfResult {
  const docCounts = columnCounts(counted.counts)
  const warnings: Warning[] = []
  let keep = keptTerms(docCounts, nDocs, resolved.minDocCount, resolved.maxDocRatio)
  if (keep.length === 0 && counted.terms.length > 0) {
    keep = keptTerms(docCounts, nDocs, 1, 1)
    warnings.push({
      code: 'vocabulary-relaxed',
      message: `tfidf: no term is in ≥ minDocCount=${resolved.minDocCount} and ≤ maxDocRatio=${resolved.maxDocRatio} of ${nDocs} talks; every term was kept`,
    })
  }
  // Terms sorted by key; equal keys (a unit whose folded text holds a space, and a phrase)
  // stay in the order of their ids.
  const { terms: keys } = counted
  const byKey = (a: number, b: number): number => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b)
  keep.sort(byKey)
  const termIds = new Int32Array(keys.length).fill(-1)
  keep.forEach((term, id) => (termIds[term] = id))
  const terms = keep.map((t) => keys[t]!)
  const keptSet = new Set(terms)
  const phraseTerms = Array.from(counted.phrases, (_, i) => counted.nUnits + i).sort(byKey)
  const model: TfidfModel = {
    terms,
    labels: keep.map((t) => counted.labels[t]!),
    idf: smoothedIdf(keep.map((t) => docCounts[t]!), nDocs),
    docCounts: Int32Array.from(keep, (t) => docCounts[t]!),
    phrases: phraseTerms.filter((t) => keptSet.has(keys[t]!)).map((t) => counted.phrases[t - counted.nUnits]!),
    nDocs,
    options: resolved,
  }
  const matrix = weighColumns(counted.counts, termIds, model)
  return { model, matrix, warnings }
}

/**
 * Vectorises talks against a fitted vocabulary; terms the model does not know are ignored.
 * @param model Fitted model.
 * @param talks Talks or texts to vectorise.
 * @returns L2-normalised TF-IDF rows, one per talk.
 */
export function transformTfidf(model: TfidfModel, talks: readonly CountableText[]): CsrMatrix {
  const termIds = new Map<string, number>()
  model.terms.forEach((term, id) => termIds.set(term, id))
  const counts = countTermsAgainst(talks, countSettings(model.options), termIds, model.phrases)
  return weighColumns(counts, Int32Array.from(model.terms, (_, j) => j), model)
}

/**
 * Vectorises free text (a query) against a fitted vocabulary.
 * @param model Fitted model.
 * @param text Query text.
 */
export function vectorizeText(model: TfidfModel, text: string): CsrMatrix {
  return transformTfidf(model, [{ title: '', abstract: text }])
}

/** Talk-shaped input accepted by the vectoriser. */
export type { CountableText } from './countTerms.js'
export type { TermStreams } from './termStreams.js'
export { mergeTermStreams, TermStreamsMerger } from './termStreams.js'
export type { Talk }

function countSettings(options: ResolvedTfidfOptions): CountSettings {
  return {
    stopwords: buildStopwords(options.stopwords, options.keepWords),
    keepWords: options.keepWords.map((word) => word.toLowerCase()),
    // Atlases saved before languages were read have no language option; a saved atlas is untrusted.
    language: isLanguage(options.language) ? options.language : 'auto',
    titleWeight: options.titleWeight,
    stem: options.stem,
    phrases: options.phrases,
    minPhraseCount: options.minPhraseCount,
    minPhraseAssociation: options.minPhraseAssociation,
  }
}

function keptTerms(docCounts: Int32Array, nDocs: number, minDocCount: number, maxDocRatio: number): number[] {
  const maxDocs = maxDocRatio * nDocs
  const keep: number[] = []
  for (let t = 0; t < docCounts.length; t++) {
    if (docCounts[t] >= minDocCount && docCounts[t] <= maxDocs) keep.push(t)
  }
  return keep
}

export function smoothedIdf(docCounts: readonly number[], nDocs: number): Float32Array {
  return Float32Array.from(docCounts, (df) => Math.log((1 + nDocs) / (1 + df)) + 1)
}

function checkBoolean(where: string, name: string, value: unknown): void {
  if (typeof value !== 'boolean') throw new OptionError(where, name, value, 'true or false')
}

function checkWords(where: string, name: string, value: unknown): void {
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
    throw new OptionError(where, name, value, 'an array of strings')
  }
}
