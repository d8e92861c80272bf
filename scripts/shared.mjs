// Helpers shared by the project's scripts (bench, eval, ml-kmeans reference).
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * mulberry32 (Tommy Ettinger, public domain): a small 32-bit seeded generator, the same as
 * the library's `src/random.ts`, for reproducible draws in scripts.
 * @param {number} seed Seed.
 * @returns {() => number} Uniform numbers in [0, 1).
 */
export function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Prints an aligned text table; the first column is left-aligned, the others right-aligned.
 * @param {string[]} headers Column titles.
 * @param {string[][]} rows Cells.
 */
export function printTable(headers, rows) {
  const widths = headers.map((header, c) => Math.max(header.length, ...rows.map((row) => String(row[c]).length)))
  const line = (cells) => cells.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ')
  console.log(line(headers))
  console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  for (const row of rows) console.log(line(row))
}

/**
 * `$TALKATLAS_CORPORA`, else the nearest `shared/corpora` beside the project or an ancestor.
 * @returns {string | null} The folder, or null when there is none.
 */
export function findSharedCorpora() {
  if (process.env.TALKATLAS_CORPORA) return resolve(process.env.TALKATLAS_CORPORA)
  for (let dir = dirname(projectRoot); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'corpora')
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) return null
  }
}

/**
 * A copy of `items` in a random order (Fisher–Yates).
 * @template T
 * @param {readonly T[]} items Items.
 * @param {() => number} random Uniform numbers in [0, 1).
 * @returns {T[]} The shuffled copy.
 */
export function shuffle(items, random) {
  const out = items.slice()
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}
