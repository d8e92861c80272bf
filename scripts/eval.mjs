// Result quality of talkatlas against labelled corpora, next to scikit-learn anchors.
//
//   npm run eval                      one table: rows = metric, columns = corpus
//   npm run eval -- --json            the same figures as JSON (for docs/quality.md)
//   npm run eval -- --only a,b        only the corpora whose name contains a or b
//   npm run eval -- --rows autoK,...  only these rows (keys of ROWS)
//   npm run eval -- --dump DIR        write each labelled corpus as it is evaluated
//                                     (talks + truth) for scripts/eval-anchors.py
//   npm run eval -- --options JSON    buildAtlas options on top of the defaults for every
//                                     atlas, to measure a candidate ('{"dimensions":70}')
//
// Corpora: the project fixtures (a `theme` per talk) and, when ../shared/corpora exists,
// every development corpus there (a `track` per talk): FOSDEM 2025 (all talks and topical
// tracks), FOSDEM 2024, EMNLP 2020, the topically tracked talks of 35C3, and seeded
// subsamples (8 random FOSDEM 2025 tracks, 3 random EMNLP areas). The shared corpora other
// than the FOSDEM 2025 JSON are read with the library's own parseTalks. The truth field (and
// the reader's copy of the source record) is removed from every talk before the library sees
// it. Rows whose API is not exported yet print `n/a (not built yet)`.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { talkatlas } from './loadLibrary.mjs'
import { findSharedCorpora, mulberry32 as createRandom, shuffle } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const asJson = process.argv.includes('--json')
const onlyCorpora = argumentList('--only')
const onlyRows = argumentList('--rows')
const dumpDirectory = argumentValue('--dump')
/** Options a candidate configuration adds to every buildAtlas call (k and seed stay the eval's). */
const candidateOptions = JSON.parse(argumentValue('--options') ?? '{}')

/** Fields that carry the truth; none of them is ever handed to the library. */
const TRUTH_FIELDS = ['theme', 'track']
/** Fields removed with the truth: the readers keep the whole input record (track included) under `source`. */
const HIDDEN_FIELDS = [...TRUTH_FIELDS, 'source']

/**
 * 35C3 events that are not topical talks (README of the corpora): self-organised sessions,
 * music, and events without a track. The 167 others carry one of 8 topical tracks.
 */
const CCC_NON_TOPICAL_TRACKS = new Set(['self organized sessions', 'Music'])
/** Tracks drawn for the FOSDEM subsample and areas for the EMNLP subsample. */
const SUBSAMPLE_FOSDEM_TRACKS = 8
const SUBSAMPLE_EMNLP_AREAS = 3

/**
 * FOSDEM 2025 tracks that are not topical (keynotes, lightning talks, main tracks, BOFs,
 * junior): no text method can recover them. This is data about that corpus, used only to
 * pick the talks of the "topical" column; it is the GENERIC set of
 * ../shared/anchors/sklearn_themes.py so that both sides filter the same talks.
 */
const FOSDEM_GENERIC_TRACKS = new Set([
  'Keynotes', 'Lightning Talks', 'Main Track', 'Main Track (K-building)', 'Main Track - Janson',
  'Main Track - K Building', 'BOF - Track A', 'BOF - Track B', 'BOF - Track C', 'BOF/Unconference',
  '/dev/random', 'Workshops', 'Junior', 'FOSDEM Junior',
])

/**
 * scikit-learn 1.2.1 figures measured on this machine class (2 cores) with
 * `scripts/eval-anchors.py CORPUS [--drop-generic]`; docs/quality.md has the commands. Themes: TF-IDF (sublinear, min_df 2, max_df 0.5, English stop words)
 * + LSA(100) + KMeans(k = number of tracks, n_init = 10, random_state = 0). Related:
 * TF-IDF cosine precision@5. Zero-shot: TF-IDF cosine to the track name. Few-shot: nearest
 * centroid of 3 random talks per track, 5 draws. Sessions: k-means clusters cut in runs of 4.
 * Groups: LSA(100) + KMeans at talkatlas's automatic group count, n_init = 10.
 */
const ANCHORS = {
  'fosdem-2025 (all)': {
    themesNmi: 0.635, themesAri: 0.243, themesV: 0.635, autoK: 78, related: 0.349,
    zeroShot: 0.450, fewShot: 0.442, sessions: 0.479, groups: 10, groupsNmi: 0.295,
  },
  'fosdem-2025 (topical)': {
    themesNmi: 0.633, themesAri: 0.242, themesV: 0.633, autoK: 70, related: 0.385,
    zeroShot: 0.506, fewShot: 0.458, sessions: 0.494, groups: 10, groupsNmi: 0.332,
  },
  ...readAnchorsFile(),
}

/**
 * Anchors of the other corpora, measured with `npm run eval -- --dump DIR` and
 * scripts/eval-anchors.py on each dumped file (docs/quality.md has the commands), kept in
 * scripts/eval-anchors.json.
 */
function readAnchorsFile() {
  const path = join(root, 'scripts', 'eval-anchors.json')
  if (!existsSync(path)) return {}
  const anchors = JSON.parse(readFileSync(path, 'utf8'))
  delete anchors.about
  return anchors
}

const SEED = Number(process.env.TALKATLAS_EVAL_SEED ?? 42)
const RELATED_TOP = 5
const FEW_SHOT_PER_LABEL = 3
const FEW_SHOT_DRAWS = 5
const SESSION_SIZE = 4

/** Thrown by a row whose API is not exported yet. */
class NotBuilt extends Error {}

/** One table row: a label, how to print its values, and how to measure it on a corpus. */
const ROWS = [
  { key: 'themesNmi', label: 'themes NMI @ true k', measure: (c) => themesAtTrueK(c).nmi },
  { key: 'themesAri', label: 'themes ARI @ true k', measure: (c) => themesAtTrueK(c).ari },
  { key: 'themesV', label: 'themes V @ true k', measure: (c) => themesAtTrueK(c).v },
  { key: 'autoK', label: 'auto k (anchor: true k)', integer: true, measure: (c) => themesAtAutoK(c).k },
  { key: 'talksPerTheme', label: 'talks per theme @ auto k', integer: true, measure: (c) => Math.round(c.talks.length / themesAtAutoK(c).k) },
  { key: 'autoNmi', label: 'themes NMI @ auto k', anchorKey: 'themesNmi', measure: (c) => themesAtAutoK(c).nmi },
  { key: 'groups', label: 'auto groups (anchor: same count)', integer: true, measure: (c) => groupsAtAuto(c).groups },
  { key: 'groupsNmi', label: 'groups NMI @ auto groups', measure: (c) => groupsAtAuto(c).nmi },
  { key: 'related', label: `related precision@${RELATED_TOP}`, measure: (c) => relatedPrecision(c, RELATED_TOP) },
  { key: 'related3', label: 'related precision@3', measure: (c) => relatedPrecision(c, 3) },
  { key: 'relatedAuto', label: `related precision@${RELATED_TOP} @ auto k`, anchorKey: 'related', measure: (c) => relatedPrecisionAtAutoK(c) },
  { key: 'zeroShot', label: 'tagging zero-shot accuracy', measure: zeroShotAccuracy },
  { key: 'fewShot', label: `tagging few-shot ${FEW_SHOT_PER_LABEL}/label accuracy`, measure: fewShotAccuracy },
  { key: 'sessions', label: `sessions of ${SESSION_SIZE} pair purity`, measure: sessionPurity },
]

main()

function main() {
  const { corpora, skipped } = loadCorpora()
  if (dumpDirectory) dumpCorpora(corpora)
  const figures = {}
  let failed = false
  for (const row of ROWS) {
    if (onlyRows && !onlyRows.includes(row.key)) continue
    figures[row.key] = {}
    for (const corpus of corpora) {
      const anchor = ANCHORS[corpus.name]?.[row.anchorKey ?? row.key] ?? null
      figures[row.key][corpus.name] = { ...measureCell(row, corpus), anchor }
      if (figures[row.key][corpus.name].error) failed = true
    }
  }
  if (asJson) printJson(corpora, skipped, figures)
  else printTable(corpora, skipped, figures)
  if (failed) process.exitCode = 1
}

/**
 * Runs one row on one corpus; never throws.
 * @returns `{ value }`, `{ value: null, status: 'not built yet' }` or `{ value: null, error }`.
 */
function measureCell(row, corpus) {
  try {
    return { value: row.measure(corpus) }
  } catch (error) {
    if (error instanceof NotBuilt) return { value: null, status: 'not built yet' }
    return { value: null, error: String(error?.message ?? error).split('\n')[0] }
  }
}

// ---------------------------------------------------------------------------- corpora

/** The fixtures, then the shared corpora when they exist (filtered by `--only`). */
function loadCorpora() {
  const corpora = []
  const skipped = []
  const add = (name, talks) => {
    if (!onlyCorpora || onlyCorpora.some((part) => name.includes(part))) corpora.push(makeCorpus(name, talks))
  }
  for (const name of ['lpc-networking-bpf', 'ml-workshop', 'small/workshop-12', 'small/four-topics-20']) {
    const path = join(root, 'fixtures', `${name}.json`)
    if (existsSync(path)) add(name.replace('small/', ''), readTalks(path))
    else skipped.push(`skipped: fixtures/${name}.json not found`)
  }
  const shared = findSharedCorpora()
  const fosdemPath = shared && join(shared, 'fosdem-2025.json')
  if (!fosdemPath || !existsSync(fosdemPath)) {
    skipped.push('skipped: ../shared/corpora not found (only the fixtures are evaluated)')
    return { corpora, skipped }
  }
  const fosdem2025 = readTalks(fosdemPath)
  add('fosdem-2025 (all)', fosdem2025)
  add('fosdem-2025 (topical)', fosdem2025.filter((t) => !FOSDEM_GENERIC_TRACKS.has(t.track)))
  const optional = (file, use) => {
    const path = join(shared, file)
    if (existsSync(path)) use(parseWithLibrary(path))
    else skipped.push(`skipped: ${file} not found in ${shared}`)
  }
  optional('fosdem-2024.xml', (talks) => add('fosdem-2024', talks))
  optional('emnlp-2020.csv', (talks) => {
    add('emnlp-2020', talks)
    add(`emnlp-2020 ${SUBSAMPLE_EMNLP_AREAS} areas`, subsample(talks, SUBSAMPLE_EMNLP_AREAS))
  })
  optional('ccc-35c3.schedule.json', (talks) =>
    add('35c3 (topical)', talks.filter((t) => typeof t.track === 'string' && !CCC_NON_TOPICAL_TRACKS.has(t.track))),
  )
  add(`fosdem-2025 ${SUBSAMPLE_FOSDEM_TRACKS} tracks`, subsample(fosdem2025, SUBSAMPLE_FOSDEM_TRACKS))
  return { corpora, skipped }
}

/** Talks of a corpus file read by the library's own reader (format from the content and name). */
function parseWithLibrary(path) {
  const fileName = path.split('/').pop()
  return talkatlas.parseTalks(readFileSync(path, 'utf8'), { fileName, skipInvalid: true }).talks
}

/** The talks of `count` tracks drawn at random (seeded) from the corpus's tracks. */
function subsample(talks, count) {
  const tracks = shuffle([...new Set(talks.map((t) => t.track))].filter((t) => typeof t === 'string').sort(), createRandom(SEED + 1))
  const chosen = new Set(tracks.slice(0, count))
  return talks.filter((t) => chosen.has(t.track))
}

/** Writes every labelled corpus as `{ source, talks: [{ id, title, abstract, theme }] }`, in evaluation order. */
function dumpCorpora(corpora) {
  mkdirSync(dumpDirectory, { recursive: true })
  for (const corpus of corpora) {
    if (!corpus.labels) continue
    const talks = corpus.talks.map((t, i) => ({ id: t.id, title: t.title, abstract: t.abstract, theme: corpus.labels[i] }))
    const file = join(dumpDirectory, `${corpus.name.replace(/[^a-z0-9-]+/gi, '_')}.json`)
    writeFileSync(file, JSON.stringify({ source: `${corpus.name} as npm run eval reads it`, talks }))
    console.error(`wrote ${file}`)
  }
}

/** The comma-separated values after a flag, or null. */
function argumentList(flag) {
  const value = argumentValue(flag)
  return value === null ? null : value.split(',').filter(Boolean)
}

function argumentValue(flag) {
  const at = process.argv.indexOf(flag)
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : null
}

/** Talks of a JSON corpus: an array of talks or `{ talks: [...] }`. */
function readTalks(path) {
  const data = JSON.parse(readFileSync(path, 'utf8'))
  const talks = Array.isArray(data) ? data : data.talks
  if (!Array.isArray(talks)) throw new Error(`${path}: expected an array of talks or { talks: [...] }`)
  return talks
}

/**
 * A corpus as the rows need it: the truth labels, and talks without any truth field.
 * The truth is the first of TRUTH_FIELDS that every talk carries. The talks are handed over
 * in a seeded random order: schedules list talks track by track, and a method that keeps
 * input order (a session grouper cutting runs, ties broken by index) would otherwise read
 * the truth from the order.
 */
function makeCorpus(name, inputTalks) {
  const rawTalks = shuffle(inputTalks, createRandom(SEED))
  const truthField = TRUTH_FIELDS.find((f) => rawTalks.length > 0 && rawTalks.every((t) => typeof t[f] === 'string'))
  const labels = truthField ? rawTalks.map((t) => t[truthField]) : null
  const talks = rawTalks.map(stripTruth)
  const index = new Map(talks.map((t, i) => [t.id, i]))
  const labelNames = labels ? [...new Set(labels)].sort() : []
  return { name, talks, labels, truthField, labelNames, index, cache: new Map() }
}

/** A shallow copy of a talk without the truth fields (nor the source record that holds them). */
function stripTruth(talk) {
  const copy = { ...talk }
  for (const field of HIDDEN_FIELDS) delete copy[field]
  return copy
}

/** Memoises one computation per corpus (the atlases are shared by several rows). */
function cached(corpus, key, compute) {
  if (!corpus.cache.has(key)) {
    try {
      corpus.cache.set(key, { value: compute() })
    } catch (error) {
      corpus.cache.set(key, { error })
    }
  }
  const entry = corpus.cache.get(key)
  if (entry.error) throw entry.error
  return entry.value
}

// ---------------------------------------------------------------------------- rows

/** Throws NotBuilt unless the library exports every named function. */
function requireApi(...names) {
  for (const name of names) if (typeof talkatlas[name] !== 'function') throw new NotBuilt(name)
}

/** Throws unless the corpus has truth labels. */
function requireLabels(corpus) {
  if (!corpus.labels) throw new Error(`no ${TRUTH_FIELDS.join('/')} label on every talk`)
  return corpus.labels
}

function themesAtTrueK(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas')
  return cached(corpus, 'themes@trueK', () => {
    const atlas = trueKAtlas(corpus)
    const { v } = talkatlas.vMeasure(labels, atlas.assignments)
    return {
      nmi: talkatlas.normalizedMutualInfo(labels, atlas.assignments),
      ari: talkatlas.adjustedRandIndex(labels, atlas.assignments),
      v,
    }
  })
}

function trueKAtlas(corpus) {
  requireApi('buildAtlas')
  return cached(corpus, 'atlas@trueK', () =>
    talkatlas.buildAtlas(corpus.talks, { ...candidateOptions, k: corpus.labelNames.length, seed: SEED }),
  )
}

function themesAtAutoK(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas')
  return cached(corpus, 'themes@autoK', () => {
    const atlas = talkatlas.buildAtlas(corpus.talks, { ...candidateOptions, seed: SEED })
    return { atlas, k: atlas.themes.length, nmi: talkatlas.normalizedMutualInfo(labels, atlas.assignments) }
  })
}

/** The theme groups of the auto-k atlas against the truth: the group of each talk's theme. */
function groupsAtAuto(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas', 'cutThemes')
  const { atlas } = themesAtAutoK(corpus)
  const groupOfId = new Map(atlas.groups.flatMap((group, g) => group.themes.map((id) => [id, g])))
  const predicted = Array.from(atlas.assignments, (c) => groupOfId.get(atlas.themes[c].id))
  return { groups: atlas.groups.length, nmi: talkatlas.normalizedMutualInfo(labels, predicted) }
}

/** precision@k of the related lists of every talk (one list of RELATED_TOP per talk, shared by the rows). */
function relatedPrecision(corpus, k) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas', 'relatedTalks')
  const neighbours = cached(corpus, 'related', () => {
    const atlas = trueKAtlas(corpus)
    return corpus.talks.map((talk) => talkatlas.relatedTalks(atlas, talk.id, { top: RELATED_TOP }).map((r) => indexOf(corpus, r.id)))
  })
  return talkatlas.precisionAtK(neighbours, labels, k)
}

/** precision@RELATED_TOP of the related lists on the automatic-k atlas (what users get by default). */
function relatedPrecisionAtAutoK(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas', 'relatedTalks')
  const { atlas } = themesAtAutoK(corpus)
  const neighbours = corpus.talks.map((talk) => talkatlas.relatedTalks(atlas, talk.id, { top: RELATED_TOP }).map((r) => indexOf(corpus, r.id)))
  return talkatlas.precisionAtK(neighbours, labels, RELATED_TOP)
}

/**
 * Tags named after the labels, no examples: the anchor's "track name vs talk" setup.
 * tagTalks(atlas, themes) with themes `{ name, examples?: talkIds[] }[]`, default options;
 * the result's `talks[i].tags[0].theme` is the best tag of talk i.
 */
function zeroShotAccuracy(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas', 'tagTalks')
  const atlas = trueKAtlas(corpus)
  const tags = corpus.labelNames.map((name) => ({ name }))
  return talkatlas.accuracy(labels, bestTags(corpus, talkatlas.tagTalks(atlas, tags)))
}

/** Tags with FEW_SHOT_PER_LABEL example talks each, scored on the other talks, averaged over draws. */
function fewShotAccuracy(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas', 'tagTalks')
  const atlas = trueKAtlas(corpus)
  let total = 0
  for (let draw = 0; draw < FEW_SHOT_DRAWS; draw++) {
    const examples = sampleExamples(corpus, createRandom(draw))
    const tags = corpus.labelNames.map((name) => ({ name, examples: examples.get(name).map((i) => corpus.talks[i].id) }))
    const predicted = bestTags(corpus, talkatlas.tagTalks(atlas, tags))
    const held = new Set([...examples.values()].flat())
    const test = labels.map((_, i) => i).filter((i) => !held.has(i))
    total += talkatlas.accuracy(test.map((i) => labels[i]), test.map((i) => predicted[i]))
  }
  return total / FEW_SHOT_DRAWS
}

/** Up to FEW_SHOT_PER_LABEL talk indices per label, drawn without replacement. */
function sampleExamples(corpus, random) {
  const byLabel = new Map(corpus.labelNames.map((name) => [name, []]))
  corpus.labels.forEach((label, i) => byLabel.get(label).push(i))
  for (const [name, members] of byLabel) {
    // Partial Fisher–Yates: the first m places become a uniform sample.
    const m = Math.min(FEW_SHOT_PER_LABEL, members.length)
    for (let r = 0; r < m; r++) {
      const s = r + Math.floor(random() * (members.length - r))
      ;[members[r], members[s]] = [members[s], members[r]]
    }
    byLabel.set(name, members.slice(0, m).sort((a, b) => a - b))
  }
  return byLabel
}

/**
 * Sessions of SESSION_SIZE talks: groupSessions(atlas, { size }) → { sessions: [{ talks: ids }] }.
 * The anchor (k-means clusters cut in runs of 4) cuts clusters in input order; on the
 * unshuffled FOSDEM file that order is by track, which is why it beats the same recipe on
 * the shuffled talks (0.286 all, 0.317 topical); see docs/quality.md, Sessions.
 */
function sessionPurity(corpus) {
  const labels = requireLabels(corpus)
  requireApi('buildAtlas', 'groupSessions')
  const result = talkatlas.groupSessions(trueKAtlas(corpus), { size: SESSION_SIZE })
  const sessions = Array.isArray(result) ? result : result.sessions
  if (!Array.isArray(sessions)) throw new Error('groupSessions: unrecognised result shape')
  const groups = sessions.map((s) => (Array.isArray(s) ? s : s.talkIds ?? s.talks).map((t) => indexOf(corpus, idOf(t))))
  return talkatlas.pairPurity(groups, labels)
}

/**
 * The best tag name per talk (null when a talk got none) from a tagTalks result: an array
 * or `{ talks | assignments }`, one entry per talk (with `id`, else in input order),
 * holding `tags` best first as names or `{ theme | name | tag | label }`, or a single `tag`.
 */
function bestTags(corpus, result) {
  const entries = Array.isArray(result) ? result : result?.talks ?? result?.assignments
  if (!Array.isArray(entries)) throw new Error('tagTalks: unrecognised result shape')
  const best = new Array(corpus.talks.length).fill(null)
  entries.forEach((entry, position) => {
    const i = entry?.id === undefined ? position : indexOf(corpus, entry.id)
    const first = Array.isArray(entry?.tags) ? entry.tags[0] : entry?.tag
    best[i] = first == null ? null : typeof first === 'string' ? first : first.theme ?? first.name ?? first.tag ?? first.label ?? null
  })
  return best
}

function idOf(talk) {
  return typeof talk === 'string' ? talk : talk.id
}

function indexOf(corpus, id) {
  const i = corpus.index.get(id)
  if (i === undefined) throw new Error(`unknown talk id ${JSON.stringify(id)} in a result`)
  return i
}


// ---------------------------------------------------------------------------- output

function formatValue(row, value) {
  return row.integer ? String(value) : value.toFixed(3)
}

function formatCell(row, cell) {
  const anchor = cell.anchor === null ? '' : ` (sk ${formatValue(row, cell.anchor)})`
  if (cell.status) return `n/a (${cell.status})${anchor}`
  if (cell.error) return `error (see below)${anchor}`
  return `${formatValue(row, cell.value)}${anchor}`
}

function printTable(corpora, skipped, figures) {
  for (const line of skipped) console.log(line)
  if (corpora.length === 0) {
    console.log('no corpus to evaluate')
    return
  }
  const header = ['metric', ...corpora.map((c) => c.name)]
  const sizes = ['talks / labels', ...corpora.map((c) => `${c.talks.length} / ${c.labels ? c.labelNames.length : 'none'}`)]
  const body = ROWS.filter((row) => figures[row.key]).map((row) => [row.label, ...corpora.map((c) => formatCell(row, figures[row.key][c.name]))])
  const table = [header, sizes, ...body]
  const widths = header.map((_, j) => Math.max(...table.map((line) => line[j].length)))
  const render = (line) => line.map((text, j) => text.padEnd(widths[j])).join('  ').trimEnd()
  console.log(render(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const line of table.slice(1)) console.log(render(line))
  console.log('\n(sk x) = scikit-learn 1.2.1 anchor on the same talks, see docs/quality.md; seed', SEED)
  if (Object.keys(candidateOptions).length > 0) console.log('options on top of the defaults:', JSON.stringify(candidateOptions))
  for (const row of ROWS) {
    for (const c of corpora) {
      const cell = figures[row.key]?.[c.name]
      if (!cell) continue
      if (cell.error) console.log(`error: ${row.label} on ${c.name}: ${cell.error}`)
    }
  }
}

function printJson(corpora, skipped, figures) {
  const out = {
    seed: SEED,
    options: candidateOptions,
    skipped,
    corpora: Object.fromEntries(
      corpora.map((c) => [c.name, { talks: c.talks.length, labels: c.labels ? c.labelNames.length : null, truthField: c.truthField ?? null }]),
    ),
    metrics: Object.fromEntries(ROWS.filter((row) => figures[row.key]).map((row) => [row.key, { label: row.label, corpora: figures[row.key] }])),
  }
  console.log(JSON.stringify(out, null, 2))
}
