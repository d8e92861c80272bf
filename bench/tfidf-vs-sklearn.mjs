// TF-IDF fitting against scikit-learn's, on one thread, in one interleaved run.
//
// For each file, and `--repeat` times, runs in turn (one child process each, so that neither
// warms the other's caches): talkatlas's `fitTfidf` on every talk with the default options
// (one build per `--dist`, so that two builds can be compared in the same run), then
// scikit-learn's `TfidfVectorizer(max_df=0.5, min_df=2, stop_words='english',
// sublinear_tf=True).fit_transform` on "title abstract" (the recipe of sklearn_on_file.py).
// Each child times only the fit, as CPU time (`process.cpuUsage`, `time.process_time`), after
// the file is read. Prints the medians, the ratio to scikit-learn and the load average.
//
// Usage: node bench/tfidf-vs-sklearn.mjs <talks.json>… [--repeat 3] [--dist dist/index.js,…]
// Write synthetic corpora with `node scripts/bench.mjs --emit <file> --size N --generator topics|resampled`.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SELF = fileURLToPath(import.meta.url)
const PYTHON = '/usr/bin/python3'

const SKLEARN = `
import json, sys, time
from sklearn.feature_extraction.text import TfidfVectorizer
with open(sys.argv[1], encoding="utf-8") as handle:
    data = json.load(handle)
talks = data["talks"] if isinstance(data, dict) else data
docs = [f"{t.get('title', '')} {t.get('abstract', '')}" for t in talks]
started = time.process_time()
matrix = TfidfVectorizer(max_df=0.5, min_df=2, stop_words="english", sublinear_tf=True).fit_transform(docs)
print("RESULT " + json.dumps({"cpuSeconds": time.process_time() - started, "terms": matrix.shape[1], "nnz": int(matrix.nnz)}))
`

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    repeat: { type: 'string', default: '3' },
    dist: { type: 'string', default: join(ROOT, 'dist', 'index.js') },
    child: { type: 'string' },
  },
})

if (options.child !== undefined) await fitOnce(options.child, positionals[0])
else runAll()

/**
 * Child: fits TF-IDF on one file with one build and prints the CPU time.
 * @param {string} dist Path of the build's index.js.
 * @param {string} file Talks JSON file.
 */
async function fitOnce(dist, file) {
  const { fitTfidf } = await import(pathToFileURL(dist).href)
  const data = JSON.parse(readFileSync(file, 'utf8'))
  const talks = (Array.isArray(data) ? data : data.talks).map((t) => ({ title: String(t.title ?? ''), abstract: String(t.abstract ?? '') }))
  const started = process.cpuUsage()
  const { model, matrix } = fitTfidf(talks)
  const used = process.cpuUsage(started)
  const cpuSeconds = (used.user + used.system) / 1e6
  console.log(`RESULT ${JSON.stringify({ cpuSeconds, terms: model.terms.length, nnz: matrix.data.length })}`)
}

/**
 * Runs one child and parses its RESULT line.
 * @param {string} command Executable.
 * @param {string[]} args Arguments.
 */
function run(command, args) {
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' } })
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (line === undefined) throw new Error(`${command} ${args.join(' ')} failed:\n${child.stderr}`)
  return JSON.parse(line.slice(7))
}

/**
 * Median of a list of numbers.
 * @param {number[]} values Numbers.
 */
function median(values) {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
}

function runAll() {
  if (positionals.length === 0) {
    console.error('usage: node bench/tfidf-vs-sklearn.mjs <talks.json>… [--repeat 3] [--dist dist/index.js,…]')
    process.exit(2)
  }
  const dists = options.dist.split(',').map((d) => resolve(d))
  const repeat = Number(options.repeat)
  console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const rows = []
  for (const file of positionals) {
    const times = dists.map(() => [])
    const sklearn = []
    let shape
    for (let r = 0; r < repeat; r++) {
      dists.forEach((dist, i) => {
        const result = run(process.execPath, [SELF, '--child', dist, file])
        times[i].push(result.cpuSeconds)
        shape = result
      })
      sklearn.push(run(PYTHON, ['-c', SKLEARN, file]).cpuSeconds)
    }
    const reference = median(sklearn)
    const row = { file: basename(file), sklearn: reference.toFixed(2), terms: shape.terms, nnz: shape.nnz }
    dists.forEach((dist, i) => {
      const label = dists.length === 1 ? 'talkatlas' : `build ${i + 1}`
      row[label] = median(times[i]).toFixed(2)
      row[`${label} / sklearn`] = (median(times[i]) / reference).toFixed(2)
    })
    rows.push(row)
    console.log(JSON.stringify({ ...row, runs: { talkatlas: times.map((t) => t.map((s) => +s.toFixed(2))), sklearn: sklearn.map((s) => +s.toFixed(2)) } }))
  }
  if (dists.length > 1) dists.forEach((dist, i) => console.log(`build ${i + 1}: ${dist}`))
  console.table(rows)
  console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (CPU seconds, medians of ${repeat})`)
}
