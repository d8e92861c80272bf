// The k-means pool started before the input is read (`startPoolEarly`): only for inputs of
// EARLY_POOL_MIN_BYTES and more on more than one thread, its worker warmed on made-up talks
// meanwhile; a worker that dies while warming leaves the same output and one warning, and a
// pool started for talks that turn out too few is stopped without a word. (The inputs are
// padded with spaces to that size, so that the runs stay short.)
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { EARLY_POOL_MIN_BYTES } from '../src/cli/threadedAtlas.js'
import { generateCorpus } from '../src/eval/synthetic.js'
import { root, talkatlas } from './helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'talkatlas-early-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** 700 talks (over `auto`'s 500 for two threads), padded with spaces over the size that starts the pool early. */
const large = join(dir, 'large.json')
writeFileSync(large, JSON.stringify(generateCorpus({ talks: 700, seed: 3 }).map(({ id, title, abstract }) => ({ id, title, abstract }))).padEnd(EARLY_POOL_MIN_BYTES + 1000))
/** 120 talks padded with spaces to the same size: the pool starts early, then is not used (`auto`: one thread below 500 talks). */
const padded = join(dir, 'padded.json')
writeFileSync(padded, JSON.stringify(generateCorpus({ talks: 120, seed: 4 }).map(({ id, title, abstract }) => ({ id, title, abstract })), null, 2).padEnd(EARLY_POOL_MIN_BYTES + 1000))
const small = `${root}/fixtures/lpc-networking-bpf.json`

const themes = (input: string, threads: string, fault = '') =>
  talkatlas(['themes', input, '--format', 'json', '--threads', threads], { env: { TALKATLAS_TEST_WORKER_FAULT: fault } })
const stopLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('worker stopped'))

describe('the k-means pool started before the input is read', () => {
  const alone = themes(large, '1')

  it('the inputs are on either side of the size', () => {
    expect(alone.code).toBe(0)
    expect(statSync(large).size).toBeGreaterThan(EARLY_POOL_MIN_BYTES)
    expect(statSync(padded).size).toBeGreaterThan(EARLY_POOL_MIN_BYTES)
    expect(statSync(small).size).toBeLessThan(EARLY_POOL_MIN_BYTES)
  })

  it.each([
    ['2', 'exit', 'exit code 70'],
    ['auto', 'throw', 'injected test fault in the prime worker'],
  ])('--threads %s, the worker dying (%s) while it warms up: the same themes, one warning', (threads, fault, reason) => {
    const result = themes(large, threads, `prime:${fault}`)
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(alone.stdout)
    expect(stopLines(result.stderr)).toEqual([`talkatlas: warning: a k-means worker stopped (${reason}); the main thread does its work`])
  })

  it('--threads 2 on a warm worker: the same themes, no warning', () => {
    const result = themes(large, '2')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(alone.stdout)
    expect(stopLines(result.stderr)).toEqual([])
  })

  it('no early pool for a small input, nor on one thread: nothing warms up to die', () => {
    for (const [input, threads] of [[small, '2'], [small, 'auto'], [large, '1']] as const) {
      const result = themes(input, threads, 'prime:exit')
      expect(result.code).toBe(0)
      expect(stopLines(result.stderr)).toEqual([])
    }
  })

  it('a pool started for talks that turn out too few is stopped silently, the same themes', () => {
    const one = themes(padded, '1')
    const result = themes(padded, 'auto', 'prime:exit')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(one.stdout)
    expect(result.stderr).toBe(one.stderr)
  })
})
