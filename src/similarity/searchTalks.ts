/** Free-text search over an atlas: exact words first (BM25), meaning second (LSA). */
import type { Atlas } from '../atlas/types.js'
import { embedQueries } from '../atlas/embed.js'
import { unitRows } from '../atlas/userEmbedding.js'
import { InputError } from '../errors.js'
import { scanTokens } from '../text/tokenize.js'
import type { Warning } from '../types.js'
import { vectorizeText } from '../vectorize/tfidf.js'
import { similarityToAll } from './cosine.js'
import { rankingIndex, weighTerms } from './rankingIndex.js'
import { idRanks } from './relatedIndex.js'
import { checkRankOptions, MAX_RELATED_TOP, type RelatedOptions, type RelatedTalk } from './relatedTalks.js'
import { EXACT, normaliseTitle, searchIndex, type SearchIndex } from './searchIndex.js'
import { TopK } from './topK.js'
import { compareStrings } from '../util/compareStrings.js'
import { round } from '../util/round.js'

/** Result of {@link findTalks}. */
export interface SearchResult {
  /** Matching talks, best first; empty when no word of the query occurs in any talk. */
  readonly talks: readonly RelatedTalk[]
  /** `no-match` when no talk mentions a word of the query (one per missing word). */
  readonly warnings: readonly Warning[]
}

/** Options of {@link findTalks} and {@link searchTalks}. */
export interface SearchOptions extends RelatedOptions {
  /**
   * The query's vector from the model that made the atlas's `embeddings` (same width); its
   * semantic score then blends words and vectors as the talks do, and talks are found even
   * when no word of the query occurs. Ignored by an atlas without given vectors. @default undefined
   */
  readonly queryVector?: Float32Array
}

/** BM25 term-frequency saturation (Robertson & Zaragoza 2009; Lucene's default). */
const K1 = 1.2
/** BM25 length normalisation. */
const B = 0.75
/** Share of the score that orders talks within one level of query coverage. */
const WITHIN_COVERAGE = 0.25
/** Added for a talk whose title is the query: above any coverage. */
const TITLE_BONUS = 2

/**
 * Free-text search, with the reasons for an empty answer. A talk's score is
 *
 *   coverage + 0.25 · (½ · BM25 / best BM25 + ½ · semantic) + 2 · [title = query]
 *
 * where coverage is the idf-weighted share of the query's words the talk contains (so a
 * talk with more of the query's words, and rarer ones, comes first, however often another
 * talk repeats one of them), BM25 (k1 = 1.2, b = 0.75, idf `ln(1 + (N − df + ½)/(df + ½))`)
 * orders talks within that, and semantic is the blended TF-IDF/LSA cosine that related
 * talks use, which also finds talks that use none of the words but the same vocabulary.
 * Every word of every talk is indexed, rare ones included (see `searchIndex`). Words no talk
 * contains give a `no-match` warning; when none of the query's words occurs, the list is
 * empty.
 *
 * @param atlas A built or loaded atlas.
 * @param text Query text, e.g. `"rust embedded"`, or a talk's title.
 * With a `queryVector` and an atlas built with `embeddings`, semantic blends the words and
 * the vectors as the talks' embedding does, and a query none of whose words occurs is
 * ranked by it alone (0.125 · semantic).
 *
 * @param atlas A built or loaded atlas.
 * @param text Query text, e.g. `"rust embedded"`, or a talk's title.
 * @param options See {@link SearchOptions}: `top` results, `explainTerms` query words each, `queryVector`.
 * @returns Talks best first (`terms`: the query's words the talk contains, rarest first) and warnings.
 * @throws InputError when `text` is not a string, or `queryVector` is not a finite non-zero
 * Float32Array as wide as the atlas's vectors.
 * @throws OptionError on a `top` outside 0 to {@link MAX_RELATED_TOP} (100) or a bad `explainTerms`.
 */
export function findTalks(atlas: Atlas, text: string, options: SearchOptions = {}): SearchResult {
  return rankQuery(atlas, text, options, 'findTalks')
}

/**
 * Free-text search: talks ranked by {@link findTalks}, without its warnings.
 * @param atlas A built or loaded atlas.
 * @param text Query text.
 * @param options See {@link SearchOptions}.
 * @throws InputError when `text` is not a string or `queryVector` is unusable.
 * @throws OptionError on a `top` outside 0 to {@link MAX_RELATED_TOP} (100) or a bad `explainTerms`.
 */
export function searchTalks(atlas: Atlas, text: string, options: SearchOptions = {}): RelatedTalk[] {
  return [...rankQuery(atlas, text, options, 'searchTalks').talks]
}

/**
 * The search both public functions run.
 * @param atlas A built or loaded atlas.
 * @param text Query text.
 * @param options See {@link SearchOptions}.
 * @param caller The user's function, named in option errors.
 */
function rankQuery(atlas: Atlas, text: string, options: SearchOptions, caller: string): SearchResult {
  if (typeof text !== 'string') throw new InputError(`search: the query must be a string, not ${typeof text}`)
  checkRankOptions(options, caller)
  const top = options.top ?? 5
  const explainTerms = options.explainTerms ?? 5
  const queryVector = checkQueryVector(atlas, options.queryVector)
  const index = searchIndex(atlas)
  const words = queryWords(index, text)
  const warnings: Warning[] = []
  const missing = words.filter((word) => word.term < 0).map((word) => word.surface)
  if (missing.length > 0) warnings.push({ code: 'no-match', message: `search: no talk mentions ${missing.map((word) => JSON.stringify(word)).join(', ')}` })
  const known = words.filter((word) => word.term >= 0)
  if (known.length === 0 && queryVector === undefined) {
    if (words.length === 0) warnings.push({ code: 'no-match', message: `search: ${JSON.stringify(text)} has no searchable word` })
    return { talks: [], warnings }
  }
  const n = atlas.talks.length
  const lexical = lexicalScores(index, known, n)
  const semantic = semanticScores(atlas, text, queryVector)
  const titled = index.titles.get(normaliseTitle(text)) ?? []
  const scores = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const bm25 = lexical.bestBm25 > 0 ? lexical.bm25[i]! / lexical.bestBm25 : 0
    scores[i] = lexical.coverage[i]! + WITHIN_COVERAGE * (0.5 * bm25 + 0.5 * Math.max(0, semantic[i]!))
  }
  for (const i of titled) scores[i] += TITLE_BONUS
  const best = new TopK(Math.min(top, n), idRanks(atlas.talks))
  for (let i = 0; i < n; i++) if (scores[i]! > 0) best.offer(i, scores[i]!)
  return {
    talks: best.results().map(({ index: i, score }) => ({
      id: atlas.talks[i]!.id,
      score: round(score, 6),
      terms: matchedWords(index, known, i, explainTerms),
    })),
    warnings,
  }
}

/** A distinct word of the query. */
interface QueryWord {
  /** As typed (first occurrence). */
  readonly surface: string
  /** Index term, or -1 when no talk contains it. */
  readonly term: number
  /** BM25 idf (0 for unknown words). */
  readonly idf: number
}

/**
 * Distinct words of a query with their index terms. A compound the index knows stands for
 * itself; one it does not know is searched by its parts.
 * @param index Search index.
 * @param text Query.
 */
function queryWords(index: SearchIndex, text: string): QueryWord[] {
  const n = index.lengths.length
  const words: QueryWord[] = []
  const seen = new Set<string>()
  const add = (surface: string, key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    const term = index.termIds.get(key) ?? -1
    const df = term < 0 ? 0 : index.start[term + 1]! - index.start[term]!
    words.push({ surface, term, idf: term < 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5)) })
  }
  scanTokens(text, (token) => {
    const keys = index.keyer.keys(token)
    if (keys.length === 0) return
    if (keys[1]?.startsWith(EXACT) === true) {
      // A word: its stem, and its exact form as a second, rarer term when some talk has it.
      add(token, keys[0]!)
      if (index.termIds.has(keys[1])) add(token, keys[1])
    } else if (keys.length === 1 || index.termIds.has(keys[0]!)) add(token, keys[0]!)
    else for (const key of keys.slice(1)) add(token, key)
  })
  return words
}

/**
 * Coverage (idf-weighted share of the query words a talk contains) and BM25 of every talk.
 * @param index Search index.
 * @param words Query words known to the index.
 * @param n Number of talks.
 */
function lexicalScores(index: SearchIndex, words: readonly QueryWord[], n: number): { coverage: Float64Array; bm25: Float64Array; bestBm25: number } {
  const coverage = new Float64Array(n)
  const bm25 = new Float64Array(n)
  let totalIdf = 0
  for (const word of words) totalIdf += word.idf
  const { start, talks, frequencies, lengths, averageLength } = index
  for (const word of words) {
    const share = totalIdf > 0 ? word.idf / totalIdf : 1 / words.length
    for (let p = start[word.term]!; p < start[word.term + 1]!; p++) {
      const i = talks[p]!
      const tf = frequencies[p]!
      coverage[i] += share
      bm25[i] += (word.idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * lengths[i]!) / averageLength))
    }
  }
  let bestBm25 = 0
  for (let i = 0; i < n; i++) if (bm25[i]! > bestBm25) bestBm25 = bm25[i]!
  return { coverage, bm25, bestBm25 }
}

/**
 * The blended TF-IDF/LSA cosine of the query with every talk (the ranking related talks
 * use, with the query's terms weighted by topicality).
 * @param atlas Atlas.
 * @param text Query.
 * @param queryVector The query's unit given vector, if any.
 */
function semanticScores(atlas: Atlas, text: string, queryVector: Float32Array | undefined): Float64Array {
  const ranking = rankingIndex(atlas)
  const vector = weighTerms(vectorizeText(atlas.model, text), ranking.weights)
  if (vector.indices.length === 0 && queryVector === undefined) return new Float64Array(atlas.talks.length)
  const embedding = embedQueries(atlas.lsa, vector, atlas.userEmbedding, queryVector)
  return similarityToAll(ranking, ranking.inverted, { terms: vector.indices, weights: vector.data, embedding })
}

/**
 * The query vector made unit, or nothing when there is none or the atlas has no given vectors.
 * @param atlas Atlas.
 * @param queryVector The `queryVector` option.
 */
function checkQueryVector(atlas: Atlas, queryVector: unknown): Float32Array | undefined {
  if (queryVector === undefined || atlas.userEmbedding === undefined) return undefined
  const d = atlas.userEmbedding.dimensions
  if (!(queryVector instanceof Float32Array) || queryVector.length !== d) {
    const found = queryVector instanceof Float32Array ? `${queryVector.length} values` : typeof queryVector
    throw new InputError(`search: expected a Float32Array of ${d} values (the atlas's embedding width), found ${found}`, { field: 'queryVector' })
  }
  return unitRows(queryVector, d, [], 'queryVector')
}

/**
 * The query words a talk contains, rarest first.
 * @param index Search index.
 * @param words Known query words.
 * @param i Talk row.
 * @param count How many.
 */
function matchedWords(index: SearchIndex, words: readonly QueryWord[], i: number, count: number): string[] {
  const found = words.filter((word) => containsTalk(index, word.term, i))
  found.sort((a, b) => b.idf - a.idf || compareStrings(a.surface, b.surface))
  return [...new Set(found.map((word) => word.surface))].slice(0, count)
}

/** Binary search of a talk in a term's postings (talks ascending). */
function containsTalk(index: SearchIndex, term: number, i: number): boolean {
  let lo = index.start[term]!
  let hi = index.start[term + 1]! - 1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    const talk = index.talks[mid]!
    if (talk === i) return true
    if (talk < i) lo = mid + 1
    else hi = mid - 1
  }
  return false
}
