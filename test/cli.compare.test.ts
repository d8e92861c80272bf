// talkatlas compare and report --compare, run through the built binary.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { talkatlas, root } from './helpers/cli.js'

const before = join(root, 'fixtures', 'compare', 'before.json')
const after = join(root, 'fixtures', 'compare', 'after.json')
const editionIds = (path: string): string[] => (JSON.parse(readFileSync(path, 'utf8')) as { talks: { id: string }[] }).talks.map((talk) => talk.id).sort()

interface CompareJson {
  editions: { before: { file: string; talks: number }; after: { file: string; talks: number } }
  k: number
  themes: { id: string; label: string; before: number; after: number; change: number; kind: string; beforeTalks: { talks: string[]; examples: string[] }; afterTalks: { talks: string[]; examples: string[] } }[]
}

describe('talkatlas compare', () => {
  const run = talkatlas(['compare', before, after, '--k', '4', '--format', 'json'])
  const json = JSON.parse(run.stdout) as CompareJson

  it('prints every theme with its counts per edition, every talk once, sorted by change', () => {
    expect(run.code).toBe(0)
    expect(json.editions).toEqual({ before: { file: before, talks: 20 }, after: { file: after, talks: 19 } })
    expect(json.k).toBe(4)
    expect(json.themes.flatMap((theme) => theme.beforeTalks.talks).sort()).toEqual(editionIds(before))
    expect(json.themes.flatMap((theme) => theme.afterTalks.talks).sort()).toEqual(editionIds(after))
    expect(json.themes.map((theme) => theme.change)).toEqual(json.themes.map((theme) => theme.change).sort((a, b) => b - a))
    expect(json.themes[0]!.afterTalks.examples.join(' ')).toMatch(/Rust/)
    expect(json.themes.at(-1)!).toMatchObject({ after: 0, kind: 'faded' })
    expect(json.themes.at(-1)!.beforeTalks.examples.join(' ')).toMatch(/[Ff]ax|telephon|modem/i)
  })

  it('gives the same bytes on every run and on 1 or 2 threads', () => {
    const again = talkatlas(['compare', before, after, '--k', '4', '--format', 'json', '--threads', '2'])
    expect(again.stdout).toBe(run.stdout)
  })

  it('renders table, md and csv with the same themes; csv cells cannot run as formulas', () => {
    const table = talkatlas(['compare', before, after, '--k', '4', '--format', 'table'])
    expect(table.code).toBe(0)
    expect(table.stdout).toMatch(/^change\s+before\s+after\s+kind\s+theme\s+examples/)
    expect(table.stdout).toContain('4 themes over 20 + 19 talks:')
    const md = talkatlas(['compare', before, after, '--k', '4', '--format', 'md'])
    expect(md.stdout.match(/^\| [^-].* \| (new|grew|steady|shrank|faded) \|/gm)).toHaveLength(4)
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-compare-'))
    const hostile = join(dir, 'after.json')
    writeFileSync(hostile, JSON.stringify({ talks: [{ id: '=cmd', title: '=HYPERLINK("http://x")', abstract: 'Rust crates and cargo workspaces with the borrow checker.' }, ...JSON.parse(readFileSync(after, 'utf8')).talks] }))
    const csv = talkatlas(['compare', before, hostile, '--k', '4', '--examples', '50', '--format', 'csv'])
    expect(csv.code).toBe(0)
    const lines = csv.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('theme_id,theme_label,theme_keywords,before,after,change,share_change,kind,examples_before,examples_after,talks_before,talks_after')
    expect(lines).toHaveLength(5)
    const cells = (parse(csv.stdout) as string[][]).flat()
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toEqual([])
    // Inside a list the title is not at the start of a cell, where a spreadsheet looks for formulas.
    expect(csv.stdout).toContain('=HYPERLINK(""http://x"")')
  })

  it('exits 2 naming the file for an unreadable or empty edition, and on a wrong number of inputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-compare-'))
    const empty = join(dir, 'empty.json')
    writeFileSync(empty, '{"talks":[]}')
    const missing = join(dir, 'missing.json')
    for (const [args, file] of [[[empty, after], empty], [[before, missing], missing]] as const) {
      const failed = talkatlas(['compare', ...args])
      expect(failed.code).toBe(2)
      expect(failed.stderr).toContain(file)
      expect(failed.stderr).not.toMatch(/\n\s+at /)
    }
    const one = talkatlas(['compare', before])
    expect([one.code, one.stderr.split('\n')[0]]).toEqual([2, 'talkatlas compare: missing <after> (file paths, or - for stdin)'])
    expect(talkatlas(['compare', '-', '-']).code).toBe(2)
  })

  it('reads one edition from standard input', () => {
    const piped = talkatlas(['compare', before, '-', '--k', '4', '--format', 'json'], { input: readFileSync(after) })
    expect(piped.code).toBe(0)
    expect((JSON.parse(piped.stdout) as CompareJson).themes.map((theme) => [theme.before, theme.after])).toEqual(json.themes.map((theme) => [theme.before, theme.after]))
  })
})

describe('talkatlas report --compare', () => {
  it('writes the self-contained compare page with one chart mark per theme', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'talkatlas-compare-')), 'changes.html')
    const run = talkatlas(['report', after, '--compare', before, '--k', '4', '--out', out])
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', ''])
    const html = readFileSync(out, 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html.match(/<g class="mark /g)).toHaveLength(4)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/)
  })

  it('rejects formats and options that do not apply to the compare page', () => {
    expect(talkatlas(['report', after, '--compare', before, '--format', 'csv']).code).toBe(2)
    const combined = talkatlas(['report', after, '--compare', before, '--size', '4'])
    expect([combined.code, combined.stderr.split('\n')[0]]).toEqual([2, 'talkatlas report: --compare cannot be combined with --size'])
  })
})
