import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, talkatlas } from './helpers/cli.js'

const lpc = join(root, 'fixtures', 'lpc-networking-bpf.json')
const ml = join(root, 'fixtures', 'ml-workshop.json')

describe('talkatlas CLI: search that says when nothing matches, tags that abstain, themes named after a taxonomy', () => {
  it('talkatlas related --query with a word no talk uses prints an empty list and a warning', () => {
    const run = talkatlas(['related', ml, '--query', 'qwxzyv'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ query: [], warnings: [{ code: 'no-match', message: 'search: no talk mentions "qwxzyv"' }] })
    expect(run.stderr).toContain('talkatlas: warning: search: no talk mentions "qwxzyv"')
  })

  it('talkatlas tag on talks of another field tags nothing and says to pass --themes', () => {
    const run = talkatlas(['tag', ml])
    expect(run.code).toBe(0)
    const tags = JSON.parse(run.stdout).tags as Record<string, unknown[]>
    expect(Object.keys(tags)).toHaveLength(30)
    expect(Object.values(tags).every((list) => list.length === 0)).toBe(true)
    expect(run.stderr).toContain('does not fit these talks')
    expect(run.stderr).toContain('--themes')
  })

  it('talkatlas themes names the themes of a networking corpus after the built-in taxonomy, label beside it', () => {
    const run = talkatlas(['themes', lpc, '--format', 'json'])
    expect(run.code).toBe(0)
    const themes = JSON.parse(run.stdout).themes as { name?: string; label: string }[]
    expect(themes.map((theme) => theme.name)).toEqual(expect.arrayContaining(['Seccomp', 'HID-BPF', 'MPTCP']))
    expect(themes.every((theme) => typeof theme.label === 'string' && theme.label !== '')).toBe(true)
    expect(run.stderr).toContain('themes are named after the built-in taxonomy')
  })

  it('talkatlas themes names no theme of talks the built-in taxonomy does not fit', () => {
    const run = talkatlas(['themes', ml, '--format', 'json', '--quiet'])
    expect((JSON.parse(run.stdout).themes as { name?: string }[]).every((theme) => theme.name === undefined)).toBe(true)
  })
})
