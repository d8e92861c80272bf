import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixture, fixturePath } from './helpers/fixtures.js'
import { talkatlas, root } from './helpers/cli.js'

const lpc = join(root, 'fixtures', 'lpc-networking-bpf.json')
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version

describe('talkatlas CLI', () => {
  it('talkatlas --version prints the package version', () => {
    expect(talkatlas(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it('talkatlas without a command prints help and exits 2', () => {
    const run = talkatlas([])
    expect(run.code).toBe(2)
    expect(run.stdout).toContain('Usage: talkatlas <command> <input> [options]')
    expect(run.stderr).toContain('talkatlas: missing command')
  })

  it('talkatlas <unknown command> exits 2 and lists the commands', () => {
    const run = talkatlas(['cluster', 'x.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('talkatlas: unknown command "cluster"; commands: themes, related, tag, sessions, report, convert, evaluate')
  })

  it('talkatlas convert --help describes the command and every common option', () => {
    const run = talkatlas(['convert', '--help'])
    expect(run.code).toBe(0)
    for (const flag of ['--source', '--format <fmt>', '--out <file>', '--seed <n>', '--quiet', '--from <format>', '--one-per-line', '--skip-invalid']) expect(run.stdout).toContain(flag)
  })

  it('talkatlas convert <json> writes normalised talks as JSON when stdout is not a terminal', () => {
    const run = talkatlas(['convert', fixturePath('io/talks.json')])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const { talks } = JSON.parse(run.stdout) as { talks: Array<Record<string, unknown>> }
    expect(talks.map((talk) => talk['id'])).toEqual(['a1', '7', '3-生成aiと著作権'])
    expect(talks[0]).toEqual({ id: 'a1', title: 'Zero-copy networking', abstract: 'io_uring and registered buffers.', speakers: ['Ida Berg'], track: 'Systems', room: 'H.2215', level: 2, language: 'en' })
  })

  it('talkatlas convert --source keeps the original records', () => {
    const { talks } = JSON.parse(talkatlas(['convert', fixturePath('io/talks.csv'), '--source']).stdout) as { talks: Array<Record<string, unknown>> }
    expect(talks[2]!['source']).toEqual({ id: '', Title: 'Untitled id', Abstract: 'Talk without an id column value.', Speakers: '', Track: '', Room: '' })
  })

  it('talkatlas convert - reads standard input', () => {
    const run = talkatlas(['convert', '-', '--from', 'text', '--one-per-line'], { input: 'First talk about eBPF maps.\nSecond talk about XDP.\n' })
    expect(run.code).toBe(0)
    expect((JSON.parse(run.stdout) as { talks: unknown[] }).talks).toEqual([
      { id: '1', title: '', abstract: 'First talk about eBPF maps.', language: 'en' },
      { id: '2', title: '', abstract: 'Second talk about XDP.', language: 'en' },
    ])
    expect(run.stderr).toBe('talkatlas: warning: 2 talks without a title: 1, 2\ntalkatlas: read 2 talks from <stdin> (one talk per line)\n')
  })

  it('talkatlas convert --quiet prints no warnings', () => {
    const run = talkatlas(['convert', fixturePath('io/talks.txt'), '--quiet'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
  })

  it('talkatlas convert --format csv neutralises formula-like cells', () => {
    const run = talkatlas(['convert', fixturePath('io/talks.csv'), '--format', 'csv'])
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n')[0]).toBe('id,title,abstract,speakers,track,room,language')
    expect(run.stdout).toContain("\nk8s-2,'=cmd|calc,")
  })

  it('talkatlas convert --format table lays out one line per talk', () => {
    const run = talkatlas(['convert', fixturePath('io/talks.csv'), '--format', 'table'])
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^id\s+title\s+track\s+speakers\s+abstract$/)
    expect(lines).toHaveLength(6)
    expect(lines[5]).toBe('3 talks')
  })

  it('talkatlas convert --format md escapes Markdown in titles', () => {
    const run = talkatlas(['convert', '-', '--format', 'md'], { input: '[{"id":"x","title":"Vec<String> | snake_case #1","abstract":"a"}]' })
    expect(run.stdout).toContain('## Vec\\<String\\> \\| snake\\_case \\#1\n')
  })

  it('talkatlas convert --out writes the file, replacing an existing one, and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-cli-'))
    const out = join(dir, 'talks.csv')
    writeFileSync(out, 'old content that is longer than the new one '.repeat(100))
    const run = talkatlas(['convert', fixturePath('io/talks.json'), '--out', out])
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('id,title,abstract,speakers,track,room,level,language')
    expect(readdirSync(dir)).toEqual(['talks.csv'])
  })

  it('talkatlas convert --out into a missing directory exits 2 naming the path', () => {
    const run = talkatlas(['convert', fixturePath('io/talks.json'), '--out', '/nonexistent-dir-talkatlas/x.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('talkatlas: /nonexistent-dir-talkatlas/x.json: cannot write: the directory does not exist\n')
  })

  it('talkatlas convert <broken XML> exits 2 with file and line, no stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talkatlas-cli-'))
    const file = join(dir, 'fosdem.xml')
    writeFileSync(file, fixture('io/schedule.xml').replace('</event>\n      <event guid="a1b2c3d4-0000-4000-8000-000000000102"', '\n      <event guid="a1b2c3d4-0000-4000-8000-000000000102"'))
    const run = talkatlas(['convert', 'fosdem.xml'], { cwd: dir })
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'talkatlas: fosdem.xml:15: unclosed <event> (found </room> at line 53)\n' })
  })

  it('talkatlas convert <CSV without abstract column> exits 2 naming the file', () => {
    const run = talkatlas(['convert', '-', '--from', 'csv'], { input: 'id,title\n1,A\n' })
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('talkatlas: <stdin>:1: no abstract column (looked for abstract, description, summary; the header has "id", "title")\n')
  })

  it('talkatlas convert <missing file> exits 2', () => {
    expect(talkatlas(['convert', 'missing.json'])).toEqual({ code: 2, stdout: '', stderr: 'talkatlas: missing.json: no such file\n' })
  })

  it('talkatlas convert with a repeated id exits 2, or warns and skips with --skip-invalid', () => {
    const input = '[{"id":"a","title":"A"},{"id":"a","title":"B"}]'
    expect(talkatlas(['convert', '-'], { input }).stderr).toBe('talkatlas: <stdin> [1]: duplicate id "a" (first at [0])\n')
    const run = talkatlas(['convert', '-', '--skip-invalid'], { input })
    expect(run.code).toBe(0)
    expect(run.stderr).toContain('talkatlas: warning: skipped 1 talk whose id was already used: <stdin> [1]: duplicate id "a" (first at [0])\n')
    expect((JSON.parse(run.stdout) as { talks: unknown[] }).talks).toHaveLength(1)
  })

  it('talkatlas convert with a bad option value or unknown option exits 2', () => {
    const badFormat = talkatlas(['convert', 'x.json', '--format', 'xml'])
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr).toContain('talkatlas convert: --format="xml" is invalid, expected one of json, table, csv, md')
    const unknown = talkatlas(['convert', 'x.json', '--colour'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("talkatlas convert: unknown option '--colour'")
    const seed = talkatlas(['convert', 'x.json', '--seed=-1'])
    expect(seed.code).toBe(2)
    expect(seed.stderr).toContain('--seed="-1" is invalid, expected an integer from 0 to 4294967295')
  })

  it('talkatlas with an option given twice with different values exits 2 instead of dropping one', () => {
    const twice = talkatlas(['related', 'fixtures/small/workshop-12.json', '--id', 'a', '--id', 'b'])
    expect(twice.stderr).toBe('talkatlas related: --id is given twice, "a" and "b"; give it once\nRun \'talkatlas --help\' or \'talkatlas <command> --help\' for usage.\n')
    expect(twice.code).toBe(2)
    const short = talkatlas(['convert', 'fixtures/small/workshop-12.json', '--format=json', '-f', 'csv'])
    expect(short.stderr).toContain('talkatlas convert: --format is given twice, "json" and "csv"; give it once')
    expect(short.code).toBe(2)
    const same = talkatlas(['convert', 'fixtures/small/workshop-12.json', '-f', 'csv', '--format', 'csv', '-q', '-q'])
    expect(same.code).toBe(0)
    expect(same.stdout.startsWith('id,title,abstract')).toBe(true)
  })

  it('talkatlas convert without an input exits 2', () => {
    const run = talkatlas(['convert'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('talkatlas convert: missing <input> (a file path, or - for stdin)')
  })

  it('talkatlas themes <input> writes {"themes":[…]} covering every talk exactly once', () => {
    const run = talkatlas(['themes', lpc, '--k', '12', '--keywords', '3'])
    expect(run.code).toBe(0)
    const { themes } = JSON.parse(run.stdout) as { themes: Array<{ id: string; label: string; keywords: string[]; talks: string[] }> }
    expect(themes).toHaveLength(12)
    expect(themes[0]!.id).toBe('theme-1')
    for (const theme of themes) expect(theme.keywords).toHaveLength(3)
    const ids = themes.flatMap((theme) => theme.talks)
    expect(ids).toHaveLength(72)
    expect(new Set(ids).size).toBe(72)
  })

  it('talkatlas themes is deterministic for a seed', () => {
    const first = talkatlas(['themes', lpc, '--seed', '7'])
    expect(first.code).toBe(0)
    expect(talkatlas(['themes', lpc, '--seed', '7']).stdout).toBe(first.stdout)
  })

  it('talkatlas themes --k 1 is accepted and --k 0 is a usage error', () => {
    expect((JSON.parse(talkatlas(['themes', lpc, '--k', '1']).stdout) as { themes: unknown[] }).themes.length).toBeGreaterThanOrEqual(1)
    const zero = talkatlas(['themes', lpc, '--k', '0'])
    expect(zero.code).toBe(2)
    expect(zero.stderr).toContain('talkatlas themes: --k="0" is invalid, expected an integer from 1 to 100000')
  })

  it('talkatlas related --id lists the related talks of one talk under "related"', () => {
    const run = talkatlas(['related', lpc, '--id', 'xdp-queueing-for-forwarding', '--top', '3'])
    expect(run.code).toBe(0)
    const { related } = JSON.parse(run.stdout) as { related: Record<string, Array<{ id: string; score: number; terms: string[] }>> }
    expect(Object.keys(related)).toEqual(['xdp-queueing-for-forwarding'])
    const list = related['xdp-queueing-for-forwarding']!
    expect(list).toHaveLength(3)
    expect(list.map((item) => item.id)).not.toContain('xdp-queueing-for-forwarding')
    expect(list[0]!.score).toBeGreaterThanOrEqual(list[2]!.score)
  })

  it('talkatlas related without --id covers every talk', () => {
    const { stdout } = talkatlas(['related', fixturePath('io/schedule.xml'), '--top', '2', '--quiet'])
    const { related } = JSON.parse(stdout) as { related: Record<string, unknown[]> }
    expect(Object.keys(related)).toHaveLength(4)
    // Input order is kept in the text, even for integer-like ids such as "103".
    expect(stdout.split('\n').slice(1, 5).map((line) => line.slice(0, line.indexOf(':')))).toEqual(['"northconf24-101-packet-filters-in-rust"', '"northconf24-102-observability-without-tears"', '"103"', '"northconf24-104-lightning-talks"'])
  })

  it('talkatlas related without --id writes the same bytes on 1 and 2 threads, and each list equals related --id', () => {
    const one = talkatlas(['related', lpc, '--top', '4', '--format', 'json', '--threads', '1', '--quiet'])
    const two = talkatlas(['related', lpc, '--top', '4', '--format', 'json', '--threads', '2', '--quiet'])
    expect(one.code).toBe(0)
    expect(two.stdout).toBe(one.stdout)
    const { related } = JSON.parse(one.stdout) as { related: Record<string, unknown[]> }
    expect(Object.keys(related)).toHaveLength(72)
    for (const id of ['xdp-queueing-for-forwarding', Object.keys(related)[71]!]) {
      const single = JSON.parse(talkatlas(['related', lpc, '--id', id, '--top', '4', '--format', 'json', '--quiet']).stdout) as { related: Record<string, unknown[]> }
      expect(single.related[id]).toEqual(related[id])
    }
  })

  it('talkatlas related --query puts search hits under "query"', () => {
    const run = talkatlas(['related', fixturePath('io/schedule.xml'), '--query', 'rust packet filter', '--top', '1', '--quiet'])
    expect(JSON.parse(run.stdout)).toEqual({ query: [{ id: 'northconf24-101-packet-filters-in-rust', score: expect.any(Number), terms: expect.arrayContaining(['rust']) }] })
  })

  it('talkatlas related rejects an unknown --id and --id with --query (exit 2)', () => {
    const unknown = talkatlas(['related', lpc, '--id', 'nope'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('talkatlas related: --id="nope" is not a talk id of')
    expect(talkatlas(['related', lpc, '--id', 'a', '--query', 'b']).code).toBe(2)
  })

  it('talkatlas evaluate --truth scores themes against a field with NMI, ARI and V-measure', () => {
    const run = talkatlas(['evaluate', lpc, '--truth', 'theme', '--k', '12'])
    expect(run.code).toBe(0)
    const { evaluation } = JSON.parse(run.stdout) as { evaluation: Record<string, number | string> }
    expect(Object.keys(evaluation)).toEqual(['label', 'talks', 'labels', 'themes', 'languages', 'nmi', 'ari', 'v', 'homogeneity', 'completeness'])
    expect(evaluation).toMatchObject({ label: 'theme', talks: 72, labels: 12, themes: 12, languages: 'en 72' })
    expect(evaluation['nmi']).toBeGreaterThan(0.8)
    expect(evaluation['nmi']).toBeLessThanOrEqual(1)
    // V-measure is NMI with the arithmetic mean: the two agree to the 4 decimals printed.
    expect(evaluation['v']).toBeCloseTo(evaluation['nmi'] as number, 3)
    const h = evaluation['homogeneity'] as number
    const c = evaluation['completeness'] as number
    expect(evaluation['v']).toBeCloseTo((2 * h * c) / (h + c), 3)
    // --label is the same option under its earlier name.
    expect(talkatlas(['evaluate', lpc, '--label', 'theme', '--k', '12'])).toEqual(run)
  })

  it('talkatlas evaluate with a field no talk has, or two different fields, exits 2', () => {
    const run = talkatlas(['evaluate', lpc, '--truth', 'room'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('talkatlas evaluate: no talk has a "room" field; choose the label field with --truth')
    const both = talkatlas(['evaluate', lpc, '--truth', 'theme', '--label', 'track'])
    expect(both.code).toBe(2)
    expect(both.stderr).toContain('talkatlas evaluate: --truth "theme" and --label "track" name different fields; give one')
  })

  it('talkatlas convert strips terminal escapes from error messages', () => {
    const run = talkatlas(['convert', 'evil\u001b]0;pwned\u0007name.json'])
    expect(run.code).toBe(2)
    expect(run.stderr).toBe('talkatlas: evilname.json: no such file\n')
  })
})

const corpora = join(root, '..', '..', 'shared', 'corpora')
const sharedCorpora = existsSync(join(corpora, 'fosdem-2025.xml')) ? corpora : join(root, '..', 'shared', 'corpora')

describe.skipIf(!existsSync(join(sharedCorpora, 'fosdem-2025.xml')))('talkatlas convert on the FOSDEM 2025 corpus (skipped: ../shared/corpora not found)', () => {
  it('talkatlas convert gives the same 1,093 ids, titles and abstracts from the XML and the JSON export', () => {
    const read = (name: string): Map<string, [string, string]> => {
      const run = talkatlas(['convert', join(sharedCorpora, name)])
      expect(run.code).toBe(0)
      const { talks } = JSON.parse(run.stdout) as { talks: Array<{ id: string; title: string; abstract: string }> }
      return new Map(talks.map((talk) => [talk.id, [talk.title, talk.abstract]]))
    }
    const fromXml = read('fosdem-2025.xml')
    const fromJson = read('fosdem-2025.json')
    expect(fromXml.size).toBe(1093)
    expect(fromJson).toEqual(fromXml)
  })
  it('talkatlas themes --threads 2 reads the text and runs k-means on two threads and writes the same bytes as --threads 1', () => {
    const one = talkatlas(['themes', lpc, '--k', '12', '--format', 'json', '--threads', '1'])
    const two = talkatlas(['themes', lpc, '--k', '12', '--format', 'json', '--threads', '2'])
    const three = talkatlas(['themes', lpc, '--k', '12', '--format', 'json', '--threads', '3'])
    expect(one.code).toBe(0)
    expect(JSON.parse(one.stdout).themes).toHaveLength(12)
    expect(two).toEqual(one)
    expect(three).toEqual(one)
    // With k auto the search for k is a k-means batch too.
    const auto = talkatlas(['themes', lpc, '--format', 'json', '--threads', '1'])
    expect(auto.code).toBe(0)
    expect(talkatlas(['themes', lpc, '--format', 'json', '--threads', '2'])).toEqual(auto)
  })

  it('talkatlas themes --threads outside 1 to 16 exits 2 with the range', () => {
    const run = talkatlas(['themes', lpc, '--threads', '0'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('talkatlas themes: --threads="0" is invalid, expected an integer from 1 to 16')
  })
  it('talkatlas themes --restarts sets the k-means runs: 1 is a different, still complete clustering; 0 exits 2', () => {
    const one = talkatlas(['themes', lpc, '--k', '12', '--format', 'json', '--restarts', '1'])
    const twenty = talkatlas(['themes', lpc, '--k', '12', '--format', 'json', '--restarts', '20'])
    expect(one.code).toBe(0)
    expect(twenty).toEqual(talkatlas(['themes', lpc, '--k', '12', '--format', 'json']))
    const ids = (run: { stdout: string }) => (JSON.parse(run.stdout) as { themes: { talks: string[] }[] }).themes.flatMap((t) => t.talks).sort()
    expect(ids(one)).toEqual(ids(twenty))
    expect(ids(one)).toHaveLength(72)
    expect(one.stdout).not.toBe(twenty.stdout)
    const bad = talkatlas(['sessions', lpc, '--size', '4', '--restarts', '0'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('talkatlas sessions: --restarts="0" is invalid, expected an integer from 1 to 100')
  })
})
