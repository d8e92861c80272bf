// talkatlas benchmark: `npm run bench [-- options]`. Figures, not pass/fail.
//
// Builds deterministic synthetic corpora of 1,000 / 10,000 / 100,000 talks with two
// generators, writes each to a JSON file, and measures on that same file:
//   - `topics`: generateCorpus (seeded topics over an invented lexicon; well-separated clusters);
//   - `resampled`: each talk mixes the words of two real talks, 80 % / 20 %
//     (bench/resampleCorpus.mjs), from --base (default: fosdem-2025.json in --corpora, else
//     the project's labelled fixtures); weak clusters, as real abstracts mix subjects;
//   - the library in one child process per corpus (`node --expose-gc`, so that peak RSS is
//     per corpus): read, tokenisation MB/s, vectorise s, buildAtlas s at k = 100,
//     related-talk and search query latency p50 / p99, peak RSS;
//   - the CLI as a whole process: `node dist/cli.js themes <file> --k 100 --format json
//     --out -` with stdout counted and dropped, wall time, CPU time and peak RSS;
//   - scikit-learn's TF-IDF + LSA(100) + KMeans(k) (bench/sklearn_on_file.py) when
//     /usr/bin/python3 has sklearn;
// then the package as a user gets it (scripts/packageFigures.mjs: import time ESM/CJS, browser
// bundle, installed footprint of the packed tarball), then the same on the real FOSDEM corpus when ../shared/corpora exists, the growth of each
// figure from 10,000 to 100,000 talks, and the project's performance targets.
//
// Options:
//   --sizes 1000,10000,100000   synthetic corpus sizes (or TALKATLAS_BENCH_SIZES=10000,…)
//   --generators topics,resampled  which synthetic generators to run
//   --base <file>               corpus the resampled generator draws from
//   --repeat 3                  whole-process runs of talkatlas themes and scikit-learn per
//                               file, interleaved (talkatlas, sklearn, talkatlas, …); medians
//   --skip-library              do not run the in-process library measurements
//   --seed 42                   generator and clustering seed
//   --emit <file> --size N      only write one synthetic corpus as JSON and exit (N default 100000;
//                               --generator topics|resampled, --base as above)
//   --skip-sklearn              do not run the scikit-learn reference
//   --skip-cli                  do not time the CLI
//   --related-size 20000        also time `talkatlas related` (every talk) on a corpus of this size,
//                               next to `themes` on it; 0 skips. `report` is timed on the largest
//                               synthetic corpus next to its `themes` run.
//   --corpora <dir>             real corpora directory (default ../shared/corpora from the repo root)
//   --queries 200               related/search queries per corpus (after 20 warm-up queries)
//   --timeout 900               seconds allowed per child process
//   --json <file>               also write every figure as JSON
//   --keep                      keep the emitted corpus files (printed at the end)
//   --skip-package              do not measure the package (import time, browser bundle, install)
//   --fosdem-only               only the FOSDEM 2025 row (no synthetic corpora, no related timing)
// Internal: --child --file <file> [--k 100|auto] runs the library measurements on one file.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { printTable } from './shared.mjs'
import { packageFigures } from './packageFigures.mjs'
import { readBaseTalks, resampleCorpus } from '../bench/resampleCorpus.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const DIST = join(ROOT, 'dist', 'index.js')
const DIST_EVAL = join(ROOT, 'dist', 'eval.js')
const CLI = join(ROOT, 'dist', 'cli.js')
const SELF = fileURLToPath(import.meta.url)
const SKLEARN_SCRIPT = join(ROOT, 'bench', 'sklearn_on_file.py')
const RSS_HOOK = join(ROOT, 'bench', 'peak-rss.cjs')
const PYTHON = '/usr/bin/python3'
const WARM_UP_QUERIES = 20
const FOSDEM_FILE = 'fosdem-2025.json'
/** FOSDEM 2025 has 78 tracks: the k the scikit-learn anchors use on it. */
const FOSDEM_TRACKS = 78

/**
 * NMI of a clustering against the talks' own labels (`topic` of synthetic talks, `track` of
 * FOSDEM), or undefined when a talk has none: quality next to speed, in the same run.
 */
function truthNmi(api, talks, assignments) {
  const truth = talks.map((talk) => talk.topic ?? talk.track)
  if (truth.some((label) => label === undefined || label === '') || typeof api.normalizedMutualInfo !== 'function') return undefined
  return api.normalizedMutualInfo(truth, Array.from(assignments))
}

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: process.env.TALKATLAS_BENCH_SIZES ?? '1000,10000,100000' },
    generators: { type: 'string', default: 'topics,resampled' },
    generator: { type: 'string', default: 'topics' },
    base: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'skip-library': { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    emit: { type: 'string' },
    size: { type: 'string' },
    'skip-sklearn': { type: 'boolean', default: false },
    'skip-cli': { type: 'boolean', default: false },
    'skip-package': { type: 'boolean', default: false },
    'fosdem-only': { type: 'boolean', default: false },
    'related-size': { type: 'string', default: '20000' },
    corpora: { type: 'string', default: '../shared/corpora' },
    queries: { type: 'string', default: '200' },
    timeout: { type: 'string', default: '900' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
    file: { type: 'string' },
    k: { type: 'string', default: '100' },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (options.help) {
  const header = readFileSync(SELF, 'utf8').split('\n').filter((line) => line.startsWith('//'))
  console.log(header.map((line) => line.slice(3)).join('\n'))
} else if (options.emit !== undefined) {
  await emitCorpus(options.emit, integerOption('size', options.size ?? '100000'), integerOption('seed', options.seed), options.generator)
} else if (options.child) {
  await measureLibrary(requireOption('file', options.file), options.k, integerOption('seed', options.seed))
} else {
  await runBench()
}

// ---------------------------------------------------------------------------------------
// Emitting a corpus

/**
 * Writes a synthetic corpus as `{ source, talks }` JSON: `generateCorpus({ talks: size, seed })`
 * (`topics`) or talks resampled from the base corpus (`resampled`).
 * @param {string} file Output path.
 * @param {number} size Number of talks.
 * @param {number} seed Generator seed.
 * @param {string} generator `topics` or `resampled`.
 */
async function emitCorpus(file, size, seed, generator) {
  const started = performance.now()
  let talks
  let source
  if (generator === 'resampled') {
    const base = baseCorpus()
    talks = resampleCorpus(readBaseTalks(base.file), size, seed)
    source = `talkatlas bench: ${size} talks resampled from ${base.name} (80 % / 20 % of two talks' words), seed ${seed}`
  } else if (generator === 'topics') {
    const { generateCorpus } = await import(DIST_EVAL)
    talks = generateCorpus({ talks: size, seed })
    source = `talkatlas synthetic corpus: generateCorpus({ talks: ${size}, seed: ${seed} })`
  } else {
    console.error(`bench: --generator=${generator} is invalid, expected topics or resampled`)
    process.exit(2)
  }
  const generateSeconds = (performance.now() - started) / 1000
  let abstractBytes = 0
  for (const talk of talks) abstractBytes += Buffer.byteLength(talk.abstract)
  writeFileSync(file, JSON.stringify({ source, talks }))
  const fileMB = statSync(file).size / 1e6
  const peakRssMB = process.resourceUsage().maxRSS / 1024
  const result = { talks: size, seed, generateSeconds, abstractMB: abstractBytes / 1e6, fileMB, peakRssMB }
  if (options.child) console.log(`RESULT ${JSON.stringify(result)}`)
  else console.log(`wrote ${file}: ${size} talks, ${fmt(result.abstractMB, 1)} MB of abstracts, ${fmt(fileMB, 1)} MB of JSON, generated in ${fmt(generateSeconds, 2)} s`)
}

/** Labelled fixtures the resampled generator falls back to without a base corpus. */
const FIXTURE_BASES = ['lpc-networking-bpf.json', 'ml-workshop.json', 'bilingual-congress.json']

/**
 * The corpus the resampled generator draws from: --base, else fosdem-2025.json in --corpora,
 * else the project's labelled fixtures joined into one file.
 * @returns {{ file: string, name: string }}
 */
function baseCorpus() {
  if (options.base !== undefined) return { file: resolve(options.base), name: basename(options.base) }
  const real = join(resolve(ROOT, options.corpora), FOSDEM_FILE)
  if (existsSync(real)) return { file: real, name: FOSDEM_FILE }
  const joined = join(tmpdir(), `talkatlas-bench-fixtures-${process.pid}.json`)
  const talks = FIXTURE_BASES.flatMap((name) => JSON.parse(readFileSync(join(ROOT, 'fixtures', name), 'utf8')).talks)
  writeFileSync(joined, JSON.stringify({ talks }))
  process.on('exit', () => rmSync(joined, { force: true }))
  return { file: joined, name: `the project's fixtures (${FIXTURE_BASES.join(', ')})` }
}

// ---------------------------------------------------------------------------------------
// Library measurements (child process)

/**
 * Measures the library on one talks file and prints `RESULT {json}`. Each stage runs only
 * when the build exports it; a stage that throws is reported with its message.
 * @param {string} file Talks JSON (`{ talks }` or an array).
 * @param {string} kOption `auto` or an integer.
 * @param {number} seed Clustering seed.
 */
async function measureLibrary(file, kOption, seed) {
  const api = await import(DIST)
  const result = { notes: [] }
  const note = (stage, error) => result.notes.push(`${stage}: ${error instanceof Error ? error.message : String(error)}`)

  let started = performance.now()
  const talks = loadTalks(file)
  result.readSeconds = seconds(started)
  result.talks = talks.length
  result.fileMB = statSync(file).size / 1e6
  const texts = talks.map((talk) => `${talk.title}\n${talk.abstract}`)
  let textBytes = 0
  for (const text of texts) textBytes += Buffer.byteLength(text)
  result.textMB = textBytes / 1e6

  if (typeof api.tokenize === 'function') {
    try {
      collect()
      started = performance.now()
      let tokens = 0
      for (let i = 0; i < texts.length; i++) tokens += api.tokenize(texts[i]).length
      result.tokenizeSeconds = seconds(started)
      result.tokenizeMBps = result.textMB / result.tokenizeSeconds
      result.tokens = tokens
    } catch (error) {
      note('tokenize', error)
    }
  } else result.notes.push('tokenize: not exported yet')

  if (typeof api.fitTfidf === 'function') {
    try {
      collect()
      started = performance.now()
      const fitted = api.fitTfidf(talks)
      result.vectorizeSeconds = seconds(started)
      result.nnz = fitted.matrix.indptr[fitted.matrix.nRows]
      result.terms = fitted.matrix.nCols
    } catch (error) {
      note('fitTfidf', error)
    }
  } else result.notes.push('fitTfidf: not exported yet')

  let atlas
  if (typeof api.buildAtlas === 'function') {
    try {
      collect()
      const atlasOptions = kOption === 'auto' ? { seed } : { k: integerOption('k', kOption), seed }
      started = performance.now()
      const cpuStarted = process.cpuUsage()
      atlas = api.buildAtlas(talks, atlasOptions)
      result.atlasSeconds = seconds(started)
      result.atlasCpuSeconds = cpuSeconds(cpuStarted)
      result.themes = atlas.themes.length
      result.k = kOption
      result.nmi = truthNmi(api, talks, atlas.assignments)
      if (atlas.matrix) {
        result.nnz = atlas.matrix.indptr[atlas.matrix.nRows]
        result.terms = atlas.matrix.nCols
      }
    } catch (error) {
      note('buildAtlas', error)
    }
  } else result.notes.push('buildAtlas: not exported yet')

  const nQueries = integerOption('queries', options.queries)
  const picks = spreadIndices(talks.length, nQueries + WARM_UP_QUERIES)
  if (atlas !== undefined && typeof api.relatedTalks === 'function') {
    try {
      result.related = timeQueries(picks, (i) => api.relatedTalks(atlas, talks[i].id, { top: 10 }))
    } catch (error) {
      note('relatedTalks', error)
    }
  } else if (typeof api.relatedTalks !== 'function') result.notes.push('relatedTalks: not exported yet')
  if (atlas !== undefined && typeof api.searchTalks === 'function') {
    try {
      result.search = timeQueries(picks, (i) => api.searchTalks(atlas, talks[i].title, { top: 10 }))
    } catch (error) {
      note('searchTalks', error)
    }
  } else if (typeof api.searchTalks !== 'function') result.notes.push('searchTalks: not exported yet')

  result.peakRssMB = process.resourceUsage().maxRSS / 1024
  console.log(`RESULT ${JSON.stringify(result)}`)
}

/**
 * Runs one query per pick and returns latency percentiles in milliseconds; the first
 * WARM_UP_QUERIES queries warm the JIT and are not counted.
 * @param {number[]} picks Talk indices to query.
 * @param {(i: number) => unknown} query One query.
 */
function timeQueries(picks, query) {
  collect()
  const durations = []
  for (let q = 0; q < picks.length; q++) {
    const started = performance.now()
    query(picks[q])
    if (q >= WARM_UP_QUERIES) durations.push(performance.now() - started)
  }
  durations.sort((a, b) => a - b)
  return { queries: durations.length, p50: percentile(durations, 0.5), p99: percentile(durations, 0.99), max: durations.at(-1) }
}

/**
 * Nearest-rank percentile of sorted values.
 * @param {number[]} sorted Ascending values.
 * @param {number} p Fraction in (0, 1].
 */
function percentile(sorted, p) {
  if (sorted.length === 0) return undefined
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

/**
 * `count` indices spread evenly over 0 … n − 1 (deterministic, no PRNG needed), wrapping
 * around when count > n.
 * @param {number} n Number of talks.
 * @param {number} count Number of indices.
 */
function spreadIndices(n, count) {
  const picks = []
  for (let q = 0; q < count && n > 0; q++) picks.push(Math.floor(((q * 0.6180339887498949) % 1) * n))
  return picks
}

/**
 * Talks from a `{ talks }` or array JSON file, with string ids.
 * @param {string} file Path.
 */
function loadTalks(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'))
  const talks = Array.isArray(data) ? data : data.talks
  for (let i = 0; i < talks.length; i++) {
    const talk = talks[i]
    if (typeof talk.id !== 'string') talk.id = String(talk.id ?? `talk-${i + 1}`)
    if (typeof talk.abstract !== 'string') talk.abstract = ''
    if (typeof talk.title !== 'string') talk.title = ''
  }
  return talks
}

/** Runs a full garbage collection when node runs with --expose-gc, so stages start even. */
function collect() {
  if (typeof globalThis.gc === 'function') globalThis.gc()
}

// ---------------------------------------------------------------------------------------
// Orchestration (parent process)

async function runBench() {
  const seed = integerOption('seed', options.seed)
  const sizes = options['fosdem-only'] ? [] : options.sizes.split(',').map((size) => integerOption('sizes', size.trim()))
  const timeoutMs = integerOption('timeout', options.timeout) * 1000
  const environment = describeEnvironment()
  console.log(`talkatlas benchmark — ${environment.line}`)
  console.log(`seed ${seed}; one child process per corpus and tool; times are wall-clock seconds\n`)

  if (!existsSync(DIST)) throw new Error(`${relative(ROOT, DIST)} is missing: run npm run build`)
  const sklearn = options['skip-sklearn'] ? { skipped: 'skipped (--skip-sklearn)' } : detectSklearn()
  console.log(`sklearn: ${sklearn.version ?? sklearn.skipped}`)
  const workDir = mkdtempSync(join(tmpdir(), 'talkatlas-bench-'))
  const cli = options['skip-cli'] ? { skipped: 'skipped (--skip-cli)' } : probeCli(workDir, seed, timeoutMs)
  const cliAvailable = cli.skipped === undefined
  console.log(`cli: ${cli.skipped ?? relative(ROOT, CLI)}`)
  const rows = []
  try {
    const repeat = Math.max(1, integerOption('repeat', options.repeat))
    const generators = options.generators.split(',').map((name) => name.trim()).filter(Boolean)
    for (const generator of generators) {
      for (const size of sizes) {
        const file = join(workDir, `${generator}-${size}-seed${seed}.json`)
        const corpus = `${generator} ${shortCount(size)}`
        progress(`${corpus}: generating`)
        const emitted = runNodeChild([SELF, '--emit', file, '--size', String(size), '--seed', String(seed), '--generator', generator, '--child', '--corpora', options.corpora, ...(options.base ? ['--base', options.base] : [])], timeoutMs)
        const row = { corpus, generator, size, k: '100', emitted }
        if (emitted.error === undefined) {
          if (!options['skip-library']) {
            progress(`${corpus}: library`)
            row.library = runNodeChild(['--expose-gc', SELF, '--child', '--file', file, '--k', '100', '--seed', String(seed), '--queries', options.queries], timeoutMs)
          }
          Object.assign(row, await interleavedRuns(corpus, file, ['--k', '100'], 100, repeat, { cliAvailable, sklearn, timeoutMs }))
          if (cliAvailable && size === Math.max(...sizes) && generator === generators[0] && integerOption('related-size', options['related-size']) > 0) {
            progress(`${corpus}: cli report`)
            row.report = await runCli(file, ['--k', '100'], timeoutMs, ['report', join(workDir, 'report.html')])
            rmSync(join(workDir, 'report.html'), { force: true })
          }
        }
        rows.push(row)
        if (!options.keep) rmSync(file, { force: true })
      }
    }

    const relatedSize = options['fosdem-only'] ? 0 : integerOption('related-size', options['related-size'])
    if (cliAvailable && relatedSize > 0) rows.push(await benchRelated(workDir, relatedSize, seed, timeoutMs))

    const corporaDir = resolve(ROOT, options.corpora)
    const realFile = join(corporaDir, FOSDEM_FILE)
    let realNote
    if (existsSync(realFile)) {
      const row = { corpus: 'fosdem-2025', generator: 'real', size: 1093, k: 'auto', real: true }
      if (!options['skip-library']) {
        progress('fosdem-2025: library')
        row.library = runNodeChild(['--expose-gc', SELF, '--child', '--file', realFile, '--k', 'auto', '--seed', String(seed), '--queries', options.queries], timeoutMs)
        row.size = row.library.talks ?? row.size
      }
      Object.assign(row, await interleavedRuns('fosdem-2025', realFile, [], FOSDEM_TRACKS, repeat, { cliAvailable, sklearn, timeoutMs }))
      rows.push(row)
    } else {
      realNote = `fosdem-2025: skipped: ${options.corpora} not found`
    }
    progress(options['skip-package'] ? '' : 'package: import time, browser bundle, install footprint')
    const packageRows = options['skip-package'] ? undefined : await packageFigures()
    progress('')

    printReport(rows, { sklearn, cli, realNote })
    if (packageRows !== undefined) {
      console.log('\nThe package (import: median of 7 fresh processes; bundle: esbuild --minify, gzip -9; install: npm pack, npm install into an empty folder)\n')
      printTable(['figure', 'value', 'target'], packageRows)
    }
    // Other processes on the machine inflate every time above; say how busy it was.
    console.log(`\nload average (1, 5, 15 min): at start ${environment.load}; at end ${formatLoad()}`)
    if (options.json !== undefined) {
      writeFileSync(options.json, `${JSON.stringify({ environment, seed, sklearn, rows, package: packageRows }, null, 2)}\n`)
      console.log(`\nwrote ${options.json}`)
    }
    if (options.keep) console.log(`\ncorpus files kept in ${workDir}`)
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true })
  }
}

/**
 * `talkatlas themes` and scikit-learn's pipeline as whole processes on the same file,
 * `repeat` times each, interleaved (talkatlas, sklearn, talkatlas, …) so that both meet the
 * same load on a shared machine; each figure is the median of its runs, and `ratio` the
 * median of the per-pair ratios.
 * @param {string} corpus Name for progress lines.
 * @param {string} file Talks file.
 * @param {string[]} extra Extra CLI arguments.
 * @param {number} k scikit-learn's k.
 * @param {number} repeat Runs of each.
 * @param {{ cliAvailable: boolean, sklearn: object, timeoutMs: number }} tools What can run.
 */
async function interleavedRuns(corpus, file, extra, k, repeat, { cliAvailable, sklearn, timeoutMs }) {
  const cliRuns = []
  const sklearnRuns = []
  for (let r = 0; r < repeat; r++) {
    if (cliAvailable) {
      progress(`${corpus}: talkatlas themes (${r + 1}/${repeat})`)
      cliRuns.push(await runCli(file, extra, timeoutMs))
    }
    if (sklearn.version !== undefined) {
      progress(`${corpus}: sklearn (${r + 1}/${repeat})`)
      sklearnRuns.push(runSklearn(file, k, timeoutMs))
    }
  }
  const out = {}
  if (cliRuns.length > 0) out.cli = medianRun(cliRuns)
  if (sklearnRuns.length > 0) out.sklearn = medianRun(sklearnRuns)
  const ratios = []
  const cpuRatios = []
  for (let r = 0; r < Math.min(cliRuns.length, sklearnRuns.length); r++) {
    if (cliRuns[r].error || sklearnRuns[r].error) continue
    ratios.push(cliRuns[r].wallSeconds / sklearnRuns[r].wallSeconds)
    if (cliRuns[r].cpuSeconds > 0 && sklearnRuns[r].processCpuSeconds > 0) cpuRatios.push(cliRuns[r].cpuSeconds / sklearnRuns[r].processCpuSeconds)
  }
  if (ratios.length > 0) out.ratio = median(ratios)
  if (cpuRatios.length > 0) out.cpuRatio = median(cpuRatios)
  out.runs = ratios.length
  return out
}

/**
 * The first failed run, or every numeric field replaced by its median over the runs.
 * @param {object[]} runs Runs of one command.
 */
function medianRun(runs) {
  const failed = runs.find((run) => run.error)
  if (failed) return failed
  const merged = { ...runs[0] }
  for (const [key, value] of Object.entries(runs[0])) {
    if (typeof value === 'number') merged[key] = median(runs.map((run) => run[key]))
  }
  return merged
}

/**
 * Median of numbers (mean of the middle two for an even count).
 * @param {number[]} values Numbers.
 */
function median(values) {
  const sorted = values.filter((v) => typeof v === 'number').sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * `talkatlas related` for every talk of a synthetic corpus, and `themes` on the same file.
 * @param {string} workDir Scratch directory.
 * @param {number} size Number of talks.
 * @param {number} seed Generator seed.
 * @param {number} timeoutMs Time limit.
 */
async function benchRelated(workDir, size, seed, timeoutMs) {
  const file = join(workDir, `synthetic-${size}-related.json`)
  progress(`synthetic ${size}: related`)
  const emitted = runNodeChild([SELF, '--emit', file, '--size', String(size), '--seed', String(seed), '--child'], timeoutMs)
  const row = { corpus: `synthetic ${shortCount(size)} (related)`, size, allPairs: true, emitted }
  if (emitted.error === undefined) {
    // `related` builds its themes with k = auto (it has no --k); `themes` does the same here.
    row.related = await runCli(file, [], timeoutMs, ['related'])
    row.cli = await runCli(file, [], timeoutMs)
  }
  rmSync(file, { force: true })
  return row
}

/**
 * Checks that `talkatlas themes` really writes themes before timing it: runs it once on a
 * small corpus with `--out <file>` and expects a non-empty JSON file. Returns `{}` when the
 * CLI works, `{ skipped: reason }` otherwise.
 * @param {string} workDir Scratch directory.
 * @param {number} seed Generator seed.
 * @param {number} timeoutMs Time limit.
 */
function probeCli(workDir, seed, timeoutMs) {
  if (!existsSync(CLI)) return { skipped: `n/a (${relative(ROOT, CLI)} not built yet)` }
  const input = join(workDir, 'probe-talks.json')
  const output = join(workDir, 'probe-themes.json')
  const emitted = runNodeChild([SELF, '--emit', input, '--size', '200', '--seed', String(seed), '--child'], timeoutMs)
  if (emitted.error) return { skipped: `n/a (could not write a probe corpus: ${emitted.error})` }
  const run = spawnSync(process.execPath, [CLI, 'themes', input, '--k', '5', '--format', 'json', '--out', output], { encoding: 'utf8', timeout: timeoutMs })
  const failure = describeFailure(run, timeoutMs)
  let written = false
  try {
    written = statSync(output).size > 0 && JSON.parse(readFileSync(output, 'utf8')) !== null
  } catch {
    written = false
  }
  rmSync(input, { force: true })
  rmSync(output, { force: true })
  if (failure !== undefined) return { skipped: `n/a (talkatlas themes on a 200-talk probe: ${failure})` }
  if (!written) return { skipped: 'n/a (talkatlas themes --format json --out <file> wrote no JSON on a 200-talk probe)' }
  return {}
}

/**
 * Runs this script (or another node entry) in a child process and parses its RESULT line.
 * @param {string[]} args Node arguments.
 * @param {number} timeoutMs Time limit.
 */
function runNodeChild(args, timeoutMs) {
  const started = performance.now()
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs })
  const wallSeconds = seconds(started)
  const failure = describeFailure(run, timeoutMs)
  if (failure !== undefined) return { error: failure, wallSeconds }
  const line = run.stdout.split('\n').findLast((l) => l.startsWith('RESULT '))
  if (line === undefined) return { error: 'no RESULT line', wallSeconds }
  return { ...JSON.parse(line.slice('RESULT '.length)), wallSeconds }
}

/**
 * Times `talkatlas themes <file> … --format json --out -` as a whole process, with its peak
 * RSS and CPU time read back through bench/peak-rss.cjs. The JSON goes to stdout and is
 * counted and dropped here: `--out /dev/null` would make the CLI's atomic write rename a
 * temporary file over /dev/null, which as root replaces the device with a regular file.
 * @param {string} file Talks file.
 * @param {string[]} extra Extra CLI arguments (`--k 100`).
 * @param {number} timeoutMs Time limit.
 * @param {string[]} commandArgs `['themes']`, `['related']` or `['report', <html file>]`.
 */
async function runCli(file, extra, timeoutMs, commandArgs = ['themes']) {
  const rssFile = join(tmpdir(), `talkatlas-bench-rss-${process.pid}.txt`)
  rmSync(rssFile, { force: true })
  const cliArgs = commandArgs[0] === 'report' ? ['report', file, ...extra, '--out', commandArgs[1], '--quiet'] : [commandArgs[0], file, ...extra, '--format', 'json', '--out', '-', '--quiet']
  const command = `talkatlas ${cliArgs.map((arg) => (arg === file ? basename(file) : arg)).join(' ')}`
  const started = performance.now()
  const child = spawn(process.execPath, ['--require', RSS_HOOK, CLI, ...cliArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TALKATLAS_PEAK_RSS_FILE: rssFile },
  })
  let outputBytes = 0
  child.stdout.on('data', (chunk) => {
    outputBytes += chunk.length
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 65536) stderr += chunk
  })
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    child.kill('SIGKILL')
  }, timeoutMs)
  const [status, signal] = await once(child, 'close')
  clearTimeout(timer)
  const wallSeconds = seconds(started)
  const usage = existsSync(rssFile) ? JSON.parse(readFileSync(rssFile, 'utf8')) : {}
  rmSync(rssFile, { force: true })
  const failure = describeFailure({ status, signal, stderr, error: timedOut ? { code: 'ETIMEDOUT' } : undefined }, timeoutMs)
  if (failure !== undefined) return { command, error: failure }
  if (cliArgs[0] === 'report') outputBytes = statSync(cliArgs[cliArgs.indexOf('--out') + 1]).size
  return { command, wallSeconds, cpuSeconds: usage.cpuSeconds, peakRssMB: usage.maxRSS === undefined ? undefined : usage.maxRSS / 1024, outputMB: outputBytes / 1e6 }
}

/**
 * Runs bench/sklearn_on_file.py on a file and parses its RESULT line.
 * @param {string} file Talks file.
 * @param {number} k Number of clusters.
 * @param {number} timeoutMs Time limit.
 */
function runSklearn(file, k, timeoutMs) {
  const started = performance.now()
  const run = spawnSync(PYTHON, [SKLEARN_SCRIPT, file, '--k', String(k)], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 })
  const wallSeconds = seconds(started)
  const failure = describeFailure(run, timeoutMs)
  if (failure !== undefined) return { error: failure }
  const line = run.stdout.split('\n').findLast((l) => l.startsWith('RESULT '))
  if (line === undefined) return { error: 'no RESULT line' }
  return { ...JSON.parse(line.slice('RESULT '.length)), k, wallSeconds }
}

/**
 * Why a child run failed, or undefined when it exited 0.
 * @param {import('node:child_process').SpawnSyncReturns<string>} run Finished child.
 * @param {number} timeoutMs Its time limit.
 */
function describeFailure(run, timeoutMs) {
  if (run.error?.code === 'ETIMEDOUT') return `timeout after ${timeoutMs / 1000} s`
  if (run.error) return run.error.message
  if (run.status === 0) return undefined
  const lastLine = (run.stderr ?? '').trim().split('\n').filter(Boolean).at(-1) ?? ''
  return `${run.signal ? `killed by ${run.signal}` : `exit ${run.status}`}${lastLine ? `: ${lastLine.slice(0, 120)}` : ''}`
}

/** Whether /usr/bin/python3 can import sklearn, and which version. */
function detectSklearn() {
  if (!existsSync(PYTHON)) return { skipped: `not installed (${PYTHON} not found)` }
  const run = spawnSync(PYTHON, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' })
  if (run.status !== 0) return { skipped: 'not installed (apt-get install python3-sklearn, then rerun)' }
  return { version: `scikit-learn ${run.stdout.trim()} (${relative(ROOT, SKLEARN_SCRIPT)})` }
}

/** Machine, runtime and commit, for the report header. */
function describeEnvironment() {
  const cpuList = cpus()
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    // Not a git checkout: keep "unknown".
  }
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version
  const cpu = `${cpuList.length} × ${cpuList[0]?.model?.trim() ?? 'unknown CPU'}`
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`
  return {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu,
    memory,
    talkatlas: version,
    commit,
    load: formatLoad(),
    line: `talkatlas ${version} (${commit}), node ${process.version}, ${process.platform} ${process.arch}, ${cpu}, ${memory}`,
  }
}

// ---------------------------------------------------------------------------------------
// Report

/** The 1, 5 and 15-minute load averages, e.g. `0.12 0.30 0.41`. */
function formatLoad() {
  return loadavg().map((load) => load.toFixed(2)).join(' ')
}

/**
 * Prints the library table, the whole-process table, growth and targets.
 * @param {object[]} rows One per corpus.
 * @param {{ sklearn: object, cli: { skipped?: string }, realNote: string | undefined }} context Tool availability.
 */
function printReport(rows, context) {
  const allPairs = rows.filter((row) => row.allPairs)
  rows = rows.filter((row) => !row.allPairs)
  console.log('\nLibrary, in process (buildAtlas at k = 100; fosdem-2025 at k = auto)')
  printTable(
    ['corpus', 'talks', 'text MB', 'gen s', 'read s', 'tokenise MB/s', 'vectorise s', 'atlas s', 'atlas cpu s', 'themes', 'NMI', 'related p50/p99 ms', 'search p50/p99 ms', 'peak RSS MB'],
    rows.map((row) => {
      const lib = row.library ?? {}
      return [
        row.corpus,
        count(row.size),
        fmt(lib.textMB, 1),
        row.real ? '-' : fmt(row.emitted?.generateSeconds, 2),
        fmt(lib.readSeconds, 2),
        fmt(lib.tokenizeMBps, 1),
        fmt(lib.vectorizeSeconds, 2),
        fmt(lib.atlasSeconds, 2),
        fmt(lib.atlasCpuSeconds, 2),
        lib.themes === undefined ? 'n/a' : String(lib.themes),
        fmt(lib.nmi, 3),
        pair(lib.related?.p50, lib.related?.p99, 2),
        pair(lib.search?.p50, lib.search?.p99, 2),
        fmt(lib.peakRssMB, 0),
      ]
    }),
  )

  console.log('\nWhole process on the same file (talkatlas themes vs scikit-learn TF-IDF + LSA(100) + KMeans)')
  printTable(
    ['corpus', 'file MB', 'talkatlas themes s', 'cpu s', 'RSS MB', 'sklearn process s', 'sklearn tfidf/svd/kmeans s', 'sklearn pipeline s', 'pipeline cpu s', 'RSS MB', 'sklearn NMI'],
    rows.map((row) => [
      row.corpus,
      fmt(row.emitted?.fileMB ?? row.library?.fileMB, 1),
      row.cli === undefined ? 'n/a' : row.cli.error ? 'n/a' : fmt(row.cli.wallSeconds, 2),
      fmt(row.cli?.cpuSeconds, 2),
      fmt(row.cli?.peakRssMB, 0),
      row.sklearn === undefined ? 'n/a' : row.sklearn.error ? 'n/a' : fmt(row.sklearn.wallSeconds, 2),
      row.sklearn?.tfidfSeconds === undefined ? 'n/a' : `${fmt(row.sklearn.tfidfSeconds, 2)} / ${fmt(row.sklearn.svdSeconds, 2)} / ${fmt(row.sklearn.kmeansSeconds, 2)}`,
      fmt(row.sklearn?.pipelineSeconds, 2),
      fmt(row.sklearn?.pipelineCpuSeconds, 2),
      fmt(row.sklearn?.peakRssMB, 0),
      fmt(row.sklearn?.nmi, 3),
    ]),
  )

  const notes = collectNotes(rows, context)
  if (notes.length > 0) {
    console.log('')
    for (const line of notes) console.log(`  ${line}`)
  }

  console.log(`\nRatios: talkatlas themes / scikit-learn (TF-IDF + LSA(100) + KMeans, n_init = 1), both whole processes on the same file, medians of ${options.repeat} interleaved runs`)
  printTable(
    ['corpus', 'talks', 'k', 'talkatlas s', 'sklearn s', 'ratio', 'talkatlas cpu s', 'sklearn cpu s', 'cpu ratio', 'talkatlas RSS MB', 'sklearn RSS MB', 'NMI talkatlas', 'NMI sklearn'],
    rows.map((row) => [
      row.corpus,
      count(row.size),
      row.real ? `auto (sklearn ${FOSDEM_TRACKS})` : '100',
      row.cli?.error ? 'n/a' : fmt(row.cli?.wallSeconds, 2),
      row.sklearn?.error ? 'n/a' : fmt(row.sklearn?.wallSeconds, 2),
      row.ratio === undefined ? 'n/a' : `${fmt(row.ratio, 2)}×`,
      fmt(row.cli?.cpuSeconds, 2),
      fmt(row.sklearn?.processCpuSeconds, 2),
      row.cpuRatio === undefined ? 'n/a' : `${fmt(row.cpuRatio, 2)}×`,
      fmt(row.cli?.peakRssMB, 0),
      fmt(row.sklearn?.peakRssMB, 0),
      fmt(row.library?.nmi, 3),
      fmt(row.sklearn?.nmi, 3),
    ]),
  )

  for (const generator of new Set(rows.filter((row) => !row.real).map((row) => row.generator))) {
    const small = rows.find((row) => row.size === 10_000 && row.generator === generator)
    const large = rows.find((row) => row.size === 100_000 && row.generator === generator)
    if (!small || !large) continue
    console.log(`\nGrowth from 10,000 to 100,000 talks, ${generator} (10× the talks; target: at most 11× the time)`)
    printTable(
      ['figure', '10,000', '100,000', 'growth'],
      growthFigures().map(([name, get, digits]) => {
        const a = get(small)
        const b = get(large)
        return [name, fmt(a, digits), fmt(b, digits), a > 0 && b !== undefined ? `${fmt(b / a, 1)}×` : 'n/a']
      }),
    )
  }
  const large = rows.find((row) => row.size === 100_000 && !row.real)

  console.log('\nRelated talks of every talk (talkatlas related; report = themes + related lists + page), same run')
  printTable(
    ['corpus', 'command', 's', 'cpu s', 'RSS MB', 'output MB', 'themes s (same file)', 'ratio'],
    [
      ...allPairs.map((row) => cliRatioRow(row.corpus, row.related, row.cli)),
      ...rows.filter((row) => row.report !== undefined).map((row) => cliRatioRow(row.corpus, row.report, row.cli)),
    ],
  )

  console.log('\nTargets (2-core machine; figures, not pass/fail)')
  printTable(['target', 'figure', 'status'], [...targetRows(rows), ...allPairsTargets(allPairs, large)])
}

/** Figures whose growth from 10,000 to 100,000 talks is reported: [name, getter, digits]. */
function growthFigures() {
  return [
    ['generate s', (row) => row.emitted?.generateSeconds, 2],
    ['read s', (row) => row.library?.readSeconds, 2],
    ['tokenise s', (row) => row.library?.tokenizeSeconds, 2],
    ['vectorise s', (row) => row.library?.vectorizeSeconds, 2],
    ['atlas s (k = 100)', (row) => row.library?.atlasSeconds, 2],
    ['atlas cpu s (k = 100)', (row) => row.library?.atlasCpuSeconds, 2],
    ['related p50 ms', (row) => row.library?.related?.p50, 2],
    ['search p50 ms', (row) => row.library?.search?.p50, 2],
    ['library peak RSS MB', (row) => row.library?.peakRssMB, 0],
    ['talkatlas themes s', (row) => (row.cli?.error ? undefined : row.cli?.wallSeconds), 2],
    ['talkatlas themes RSS MB', (row) => row.cli?.peakRssMB, 0],
    ['sklearn pipeline s', (row) => row.sklearn?.pipelineSeconds, 2],
    ['sklearn pipeline cpu s', (row) => row.sklearn?.pipelineCpuSeconds, 2],
  ]
}

/**
 * One row per performance target: [target, figure, status]. Ratios are medians of the
 * interleaved runs on the same file.
 * @param {object[]} rows All corpus rows.
 */
function targetRows(rows) {
  const cliSeconds = (row) => (row?.cli && !row.cli.error ? row.cli.wallSeconds : undefined)
  const out = []
  for (const generator of new Set(rows.filter((row) => !row.real).map((row) => row.generator))) {
    const small = rows.find((row) => row.size === 10_000 && row.generator === generator)
    const large = rows.find((row) => row.size === 100_000 && row.generator === generator)
    out.push([
      `100k ${generator}: talkatlas themes --k 100 ≤ 0.8× sklearn, both whole processes`,
      large?.ratio === undefined ? 'n/a' : `${fmt(large.ratio, 2)}× (${fmt(cliSeconds(large), 2)} s vs ${fmt(large.sklearn?.wallSeconds, 2)} s; cpu ${fmt(large.cpuRatio, 2)}×)`,
      verdict(large?.ratio, 0.8),
    ])
    out.push([`100k ${generator}: talkatlas themes peak RSS < 1.5 GB`, large?.cli?.peakRssMB === undefined ? 'n/a' : `${fmt(large.cli.peakRssMB, 0)} MB`, verdict(large?.cli?.peakRssMB, 1536)])
    const growth = cliSeconds(small) > 0 && cliSeconds(large) !== undefined ? cliSeconds(large) / cliSeconds(small) : undefined
    out.push([`10k → 100k ${generator}: talkatlas themes time ≤ 11×`, growth === undefined ? 'n/a' : `${fmt(growth, 1)}×`, verdict(growth, 11)])
  }
  const real = rows.find((row) => row.real)
  out.push([
    'fosdem-2025: talkatlas themes (defaults) ≤ 1.0× sklearn (k = 78), both whole processes',
    real === undefined ? 'skipped' : real.ratio === undefined ? 'n/a' : `${fmt(real.ratio, 2)}× (${fmt(cliSeconds(real), 2)} s vs ${fmt(real.sklearn?.wallSeconds, 2)} s; cpu ${fmt(real.cpuRatio, 2)}×)`,
    real === undefined ? 'skipped' : verdict(real.ratio, 1),
  ])
  const large = rows.find((row) => row.size === 100_000 && !row.real)
  const p50 = large?.library?.related?.p50
  out.push(['100k: related-talk query p50 < 10 ms', p50 === undefined ? 'n/a' : `${fmt(p50, 2)} ms`, verdict(p50, 10)])
  return out
}

/**
 * One row of the related/report table.
 * @param {string} corpus Corpus name.
 * @param {object | undefined} run The timed command.
 * @param {object | undefined} themes `themes` on the same file.
 */
function cliRatioRow(corpus, run, themes) {
  const ok = (r) => (r === undefined || r.error ? undefined : r)
  const ratio = ok(run) && ok(themes) ? run.wallSeconds / themes.wallSeconds : undefined
  return [corpus, run?.command?.split(' ')[1] ?? 'n/a', run?.error ? `n/a (${run.error})` : fmt(run?.wallSeconds, 2), fmt(run?.cpuSeconds, 2), fmt(run?.peakRssMB, 0), fmt(run?.outputMB, 1), fmt(ok(themes)?.wallSeconds, 2), ratio === undefined ? 'n/a' : `${fmt(ratio, 2)}×`]
}

/**
 * Targets of the all-pairs related search: [target, figure, status].
 * @param {object[]} allPairs The `related` rows.
 * @param {object | undefined} large The 100,000-talk row.
 */
function allPairsTargets(allPairs, large) {
  const related = allPairs.find((row) => row.size === 20_000)?.related
  const relatedSeconds = related && !related.error ? related.wallSeconds : undefined
  const report = large?.report && !large.report.error ? large.report.wallSeconds : undefined
  const themes = large?.cli && !large.cli.error ? large.cli.wallSeconds : undefined
  const ratio = report !== undefined && themes !== undefined ? report / themes : undefined
  return [
    ['20k: talkatlas related (every talk, whole process) < 10 s', relatedSeconds === undefined ? 'n/a' : `${fmt(relatedSeconds, 2)} s`, verdict(relatedSeconds, 10)],
    ['100k: talkatlas report ≤ 2× talkatlas themes, same file, same run', ratio === undefined ? 'n/a' : `${fmt(report, 2)} s vs ${fmt(themes, 2)} s (${fmt(ratio, 2)}×)`, verdict(ratio, 2)],
  ]
}

/**
 * `met` when value ≤ limit, `missed` when above, `n/a` when either is unknown.
 * @param {number | undefined} value Measured figure.
 * @param {number | undefined} limit Target.
 */
function verdict(value, limit) {
  if (value === undefined || limit === undefined || Number.isNaN(value)) return 'n/a'
  return value <= limit ? 'met' : 'missed'
}

/**
 * Why cells read n/a: child errors and stages the build does not export yet.
 * @param {object[]} rows All corpus rows.
 * @param {{ sklearn: object, cli: { skipped?: string }, realNote: string | undefined }} context Tool availability.
 */
function collectNotes(rows, context) {
  const notes = []
  const libraryNotes = new Set()
  for (const row of rows) {
    if (row.emitted?.error) notes.push(`${row.corpus}: generation failed: ${row.emitted.error}`)
    if (row.library?.error) notes.push(`${row.corpus}: library child failed: ${row.library.error}`)
    for (const note of row.library?.notes ?? []) {
      if (note.endsWith('not exported yet')) libraryNotes.add(note)
      else notes.push(`${row.corpus}: ${note}`)
    }
    if (row.cli?.error) notes.push(`${row.corpus}: ${row.cli.command}: ${row.cli.error}`)
    if (row.sklearn?.error) notes.push(`${row.corpus}: sklearn: ${row.sklearn.error}`)
  }
  if (libraryNotes.size > 0) notes.push(`n/a in the library table: ${[...libraryNotes].join('; ')}`)
  if (context.cli.skipped !== undefined) notes.push(`talkatlas themes: ${context.cli.skipped}`)
  if (context.sklearn.version === undefined) notes.push(`sklearn: ${context.sklearn.skipped}`)
  if (context.realNote) notes.push(context.realNote)
  return notes
}


// ---------------------------------------------------------------------------------------
// Small helpers

/**
 * A number with fixed digits, or `n/a`.
 * @param {number | undefined} value Number to format.
 * @param {number} digits Digits after the point.
 */
function fmt(value, digits) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}

/**
 * `p50 / p99`, or `n/a`.
 * @param {number | undefined} a First figure.
 * @param {number | undefined} b Second figure.
 * @param {number} digits Digits after the point.
 */
function pair(a, b, digits) {
  return a === undefined ? 'n/a' : `${fmt(a, digits)} / ${fmt(b, digits)}`
}

/**
 * A count with thousands separators, or `n/a`.
 * @param {number | undefined} n Count.
 */
function count(n) {
  return n === undefined ? 'n/a' : n.toLocaleString('en-US')
}

/**
 * `1k`, `10k`, `100k`, or the plain number.
 * @param {number} n Count.
 */
function shortCount(n) {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n)
}

/**
 * Last path segment.
 * @param {string} path Path.
 */
function basename(path) {
  return path.split('/').at(-1)
}

/**
 * CPU seconds (user + system) this process spent since `started` (a process.cpuUsage()
 * reading). Less sensitive than wall time to other processes on a shared machine.
 * @param {NodeJS.CpuUsage} started Start reading.
 */
function cpuSeconds(started) {
  const { user, system } = process.cpuUsage(started)
  return (user + system) / 1e6
}

/**
 * Seconds since `started` (a performance.now() reading).
 * @param {number} started Start time in ms.
 */
function seconds(started) {
  return (performance.now() - started) / 1000
}

/**
 * Progress on stderr, overwritten in place on a terminal.
 * @param {string} message Current step, or '' to clear.
 */
function progress(message) {
  if (!process.stderr.isTTY) {
    if (message) process.stderr.write(`… ${message}\n`)
    return
  }
  process.stderr.write(`\r\x1b[K${message ? `… ${message}` : ''}`)
}

/**
 * Parses an integer option or exits with a message naming it.
 * @param {string} name Option name.
 * @param {string | undefined} value Raw value.
 */
function integerOption(name, value) {
  const number = Number(value)
  if (value === undefined || !Number.isSafeInteger(number) || number < 0) {
    console.error(`bench: --${name}=${value} is invalid, expected an integer ≥ 0`)
    process.exit(2)
  }
  return number
}

/**
 * Returns a required string option or exits with a message naming it.
 * @param {string} name Option name.
 * @param {string | undefined} value Raw value.
 */
function requireOption(name, value) {
  if (value === undefined) {
    console.error(`bench: --${name} is required here`)
    process.exit(2)
  }
  return value
}
