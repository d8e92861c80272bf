// Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time
// and the most inclusive time, in ms and % of the sampled time.
//
// Usage: node bench/profile-summary.mjs <file.cpuprofile> [--top 25] [--match src/]
//   --match keeps only functions whose script URL contains the string (e.g. dist/index.js).
// Profile a bench stage with, for example:
//   node --cpu-prof --cpu-prof-dir=prof scripts/bench.mjs --child --file talks.json --k 100
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, match: { type: 'string', default: '' } },
})
if (positionals.length !== 1) {
  console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top 25] [--match text]')
  process.exit(2)
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'))
const top = Number(options.top)

// Self time per node: each sample's time delta is charged to the node it landed in.
const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMs = new Map()
for (let s = 0; s < profile.samples.length; s++) {
  const id = profile.samples[s]
  selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[s] ?? 0) / 1000)
}
const parent = new Map()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)

/**
 * A stable name for a call frame: function, file and line.
 * @param {{ callFrame: { functionName: string, url: string, lineNumber: number } }} node Profile node.
 */
function frameKey(node) {
  const { functionName, url, lineNumber } = node.callFrame
  const file = url ? url.replace(/^file:\/\//, '').split('/').slice(-2).join('/') : ''
  return `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`
}

const self = new Map()
const inclusive = new Map()
let total = 0
for (const [id, ms] of selfMs) {
  total += ms
  const key = frameKey(nodes.get(id))
  self.set(key, (self.get(key) ?? 0) + ms)
  // Charge every distinct frame on the stack once (recursion is not double counted).
  const seen = new Set()
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = frameKey(nodes.get(cur))
    if (seen.has(k)) continue
    seen.add(k)
    inclusive.set(k, (inclusive.get(k) ?? 0) + ms)
  }
}

const keep = (key) => !options.match || key.includes(options.match)
const print = (title, map) => {
  console.log(`\n${title}`)
  const rows = [...map].filter(([key]) => keep(key)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top)
  for (const [key, ms] of rows) console.log(`${ms.toFixed(0).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`)
}
console.log(`${positionals[0]}: ${(total / 1000).toFixed(2)} s sampled`)
print('self time', self)
print('inclusive time', inclusive)
