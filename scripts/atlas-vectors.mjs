// The atlas's own vectors at the true k, written out for clustering experiments in Python
// (scripts/cluster-experiments.py reads them; docs/quality.md, "Research papers at the true
// k: graphs, spectra and the supervised ceiling", has the figures).
//
//   npm run eval -- --dump DIR --rows none        the labelled corpora as the eval reads them
//   node scripts/atlas-vectors.mjs DIR [--seed N] [--options JSON] [--only a,b] [--themes]
//
// For every DIR/<corpus>.json written by the eval's --dump (talks + truth in evaluation
// order) it builds `buildAtlas(talks, { k: number of labels, seed })` without the truth and
// writes DIR/vectors-<seed>/<corpus>.*: the embedding the themes are clustered on (n × d
// float32), the consensus runs' labels (runs × n int32), the atlas's assignments (int32),
// the TF-IDF matrix (CSR: indptr, indices int32, data float32) and a .meta.json (n, d, k,
// runs, nCols, truth, the NMI of the assignments). With --themes it also prints every theme:
// its size, label and the four truth labels most of its talks carry. Without ../shared/corpora the eval dumps
// only the fixtures and says so; this script then writes those.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { talkatlas } from './loadLibrary.mjs'

const directory = process.argv[2]
if (!directory || directory.startsWith('--') || !existsSync(directory)) {
  console.error('usage: node scripts/atlas-vectors.mjs DIR [--seed N] [--options JSON] [--only a,b] [--themes]  (DIR from `npm run eval -- --dump DIR --rows none`)')
  process.exit(2)
}
const seed = Number(argumentValue('--seed') ?? 42)
const options = JSON.parse(argumentValue('--options') ?? '{}')
const printThemes = process.argv.includes('--themes')
const only = argumentValue('--only')?.split(',').filter(Boolean) ?? null
const output = join(directory, `vectors-${seed}`)
mkdirSync(output, { recursive: true })

const files = readdirSync(directory).filter((file) => file.endsWith('.json') && (!only || only.some((part) => file.includes(part))))
if (files.length === 0) console.error(`no corpus files in ${directory}: run npm run eval -- --dump ${directory} --rows none first`)
for (const file of files.sort()) writeVectors(join(directory, file))

/** Builds the true-k atlas of one dumped corpus and writes its arrays. */
function writeVectors(path) {
  const talks = JSON.parse(readFileSync(path, 'utf8')).talks
  const truth = talks.map((talk) => talk.theme)
  const k = new Set(truth).size
  const atlas = talkatlas.buildAtlas(talks.map(({ theme, ...talk }) => talk), { ...options, k, seed })
  const name = basename(path, '.json')
  const write = (suffix, array) => writeFileSync(join(output, `${name}.${suffix}`), Buffer.from(array.buffer, array.byteOffset, array.byteLength))
  write('emb.f32', atlas.embedding.vectors)
  write('runs.i32', atlas.ensemble?.labels ?? new Int32Array(0))
  write('assign.i32', atlas.assignments)
  write('indptr.i32', atlas.matrix.indptr)
  write('indices.i32', atlas.matrix.indices)
  write('data.f32', atlas.matrix.data)
  const nmi = talkatlas.normalizedMutualInfo(truth, Array.from(atlas.assignments))
  const meta = { n: talks.length, d: atlas.embedding.dimensions, k, seed, runs: atlas.ensemble?.runs ?? 0, nCols: atlas.matrix.nCols, nmi, truth }
  writeFileSync(join(output, `${name}.meta.json`), JSON.stringify(meta))
  console.log(`${name}: ${talks.length} talks, k = ${k}, NMI ${nmi.toFixed(3)} → ${output}`)
  if (printThemes) printThemeTruth(atlas, truth)
}

/** Each theme's size, label and its four most frequent truth labels. */
function printThemeTruth(atlas, truth) {
  const rowOf = new Map(atlas.talks.map((talk, i) => [talk.id, i]))
  for (const theme of atlas.themes) {
    const counts = new Map()
    for (const member of theme.talks) {
      const label = truth[rowOf.get(member.id)]
      counts.set(label, (counts.get(label) ?? 0) + 1)
    }
    const largest = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4)
    console.log(`  ${String(theme.talks.length).padStart(4)}  ${theme.label}  |  ${largest.map(([label, count]) => `${label} ${count}`).join(', ')}`)
  }
}

/** The value after a flag, or null. */
function argumentValue(flag) {
  const at = process.argv.indexOf(flag)
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : null
}
