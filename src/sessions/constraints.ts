/**
 * Session constraints resolved to talk indices: must-together groups become units (talks
 * that always move as one), must-apart groups become per-talk lists of forbidden partners.
 */
import { InputError, OptionError } from '../errors.js'

/** Which talks must or must not share a session, by talk id. */
export interface SessionConstraints {
  /** Groups of talk ids that must share a session (overlapping groups are merged). @default [] */
  readonly together?: readonly (readonly string[])[]
  /** Groups of talk ids no two of which may share a session. @default [] */
  readonly apart?: readonly (readonly string[])[]
}

/** Constraints as the partitioner uses them. */
export interface ResolvedConstraints {
  /** Unit of each talk. */
  readonly unitOf: Int32Array
  /** Members of each unit, ascending talk index; singletons for unconstrained talks. */
  readonly units: readonly Int32Array[]
  /** Talks each talk may not share a session with (a shared empty array for most talks). */
  readonly apartOf: readonly (readonly number[])[]
  /** Whether any apart constraint exists (lets hot loops skip the check). */
  readonly hasApart: boolean
}

const NO_PARTNERS: readonly number[] = Object.freeze([])

/**
 * Checks constraints against the talks and the session size and resolves them.
 * @param constraints Constraints by talk id.
 * @param index Position of every talk id.
 * @param size Talks per session.
 * @param nSessions Number of sessions the talks fill.
 * @throws InputError on a malformed group or an unknown talk id.
 * @throws OptionError on a together group larger than `size`, on two talks that must be
 *   both together and apart, or on an apart group larger than the number of sessions.
 */
export function resolveConstraints(
  constraints: SessionConstraints,
  index: ReadonlyMap<string, number>,
  size: number,
  nSessions: number,
): ResolvedConstraints {
  const n = index.size
  const together = readGroups(constraints.together, 'together', index)
  const apart = readGroups(constraints.apart, 'apart', index)
  const root = mergeTogether(n, together)
  const { unitOf, units } = collectUnits(root)
  for (const unit of units) {
    if (unit.length > size) {
      throw new OptionError('groupSessions', 'constraints.together', idsOf(unit, index), `groups of at most size=${size} talks`,
        `joins ${unit.length} talks in one session, more than size=${size}`)
    }
  }
  const partners: number[][] = []
  for (const group of apart) {
    if (group.length > nSessions) {
      throw new OptionError('groupSessions', 'constraints.apart', idsOf(group, index), `groups of at most ${nSessions} talks`,
        `needs ${group.length} separate sessions, only ${nSessions} exist`)
    }
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) addApart(partners, group[x], group[y], unitOf, index)
    }
  }
  const apartOf: (readonly number[])[] = new Array(n)
  for (let i = 0; i < n; i++) apartOf[i] = partners[i] ?? NO_PARTNERS
  return { unitOf, units, apartOf, hasApart: apart.length > 0 }
}

/**
 * Talk indices of each group, duplicates removed, ascending.
 */
function readGroups(
  groups: readonly (readonly string[])[] | undefined,
  name: string,
  index: ReadonlyMap<string, number>,
): number[][] {
  if (groups === undefined) return []
  if (!Array.isArray(groups)) throw new InputError('must be an array of arrays of talk ids', { field: `constraints.${name}` })
  return groups.map((group, g) => {
    if (!Array.isArray(group)) throw new InputError('must be an array of talk ids', { field: `constraints.${name}[${g}]` })
    const members = new Set<number>()
    group.forEach((id: unknown, t) => {
      const i = typeof id === 'string' ? index.get(id) : undefined
      if (i === undefined) {
        throw new InputError(`no talk with id ${JSON.stringify(id)}`, { field: `constraints.${name}[${g}][${t}]` })
      }
      members.add(i)
    })
    return [...members].sort((a, b) => a - b)
  })
}

/** Union–find over the together groups; returns the root of every talk. */
function mergeTogether(n: number, groups: readonly number[][]): Int32Array {
  const parent = new Int32Array(n)
  for (let i = 0; i < n; i++) parent[i] = i
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]]
      i = parent[i]
    }
    return i
  }
  for (const group of groups) {
    for (let t = 1; t < group.length; t++) {
      const a = find(group[0])
      const b = find(group[t])
      // The smaller index becomes the root so that units are numbered by their first talk.
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
    }
  }
  for (let i = 0; i < n; i++) parent[i] = find(i)
  return parent
}

/** Units numbered by their first talk, members ascending. */
function collectUnits(root: Int32Array): { unitOf: Int32Array; units: Int32Array[] } {
  const n = root.length
  const unitOf = new Int32Array(n)
  const sizes: number[] = []
  for (let i = 0; i < n; i++) {
    if (root[i] === i) {
      unitOf[i] = sizes.length
      sizes.push(0)
    } else unitOf[i] = unitOf[root[i]]
    sizes[unitOf[i]]++
  }
  const units = sizes.map((s) => new Int32Array(s))
  const filled = new Int32Array(sizes.length)
  for (let i = 0; i < n; i++) units[unitOf[i]][filled[unitOf[i]]++] = i
  return { unitOf, units }
}

function addApart(partners: number[][], a: number, b: number, unitOf: Int32Array, index: ReadonlyMap<string, number>): void {
  if (unitOf[a] === unitOf[b]) {
    throw new OptionError('groupSessions', 'constraints', idsOf([a, b], index), 'constraints that can all hold',
      'asks for two talks to be both together and apart')
  }
  ;(partners[a] ??= []).push(b)
  ;(partners[b] ??= []).push(a)
}

function idsOf(members: ArrayLike<number>, index: ReadonlyMap<string, number>): string {
  const ids = [...index.keys()]
  return Array.from(members, (i) => ids[i]).join(', ')
}
