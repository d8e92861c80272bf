/**
 * Entropy and mutual information of labellings, in nats. Internal to src/eval.
 *
 * Every term has the form (c/n)·log(n/c) or (nᵢⱼ/n)·log(n·nᵢⱼ / (aᵢ·bⱼ)): the count ratio is
 * formed exactly (integer products stay below 2^53) and rounded once before the logarithm,
 * empty cells never appear (0·log 0 = 0 by construction), and the terms are summed with
 * compensation, so identical partitions give a mutual information equal to their entropy.
 */
import type { Contingency } from './contingency.js'
import { CompensatedSum } from './sum.js'

/**
 * Shannon entropy H = Σ (c/n)·log(n/c) of a labelling given its class sizes.
 * @param sizes Items per class; zero sizes contribute nothing.
 * @param n Total number of items.
 */
export function entropy(sizes: Int32Array, n: number): number {
  const sum = new CompensatedSum()
  for (let c = 0; c < sizes.length; c++) {
    const size = sizes[c]!
    if (size > 0 && size < n) sum.add((size / n) * Math.log(n / size))
  }
  return +sum
}

/**
 * Mutual information I = Σᵢⱼ (nᵢⱼ/n)·log(n·nᵢⱼ / (aᵢ·bⱼ)) of the two labellings of a
 * contingency table, clipped at 0 against rounding.
 * @param table Contingency table.
 */
export function mutualInformation(table: Contingency): number {
  const { n, cells } = table
  const a = table.truth.sizes
  const b = table.predicted.sizes
  const sum = new CompensatedSum()
  for (let p = 0; p < cells.count.length; p++) {
    const nij = cells.count[p]!
    const ratio = (n * nij) / (a[cells.truthCode[p]!]! * b[cells.predictedCode[p]!]!)
    if (ratio !== 1) sum.add((nij / n) * Math.log(ratio))
  }
  return Math.max(0, +sum)
}
