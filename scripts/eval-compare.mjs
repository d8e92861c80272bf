// `compare` against truth: do the themes' changes follow the tracks' changes?
//
//   npm run eval                  (run by eval-all.mjs after the other tables)
//   node scripts/eval-compare.mjs [--json] [--only name,…]
//
// For each pair of editions, `compare` fits themes over both (it reads only id, title and
// abstract: the track is removed before the library sees a talk). For every track present in
// both editions whose talk count changed by 5 or more, the themes' changes are attributed to
// the track in proportion to the track's share of each theme,
//
//     estimate(track) = Σ over themes θ of change(θ) · talks of the track in θ / talks in θ
//
// (both editions counted), and the figure is the share of such tracks whose estimate has the
// sign of their true change (a zero estimate counts as wrong). The second rule the issue names
// (each theme's change weighted by the share of the track's talks it holds) is printed beside it.
// The same figures for scikit-learn k-means at the same k (scripts/eval-compare.py) when
// /usr/bin/python3 has scikit-learn, else the figures stored in scripts/eval-compare-anchors.json.
// "all grew" is what a method that says every track grew would score (the editions differ in size).
//
// Pairs: FOSDEM 2024 → 2025 (real editions; track names matched after lower-casing, removing
// "devroom" and parenthesised parts, and reading "&" as "and"); the invented editions of
// fixtures/compare (truth: `theme`); and made-up editions of each single corpus, whose talks
// are dealt to "before" or "after" with a probability drawn per track (0.2, 0.5 or 0.8, seeded)
// so that some tracks grow and some fade.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { talkatlas } from './loadLibrary.mjs'
import { findSharedCorpora, mulberry32, printTable } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const asJson = process.argv.includes('--json')
const onlyIndex = process.argv.indexOf('--only')
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null
const SEED = Number(process.env.TALKATLAS_EVAL_SEED ?? 42)
/** Smallest change of a track, in talks, for it to be scored (the threshold). */
const MIN_TRACK_CHANGE = 5
const PYTHON = '/usr/bin/python3'

main()

function main() {
  const rows = []
  const skipped = []
  for (const pair of editionPairs(skipped)) {
    if (only && !only.some((part) => pair.name.includes(part))) continue
    rows.push(measurePair(pair))
  }
  if (asJson) {
    console.log(JSON.stringify({ compare: rows, skipped }, null, 1))
    return
  }
  console.log('\ncompare: sign agreement of theme changes with track changes (tracks in both editions, |change| ≥ 5)')
  const percent = (value) => (value === null || value === undefined ? 'n/a' : `${(100 * value).toFixed(1)} %`)
  printTable(
    ['editions', 'talks', 'k', 'tracks', 'talkatlas', 'talkatlas (track-share rule)', 'sklearn k-means', 'all grew'],
    rows.map((row) => [row.name, `${row.talks.before} + ${row.talks.after}`, row.k, `${row.tracks} (${row.shrank} shrank)`, percent(row.agreement), percent(row.agreementTrackShare), percent(row.sklearn) + (row.sklearnSource === 'stored' ? ' (stored)' : ''), percent(row.allGrew)]),
  )
  for (const line of skipped) console.log(line)
}

/** The pairs of editions with truth: real, invented, and made from single corpora. */
function editionPairs(skipped) {
  const pairs = []
  const fixture = (name) => JSON.parse(readFileSync(join(root, 'fixtures', 'compare', `${name}.json`), 'utf8')).talks.map(({ theme, ...talk }) => ({ ...talk, track: theme }))
  pairs.push({ name: 'fixtures/compare (invented)', before: fixture('before'), after: fixture('after'), match: (track) => track })
  const shared = findSharedCorpora()
  if (!shared || !existsSync(join(shared, 'fosdem-2025.json'))) {
    skipped.push('skipped: ../shared/corpora not found (only the invented editions are measured)')
    return pairs
  }
  const fosdem2025 = JSON.parse(readFileSync(join(shared, 'fosdem-2025.json'), 'utf8')).talks
  const readShared = (file) => talkatlas.parseTalks(readFileSync(join(shared, file), 'utf8'), { fileName: file, skipInvalid: true }).talks
  if (existsSync(join(shared, 'fosdem-2024.xml'))) {
    pairs.push({ name: 'fosdem-2024 → fosdem-2025', before: readShared('fosdem-2024.xml'), after: fosdem2025, match: fosdemTrackKey })
  } else {
    skipped.push('skipped: fosdem-2024.xml not found')
  }
  const single = [['fosdem-2025', fosdem2025]]
  for (const file of ['emnlp-2020.csv', 'ccc-35c3.schedule.json']) {
    if (!existsSync(join(shared, file))) {
      skipped.push(`skipped: ${file} not found`)
      continue
    }
    const talks = readShared(file).filter((talk) => typeof talk.track === 'string' && talk.track !== '' && !['self organized sessions', 'Music'].includes(talk.track))
    single.push([file.replace(/\.(csv|schedule\.json)$/, ''), talks])
  }
  for (const [name, talks] of single) pairs.push({ name: `${name} split in two (made up)`, ...dealEditions(talks), match: (track) => track })
  return pairs
}

/**
 * FOSDEM track names as one key across years: "Monitoring & Observability devroom" (2024)
 * and "Monitoring and Observability" (2025) are the same track. Data handling for the
 * measurement only; the method never sees tracks.
 */
function fosdemTrackKey(track) {
  return track.toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/&/g, ' and ').replace(/\bdevroom\b/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Talks of one corpus dealt into two editions, each track leaning to one side or neither. */
function dealEditions(talks) {
  const random = mulberry32(SEED)
  const tracks = [...new Set(talks.map((talk) => talk.track))].sort()
  const lean = new Map(tracks.map((track) => [track, [0.2, 0.5, 0.8][Math.floor(random() * 3)]]))
  const before = []
  const after = []
  for (const talk of talks) (random() < lean.get(talk.track) ? after : before).push(talk)
  return { before, after }
}

/** Runs compare on a pair and scores it against the tracks. */
function measurePair(pair) {
  const hide = (talks) => talks.map(({ id, title, abstract }) => ({ id, title, abstract }))
  const result = talkatlas.compare(hide(pair.before), hide(pair.after), { seed: SEED })
  const themeOf = { before: new Map(), after: new Map() }
  result.themes.forEach((theme, index) => {
    for (const id of theme.beforeTalks.talks) themeOf.before.set(id, index)
    for (const id of theme.afterTalks.talks) themeOf.after.set(id, index)
  })
  const labels = [...pair.before.map((talk) => themeOf.before.get(talk.id)), ...pair.after.map((talk) => themeOf.after.get(talk.id))]
  const ours = scoreLabels(pair, labels)
  const sklearn = sklearnAgreement(pair, result.k)
  return {
    name: pair.name,
    talks: { before: pair.before.length, after: pair.after.length },
    k: result.k,
    tracks: ours.tracks,
    shrank: ours.shrank,
    agreement: ours.agreement,
    agreementTrackShare: ours.agreementTrackShare,
    sklearn: sklearn.value,
    sklearnSource: sklearn.source,
    allGrew: ours.tracks === 0 ? null : (ours.tracks - ours.shrank) / ours.tracks,
    themes: { new: result.themes.filter((t) => t.kind === 'new').length, faded: result.themes.filter((t) => t.kind === 'faded').length },
  }
}

/**
 * Sign agreement of a labelling (one cluster per talk, before talks then after talks) with
 * the tracks' changes, by both attribution rules.
 */
function scoreLabels(pair, labels) {
  const nBefore = pair.before.length
  const editionOf = (i) => (i < nBefore ? 'before' : 'after')
  const talks = [...pair.before, ...pair.after]
  const clusters = new Map()
  const tracks = new Map()
  talks.forEach((talk, i) => {
    const c = clusters.get(labels[i]) ?? { before: 0, after: 0 }
    c[editionOf(i)]++
    clusters.set(labels[i], c)
    const key = pair.match(String(talk.track ?? ''))
    const t = tracks.get(key) ?? { before: 0, after: 0, members: new Map() }
    t[editionOf(i)]++
    t.members.set(labels[i], (t.members.get(labels[i]) ?? 0) + 1)
    tracks.set(key, t)
  })
  let scored = 0
  let shrank = 0
  let agree = 0
  let agreeTrackShare = 0
  for (const [key, track] of tracks) {
    const change = track.after - track.before
    if (key === '' || track.before === 0 || track.after === 0 || Math.abs(change) < MIN_TRACK_CHANGE) continue
    scored++
    if (change < 0) shrank++
    let byThemeShare = 0
    let byTrackShare = 0
    for (const [label, count] of track.members) {
      const c = clusters.get(label)
      const themeChange = c.after - c.before
      byThemeShare += (themeChange * count) / (c.before + c.after)
      byTrackShare += (themeChange * count) / (track.before + track.after)
    }
    if (Math.sign(byThemeShare) === Math.sign(change)) agree++
    if (Math.sign(byTrackShare) === Math.sign(change)) agreeTrackShare++
  }
  return { tracks: scored, shrank, agreement: scored ? agree / scored : null, agreementTrackShare: scored ? agreeTrackShare / scored : null }
}

/** The same score for scikit-learn k-means at k, run now, else as stored. */
function sklearnAgreement(pair, k) {
  const stored = () => {
    const path = join(root, 'scripts', 'eval-compare-anchors.json')
    const value = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8'))[pair.name]?.sklearn : undefined
    return { value: value ?? null, source: value === undefined ? 'none' : 'stored' }
  }
  if (!existsSync(PYTHON)) return stored()
  const dir = mkdtempSync(join(tmpdir(), 'talkatlas-eval-compare-'))
  try {
    const file = join(dir, 'joint.json')
    writeFileSync(file, JSON.stringify({ k, talks: [...pair.before, ...pair.after].map(({ title, abstract }) => ({ title, abstract })) }))
    const run = spawnSync(PYTHON, [join(root, 'scripts', 'eval-compare.py'), file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    if (run.status !== 0) return stored()
    return { value: scoreLabels(pair, JSON.parse(run.stdout).labels).agreement, source: 'run' }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
