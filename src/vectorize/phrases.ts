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
  const pairs = new PairTable()
  let nTokens = 0
  for (let d = 0; d < nDocs; d += step) {
    let previous = BOUNDARY
    for (let p = streams.docStart[d]!; p < streams.docStart[d + 1]!; p++) {
      if (streams.isPart[p]) continue
      const unit = streams.units[p]!
      if (unit < 0) {
        previous = BOUNDARY
        continue
      }
      unitCounts[unit]++
      nTokens++
      if (previous >= 0 && previous !== unit) pairs.count(previous, unit, d)
      previous = unit
    }
  }
  const selected = new Set<number>()
  const minDocs = settings.minPhraseCount
  for (let slot = 0; slot < pairs.capacity; slot++) {
    const docs = pairs.docs[slot]!
    if (docs < minDocs) continue
    const a = pairs.first[slot]!
    const b = pairs.second[slot]!
    const pab = pairs.counts[slot]! / nTokens
    const npmi = Math.log(pab / ((unitCounts[a]! / nTokens) * (unitCounts[b]! / nTokens))) / -Math.log(pab)
    if (npmi >= settings.minPhraseAssociation) selected.add(a * nUnits + b)
  }
  return selected
}

/**
 * Counts of adjacent pairs of units `(a, b)`: occurrences and documents, in an
 * open-addressing table of typed arrays (pair keys `a · nUnits + b` outgrow small integers
 * on large vocabularies, and a Map of boxed numbers is slow).
 */
class PairTable {
  capacity = 1 << 12
  /** First unit of the pair in each slot, -1 for an empty slot. */
  first = new Int32Array(this.capacity).fill(-1)
  second = new Int32Array(this.capacity)
  counts = new Int32Array(this.capacity)
  docs = new Int32Array(this.capacity)
  /** Last document each pair was counted in, so that a document counts once. */
  lastDoc = new Int32Array(this.capacity)
  private size = 0

  /**
   * Counts one occurrence of the pair `(a, b)` in document `d` (documents in ascending order).
   * @param a First unit.
   * @param b Second unit.
   * @param d Document.
   */
  count(a: number, b: number, d: number): void {
    const mask = this.capacity - 1
    let slot = pairHash(a, b) & mask
    for (;;) {
      const first = this.first[slot]!
      if (first === -1) break
      if (first === a && this.second[slot] === b) {
        this.counts[slot]!++
        if (this.lastDoc[slot] !== d) {
          this.lastDoc[slot] = d
          this.docs[slot]!++
        }
        return
      }
      slot = (slot + 1) & mask
    }
    this.first[slot] = a
    this.second[slot] = b
    this.counts[slot] = 1
    this.docs[slot] = 1
    this.lastDoc[slot] = d
    if (2 * ++this.size > this.capacity) this.grow()
  }

  /** Doubles the table. */
  private grow(): void {
    const { first, second, counts, docs, lastDoc } = this
    this.capacity *= 2
    this.first = new Int32Array(this.capacity).fill(-1)
    this.second = new Int32Array(this.capacity)
    this.counts = new Int32Array(this.capacity)
    this.docs = new Int32Array(this.capacity)
    this.lastDoc = new Int32Array(this.capacity)
    const mask = this.capacity - 1
    for (let old = 0; old < first.length; old++) {
      if (first[old] === -1) continue
      let slot = pairHash(first[old]!, second[old]!) & mask
      while (this.first[slot] !== -1) slot = (slot + 1) & mask
      this.first[slot] = first[old]!
      this.second[slot] = second[old]!
      this.counts[slot] = counts[old]!
      this.docs[slot] = docs[old]!
      this.lastDoc[slot] = lastDoc[old]!
    }
  }
}

/**
 * A hash of a pair of non-negative integers (multiplicative, then mixed).
 * @param a First.
 * @param b Second.
 */
function pairHash(a: number, b: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)
  return h ^ (h >>> 16)
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
