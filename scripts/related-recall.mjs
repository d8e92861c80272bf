// Recall of the approximate related-talk search (candidate cells) against the exact one:
// `node --import tsx scripts/related-recall.mjs [options]` (it reads the TypeScript sources, so
// that it can force either search on any corpus). Figures, not pass/fail.
//
// For each corpus: builds the atlas, computes the related lists of every talk with the exact
// search and with the cell search (each timed, on this thread), and prints recall@5 (share of
// the exact top-5 that the approximate top-5 holds), the share of identical lists, and
// precision@5 against the corpus's labels (FOSDEM tracks, synthetic topics) for both.
//
// Corpora:
//   fosdem      ../shared/corpora/fosdem-2025.json at k = 78 (its tracks), as scripts/eval.mjs
//   synthetic   generateCorpus({ talks: N, seed }) at k = 100, as the bench
//   resampled   N abstracts, each the words of two FOSDEM talks of one track shuffled together
//               (label: that track), at k = 78
// Options:
//   --corpora fosdem,synthetic:20000,resampled:20000   which corpora (synthetic:N, resampled:N)
//   --sample 0       rows whose exact lists are computed (0: all rows; for 100,000 talks)
//   --probes 8       nearest cells searched, or a list (4,8,16) measured on one atlas (default PROBE_CELLS)
//   --cell 1000      largest cell, or a list (default CELL_MAX_TALKS)
//   --seed 42
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { buildAtlas } from '../src/atlas/buildAtlas.ts'
import { generateCorpus } from '../src/eval/synthetic.ts'
import { precisionAtK } from '../src/eval/precisionAtK.ts'
import { candidateCells, cellCandidates, CELL_MAX_TALKS, PROBE_CELLS } from '../src/similarity/candidateCells.ts'
import { cellTopKRows } from '../src/similarity/cellTopK.ts'
import { topKRows } from '../src/similarity/allPairsTopK.ts'
import { atlasPairSpace } from '../src/similarity/relatedIndex.ts'
import { mulberry32 } from './shared.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const TOP = 5
const { values: options } = parseArgs({
  options: {
    corpora: { type: 'string', default: 'fosdem,synthetic:20000,resampled:20000' },
    sample: { type: 'string', default: '0' },
    probes: { type: 'string', default: String(PROBE_CELLS) },
    cell: { type: 'string', default: String(CELL_MAX_TALKS) },
    seed: { type: 'string', default: '42' },
  },
})
const seed = Number(options.seed)
const fosdemFile = join(ROOT, '..', 'shared', 'corpora', 'fosdem-2025.json')

for (const spec of options.corpora.split(',')) {
  const [name, size] = spec.split(':')
  const corpus = loadCorpus(name, Number(size))
  if (corpus === undefined) continue
  measure(spec, corpus)
}

/**
 * Talks, labels and k of a corpus, or undefined when its file is absent.
 * @param {string} name fosdem, synthetic or resampled.
 * @param {number} size Talks (synthetic, resampled).
 */
function loadCorpus(name, size) {
  if (name === 'synthetic') {
    const talks = generateCorpus({ talks: size, seed })
    return { talks, labels: talks.map((talk) => talk.topic), k: 100 }
  }
  if (!existsSync(fosdemFile)) {
    console.log(`${name}: skipped (${fosdemFile} not found)`)
    return undefined
  }
  const fosdem = JSON.parse(readFileSync(fosdemFile, 'utf8')).talks
  if (name === 'fosdem') return { talks: fosdem, labels: fosdem.map((talk) => talk.track), k: 78 }
  if (name === 'resampled') return resampled(fosdem, size)
  throw new Error(`unknown corpus ${name}`)
}

/**
 * Abstracts made of the words of two talks of one track, shuffled.
 * @param {{ title: string, abstract: string, track: string }[]} fosdem Real talks.
 * @param {number} size Talks made.
 */
function resampled(fosdem, size) {
  const random = mulberry32(seed)
  const byTrack = new Map()
  for (const talk of fosdem) byTrack.set(talk.track, [...(byTrack.get(talk.track) ?? []), talk])
  const tracks = [...byTrack.values()].filter((talks) => talks.length >= 2)
  const talks = []
  for (let i = 0; i < size; i++) {
    const track = tracks[Math.floor(random() * tracks.length)]
    const a = track[Math.floor(random() * track.length)]
    let b = a
    while (b === a) b = track[Math.floor(random() * track.length)]
    const words = `${a.title} ${a.abstract} ${b.title} ${b.abstract}`.split(/\s+/).filter((word) => random() < 0.5)
    for (let w = words.length - 1; w > 0; w--) {
      const j = Math.floor(random() * (w + 1))
      ;[words[w], words[j]] = [words[j], words[w]]
    }
    talks.push({ id: `r${i}`, title: words.slice(0, 8).join(' '), abstract: words.slice(8).join(' '), track: a.track })
  }
  return { talks, labels: talks.map((talk) => talk.track), k: 78 }
}

/**
 * Prints the figures of one corpus.
 * @param {string} name Corpus.
 * @param {{ talks: object[], labels: string[], k: number }} corpus Talks and labels.
 */
function measure(name, corpus) {
  let started = performance.now()
  const atlas = buildAtlas(corpus.talks, { seed, k: corpus.k })
  const buildSeconds = (performance.now() - started) / 1000
  const space = atlasPairSpace(atlas)
  const exact = exactLists(space)
  for (const cell of options.cell.split(',').map(Number)) {
    for (const probes of options.probes.split(',').map(Number)) compare(name, corpus, atlas, space, probes, cell, buildSeconds, exact)
  }
}

/**
 * The exact lists of every row (or of the sampled rows), timed once per corpus.
 * @param {object} space Pair space.
 */
function exactLists(space) {
  const started = performance.now()
  const sample = Number(options.sample)
  const rows = sample > 0 && sample < space.n ? sampleRows(space.n, sample) : Array.from({ length: space.n }, (_, i) => i)
  const all = rows.length === space.n ? topKRows(space, TOP, 0, space.n) : undefined
  const lists = rows.map((row) => (all === undefined ? listOf(topKRows(space, TOP, row, row + 1), row) : listOf(all, row)))
  return { rows, lists, seconds: (performance.now() - started) / 1000 }
}

/**
 * Prints the figures of one corpus at one number of probed cells.
 * @param {string} name Corpus.
 * @param {{ talks: object[], labels: string[], k: number }} corpus Talks and labels.
 * @param {object} atlas Its atlas.
 * @param {object} space Its pair space.
 * @param {number} probes Nearest cells searched.
 * @param {number} cell Largest cell.
 * @param {number} buildSeconds Time the atlas took.
 * @param {{ rows: number[], lists: number[][], seconds: number }} exact Exact lists.
 */
function compare(name, corpus, atlas, space, probes, cell, buildSeconds, exact) {
  const n = space.n
  const started = performance.now()
  const plan = candidateCells(space, atlas.assignments, { probes, maxTalks: cell })
  const approximate = cellTopKRows(space, plan, TOP)
  const approximateSeconds = (performance.now() - started) / 1000
  const { rows } = exact
  const exactSeconds = exact.seconds
  let found = 0
  let wanted = 0
  let identical = 0
  const exactLists = exact.lists
  const approximateLists = []
  rows.forEach((row, r) => {
    const want = exactLists[r]
    const got = listOf(approximate, row)
    approximateLists.push(got)
    wanted += want.length
    for (const j of want) if (got.includes(j)) found++
    if (want.length === got.length && want.every((j, e) => got[e] === j)) identical++
  })
  const labels = rows.map((row) => corpus.labels[row])
  // precision@5 over the sampled rows: neighbours' labels are looked up in the whole corpus.
  const precision = (lists) => {
    let hits = 0
    let total = 0
    lists.forEach((list, r) => {
      for (const j of list) {
        total++
        if (corpus.labels[j] === labels[r]) hits++
      }
    })
    return total === 0 ? 0 : hits / total
  }
  const cells = plan.starts.length - 1
  let searched = 0
  for (let c = 0; c < cells; c++) searched += (plan.starts[c + 1] - plan.starts[c]) * cellCandidates(plan, c).length
  console.log(
    `${name}: ${n} talks, ${atlas.themes.length} themes → ${cells} cells (≤ ${cell} talks), probes ${plan.probes}, ${Math.round(searched / n)} candidates per talk; build ${buildSeconds.toFixed(1)} s; ` +
      `exact ${exactSeconds.toFixed(1)} s${rows.length < n ? ` (${rows.length} sampled rows)` : ''}, approximate ${approximateSeconds.toFixed(1)} s; ` +
      `recall@5 ${(found / wanted).toFixed(4)}, identical lists ${(identical / rows.length).toFixed(4)}; ` +
      `P@5 exact ${precision(exactLists).toFixed(4)}, approximate ${precision(approximateLists).toFixed(4)}` +
      (rows.length === n ? ` (precisionAtK: ${precisionAtK(exactLists, corpus.labels, TOP).toFixed(4)} / ${precisionAtK(approximateLists, corpus.labels, TOP).toFixed(4)})` : ''),
  )
}

/**
 * The entries of one row of top-k lists.
 * @param {{ top: number, from: number, counts: Int32Array, indices: Int32Array }} lists Lists.
 * @param {number} row Row (within the lists, from `lists.from`).
 */
function listOf(lists, row) {
  const at = (row - lists.from) * lists.top
  return Array.from(lists.indices.subarray(at, at + lists.counts[row - lists.from]))
}

/**
 * `count` distinct rows drawn with the seed, ascending.
 * @param {number} n Rows.
 * @param {number} count Rows drawn.
 */
function sampleRows(n, count) {
  const random = mulberry32(seed + 1)
  const rows = new Set()
  while (rows.size < count) rows.add(Math.floor(random() * n))
  return [...rows].sort((a, b) => a - b)
}
