// Abstaining tags and search, measured on the fixtures and, when present, ../shared/corpora.
//
//   npm run build && node scripts/eval-tags-search.mjs [--json]
//
// Tagging: with the defaults (no themes), the share of talks the built-in taxonomy fits and
// the share tagged; the right top tag on the networking fixture and on the Linux Plumbers
// networking track page (../shared/seeds); zero-shot (track names) and few-shot (3 labelled
// talks per track) accuracy with and without abstention (`minEvidence: 0` is the old
// behaviour). Search: for 300 talks per corpus (seeded), a word only that talk contains and
// its exact title as queries, the share found at rank 1. The truth field is removed from every
// talk before the library sees it.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { talkatlas } from './loadLibrary.mjs'
import { findSharedCorpora, mulberry32 as createRandom, printTable, shuffle } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SEED = Number(process.env.TALKATLAS_EVAL_SEED ?? 42)
const SEARCH_SAMPLE = 300
const FEW_SHOT_PER_LABEL = 3
const FEW_SHOT_DRAWS = 5
const TRUTH_FIELDS = ['theme', 'track']

/** Fixture label → the built-in taxonomy theme it stands for (fixtures/README.md). */
const FIXTURE_THEMES = {
  xdp: 'XDP', tc: 'Traffic control', seccomp: 'Seccomp', profiling: 'Profiling and stack unwinding',
  mptcp: 'MPTCP', 'hid-bpf': 'HID-BPF', 'bpf-ci': 'BPF CI and testing', 'cgroup-networking': 'Cgroups and container networking',
  documentation: 'Documentation and standardisation', observability: 'Tracing and observability',
  'hardware-offload': 'Hardware offload and NIC firmware', 'packet-classification': 'Packet classification and filtering',
}

/**
 * The seed page: a track description (lines 1–3), then 15 truncated abstracts, one or more
 * lines each, listed here by their first and last line with the taxonomy theme of the 13
 * that are clearly about one (null: not clearly one). Only the first line is used: to find
 * which talk the text reader made of it.
 */
const SEED_TALKS = [
  [4, 5, 'HID-BPF'], [6, 6, 'Seccomp'], [7, 7, 'Profiling and stack unwinding'], [8, 13, 'Tracing and observability'],
  [14, 15, 'Traffic control'], [16, 16, 'Packet classification and filtering'], [17, 18, null],
  [19, 20, 'Cgroups and container networking'], [21, 22, 'Documentation and standardisation'], [23, 23, 'XDP'],
  [24, 25, 'XDP'], [26, 31, 'Hardware offload and NIC firmware'], [32, 33, 'MPTCP'], [34, 35, 'BPF CI and testing'], [36, 37, null],
]

main()

function main() {
  const asJson = process.argv.includes('--json')
  const corpora = loadCorpora()
  const rows = corpora.map(measure)
  if (asJson) {
    console.log(JSON.stringify(rows, null, 1))
    return
  }
  const pct = (x) => (x == null ? 'n/a' : `${(100 * x).toFixed(1)} %`)
  const num = (x) => (x == null ? 'n/a' : x.toFixed(3))
  printTable(
    ['corpus', 'talks', 'taxonomy fit', 'tagged', 'top tag right', 'zero-shot (old → new)', 'few-shot (old → new)', 'tagged w/ tracks (old → new)', 'rare word @1', 'title @1', 'no match'],
    rows.map((r) => [
      r.name, r.talks, pct(r.fit), pct(r.tagged), r.topTag ?? 'n/a',
      r.zeroShot ? `${num(r.zeroShot.old)} → ${num(r.zeroShot.new)}` : 'n/a',
      r.fewShot ? `${num(r.fewShot.old)} → ${num(r.fewShot.new)}` : 'n/a',
      r.trackTagged ? `${pct(r.trackTagged.old)} → ${pct(r.trackTagged.new)}` : 'n/a',
      r.rareWord ? `${pct(r.rareWord.share)} of ${r.rareWord.queries}` : 'n/a',
      r.title ? `${pct(r.title.share)} of ${r.title.queries}` : 'n/a',
      r.noMatch,
    ]),
  )
  for (const line of corpora.skipped) console.log(line)
}

// ---------------------------------------------------------------------------- corpora

function loadCorpora() {
  const corpora = []
  const skipped = []
  for (const name of ['lpc-networking-bpf', 'ml-workshop']) {
    corpora.push(corpus(name, parse(join(root, 'fixtures', `${name}.json`))))
  }
  const shared = findSharedCorpora()
  if (shared === null) {
    skipped.push('skipped: ../shared/corpora not found (the fixtures only)')
  } else {
    const seedPath = join(dirname(shared), 'seeds', '000_5dce5afa520b7278.txt')
    if (existsSync(seedPath)) corpora.push(seedCorpus(seedPath))
    else skipped.push('skipped: ../shared/seeds/000_5dce5afa520b7278.txt not found')
    for (const [name, file] of [['fosdem-2025', 'fosdem-2025.json'], ['fosdem-2024', 'fosdem-2024.xml'], ['emnlp-2020', 'emnlp-2020.csv'], ['35c3', 'ccc-35c3.schedule.json']]) {
      const path = join(shared, file)
      if (existsSync(path)) corpora.push(corpus(name, parse(path)))
      else skipped.push(`skipped: ${file} not found`)
    }
  }
  corpora.skipped = skipped
  return corpora
}

function parse(path) {
  return talkatlas.parseTalks(readFileSync(path, 'utf8'), { fileName: path, skipInvalid: true }).talks
}

/**
 * The seed page read with the library's own text reader, as a user would read it; each talk
 * gets the theme of the SEED_TALKS entry whose first line opens its text (the entries are
 * truth about the page, kept here, never handed to the library).
 */
function seedCorpus(path) {
  const text = readFileSync(path, 'utf8')
  const lines = text.split('\n')
  const openings = SEED_TALKS.map(([first, , theme]) => ({ opening: squash(lines[first - 1]).slice(0, 40), theme }))
  const read = talkatlas.parseTalks(text, { fileName: path }).talks
  const expected = read.map((talk) => {
    const body = squash(`${talk.title} ${talk.abstract}`)
    return openings.find(({ opening }) => body.includes(opening))?.theme ?? null
  })
  const talks = read.map(({ source, ...talk }) => talk)
  return { name: `LPC 2022 track page (${read.length} talks read)`, talks, expected, labels: null }
}

/** Letters and digits only, lower case: compares a raw line with the cleaned talk text. */
function squash(text) {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Talks in a seeded order, the truth kept apart. */
function corpus(name, input) {
  const talks = shuffle(input, createRandom(SEED))
  const field = TRUTH_FIELDS.find((f) => talks.length > 0 && talks.every((t) => typeof t[f] === 'string' && t[f] !== ''))
  const labels = field ? talks.map((t) => t[field]) : null
  const stripped = talks.map((talk) => {
    const copy = { ...talk }
    for (const f of TRUTH_FIELDS) delete copy[f]
    delete copy.source
    return copy
  })
  const expected = name === 'lpc-networking-bpf' ? labels.map((l) => FIXTURE_THEMES[l] ?? null) : null
  return { name, talks: stripped, labels, expected }
}

// ---------------------------------------------------------------------------- measures

function measure(c) {
  const labelCount = c.labels ? new Set(c.labels).size : 0
  const k = labelCount >= 2 && labelCount <= c.talks.length ? labelCount : 'auto'
  const atlas = talkatlas.buildAtlas(c.talks, { seed: SEED, k })
  const fit = talkatlas.taxonomyFit(c.talks, talkatlas.BUILTIN_TAXONOMY).share
  const result = talkatlas.tagTalks(atlas)
  const best = result.talks.map((t) => t.tags[0]?.theme ?? null)
  const row = { name: c.name, talks: c.talks.length, fit, tagged: best.filter((b) => b !== null).length / best.length }
  if (c.expected) {
    const judged = c.expected.map((e, i) => [e, best[i]]).filter(([e]) => e !== null)
    row.topTag = `${judged.filter(([e, b]) => e === b).length}/${judged.length}`
  }
  if (c.labels && labelCount >= 2 && c.talks.length > 100) {
    const names = [...new Set(c.labels)].sort()
    const zero = (minEvidence) => talkatlas.tagTalks(atlas, names.map((name) => ({ name })), { minEvidence })
    const accuracy = (res) => talkatlas.accuracy(c.labels, res.talks.map((t) => t.tags[0]?.theme ?? null))
    const tagged = (res) => res.talks.filter((t) => t.tags.length > 0).length / res.talks.length
    const zOld = zero(0)
    const zNew = zero(undefined)
    row.zeroShot = { old: accuracy(zOld), new: accuracy(zNew) }
    row.trackTagged = { old: tagged(zOld), new: tagged(zNew) }
    row.fewShot = { old: fewShot(c, atlas, names, 0), new: fewShot(c, atlas, names, undefined) }
  }
  Object.assign(row, searchFigures(c, atlas))
  return row
}

function fewShot(c, atlas, names, minEvidence) {
  let total = 0
  for (let draw = 0; draw < FEW_SHOT_DRAWS; draw++) {
    const random = createRandom(draw)
    const byLabel = new Map(names.map((n) => [n, []]))
    c.labels.forEach((l, i) => byLabel.get(l).push(i))
    const held = new Set()
    const themes = names.map((name) => {
      const members = byLabel.get(name)
      const m = Math.min(FEW_SHOT_PER_LABEL, members.length)
      for (let r = 0; r < m; r++) {
        const s = r + Math.floor(random() * (members.length - r))
        ;[members[r], members[s]] = [members[s], members[r]]
      }
      const chosen = members.slice(0, m)
      for (const i of chosen) held.add(i)
      return { name, examples: chosen.map((i) => c.talks[i].id) }
    })
    const res = talkatlas.tagTalks(atlas, themes, { minEvidence })
    const test = c.labels.map((_, i) => i).filter((i) => !held.has(i))
    total += talkatlas.accuracy(test.map((i) => c.labels[i]), test.map((i) => res.talks[i].tags[0]?.theme ?? null))
  }
  return total / FEW_SHOT_DRAWS
}

/**
 * A word only one talk contains (case-insensitive surface form, title or abstract) and its
 * exact title as queries, for up to SEARCH_SAMPLE talks drawn with the seed.
 */
function searchFigures(c, atlas) {
  const documentFrequency = new Map()
  const wordsOf = c.talks.map((talk) => {
    const words = new Set(talkatlas.tokenize(`${talk.title}\n${talk.abstract}`).map((w) => w.toLowerCase()))
    for (const w of words) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1)
    return words
  })
  const titleOf = new Map(c.talks.map((t) => [t.id, t.title]))
  const random = createRandom(SEED + 1)
  const order = shuffle(c.talks.map((_, i) => i), random).slice(0, SEARCH_SAMPLE)
  let rareQueries = 0
  let rareHits = 0
  let titleQueries = 0
  let titleHits = 0
  for (const i of order) {
    const unique = [...wordsOf[i]].filter((w) => documentFrequency.get(w) === 1 && !talkatlas.DEFAULT_STOPWORDS.has(w)).sort()
    if (unique.length > 0) {
      const word = unique[Math.floor(random() * unique.length)]
      rareQueries++
      if (talkatlas.searchTalks(atlas, word, { top: 1 })[0]?.id === c.talks[i].id) rareHits++
    }
    const title = c.talks[i].title
    if (title.trim() !== '') {
      titleQueries++
      const hits = talkatlas.searchTalks(atlas, title, { top: 10 })
      // Talks with the same title cannot be told apart by it: the talk must be among the
      // first hits, all carrying this title.
      let r = 0
      while (r < hits.length && titleOf.get(hits[r].id) === title) r++
      if (hits.slice(0, r).some((h) => h.id === c.talks[i].id)) titleHits++
    }
  }
  const none = talkatlas.findTalks(atlas, 'qwxzyv')
  return {
    rareWord: rareQueries > 0 ? { share: rareHits / rareQueries, queries: rareQueries } : null,
    title: titleQueries > 0 ? { share: titleHits / titleQueries, queries: titleQueries } : null,
    noMatch: none.talks.length === 0 && none.warnings.some((w) => w.code === 'no-match') ? 'warned' : 'NOT warned',
  }
}
