import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'

const root = new URL('..', import.meta.url).pathname
const run = (file: string) =>
  execFileSync('node', ['--import', 'tsx', file], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

beforeAll(() => {
  execFileSync('node', ['scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' })
}, 120_000)

describe('examples/', () => {
  it('demo.mjs prints themes, related talks and a search', () => {
    const out = execFileSync('node', ['examples/demo.mjs'], { cwd: root, encoding: 'utf8' })
    expect(out).toMatch(/^talkatlas demo: 72 talks → \d+ themes/)
    expect(out).toContain('Related talks')
    expect(out).toContain('shared: ')
    expect(out).toContain('Search: “packet scheduling in XDP”')
  })

  it('themes.ts prints one line per theme with its size', () => {
    const lines = run('examples/themes.ts').trim().split('\n')
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(line).toMatch(/^.+ \(\d+\): .+/)
  })

  it('related.ts lists related talks with their shared terms', () => {
    const out = run('examples/related.ts')
    expect(out).toContain('Related to “')
    expect(out.split('\n').filter((l) => / — /.test(l)).length).toBe(5)
  })

  it('persistence.ts assigns late talks to themes of a loaded atlas', () => {
    const lines = run('examples/persistence.ts').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^late-1 → .*seccomp.* \(0\.\d\d\)$/i)
  })

  // With the optional package installed the example downloads a model: not in a unit run.
  it.skipIf(existsSync(new URL('node_modules/@huggingface/transformers', `file://${root}`)))('embeddings.ts says how to install its optional model package when it is absent', () => {
    const result = spawnSync('node', ['--import', 'tsx', 'examples/embeddings.ts'], { cwd: root, encoding: 'utf8' })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('npm install @huggingface/transformers')
  })
})
