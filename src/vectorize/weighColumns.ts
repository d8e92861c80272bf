/** The fitted TF-IDF weights of counted terms (`fitTfidf`, `transformTfidf`). */
import type { CsrMatrix } from '../types.js'
import { CsrBuilder } from './csr.js'
import { grown } from './lexicon.js'
import type { TfidfModel } from './tfidf.js'

/**
 * The TF-IDF rows of raw counts: the columns with a new id ≥ 0 kept, renumbered and sorted
 * in each row, each count weighed `tf · idf^p` and each row scaled to unit length
 * (`x / ‖x‖₂`, zero rows stay zero), in one pass per row. Weights are stored as float32
 * before the row's length is summed, as a weighing pass and then `normalizeRows` would.
 * @param counts Weighted counts per row.
 * @param newIds New id per column of `counts`, -1 to drop.
 * @param model Fitted model (terms, idf, options).
 */
export function weighColumns(counts: CsrMatrix, newIds: Int32Array, model: Pick<TfidfModel, 'terms' | 'idf' | 'options'>): CsrMatrix {
  const nCols = model.terms.length
  const sublinear = model.options.sublinearTf
  // Models saved before idfPower existed weighed by idf alone.
  const power = model.options.idfPower ?? 1
  const idf = power === 1 ? model.idf : weightedIdf(model.idf, power)
  const builder = new CsrBuilder(nCols)
  const values = new Float32Array(nCols)
  let row = new Int32Array(256)
  for (let i = 0; i < counts.nRows; i++) {
    let n = 0
    for (let p = counts.indptr[i]; p < counts.indptr[i + 1]; p++) {
      const j = newIds[counts.indices[p]]
      if (j < 0) continue
      if (n === row.length) row = grown(row, n + 1)
      row[n++] = j
      values[j] = counts.data[p]
    }
    const sorted = row.subarray(0, n).sort()
    let sum = 0
    for (let q = 0; q < n; q++) {
      const j = sorted[q]
      const count = values[j]
      values[j] = (sublinear && count > 1 ? 1 + Math.log(count) : count) * idf[j]
      sum += values[j] * values[j]
    }
    const scale = sum === 0 ? 1 : 1 / Math.sqrt(sum)
    for (let q = 0; q < n; q++) builder.push(sorted[q], values[sorted[q]] * scale)
    builder.endRow()
  }
  return builder.finish()
}

/**
 * The idf raised to a power, as the weights use it.
 * @param idf Smoothed idf per term.
 * @param power Exponent.
 */
function weightedIdf(idf: Float32Array, power: number): Float32Array {
  const out = new Float32Array(idf.length)
  for (let j = 0; j < idf.length; j++) out[j] = Math.pow(idf[j], power)
  return out
}

