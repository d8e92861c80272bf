/**
 * The invariants of a saved atlas that related talks, search, assignment, reports and sessions
 * rely on, checked on schema- and size-checked JSON (validateAtlasJson.ts) before anything is
 * allocated from it, and one check after the embedding is recomputed (the saved theme scores).
 * Each throws an `InputError` naming the first bad path.
 */
import { OptionError } from '../errors.js'
import { resolveTfidfOptions, smoothedIdf } from '../vectorize/tfidf.js'
import { resolveAtlasOptions } from './buildAtlas.js'
import { UNCLASSIFIED_THEME_ID } from './unclassified.js'
import { fail } from './jsonSchema.js'
import type { AtlasJson } from './serializeAtlas.js'
import type { Atlas } from './types.js'

/** Largest distance of a unit row's squared length from 1 after float32 rounding. */
const UNIT_TOLERANCE = 1e-4
/** Largest relative distance of a saved idf from its formula (a few float32 ulps). */
const IDF_TOLERANCE = 1e-6
/** Largest distance of a saved theme score from the recomputed one (one rounding unit). */
const SCORE_TOLERANCE = 1.5e-6

/**
 * Every invariant that can be checked on the JSON itself.
 * @param atlas Schema- and size-checked atlas.
 */
export function checkAtlasInvariants(atlas: AtlasJson): void {
  checkOptions(atlas)
  const rowOf = checkTalkIds(atlas)
  checkTerms(atlas)
  checkMatrix(atlas)
  checkIdf(atlas)
  checkThemes(atlas, rowOf)
  checkUnitRows(atlas.centroids, atlas.lsa.dimensions + (atlas.userEmbedding?.dimensions ?? 0), 'atlas.centroids')
  if (atlas.userEmbedding !== undefined) checkUnitRows(atlas.userEmbedding.vectors, atlas.userEmbedding.dimensions, 'atlas.userEmbedding.vectors')
  if (atlas.ensemble !== undefined) {
    const { labels } = atlas.ensemble
    const n = atlas.talks.length
    for (let p = 0; p < labels.length; p++) if (labels[p]! >= n) fail(`atlas.ensemble.labels[${p}]`, `cluster ${labels[p]} is not below the ${n} talks`)
  }
  if (atlas.tree !== undefined) checkTree(atlas.tree)
}

/**
 * The theme tree is a binary tree in linkage layout: merge i joins two distinct nodes made
 * before it (leaves, or merges below i), each node joins once, heights never decrease.
 * @param tree Size-checked tree (leaves − 1 merges).
 */
function checkTree(tree: NonNullable<AtlasJson['tree']>): void {
  const { leaves, left, right, heights } = tree
  const joined = new Uint8Array(leaves + left.length)
  for (let i = 0; i < left.length; i++) {
    if (left[i] === right[i]) fail(`atlas.tree.right[${i}]`, `merge ${i} joins node ${left[i]} with itself`)
    for (const [side, node] of [['left', left[i]!], ['right', right[i]!]] as const) {
      if (node >= leaves + i) fail(`atlas.tree.${side}[${i}]`, `node ${node} is not made before merge ${i} (below ${leaves + i})`)
      if (joined[node] === 1) fail(`atlas.tree.${side}[${i}]`, `node ${node} is joined twice`)
      joined[node] = 1
    }
    if (i > 0 && heights[i]! < heights[i - 1]!) fail(`atlas.tree.heights[${i}]`, `${heights[i]} is below the height before it (${heights[i - 1]})`)
  }
}

/**
 * Option values within the library's bounds, and the vocabulary's options equal to those
 * the atlas options give (`buildAtlas` derives one from the other).
 * @param atlas Schema-checked atlas.
 */
function checkOptions(atlas: AtlasJson): void {
  const { tfidf, ...themeOptions } = atlas.options
  const options = {
    k: themeOptions.k, seed: themeOptions.seed, dimensions: themeOptions.dimensions, restarts: themeOptions.restarts, keywords: themeOptions.keywords,
    ...(themeOptions.groups === undefined ? {} : { groups: themeOptions.groups }),
  }
  resolveOrFail('atlas.options', () => resolveAtlasOptions(themeOptions.smoothing === undefined ? options : { ...options, smoothing: themeOptions.smoothing }, 'loadAtlas'))
  const expected: Record<string, unknown> = resolveOrFail('atlas.options.tfidf', () => resolveTfidfOptions(tfidf))
  const saved = atlas.model.options as unknown as Record<string, unknown>
  resolveOrFail('atlas.model.options', () => resolveTfidfOptions(saved))
  for (const key of Object.keys(saved)) {
    const value = saved[key]
    if (typeof value === 'number' && !Number.isFinite(Math.fround(value))) fail(`atlas.model.options.${key}`, `${Math.fround(value)} after float32 conversion`)
  }
  // Atlases saved before smoothing existed also predate idfPower (they weigh by idf alone).
  const legacy = themeOptions.smoothing === undefined
  for (const key of new Set([...Object.keys(expected), ...Object.keys(saved)])) {
    if (!Object.hasOwn(saved, key)) {
      if (legacy && key === 'idfPower') continue
      fail(`atlas.model.options.${key}`, `missing field, atlas.options.tfidf gives ${show(expected[key])}`)
    }
    if (JSON.stringify(saved[key]) !== JSON.stringify(expected[key])) {
      fail(`atlas.model.options.${key}`, `${show(saved[key])} differs from ${show(expected[key])} given by atlas.options.tfidf`)
    }
  }
}

/**
 * Runs an option resolver, turning its OptionError into an InputError at the option's path.
 * @param path Path of the options object.
 * @param resolve Resolver call.
 */
function resolveOrFail<T>(path: string, resolve: () => T): T {
  try {
    return resolve()
  } catch (error) {
    if (!(error instanceof OptionError)) throw error
    return fail(`${path}.${error.option}`, `${show(error.value)} is invalid, expected ${error.allowed}`)
  }
}

/** A value as a message shows it: JSON, at most 40 characters. */
function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

/**
 * Talk ids are unique.
 * @param atlas Schema-checked atlas.
 * @returns Row of every talk id.
 */
function checkTalkIds(atlas: AtlasJson): Map<string, number> {
  const rowOf = new Map<string, number>()
  atlas.talks.forEach((talk, i) => {
    const first = rowOf.get(talk.id)
    if (first !== undefined) fail(`atlas.talks[${i}].id`, `duplicate talk id ${JSON.stringify(talk.id)} (also talks[${first}])`)
    rowOf.set(talk.id, i)
  })
  return rowOf
}

/**
 * Terms strictly ascending (term ids are positions, looked up by key), and the phrases exactly
 * the two-word terms: pairs whose key `a b` is a term, each listed once.
 * @param atlas Schema-checked atlas.
 */
function checkTerms(atlas: AtlasJson): void {
  const { terms, phrases } = atlas.model
  for (let j = 1; j < terms.length; j++) {
    if (!(terms[j - 1]! < terms[j]!)) fail(`atlas.model.terms[${j}]`, `${show(terms[j])} after ${show(terms[j - 1])}: terms must be sorted and unique`)
  }
  let twoWordTerms = 0
  for (let j = 0; j < terms.length; j++) if (terms[j]!.includes(' ')) twoWordTerms++
  // Unit terms hold no space, so the terms with one are exactly the phrases.
  if (phrases.length !== twoWordTerms) fail('atlas.model.phrases', `${phrases.length} phrases, but model.terms has ${twoWordTerms} two-word terms`)
  const seen = new Map<string, number>()
  phrases.forEach(([a, b], f) => {
    const key = `${a} ${b}`
    if (!isTerm(terms, key)) fail(`atlas.model.phrases[${f}]`, `${show(key)} is not a term`)
    const first = seen.get(key)
    if (first !== undefined) fail(`atlas.model.phrases[${f}]`, `${show(key)} repeats phrases[${first}]`)
    seen.set(key, f)
  })
}

/** Binary search in sorted terms. */
function isTerm(terms: readonly string[], key: string): boolean {
  let low = 0
  let high = terms.length - 1
  while (low <= high) {
    const mid = (low + high) >>> 1
    if (terms[mid]! === key) return true
    if (terms[mid]! < key) low = mid + 1
    else high = mid - 1
  }
  return false
}

/**
 * CSR structure (pointers from 0 to nnz without decreasing, columns in range and strictly
 * increasing within a row), rows of unit length or empty, and `docCounts` equal to the talks
 * each term occurs in.
 * @param atlas Size-checked atlas.
 */
function checkMatrix(atlas: AtlasJson): void {
  const { indptr, indices, data } = atlas.matrix
  const m = atlas.model.terms.length
  const n = atlas.talks.length
  if (indptr[0] !== 0) fail('atlas.matrix.indptr[0]', `${indptr[0]}, expected 0`)
  if (indptr[n] !== indices.length) fail(`atlas.matrix.indptr[${n}]`, `${indptr[n]} does not match matrix.indices (${indices.length} values)`)
  const counts = new Int32Array(m)
  for (let i = 0; i < n; i++) {
    if (indptr[i + 1]! < indptr[i]!) fail(`atlas.matrix.indptr[${i + 1}]`, `${indptr[i + 1]} is below indptr[${i}] = ${indptr[i]}`)
    if (indptr[i + 1]! > indices.length) fail(`atlas.matrix.indptr[${i + 1}]`, `${indptr[i + 1]} is above the ${indices.length} values of matrix.indices`)
    let squares = 0
    for (let p = indptr[i]!; p < indptr[i + 1]!; p++) {
      const j = indices[p]!
      if (j >= m) fail(`atlas.matrix.indices[${p}]`, `column ${j} is not below nCols = ${m}`)
      if (p > indptr[i]! && j <= indices[p - 1]!) {
        fail(`atlas.matrix.indices[${p}]`, `column ${j} after column ${indices[p - 1]} in row ${i}: columns must increase within a row`)
      }
      counts[j]!++
      const value = Math.fround(data[p]!)
      squares += value * value
    }
    if (!(squares === 0 || Math.abs(squares - 1) <= UNIT_TOLERANCE)) fail('atlas.matrix.data', `row ${i} has length ${Math.sqrt(squares)}, expected 1 or 0`)
  }
  const { docCounts } = atlas.model
  for (let j = 0; j < m; j++) {
    if (docCounts[j] !== counts[j]) fail(`atlas.model.docCounts[${j}]`, `${docCounts[j]} talks, but the matrix has ${counts[j]}`)
  }
}

/**
 * The smoothed idf of every term: `ln((1 + nDocs) / (1 + df)) + 1`, within a few float32 ulps.
 * @param atlas Size-checked atlas whose docCounts match the matrix.
 */
function checkIdf(atlas: AtlasJson): void {
  const { idf, docCounts, nDocs } = atlas.model
  const expectedIdf = smoothedIdf(docCounts, nDocs)
  for (let j = 0; j < idf.length; j++) {
    const expected = expectedIdf[j]!
    if (!(Math.abs(Math.fround(idf[j]!) - expected) <= IDF_TOLERANCE * expected)) {
      fail(`atlas.model.idf[${j}]`, `${idf[j]} differs from ${expected} = ln((1 + nDocs) / (1 + docCounts[${j}])) + 1`)
    }
  }
}

/**
 * Theme ids unique, `unclassified` only last, no theme empty, at most `keywords` keywords,
 * each the label of a term with a positive score, best first; members most typical first; every talk a member of exactly one theme, the one its assignment
 * names.
 * @param atlas Size-checked atlas.
 * @param rowOf Row of every talk id.
 */
function checkThemes(atlas: AtlasJson, rowOf: ReadonlyMap<string, number>): void {
  const { themes } = atlas
  const themeOf = new Int32Array(atlas.talks.length).fill(-1)
  const ids = new Map<string, number>()
  const labels = new Set(atlas.model.labels)
  themes.forEach((theme, t) => {
    const path = `atlas.themes[${t}]`
    const first = ids.get(theme.id)
    if (first !== undefined) fail(`${path}.id`, `duplicate theme id ${show(theme.id)} (also themes[${first}])`)
    ids.set(theme.id, t)
    if (theme.id === UNCLASSIFIED_THEME_ID && t !== themes.length - 1) fail(`${path}.id`, `"${UNCLASSIFIED_THEME_ID}" must be the last theme`)
    if (theme.talks.length === 0) fail(`${path}.talks`, 'a theme without talks')
    if (theme.keywords.length > atlas.options.keywords) fail(`${path}.keywords`, `${theme.keywords.length} keywords, above options.keywords = ${atlas.options.keywords}`)
    theme.keywords.forEach((keyword, k) => {
      if (!labels.has(keyword.term)) fail(`${path}.keywords[${k}].term`, `${show(keyword.term)} is not the label of a term`)
      if (!(keyword.score > 0)) fail(`${path}.keywords[${k}].score`, `${keyword.score}, expected a distinctiveness > 0`)
      if (k > 0 && keyword.score > theme.keywords[k - 1]!.score) fail(`${path}.keywords[${k}].score`, `${keyword.score} above the previous keyword's: keywords are listed best first`)
    })
    theme.talks.forEach((member, k) => {
      const row = rowOf.get(member.id)
      if (row === undefined) fail(`${path}.talks[${k}].id`, `no talk with id ${show(member.id)}`)
      if (themeOf[row] !== -1) fail(`${path}.talks[${k}].id`, `talk ${show(member.id)} is already a member of themes[${themeOf[row]}]`)
      themeOf[row] = t
      if (k > 0 && Math.fround(member.score) > Math.fround(theme.talks[k - 1]!.score)) {
        fail(`${path}.talks[${k}].score`, `${member.score} above the previous member's ${theme.talks[k - 1]!.score}: members are listed most typical first`)
      }
    })
  })
  atlas.talks.forEach((talk, i) => {
    if (themeOf[i] === -1) fail(`atlas.talks[${i}].id`, `talk ${show(talk.id)} is in no theme`)
    if (atlas.assignments[i] !== themeOf[i]) fail(`atlas.assignments[${i}]`, `theme ${atlas.assignments[i]}, but talk ${show(talk.id)} is a member of themes[${themeOf[i]}]`)
  })
}

/**
 * Rows of unit length (or zero).
 * @param values Row-major rows.
 * @param width Row length.
 * @param path Path of the array.
 */
function checkUnitRows(values: readonly number[], width: number, path: string): void {
  for (let r = 0; r * width < values.length; r++) {
    let squares = 0
    for (let c = r * width; c < (r + 1) * width; c++) squares += Math.fround(values[c]!) ** 2
    if (!(squares === 0 || Math.abs(squares - 1) <= UNIT_TOLERANCE)) fail(path, `row ${r} has length ${Math.sqrt(squares)}, expected 1`)
  }
}

/**
 * The saved theme scores against the embedding the saved vectors and options give: each
 * member's score is the cosine to its theme centre (0 in `unclassified`) rounded to 6 decimals,
 * so a changed vector, centre or embedding option shows in them.
 * @param atlas Loaded atlas with its recomputed embedding.
 */
export function checkThemeScores(atlas: Atlas): void {
  const { dimensions: d, vectors } = atlas.embedding
  const rowOf = new Map<string, number>()
  atlas.talks.forEach((talk, i) => rowOf.set(talk.id, i))
  atlas.themes.forEach((theme, t) => {
    const unclassified = theme.id === UNCLASSIFIED_THEME_ID
    theme.talks.forEach((member, k) => {
      let expected = 0
      if (!unclassified) {
        const row = rowOf.get(member.id)!
        let dot = 0
        for (let c = 0; c < d; c++) dot += vectors[row * d + c]! * atlas.centroids[t * d + c]!
        expected = Math.round(Math.min(1, Math.max(-1, dot)) * 1e6) / 1e6
      }
      if (!(Math.abs(member.score - expected) <= SCORE_TOLERANCE) || Math.round(member.score * 1e6) / 1e6 !== member.score) {
        fail(`atlas.themes[${t}].talks[${k}].score`, `${member.score} in the file, ${expected} from the saved vectors and options`)
      }
    })
  })
}
