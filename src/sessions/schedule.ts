/**
 * Places sessions into time slots of `parallel` rooms so that sessions running at the same
 * time are as unlike as possible and no speaker is in two rooms at once.
 *
 * Objective, compared lexicographically: (speaker clashes, Σ_slots Σ_{pairs in slot}
 * sessionSim). Start: sessions ordered by topic (their dominant theme), dealt round-robin over
 * the slots, so that neighbours in topic order land in different slots. Then swaps of two
 * positions in different slots (empty rooms are positions too, so swaps also move a session
 * into a free room), best partner per session, bounded passes. Above DENSE_SESSIONS sessions
 * only clash-removing swaps are searched, over a window of nearby slots. Clashes that survive
 * are attacked by a seeded iterated local search (random swaps, then the swap search again).
 */
import { createRandom } from '../random.js'
import { sessionSimilarity, talkSimilarityTable, type SessionVectors } from './similarityTable.js'

/** Sessions up to which the session-by-session similarity table is precomputed. */
const DENSE_SESSIONS = 2000
/** Slots on each side searched for a clash-removing swap above DENSE_SESSIONS. */
const CLASH_WINDOW = 64
const EPSILON = 1e-7

/** What scheduling needs to know about the sessions. */
export interface ScheduleProblem {
  readonly vectors: SessionVectors
  /** Speaker ids of each session, ascending, unique. */
  readonly speakers: readonly Int32Array[]
  /** Sort key of each session (dominant theme), used for the round-robin start. */
  readonly topic: Int32Array
  /** Rooms per slot. */
  readonly parallel: number
  /** Maximum local-search passes. */
  readonly passes: number
}

/** Slot and room (0-based) of every session. */
export interface Schedule {
  readonly slot: Int32Array
  readonly room: Int32Array
  readonly nSlots: number
}

/**
 * Schedules sessions into slots of `parallel` rooms.
 * @param problem See {@link ScheduleProblem}.
 */
export function scheduleSessions(problem: ScheduleProblem): Schedule {
  const { vectors, topic, parallel } = problem
  const nSessions = vectors.nSessions
  const nSlots = Math.ceil(nSessions / parallel)
  // positions[t · P + r] = session in slot t, room r, or −1 for an empty room.
  const positions = new Int32Array(nSlots * parallel).fill(-1)
  const order = Array.from({ length: nSessions }, (_, s) => s).sort((a, b) => topic[a] - topic[b] || a - b)
  order.forEach((s, q) => {
    positions[(q % nSlots) * parallel + Math.floor(q / nSlots)] = s
  })
  if (parallel > 1 && nSlots > 1) {
    improveSlots(problem, positions, nSlots)
    escapeClashes(problem, positions, nSlots)
  }
  return readSchedule(positions, nSessions, parallel)
}

/** Perturbed restarts of the swap search tried while speaker clashes remain. */
const CLASH_KICKS = 40
/** Random swaps per perturbation. */
const KICK_SWAPS = 3

/**
 * Iterated local search for the clashes single swaps cannot remove (when every swap that
 * frees one speaker traps another): a few seeded random swaps, the swap search again, and
 * the result kept only if it has fewer clashes. Deterministic; stops at zero clashes.
 * @param problem The problem.
 * @param positions Current placement, improved in place.
 * @param nSlots Number of slots.
 */
function escapeClashes(problem: ScheduleProblem, positions: Int32Array, nSlots: number): void {
  let clashes = countClashes(problem, positions)
  if (clashes === 0 || problem.vectors.nSessions > DENSE_SESSIONS) return
  const random = createRandom(0x5e55)
  for (let kick = 0; kick < CLASH_KICKS && clashes > 0; kick++) {
    const trial = positions.slice()
    for (let swap = 0; swap < KICK_SWAPS; swap++) {
      const a = Math.floor(random.next() * trial.length)
      const b = Math.floor(random.next() * trial.length)
      const held = trial[a]
      trial[a] = trial[b]
      trial[b] = held
    }
    improveSlots(problem, trial, nSlots)
    const trialClashes = countClashes(problem, trial)
    if (trialClashes < clashes) {
      positions.set(trial)
      clashes = trialClashes
    }
  }
}

/** Speaker clashes of a placement: shared speakers summed over pairs of sessions in a slot. */
function countClashes(problem: ScheduleProblem, positions: Int32Array): number {
  const { speakers, parallel } = problem
  let total = 0
  for (let start = 0; start < positions.length; start += parallel) {
    for (let p = start; p < start + parallel; p++) {
      for (let q = p + 1; q < start + parallel; q++) {
        if (positions[p] >= 0 && positions[q] >= 0) total += sharedCount(speakers[positions[p]], speakers[positions[q]])
      }
    }
  }
  return total
}

/** Slots numbered in order with empty slots dropped; rooms numbered within each slot. */
function readSchedule(positions: Int32Array, nSessions: number, parallel: number): Schedule {
  const slot = new Int32Array(nSessions)
  const room = new Int32Array(nSessions)
  let nSlots = 0
  for (let t = 0; t * parallel < positions.length; t++) {
    let r = 0
    for (let p = t * parallel; p < (t + 1) * parallel; p++) {
      const s = positions[p]
      if (s < 0) continue
      slot[s] = nSlots
      room[s] = r++
    }
    if (r > 0) nSlots++
  }
  return { slot, room, nSlots }
}

function improveSlots(problem: ScheduleProblem, positions: Int32Array, nSlots: number): void {
  const { vectors, speakers, parallel, passes } = problem
  const nSessions = vectors.nSessions
  const dense = nSessions <= DENSE_SESSIONS
  const table = dense
    ? talkSimilarityTable(
        { matrix: vectors.tfidf, embedding: { dimensions: vectors.dimensions, vectors: vectors.lsa } },
        Int32Array.from({ length: nSessions }, (_, s) => s),
      )
    : null
  const sim = table
    ? (a: number, b: number) => table[a * nSessions + b]
    : (a: number, b: number) => sessionSimilarity(vectors, a, b)
  const clash = (a: number, b: number) => sharedCount(speakers[a], speakers[b])
  const slotOfPosition = (p: number) => Math.floor(p / parallel)

  /** Cost of session s in slot t, ignoring the sessions `skip` and s itself. */
  const cost = (s: number, t: number, skip: number, measure: (a: number, b: number) => number) => {
    if (s < 0) return 0
    let total = 0
    for (let p = t * parallel; p < (t + 1) * parallel; p++) {
      const other = positions[p]
      if (other >= 0 && other !== s && other !== skip) total += measure(s, other)
    }
    return total
  }
  const nPositions = positions.length
  for (let pass = 0; pass < passes; pass++) {
    let improved = false
    for (let pa = 0; pa < nPositions; pa++) {
      const a = positions[pa]
      if (a < 0) continue
      const ta = slotOfPosition(pa)
      const clashA = cost(a, ta, -1, clash)
      if (!dense && clashA === 0) continue
      const simA = dense ? cost(a, ta, -1, sim) : 0
      let bestP = -1
      let bestClash = 0
      let bestSim = -EPSILON
      const windowed = !dense && nSlots > 2 * CLASH_WINDOW + 1
      const [from, to] = windowed ? [ta - CLASH_WINDOW, ta + CLASH_WINDOW + 1] : [0, nSlots]
      for (let u = from; u < to; u++) {
        const tb = ((u % nSlots) + nSlots) % nSlots
        if (tb === ta) continue
        for (let pb = tb * parallel; pb < (tb + 1) * parallel; pb++) {
          const b = positions[pb]
          const dClash = cost(a, tb, b, clash) + cost(b, ta, a, clash) - clashA - cost(b, tb, -1, clash)
          if (dClash > bestClash) continue
          // Without the table only clash-removing swaps are taken (dSim = 0 never beats −ε).
          const dSim = dense ? cost(a, tb, b, sim) + cost(b, ta, a, sim) - simA - cost(b, tb, -1, sim) : 0
          if (dClash < bestClash || dSim < bestSim) {
            bestP = pb
            bestClash = dClash
            bestSim = dSim
          }
        }
      }
      if (bestP < 0) continue
      positions[pa] = positions[bestP]
      positions[bestP] = a
      improved = true
    }
    if (!improved) break
  }
}

/** Number of values two ascending arrays share. */
export function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0
  let p = 0
  let q = 0
  while (p < a.length && q < b.length) {
    if (a[p] === b[q]) {
      shared++
      p++
      q++
    } else if (a[p] < b[q]) p++
    else q++
  }
  return shared
}
