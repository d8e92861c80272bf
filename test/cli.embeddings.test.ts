import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizedMutualInfo } from '../src/eval/normalizedMutualInfo.js'
import { root, talkatlas } from './helpers/cli.js'
import { labelVectors } from './helpers/labelVectors.js'
import { npyBytes } from './helpers/npy.js'

const lpc = join(root, 'fixtures', 'lpc-networking-bpf.json')
const talks = (JSON.parse(readFileSync(lpc, 'utf8')) as { talks: { id: string; theme: string }[] }).talks
const vectors = labelVectors(talks.map((talk) => talk.theme), 0.2, 8)
const dir = mkdtempSync(join(tmpdir(), 'talkatlas-embeddings-'))

/** Writes a file in the test directory and returns its path. */
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** The vectors as a `.npy` file, rows in the talks' order. */
function npyFile(name: string, rows: readonly Float32Array[], descr = '<f4'): string {
  return file(name, npyBytes(descr, [rows.length, rows[0]!.length], rows.flatMap((row) => Array.from(row))))
}

const jsonMap = file('vectors.json', JSON.stringify(Object.fromEntries(talks.map((talk, i) => [talk.id, Array.from(vectors[i]!)]))))
const jsonLines = file('vectors.jsonl', talks.map((talk, i) => JSON.stringify({ id: talk.id, embedding: Array.from(vectors[i]!) })).join('\n'))
const npy = npyFile('vectors.npy', vectors)

/** NMI of `talkatlas themes --k 12` output against the fixture's labels. */
function themesNmi(stdout: string): number {
  const { themes } = JSON.parse(stdout) as { themes: { id: string; talks: string[] }[] }
  const themeOf = new Map(themes.flatMap((theme) => theme.talks.map((id) => [id, theme.id] as const)))
  return normalizedMutualInfo(talks.map((talk) => talk.theme), talks.map((talk) => themeOf.get(talk.id)!))
}

describe('talkatlas --embeddings', () => {
  it('themes --embeddings reads .npy, JSON and JSON Lines to the same themes, which follow the vectors', () => {
    const runs = [npy, jsonMap, jsonLines].map((path) => talkatlas(['themes', lpc, '--k', '12', '--restarts', '5', '--quiet', '--embeddings', path]))
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' })
    expect(runs[1]!.stdout).toBe(runs[0]!.stdout)
    expect(runs[2]!.stdout).toBe(runs[0]!.stdout)
    expect(themesNmi(runs[0]!.stdout)).toBeGreaterThan(0.95)
    const zero = talkatlas(['themes', lpc, '--k', '12', '--restarts', '5', '--quiet', '--embeddings', npy, '--embedding-weight', '0'])
    expect(zero.stdout).toBe(talkatlas(['themes', lpc, '--k', '12', '--restarts', '5', '--quiet']).stdout)
  })

  it('related, sessions, tag, evaluate and report take --embeddings', () => {
    const commands = [
      ['related', '--id', talks[0]!.id, '--restarts', '3'],
      ['sessions', '--size', '6', '--restarts', '3'],
      ['tag'],
      ['evaluate', '--truth', 'theme', '--k', '12', '--restarts', '3'],
      ['report', '--out', join(dir, 'report.html'), '--restarts', '3'],
    ]
    for (const [command, ...args] of commands) {
      const run = talkatlas([command!, lpc, ...args, '--quiet', '--embeddings', npy])
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    }
  })

  it('related lists of every talk are the same on 1 and 2 threads with --embeddings', () => {
    const [one, two] = ['1', '2'].map((threads) => talkatlas(['related', lpc, '--restarts', '3', '--quiet', '--threads', threads, '--embeddings', npy]))
    expect(one!.code).toBe(0)
    expect(two!.stdout).toBe(one!.stdout)
    expect(Object.keys((JSON.parse(one!.stdout) as { related: object }).related)).toHaveLength(talks.length)
  })

  it('exits 2 with the problem and no stack trace for each bad file', () => {
    const bad: Array<[string, RegExp]> = [
      [file('missing.json', JSON.stringify(Object.fromEntries(talks.slice(1).map((talk, i) => [talk.id, Array.from(vectors[i + 1]!)])))), /a talk has no vector: "/],
      [file('unknown.jsonl', `${readFileSync(jsonLines, 'utf8')}\n{"id": "nobody", "embedding": [1, 2, 3, 4, 5, 6, 7, 8]}`), /unknown\.jsonl:73: vector for unknown talk id "nobody"/],
      [file('ragged.json', JSON.stringify(Object.fromEntries(talks.map((talk, i) => [talk.id, Array.from(vectors[i]!).slice(0, i === 5 ? 7 : 8)])))), /ragged dimensions: talk "[^"]+" has 7 values/],
      [file('nan.json', readFileSync(jsonMap, 'utf8').replace(/\[[^,]*,/, '[null,')), /null at index 0, expected a finite number/],
      [npyFile('ints.npy', vectors, '<i4'), /non-float \.npy dtype '<i4'/],
      [npyFile('short.npy', vectors.slice(1)), /71 rows for 72 talks/],
      [npyFile('nan.npy', vectors.map((row, i) => (i === 3 ? Float32Array.from(row, () => Number.NaN) : row))), /NaN at row 3, column 0/],
      [join(dir, 'absent.npy'), /absent\.npy: no such file/],
    ]
    for (const [path, message] of bad) {
      const run = talkatlas(['themes', lpc, '--k', '3', '--restarts', '1', '--quiet', '--embeddings', path])
      expect(run.code, path).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    }
    const weight = talkatlas(['themes', lpc, '--embeddings', npy, '--embedding-weight', '2'])
    expect(weight.code).toBe(2)
    expect(weight.stderr).toContain('--embedding-weight="2" is invalid, expected a number from 0 to 1')
  })
})
