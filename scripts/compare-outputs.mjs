// Checks that a refactor leaves every CLI output byte-identical: runs the built CLI
// (`dist/cli.js`, so `npm run build` first) with `--threads 1` on the fixtures and, when present,
// ../shared/corpora/fosdem-2025.json, for themes, related, search, tag, sessions and report
// (HTML and Markdown), and records the sha256 of each output's bytes.
//
//   node scripts/compare-outputs.mjs --write before.json   manifest (on the old build)
//   node scripts/compare-outputs.mjs --check before.json   compare (on the new build)
//
// --check names every output whose hash differs, is missing or is new, and exits 1 if any does.
// Keep the manifest outside the repository: the hashes belong to one build and one machine's corpora.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findSharedCorpora } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'dist', 'cli.js')

/** Each output: a name and the CLI arguments after the input path. */
const RUNS = [
  ['themes', ['themes', '--format', 'json']],
  ['related', ['related', '--format', 'json', '--top', '5']],
  ['search', ['related', '--query', 'packet scheduling', '--format', 'json']],
  ['tag', ['tag', '--format', 'json']],
  ['sessions', ['sessions', '--size', '4', '--format', 'json']],
  ['report-html', ['report']],
  ['report-md', ['report', '--format', 'md']],
]

/**
 * Input files: the two fixtures, and FOSDEM 2025 when the shared corpora are present.
 * @returns {{ name: string, path: string }[]} Inputs named relative to their folder.
 */
function inputs() {
  const files = ['lpc-networking-bpf.json', 'ml-workshop.json'].map((name) => ({ name: `fixtures/${name}`, path: join(root, 'fixtures', name) }))
  const corpora = findSharedCorpora()
  const fosdem = corpora && join(corpora, 'fosdem-2025.json')
  if (fosdem && existsSync(fosdem)) files.push({ name: 'corpora/fosdem-2025.json', path: fosdem })
  else console.error('compare-outputs: no shared corpora, fixtures only')
  return files
}

/**
 * Runs every command on every input.
 * @returns {Record<string, string>} sha256 (hex) of each output, keyed `input command`.
 */
function hashOutputs() {
  const hashes = {}
  for (const input of inputs()) {
    for (const [name, args] of RUNS) {
      const stdout = execFileSync(process.execPath, [cli, args[0], input.path, ...args.slice(1), '--threads', '1', '-q'], {
        maxBuffer: 1 << 30,
      })
      const key = `${input.name} ${name}`
      hashes[key] = createHash('sha256').update(stdout).digest('hex')
      console.error(`${key}  ${stdout.length} bytes`)
    }
  }
  return hashes
}

const args = process.argv.slice(2)
const mode = args[0]
const file = args[1]
if ((mode !== '--write' && mode !== '--check') || !file) {
  console.error('usage: compare-outputs.mjs --write FILE | --check FILE')
  process.exit(2)
}
const hashes = hashOutputs()
if (mode === '--write') {
  writeFileSync(file, `${JSON.stringify(hashes, null, 2)}\n`)
  console.log(`wrote ${Object.keys(hashes).length} hashes to ${file}`)
} else {
  const expected = JSON.parse(readFileSync(file, 'utf8'))
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(hashes)])]
  const differing = keys.filter((key) => expected[key] !== hashes[key])
  for (const key of differing) {
    const why = !(key in hashes) ? 'not produced' : !(key in expected) ? 'not in the manifest' : 'differs'
    console.log(`${key}: ${why}`)
  }
  console.log(`${keys.length - differing.length} of ${keys.length} outputs byte-identical`)
  process.exit(differing.length === 0 ? 0 : 1)
}
