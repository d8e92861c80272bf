/**
 * A saved atlas is untrusted input. Before `loadAtlas` makes a single typed array, the parsed
 * JSON is checked against the schema below (types, integer and float32 ranges), every size is
 * derived from the arrays the file carries and compared with the declared one, the memory the
 * load will derive is held to a budget proportional to the file's length, and the invariants
 * the code relies on are checked (see atlasInvariants.ts). The first problem throws an
 * `InputError` naming its path (`atlas.lsa.components[1234]: Infinity after float32 conversion`).
 */
import { InputError } from '../errors.js'
import { resolveSmoothing } from './embed.js'
import { checkAtlasInvariants } from './atlasInvariants.js'
import {
  anyObject,
  anything,
  arrayOf,
  either,
  fail,
  float32,
  float32Array,
  int32Array,
  INT32_MAX,
  integer,
  literal,
  nonEmptyString,
  objectOf,
  string,
  tuple,
  type JsonTally,
} from './jsonSchema.js'
import { ATLAS_FORMAT, ATLAS_VERSION, type AtlasJson } from './serializeAtlas.js'
import { MAX_EMBEDDING_DIMENSIONS } from './userEmbedding.js'

/** Float32 rounding slack on values that are cosines or entries of unit vectors. */
const UNIT_SLACK = 1e-5
/** Largest finite float32. */
const FLOAT32_MAX = 3.4028234663852886e38

const talk = objectOf({ id: nonEmptyString, title: string, abstract: string })
const member = objectOf({ id: nonEmptyString, score: float32(-1, 1) })
const keyword = objectOf({ term: string, score: float32(-FLOAT32_MAX, FLOAT32_MAX) })
const theme = objectOf({ id: nonEmptyString, label: string, keywords: arrayOf(keyword), talks: arrayOf(member) })
const warning = objectOf({ code: string, message: string }, { talkIds: arrayOf(string) })

/** Everything but the format marker and version, which are checked first. */
const atlasSchema = objectOf(
  {
    // The option values themselves are checked by the library's own option resolvers.
    options: objectOf({ k: anything, seed: anything, dimensions: anything, restarts: anything, keywords: anything, tfidf: anyObject }),
    talks: arrayOf(talk),
    model: objectOf({
      terms: arrayOf(string),
      labels: arrayOf(string),
      idf: float32Array(1, FLOAT32_MAX),
      docCounts: int32Array(0, INT32_MAX),
      phrases: arrayOf(tuple([nonEmptyString, nonEmptyString], 'a pair of strings')),
      nDocs: integer(0, INT32_MAX),
      options: anyObject,
    }),
    lsa: objectOf({
      dimensions: integer(1),
      nTerms: integer(0),
      // Right singular vectors: orthonormal columns, so no entry exceeds 1 in magnitude.
      components: float32Array(-1 - UNIT_SLACK, 1 + UNIT_SLACK),
      singularValues: float32Array(0, FLOAT32_MAX),
    }),
    matrix: objectOf({
      nRows: integer(0),
      nCols: integer(0),
      indptr: int32Array(0, INT32_MAX),
      indices: int32Array(0, INT32_MAX),
      data: float32Array(0, 1 + UNIT_SLACK),
    }),
    themes: arrayOf(theme),
    assignments: int32Array(0, INT32_MAX),
    centroids: float32Array(-1 - UNIT_SLACK, 1 + UNIT_SLACK),
  },
  {
    warnings: arrayOf(warning),
    kSearch: objectOf({ k: integer(1, INT32_MAX), scores: arrayOf(objectOf({ k: integer(1, INT32_MAX), silhouette: float32(-1 - UNIT_SLACK, 1 + UNIT_SLACK) })) }),
    // Co-association counts are Uint16: more runs than 65,535 would overflow them.
    ensemble: objectOf({ runs: integer(1, 65535), labels: int32Array(-1, INT32_MAX) }),
    // Vectors given with `embeddings`: unit rows, so no entry exceeds 1 in magnitude.
    userEmbedding: objectOf({ dimensions: integer(1, MAX_EMBEDDING_DIMENSIONS), weight: float32(0, 1), vectors: float32Array(-1 - UNIT_SLACK, 1 + UNIT_SLACK) }),
    tree: objectOf({ leaves: integer(0, INT32_MAX), left: int32Array(0, INT32_MAX), right: int32Array(0, INT32_MAX), heights: float32Array(0, FLOAT32_MAX) }),
  },
)

/**
 * Float32 values `loadAtlas` may derive (embedding rows, neighbour lists) per character of the
 * file (as counted by the schema walk, a lower bound). Saved atlases of the fixtures and of
 * FOSDEM 2025 derive under 0.01 per character; 100,000 title-only talks in 100 dimensions
 * would derive about 1 (docs/reliability.md).
 */
export const DERIVED_VALUES_PER_CHAR = 16

/**
 * Checks a parsed saved atlas completely, before anything is allocated from it.
 * @param json Parsed JSON, as given to `loadAtlas`.
 * @returns The same object, typed.
 * @throws InputError naming the first bad path.
 */
export function validateAtlasJson(json: unknown): AtlasJson {
  const data = json as Partial<Record<keyof AtlasJson, unknown>> | null
  if (data === null || typeof data !== 'object' || data.format !== ATLAS_FORMAT) {
    throw new InputError(`not a talkatlas atlas (expected "format": "${ATLAS_FORMAT}")`, { field: 'atlas.format' })
  }
  if (data.version !== ATLAS_VERSION) {
    throw new InputError(`unsupported atlas version ${String(data.version)}`, { field: 'atlas.version', expected: String(ATLAS_VERSION) })
  }
  const tally: JsonTally = { chars: 0 }
  atlasSchema(data, 'atlas', tally)
  const atlas = data as unknown as AtlasJson
  const smoothing = (atlas.options as { smoothing?: unknown }).smoothing
  if (smoothing !== undefined) either(literal('auto'), integer(0, INT32_MAX), "'auto' or an integer ≥ 0")(smoothing, 'atlas.options.smoothing', tally)
  const groups = (atlas.options as { groups?: unknown }).groups
  if (groups !== undefined) either(literal('auto'), integer(1, INT32_MAX), "'auto' or an integer ≥ 1")(groups, 'atlas.options.groups', tally)
  checkSizes(atlas)
  checkBudget(atlas, tally.chars)
  checkAtlasInvariants(atlas)
  return atlas
}

/**
 * Every declared size against the arrays that carry it; sizes are then taken from arrays only.
 * @param atlas Schema-checked atlas.
 */
function checkSizes(atlas: AtlasJson): void {
  const { model, lsa, matrix, themes } = atlas
  const n = atlas.talks.length
  const m = model.terms.length
  const d = lsa.dimensions + (atlas.userEmbedding?.dimensions ?? 0)
  const carried = (path: string, declared: number, what: string, actual: number) => {
    if (declared !== actual) fail(path, `${declared} does not match ${what} (${actual} ${actual === 1 ? 'value' : 'values'})`)
  }
  carried('atlas.lsa.dimensions', lsa.dimensions, 'lsa.singularValues', lsa.singularValues.length)
  // fitLsa never keeps more dimensions than there are talks or terms.
  if (lsa.dimensions > Math.max(1, Math.min(n, m))) fail('atlas.lsa.dimensions', `${lsa.dimensions} exceeds max(1, min(talks, terms)) = ${Math.max(1, Math.min(n, m))}`)
  carried('atlas.lsa.nTerms', lsa.nTerms, 'model.terms', m)
  carried('atlas.lsa.components.length', lsa.components.length, 'nTerms × dimensions', m * lsa.dimensions)
  carried('atlas.model.labels.length', model.labels.length, 'model.terms', m)
  carried('atlas.model.idf.length', model.idf.length, 'model.terms', m)
  carried('atlas.model.docCounts.length', model.docCounts.length, 'model.terms', m)
  carried('atlas.model.nDocs', model.nDocs, 'talks', n)
  carried('atlas.matrix.nRows', matrix.nRows, 'talks', n)
  carried('atlas.matrix.nCols', matrix.nCols, 'model.terms', m)
  carried('atlas.matrix.indptr.length', matrix.indptr.length, 'talks + 1', n + 1)
  carried('atlas.matrix.data.length', matrix.data.length, 'matrix.indices', matrix.indices.length)
  carried('atlas.assignments.length', atlas.assignments.length, 'talks', n)
  const centres = themes.length - (themes.at(-1)?.id === 'unclassified' ? 1 : 0)
  carried('atlas.centroids.length', atlas.centroids.length, 'themes with a centre × dimensions', centres * d)
  if (atlas.ensemble !== undefined) carried('atlas.ensemble.labels.length', atlas.ensemble.labels.length, 'runs × talks', atlas.ensemble.runs * n)
  const given = atlas.userEmbedding
  if (given !== undefined) {
    carried('atlas.userEmbedding.vectors.length', given.vectors.length, 'talks × userEmbedding.dimensions', n * given.dimensions)
    if (!(given.weight > 0)) fail('atlas.userEmbedding.weight', `${given.weight} is invalid, expected a number in (0, 1] (an atlas built at weight 0 keeps no vectors)`)
  }
  if (atlas.tree !== undefined) {
    const { tree } = atlas
    carried('atlas.tree.leaves', tree.leaves, 'themes with a centre', centres)
    const merges = Math.max(0, centres - 1)
    carried('atlas.tree.left.length', tree.left.length, 'leaves − 1', merges)
    carried('atlas.tree.right.length', tree.right.length, 'leaves − 1', merges)
    carried('atlas.tree.heights.length', tree.heights.length, 'leaves − 1', merges)
  }
}

/**
 * Refuses an atlas whose load would derive more values than {@link DERIVED_VALUES_PER_CHAR}
 * per character of its JSON: the embedding (talks × dimensions) and the neighbour lists of
 * smoothing (talks × neighbours) are the only allocations not carried by an array of the file
 * (the embedding is as wide as the LSA dimensions and the given vectors' together).
 * @param atlas Size-checked atlas.
 * @param chars Lower bound of the file's length.
 */
function checkBudget(atlas: AtlasJson, chars: number): void {
  const n = atlas.talks.length
  const neighbours = Math.min(resolveSmoothing(atlas.options.smoothing, n), Math.max(0, n - 1))
  const derived = n * (atlas.lsa.dimensions + (atlas.userEmbedding?.dimensions ?? 0) + neighbours)
  const budget = DERIVED_VALUES_PER_CHAR * Math.max(chars, 4096)
  if (derived > budget) {
    fail('atlas', `loading would derive ${derived} values from a file of about ${chars} characters (budget ${budget}): talks × (dimensions + neighbours) is out of proportion`)
  }
}
