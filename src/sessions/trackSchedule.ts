/**
 * Sessions placed as conferences run tracks: each group's sessions in one room on consecutive
 * slots, themes of the group one after the other.
 *
 * Groups are first kept whole, largest first into the room that is free earliest (longest
 * processing time first, Graham 1969). If that makes the day longer than the fewest slots the
 * sessions need (⌈sessions / rooms⌉), the groups are instead laid end to end and wrapped over
 * the rooms at that length (McNaughton 1959): the day is as short as it can be, and at most
 * rooms − 1 groups continue in a second room, later pieces at earlier slots so that a group
 * smaller than the day never runs beside itself.
 */

/** Where each session runs, and which group each room holds when. */
export interface TrackSchedule {
  /** 0-based slot of each session. */
  readonly slot: Int32Array
  /** 0-based room of each session. */
  readonly room: Int32Array
  readonly nSlots: number
  /** Consecutive slots of one room holding one group, by room then slot. */
  readonly runs: readonly TrackRun[]
}

/** A room holding one group for consecutive slots (0-based). */
export interface TrackRun {
  readonly group: number
  readonly room: number
  readonly firstSlot: number
  readonly lastSlot: number
}

/**
 * Places sessions by group.
 * @param sessionGroup Group of each session (≥ 0).
 * @param topic Sort key within a group (dominant theme); ties keep session order.
 * @param parallel Rooms.
 */
export function scheduleTracks(sessionGroup: Int32Array, topic: Int32Array, parallel: number): TrackSchedule {
  const total = sessionGroup.length
  const blocks = groupBlocks(sessionGroup, topic)
  const day = Math.ceil(total / parallel)
  const slot = new Int32Array(total)
  const room = new Int32Array(total)
  const loads = new Int32Array(parallel)
  const starts = blocks.map((block) => {
    let best = 0
    for (let r = 1; r < parallel; r++) if (loads[r]! < loads[best]!) best = r
    const start = { room: best, slot: loads[best]! }
    loads[best] += block.sessions.length
    return start
  })
  const whole = Math.max(0, ...loads) <= day
  let position = 0
  blocks.forEach((block, b) => {
    block.sessions.forEach((s, t) => {
      if (whole) {
        room[s] = starts[b]!.room
        slot[s] = starts[b]!.slot + t
      } else {
        room[s] = Math.floor(position / day)
        slot[s] = position % day
        position++
      }
    })
  })
  const nSlots = total === 0 ? 0 : Math.max(...slot) + 1
  return { slot, room, nSlots, runs: trackRuns(blocks, slot, room) }
}

/** A group's sessions in the order they run. */
interface Block {
  readonly group: number
  readonly sessions: number[]
}

/** Groups with sessions, most sessions first (ties: lower group); sessions by topic, then index. */
function groupBlocks(sessionGroup: Int32Array, topic: Int32Array): Block[] {
  const byGroup = new Map<number, number[]>()
  for (let s = 0; s < sessionGroup.length; s++) {
    const g = sessionGroup[s]!
    if (!byGroup.has(g)) byGroup.set(g, [])
    byGroup.get(g)!.push(s)
  }
  const blocks = [...byGroup].map(([group, sessions]) => ({ group, sessions: sessions.sort((a, b) => topic[a]! - topic[b]! || a - b) }))
  return blocks.sort((a, b) => b.sessions.length - a.sessions.length || a.group - b.group)
}

/** The runs of consecutive slots each group holds in each room. */
function trackRuns(blocks: readonly Block[], slot: Int32Array, room: Int32Array): TrackRun[] {
  const runs: TrackRun[] = []
  for (const block of blocks) {
    let current: { group: number; room: number; firstSlot: number; lastSlot: number } | undefined
    for (const s of block.sessions) {
      if (current !== undefined && current.room === room[s] && current.lastSlot + 1 === slot[s]) {
        current.lastSlot = slot[s]!
        continue
      }
      if (current !== undefined) runs.push(current)
      current = { group: block.group, room: room[s]!, firstSlot: slot[s]!, lastSlot: slot[s]! }
    }
    if (current !== undefined) runs.push(current)
  }
  return runs.sort((a, b) => a.room - b.room || a.firstSlot - b.firstSlot)
}
