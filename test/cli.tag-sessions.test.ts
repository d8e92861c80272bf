import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { talkatlas, root } from './helpers/cli.js'
import { fixturePath } from './helpers/fixtures.js'

const lpc = join(root, 'fixtures', 'lpc-networking-bpf.json')
const lpcTalks = (JSON.parse(readFileSync(lpc, 'utf8')) as { talks: Array<{ id: string; speakers: string[] }> }).talks
const lpcIds = lpcTalks.map((talk) => talk.id)

type Tags = Record<string, Array<{ theme: string; score: number; evidence: number }>>
interface SessionsJson {
  sessions: Array<{ id: string; label: string; talks: string[]; similarity: number; slot: number; room: number }>
  remainder: { sessionId: string; size: number } | null
  objective: { meanWithinSimilarity: number; meanParallelSimilarity: number | null; speakerClashes: number }
}

/**
 * Writes files into a fresh temporary directory and returns its path.
 * @param files File name → content.
 */
function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'talkatlas-cli-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

/** Five short talks: two about XDP, two about seccomp, one in words no other talk uses. */
const small = JSON.stringify([
  { id: '1', title: 'XDP packet drop', abstract: 'XDP program drops packets in the driver' },
  { id: '2', title: 'XDP redirect', abstract: 'redirect packets with XDP maps' },
  { id: '3', title: 'seccomp filters', abstract: 'seccomp filter syscalls in a sandbox' },
  { id: '4', title: 'seccomp notify', abstract: 'seccomp user notification for syscalls' },
  { id: '5', title: 'Zyxx', abstract: 'quorbl flimflam' },
])

const themes = JSON.stringify([{ name: 'XDP' }, { name: 'tc' }, { name: 'seccomp' }, { name: 'profiling' }, { name: 'Multipath TCP' }])

describe('talkatlas tag', () => {
  it('talkatlas tag <input> tags every talk once, in input order, best first, scores in [0, 1]', () => {
    const run = talkatlas(['tag', lpc])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('talkatlas: warning: tag: the talks are about Linux networking and BPF (100.0 % of the talks name one of its themes); tagging with the built-in taxonomy\n')
    const { tags } = JSON.parse(run.stdout) as { tags: Tags }
    expect(Object.keys(tags)).toEqual(lpcIds)
    for (const list of Object.values(tags)) {
      expect(list.length).toBeGreaterThanOrEqual(1)
      expect(list.length).toBeLessThanOrEqual(3)
      for (const tag of list) expect(tag.score >= 0 && tag.score <= 1).toBe(true)
      // With a taxonomy, best first is: the themes the talk names most, then by score.
      for (let r = 1; r < list.length; r++) {
        expect(list[r]!.evidence).toBeLessThanOrEqual(list[r - 1]!.evidence)
        if (list[r]!.evidence === list[r - 1]!.evidence) expect(list[r]!.score).toBeLessThanOrEqual(list[r - 1]!.score)
      }
    }
    // The built-in taxonomy has an AF_XDP theme.
    expect(tags['af-xdp-zero-copy-packet-broker']![0]!.theme).toBe('AF_XDP')
  })

  it('talkatlas tag --themes <array file> tags with those themes only', () => {
    const dir = scratch({ 'themes.json': themes })
    const { tags } = JSON.parse(talkatlas(['tag', lpc, '--themes', join(dir, 'themes.json')]).stdout) as { tags: Tags }
    const names = new Set(['XDP', 'tc', 'seccomp', 'profiling', 'Multipath TCP'])
    for (const list of Object.values(tags)) for (const tag of list) expect(names.has(tag.theme)).toBe(true)
    expect(tags['xdp-l4-load-balancer']![0]!.theme).toBe('XDP')
    expect(tags['clsact-direct-action-pitfalls']![0]!.theme).toBe('tc')
  })

  it('talkatlas tag --themes <taxonomy file> uses the taxonomy themes', () => {
    const taxonomy = { name: 'mine', themes: [{ name: 'Packets', keywords: ['XDP', 'packet', 'driver'] }, { name: 'Sandboxing', keywords: ['seccomp', 'syscalls'] }] }
    const dir = scratch({ 'taxonomy.json': JSON.stringify(taxonomy) })
    const run = talkatlas(['tag', '-', '--themes', join(dir, 'taxonomy.json'), '--quiet'], { input: small })
    expect(run.code).toBe(0)
    const { tags } = JSON.parse(run.stdout) as { tags: Tags }
    expect(Object.keys(tags)).toEqual(['1', '2', '3', '4', '5'])
    expect(['1', '2', '3', '4'].map((id) => tags[id]![0]!.theme)).toEqual(['Packets', 'Packets', 'Sandboxing', 'Sandboxing'])
  })

  it('talkatlas tag keeps a talk without known words (no tags) and warns on stderr unless --quiet', () => {
    const dir = scratch({ 'themes.json': themes })
    const run = talkatlas(['tag', '-', '--themes', join(dir, 'themes.json')], { input: small })
    expect(run.code).toBe(0)
    const { tags } = JSON.parse(run.stdout) as { tags: Tags }
    expect(tags['5']).toEqual([])
    expect(tags['1']![0]!.theme).toBe('XDP')
    expect(tags['3']![0]!.theme).toBe('seccomp')
    expect(run.stderr).toBe(
      'talkatlas: warning: tag: no word of "tc", "profiling", "Multipath TCP" occurs in the talks\' vocabulary; add keywords or examples\n' +
        'talkatlas: warning: tag: 1 talk(s) share no term with the vocabulary and get no tag\n',
    )
    expect(talkatlas(['tag', '-', '--themes', join(dir, 'themes.json'), '--quiet'], { input: small }).stderr).toBe('')
  })

  it('talkatlas tag --top 1 keeps one tag per talk, --threshold 0 up to --top', () => {
    const one = JSON.parse(talkatlas(['tag', lpc, '--top', '1']).stdout) as { tags: Tags }
    for (const list of Object.values(one.tags)) expect(list).toHaveLength(1)
    // With the taxonomy only themes the talk names qualify, so a talk can have fewer.
    const all = JSON.parse(talkatlas(['tag', lpc, '--top', '4', '--threshold', '0']).stdout) as { tags: Tags }
    for (const list of Object.values(all.tags)) expect(list.length >= 1 && list.length <= 4).toBe(true)
    expect(Object.values(all.tags).some((list) => list.length === 4)).toBe(true)
  })

  it('talkatlas tag is deterministic and keeps integer-like ids in input order', () => {
    const input = JSON.stringify([{ id: 'b', title: 'XDP redirect', abstract: 'XDP maps redirect packets' }, { id: '103', title: 'seccomp', abstract: 'seccomp filters syscalls' }, { id: '__proto__', title: 'XDP drop', abstract: 'XDP drops packets' }])
    const first = talkatlas(['tag', '-', '--quiet', '--seed', '3'], { input })
    expect(first.stdout.split('\n').slice(1, 4).map((line) => line.slice(0, line.indexOf(':')))).toEqual(['"b"', '"103"', '"__proto__"'])
    expect(Object.keys((JSON.parse(first.stdout) as { tags: Tags }).tags)).toHaveLength(3)
    expect(talkatlas(['tag', '-', '--quiet', '--seed', '3'], { input }).stdout).toBe(first.stdout)
  })

  it('talkatlas tag --format csv writes one row per tag and a row for an untagged talk', () => {
    const run = talkatlas(['tag', '-', '--format', 'csv', '--quiet'], { input: small })
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('talk_id,talk_title,rank,theme,score,terms')
    expect(lines.filter((line) => line.startsWith('5,'))).toEqual(['5,Zyxx,,,,'])
    expect(new Set(lines.slice(1).map((line) => line.split(',')[0]))).toEqual(new Set(['1', '2', '3', '4', '5']))
  })

  it('talkatlas tag --format table and md list every talk', () => {
    const table = talkatlas(['tag', '-', '--format', 'table', '--quiet'], { input: small }).stdout
    expect(table.split('\n')[0]).toMatch(/^id\s+title\s+tags\s+terms of the best tag$/)
    expect(table.trimEnd().split('\n').at(-1)).toBe('5 talks')
    const md = talkatlas(['tag', '-', '--format', 'md', '--quiet'], { input: small }).stdout
    expect(md).toContain('# Tags (5 talks)\n')
    expect(md).toContain('- Zyxx (`5`): no tag\n')
  })

  it('talkatlas tag --themes <bad file> exits 2 naming the file and the field', () => {
    const dir = scratch({
      'no-name.json': '[{"name":"XDP"},{"nam":"tc"}]',
      'shape.json': '{"x":1}',
      'syntax.json': '[{"name":"XDP"},\n {"name": }]',
      'example.json': '[{"name":"XDP","examples":["nope"]}]',
      'twice.json': '[{"name":"XDP"},{"name":"XDP"}]',
      'keywords.json': '{"name":"t","themes":[{"name":"XDP","keywords":"xdp"}]}',
    })
    const stderrOf = (file: string): string => {
      const run = talkatlas(['tag', lpc, '--themes', file], { cwd: dir })
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      return run.stderr
    }
    expect(stderrOf('no-name.json')).toBe('talkatlas: no-name.json [1].name: tag: a theme needs a non-empty string name\n')
    expect(stderrOf('shape.json')).toBe('talkatlas: shape.json: expected an array of themes or a taxonomy object with a "themes" array\n')
    expect(stderrOf('syntax.json')).toBe('talkatlas: syntax.json:2:11: invalid JSON: unexpected "}"\n')
    expect(stderrOf('example.json')).toBe('talkatlas: example.json [0].examples[0]: tag: example "nope" of theme "XDP" is not a talk id\n')
    expect(stderrOf('twice.json')).toBe('talkatlas: twice.json [1].name: tag: duplicate theme name "XDP"\n')
    expect(stderrOf('keywords.json')).toBe('talkatlas: keywords.json themes[0].keywords: tag: keywords must be an array of strings\n')
    expect(stderrOf('missing.json')).toBe('talkatlas: missing.json: no such file\n')
  })

  it('talkatlas tag rejects a bad --top or --threshold (exit 2)', () => {
    const top = talkatlas(['tag', lpc, '--top', '0'])
    expect(top.code).toBe(2)
    expect(top.stderr).toContain('talkatlas tag: --top="0" is invalid, expected an integer from 1 to 100')
    const threshold = talkatlas(['tag', lpc, '--threshold', '1.5'])
    expect(threshold.code).toBe(2)
    expect(threshold.stderr).toContain('talkatlas tag: --threshold="1.5" is invalid, expected a number from 0 to 1')
  })
})

describe('talkatlas sessions', () => {
  const sessionOf = (plan: SessionsJson): Map<string, string> => new Map(plan.sessions.flatMap((s) => s.talks.map((id) => [id, s.id] as const)))

  it('talkatlas sessions <input> --size 4 --parallel 3 puts every talk in exactly one session', () => {
    const run = talkatlas(['sessions', lpc, '--size', '4', '--parallel', '3'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const plan = JSON.parse(run.stdout) as SessionsJson
    expect(Object.keys(plan)).toEqual(['sessions', 'remainder', 'objective'])
    const ids = plan.sessions.flatMap((s) => s.talks)
    expect(ids).toHaveLength(72)
    expect(new Set(ids)).toEqual(new Set(lpcIds))
    expect(plan.sessions.map((s) => s.talks.length)).toEqual(new Array(18).fill(4))
    expect(plan.sessions.map((s) => s.id)).toEqual(plan.sessions.map((_, i) => `session-${i + 1}`))
    expect(plan.sessions.map((s) => s.slot)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6])
    expect(plan.sessions.map((s) => s.room)).toEqual(new Array(6).fill([1, 2, 3]).flat())
    for (const session of plan.sessions) expect(session.label).not.toBe('')
    expect(plan.remainder).toBeNull()
    expect(plan.objective.speakerClashes).toBe(0)
    expect(plan.objective.meanParallelSimilarity!).toBeLessThan(plan.objective.meanWithinSimilarity)
  })

  it('talkatlas sessions --size 5 names the shorter remainder session', () => {
    const plan = JSON.parse(talkatlas(['sessions', lpc, '--size', '5']).stdout) as SessionsJson
    expect(plan.sessions).toHaveLength(15)
    expect(plan.remainder).toEqual({ sessionId: expect.stringMatching(/^session-\d+$/), size: 2 })
    expect(plan.sessions.find((s) => s.id === plan.remainder!.sessionId)!.talks).toHaveLength(2)
    expect(plan.objective.meanParallelSimilarity).toBeNull()
  })

  it('talkatlas sessions gives the same output bytes for a shuffled input', () => {
    const reversed = [...lpcTalks].reverse()
    const rotated = [...lpcTalks.slice(30), ...lpcTalks.slice(0, 30)]
    const dir = scratch({ 'reversed.json': JSON.stringify(reversed), 'rotated.json': JSON.stringify(rotated) })
    const first = talkatlas(['sessions', lpc, '--size', '4', '--parallel', '2'])
    expect(first.code).toBe(0)
    expect(talkatlas(['sessions', join(dir, 'reversed.json'), '--size', '4', '--parallel', '2']).stdout).toBe(first.stdout)
    expect(talkatlas(['sessions', join(dir, 'rotated.json'), '--size', '4', '--parallel', '2']).stdout).toBe(first.stdout)
  })

  it('talkatlas sessions --constraints keeps together groups together and apart groups apart', () => {
    const together = ['xdp-l4-load-balancer', 'seccomp-filter-overhead']
    const apart = ['xdp-queueing-for-forwarding', 'xdp-rx-metadata-kfuncs', 'xdp-multi-buffer-jumbo-frames']
    const dir = scratch({ 'constraints.json': JSON.stringify({ together: [together], apart: [apart] }) })
    expect(lpcIds).toEqual(expect.arrayContaining([...together, ...apart]))
    const run = talkatlas(['sessions', lpc, '--size', '4', '--constraints', join(dir, 'constraints.json')])
    expect(run.code).toBe(0)
    const of = sessionOf(JSON.parse(run.stdout) as SessionsJson)
    expect(of.get(together[0]!)).toBe(of.get(together[1]!))
    expect(new Set(apart.map((id) => of.get(id))).size).toBe(3)
  })

  it('talkatlas sessions warns about an unavoidable speaker clash on stderr unless --quiet', () => {
    const input = JSON.stringify(['XDP redirect maps', 'XDP hints metadata', 'XDP multi-buffer frames'].map((title, i) => ({ id: `t${i}`, title, abstract: `${title} for packet processing`, speakers: ['Ada Example'] })))
    const run = talkatlas(['sessions', '-', '--size', '1', '--parallel', '3'], { input })
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^talkatlas: warning: sessions: speaker "Ada Example" is in 3 sessions of slot 1 \(session-1, session-2, session-3\); no clash-free schedule was found\n$/m)
    expect((JSON.parse(run.stdout) as SessionsJson).objective.speakerClashes).toBe(2)
    expect(talkatlas(['sessions', '-', '--size', '1', '--parallel', '3', '--quiet'], { input }).stderr).toBe('')
  })

  it('talkatlas sessions --format csv writes one row per talk, --format table one per session', () => {
    const csv = talkatlas(['sessions', lpc, '--size', '4', '--format', 'csv']).stdout.trimEnd().split('\n')
    expect(csv[0]).toBe('session_id,slot,room,session_label,similarity,position,talk_id,talk_title')
    expect(csv).toHaveLength(73)
    const table = talkatlas(['sessions', lpc, '--size', '4', '--format', 'table']).stdout.trimEnd().split('\n')
    expect(table[0]).toMatch(/^slot\s+room\s+id\s+label\s+talks\s+similarity\s+titles$/)
    expect(table).toHaveLength(21)
    expect(table.at(-1)).toMatch(/^18 sessions; mean within-session similarity 0\.\d{3}; speaker clashes 0$/)
    const md = talkatlas(['sessions', lpc, '--size', '4', '--format', 'md']).stdout
    expect(md.match(/^## Slot \d+, room 1: /gm)).toHaveLength(18)
    expect(md.match(/^- /gm)).toHaveLength(72)
  })

  it('talkatlas sessions --out writes the JSON file and nothing to stdout', () => {
    const dir = scratch({})
    const out = join(dir, 'plan.json')
    expect(talkatlas(['sessions', lpc, '--size', '6', '--out', out])).toEqual({ code: 0, stdout: '', stderr: '' })
    expect((JSON.parse(readFileSync(out, 'utf8')) as SessionsJson).sessions).toHaveLength(12)
  })

  it('talkatlas sessions without --size, or with a bad --size or --parallel, exits 2', () => {
    const missing = talkatlas(['sessions', lpc])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toBe("talkatlas sessions: missing --size <n> (talks per session)\nRun 'talkatlas --help' or 'talkatlas <command> --help' for usage.\n")
    expect(talkatlas(['sessions', lpc, '--size', '0']).stderr).toContain('talkatlas sessions: --size="0" is invalid, expected an integer from 1 to 1000')
    expect(talkatlas(['sessions', lpc, '--size', '4', '--parallel', 'x']).code).toBe(2)
  })

  it('talkatlas sessions --constraints <bad file> exits 2 naming the file and the field', () => {
    const dir = scratch({
      'unknown-id.json': '{"together":[["xdp-l4-load-balancer","nope"]]}',
      'typo.json': '{"togther":[]}',
      'too-big.json': '{"together":[["xdp-queueing-for-forwarding","xdp-rx-metadata-kfuncs","xdp-l4-load-balancer"]]}',
      'shape.json': '{"apart":"x"}',
      'number.json': '{"apart":[["xdp-l4-load-balancer",7]]}',
      'array.json': '[]',
    })
    const stderrOf = (file: string): string => {
      const run = talkatlas(['sessions', lpc, '--size', '2', '--constraints', file], { cwd: dir })
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      return run.stderr
    }
    expect(stderrOf('unknown-id.json')).toBe('talkatlas: unknown-id.json together[0][1]: no talk with id "nope"\n')
    expect(stderrOf('typo.json')).toBe('talkatlas: typo.json togther: unknown field "togther", expected "together" or "apart"\n')
    expect(stderrOf('too-big.json')).toMatch(/^talkatlas: too-big\.json: sessions: constraints\.together=".*" joins 3 talks in one session, more than size=2\n$/)
    expect(stderrOf('shape.json')).toBe('talkatlas: shape.json apart: must be an array of arrays of talk ids\n')
    expect(stderrOf('number.json')).toBe('talkatlas: number.json apart[0][1]: must be a talk id (a string), found number\n')
    expect(stderrOf('array.json')).toBe('talkatlas: array.json: expected an object {"together": [[talk ids]], "apart": [[talk ids]]}\n')
    expect(stderrOf('missing.json')).toBe('talkatlas: missing.json: no such file\n')
  })

  it('talkatlas sessions --help describes --size, --parallel and --constraints', () => {
    const run = talkatlas(['sessions', '--help'])
    expect(run.code).toBe(0)
    for (const flag of ['--size <n>', '--parallel <rooms>', '--constraints <file>', '--k <n|auto>', '--seed <n>']) expect(run.stdout).toContain(flag)
  })
})

describe('talkatlas tag and sessions on the schedule fixture', () => {
  it('talkatlas tag and sessions read frab XML like the other commands', () => {
    const tag = talkatlas(['tag', fixturePath('io/schedule.xml'), '--quiet'])
    expect(tag.code).toBe(0)
    expect(Object.keys((JSON.parse(tag.stdout) as { tags: Tags }).tags)).toHaveLength(4)
    const sessions = talkatlas(['sessions', fixturePath('io/schedule.xml'), '--size', '2', '--quiet'])
    expect(sessions.code).toBe(0)
    expect((JSON.parse(sessions.stdout) as SessionsJson).sessions.flatMap((s) => s.talks)).toHaveLength(4)
  })
})
