/**
 * Partitions a block of talks into sessions of a fixed size that maximise the total
 * within-session similarity Σ_sessions Σ_{pairs in session} sim(i, j).
 *
 * 1. Greedy construction: the unplaced unit with the weakest neighbourhood seeds a session
 *    (so that hard-to-place talks pick first), then the unplaced unit with the highest mean
 *    similarity to the session joins it, until the session is full (average linkage).
 * 2. Local search: pairwise swaps of talks between sessions, best partner per talk, accepted
 *    when they raise the objective; deterministic order, bounded passes. Sizes never change,
 *    so the remainder session keeps its size and collects the talks that fit nowhere.
 *
 * Talks of must-together units larger than one are placed together and not swapped.
 */

/** One block to partition, in local indices 0 … m − 1. */
export interface PartitionProblem {
  /** Pairwise similarities, m × m, zero diagonal. */
  readonly table: Float32Array
  readonly m: number
  /** Talks per session. */
  readonly size: number
  /** Units (must-together groups and single talks), local indices. */
  readonly units: readonly Int32Array[]
  /** Local partners each talk may not share a session with. */
  readonly apartOf: readonly (readonly number[])[]
  /** Maximum local-search passes. */
  readonly passes: number
}

/** Sessions of a block; full sessions first, shorter ones last. */
export interface Partition {
  readonly sessions: Int32Array[]
  /** Local-search passes run. */
  readonly passes: number
}

/** Improvements smaller than this are rounding noise, not progress. */
const EPSILON = 1e-7

/**
 * Partitions one block.
 * @param problem The block, see {@link PartitionProblem}.
 */
export function partitionBlock(problem: PartitionProblem): Partition {
  const members = constructSessions(problem)
  const passes = improveBySwaps(problem, members)
  const sessions = members.map((session) => Int32Array.from(session).sort())
  // Full sessions first; a stable sort keeps construction order among equals.
  const order = sessions.map((_, s) => s).sort((a, b) => sessions[b].length - sessions[a].length || a - b)
  return { sessions: order.map((s) => sessions[s]), passes }
}

/** Greedy average-linkage construction. */
function constructSessions(problem: PartitionProblem): number[][] {
  const { table, m, size, units, apartOf } = problem
  const seedOrder = unitsByNeighbourhood(problem)
  const placed = new Uint8Array(units.length)
  const linkage = new Float64Array(m)
  const sessionOf = new Int32Array(m).fill(-1)
  const sessions: number[][] = []
  let remaining = m
  let next = 0
  while (remaining > 0) {
    while (placed[seedOrder[next]] === 1) next++
    const session: number[] = []
    sessions.push(session)
    const capacity = Math.min(size, remaining)
    linkage.fill(0)
    let unit = seedOrder[next]
    while (unit >= 0) {
      placed[unit] = 1
      for (const i of units[unit]) {
        session.push(i)
        sessionOf[i] = sessions.length - 1
        for (let x = 0; x < m; x++) linkage[x] += table[i * m + x]
      }
      remaining -= units[unit].length
      unit = bestUnit(units, placed, linkage, capacity - session.length, apartOf, sessionOf, sessions.length - 1)
    }
  }
  return sessions
}

/** Unplaced unit with the highest mean similarity to the session that fits and may join; −1 if none. */
function bestUnit(
  units: readonly Int32Array[],
  placed: Uint8Array,
  linkage: Float64Array,
  room: number,
  apartOf: readonly (readonly number[])[],
  sessionOf: Int32Array,
  session: number,
): number {
  if (room <= 0) return -1
  let best = -1
  let bestScore = -Infinity
  for (let u = 0; u < units.length; u++) {
    if (placed[u] === 1) continue
    const members = units[u]
    if (members.length > room) continue
    let score = 0
    for (let t = 0; t < members.length; t++) score += linkage[members[t]]
    score /= members.length
    if (score > bestScore && !conflicts(members, apartOf, sessionOf, session)) {
      best = u
      bestScore = score
    }
  }
  return best
}

function conflicts(members: Int32Array, apartOf: readonly (readonly number[])[], sessionOf: Int32Array, session: number): boolean {
  for (let t = 0; t < members.length; t++) {
    for (const other of apartOf[members[t]]) if (sessionOf[other] === session) return true
  }
  return false
}

/**
 * Units ordered by how well they can be placed, weakest first: the mean over their talks of
 * the summed similarity to the size − 1 nearest talks. Ties by unit index.
 */
function unitsByNeighbourhood(problem: PartitionProblem): Int32Array {
  const { table, m, size, units } = problem
  const k = Math.max(1, Math.min(size - 1, m - 1))
  const strength = new Float64Array(m)
  const best = new Float64Array(k)
  for (let i = 0; i < m; i++) {
    best.fill(-Infinity)
    for (let j = 0; j < m; j++) {
      if (j === i) continue
      const value = table[i * m + j]
      if (value <= best[k - 1]) continue
      let p = k - 1
      while (p > 0 && best[p - 1] < value) {
        best[p] = best[p - 1]
        p--
      }
      best[p] = value
    }
    let sum = 0
    for (let p = 0; p < k; p++) if (best[p] > -Infinity) sum += best[p]
    strength[i] = sum
  }
  const unitStrength = units.map((members) => {
    let sum = 0
    for (let t = 0; t < members.length; t++) sum += strength[members[t]]
    return sum / members.length
  })
  const order = units.map((_, u) => u).sort((a, b) => unitStrength[a] - unitStrength[b] || a - b)
  return Int32Array.from(order)
}

/**
 * Pairwise swap local search. gain[x · S + s] = Σ_{y ∈ s} sim(x, y) is kept up to date, so a
 * swap of a ∈ A and b ∈ B is scored in O(1):
 *   Δ = (gain[b, A] − sim(a, b) − gain[a, A]) + (gain[a, B] − sim(a, b) − gain[b, B]).
 * @returns Passes run.
 */
function improveBySwaps(problem: PartitionProblem, sessions: number[][]): number {
  const { table, m, units, apartOf, passes: maxPasses } = problem
  const nSessions = sessions.length
  if (nSessions < 2) return 0
  const sessionOf = new Int32Array(m)
  sessions.forEach((session, s) => {
    for (const i of session) sessionOf[i] = s
  })
  const movable = new Uint8Array(m)
  for (const unit of units) if (unit.length === 1) movable[unit[0]] = 1
  const gain = new Float64Array(m * nSessions)
  for (let x = 0; x < m; x++) {
    for (let y = 0; y < m; y++) gain[x * nSessions + sessionOf[y]] += table[x * m + y]
  }
  let pass = 0
  while (pass < maxPasses) {
    pass++
    let improved = false
    for (let a = 0; a < m; a++) {
      if (movable[a] === 0) continue
      const sa = sessionOf[a]
      const rowA = a * nSessions
      let bestB = -1
      let bestDelta = EPSILON
      for (let b = 0; b < m; b++) {
        const sb = sessionOf[b]
        if (sb === sa || movable[b] === 0) continue
        const rowB = b * nSessions
        const between = table[a * m + b]
        const delta = gain[rowB + sa] - gain[rowA + sa] + gain[rowA + sb] - gain[rowB + sb] - 2 * between
        if (delta > bestDelta && swapAllowed(a, b, sa, sb, apartOf, sessionOf)) {
          bestDelta = delta
          bestB = b
        }
      }
      if (bestB < 0) continue
      swap(a, bestB, sessions, sessionOf, gain, table, m)
      improved = true
    }
    if (!improved) break
  }
  return pass
}

/** Whether a may join b's session (without b) and b may join a's (without a). */
function swapAllowed(a: number, b: number, sa: number, sb: number, apartOf: readonly (readonly number[])[], sessionOf: Int32Array): boolean {
  for (const other of apartOf[a]) if (other !== b && sessionOf[other] === sb) return false
  for (const other of apartOf[b]) if (other !== a && sessionOf[other] === sa) return false
  return true
}

function swap(a: number, b: number, sessions: number[][], sessionOf: Int32Array, gain: Float64Array, table: Float32Array, m: number): void {
  const sa = sessionOf[a]
  const sb = sessionOf[b]
  const nSessions = sessions.length
  for (let x = 0; x < m; x++) {
    const change = table[x * m + b] - table[x * m + a]
    gain[x * nSessions + sa] += change
    gain[x * nSessions + sb] -= change
  }
  sessions[sa][sessions[sa].indexOf(a)] = b
  sessions[sb][sessions[sb].indexOf(b)] = a
  sessionOf[a] = sb
  sessionOf[b] = sa
}
