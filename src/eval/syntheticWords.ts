/**
 * The synthetic corpus's words: invented word-like terms made from syllables, and the seeded
 * Zipf and uniform draws that pick them.
 */
import { type Random } from '../random.js'

export const ONSETS = [
  '', '', '', 'b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z',
  'br', 'cr', 'dr', 'fl', 'gr', 'kl', 'pl', 'pr', 'sk', 'sl', 'st', 'tr', 'sh', 'ch', 'th',
]

export const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'io', 'ou', 'y']

export const CODAS = ['', '', '', '', '', '', 'n', 'r', 's', 'l', 'm', 'x', 't', 'nd', 'rk', 'st', 'ng']

export const SUFFIXES = ['ing', 'er', 'ion', 'ity', 'ics', 'al', 'ism', 'ware', 'ed', 'able']

/**
 * `count` distinct invented words, none of them in `reserved`, in the order drawn.
 * @param count Number of words.
 * @param random Seeded stream.
 * @param reserved Words to avoid (real function words).
 * @param minSyllables Shortest word in syllables (before an optional suffix).
 * @param maxSyllables Longest word in syllables (before an optional suffix).
 */
export function inventWords(count: number, random: Random, reserved: ReadonlySet<string>, minSyllables: number, maxSyllables: number): string[] {
  const seen = new Set<string>()
  const words: string[] = []
  while (words.length < count) {
    const word = inventWord(random, minSyllables, maxSyllables)
    if (word.length >= 4 && !seen.has(word) && !reserved.has(word)) {
      seen.add(word)
      words.push(word)
    }
  }
  return words
}

/**
 * A word of `minSyllables` to `maxSyllables` syllables, sometimes with a suffix (`-ing`,
 * `-ity`…), so that stemmers meet inflected forms.
 * @param random Seeded stream.
 * @param minSyllables Fewest syllables.
 * @param maxSyllables Most syllables; the count is uniform in between.
 */
export function inventWord(random: Random, minSyllables: number, maxSyllables: number): string {
  const nSyllables = minSyllables + Math.floor(random.next() * (maxSyllables - minSyllables + 1))
  let word = ''
  for (let s = 0; s < nSyllables; s++) {
    word += ONSETS[Math.floor(random.next() * ONSETS.length)]!
    word += VOWELS[Math.floor(random.next() * VOWELS.length)]!
    word += CODAS[Math.floor(random.next() * CODAS.length)]!
  }
  if (random.next() < 0.3) word += SUFFIXES[Math.floor(random.next() * SUFFIXES.length)]!
  return word
}

/**
 * Cumulative distribution of Zipf's law over `n` ranks: P(r) ∝ 1 / (r + 1)^exponent,
 * normalised so that the last entry is 1.
 * @param n Number of ranks.
 * @param exponent Zipf exponent (1 = classic Zipf).
 */
export function zipfCdf(n: number, exponent: number): Float64Array {
  const cdf = new Float64Array(n)
  let total = 0
  for (let r = 0; r < n; r++) {
    total += 1 / Math.pow(r + 1, exponent)
    cdf[r] = total
  }
  for (let r = 0; r < n; r++) cdf[r] = cdf[r]! / total
  cdf[n - 1] = 1
  return cdf
}

/**
 * Index of the first entry of `cdf` greater than `u` (binary search), i.e. a draw from the
 * distribution when `u` is uniform in [0, 1).
 * @param cdf Cumulative distribution, last entry 1.
 * @param u Uniform number in [0, 1).
 */
export function drawIndex(cdf: Float64Array, u: number): number {
  let lo = 0
  let hi = cdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (cdf[mid]! > u) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * First letter upper-cased.
 * @param word Lower-case word.
 */
export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
