/**
 * The word index free-text search reads: every word of every talk (title and abstract),
 * however rare, with its BM25 statistics. The TF-IDF vocabulary drops words found in fewer
 * than `minDocCount` talks, which is right for themes and wrong for search: a word only one
 * talk uses is the best way to find that talk.
 *
 * The index is rebuilt from the talks' stored text on first use and cached per atlas (a
 * loaded atlas holds its talks, so nothing more is saved): one tokenizing pass, linear in
 * the text.
 */
import type { Atlas } from '../atlas/types.js'
import { stem } from '../text/stem.js'
import { buildStopwords } from '../text/stopwords.js'
import { scanTokens } from '../text/tokenize.js'
import type { Talk } from '../types.js'
import { cached } from '../util/cached.js'
import { foldToken } from '../text/foldToken.js'
import { grown } from '../vectorize/lexicon.js'

/** Weight of a title word relative to an abstract word in term counts and lengths (BM25F-style). */
export const SEARCH_TITLE_WEIGHT = 2

/** Inverted index of all words of the talks. */
export interface SearchIndex {
  /** Term id of every word key (lower-cased, stemmed like the vocabulary). */
  readonly termIds: ReadonlyMap<string, number>
  /** Postings of term j: `talks[start[j] .. start[j + 1])`, talks ascending. */
  readonly start: Int32Array
  readonly talks: Int32Array
  /** Weighted term frequency of each posting (title words count {@link SEARCH_TITLE_WEIGHT}). */
  readonly frequencies: Float32Array
  /** Weighted length of every talk. */
  readonly lengths: Float32Array
  readonly averageLength: number
  /** Talk rows by normalised title ({@link normaliseTitle}). */
  readonly titles: ReadonlyMap<string, readonly number[]>
  /** How words become keys (shared with queries). */
  readonly keyer: WordKeyer
}

/** Turns surface words into index keys, the way the atlas vocabulary does. */
export interface WordKeyer {
  /**
   * Keys of one token: none for a stopword; a word gives its stem, then (when stemming)
   * its exact form prefixed {@link EXACT}; a compound (`XDP-hints`, `io_uring`) gives its
   * own key first, then its parts' keys.
   */
  keys(token: string): string[]
}

/** Prefix of the key of an exact (unstemmed) word; no token starts with it. */
export const EXACT = '='
const COMPOUND = /[-_.']/

/**
 * A keyer with the atlas's stopwords and stemming setting.
 * @param options The atlas's TF-IDF options.
 */
export function wordKeyer(options: { readonly stopwords?: readonly string[]; readonly keepWords?: readonly string[]; readonly stem?: boolean }): WordKeyer {
  const stopwords = buildStopwords(options.stopwords ?? [], options.keepWords ?? [])
  const stemming = options.stem ?? true
  const cache = new Map<string, string[]>()
  const keyOf = (lower: string): string => (stemming ? stem(lower) : lower)
  return {
    keys(token) {
      let keys = cache.get(token)
      if (keys !== undefined) return keys
      const lower = foldToken(token)
      keys = []
      if (!stopwords.has(lower)) {
        if (COMPOUND.test(lower)) {
          keys.push(lower)
          for (const part of lower.split(COMPOUND)) if (part !== '' && !stopwords.has(part)) keys.push(keyOf(part))
        } else {
          keys.push(keyOf(lower))
          // The exact word too, so that a word only one talk uses finds it first even when
          // its stem is shared (`tip` beside `tips`, `unwinders` beside `unwinding`).
          if (stemming) keys.push(EXACT + lower)
        }
      }
      cache.set(token, keys)
      return keys
    },
  }
}

/**
 * A title as a search key: its tokens lower-cased and joined by one space, so that case,
 * punctuation and spacing do not matter.
 * @param title Title or query text.
 */
export function normaliseTitle(title: string): string {
  const tokens: string[] = []
  scanTokens(title, (token) => {
    tokens.push(token.toLowerCase())
  })
  return tokens.join(' ')
}

const indexCache = new WeakMap<readonly Talk[], SearchIndex>()

/**
 * The search index of an atlas, built on first use and cached per talk list.
 * @param atlas A built or loaded atlas.
 */
export function searchIndex(atlas: Atlas): SearchIndex {
  return cached(indexCache, atlas.talks, () => buildSearchIndex(atlas.talks, wordKeyer(atlas.options.tfidf)))
}

/**
 * Builds the index in one pass over the talks (postings grouped by term with a counting sort).
 * @param talks Talks.
 * @param keyer Word keyer.
 */
export function buildSearchIndex(talks: readonly Talk[], keyer: WordKeyer): SearchIndex {
  const termIds = new Map<string, number>()
  const titles = new Map<string, number[]>()
  const lengths = new Float32Array(talks.length)
  // (term, talk, frequency) triples in talk order, in growable typed buffers.
  let tripleTerms = new Int32Array(1024)
  let tripleTalks = new Int32Array(1024)
  let tripleFrequencies = new Float32Array(1024)
  let nTriples = 0
  let counts = new Float64Array(1024)
  const touched: number[] = []
  let totalLength = 0
  for (let i = 0; i < talks.length; i++) {
    const talk = talks[i]!
    let length = 0
    const count = (weight: number) => (token: string) => {
      for (const key of keyer.keys(token)) {
        let j = termIds.get(key)
        if (j === undefined) {
          j = termIds.size
          termIds.set(key, j)
          if (j >= counts.length) counts = grown(counts, j + 1)
        }
        if (counts[j] === 0) touched.push(j)
        counts[j] += weight
      }
      length += weight
    }
    scanTokens(String(talk.title ?? ''), count(SEARCH_TITLE_WEIGHT))
    scanTokens(String(talk.abstract ?? ''), count(1))
    const title = normaliseTitle(String(talk.title ?? ''))
    if (title !== '') titles.set(title, [...(titles.get(title) ?? []), i])
    lengths[i] = length
    totalLength += length
    if (nTriples + touched.length > tripleTerms.length) {
      tripleTerms = grown(tripleTerms, nTriples + touched.length)
      tripleTalks = grown(tripleTalks, nTriples + touched.length)
      tripleFrequencies = grown(tripleFrequencies, nTriples + touched.length)
    }
    for (const j of touched) {
      tripleTerms[nTriples] = j
      tripleTalks[nTriples] = i
      tripleFrequencies[nTriples++] = counts[j]!
      counts[j] = 0
    }
    touched.length = 0
  }
  const nTerms = termIds.size
  const start = new Int32Array(nTerms + 1)
  for (let p = 0; p < nTriples; p++) start[tripleTerms[p]! + 1]++
  for (let j = 0; j < nTerms; j++) start[j + 1] += start[j]!
  const next = start.slice(0, nTerms)
  const postings = new Int32Array(nTriples)
  const frequencies = new Float32Array(nTriples)
  // Triples are in talk order, so each term's postings come out with talks ascending.
  for (let p = 0; p < nTriples; p++) {
    const q = next[tripleTerms[p]!]++
    postings[q] = tripleTalks[p]!
    frequencies[q] = tripleFrequencies[p]!
  }
  return {
    termIds,
    start,
    talks: postings,
    frequencies,
    lengths,
    averageLength: talks.length > 0 ? totalLength / talks.length : 0,
    titles,
    keyer,
  }
}
