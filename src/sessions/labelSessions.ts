/**
 * Labels sessions with their most distinctive shared terms, scored as theme keywords are
 * (src/cluster/labelThemes.ts): score = p_s · ln((p_s + ε) / (p_rest + ε)), p_s the share of
 * the session's talks containing the term, p_rest the share of the other talks, ε = 1 / n.
 * In sessions of three or more talks a term must be shared by two of them. Works one session
 * at a time so memory stays proportional to one session, not to all of them.
 */
import { composeLabel, distinctiveness } from '../cluster/labelThemes.js'
import type { CsrMatrix } from '../types.js'
import type { TfidfModel } from '../vectorize/tfidf.js'

/**
 * A label of up to `terms` terms for every session.
 * @param matrix TF-IDF rows (only the pattern of non-zeros is read).
 * @param model Fitted vocabulary (document counts and display forms).
 * @param sessions Talk indices of each session.
 * @param terms Terms per label.
 */
export function labelSessions(matrix: CsrMatrix, model: TfidfModel, sessions: readonly Int32Array[], terms: number): string[] {
  const n = matrix.nRows
  const counts = new Int32Array(matrix.nCols)
  return sessions.map((members) => {
    const seen: number[] = []
    for (let t = 0; t < members.length; t++) {
      const i = members[t]
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) {
        const term = matrix.indices[p]
        if (counts[term]++ === 0) seen.push(term)
      }
    }
    const size = members.length
    const scored: { term: number; score: number }[] = []
    for (const term of seen) {
      const inSession = counts[term]
      counts[term] = 0
      const score = distinctiveness(inSession, size, model.docCounts[term], n)
      if (score > 0) scored.push({ term, score })
    }
    scored.sort((a, b) => b.score - a.score || a.term - b.term)
    return composeLabel(scored.map((s) => model.labels[s.term]!), terms)
  })
}
