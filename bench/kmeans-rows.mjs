// k-means alone on the rows `buildAtlas` clusters, for before/after measurements of the
// clustering step without the rest of the pipeline:
//
//   node --import tsx bench/kmeans-rows.mjs dump <corpus.json> <rows.bin>
//       runs the pipeline up to k-means (TF-IDF, LSA, embedding) and writes the unit rows
//       and each row's truth label (`topic`, else `track`) in the order k-means sees them;
//   node --import tsx bench/kmeans-rows.mjs run <rows.bin> [--k 100|auto] [--seed 42] [--runs 20] [--src <dir>]
//       clusters them as `buildAtlas` does (`consensusClusters`, one thread) with the sources
//       in <dir> (default: this checkout's src/) and prints CPU seconds, inertia and NMI.
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const [command, ...rest] = process.argv.slice(2)
const flag = (name, fallback) => {
  const at = rest.indexOf(`--${name}`)
  return at < 0 ? fallback : rest[at + 1]
}
const here = new URL('../src/', import.meta.url)

if (command === 'dump') await dump(rest[0], rest[1])
else if (command === 'run') await run(rest[0])
else {
  console.error('usage: kmeans-rows.mjs dump <corpus.json> <rows.bin> | run <rows.bin> [--k 100] [--seed 42] [--runs 20] [--src <dir>]')
  process.exit(2)
}

async function dump(corpusFile, out) {
  const { buildAtlasWith } = await import(new URL('atlas/buildAtlas.ts', here).href)
  const { canonicalOrder } = await import(new URL('atlas/canonicalOrder.ts', here).href)
  const data = JSON.parse(readFileSync(corpusFile, 'utf8'))
  const talks = (Array.isArray(data) ? data : data.talks).map((t) => ({ ...t, truth: String(t.topic ?? t.track ?? '') }))
  const order = canonicalOrder(talks)
  let captured
  const capture = (points, dimensions) => {
    captured = { points, dimensions }
    throw new Error('captured')
  }
  await buildAtlasWith(talks, { k: 100, seed: 42 }, { runKmeans: capture }).catch((error) => {
    if (captured === undefined) throw error
  })
  const truth = Array.from(order, (i) => talks[i].truth)
  const header = Buffer.from(JSON.stringify({ dimensions: captured.dimensions, truth }))
  const size = Buffer.alloc(4)
  size.writeUInt32LE(header.length)
  writeFileSync(out, Buffer.concat([size, header, Buffer.from(captured.points.buffer, captured.points.byteOffset, captured.points.byteLength)]))
  console.log(`${out}: ${truth.length} rows × ${captured.dimensions}`)
}

async function run(file) {
  const src = pathToFileURL(resolve(flag('src', new URL('.', here).pathname)) + '/')
  const { consensusClusters } = await import(new URL('cluster/consensusClusters.ts', src).href)
  const { normalizedMutualInfo } = await import(new URL('eval/normalizedMutualInfo.ts', here).href)
  const bytes = readFileSync(file)
  const headerLength = bytes.readUInt32LE(0)
  const { dimensions: d, truth } = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8'))
  const body = bytes.subarray(4 + headerLength)
  const points = new Float32Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength))
  const k = flag('k', '100') === 'auto' ? 'auto' : Number(flag('k', '100'))
  const seed = Number(flag('seed', '42'))
  const runs = Number(flag('runs', '20'))
  const start = process.cpuUsage()
  const wall = performance.now()
  const result = consensusClusters(points, d, { k, seed, runs })
  const cpu = process.cpuUsage(start)
  const seconds = (cpu.user + cpu.system) / 1e6
  let inertia = 0
  const rows = []
  const labels = []
  for (let i = 0; i < truth.length; i++) {
    const c = result.labels[i]
    if (c < 0) continue
    let dot = 0
    for (let s = 0; s < d; s++) dot += points[i * d + s] * result.centroids[c * d + s]
    inertia += Math.max(0, 2 - 2 * dot)
    rows.push(truth[i])
    labels.push(String(c))
  }
  const nmi = normalizedMutualInfo(rows, labels)
  console.log(JSON.stringify({ file, src: src.pathname, k: result.k, seed, cpu: +seconds.toFixed(2), wall: +((performance.now() - wall) / 1000).toFixed(2), inertia: +inertia.toFixed(2), nmi: +nmi.toFixed(4), hash: hashLabels(result.labels) }))
}

function hashLabels(labels) {
  let hash = 0x811c9dc5
  for (const label of labels) hash = Math.imul(hash ^ label, 0x01000193)
  return (hash >>> 0).toString(16)
}
