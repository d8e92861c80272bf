import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { talkatlas, root } from './helpers/cli.js'

const lpc = join(root, 'fixtures', 'lpc-networking-bpf.json')
const hostile = join(root, 'fixtures', 'edge', 'hostile.json')

describe('talkatlas report', () => {
  it('talkatlas report <input> --out report.html --size 6 writes the HTML page with the session plan', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'talkatlas-report-')), 'report.html')
    const run = talkatlas(['report', lpc, '--out', out, '--size', '6', '--rooms', '3', '--title', 'LPC'])
    expect([run.code, run.stdout]).toEqual([0, ''])
    // Three rooms cannot always keep shared speakers apart; that is a warning, not an error.
    for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^talkatlas: warning: /)
    const html = readFileSync(out, 'utf8')
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<title>LPC</title>')
    expect(html.match(/<details class="talk" id="t-\d+"/g)).toHaveLength(72)
    expect(html.match(/<div class="session" id="session-\d+">/g)).toHaveLength(12)
    expect(html).toContain('<tr><th>Slot</th><th>Room 1</th><th>Room 2</th><th>Room 3</th></tr>')
  })

  it('talkatlas report writes the same page on 1 and 2 threads (the related lists are searched on both)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-report-'))
    const pages = ['1', '2'].map((threads) => {
      const out = join(dir, `report-${threads}.html`)
      expect(talkatlas(['report', lpc, '--out', out, '--related', '3', '--threads', threads, '--quiet']).code).toBe(0)
      return readFileSync(out, 'utf8')
    })
    expect(pages[1]).toBe(pages[0])
    expect(pages[0]).toContain('class="related"')
  })

  it('talkatlas report <input> --format md prints the Markdown summary', () => {
    const run = talkatlas(['report', hostile, '--format', 'md', '--k', '2'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').slice(0, 3)).toEqual(['# talkatlas report', '', '15 talks in 3 groups of 3 themes.'])
    // Themes nested under their group's heading.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('### ')).length).toBe(3)
    expect(run.stdout.split('\n').filter((line) => line.startsWith('#### ')).length).toBe(3)
    // The reader already strips markup from titles; what is left must still be escaped.
    expect(run.stdout).toContain('\\</script>')
    expect(run.stdout).not.toMatch(/(^|[^\\])<[a-z/]/im)
  })

  it('talkatlas report tags every talk card, with the built-in taxonomy or a --themes file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-report-'))
    const out = join(dir, 'report.html')
    const builtIn = talkatlas(['report', lpc, '--out', out, '--quiet'])
    expect(builtIn.code).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html.match(/<p class="tags" data-search>Tags: /g)).toHaveLength(72)
    expect(html).toContain('<span class="tag">MPTCP <span class="score">')
    const themes = join(dir, 'themes.json')
    writeFileSync(themes, JSON.stringify([{ name: 'XDP' }, { name: 'seccomp' }]))
    const custom = talkatlas(['report', lpc, '--out', out, '--quiet', '--themes', themes, '--size', '4', '--parallel', '2'])
    expect(custom.code).toBe(0)
    const tagged = readFileSync(out, 'utf8')
    expect(tagged).not.toContain('<span class="tag">MPTCP ')
    expect(tagged).toContain('<span class="tag">XDP <span class="score">')
    expect(tagged).toContain('<tr><th>Slot</th><th>Room 1</th><th>Room 2</th></tr>')
  })

  it('talkatlas report --themes with a broken file exits 2 naming it', () => {
    const themes = join(mkdtempSync(join(tmpdir(), 'talkatlas-report-')), 'themes.json')
    writeFileSync(themes, '[{"aliases": ["x"]}]')
    const run = talkatlas(['report', lpc, '--themes', themes])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('themes.json')
  })

  it('talkatlas report --format csv exits 2 naming the report formats', () => {
    const run = talkatlas(['report', lpc, '--format', 'csv'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('talkatlas report: --format csv is not a report format; the report is HTML (default) or md')
  })
})
