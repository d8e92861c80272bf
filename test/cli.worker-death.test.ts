// The built CLI when one of its worker threads dies (TALKATLAS_TEST_WORKER_FAULT, test-only;
// see src/cli/testFault.ts): the main thread does the dead worker's work, so every output is
// the one of a run on one thread, and stderr says in one line which worker stopped and why.
// The k-means pool used to wait 30 minutes for a dead worker; the spawn timeout catches a hang.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { root } from './helpers/cli.js'

const input = `${root}/fixtures/lpc-networking-bpf.json`

/** One run of the built binary, killed after a minute. */
function run(args: readonly string[], fault = '', nodeFlags: readonly string[] = []) {
  const result = spawnSync(process.execPath, [...nodeFlags, `${root}/dist/cli.js`, ...args, input], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TALKATLAS_DEBUG: '', TALKATLAS_TEST_WORKER_FAULT: fault },
  })
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr }
}

/** stderr lines about stopped workers. */
const stopLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes('worker stopped'))

describe('a worker thread that dies', () => {
  const themes = ['themes', '--format', 'json']
  const related = ['related', '--format', 'json', '--top', '5']
  const alone = { themes: run([...themes, '--threads', '1']).stdout, related: run([...related, '--threads', '1']).stdout }

  it.each([
    ['exit', 'exit code 70'],
    ['throw', 'injected test fault in the kmeans worker'],
    ['oom', 'Worker terminated due to reaching memory limit: JS heap out of memory'],
  ])('k-means worker (%s): the main thread clusters alone, the same themes', (fault, reason) => {
    // A heap limit that the main thread's work fits in and the worker's hog quickly reaches.
    const result = run([...themes, '--threads', '2'], `kmeans:${fault}:1`, ['--max-old-space-size=400'])
    expect(result.signal).toBeNull()
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(alone.themes)
    expect(stopLines(result.stderr)).toEqual([`talkatlas: warning: a k-means worker stopped (${reason}); the main thread does its work`])
  })

  it.each([
    ['term', 'text-reading', themes, 'themes'],
    ['related', 'related-talks', related, 'related'],
  ] as const)('%s worker: the main thread does its part, the same output', (kind, name, args, reference) => {
    for (const [fault, reason] of [['exit', 'exit code 70'], ['throw', `injected test fault in the ${kind} worker`]]) {
      const result = run([...args, '--threads', '2'], `${kind}:${fault}`)
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(alone[reference])
      expect(stopLines(result.stderr)).toEqual([`talkatlas: warning: a ${name} worker stopped (${reason}); the main thread does its work`])
    }
  })

  it('taxonomy-fit worker: the main thread measures the fit itself, the same themes', () => {
    const result = run([...themes, '--threads', '2'], 'taxonomy:throw')
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(alone.themes)
    expect(stopLines(result.stderr)).toEqual(['talkatlas: warning: a taxonomy-fit worker stopped (injected test fault in the taxonomy worker); the main thread does its work'])
  })
})
