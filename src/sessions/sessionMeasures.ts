/** How alike the talks of each session are, and how alike parallel sessions are. */
import { COASSOCIATION_SHARE, TFIDF_SHARE } from '../similarity/cosine.js'
import type { RankingIndex } from '../similarity/rankingIndex.js'
import { round } from '../util/round.js'
import type { Session } from './groupSessions.js'
import { sessionCoAssociation, sessionSimilarity, type SessionVectors } from './similarityTable.js'

/**
 * Mean pair similarity inside each session: the blend from the mean vectors, minus the talks'
 * self-products, and with consensus runs the mean co-association of the pairs.
 */
export function withinSimilarities(ranking: RankingIndex, vectors: SessionVectors, groups: readonly Int32Array[]): Float64Array {
  const { matrix, ensemble } = ranking
  const { dimensions: d, vectors: lsa } = ranking.embedding
  const coAssociation = ensemble === undefined ? null : sessionCoAssociation(ensemble, matrix.nRows, groups)
  const out = new Float64Array(groups.length)
  groups.forEach((members, s) => {
    const k = members.length
    if (k < 2) {
      out[s] = 1
      return
    }
    let self = 0
    for (let t = 0; t < k; t++) {
      const i = members[t]
      let sparse = 0
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) sparse += matrix.data[p] * matrix.data[p]
      let dense = 0
      for (let c = 0; c < d; c++) dense += lsa[i * d + c] * lsa[i * d + c]
      self += TFIDF_SHARE * sparse + (1 - TFIDF_SHARE) * dense
    }
    // k² · |mean|² = Σ_i Σ_j v_i · v_j = Σ_i |v_i|² + 2 Σ_{pairs} v_i · v_j
    const cosine = (k * k * sessionSimilarity(vectors, s, s) - self) / (k * (k - 1))
    out[s] = coAssociation === null ? cosine : (1 - COASSOCIATION_SHARE) * cosine + (COASSOCIATION_SHARE * 2 * coAssociation[s]) / (k * (k - 1))
  })
  return out
}

export function meanWithin(sessions: readonly Session[]): number {
  let total = 0
  let count = 0
  for (const session of sessions) {
    if (session.talks.length < 2) continue
    total += session.similarity
    count++
  }
  return count === 0 ? 0 : total / count
}

/** Mean similarity of two sessions in the same slot; null when no slot has two. */
export function meanParallel(vectors: SessionVectors, slot: Int32Array, nSlots: number): number | null {
  const bySlot: number[][] = Array.from({ length: nSlots }, () => [])
  for (let s = 0; s < slot.length; s++) bySlot[slot[s]].push(s)
  let total = 0
  let count = 0
  for (const members of bySlot) {
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        total += sessionSimilarity(vectors, members[x], members[y])
        count++
      }
    }
  }
  return count === 0 ? null : round(total / count, 6)
}

/** Theme most talks of each session belong to (ties: lower theme index). */
export function dominantThemes(assignments: Int32Array, groups: readonly Int32Array[]): Int32Array {
  return Int32Array.from(groups, (members) => {
    const counts = new Map<number, number>()
    let best = -1
    let bestCount = 0
    for (let t = 0; t < members.length; t++) {
      const theme = assignments[members[t]]
      const count = (counts.get(theme) ?? 0) + 1
      counts.set(theme, count)
      if (count > bestCount || (count === bestCount && theme < best)) {
        best = theme
        bestCount = count
      }
    }
    return best
  })
}
