import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { talkatlas, root } from './helpers/cli.js'

const ml = join(root, 'fixtures', 'ml-workshop.json')

interface ThemeJson { id: string; label: string; keywords: string[]; talks: string[] }
interface GroupJson<T> { id: string; label: string; keywords: string[]; size: number; themes: T[] }

describe('talkatlas themes --level', () => {
  const flat = talkatlas(['themes', ml, '--format', 'json'])
  const themes = (JSON.parse(flat.stdout) as { themes: ThemeJson[] }).themes

  it('--level themes prints the flat themes byte for byte', () => {
    expect(flat.code).toBe(0)
    expect(talkatlas(['themes', ml, '--format', 'json', '--level', 'themes']).stdout).toBe(flat.stdout)
  })

  it('--level groups lists every theme id in exactly one group, sizes adding up to the talks', () => {
    const run = talkatlas(['themes', ml, '--format', 'json', '--level', 'groups'])
    expect(run.code).toBe(0)
    const groups = (JSON.parse(run.stdout) as { groups: GroupJson<string>[] }).groups
    expect(groups.map((g) => g.id)).toEqual(groups.map((_, g) => `group-${g + 1}`))
    expect(groups.flatMap((g) => g.themes).sort()).toEqual(themes.map((t) => t.id).sort())
    expect(groups.reduce((sum, g) => sum + g.size, 0)).toBe(themes.reduce((sum, t) => sum + t.talks.length, 0))
    for (const group of groups) expect(group.keywords.length).toBeGreaterThan(0)
  })

  it('--level tree nests the flat themes under their groups; --groups sets the count', () => {
    const run = talkatlas(['themes', ml, '--format', 'json', '--level', 'tree', '--groups', '2'])
    expect(run.code).toBe(0)
    const groups = (JSON.parse(run.stdout) as { groups: GroupJson<ThemeJson>[] }).groups
    expect(groups.length).toBe(2)
    const nested = groups.flatMap((g) => g.themes).sort((a, b) => a.id.localeCompare(b.id))
    expect(nested).toEqual([...themes].sort((a, b) => a.id.localeCompare(b.id)))
  })

  it('--level tree draws themes and talks under each group in a table and in Markdown', () => {
    const table = talkatlas(['themes', ml, '--format', 'table', '--level', 'tree'])
    expect(table.code).toBe(0)
    const lines = table.stdout.split('\n')
    expect(lines.filter((line) => line.startsWith('group-')).length).toBe(3)
    expect(lines.filter((line) => line.startsWith('├ theme-')).length).toBe(themes.length)
    expect(lines.filter((line) => line.startsWith('│')).length).toBe(themes.reduce((sum, t) => sum + t.talks.length, 0))
    const md = talkatlas(['themes', ml, '--format', 'md', '--level', 'tree'])
    expect(md.stdout).toMatch(/^# Groups \(3\)\n\n## /)
    expect(md.stdout.split('\n').filter((line) => line.startsWith('  - ')).length).toBe(themes.reduce((sum, t) => sum + t.talks.length, 0))
  })

  it('rejects an unknown level or a bad --groups with exit 2 and no stack trace', () => {
    const level = talkatlas(['themes', ml, '--level', 'tracks'])
    expect(level.code).toBe(2)
    expect(level.stderr).toContain('--level="tracks" is invalid, expected themes, groups or tree')
    const groups = talkatlas(['themes', ml, '--groups', '0'])
    expect(groups.code).toBe(2)
    expect(groups.stderr).toContain('--groups="0" is invalid')
    expect(groups.stderr).not.toContain('    at ')
  })
})

describe('talkatlas sessions --by-group', () => {
  it('keeps each session in one group and says which group each room holds when', () => {
    const run = talkatlas(['sessions', ml, '--size', '3', '--parallel', '2', '--by-group', '--format', 'json'])
    expect(run.code).toBe(0)
    const plan = JSON.parse(run.stdout) as {
      sessions: { id: string; talks: string[]; slot: number; room: number; group: string }[]
      tracks: { group: string; label: string; room: number; firstSlot: number; lastSlot: number }[]
    }
    const tree = (JSON.parse(talkatlas(['themes', ml, '--format', 'json', '--level', 'tree']).stdout) as { groups: GroupJson<ThemeJson>[] }).groups
    const groupOf = new Map(tree.flatMap((g) => g.themes.flatMap((t) => t.talks.map((id) => [id, g.id] as const))))
    expect(plan.sessions.flatMap((s) => s.talks).sort()).toEqual([...groupOf.keys()].sort())
    for (const session of plan.sessions) {
      for (const id of session.talks) expect(groupOf.get(id)).toBe(session.group)
      expect(plan.tracks.some((t) => t.group === session.group && t.room === session.room && t.firstSlot <= session.slot && session.slot <= t.lastSlot)).toBe(true)
    }
    const table = talkatlas(['sessions', ml, '--size', '3', '--parallel', '2', '--by-group', '--format', 'table'])
    expect(table.stdout).toMatch(/room {2}slots +group +label/)
    const plain = talkatlas(['sessions', ml, '--size', '3', '--format', 'json'])
    expect(plain.stdout).not.toContain('"tracks"')
    expect(plain.stdout).not.toContain('"group"')
  })
})
