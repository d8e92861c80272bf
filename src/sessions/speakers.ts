/** Speakers of sessions: ids for the scheduler, and the clashes it could not avoid. */
import type { Atlas } from '../atlas/types.js'
import type { Warning } from '../types.js'
import type { Session } from './groupSessions.js'

/** A speaker's name as a key: trimmed, inner whitespace collapsed, case folded. */
function speakerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** Speakers of a talk, as given in its `speakers` field (non-string entries ignored). */
function talkSpeakers(atlas: Atlas, i: number): string[] {
  const speakers = atlas.talks[i]!.speakers
  if (!Array.isArray(speakers)) return []
  return speakers.filter((name): name is string => typeof name === 'string' && name.trim() !== '')
}

/** Speaker ids of every session, ascending and unique. */
export function speakerIds(atlas: Atlas, groups: readonly Int32Array[]): Int32Array[] {
  const ids = new Map<string, number>()
  return groups.map((members) => {
    const set = new Set<number>()
    for (const i of members) {
      for (const name of talkSpeakers(atlas, i)) {
        const key = speakerKey(name)
        let id = ids.get(key)
        if (id === undefined) {
          id = ids.size
          ids.set(key, id)
        }
        set.add(id)
      }
    }
    return Int32Array.from([...set].sort((a, b) => a - b))
  })
}

/**
 * Counts speaker clashes (a speaker in k > 1 sessions of a slot counts k − 1) and warns once
 * per speaker and slot.
 */
export function reportClashes(
  atlas: Atlas,
  groups: readonly Int32Array[],
  order: readonly number[],
  slot: Int32Array,
  sessions: readonly Session[],
  warnings: Warning[],
): number {
  // speaker key + slot → { name, sessions (output positions), talk ids }
  const seen = new Map<string, { name: string; slot: number; sessions: number[]; talks: number[] }>()
  order.forEach((s, position) => {
    for (const i of groups[s]) {
      for (const name of talkSpeakers(atlas, i)) {
        const key = `${slot[s]}\u0000${speakerKey(name)}`
        let entry = seen.get(key)
        if (entry === undefined) {
          entry = { name: name.trim(), slot: slot[s] + 1, sessions: [], talks: [] }
          seen.set(key, entry)
        }
        if (!entry.sessions.includes(position)) entry.sessions.push(position)
        entry.talks.push(i)
      }
    }
  })
  let clashes = 0
  for (const entry of seen.values()) {
    if (entry.sessions.length < 2) continue
    clashes += entry.sessions.length - 1
    const ids = entry.sessions.map((position) => sessions[position]!.id).join(', ')
    warnings.push({
      code: 'speaker-clash',
      message: `sessions: speaker ${JSON.stringify(entry.name)} is in ${entry.sessions.length} sessions of slot ${entry.slot} (${ids}); no clash-free schedule was found`,
      talkIds: entry.talks.sort((a, b) => a - b).map((i) => atlas.talks[i]!.id),
    })
  }
  return clashes
}
