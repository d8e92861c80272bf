import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { root, talkatlas } from './helpers/cli.js'
import { fixturePath } from './helpers/fixtures.js'

describe('talkatlas convert: how input was read', () => {
  it('convert page.txt says on stderr how the text was split and writes the description', () => {
    const run = talkatlas(['convert', fixturePath('io/pages/track-page.txt'), '--format', 'json'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('read 6 talks from ')
    expect(run.stderr).toContain('track-page.txt (paragraph cues: wrapped lines, truncation marks, topic shifts); 1 description block set aside\n')
    const output = JSON.parse(run.stdout) as { description: string; talks: unknown[] }
    expect(output.description).toMatch(/^About this track\n/)
    expect(output.talks).toHaveLength(6)
  })

  it('convert --verbose prints records in, talks out and what was skipped and why', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-readers-'))
    const path = join(dir, 'talks.json')
    writeFileSync(path, JSON.stringify([{ id: 'a', title: 'A', abstract: 'x' }, { id: 'a', title: 'B', abstract: 'y' }, { id: 'c' }]))
    const run = talkatlas(['convert', path, '--verbose', '--skip-invalid', '--format', 'json'])
    expect(run.code).toBe(0)
    expect(run.stderr).toContain(`talkatlas: ${path}: read as json: 3 in, 1 talks out, 2 skipped (invalid-talk: 1, duplicate-id: 1)\n`)
  })

  it('an input without talks exits 2 naming the file and the format read', () => {
    const run = talkatlas(['convert', '-', '--from', 'indico'], { input: '{"results":[]}' })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('talkatlas: <stdin>: no talks found (read as indico)\n')
  })

  const seed = join(root, '..', 'shared', 'seeds', '000_5dce5afa520b7278.txt')
  it.skipIf(!existsSync(seed))('convert of the Networking and BPF track page gives 15 talks and its description (skipped without ../shared)', () => {
    const run = talkatlas(['convert', seed, '--format', 'json'])
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/talkatlas: read 15 talks from .*000_5dce5afa520b7278\.txt \(paragraph cues: [a-z ,]+\); 1 description block set aside\n$/)
    const output = JSON.parse(run.stdout) as { description: string; talks: Array<{ title: string }> }
    expect(output.description).toMatch(/^Description\n/)
    expect(output.talks).toHaveLength(15)
    expect(output.talks[14]!.title).toBe('Case for OPENED for eBPF NF Development')
  })
})
