/**
 * Seeded pseudo-random numbers. Every random choice in talkatlas goes through a `Random`
 * created from the user's seed, so the same seed gives the same output everywhere.
 */

/** A seeded source of uniform floats in [0, 1). */
export interface Random {
  /** Next uniform float in [0, 1). */
  next(): number
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state generator, fast and good
 * enough for seeding and sampling (not for cryptography).
 *
 * @param seed Any number; its low 32 bits are used.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0
      let t = state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    },
  }
}

/**
 * Standard normal deviate by the Box–Muller transform.
 * @param random Source of uniforms.
 */
export function nextGaussian(random: Random): number {
  let u = random.next()
  while (u === 0) u = random.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next())
}

/**
 * Uniform integer in [0, n).
 * @param random Source of uniforms.
 * @param n Exclusive upper bound.
 */
export function nextInt(random: Random, n: number): number {
  return Math.floor(random.next() * n)
}

/**
 * A uniform sample of `size` of the rows (partial Fisher–Yates with the run's generator),
 * in ascending row order so that it does not depend on the draw order; `rows` itself when
 * there are no more than `size`.
 * @param rows Rows to sample.
 * @param size Rows wanted.
 * @param random Generator.
 */
export function sampleRows(rows: Int32Array, size: number, random: Random): Int32Array {
  if (size >= rows.length) return rows
  const pool = rows.slice()
  for (let t = 0; t < size; t++) {
    const swap = t + Math.floor(random.next() * (pool.length - t))
    const held = pool[t]
    pool[t] = pool[swap]
    pool[swap] = held
  }
  return pool.subarray(0, size).sort()
}
