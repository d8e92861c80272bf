/**
 * The whole pipeline: talks → tokens → TF-IDF → LSA → consensus of k-means runs → themes with labels.
 */
import { InputError, OptionError } from '../errors.js'
import { consensusClusters } from '../cluster/consensusClusters.js'
import { runKmeansInOrder, type KmeansBatchRunner } from '../cluster/kmeansBatch.js'
import type { KmeansOptions } from '../cluster/kmeans.js'
import { labelThemes } from '../cluster/labelThemes.js'
import { fitLsa } from '../cluster/lsa.js'
import { corpusLanguages, corpusLanguagesOf, foreignStopwords } from '../text/corpusLanguages.js'
import { LANGUAGES, type Language } from '../text/language.js'
import type { Talk, Warning } from '../types.js'
import { fitTfidfFromStreams, readTalkTerms, resolveTfidfOptions, type TermStreams, type TfidfOptions } from '../vectorize/tfidf.js'
import { progressReporter } from '../progress.js'
import { checkInteger, DEFAULT_SEED, withDefaults } from '../options.js'
import type { Atlas, AtlasOptions, ResolvedAtlasOptions, Theme } from './types.js'
import { canonicalOrder, invertPermutation, keepCopiesTogether, permuteCsrRows, permuteDenseRows, permuteEnsemble, rememberOrder } from './canonicalOrder.js'
import { embeddingDimensions, embedTalks, permuteUserEmbedding, resolveSmoothing } from './embed.js'
import { checkEmbeddingOptions, resolveUserEmbedding, type UserEmbedding } from './userEmbedding.js'
import { themeMembers } from './themeMembers.js'
import { addUnclassified } from './unclassified.js'
import { buildThemeTree } from './themeTree.js'
import { checkGroupsOption, cutThemes } from './themeGroups.js'

export { UNCLASSIFIED_THEME_ID } from './unclassified.js'

/**
 * Builds an atlas of talks: vectors, themes with labels and keywords, and what related-talk
 * search and theme assignment need.
 *
 * @param talks Talks with unique ids (title and abstract are read; other fields are kept).
 * @param options See {@link AtlasOptions}.
 * @throws InputError on a talk without a string id/title/abstract or on a duplicate id.
 * @throws OptionError on an option outside its range.
 */
export function buildAtlas(talks: readonly Talk[], options: AtlasOptions = {}): Atlas {
  const resolved = resolveAtlasOptions(options, 'buildAtlas')
  checkTalks(talks)
  const given = resolveUserEmbedding(options.embeddings, options.embeddingWeight, talks)
  // The pipeline runs on a canonical order so that input order cannot change the themes.
  const order = canonicalOrder(talks)
  const canonical = fitAtlas(Array.from(order, (i) => talks[i]!), resolved, progressReporter('buildAtlas', options.onProgress), permuteUserEmbedding(given, order))
  return rememberOrder(restoreInputOrder(canonical, talks, order, given), order)
}

/**
 * Reads talks into token streams, possibly elsewhere (workers) in parts merged with
 * `mergeTermStreams`; must return what `readTalkTerms(talks, tfidf)` returns.
 */
export type TermReader = (talks: readonly Talk[], tfidf: TfidfOptions) => TermStreams | Promise<TermStreams>

/** The parts of {@link buildAtlasWith} a caller can run elsewhere; each defaults to this thread. */
export interface AtlasRunners {
  /** Reads the talks' token streams (the part of the work that grows with the text). */
  readonly readTerms?: TermReader
  /** Runs batches of independent k-means calls (the search for k, the consensus runs). */
  readonly runKmeans?: KmeansBatchRunner
}

/**
 * {@link buildAtlas} with the reading of the text and the k-means calls handed to runners,
 * which may run them in parallel; the atlas is the same as `buildAtlas` gives.
 * @param talks Talks with unique ids.
 * @param options See {@link AtlasOptions}.
 * @param runners See {@link AtlasRunners}.
 */
export async function buildAtlasWith(talks: readonly Talk[], options: AtlasOptions, runners: AtlasRunners): Promise<Atlas> {
  const resolved = resolveAtlasOptions(options, 'buildAtlasWith')
  checkTalks(talks)
  const given = resolveUserEmbedding(options.embeddings, options.embeddingWeight, talks)
  const order = canonicalOrder(talks)
  const ordered = Array.from(order, (i) => talks[i]!)
  const report = progressReporter('buildAtlasWith', options.onProgress)
  let streams: TermStreams | undefined
  if (runners.readTerms !== undefined) {
    report('tokenising')
    streams = await runners.readTerms(ordered, resolved.tfidf)
    if (streams.docStart.length !== ordered.length + 1) {
      throw new RangeError(`buildAtlasWith: the reader returned ${streams.docStart.length - 1} talks for ${ordered.length}`)
    }
  }
  return rememberOrder(restoreInputOrder(fitAtlas(ordered, resolved, report, permuteUserEmbedding(given, order), streams, runners.runKmeans), talks, order, given), order)
}

/**
 * The pipeline on checked talks in canonical order.
 * @param talks Talks in canonical order.
 * @param resolved Resolved options.
 * @param report Progress reporter.
 * @param given Given vectors in canonical order, if any.
 * @param streams The talks already read, if they were.
 * @param runKmeans Runner of the k-means batches.
 */
function fitAtlas(talks: readonly Talk[], resolved: ResolvedAtlasOptions, report: ProgressReport, given?: UserEmbedding, streams?: TermStreams, runKmeans: KmeansBatchRunner = runKmeansInOrder): Atlas {
  const warnings: Warning[] = []
  if (streams === undefined) report('tokenising')
  const read = streams ?? readTalkTerms(talks, resolved.tfidf)
  report('tf-idf')
  const tfidf = fitTfidfFromStreams(read, resolved.tfidf)
  warnings.push(...tfidf.warnings)
  report('lsa')
  const lsa = fitLsa(tfidf.matrix, { dimensions: resolved.dimensions, seed: resolved.seed })
  if (resolveSmoothing(resolved.smoothing, talks.length) > 0) report('smoothing')
  const vectors = embedTalks(lsa, tfidf.matrix, resolved, given)
  const d = embeddingDimensions(lsa, given)
  const clustering = consensusClusters(vectors, d, { k: resolved.k, seed: resolved.seed, runs: resolved.restarts }, reportingBatches(runKmeans, report))
  const { kSearch } = clustering
  // No talks at all: say that, not that k exceeds the number of distinct talks.
  warnings.push(...(talks.length === 0 ? [{ code: 'no-talks', message: 'buildAtlas: no talks given; the atlas has no themes' }] : clustering.warnings))
  keepCopiesTogether(talks, clustering.labels)

  const order = clusterOrder(clustering.labels, clustering.k)
  const assignment = new Int32Array(talks.length)
  for (let i = 0; i < talks.length; i++) {
    const c = clustering.labels[i]
    assignment[i] = c < 0 ? -1 : order.rankOf[c]
  }
  const centroids = new Float32Array(order.ranked.length * d)
  order.ranked.forEach((c, rank) => centroids.set(clustering.centroids.subarray(c * d, c * d + d), rank * d))
  report('labels')
  const excludedWords = foreignStopwords(labelLanguages(talks, resolved.tfidf.language, read.mainLanguages))
  const names = labelThemes(tfidf.matrix, tfidf.model, assignment, order.ranked.length, {
    keywords: resolved.keywords,
    excludedWords,
    text: (row) => `${talks[row]!.title}\n${talks[row]!.abstract}`,
  })
  const members = themeMembers(talks, vectors, d, assignment, centroids, order.ranked.length)
  const themes: Theme[] = order.ranked.map((_, rank) => ({
    id: `theme-${rank + 1}`,
    label: names.labels[rank],
    keywords: names.keywords[rank],
    talks: members[rank],
  }))
  const unclassified = addUnclassified(talks, assignment, themes, warnings)
  const tree = buildThemeTree(vectors, d, assignment, order.ranked.length)
  const groups = cutThemes({ matrix: tfidf.matrix, model: tfidf.model, assignments: assignment, themes: unclassified, tree, options: resolved }, resolved.groups ?? 'auto')
  if (typeof resolved.groups === 'number' && resolved.groups > tree.leaves) {
    warnings.push({ code: 'fewer-groups', message: `themes: groups=${resolved.groups} exceeds the ${tree.leaves} themes; each theme is a group` })
  }
  return {
    talks,
    model: tfidf.model,
    matrix: tfidf.matrix,
    lsa,
    embedding: { dimensions: d, vectors },
    themes: unclassified,
    assignments: assignment,
    centroids,
    tree,
    groups,
    ...(kSearch === undefined ? {} : { kSearch }),
    ...(clustering.consensus && talks.length > 0 ? { ensemble: { runs: clustering.runLabels.length / talks.length, labels: clustering.runLabels } } : {}),
    options: resolved,
    warnings,
  }
}

/**
 * Puts the per-talk arrays of an atlas fitted in canonical order back into input order;
 * themes, keywords and warnings do not depend on the order and are kept as they are.
 * @param atlas Atlas fitted on `talks` permuted by `order`.
 * @param talks Talks in input order.
 * @param order `order[r]` = input position of canonical row r.
 * @param given Given vectors in input order, if any.
 */
function restoreInputOrder(atlas: Atlas, talks: readonly Talk[], order: Int32Array, given: UserEmbedding | undefined): Atlas {
  const rowOf = invertPermutation(order)
  const d = atlas.embedding.dimensions
  const assignments = new Int32Array(talks.length)
  for (let i = 0; i < talks.length; i++) assignments[i] = atlas.assignments[rowOf[i]!]!
  return {
    ...atlas,
    talks,
    matrix: permuteCsrRows(atlas.matrix, rowOf),
    embedding: { dimensions: d, vectors: permuteDenseRows(atlas.embedding.vectors, d, rowOf) },
    assignments,
    ...(atlas.ensemble === undefined ? {} : { ensemble: permuteEnsemble(atlas.ensemble, rowOf) }),
    ...(given === undefined ? {} : { userEmbedding: given }),
  }
}

/**
 * The languages whose function words may not name a theme: the one set by the `language`
 * option, else those detected in the corpus (from the main language the term reader told
 * for each talk, when it did).
 * @param talks Talks of the corpus.
 * @param language The `language` option.
 * @param mainLanguages Each talk's main language, an index in `LANGUAGES` (`TermStreams.mainLanguages`).
 */
function labelLanguages(talks: readonly Talk[], language: Language | 'auto' | undefined, mainLanguages: Uint8Array | undefined): readonly Language[] {
  if (language !== undefined && language !== 'auto') return [language]
  if (mainLanguages?.length === talks.length) return corpusLanguagesOf(talks.length, (index) => LANGUAGES[mainLanguages[index]!]!)
  return corpusLanguages(talks.map((talk) => `${talk.title}\n${talk.abstract}`))
}

/** Largest `k`. */
export const MAX_THEMES = 100_000
/** Largest `restarts`: more runs than this change no consensus and only cost time. */
export const MAX_RESTARTS = 100
/** Largest `keywords` per theme. */
export const MAX_KEYWORDS = 50

/** Defaults of the atlas's own options (the TF-IDF fields default in `defaultTfidfOptions`). */
export const defaultAtlasOptions: Readonly<Omit<ResolvedAtlasOptions, 'tfidf'>> = Object.freeze({
  k: 'auto',
  seed: DEFAULT_SEED,
  dimensions: 100,
  restarts: 20,
  keywords: 10,
  smoothing: 'auto',
  groups: 'auto',
})

/**
 * Validates atlas options once and fills defaults. The stages it feeds (LSA, the consensus,
 * the choice of k, smoothing) trust what it returns and check nothing again.
 * @param options User options.
 * @param where The user's function, named in messages (`buildAtlas: k=0 is invalid, …`).
 */
export function resolveAtlasOptions(options: AtlasOptions = {}, where = 'buildAtlas'): ResolvedAtlasOptions {
  if (typeof options !== 'object' || options === null) throw new OptionError(where, 'options', options, 'an object')
  const { k, seed, dimensions, restarts, keywords, smoothing, groups, onProgress, embeddings, embeddingWeight, ...tfidf } = options
  const resolved = withDefaults(defaultAtlasOptions, { k, seed, dimensions, restarts, keywords, smoothing, groups })
  progressReporter(where, onProgress) // checked here; the pipeline makes its own reporter
  checkEmbeddingOptions(embeddings, embeddingWeight, where) // against the talks in buildAtlas
  // The same bounds as the command line's --k, --restarts and --keywords.
  checkInteger(where, 'k', resolved.k, 1, MAX_THEMES, true)
  if (!Number.isInteger(resolved.seed)) throw new OptionError(where, 'seed', resolved.seed, 'an integer')
  checkInteger(where, 'dimensions', resolved.dimensions, 1)
  checkInteger(where, 'restarts', resolved.restarts, 1, MAX_RESTARTS)
  checkInteger(where, 'keywords', resolved.keywords, 1, MAX_KEYWORDS)
  checkInteger(where, 'smoothing', resolved.smoothing, 0, Infinity, true)
  checkGroupsOption(resolved.groups, where)
  resolveTfidfOptions(tfidf, where) // fails here, before any talk is read
  return { ...resolved, tfidf: tfidf as TfidfOptions }
}

/**
 * Checks that every talk has string id, title and abstract, and that ids are unique.
 * @param talks Talks to check.
 */
export function checkTalks(talks: readonly Talk[]): void {
  if (!Array.isArray(talks)) throw new InputError('talks must be an array', { expected: 'array of talks' })
  const seen = new Map<string, number>()
  for (let index = 0; index < talks.length; index++) {
    const talk = talks[index]
    if (typeof talk !== 'object' || talk === null) {
      const what = index in talks ? String(talk) : 'a hole (sparse array)'
      throw new InputError(`is ${what}, expected a talk object`, { field: `talks[${index}]`, actual: what, expected: 'a talk object' })
    }
    for (const field of ['id', 'title', 'abstract'] as const) {
      if (typeof talk?.[field] !== 'string') {
        throw new InputError(`${field} must be a string`, { field: `talks[${index}].${field}`, actual: typeof talk?.[field] })
      }
    }
    if (talk.id === '') throw new InputError('id must not be empty', { field: `talks[${index}].id` })
    const first = seen.get(talk.id)
    if (first !== undefined) {
      throw new InputError(`duplicate talk id ${JSON.stringify(talk.id)} (also talks[${first}])`, { field: `talks[${index}].id` })
    }
    seen.set(talk.id, index)
  }
}

type ProgressReport = ReturnType<typeof progressReporter>

/**
 * A k-means runner that reports each batch (the search for k, the consensus runs) as a
 * `k-means` step before running it. Steps carry no count: a batch runs as one call.
 * @param runKmeans The runner to wrap.
 * @param report Progress reporter.
 */
function reportingBatches(runKmeans: KmeansBatchRunner, report: ProgressReport): KmeansBatchRunner {
  let batch = 0
  return Object.assign((points: Float32Array, dimensions: number, jobs: readonly KmeansOptions[], gram?: Float64Array) => {
    const ks = jobs.map((job) => job.k)
    const low = Math.min(...ks)
    const high = Math.max(...ks)
    batch++
    report('k-means', 0, 0, `batch ${batch}: ${jobs.length} run${jobs.length === 1 ? '' : 's'}, k ${low === high ? low : `${low}–${high}`}`)
    return runKmeans(points, dimensions, jobs, gram)
  }, { gram: runKmeans.gram })
}

/** Ranks clusters by decreasing size, ties by the first talk they contain. */
function clusterOrder(labels: Int32Array, k: number): { ranked: number[]; rankOf: Int32Array } {
  const sizes = new Int32Array(k)
  const first = new Int32Array(k).fill(labels.length)
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]
    if (c < 0) continue
    sizes[c]++
    if (first[c] === labels.length) first[c] = i
  }
  const ranked = Array.from({ length: k }, (_, c) => c)
    .filter((c) => sizes[c] > 0)
    .sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b])
  const rankOf = new Int32Array(k).fill(-1)
  ranked.forEach((c, rank) => (rankOf[c] = rank))
  return { ranked, rankOf }
}
