// The related-talk ranking's parts, written out so that variants of the ranking can be scored
// in seconds (scripts/related-variants.py; docs/quality.md, "Related talks: other evidence
// beside the LSA cosine", has the figures):
//
//   TALKATLAS_EVAL_SEED=S node scripts/eval.mjs --dump DIR --rows none    the corpora as the eval reads them
//   node --import tsx scripts/related-dump.mjs DIR [--seed S] [--only a,b]
//
// For every DIR/<corpus>.json of the eval's --dump (talks + truth, in evaluation order) it builds
// the true-k and the automatic-k atlas as the eval does (seed S, default 42; the truth removed),
// prints their related precision@5 (the eval's figures: the dump holds the text the library
// reads), and writes DIR/related-S/<corpus>.<true|auto>.*: the related ranking index
// (relatedRanking.ts: its embedding n × d float32 and weighted TF-IDF rows as CSR), the atlas's
// own embedding and TF-IDF rows, the runs of the co-association (runs × n int32: the 20
// consensus runs, then the coarse runs where the atlas ranks at its coarse scale), the id rank
// of every talk (ties), the word index of search (searchIndex.ts: postings, weighted
// frequencies, lengths) and a .meta.json (n, d, runs, truth, whether it ranks at the coarse scale).
// It reads the TypeScript sources, so that it sees internals the bundle does not export.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildAtlas } from '../src/atlas/buildAtlas.ts'
import { precisionAtK } from '../src/eval/precisionAtK.ts'
import { registerLanguages } from '../src/index.ts'
import { idRanks } from '../src/similarity/relatedIndex.ts'
import { ranksAtCoarseScale, relatedRankingIndex } from '../src/similarity/relatedRanking.ts'
import { relatedTalks } from '../src/similarity/relatedTalks.ts'
import { searchIndex } from '../src/similarity/searchIndex.ts'
import { allLanguages } from '../src/text/languagePacks.ts'

// As the eval reads talks (German talks in 35C3).
registerLanguages(...allLanguages)

const { values: options, positionals } = parseArgs({
  options: { seed: { type: 'string', default: '42' }, only: { type: 'string' } },
  allowPositionals: true,
})
const directory = positionals[0]
if (!directory || !existsSync(directory)) {
  console.error('usage: node --import tsx scripts/related-dump.mjs DIR [--seed S] [--only a,b]  (DIR from `npm run eval -- --dump DIR --rows none`)')
  process.exit(2)
}
const seed = Number(options.seed)
const only = options.only?.split(',').filter(Boolean) ?? null
const output = join(directory, `related-${seed}`)
mkdirSync(output, { recursive: true })

const files = readdirSync(directory).filter((file) => file.endsWith('.json') && (!only || only.some((part) => file.includes(part))))
for (const file of files.sort()) {
  const talks = JSON.parse(readFileSync(join(directory, file), 'utf8')).talks
  const themeOf = new Map(talks.map((talk) => [talk.id, talk.theme]))
  const input = talks.map(({ theme, ...talk }) => talk)
  const name = basename(file, '.json')
  const k = new Set(themeOf.values()).size
  const figures = [['true', { k, seed }], ['auto', { seed }]].map(([kind, atlasOptions]) => {
    const atlas = buildAtlas(input, atlasOptions)
    const rowOf = new Map(atlas.talks.map((talk, i) => [talk.id, i]))
    const truth = atlas.talks.map((talk) => themeOf.get(talk.id))
    const lists = atlas.talks.map((talk) => relatedTalks(atlas, talk.id, { top: 5 }).map((related) => rowOf.get(related.id)))
    writeParts(join(output, `${name}.${kind}`), atlas, truth)
    return precisionAtK(lists, truth, 5).toFixed(3)
  })
  console.log(`${name}: related precision@5 ${figures.join(' / ')} (true k / automatic k) → ${output}`)
}

/**
 * Writes the arrays of one atlas's related ranking.
 * @param prefix Path without the suffixes.
 * @param atlas The atlas.
 * @param truth Label of every talk of the atlas, in its order.
 */
function writeParts(prefix, atlas, truth) {
  const index = relatedRankingIndex(atlas)
  const words = searchIndex(atlas)
  const write = (suffix, array) => writeFileSync(`${prefix}.${suffix}`, Buffer.from(array.buffer, array.byteOffset, array.byteLength))
  write('emb.f32', index.embedding.vectors)
  write('aemb.f32', atlas.embedding.vectors)
  write('wptr.i32', index.matrix.indptr)
  write('wind.i32', index.matrix.indices)
  write('wdat.f32', index.matrix.data)
  write('mptr.i32', atlas.matrix.indptr)
  write('mind.i32', atlas.matrix.indices)
  write('mdat.f32', atlas.matrix.data)
  write('ens.i32', index.ensemble?.labels ?? new Int32Array(0))
  write('tie.i32', idRanks(atlas.talks))
  write('sstart.i32', words.start)
  write('stalks.i32', words.talks)
  write('sfreq.f32', words.frequencies)
  write('slen.f32', words.lengths)
  const meta = {
    n: atlas.talks.length,
    d: index.embedding.dimensions,
    runs: index.ensemble?.runs ?? 0,
    nCols: index.matrix.nCols,
    coarse: ranksAtCoarseScale(atlas),
    themes: atlas.themes.length,
    truth,
  }
  writeFileSync(`${prefix}.meta.json`, JSON.stringify(meta))
}
