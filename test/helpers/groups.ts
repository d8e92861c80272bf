import { expect } from 'vitest'
import type { Atlas } from '../../src/atlas/types.js'

/**
 * Group id of every talk, read through groups → themes → talks; fails the test when a talk
 * is reached twice (a theme in two groups, or a talk in two themes).
 * @param built An atlas with its groups.
 */
export function groupOfTalk(built: Pick<Atlas, 'themes' | 'groups'>): Map<string, string> {
  const themes = new Map(built.themes.map((theme) => [theme.id, theme]))
  const out = new Map<string, string>()
  for (const group of built.groups) {
    for (const id of group.themes) for (const member of themes.get(id)!.talks) {
      expect(out.has(member.id)).toBe(false)
      out.set(member.id, group.id)
    }
  }
  return out
}
