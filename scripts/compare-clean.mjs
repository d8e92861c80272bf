// Checks that text clean-up changes do not change what the readers produce on real files:
// runs `parseTalks` (the built library) on every fixture and, when present, every corpus in
// ../shared/corpora, and compares each talk with a snapshot taken before the change.
//
//   node scripts/compare-clean.mjs --save before.json     snapshot (on the old build)
//   node scripts/compare-clean.mjs --against before.json  compare (on the new build)
//
// Prints one row per file: talks, talks whose output differs, and the first differences.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseTalks } from '../dist/index.js'
import { printTable } from './shared.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)
const savePath = args[args.indexOf('--save') + 1]
const againstPath = args[args.indexOf('--against') + 1]
if (!args.includes('--save') && !args.includes('--against')) {
  console.error('usage: compare-clean.mjs --save FILE | --against FILE')
  process.exit(2)
}

/**
 * Input files: fixtures/ (recursively) and ../shared/corpora when present.
 * @returns {string[]} Absolute paths.
 */
function inputFiles() {
  const files = []
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.(json|xml|csv|txt)$/i.test(entry.name)) files.push(path)
    }
  }
  walk(join(root, 'fixtures'))
  const corpora = resolve(root, '../shared/corpora')
  if (existsSync(corpora)) walk(corpora)
  const seeds = resolve(root, '../shared/seeds')
  if (existsSync(seeds)) walk(seeds)
  return files.sort()
}

/**
 * Every talk of a file as one JSON line, plus the warnings, or the error message.
 * @param {string} path Input file.
 * @returns {string[]} Lines.
 */
function outputOf(path) {
  const text = readFileSync(path, 'utf8')
  try {
    const { talks, warnings } = parseTalks(text, { fileName: path.slice(path.lastIndexOf('/') + 1) })
    return [...talks.map((talk) => JSON.stringify(talk)), JSON.stringify(warnings)]
  } catch (error) {
    return [`error: ${error.message}`]
  }
}

const key = (path) => path.startsWith(root) ? path.slice(root.length + 1) : path.slice(path.lastIndexOf('/shared/') + 1)
const current = Object.fromEntries(inputFiles().map((path) => [key(path), outputOf(path)]))

if (args.includes('--save')) {
  writeFileSync(savePath, JSON.stringify(current))
  console.log(`saved ${Object.keys(current).length} files to ${savePath}`)
} else {
  const before = JSON.parse(readFileSync(againstPath, 'utf8'))
  const rows = []
  const examples = []
  let changed = 0
  for (const [file, lines] of Object.entries(current)) {
    const old = before[file]
    if (old === undefined) { rows.push([file, String(lines.length - 1), 'new file']); continue }
    let differing = 0
    for (let i = 0; i < Math.max(old.length, lines.length); i++) {
      if (old[i] === lines[i]) continue
      differing++
      if (examples.length < 10) examples.push(`${file} #${i}\n  before: ${String(old[i]).slice(0, 400)}\n  after:  ${String(lines[i]).slice(0, 400)}`)
    }
    changed += differing
    rows.push([file, String(lines.length - 1), String(differing)])
  }
  printTable(['file', 'talks', 'differing lines'], rows)
  for (const example of examples) console.log(`\n${example}`)
  process.exitCode = changed === 0 ? 0 : 1
}
