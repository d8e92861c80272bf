/**
 * The synthetic corpus's speakers: a pool of invented names sized to the corpus, and one to
 * three of them drawn per talk.
 */
import { type Random } from '../random.js'
import type { World } from './synthetic.js'

/** Invented first names in the speaker pool. */
export const FIRST_NAMES = 120

/**
 * Fewest invented last names. Fixed up to 240,000 talks, so that the lexicon and the names
 * do not depend on the corpus size and a small corpus is a prefix of a larger one.
 */
export const MIN_LAST_NAMES = 1000

/** Fewest people in the speaker pool. */
export const MIN_SPEAKERS = 8

/**
 * Size of the speaker pool once `talks` talks exist: about one person per two talks. The
 * pool grows along the corpus, so that the speakers of talk i do not depend on how many
 * talks follow it.
 * @param talks Number of talks so far.
 */
export function speakerPoolSize(talks: number): number {
  return Math.max(MIN_SPEAKERS, Math.ceil(talks / 2))
}

/**
 * One to three distinct speakers from the first `pool` people.
 * @param pool Number of people to draw from.
 * @param world Speaker names.
 * @param random Seeded stream.
 */
export function drawSpeakers(pool: number, world: World, random: Random): string[] {
  const u = random.next()
  const count = u < 0.75 ? 1 : u < 0.95 ? 2 : 3
  const chosen: number[] = []
  while (chosen.length < count) {
    const s = Math.floor(random.next() * pool)
    if (!chosen.includes(s)) chosen.push(s)
  }
  const speakers: string[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const s = chosen[i]!
    speakers[i] = speakerName(s, world)
  }
  return speakers
}

/**
 * Number of last names for a pool of `speakerPool` people: at least `speakerPool / 120`,
 * and not a multiple of 11, so that {@link speakerName} gives every person a distinct name.
 * @param speakerPool Number of people.
 */
export function lastNameCount(speakerPool: number): number {
  const count = Math.max(MIN_LAST_NAMES, Math.ceil(speakerPool / FIRST_NAMES))
  return count % 11 === 0 ? count + 1 : count
}

/**
 * Name of person `s`: first name `s mod F`, last name `(s + ⌊s / F⌋) mod L` with F = 120.
 * With s = a + F·q this is (a + 121·q) mod L, distinct for every q < L when 121 = 11² and L
 * are coprime, so no two people share a name while consecutive people get different last
 * names.
 * @param s Person index in the pool.
 * @param world Name lists.
 */
export function speakerName(s: number, world: World): string {
  const first = world.firstNames[s % FIRST_NAMES]!
  const last = world.lastNames[(s + Math.floor(s / FIRST_NAMES)) % world.lastNames.length]!
  return `${first} ${last}`
}
