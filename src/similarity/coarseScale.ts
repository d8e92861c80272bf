/**
 * The coarse scale of related talks, read from the data: among a few candidate numbers of
 * parts at and below the track-sized p (p/2, p/√2, p), the one whose k-means partitions
 * agree most with those of the neighbouring candidates (stability across k). An event whose
 * tracks are broader than p-sized parts (35C3: 8 tracks of 21 talks, p = 18) keeps its
 * partitions when cut into 9 parts or 13, and the 9 agree best; a corpus of many narrow
 * tracks (FOSDEM: 78 of 14, p = 47) agrees best at p, where its partitions are finer still.
 */

/** Candidate scales as fractions of the track-sized p: never finer than p, at most twice coarser. */
export const SCALE_FACTORS: readonly number[] = [0.5, Math.SQRT1_2, 1]

/** K-means runs per candidate scale that measure its stability (the first of the runs kept at the chosen one). */
export const PROBE_RUNS = 10

/**
 * The candidate numbers of parts for a track-sized p, ascending, distinct, at least 2.
 * @param p The track-sized number of parts.
 */
export function scaleCandidates(p: number): number[] {
  // Ascending as the factors are: rounding and the floor of 2 keep the order.
  return [...new Set(SCALE_FACTORS.map((f) => Math.max(2, Math.round(p * f))))]
}

/**
 * Adjusted Rand index between two labellings of the same items (labels 0 … ka − 1 and
 * 0 … kb − 1): 1 for the same partition, about 0 for unrelated ones.
 * @param a First labels.
 * @param b Second labels.
 * @param ka Clusters of a.
 * @param kb Clusters of b.
 */
export function runAgreement(a: Int32Array, b: Int32Array, ka: number, kb: number): number {
  const n = a.length
  const cells = ka * kb
  // The contingency table's cells, then the sizes of a's clusters, then those of b's.
  const counts = new Int32Array(cells + ka + kb)
  for (let i = 0; i < n; i++) {
    counts[a[i]! * kb + b[i]!]!++
    counts[cells + a[i]!]!++
    counts[cells + ka + b[i]!]!++
  }
  // Σ c·(c − 1)/2 over counts [from, to): the pairs inside groups of these sizes.
  const pairs = (from: number, to: number) => {
    let sum = 0
    for (let c = from; c < to; c++) sum += (counts[c]! * (counts[c]! - 1)) / 2
    return sum
  }
  const both = pairs(0, cells)
  const inA = pairs(cells, cells + ka)
  const inB = pairs(cells + ka, cells + ka + kb)
  const expected = n < 2 ? 0 : (inA * inB) / ((n * (n - 1)) / 2)
  const mean = (inA + inB) / 2
  return mean === expected ? 1 : (both - expected) / (mean - expected)
}

/**
 * Index of the most stable candidate: for each, the mean agreement of its runs with every
 * run of the neighbouring candidates (one below, one above); ties go to the finer scale.
 * @param runs Per candidate, its runs' labels.
 * @param candidates The candidates' numbers of parts, ascending.
 */
export function mostStableScale(runs: readonly (readonly Int32Array[])[], candidates: readonly number[]): number {
  const stability = candidates.map((k, i) => {
    let sum = 0
    let count = 0
    for (const j of [i - 1, i + 1]) {
      for (const a of runs[i]!) {
        for (const b of runs[j] ?? []) {
          sum += runAgreement(a, b, k, candidates[j]!)
          count++
        }
      }
    }
    return count && sum / count
  })
  let best = candidates.length - 1
  for (let i = best - 1; i >= 0; i--) if (stability[i]! > stability[best]!) best = i
  return best
}
