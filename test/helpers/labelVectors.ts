import { createRandom } from '../../src/random.js'

/**
 * Vectors that carry known structure: each label gets a random unit centre, each talk its
 * label's centre plus Gaussian noise of norm about `noise` (0: the centre itself).
 * @param labels Label of every talk.
 * @param noise Noise norm relative to the unit centre.
 * @param dimensions Width of the vectors.
 * @param seed Seed.
 */
export function labelVectors(labels: readonly string[], noise: number, dimensions = 32, seed = 7): Float32Array[] {
  const random = createRandom(seed)
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
  const centres = new Map<string, number[]>()
  for (const label of [...new Set(labels)].sort()) {
    const centre = Array.from({ length: dimensions }, gaussian)
    const norm = Math.hypot(...centre)
    centres.set(label, centre.map((x) => x / norm))
  }
  return labels.map((label) => Float32Array.from(centres.get(label)!, (x) => x + (noise * gaussian()) / Math.sqrt(dimensions)))
}
