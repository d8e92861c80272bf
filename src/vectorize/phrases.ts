/**
 * Two-word phrases: adjacent units that co-occur in enough documents with enough normalised
 * PMI become extra terms, labelled by their most frequent surface form.
 */
import type { CountSettings } from './countTerms.js'
import { surfaceOf } from './lexicon.js'
import { PairMap, pairHash } from './pairMap.js'
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
  // Counted by pair of raw token types in a table of typed arrays (no string, no boxed key per
  // occurrence), then by surface text: types read in texts of different languages can share
  // a surface.
  const phraseKeys = [...selected]
  const phraseIds = new PairMap()
  // Most units start no selected phrase: a flag per unit spares the pair lookup.
  const startsPhrase = new Uint8Array(nUnits)
  phraseKeys.forEach((key, i) => {
    const a = Math.floor(key / nUnits)
    startsPhrase[a] = 1
    phraseIds.set(a, key - a * nUnits, i)
  })
  const typePairIds = new PairMap()
  const pairPhrase: number[] = []
  const pairFirst: number[] = []
  const pairSecond: number[] = []
  const pairCount: number[] = []
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
      const surface = surfaces[p]!
      if (previous >= 0 && startsPhrase[previous] === 1) {
        const phrase = phraseIds.get(previous, unit)
        if (phrase >= 0) {
          let id = typePairIds.get(previousSurface, surface)
          if (id < 0) {
            id = pairCount.length
            typePairIds.set(previousSurface, surface, id)
            pairPhrase.push(phrase)
            pairFirst.push(previousSurface)
            pairSecond.push(surface)
            pairCount.push(0)
          }
          pairCount[id]!++
        }
      }
      previous = unit
      previousSurface = surface
    }
  }
  const forms: (Map<string, number> | undefined)[] = new Array(phraseKeys.length)
  for (let id = 0; id < pairCount.length; id++) {
    const surface = `${surfaceOf(typeNames[pairFirst[id]!]!)} ${surfaceOf(typeNames[pairSecond[id]!]!)}`
    const phraseForms = (forms[pairPhrase[id]!] ??= new Map())
    phraseForms.set(surface, (phraseForms.get(surface) ?? 0) + pairCount[id]!)
  }
  const best = new Map<number, string>()
  forms.forEach((phraseForms, i) => {
    if (phraseForms !== undefined) best.set(phraseKeys[i]!, mostFrequent(phraseForms))
  })
  return best
}

/**
 * The most frequent form; ties: the lower-case one, then the alphabetically first.
 * @param forms Count per form.
 */
export function mostFrequent(forms: ReadonlyMap<string, number>): string {
  let best = ''
  let bestCount = 0
  for (const form of [...forms.keys()].sort()) {
    const count = forms.get(form)!
    if (count > bestCount || (count === bestCount && best !== best.toLowerCase() && form === form.toLowerCase())) {
      best = form
      bestCount = count
    }
  }
  return best
}
