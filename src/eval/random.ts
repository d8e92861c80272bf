/**
 * Seeded pseudo-random numbers for reproducible corpora and experiments.
 *
 * Generator: xoshiro128** 1.1 by David Blackman and Sebastiano Vigna
 * (https://prng.di.unimi.it/xoshiro128starstar.c, public domain), 128 bits of state,
 * period 2^128 − 1. The state is filled from the 32-bit seed with splitmix32
 * (the 32-bit variant of Steele, Lea and Flood's SplitMix), so that nearby seeds
 * (1, 2, 3…) give unrelated streams and the state is never all zero.
 *
 * Everything is plain 32-bit integer arithmetic (`Math.imul`, `>>>`), so the stream is
 * the same on every JavaScript engine.
 */

/** A source of uniform numbers in [0, 1), each a multiple of 2^-32. */
export type Random = () => number

/** 2^-32: turns an unsigned 32-bit integer into a fraction in [0, 1). */
const UINT32_TO_UNIT = 1 / 4294967296

/**
 * Creates a seeded xoshiro128** generator. The same seed always yields the same sequence.
 *
 * @param seed Any finite number; it is truncated to an unsigned 32-bit integer
 *   (`seed >>> 0`), so 42 and 42 + 2^32 give the same stream.
 * @returns A function returning the next uniform number in [0, 1).
 *
 * @example
 * const random = createRandom(42)
 * const die = 1 + Math.floor(random() * 6)
 */
export function createRandom(seed: number): Random {
  let s = seed >>> 0
  // splitmix32: four well-mixed, not-all-zero words from one seed.
  const next32 = (): number => {
    s = (s + 0x9e3779b9) | 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = next32()
  let b = next32()
  let c = next32()
  let d = next32()
  if ((a | b | c | d) === 0) a = 1

  return () => {
    // result = rotl(b * 5, 7) * 9
    const m = Math.imul(b, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0
    const t = b << 9
    c ^= a
    d ^= b
    b ^= c
    a ^= d
    c ^= t
    d = (d << 11) | (d >>> 21)
    return result * UINT32_TO_UNIT
  }
}
