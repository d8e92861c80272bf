/**
 * Two-word phrases: adjacent units that co-occur in enough documents with enough normalised
 * PMI become extra terms, labelled by their most frequent surface form.
 */
import type { CountSettings } from './countTerms.js'
import { mostFrequent, surfaceOf } from './lexicon.js'
import { BOUNDARY, type Streams } from './termStreams.js'

/** Documents sampled for phrase detection: enough for stable statistics, bounded cost. */
const PHRASE_SAMPLE_DOCS = 20_000

/**
 * Selects frequent, strongly associated adjacent pairs of units.
 *
 * Association is normalised PMI over adjacent pairs: `ln(p(ab) / (p(a) p(b))) / -ln p(ab)`
 * (Bouma 2009), counted on at most `PHRASE_SAMPLE_DOCS` evenly spaced documents.
 * @param streams Unit streams.
 * @param nUnits Number of units.
 * @param settings Phrase thresholds.
 * @returns Selected pairs as `a * nUnits + b` keys.
 */
export function selectPhrases(streams: Streams, nUnits: number, settings: CountSettings): Set<number> {
  const nDocs = streams.docStart.length - 1
  const step = Math.max(1, Math.floor(nDocs / PHRASE_SAMPLE_DOCS))
  const unitCounts = new Float64Array(nUnits)
  const pairDocs = new Map<number, number>()
  const pairCounts = new Map<number, number>()
  const seenInDoc = new Set<number>()
  let nTokens = 0
  for (let d = 0; d < nDocs; d += step) {
    seenInDoc.clear()
    let previous = BOUNDARY
    for (let p = streams.docStart[d]; p < streams.docStart[d + 1]; p++) {
      if (streams.isPart[p]) continue
      const unit = streams.units[p]
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      unitCounts[unit]++
      nTokens++
      if (previous >= 0 && previous !== unit) {
        const key = previous * nUnits + unit
        pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1)
        if (!seenInDoc.has(key)) {
          seenInDoc.add(key)
          pairDocs.set(key, (pairDocs.get(key) ?? 0) + 1)
        }
      }
      previous = unit
    }
  }
  const selected = new Set<number>()
  const minDocs = settings.minPhraseCount
  for (const [key, docs] of pairDocs) {
    if (docs < minDocs) continue
    const a = Math.floor(key / nUnits)
    const b = key - a * nUnits
    const pab = pairCounts.get(key)! / nTokens
    const npmi = Math.log(pab / ((unitCounts[a] / nTokens) * (unitCounts[b] / nTokens))) / -Math.log(pab)
    if (npmi >= settings.minPhraseAssociation) selected.add(key)
  }
  return selected
}

/**
 * The most frequent surface text of each selected phrase, as written (`secure boot`, not the
 * per-word forms `security boot`); ties go to the lower-case form, then the alphabetically
 * first, as for single words.
 * @param streams Unit streams with raw token types.
 * @param typeNames Raw token of each type id.
 * @param selected Selected pairs as `a * nUnits + b` keys.
 * @param nUnits Number of units.
 * @returns Surface text per selected pair key.
 */
export function phraseSurfaces(streams: Streams, typeNames: readonly string[], selected: ReadonlySet<number>, nUnits: number): Map<number, string> {
  // Counted by pair of raw token types (no string per occurrence), then by surface text:
  // types read in texts of different languages can share a surface.
  const counts = new Map<number, Map<number, number>>()
  const nTypes = typeNames.length
  // Most units start no selected phrase: a flag per unit spares the set lookup.
  const startsPhrase = new Uint8Array(nUnits)
  for (const key of selected) startsPhrase[Math.floor(key / nUnits)] = 1
  const { units, isPart, surfaces, docStart } = streams
  const nDocs = docStart.length - 1
  for (let d = 0; d < nDocs; d++) {
    let previous = BOUNDARY
    let previousSurface = -1
    for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
      if (isPart[p]) continue
      const unit = units[p]!
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      if (previous >= 0 && startsPhrase[previous] === 1) {
        const key = previous * nUnits + unit
        if (selected.has(key)) {
          const typePair = previousSurface * nTypes + surfaces[p]!
          let forms = counts.get(key)
          if (forms === undefined) counts.set(key, (forms = new Map()))
          forms.set(typePair, (forms.get(typePair) ?? 0) + 1)
        }
      }
      previous = unit
      previousSurface = surfaces[p]!
    }
  }
  const best = new Map<number, string>()
  for (const [key, typePairs] of counts) {
    const forms = new Map<string, number>()
    for (const [typePair, count] of typePairs) {
      const a = Math.floor(typePair / nTypes)
      const surface = `${surfaceOf(typeNames[a]!)} ${surfaceOf(typeNames[typePair - a * nTypes]!)}`
      forms.set(surface, (forms.get(surface) ?? 0) + count)
    }
    best.set(key, mostFrequent(forms))
  }
  return best
}
