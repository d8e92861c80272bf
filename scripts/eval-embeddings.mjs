// What given embeddings change, measured with vectors that carry known structure: no
// pretrained model can be downloaded where this runs, so each talk gets the random unit centre
// of its true track plus Gaussian noise of norm `noise` (64 dimensions). The atlas is built at
// the true k for every noise level and `embeddingWeight`; the table gives NMI against the
// tracks and related-talk precision@5 (same track). Weight 0 is the words-only atlas.
//
//   node scripts/eval-embeddings.mjs                  every corpus in ../shared/corpora
//   node scripts/eval-embeddings.mjs --only fosdem-2025
//   node scripts/eval-embeddings.mjs --json
//
// Not part of `npm run eval` (68 atlases, about ten minutes on 2 cores): run it when the
// blend or its default weight changes. Without ../shared/corpora it measures the LPC fixture.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { talkatlas } from './loadLibrary.mjs'
import { findSharedCorpora, mulberry32, printTable, shuffle } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SEED = 42
const DIMENSIONS = 64
const NOISE_LEVELS = [0.5, 1, 2, 3]
const WEIGHTS = [0, 0.3, 0.5, 0.7, 1]
const RELATED_K = 5
/** 35C3 events that are not topical talks (see the corpora's README). */
const CCC_NON_TOPICAL_TRACKS = new Set(['self organized sessions', 'Music'])

const args = process.argv.slice(2)
const asJson = args.includes('--json')
const onlyAt = args.indexOf('--only')
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null

/**
 * Vectors of known structure: the unit centre of each talk's label plus Gaussian noise
 * N(0, noise² / d) per coordinate (noise of norm about `noise`).
 * @param {string[]} labels Label of every talk.
 * @param {number} noise Noise norm relative to the unit centre.
 * @param {number} seed Seed.
 */
export function labelVectors(labels, noise, seed) {
  const random = mulberry32(seed)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  const centres = new Map()
  for (const label of [...new Set(labels)].sort()) {
    const centre = Array.from({ length: DIMENSIONS }, gaussian)
    const norm = Math.hypot(...centre)
    centres.set(label, centre.map((x) => x / norm))
  }
  return labels.map((label) => Float32Array.from(centres.get(label), (x) => x + (noise * gaussian()) / Math.sqrt(DIMENSIONS)))
}

/** Corpora with a track per talk, shuffled (schedules list talks track by track). */
function loadCorpora() {
  const corpora = []
  const add = (name, talks, truth) => {
    if (only && !only.some((part) => name.includes(part))) return
    const shuffled = shuffle(talks, mulberry32(SEED))
    corpora.push({ name, labels: shuffled.map((talk) => talk[truth]), talks: shuffled.map(({ id, title, abstract }) => ({ id, title, abstract })) })
  }
  const shared = findSharedCorpora()
  if (!shared || !existsSync(join(shared, 'fosdem-2025.json'))) {
    console.error('../shared/corpora not found: measuring the LPC fixture only')
    add('lpc-networking-bpf (fixture)', JSON.parse(readFileSync(join(root, 'fixtures', 'lpc-networking-bpf.json'), 'utf8')).talks, 'theme')
    return corpora
  }
  const parse = (file) => talkatlas.parseTalks(readFileSync(join(shared, file), 'utf8'), { fileName: file, skipInvalid: true }).talks
  add('fosdem-2025', JSON.parse(readFileSync(join(shared, 'fosdem-2025.json'), 'utf8')).talks, 'track')
  add('fosdem-2024', parse('fosdem-2024.xml'), 'track')
  add('emnlp-2020', parse('emnlp-2020.csv'), 'track')
  add('35c3 (topical)', parse('ccc-35c3.schedule.json').filter((t) => typeof t.track === 'string' && !CCC_NON_TOPICAL_TRACKS.has(t.track)), 'track')
  return corpora
}

/**
 * NMI at the true k and related precision@5 of one atlas.
 * @param {{ talks: object[], labels: string[] }} corpus Corpus.
 * @param {Float32Array[] | undefined} embeddings Vectors, if any.
 * @param {number} weight Blend weight.
 */
function measure(corpus, embeddings, weight) {
  const k = new Set(corpus.labels).size
  const atlas = talkatlas.buildAtlas(corpus.talks, { k, seed: SEED, ...(embeddings ? { embeddings, embeddingWeight: weight } : {}) })
  const nmi = talkatlas.normalizedMutualInfo(corpus.labels, atlas.assignments)
  const rowOf = new Map(corpus.talks.map((talk, i) => [talk.id, i]))
  const neighbours = corpus.talks.map((talk) => talkatlas.relatedTalks(atlas, talk.id, { top: RELATED_K }).map((r) => rowOf.get(r.id)))
  return { nmi, p5: talkatlas.precisionAtK(neighbours, corpus.labels, RELATED_K) }
}

const results = []
for (const corpus of loadCorpora()) {
  const words = measure(corpus, undefined, 0)
  results.push({ corpus: corpus.name, talks: corpus.talks.length, k: new Set(corpus.labels).size, noise: null, weight: 0, ...words })
  for (const noise of NOISE_LEVELS) {
    const vectors = labelVectors(corpus.labels, noise, SEED)
    // Vectors alone, nearest neighbours by cosine: what the noise leaves of the tracks.
    const alone = vectorPrecision(vectors, corpus.labels)
    for (const weight of WEIGHTS.filter((w) => w > 0)) {
      results.push({ corpus: corpus.name, talks: corpus.talks.length, k: new Set(corpus.labels).size, noise, weight, vectorsP5: alone, ...measure(corpus, vectors, weight) })
    }
    if (!asJson) console.error(`${corpus.name}: noise ${noise} done`)
  }
}

/**
 * precision@5 of the vectors' own cosine neighbours (the ceiling the vectors carry).
 * @param {Float32Array[]} vectors Vectors.
 * @param {string[]} labels Labels.
 */
function vectorPrecision(vectors, labels) {
  const unit = vectors.map((v) => {
    const norm = Math.hypot(...v)
    return Float64Array.from(v, (x) => x / norm)
  })
  const neighbours = unit.map((a, i) =>
    unit
      .map((b, j) => ({ j, dot: j === i ? -Infinity : a.reduce((sum, x, c) => sum + x * b[c], 0) }))
      .sort((x, y) => y.dot - x.dot || x.j - y.j)
      .slice(0, RELATED_K)
      .map((entry) => entry.j),
  )
  return talkatlas.precisionAtK(neighbours, labels, RELATED_K)
}

if (asJson) console.log(JSON.stringify(results, null, 2))
else {
  const cell = (value) => value.toFixed(3)
  for (const name of [...new Set(results.map((r) => r.corpus))]) {
    const rows = results.filter((r) => r.corpus === name)
    const words = rows[0]
    console.log(`\n${name}: ${words.talks} talks, k = ${words.k}; words only: NMI ${cell(words.nmi)}, related P@5 ${cell(words.p5)}`)
    const headers = ['noise', 'vectors P@5', ...WEIGHTS.filter((w) => w > 0).flatMap((w) => [`NMI w=${w}`, `P@5 w=${w}`])]
    printTable(headers, NOISE_LEVELS.map((noise) => {
      const atNoise = rows.filter((r) => r.noise === noise)
      return [String(noise), cell(atNoise[0].vectorsP5), ...atNoise.flatMap((r) => [cell(r.nmi), cell(r.p5)])]
    }))
  }
}
