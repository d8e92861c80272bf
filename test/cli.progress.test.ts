// The progress line as a user sees it: the built CLI in a pseudo-terminal (util-linux
// `script`), and the same commands without a terminal, in CI and under --quiet.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateCorpus } from '../src/eval/synthetic.js'
import { root, talkatlas } from './helpers/cli.js'

const hasScript = spawnSync('script', ['--version']).status === 0
let dir = ''
let large = ''
let small = ''
let twentyThousand = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'talkatlas-progress-'))
  // Above the 3,000 talks the consensus is limited to, the path 20,000 talks take with an
  // automatic k: the search for k and the best of the runs, each a batch of k-means runs.
  large = join(dir, 'large.json')
  writeFileSync(large, JSON.stringify(generateCorpus({ talks: 3200, seed: 5, topics: 24 })))
  small = join(dir, 'small.json')
  writeFileSync(small, JSON.stringify(generateCorpus({ talks: 240, seed: 6, topics: 8 })))
  // 20,000 talks, the size from which the CLI reads the text in two threads. Short abstracts
  // keep the file at 6 MB; the automatic k (a search over k 200–400 on 20,000 talks, 33 s of
  // CPU) is left to the 3,200-talk run, which takes the same path for it.
  twentyThousand = join(dir, 'twenty-thousand.json')
  writeFileSync(twentyThousand, JSON.stringify(generateCorpus({ talks: 20_000, seed: 7, topics: 24, wordsPerAbstract: 12 })))
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/**
 * Runs the CLI inside `script -qec`, which gives it a terminal on stdin, stdout and stderr,
 * and returns everything the terminal received.
 * @param args CLI arguments.
 * @param env Extra environment (the progress delay is set to 0 so that every step shows).
 */
function inTerminal(args: readonly string[], env: Record<string, string> = {}): { code: number | null; screen: string } {
  const command = [process.execPath, join(root, 'dist/cli.js'), ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ')
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CI: '', TALKATLAS_PROGRESS_DELAY_MS: '0', COLUMNS: '120', ...env },
  })
  return { code: result.status, screen: result.stdout }
}

/** The step names drawn on the line: each redraw starts with a carriage return. */
function stepsOn(screen: string): string[] {
  const steps = screen.split('\r').map((draw) => /^([a-z-]+)[ …]/.exec(draw)?.[1]).filter((step): step is string => step !== undefined)
  return steps.filter((step, i) => step !== steps[i - 1])
}

describe.skipIf(!hasScript)('talkatlas progress line on a terminal', () => {
  it('themes on 3,200 talks shows reading, tokenising, tf-idf, lsa, smoothing, each k-means batch and labels on one line', () => {
    const { code, screen } = inTerminal(['themes', large, '--out', join(dir, 'themes.json')])
    expect(code).toBe(0)
    expect(stepsOn(screen)).toEqual(expect.arrayContaining(['reading', 'tokenising', 'tf-idf', 'lsa', 'smoothing', 'k-means', 'labels']))
    expect(screen).toMatch(/k-means batch 1: \d+ runs?, k \d+–\d+/)
    expect(screen).toMatch(/k-means batch 2: /)
    // One line: redrawn with carriage returns and cleared, never a new line.
    expect(screen).not.toContain('\n')
    expect(screen.endsWith('\r\u001b[K')).toBe(true)
  }, 180_000)

  it('themes on 20,000 talks (read by two threads) shows the reading bar and every later step on one line', () => {
    const { code, screen } = inTerminal(['themes', twentyThousand, '--k', '24', '--restarts', '2', '--out', join(dir, 'themes-20k.json')])
    expect(code).toBe(0)
    expect(stepsOn(screen)).toEqual(['reading', 'tokenising', 'tf-idf', 'lsa', 'smoothing', 'k-means', 'labels'])
    expect(screen).toMatch(/reading \[#*\.*\] \d+% \d+\/20000/)
    // Above 10,000 talks the restarts run inside one k-means call, on a sample (docs/performance.md).
    expect(screen).toContain('k-means batch 1: 1 run, k 24')
    expect(screen).not.toContain('\n')
    expect(screen.endsWith('\r\u001b[K')).toBe(true)
  }, 300_000)

  it('report shows the atlas steps, then umap, sessions and the report being written', () => {
    const { code, screen } = inTerminal(['report', small, '--size', '4', '--out', join(dir, 'report.html')])
    expect(code).toBe(0)
    expect(stepsOn(screen)).toEqual(expect.arrayContaining(['tf-idf', 'lsa', 'k-means', 'labels', 'sessions', 'umap', 'report']))
    expect(screen).toMatch(/umap layout \[#*\.*\] \d+% \d+\/\d+/)
    expect(screen).toContain('report writing…')
  }, 180_000)

  it('is silent under --quiet and in CI', () => {
    expect(inTerminal(['themes', small, '--quiet', '--out', join(dir, 'quiet.json')]).screen).toBe('')
    expect(inTerminal(['themes', small, '--out', join(dir, 'ci.json')], { CI: 'true' }).screen).toBe('')
  })
})

describe('talkatlas progress line without a terminal', () => {
  it('draws nothing on stderr when stderr is a pipe (warnings only)', () => {
    const run = talkatlas(['report', small, '--size', '4', '--out', join(dir, 'piped.html')], { env: { CI: '', TALKATLAS_PROGRESS_DELAY_MS: '0' } })
    expect(run.code).toBe(0)
    expect(run.stderr).not.toMatch(/\r|\u001b|reading|k-means|umap/)
    expect(run.stderr.split('\n').filter((line) => line !== '' && !line.startsWith('talkatlas: warning: '))).toEqual([])
  })
})
